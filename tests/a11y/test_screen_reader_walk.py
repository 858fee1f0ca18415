"""A blind notifier's walk through one demo case, read through the real Linux accessibility stack.

The demo runs under Xvfb with Qt's AT-SPI bridge on; the system's pyatspi (the library Orca is built
on) reads the tree and the events, and the case is typed with real key presses (XTest), from choosing
it to sending it and the municipality's side (tests/support/atspi/demo_walk.py; the walk runs once,
in tests/a11y/conftest.py). These tests check what a screen-reader user depends on (issue 21): the
numbers to call are spoken, the problems on the review page are spoken and lead to their fields,
every control has a name that starts with its visible words, every radio group is named, the
municipality's receipt can be read, no text read out holds Qt's private separators (U+FDD0/1), the
review document and the training feedback have headings and the review's gaps are links, and the
search among the signs says how many match, and turning a page moves the focus once.
Every window and page visited is written as a tree dump (``scripts/gallery.sh OUT --screen-reader``).
"""

from __future__ import annotations

import re

import pytest

from tests.support.atspi.demo_walk import (
    FEEDBACK,
    MUNICIPALITY,
    NOTHING_FOUND,
    REVIEW_STEP,
    SEARCH,
    WIZARD,
    Walk,
    names_against_visible_words,
)
from tests.support.atspi.tree import PRIVATE_SEPARATORS, Node, exposed_strings, focusable_showing, label, walk

pytestmark = pytest.mark.slow

def test_the_numbers_to_call_are_spoken_when_the_child_is_in_danger_now(screen_reader_walk: Walk) -> None:
    step = screen_reader_walk.step("side 1 – ja")
    spoken = step.announcements() + [event["name"] for event in step.focus_events()]
    assert any("112" in text for text in spoken), (
        "after »Ja« to »Er barnet i fare lige nu?« a screen reader must say the numbers to call "
        f"(an announcement or focus on them); AT-SPI said: {step.heard()}")


def test_the_problems_on_the_review_page_are_spoken(screen_reader_walk: Walk) -> None:
    step = screen_reader_walk.step(REVIEW_STEP)
    problems = [node for node, parents in walk(step.windows[WIZARD])
                if node["role"] == "push button" and "›" in node["name"]]
    assert problems, "the review page of a half-filled case shows the problems as buttons (»Side › felt: …«)"
    spoken = " ".join(step.announcements())
    assert problems[0]["name"] in spoken, (
        f"entering the review page must announce its problems (first: {problems[0]['name']!r}); "
        f"AT-SPI said: {step.heard()}")


def test_every_control_a_person_can_reach_has_a_name(screen_reader_walk: Walk) -> None:
    nameless = [f"{step.name} / {title}: {label(node)}"
                for step, title, window in screen_reader_walk.windows()
                for node in focusable_showing(window) if not node["name"].strip()]
    assert nameless == []


def test_every_button_name_starts_with_its_visible_words(screen_reader_walk: Walk) -> None:
    # Voice-control users say the words they see ("klik Næste"); a screen reader says the name.
    checked, wrong = names_against_visible_words(screen_reader_walk.steps)
    assert checked > 80, "the walk reads the buttons of every page and window"
    assert wrong == []


def test_every_radio_group_is_named_by_its_question(screen_reader_walk: Walk) -> None:
    unnamed = []
    radios = 0
    for step, _title, window in screen_reader_walk.windows():
        for node, parents in walk(window):
            if node["role"] != "radio button":
                continue
            radios += 1
            group = parents[-1]
            labelled = [target["name"] for relation in node.get("relations", [])
                        if relation["type"] == "labelled by" for target in relation["targets"]]
            if not group["name"].strip() and not any(name.strip() for name in labelled):
                unnamed.append(f"{step.name}: {label(node)} in {label(group)}")
    assert radios > 10, "the walk meets the radio groups of several pages"
    assert unnamed == []


def test_the_walk_writes_a_tree_of_every_window_it_visits(screen_reader_walk: Walk) -> None:
    dumps = sorted(path.name for path in screen_reader_walk.trees.glob("*.txt"))
    assert len(dumps) == sum(len(step.windows) for step in screen_reader_walk.steps)
    review = next(path for path in sorted(screen_reader_walk.trees.glob("*.txt")) if "gennemse" in path.name)
    assert "[push button] 'Gør færdig og send'" in review.read_text(encoding="utf-8")


def test_a_problem_on_the_review_page_leads_to_its_field_and_says_what_is_missing(
        screen_reader_walk: Walk) -> None:
    step = screen_reader_walk.step("første problem")
    focus = step.focus_events()
    assert focus and focus[-1]["role"] == "text" and focus[-1]["name"].startswith("Det har du set og hørt"), \
        step.heard()
    # Said with the field when the focus arrives (its description), or announced.
    field = [node for node, _ in walk(step.windows[WIZARD])
             if "focused" in node["states"] and node["role"] == "text"]
    assert field, "the field has the focus in the tree too"
    said = [field[0]["description"], *step.announcements()]
    assert any("Udfyld" in text for text in said), \
        f"{label(field[0])} desc={field[0]['description']!r}; {step.heard()}"


