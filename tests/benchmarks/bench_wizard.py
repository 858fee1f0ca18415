"""Wizard benchmarks: opening the window, page change, signal search on a 300-signal pack, autosave,
longest UI-thread stalls.

Everything runs in this process on the GUI thread, as in the app: a real
profile and SQLCipher vault in a temporary folder, the wizard installed as the
app installs it, the main window shown and the session unlocked (which reads
the form ahead, see desktop/ui/wizard/read_ahead.py), the real wizard window
(offscreen). The pack is the national
one with its signals repeated to 300.

Stalls while opening are measured like the shell's: a 2 ms heartbeat timer on
the GUI thread, and the longest gap between its ticks from the moment the
window is asked for until every page has been built (the window builds the
first page at once and the others in idle time).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from rows import Row

ROUNDS = 60
#: Windows opened (and closed) for the opening-stall row; the first is the first of the process.
OPENINGS = 6
HEARTBEAT_MS = 2
#: How long the heartbeat keeps running after the last page is built (painting, late timers).
SETTLE_MS = 100
SIGNALS = 300
QUERIES = ("sult", "blå", "fravær", "mor", "vold", "skole", "", "angst", "hjem", "")


def _pack_with_signals(count: int) -> Any:
    from desktop.domain.packs import GuidelinePack, national_pack

    data = national_pack().model_dump(mode="json", exclude_none=True)
    base = data["signals"]
    signals = []
    for n in range(count):
        signal = dict(base[n % len(base)])
        signal["id"] = f"{signal['id']}.v{n}"
        signals.append(signal)
    data["signals"] = signals
    return GuidelinePack.model_validate(data)


def _timed(action: Callable[[], object], app: QApplication) -> float:
    started = time.perf_counter()
    action()
    app.processEvents()  # include the repaint the action caused
    return (time.perf_counter() - started) * 1000


class _Heartbeat:
    """A timer ticking every HEARTBEAT_MS on the GUI thread; ``worst_ms`` is its longest gap."""

    def __init__(self) -> None:
        self.worst_ms = 0.0
        self.long_ones: list[tuple[float, float]] = []  # (ms since the start, gap ms) over 30 ms
        self._beat = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()

    def _tick(self) -> None:
        gap = self._beat.nsecsElapsed() / 1e6
        self.worst_ms = max(self.worst_ms, gap)
        if gap > 30:
            self.long_ones.append((self._clock.nsecsElapsed() / 1e6, gap))
        self._beat.restart()

    def run_until(self, done: Callable[[], bool], start: Callable[[], object] | None = None) -> None:
        """Beat while the event loop runs ``start`` and until ``done()`` has held for SETTLE_MS."""
        loop = QEventLoop()
        since: list[float] = []
        clock = self._clock

        def check() -> None:
            if not done():
                return
            if not since:
                since.append(clock.nsecsElapsed() / 1e6)
            elif clock.nsecsElapsed() / 1e6 > since[0] + SETTLE_MS:
                loop.quit()

        self._timer.timeout.connect(check)
        clock.start()
        self._beat.start()
        self._timer.start()
        if start is not None:
            QTimer.singleShot(0, start)
        loop.exec()
        self._timer.stop()
        self._timer.timeout.disconnect(check)

    @property
    def stall_ms(self) -> float:
        """The longest time the GUI thread did not get round to the timer."""
        return max(0.0, self.worst_ms - HEARTBEAT_MS)


class _Opening:
    """One window opened from the event loop (as the main window's "New notification" does) while
    a heartbeat runs, until all its pages exist."""

    def __init__(self, services: Any) -> None:
        self.services = services
        self.heartbeat = _Heartbeat()
        self.shown_ms = 0.0
        self.complete_ms = 0.0
        self.window: Any = None
        self._clock = QElapsedTimer()

    def _open(self) -> None:
        self.window = self.services.open_wizard(None)
        self.shown_ms = self._clock.nsecsElapsed() / 1e6

    def _complete(self) -> bool:
        if self.window is None or not self.window.pages.complete:
            return False
        if not self.complete_ms:
            self.complete_ms = self._clock.nsecsElapsed() / 1e6
        return True

    def run(self) -> Any:
        self._clock.start()
        self.heartbeat.run_until(self._complete, self._open)
        return self.window


def run() -> list[Row]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="underret-bench-wizard-") as folder:
        os.environ["UNDERRET_DATA_DIR"] = folder
        from desktop.app import Services
        from desktop.config.policy import Policy, PolicySource
        from desktop.config.settings import Settings
        from desktop.store.keys import KeyProtection, ScryptParams
        from desktop.store.profiles import ProfileDirectory
        from desktop.ui.wizard.page import SectionPage
        from desktop.ui.wizard.signal_checklist import SignalChecklistEditor
        from desktop.ui.wizard.window import WizardWindow

        policy = Policy()
        services = Services(policy=policy, policy_source=PolicySource("none", "(bench)"),
                            settings=Settings.load(policy, Path(folder) / "settings.json"),
                            profiles=ProfileDirectory(scrypt=ScryptParams(n=2**10, r=8, p=1)))
        profile, key = services.profiles.create("Bench", KeyProtection.PASSPHRASE, "bench passphrase")
        services.open_vault(profile, key)
        pack = _pack_with_signals(SIGNALS)
        assert len(pack.signals) == SIGNALS
        services.set_pack(pack)
        from desktop.ui import wizard
        from desktop.ui.main_window import MainWindow

        # The wizard is never the first window of a run: the main window is up behind it.
        main = MainWindow(services)
        main.show()
        app.processEvents()

        first_unlock = wizard.install(services)
        unlocked = time.perf_counter()
        services.session.finish_unlock()
        # What the unlock itself sets off (the list reloading, the first paint) is the shell
        # benchmark's; the read-ahead starts a second after the unlock.
        settle = QEventLoop()
        QTimer.singleShot(500, settle.quit)
        settle.exec()
        reading = _Heartbeat()
        # A person takes a moment to click "New notification": the read-ahead the unlock started ends first.
        reading.run_until(lambda: first_unlock.read_ahead is not None and first_unlock.read_ahead.done)
        read_ahead_s = time.perf_counter() - unlocked

        openings = []
        for _ in range(OPENINGS):
            opening = _Opening(services)
            opened = opening.run()
            openings.append(opening)
            opened.close()
            app.processEvents()

        started = time.perf_counter()
        window = WizardWindow(services, None, today=lambda: date(2026, 11, 23), pack=pack)
        window.show()
        app.processEvents()
        open_ms = (time.perf_counter() - started) * 1000
        while not window.pages.complete:  # a person reads the first page before moving on
            app.processEvents()

        # A typical draft: a four-year-old, a page of observations, a few signals, a parent.
        window.answers.update({
            "acute.in_danger": False, "child.identity": "cpr", "child.cpr": "120522-4006",
            "child.name": "Emma Louise Hansen", "child.address": "Skolevej 2, 4000 Roskilde",
            "signals.checked": [s.id for s in pack.signals[:6]],
            "events.observations": ("Mandag kl. 8.15 havde Emma et blåt mærke på venstre kind. " * 40),
            "events.child_words": "Far blev vred igen.",
            "family.custody_holders": [{"name": "Sara Hansen", "informed": {"value": True, "why_not": ""}}],
            "notifier.name": "Mette Jensen", "notifier.role": "Pædagog",
        })
        window.keeper.changed()
        window.keeper.save_now()

        pages = window.flow.pages()
        page_ms: list[float] = []
        for n in range(ROUNDS):
            target = pages[n % len(pages)]
            page_ms.append(_timed(partial(window.go_to, target), app))

        window.go_to("signals")
        signals_page = window.pages["signals"]
        assert isinstance(signals_page, SectionPage)
        signals = signals_page.editors["signals.checked"]
        assert isinstance(signals, SignalChecklistEditor)
        search_ms: list[float] = []
        for n in range(ROUNDS):
            query = QUERIES[n % len(QUERIES)]
            search_ms.append(_timed(partial(signals.search.setText, query), app))

        save_ms: list[float] = []
        for n in range(ROUNDS):
            window.answers["events.observations"] += f" {n}"
            window.keeper.changed()
            save_ms.append(_timed(window.keeper.save_now, app))

        window.go_to("events")
        events_page = window.pages["events"]
        assert isinstance(events_page, SectionPage)
        observations = events_page.editors["events.observations"].focus_target()
        from PySide6.QtTest import QTest

        key_ms = [_timed(lambda: QTest.keyClicks(observations, "a"), app) for _ in range(ROUNDS)]
        window.keeper.stop()
        window.close()
        services.session.stop()
        main.close()
        from desktop.ui.operations import wait_for_all

        wait_for_all()  # the list's reader connection must be gone before the folder is
        app.processEvents()
        services.close_vault()

    stall = max(max(page_ms), max(search_ms), max(save_ms), max(key_ms))
    opening_stall = max(o.heartbeat.stall_ms for o in openings)
    print("  stalls opening each window (ms): " + ", ".join(f"{o.heartbeat.stall_ms:.0f}" for o in openings),
          file=sys.stderr)
    for label, beat in [("reading ahead", reading)] + [(f"opening {n + 1}", o.heartbeat)
                                                       for n, o in enumerate(openings)]:
        for at, gap in beat.long_ones:
            print(f"  {label}: UI stall of {gap:.0f} ms at {at:.0f} ms", file=sys.stderr)
    return [
        Row("wizard: longest UI-thread stall while opening the window", opening_stall, "ms", target=50),
        Row("wizard: page change (median, 300-signal pack)", statistics.median(page_ms), "ms", target=16),
        Row("wizard: signal search (median, 300 signals)", statistics.median(search_ms), "ms", target=16),
        Row("wizard: autosave of a typical draft (median)", statistics.median(save_ms), "ms", target=10),
        Row("wizard: longest UI-thread stall (page/search/save/keystroke)", stall, "ms", target=50),
        Row("wizard: keystroke in a long text (median)", statistics.median(key_ms), "ms"),
        Row("wizard: opening the window (300 signals), until shown with its first page", open_ms, "ms"),
        Row("wizard: longest stall opening the first window of the process", openings[0].heartbeat.stall_ms,
            "ms"),
        Row("wizard: longest UI-thread stall while reading ahead (from 0.5 s after unlock)", reading.stall_ms,
            "ms", target=50),
        Row("wizard: unlock until read ahead (1 s pause included)", read_ahead_s * 1000, "ms"),
        Row("wizard: opening until every page is built (median)",
            statistics.median(o.complete_ms for o in openings), "ms"),
        Row("wizard: slowest page change (first showing included)", max(page_ms), "ms"),
        Row("wizard: slowest signal search", max(search_ms), "ms"),
        Row("wizard: slowest autosave", max(save_ms), "ms"),
        Row("wizard: slowest keystroke", max(key_ms), "ms"),
    ]
