"""How many cases each fuzz test runs: a smoke slice in the normal suite, the full run under scripts/fuzz.sh.

``scripts/fuzz.sh`` sets ``UNDERRET_FUZZ=1``; each fuzz test then runs its
``full`` count (together at least 100,000 cases), otherwise its ``smoke`` count
(a few hundred in all). Each example calls :func:`count` once (an example may feed
its input to several entry points of a reader), and the fuzz folder's
conftest prints the total (and fails a full run below ``UNDERRET_FUZZ_MIN``).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_ran = 0


def full_run() -> bool:
    """Whether this is the separate fuzz command (``scripts/fuzz.sh``)."""
    return os.environ.get("UNDERRET_FUZZ") == "1"


def examples(*, smoke: int, full: int) -> settings:
    """Hypothesis settings for one fuzz test: ``full`` examples under fuzz.sh, ``smoke`` otherwise."""
    return settings(
        max_examples=full if full_run() else smoke,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


def count() -> None:
    """Record one fuzz case (the conftest reports the total)."""
    global _ran
    _ran += 1


def total() -> int:
    """Fuzz cases run so far in this process."""
    return _ran