def test_the_receipt_on_the_municipalitys_side_can_be_read(screen_reader_walk: Walk) -> None:
    window = screen_reader_walk.step("kommunens side").windows[MUNICIPALITY]
    exposed = [text for _node, _which, text in exposed_strings(window)]
    assert any("Referencenummer" in text and "DEMO-2026-" in text for text in exposed), \
        "the receipt (reference number, time received, key, signature) must be readable by a screen reader"


def test_no_text_read_out_holds_qts_private_separators(screen_reader_walk: Walk) -> None:
    # Qt's rich-text views join table cells with U+FDD0 and end tables with U+FDD1; a screen reader
    # reads them out as unknown characters, in the middle of the notification.
    found = [f"{step.name}: {label(node)} {which} {text[:80]!r}…"
             for step, _title, window in screen_reader_walk.windows()
             for node, which, text in exposed_strings(window) if any(c in text for c in PRIVATE_SEPARATORS)]
    assert found == []


def _document(window: Node, name: str) -> Node:
    documents = [node for node, _ in walk(window) if node["name"].startswith(name)]
    assert documents, f"no object named {name!r}… in {label(window)}"
    return documents[0]


def _headings_and_links(document: Node) -> tuple[list[str], list[Node]]:
    inside = [node for node, _ in walk(document)]
    headings = [node["name"] for node in inside if node["role"] == "heading" and node["name"].strip()]
    links = [node for node in inside if node["role"] == "link" and node["name"].strip()]
    return headings, links


def test_the_review_document_has_headings_and_links(screen_reader_walk: Walk) -> None:
    # A screen reader jumps by headings (H) and lists the links (Insert+F7); the gaps the page asks to
    # fix (»Ikke udfyldt endnu«) are links that its Press action follows.
    document = _document(screen_reader_walk.step(REVIEW_STEP).windows[WIZARD], "Underretningen")
    headings, links = _headings_and_links(document)
    assert "Underretning" in headings and "Barnet" in headings, f"{label(document)} has headings {headings}"
    gaps = [link for link in links if link["name"].startswith("Ikke udfyldt endnu")]
    assert gaps, f"{label(document)} has links {[label(link) for link in links]}"
    assert all(any(name == "Press" for name, _key in link.get("actions", [])) for link in gaps), \
        [(label(link), link.get("actions")) for link in gaps]


def test_the_training_feedback_has_headings(screen_reader_walk: Walk) -> None:
    window = screen_reader_walk.step("sendt").windows[FEEDBACK]
    headings, _links = _headings_and_links(window)
    assert "Tegn, du markerede" in headings, f"{label(window)} has headings {headings}"


def test_the_sign_search_says_how_many_signs_match(screen_reader_walk: Walk) -> None:
    found = screen_reader_walk.step(f"søgning »{SEARCH}«")
    assert any(re.fullmatch(r"\d+ tegn passer til søgningen\.", text) for text in found.announcements()), \
        found.heard()
    none = screen_reader_walk.step(f"søgning »{SEARCH}{NOTHING_FOUND}«")
    assert "Ingen tegn passer til søgningen." in none.announcements(), none.heard()


def test_turning_a_page_moves_focus_once(screen_reader_walk: Walk) -> None:
    # Each focus event is spoken: a stray one on »Tilbage« before the new page's first field makes
    # a screen reader start saying the wrong button.
    pages = [step for step in screen_reader_walk.steps if step.turned_page]
    stray = {step.name: [label(event) for event in step.focus_events()]
             for step in pages if len(step.focus_events()) != 1}
    assert stray == {}


#: Steps still known to pass the focus through other objects first (issue 21 pt 3); every other key in the
#: walk must move the focus at most once. Fixed: starting the demo ('Ny underretning' before the case list),
#: opening the case ('Barn i fare? Hvem skal jeg ringe til' before 'Ja') and sending ('Gør færdig og send',
#: 'Ret den' before the training feedback). Add a step here only with an issue to fix it.
KNOWN_STRAY_FOCUS: tuple[str, ...] = ()


def test_no_other_key_moves_the_focus_more_than_once(screen_reader_walk: Walk) -> None:
    stray = {step.name: [label(event) for event in step.focus_events()]
             for step in screen_reader_walk.steps
             if len(step.focus_events()) > 1 and step.name not in KNOWN_STRAY_FOCUS}
    assert stray == {}
    assert len(screen_reader_walk.steps) > 20, "the walk goes from the case list to the municipality's side"
