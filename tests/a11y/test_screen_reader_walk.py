"""A blind notifier's walk through one demo case, read through the real Linux accessibility stack.

The demo runs under Xvfb with Qt's AT-SPI bridge on; the system's pyatspi (the library Orca is built
on) reads the tree and the events, and the walk is typed with real key presses (XTest): choose the
first training case, answer »Ja« to »Er barnet i fare lige nu?«, turn every page with Alt+N to
»Gennemse og send«. The tests then check what a screen-reader user depends on (issue 21):
the numbers to call are spoken, the problems on the review page are spoken, every control has a
name that starts with its visible words, every radio group is named, and no text read out holds
Qt's private separator characters. Every window and page visited is written as a tree dump (for the
gallery: ``scripts/gallery.sh OUT --screen-reader``, or set ``UNDERRET_ATSPI_TREES`` to a folder).

The stack's packages come from the distribution (see tests/support/atspi/session.py); when they are
missing the test FAILS with how to install them: CI installs them in .ci/run, so a missing stack
can never pass unnoticed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.support.atspi.session import (
    INSTALL_HINT,
    AtspiSession,
    Event,
    describe_event,
    leftover_processes,
    missing_tools,
)
from tests.support.atspi.tree import Node, as_text, focusable_showing, label, walk

pytestmark = pytest.mark.slow

TREES_ENV = "UNDERRET_ATSPI_TREES"
PICKER = "[DEMO] Vælg en øvelsescase"
MAIN_WINDOW = "[DEMO] Underret – Demo"
WIZARD = "[DEMO] Underret – underretning"
REVIEW_STEP = "Gennemse og send"
#: The steps of the walk before Alt+N turns the first page.
BEFORE_THE_PAGES = ("øvelsescases", "side 1", "side 1 – ja")
#: How AT-SPI calls a button (a push button that stays pressed is a check box).
BUTTON_ROLES = ("push button", "check box", "radio button", "toggle button")
#: Most pages a notification can have; the walk stops with a failure if the review never comes.
MAX_PAGES = 20


@dataclass
class Step:
    """One place in the walk: the key that led there, what AT-SPI said, and the trees shown."""

    name: str
    events: list[Event]
    windows: dict[str, Node]
    buttons: list[dict[str, Any]] = field(default_factory=list)

    def announcements(self) -> list[str]:
        return [str(event["data"]) for event in self.events if event["type"] == "object:announcement"]

    def focus_events(self) -> list[Event]:
        return [event for event in self.events if event["type"] == "focus:"]

    def heard(self) -> str:
        return "; ".join(describe_event(event) for event in self.events
                         if not event["type"].startswith("object:property-change"))


@dataclass
class Walk:
    steps: list[Step]
    trees: Path

    def step(self, name: str) -> Step:
        return next(step for step in self.steps if step.name == name)

    def windows(self) -> Iterator[tuple[Step, str, Node]]:
        for step in self.steps:
            for title, window in step.windows.items():
                yield step, title, window


def _step_label(window: Node) -> str:
    names = (node["name"] for node, _ in walk(window))
    return next((name for name in names if re.match(r"Trin \d+ af \d+: ", name)), "")


def _record(session: AtspiSession, name: str | None, since: int, titles: tuple[str, ...],
            trees: Path) -> Step:
    """What the keys since event ``since`` led to; ``name`` None: the wizard page's own name."""
    session.settle()
    windows = {}
    for title in titles:
        window = session.window(title)
        assert window is not None, f"{name}: no window {title!r} on the AT-SPI desktop; there are " \
                                   f"{[w['name'] for w in session.windows()]}"
        windows[title] = window
    if name is None:
        name = _step_label(windows[WIZARD]).partition(": ")[2] or "?"
    step = Step(name, session.events[since:], windows, session.visible_buttons())
    heard = "".join(f"# heard: {describe_event(event)}\n" for event in step.events
                    if not event["type"].startswith("object:property-change"))
    for title, window in windows.items():
        shown_as = name if title == WIZARD else title.removeprefix("[DEMO] ")
        (trees / f"{len(list(trees.glob('*.txt'))):02d}-{_file_name(shown_as)}.txt").write_text(
            f"# {title} – {name}\n{heard}" + as_text(window), encoding="utf-8")
    return step


def _file_name(name: str) -> str:
    return re.sub(r"[^0-9A-Za-zæøåÆØÅ]+", "-", name).strip("-").lower()


@pytest.fixture(scope="module")
def screen_reader_walk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Walk]:
    missing = missing_tools()
    if missing:
        pytest.fail("The screen-reader test needs the Linux accessibility stack; missing: "
                    f"{', '.join(missing)}. {INSTALL_HINT}", pytrace=False)
    folder = tmp_path_factory.mktemp("atspi")
    trees = Path(os.environ.get(TREES_ENV) or folder / "trees")
    trees.mkdir(parents=True, exist_ok=True)
    for old in trees.glob("*.txt"):
        old.unlink()
    steps: list[Step] = []
    with AtspiSession(folder / "stack") as session:
        session.wait_for_app()
        session.wait_for(lambda event: event["type"] == "focus:", "the first focus in the case picker",
                         timeout=60)
        steps.append(_record(session, "øvelsescases", 0, (PICKER, MAIN_WINDOW), trees))

        since = session.key("alt+s")  # Start denne case
        session.wait_for(lambda event: event["type"] == "focus:" and event["role"] == "radio button",
                         "focus on the first answer of »Er barnet i fare lige nu?«", since=since)
        steps.append(_record(session, "side 1", since, (WIZARD,), trees))

        since = session.key("space")  # »Ja«: the child is in danger now
        session.wait_for(lambda event: event["type"] == "object:state-changed:checked"
                         and event["detail1"] == 1, "»Ja« checked", since=since)
        steps.append(_record(session, "side 1 – ja", since, (WIZARD,), trees))

        for _ in range(MAX_PAGES):
            since = session.key("alt+n")  # Næste
            # A loaded machine may pause longer than settle()'s quiet time before the new page takes focus.
            session.wait_for(lambda event: event["type"] == "focus:", "focus on the next page", since=since)
            step = _record(session, None, since, (WIZARD,), trees)
            steps.append(step)
            if step.name == REVIEW_STEP:
                break
        else:
            pytest.fail(f"Alt+N never reached »{REVIEW_STEP}«; last page {steps[-1].name!r}", pytrace=False)
    assert leftover_processes(session) == [], "the stack left processes running"
    yield Walk(steps, trees)


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
    checked = 0
    wrong = []
    for step in screen_reader_walk.steps:
        for button in step.buttons:
            window = step.windows.get(button["window"])
            if window is None:
                continue  # a window behind the one this step is about (not dumped here)
            nodes = [node for node, _ in walk(window)
                     if node["role"] in BUTTON_ROLES and node.get("extents", [])[:2] == button["extents"][:2]]
            assert nodes, f"{step.name}: {button['role']} {button['shown']!r} shown, not in the AT-SPI tree"
            # Matched by the top left corner: a wrapping radio button's accessible width is its text's.
            checked += 1
            if not nodes[0]["name"].startswith(button["shown"]):
                wrong.append(f"{step.name}: {label(nodes[0])} shows {button['shown']!r}")
    assert checked > 50, "the walk reads the buttons of every page"
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

