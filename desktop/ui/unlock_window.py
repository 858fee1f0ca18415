"""The unlock window: choose the profile, type the passphrase, open the vault.

Key derivation (scrypt) runs in the background. A wrong passphrase gets a
clear message and, after repeated failures, a growing wait (the button counts
down). A damaged, too new, read-only or key-less vault gets its own message and
the offer to keep the file and start a new profile; the file is never touched.

A profile whose key is kept in the OS keyring needs no passphrase. When the
keyring fails for it (unavailable, locked, or the key is gone), a profile with a
recovery passphrase is asked for that passphrase, with a plain explanation; one
without is told what IT can do, and its file is kept untouched.
"""

from __future__ import annotations

import logging
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UnderretError
from desktop.ui.messages import message_for, text_for
from desktop.ui.operations import run_in_background
from desktop.ui.tab_order import follow_reading_order

if TYPE_CHECKING:
    from desktop.store.profiles import ProfileInfo
    from desktop.ui.services import OpenedVault, Services

log = logging.getLogger(__name__)

#: Faults where the vault file is kept and a new profile is the way forward.
_FAULT_IDS = frozenset({"vault.corrupt", "vault.missing", "vault.too_new", "vault.read_only",
                        "vault.disk_full", "vault.key_missing", "vault.wrong_key", "vault.io_error",
                        "vault.error", "profile.corrupt"})


