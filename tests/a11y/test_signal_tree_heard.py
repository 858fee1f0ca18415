"""The signs list through the real AT-SPI stack: Tab into it is heard as the list, then the sign the cursor
is on; leaving it leaves one object with the focus; a sign does not claim to be expanded (screen-reader
review, finding 7). Its own short run of the demo (the shared walk in test_screen_reader_walk.py never
tabs into the list).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.atspi.demo_walk import WIZARD
from tests.support.atspi.session import INSTALL_HINT, AtspiSession, Event, leftover_processes, missing_tools
from tests.support.atspi.tree import walk

pytestmark = pytest.mark.slow

SEARCH = "Søg i tegnene"


def _focus(event: Event) -> bool:
    return bool(event["type"] == "focus:")


def test_tab_into_the_signs_is_heard_as_the_list_then_the_current_sign(tmp_path: Path) -> None:
    missing = missing_tools()
    if missing:
        pytest.fail("The screen-reader tests need the Linux accessibility stack; missing: "
                    f"{', '.join(missing)}. {INSTALL_HINT}", pytrace=False)
    with AtspiSession(tmp_path / "stack") as session:
        session.wait_for_app()
        session.wait_for(_focus, "the first focus in the case picker", timeout=60)
        since = session.key("alt+s")  # Start denne case
        session.wait_for(lambda e: _focus(e) and e["role"] == "radio button", "the first answer", since=since)
        session.key("down")
        session.key("space")  # Nej: not in danger now
        for _ in range(8):
            since = session.key("alt+n")
            session.wait_for(_focus, "the next page", since=since)
            session.settle()
            if any(_focus(e) and e["name"] == SEARCH for e in session.events[since:]):
                break
        else:
            raise AssertionError(f"Alt+N never reached the signs page (focus on {SEARCH!r})")

        since = session.key("Tab")
        session.settle()
        heard = [(e["role"], e["name"]) for e in session.events[since:] if _focus(e)]
        assert [role for role, _name in heard] == ["tree", "table cell"], heard  # Qt calls a tree item a cell
        sign = heard[-1][1]

        window = session.window(WIZARD)
        assert window is not None
        cells = {node["name"]: node for node, _ in walk(window) if node["role"] == "table cell"}
        assert "focused" in cells[sign]["states"] and "expanded" not in cells[sign]["states"]
        categories = [node for node in cells.values() if "expandable" in node["states"]]
        assert categories and all("expanded" in node["states"] for node in categories)

        since = session.key("Tab")
        session.settle()
        window = session.window(WIZARD)
        assert window is not None
        focused = [node["name"] for node, _ in walk(window) if "focused" in node["states"]]
        assert len(focused) == 1, focused  # the list's sign no longer claims the focus
    assert leftover_processes(session) == [], "the stack left processes running"
