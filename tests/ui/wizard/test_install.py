"""Wiring the wizard into the app costs nothing before the first window, and loses no crash recovery."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.ui import wizard as wizard_package
from desktop.ui.wizard.window import WizardWindow

if TYPE_CHECKING:
    from tests.ui.wizard.conftest import Wizard

# A fresh process, as at start-up: which wizard modules does install() load, and which the unlock?
CHILD = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from desktop.app import Services
from desktop.config.policy import Policy, PolicySource
from desktop.config.settings import Settings
from desktop.store.keys import KeyProtection, ScryptParams
from desktop.store.profiles import ProfileDirectory

def wizard_modules():
    return sorted(name for name in sys.modules if name.startswith("desktop.ui.wizard"))

app = QApplication([])
policy = Policy()
services = Services(policy=policy, policy_source=PolicySource("none", "(test)"),
                    settings=Settings.load(policy, Path(sys.argv[1])),
                    profiles=ProfileDirectory(scrypt=ScryptParams(n=2**10, r=8, p=1)))
profile, key = services.profiles.create("Mette", KeyProtection.PASSPHRASE, "korrekt hest batteri")
before = wizard_modules()
from desktop.ui import wizard
first_unlock = wizard.install(services)
installed = wizard_modules()
services.open_vault(profile, key)
services.session.finish_unlock()
unlocked = wizard_modules()
deadline = time.monotonic() + 60
while not first_unlock.read_ahead.done and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
from desktop.ui.wizard import draft_loading
print(json.dumps({"before": before, "installed": installed, "unlocked": unlocked,
                  "recovery": first_unlock.recovery is not None, "ready": wizard_modules(),
                  "form_read": draft_loading._read_shipped_form.cache_info().currsize == 1}))
"""


def test_installing_the_wizard_loads_none_of_it_until_the_first_unlock_then_reads_ahead(
    tmp_path: object,
) -> None:
    result = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path) + "/settings.json"],
                            capture_output=True, text=True, check=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    modules = json.loads(result.stdout.strip().splitlines()[-1])
    assert modules["before"] == []
    assert modules["installed"] == ["desktop.ui.wizard"]
    assert "desktop.ui.wizard.recovery" in modules["unlocked"]
    assert "desktop.ui.wizard.window" not in modules["unlocked"]  # read ahead later, in idle time
    assert modules["recovery"] is True
    # Soon after the unlock, what the first window needs is loaded, so opening it does not freeze.
    assert "desktop.ui.wizard.window" in modules["ready"]
    assert modules["form_read"] is True


def test_after_a_crash_the_installed_wizard_offers_the_draft_at_the_first_unlock(
    services: Services, qtbot: QtBot, open_wizard: Callable[..., Wizard]
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.fill_child(cpr="120522-4006", name="Emma Hansen")
    qtbot.waitUntil(lambda: not wizard.window.keeper.dirty and wizard.window.draft_id is not None)
    draft_id = wizard.window.draft_id
    vault = services.require_vault()
    # What the previous run left behind when it died: a session still open, this draft in it.
    vault.profile.begin_session(datetime.now(UTC))
    vault.profile.note_open_draft(draft_id)
    wizard.window.closing = True  # the process died: no clean close
    wizard.window.close()

    first_unlock = wizard_package.install(services)
    services.session.finish_unlock()
    recovery = first_unlock.recovery
    assert recovery is not None and recovery.offered_draft_id == draft_id
    box = recovery.box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "EH" in box.text()
    box.defaultButton().click()
    reopened = [w for w in services._windows if isinstance(w, WizardWindow) and w.isVisible()]
    assert [w.draft_id for w in reopened] == [draft_id]
    # Later unlocks are followed too: after a clean lock nothing is offered.
    services.session.lock()
    with qtbot.assertNotEmitted(recovery.offered):
        services.session.finish_unlock()
