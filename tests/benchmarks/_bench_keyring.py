"""A file keyring for benchmark subprocesses (the real OS keyring is not available offscreen).

Selected with ``PYTHON_KEYRING_BACKEND=_bench_keyring.BenchKeyring`` and
``UNDERRET_BENCH_KEYRING_DIR``; a subclass of keyrings.alt's PlaintextKeyring
kept in the benchmark's own temporary folder.
"""

from __future__ import annotations

import os

from keyrings.alt.file import PlaintextKeyring


class BenchKeyring(PlaintextKeyring):  # type: ignore[misc]  # keyrings.alt has no type information
    """PlaintextKeyring inside the benchmark folder."""

    @property
    def file_path(self) -> str:
        return os.path.join(os.environ["UNDERRET_BENCH_KEYRING_DIR"], "keyring_pass.cfg")
