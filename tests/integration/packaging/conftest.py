"""Fixtures for the packaging tests: a current frozen build and a way to run it.

The build itself (reused when newer than every source, else built, under a lock)
is ``tests/support/packaging.py``, shared with the packaging benchmark.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.packaging import Build, app_env, build_lock, current_build

RunApp = Callable[..., "subprocess.CompletedProcess[str]"]


@pytest.fixture(scope="session")
def frozen_build() -> Iterator[Build]:
    """A current frozen build (built here when missing or older than the sources)."""
    # Two test runs in one tree must not build into packaging/dist at the same time.
    with build_lock():
        yield current_build()


@pytest.fixture
def run_app() -> RunApp:
    """Run a built executable with :func:`app_env`; returns the CompletedProcess."""

    def run(executable: Path, args: list[str], data_dir: Path, timeout: float = 120,
            **extra: str) -> subprocess.CompletedProcess[str]:
        data_dir.mkdir(parents=True, exist_ok=True)
        return subprocess.run([str(executable), *args], env=app_env(data_dir, **extra), capture_output=True,
                              text=True, timeout=timeout, check=False)

    return run
