"""The screen-reader walk, once per test run, for every test in tests/a11y (see tests/support/atspi/).

The stack's packages come from the distribution (tests/support/atspi/session.py); when they are
missing the tests FAIL saying how to install them: CI installs them in .ci/run, so a missing stack
never passes unnoticed. ``UNDERRET_ATSPI_TREES=FOLDER`` keeps the tree dumps there (the gallery's
``scripts/gallery.sh OUT --screen-reader`` does).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.atspi.demo_walk import Walk, walk_demo_case
from tests.support.atspi.session import INSTALL_HINT, AtspiSession, leftover_processes, missing_tools

TREES_ENV = "UNDERRET_ATSPI_TREES"


@pytest.fixture(scope="session")
def screen_reader_walk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Walk]:
    missing = missing_tools()
    if missing:
        pytest.fail("The screen-reader tests need the Linux accessibility stack; missing: "
                    f"{', '.join(missing)}. {INSTALL_HINT}", pytrace=False)
    folder = tmp_path_factory.mktemp("atspi")
    trees = Path(os.environ.get(TREES_ENV) or folder / "trees")
    trees.mkdir(parents=True, exist_ok=True)
    for old in trees.glob("*.txt"):
        old.unlink()
    with AtspiSession(folder / "stack") as session:
        walked = walk_demo_case(session, trees)
    assert leftover_processes(session) == [], "the stack left processes running"
    yield walked
