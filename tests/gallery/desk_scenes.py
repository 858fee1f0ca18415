"""The receiving desk's windows in the gallery: unlock, inbox, one notification, the dialogs; and the
notifier's main window once the desk's kvittering and § 137 orientation have come back.

A desk vault of its own beside the stage's folder, with five fictitious notifications in the states a
morning on duty shows (an acute one just in, one past 24 hours, the third about one child), made
once per stage and closed with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from PySide6.QtWidgets import QWidget

from desktop.desk.service import DeskService
from desktop.desk.store.vault import DeskVault
from desktop.domain.deadlines import DANISH_TIME
from desktop.store.keys import KeyProtection, ScryptParams, zero
from desktop.store.profiles import ProfileDirectory
from desktop.ui.desk.context import DeskContext
from desktop.ui.session import SessionLock
from tests.gallery.scenes import register
from tests.gallery.stage import Stage
from tests.support.desk import seed_desk, seed_repeated

_CHEAP = ScryptParams(n=2**10)


def _desk(stage: Stage) -> tuple[DeskContext, dict[str, str]]:
    made = stage.extras.get("desk")
    if made is not None:
        return made  # type: ignore[return-value]
    profiles = ProfileDirectory(stage.folder / "desk", scrypt=_CHEAP, vault_type=DeskVault)
    info, key = profiles.create("Modtagelsen", KeyProtection.PASSPHRASE, "modtagelsen på Ærø")
    vault = DeskVault.open(info.vault_path, key)
    zero(key)
    ids = seed_desk(vault, datetime.now(UTC))
    vault.settings.set("summary_shown_on", datetime.now(UTC).astimezone(DANISH_TIME).date().isoformat())
    context = DeskContext(DeskService(vault), SessionLock(5))
    stage.extras["desk"] = (context, ids)
    # Closed with the stage, after its background work (not when the stage is collected: a thread may
    # still use the vault then).
    stage.closers.append(vault.close)
    return context, ids


def _unlock(stage: Stage) -> Iterator[tuple[str, QWidget]]:
    from desktop.ui.desk.unlock_window import DeskUnlockWindow

    yield "desk-first-run", DeskUnlockWindow(ProfileDirectory(stage.folder / "desk-empty", scrypt=_CHEAP,
                                                              vault_type=DeskVault))
    _desk(stage)
    yield "desk-unlock", DeskUnlockWindow(ProfileDirectory(stage.folder / "desk", scrypt=_CHEAP,
                                                           vault_type=DeskVault))


def _inbox(stage: Stage) -> QWidget:
    from desktop.ui.desk.inbox_window import InboxWindow

    return InboxWindow(_desk(stage)[0])


def _notification(stage: Stage) -> QWidget:
    from desktop.ui.desk.notification_window import NotificationWindow

    context, ids = _desk(stage)
    return NotificationWindow(context, ids["third_about_child"])


def _repeated(stage: Stage) -> QWidget:
    """The twelfth notification about a child, eleven earlier ones over four years (a vault of its own)."""
    from desktop.ui.desk.notification_window import NotificationWindow

    profiles = ProfileDirectory(stage.folder / "desk-repeated", scrypt=_CHEAP, vault_type=DeskVault)
    info, key = profiles.create("Modtagelsen", KeyProtection.PASSPHRASE, "modtagelsen på Ærø")
    vault = DeskVault.open(info.vault_path, key)
    zero(key)
    twelfth = seed_repeated(vault, datetime.now(UTC))
    stage.closers.append(vault.close)
    return NotificationWindow(DeskContext(DeskService(vault), SessionLock(5)), twelfth)


def _assessment(stage: Stage) -> QWidget:
    from desktop.ui.desk.dialogs import AssessmentDialog

    return AssessmentDialog("Ida Ærø")


def _orientation(stage: Stage) -> QWidget:
    from desktop.ui.desk.dialogs import OrientationDialog

    return OrientationDialog()


def _summary(stage: Stage) -> QWidget:
    from desktop.ui.desk.summary_dialog import DailySummaryDialog

    return DailySummaryDialog(_desk(stage)[0])


def _report(stage: Stage) -> QWidget:
    from desktop.ui.desk.report_dialog import ReportDialog

    return ReportDialog(_desk(stage)[0])


def _setup(stage: Stage) -> QWidget:
    from desktop.ui.desk.setup_dialog import SetupDialog

    return SetupDialog(_desk(stage)[0])


def _kvittering(stage: Stage) -> Iterator[tuple[str, QWidget]]:
    """The notifier's main window, the received notification selected: the municipality's kvittering and
    § 137 orientation in the delivery panel. The messages are removed again afterwards (the stage's
    other scenes show the notification as still waiting for them)."""
    import uuid
    from datetime import timedelta

    from desktop.store.replies import ReplyMessage
    from desktop.ui.main_window import MainWindow
    from desktop.ui.notification_table_model import Group
    from tests.gallery.render import wait_until

    services = stage.services
    vault = services.require_vault()
    notification_id = stage.ids["received"]
    now = datetime.now(UTC)
    unit = "Demo Kommune, Børn og Familie"
    kept = [ReplyMessage(str(uuid.uuid4()), notification_id, "acknowledgement", now - timedelta(hours=2),
                         now - timedelta(hours=2), unit, "DEMO-2026-000418", None),
            ReplyMessage(str(uuid.uuid4()), notification_id, "orientation", now, now, unit,
                         "DEMO-2026-000418", "investigation")]
    for message in kept:
        vault.reply_keys.record_message(message)
    window = MainWindow(services)
    services.adopt_window(window)
    for hook in services.main_window_hooks:
        hook(window)
    window.refresh()
    wait_until(lambda: window.has_loaded)
    window.tabs.setCurrentIndex(Group.SENT)
    window.select_id(notification_id)
    yield "main-window-kvittering", window
    with vault.reply_keys._db.transaction() as connection:  # back as the other scenes expect it
        connection.execute("DELETE FROM reply_message WHERE notification_id = ?", (notification_id,))


register("desk-unlock", _unlock)
register("desk-inbox", _inbox)
register("desk-notification", _notification)
register("desk-notification-repeated", _repeated)
register("desk-assessment", _assessment)
register("desk-orientation", _orientation)
register("desk-daily-summary", _summary)
register("desk-report", _report)
register("desk-setup", _setup)
register("main-window-kvittering", _kvittering)
