"""Wizard benchmarks: page change, signal search on a 300-signal pack, autosave, longest UI-thread stall.

Everything runs in this process on the GUI thread, as in the app: a real
profile and SQLCipher vault in a temporary folder, the real wizard window
(offscreen). The pack is the national one with its signals repeated to 300.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication
from rows import Row

ROUNDS = 60
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
        started = time.perf_counter()
        window = WizardWindow(services, None, today=lambda: date(2026, 11, 23), pack=pack)
        window.show()
        app.processEvents()
        open_ms = (time.perf_counter() - started) * 1000

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
        services.close_vault()

    stall = max(max(page_ms), max(search_ms), max(save_ms), max(key_ms))
    return [
        Row("wizard: page change (median, 300-signal pack)", statistics.median(page_ms), "ms", target=16),
        Row("wizard: signal search (median, 300 signals)", statistics.median(search_ms), "ms", target=16),
        Row("wizard: autosave of a typical draft (median)", statistics.median(save_ms), "ms", target=10),
        Row("wizard: longest UI-thread stall (page/search/save/keystroke)", stall, "ms", target=50),
        Row("wizard: keystroke in a long text (median)", statistics.median(key_ms), "ms"),
        Row("wizard: opening the window (300 signals)", open_ms, "ms"),
        Row("wizard: slowest page change (first showing included)", max(page_ms), "ms"),
        Row("wizard: slowest signal search", max(search_ms), "ms"),
        Row("wizard: slowest autosave", max(save_ms), "ms"),
        Row("wizard: slowest keystroke", max(key_ms), "ms"),
    ]