class UnlockWindow(QWidget):
    """Emits ``unlocked(profile_id)`` once the chosen profile's vault is open."""

    unlocked = Signal(str)
    new_profile_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._busy = False
        self._wait_left = 0
        #: Keyring profiles whose keyring failed and that have a recovery passphrase: asked for it.
        self._recovery_for: set[str] = set()
        #: Profile folders whose profile.json cannot be read: listed (never hidden), never opened.
        self._damaged: set[str] = set()
        self.setObjectName("unlockWindow")

        self._heading = QLabel()
        font = self._heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self._heading.setFont(font)
        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("profile")
        self._profile_label = QLabel()
        self._profile_label.setBuddy(self.profile_combo)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("passphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._passphrase_label = QLabel()
        self._passphrase_label.setBuddy(self.passphrase_edit)
        self._keyring_note = QLabel()
        self._keyring_note.setObjectName("keyringNote")
        self._keyring_note.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        self.new_profile_button = QPushButton()
        self.new_profile_button.setObjectName("newProfile")

        form = QFormLayout()
        form.addRow(self._profile_label, self.profile_combo)
        form.addRow(self._passphrase_label, self.passphrase_edit)
        form.addRow(self._keyring_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_profile_button)
        self._buttons = buttons
        self.help_button: QPushButton | None = None
        # F1 and a Help button come a turn after the window: not on the way to the first paint.
        QTimer.singleShot(0, self._add_help)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self._heading)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        # Tab goes the way the window reads (the bottom row left to right); Enter in the passphrase unlocks.
        follow_reading_order(self)

        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

        self.profile_combo.currentIndexChanged.connect(self._profile_changed)
        self.passphrase_edit.returnPressed.connect(self.unlock)
        self.unlock_button.clicked.connect(self.unlock)
        self.new_profile_button.clicked.connect(self.new_profile_requested.emit)
        self.reload_profiles()
        self.retranslate()
        from desktop.ui.geometry import place

        place(self, "unlock", share=0.5, cap=(720, 520))

    def _add_help(self) -> None:
        """F1 and a Help button: the pack's help on opening the profile (the pack loads on first press)."""
        from desktop.ui.help.actions import add_help, help_button

        self.help_action = add_help(self, self._services, lambda: "unlock")
        self.help_button = help_button(self.help_action, self._services)
        self._buttons.insertWidget(1, self.help_button)
        follow_reading_order(self)

    # --- profiles ------------------------------------------------------------------------------
    def reload_profiles(self, select_id: str | None = None) -> None:
        """Fill the profile chooser (after a profile was created, or on lock)."""
        current = select_id or self.selected_profile_id()
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        for profile in self._services.profiles.list():
            self.profile_combo.addItem(profile.display_name, profile.id)
        # A profile whose profile.json is damaged is still listed: what waits in its vault must not be
        # forgotten, and the person is told to contact IT.
        self._damaged = set(self._services.profiles.damaged())
        for profile_id in sorted(self._damaged):
            self.profile_combo.addItem(self._damaged_label(profile_id), profile_id)
        if current is not None:
            index = self.profile_combo.findData(current)
            if index >= 0:
                self.profile_combo.setCurrentIndex(index)
        self.profile_combo.blockSignals(False)
        self._profile_changed()

    def _damaged_label(self, profile_id: str) -> str:
        return self.tr("Damaged profile (%1)").replace("%1", profile_id[:8])

    def selected_is_damaged(self) -> bool:
        """True when the chosen entry is a profile whose profile.json cannot be read."""
        return self.selected_profile_id() in self._damaged

    def select_profile(self, profile_id: str) -> bool:
        """Choose a profile by id (the shell finds it by id or name, ``--profile``); False when there
        is none."""
        index = self.profile_combo.findData(profile_id)
        if index < 0:
            return False
        self.profile_combo.setCurrentIndex(index)
        return True

    def selected_profile_id(self) -> str | None:
        data = self.profile_combo.currentData()
        return str(data) if data is not None else None

    def selected_profile(self) -> ProfileInfo | None:
        profile_id = self.selected_profile_id()
        for profile in self._services.profiles.list():
            if profile.id == profile_id:
                return profile
        return None

    def selected_uses_passphrase(self) -> bool:
        from desktop.store.keys import KeyProtection

        profile = self.selected_profile()
        return profile is not None and profile.protection == KeyProtection.PASSPHRASE

    def asks_for_recovery_passphrase(self) -> bool:
        """True when the chosen keyring profile's keyring failed and its recovery passphrase is asked for."""
        return self.selected_profile_id() in self._recovery_for

    def _asks_for_passphrase(self) -> bool:
        return self.selected_uses_passphrase() or self.asks_for_recovery_passphrase()

    def _profile_changed(self) -> None:
        uses_passphrase = self._asks_for_passphrase()
        self.passphrase_edit.setVisible(uses_passphrase)
        self._passphrase_label.setVisible(uses_passphrase)
        self._keyring_note.setVisible(self.profile_combo.count() > 0 and not self.selected_uses_passphrase())
        self._retranslate_passphrase()
        self.message_label.clear()
        self._start_wait_if_needed()
        if self.selected_is_damaged():
            from desktop.store.errors import ProfileCorrupt

            self._keyring_note.setVisible(False)
            self.unlock_button.setEnabled(False)
            self._show_fault(ProfileCorrupt("profile file unreadable", id=str(self.selected_profile_id())))
            return
        if uses_passphrase:
            self.passphrase_edit.setFocus()
        else:
            self.unlock_button.setFocus()

    # --- translation ---------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Underret – unlock"))
        self._heading.setText(self.tr("Unlock Underret"))
        self._profile_label.setText(self.tr("P&rofile"))
        self.profile_combo.setAccessibleName(self.tr("Profile"))
        for index in range(self.profile_combo.count()):
            profile_id = str(self.profile_combo.itemData(index))
            if profile_id in self._damaged:
                self.profile_combo.setItemText(index, self._damaged_label(profile_id))
        self._retranslate_passphrase()
        self.new_profile_button.setText(self.tr("&New profile…"))
        self.new_profile_button.setAccessibleName(self.tr("New profile"))
        self.message_label.setAccessibleName(self.tr("Message"))
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self._update_button_text()

    def _retranslate_passphrase(self) -> None:
        """The passphrase field and the note under it: a recovery passphrase reads differently."""
        if self.asks_for_recovery_passphrase():
            self._passphrase_label.setText(self.tr("Recovery &passphrase"))
            self.passphrase_edit.setAccessibleName(self.tr("Recovery passphrase"))
            self._keyring_note.setText(text_for("unlock.recovery_passphrase_needed"))
            self.passphrase_edit.setAccessibleDescription(self._keyring_note.text())
        else:
            self._passphrase_label.setText(self.tr("&Passphrase"))
            self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
            self._keyring_note.setText(
                self.tr("This profile's key is kept on this PC. No passphrase is needed."))
            self.passphrase_edit.setAccessibleDescription("")

    def _update_button_text(self) -> None:
        if self._wait_left > 0:
            self.unlock_button.setText(self.tr("Unlock (wait %n s)", "", self._wait_left))
        else:
            self.unlock_button.setText(self.tr("&Unlock"))

    # --- unlocking -----------------------------------------------------------------------------
    def unlock(self) -> None:
        """Derive the key in the background, then open the vault."""
        if self._busy or self._wait_left > 0 or self.selected_is_damaged():
            return
        profile = self.selected_profile()
        if profile is None:
            return
        passphrase: str | None = None
        if self.selected_uses_passphrase():
            passphrase = self.passphrase_edit.text()
        elif self.asks_for_recovery_passphrase():
            # The keyring is asked first in any case; an empty field only asks the keyring again.
            passphrase = self.passphrase_edit.text() or None
        self.passphrase_edit.clear()
        self._set_busy(True)
        self.message_label.setText(self.tr("Opening…"))
        services = self._services
        profiles = services.profiles
        # Key derivation (scrypt) and opening the vault both happen off the GUI thread.
        run_in_background(self, lambda: services.unlock_and_open(profiles, profile, passphrase),
                          on_success=lambda opened: self._opened(profile, opened),
                          on_failure=self._unlock_failed)

    def _opened(self, profile: ProfileInfo, opened: OpenedVault) -> None:
        # The store put the key back into the keyring if it could: next time, ask the keyring first.
        self._recovery_for.discard(profile.id)
        self._services.attach_vault(profile, opened)
        self._set_busy(False)
        self.message_label.clear()
        self.unlocked.emit(profile.id)

    def show_unlock_failure(self, error: Exception) -> None:
        """Explain why opening failed (also when the shell tried the OS keyring at start)."""
        self._unlock_failed(error)

    def _unlock_failed(self, error: Exception) -> None:
        from desktop.store.errors import UnlockDelayed, WrongPassphrase

        self._set_busy(False)
        if isinstance(error, WrongPassphrase | UnlockDelayed):
            log.info("wrong passphrase")
            self.message_label.setText(message_for(error))
            self._start_wait_if_needed()
            self.passphrase_edit.setFocus()
            return
        if not isinstance(error, UnderretError):
            log.error("unlock failed", exc_info=error)
        if self._keyring_failed(error):
            return
        self._show_fault(error)

    def _keyring_failed(self, error: Exception) -> bool:
        """Explain a keyring that failed a keyring profile; True when handled here.

        With a recovery passphrase the field for it is shown; without one the person hears what
        IT can do (restore the keyring), and that the data file is kept untouched.
        """
        from desktop.store.errors import KeyMissing, KeyringUnavailable
        from desktop.store.keys import KeyProtection

        profile = self.selected_profile()
        if (not isinstance(error, KeyringUnavailable | KeyMissing) or profile is None
                or profile.protection != KeyProtection.KEYRING):
            return False
        log.warning("keyring failed for profile %s: %s", profile.id, error.message_id)
        if profile.has_recovery_passphrase:
            self._recovery_for.add(profile.id)
            self._profile_changed()  # shows the field and the explanation beside it
            self.passphrase_edit.setFocus()
            return True
        if isinstance(error, KeyringUnavailable):
            self.message_label.setText(text_for("unlock.keyring_unavailable"))
            self.unlock_button.setFocus()
            return True
        self._show_fault(error, text_for("unlock.keyring_restore"))
        return True

    def _show_fault(self, error: Exception, advice: str = "") -> None:
        message = message_for(error)
        if advice:
            message += "\n\n" + advice
        if isinstance(error, UnderretError) and error.message_id in _FAULT_IDS:
            log.warning("vault fault: %s", error.message_id)
            message += "\n\n" + self.tr(
                "You can keep this file for IT and start a new profile with \"New profile…\".")
            self.new_profile_button.setFocus()
        self.message_label.setText(message)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.unlock_button.setEnabled(not busy and self._wait_left <= 0 and not self.selected_is_damaged())
        self.profile_combo.setEnabled(not busy)

    # --- growing delay -------------------------------------------------------------------------
    def _start_wait_if_needed(self) -> None:
        profile_id = self.selected_profile_id()
        seconds = 0.0
        if profile_id is not None and self._asks_for_passphrase():
            seconds = self._services.profiles.delay_before_next_attempt(profile_id)
        self._wait_left = math.ceil(seconds)
        if self._wait_left > 0:
            self.unlock_button.setEnabled(False)
            self._countdown.start()
        else:
            self._countdown.stop()
            self.unlock_button.setEnabled(not self._busy and not self.selected_is_damaged())
        self._update_button_text()

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            # Ask again: the store is the judge of when the next try is allowed.
            self._start_wait_if_needed()
            return
        self._update_button_text()

    def is_waiting(self) -> bool:
        """True while the button counts down after wrong passphrases."""
        return self._wait_left > 0
