"""Report how many fuzz cases ran; a full fuzz run (scripts/fuzz.sh) fails below its minimum."""

from __future__ import annotations

import os

import pytest

from tests.fuzz import budget


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    terminalreporter.write_line(f"fuzz cases run: {budget.total()}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    minimum = int(os.environ.get("UNDERRET_FUZZ_MIN", "0"))
    if minimum and budget.total() < minimum and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        print(f"\nfuzz: only {budget.total()} cases ran, fewer than the {minimum} required")
