"""One demo case walked by keyboard through the real AT-SPI stack, recorded step by step.

:func:`walk_demo_case` types what a blind notifier types: choose the first training case (Alt+S), answer
»Ja« to »Er barnet i fare lige nu?« (Space), turn every page (Alt+N) to »Gennemse og send« (searching the
signs for »alkohol«, then »alkoholxq«, on the way and emptying the search again), go to the first
problem (Space), write an answer, back to the review (Alt+G), the second problem (Space, Space for
»Ja«), back (Alt+G), finish (Alt+G), confirm (Space), read the training feedback and open the
municipality's side (Alt+D). At each step it keeps what AT-SPI said on the way (events) and the tree
of each window concerned, and writes that tree as text into ``trees`` (``NN-step.txt``, starting with
``# heard:`` lines: the focus, announcement, state and window events of the step).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.atspi.session import AtspiSession, Event, describe_event
from tests.support.atspi.tree import Node, as_text, label, walk

PICKER = "[DEMO] Vælg en øvelsescase"
MAIN_WINDOW = "[DEMO] Underret – Demo"
WIZARD = "[DEMO] Underret – underretning"
CONFIRM = "[DEMO] Gør færdig og send?"
FEEDBACK = "[DEMO] Hvordan gik det?"
MUNICIPALITY = "[DEMO] Kommunens side – Demo Kommune"
REVIEW_STEP = "Gennemse og send"
SIGNALS_STEP = "Det har du lagt mærke til"
#: What the walk searches for among the signs (two of the case's signs mention it).
SEARCH = "alkohol"
#: Typed after it: then no sign matches.
NOTHING_FOUND = "xq"
#: How AT-SPI calls a button (a push button that stays pressed is a check box).
BUTTON_ROLES = ("push button", "check box", "radio button", "toggle button")
#: Most pages a notification can have; the walk stops with a failure if the review never comes.
MAX_PAGES = 20
#: What the walk writes as the missing »Det har du set og hørt« (ASCII: typed key by key).
SEEN_AND_HEARD = "Hun taler sloret og siger at hun tager noget for at sove"


class WalkFailed(AssertionError):
    """The app did not get where the walk goes (no review page, a window that never came)."""


@dataclass
class Step:
    """One place in the walk: what AT-SPI said on the way there, and the trees shown."""

    name: str
    events: list[Event]
    windows: dict[str, Node]
    buttons: list[dict[str, Any]] = field(default_factory=list)
    turned_page: bool = False  # reached by Alt+N (its name is the page's)

    def announcements(self) -> list[str]:
        return [str(event["data"]) for event in self.events if event["type"] == "object:announcement"]

    def focus_events(self) -> list[Event]:
        return [event for event in self.events if event["type"] == "focus:"]

    def heard(self) -> str:
        return "; ".join(describe_event(event) for event in self.events
                         if not event["type"].startswith("object:property-change"))


@dataclass
class Walk:
    """Every step of the walk, in order, and the folder with their trees."""

    steps: list[Step]
    trees: Path

    def step(self, name: str) -> Step:
        found = [step for step in self.steps if step.name == name]
        assert found, f"the walk has no step {name!r}: {[step.name for step in self.steps]}"
        return found[0]

    def until(self, name: str) -> list[Step]:
        """The steps up to and including the first named ``name``."""
        return self.steps[:self.steps.index(self.step(name)) + 1]

    def windows(self) -> Iterator[tuple[Step, str, Node]]:
        for step in self.steps:
            for title, window in step.windows.items():
                yield step, title, window


def names_against_visible_words(steps: list[Step]) -> tuple[int, list[str]]:
    """How many buttons were compared, and those whose AT-SPI name does not start with the words drawn.

    The app's hook (app_main.py) gives each button's words and screen position; the AT-SPI object is
    found in the same window by its top left corner (a wrapping radio button's accessible width is
    its text's, not the widget's)."""
    checked = 0
    wrong = []
    for step in steps:
        for button in step.buttons:
            window = step.windows.get(button["window"])
            if window is None:
                continue  # a window behind the one this step is about (not dumped here)
            nodes = [node for node, _ in walk(window)
                     if node["role"] in BUTTON_ROLES and node.get("extents", [])[:2] == button["extents"][:2]]
            if not nodes:
                wrong.append(f"{step.name}: {button['role']} {button['shown']!r} shown, not in AT-SPI")
                continue
            checked += 1
            if not nodes[0]["name"].startswith(button["shown"]):
                wrong.append(f"{step.name}: {label(nodes[0])} shows {button['shown']!r}")
    return checked, wrong


def _step_label(window: Node) -> str:
    names = (node["name"] for node, _ in walk(window))
    return next((name for name in names if re.match(r"Trin \d+ af \d+: ", name)), "")


def _file_name(name: str) -> str:
    return re.sub(r"[^0-9A-Za-zæøåÆØÅ]+", "-", name).strip("-").lower()


class _Recorder:
    def __init__(self, session: AtspiSession, trees: Path) -> None:
        self.session = session
        self.trees = trees
        self.steps: list[Step] = []

    def record(self, name: str | None, since: int, *titles: str,
               expect: Callable[[Event], bool] | None = None) -> Step:
        """What the keys since event ``since`` led to; ``name`` None: the wizard page's own name.

        ``expect``: an event the tests will look for in this step; waited for (up to 15 s, without
        failing) before the step is taken as finished, so a loaded machine cannot push it into the next.
        """
        session = self.session
        if expect is not None:
            session.seen(expect, 15, since)
        session.settle()
        windows = {}
        for title in titles:
            window = session.window(title)
            if window is None:
                raise WalkFailed(f"{name}: no window {title!r} on the AT-SPI desktop; there are "
                                 f"{[w['name'] for w in session.windows()]}")
            windows[title] = window
        turned_page = name is None
        if name is None:
            name = _step_label(windows[WIZARD]).partition(": ")[2] or "?"
        step = Step(name, session.events[since:], windows, session.visible_buttons(), turned_page)
        heard = "".join(f"# heard: {describe_event(event)}\n" for event in step.events
                        if not event["type"].startswith("object:property-change"))
        for title, window in windows.items():
            shown_as = name if title == WIZARD else f"{name} – {title.removeprefix('[DEMO] ')}"
            number = len(list(self.trees.glob("*.txt")))
            (self.trees / f"{number:02d}-{_file_name(shown_as)}.txt").write_text(
                f"# {title} – {name}\n{heard}" + as_text(window), encoding="utf-8")
        self.steps.append(step)
        return step

    def press(self, *keys: str, until: Callable[[Event], bool], what: str, timeout: float = 20) -> int:
        since = self.session.key(*keys)
        self.session.wait_for(until, what, since=since, timeout=timeout)
        return since


def _any_focus(event: Event) -> bool:
    return bool(event["type"] == "focus:")


def _checked(event: Event) -> bool:
    return bool(event["type"] == "object:state-changed:checked" and event["detail1"] == 1)


def _announced(event: Event) -> bool:
    return bool(event["type"] == "object:announcement")


def _says(text: str) -> Callable[[Event], bool]:
    return lambda event: (event["type"] == "object:announcement" and text in str(event["data"])) or (
        event["type"] == "focus:" and text in event["name"])


def _focus(role: str) -> Callable[[Event], bool]:
    return lambda event: event["type"] == "focus:" and event["role"] == role


def _window(title: str) -> Callable[[Event], bool]:
    return lambda event: event["type"] == "window:activate" and event["name"] == title


def walk_demo_case(session: AtspiSession, trees: Path) -> Walk:
    """Walk the first demo case with ``session`` (started); see the module docstring."""
    walker = _Recorder(session, trees)
    session.wait_for_app()
    session.wait_for(_any_focus, "the first focus in the case picker", timeout=60)
    walker.record("øvelsescases", 0, PICKER, MAIN_WINDOW)

    since = walker.press("alt+s", until=_focus("radio button"),  # Start denne case
                         what="focus on the first answer of »Er barnet i fare lige nu?«")
    walker.record("side 1", since, WIZARD)
    since = walker.press("space", until=_checked, what="»Ja« checked")  # the child is in danger now
    walker.record("side 1 – ja", since, WIZARD, expect=_says("112"))

    for _ in range(MAX_PAGES):
        # Waiting for the new page's focus: a loaded machine may pause longer than settle()'s quiet time.
        since = walker.press("alt+n", until=_any_focus, what="focus on the next page")
        page = walker.record(None, since, WIZARD, expect=_announced).name  # each page says its name
        if page == REVIEW_STEP:
            break
        if page == SIGNALS_STEP:  # the focus starts in the search field: search, then empty it again
            since = session.type_text(SEARCH)
            session.wait_for(_announced, "something said about the search", since=since)
            walker.record(f"søgning »{SEARCH}«", since, WIZARD)
            since = session.type_text(NOTHING_FOUND)
            session.wait_for(_announced, "something said about the search", since=since)
            walker.record(f"søgning »{SEARCH}{NOTHING_FOUND}«", since, WIZARD)
            since = session.key("ctrl+a", "BackSpace")
            walker.record("søgning tømt", since, WIZARD)
    else:
        raise WalkFailed(f"Alt+N never reached »{REVIEW_STEP}«; last page {walker.steps[-1].name!r}")

    # The case leaves two answers out: the review's first problem, then back and the second.
    since = walker.press("space", until=_focus("text"), what="focus on the field of the first problem")
    walker.record("første problem", since, WIZARD)
    session.type_text(SEEN_AND_HEARD)
    since = walker.press("alt+g", what="the review page again",  # Tilbage til siden Gennemse og send
                         until=lambda event: event["type"] == "focus:" and event["role"] == "push button")
    walker.record("gennemse igen", since, WIZARD, expect=_announced)
    since = walker.press("space", until=_focus("radio button"), what="focus on the second problem's answer")
    walker.press("space", until=_checked, what="»Ja« checked")
    walker.record("andet problem", since, WIZARD)
    since = walker.press("alt+g", what="the review page without problems",
                         until=lambda event: event["type"] == "focus:" and event["role"] == "push button")
    walker.record("gennemse uden problemer", since, WIZARD)

    # Gør færdig og send; the question; then »Det modtog kommunen« in the feedback.
    since = walker.press("alt+g", until=_window(CONFIRM), what=f"the question »{CONFIRM}«")
    walker.record("gør færdig", since, CONFIRM)
    since = walker.press("space", until=_window(FEEDBACK), what="the training feedback", timeout=60)
    walker.record("sendt", since, FEEDBACK, WIZARD)
    since = walker.press("alt+d", until=_window(MUNICIPALITY), what="the municipality's side")
    walker.record("kommunens side", since, MUNICIPALITY)
    return Walk(walker.steps, trees)
