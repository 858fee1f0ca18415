"""Settings: language, idle lock time, and the passphrase (for passphrase profiles) or the
recovery passphrase (for profiles whose key is kept in the OS keyring).

A setting fixed by the municipality's policy is shown, disabled, with the
words "Set by your municipality's IT"; it cannot be changed here. Changes take
effect at once (the language switches while the dialog is open).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UnderretError
from desktop.ui.first_run_window import MIN_PASSPHRASE, passphrase_rules
from desktop.ui.geometry import fit_to_screen
from desktop.ui.messages import message_for, text_for
from desktop.ui.operations import run_in_background

if TYPE_CHECKING:
    from desktop.store.profiles import ProfileDirectory, ProfileInfo
    from desktop.ui.services import Services

log = logging.getLogger(__name__)

_LANGUAGE_NAMES = (("da", "Dansk"), ("en", "English"))


def _set_recovery_passphrase(profiles: ProfileDirectory, profile_id: str, key: bytearray,
                             new: str) -> ProfileInfo:
    """Wrap the open session's ``key`` (a copy, zeroed here) with ``new``, on a worker thread (scrypt).

    The key comes from the unlocked session, not the keyring: a recovery passphrase can be set or
    changed when the keyring is locked or broken, which is when it is needed most.
    """
    from desktop.store.keys import zero

    try:
        return profiles.set_recovery_passphrase(profile_id, key, new)
    finally:
        zero(key)


class SettingsDialog(QDialog):
    """The person's own settings; managed ones are shown read-only."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._services = services
        settings = services.settings

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language")
        for code, name in _LANGUAGE_NAMES:
            # Each language's name in itself, so a person can find their own.
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(services.language)))
        self._language_label = QLabel()
        self._language_label.setBuddy(self.language_combo)
        self.language_managed = QLabel()

        self.idle_spin = QSpinBox()
        self.idle_spin.setObjectName("idleMinutes")
        self.idle_spin.setRange(1, 240)
        self.idle_spin.setValue(int(settings.value("idle_lock_minutes")))
        self._idle_label = QLabel()
        self._idle_label.setBuddy(self.idle_spin)
        self.idle_managed = QLabel()
        self.idle_managed.setObjectName("idleManaged")

        self.message_label = QLabel()
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)

        general = QFormLayout()
        general.addRow(self._language_label, self.language_combo)
        general.addRow("", self.language_managed)
        general.addRow(self._idle_label, self.idle_spin)
        general.addRow("", self.idle_managed)

        self.passphrase_group = QGroupBox()
        self.old_edit = QLineEdit()
        self.old_edit.setObjectName("oldPassphrase")
        self.new_edit = QLineEdit()
        self.new_edit.setObjectName("newPassphrase")
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setObjectName("confirmPassphrase")
        for edit in (self.old_edit, self.new_edit, self.confirm_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._old_label, self._new_label, self._confirm_label = QLabel(), QLabel(), QLabel()
        self._old_label.setBuddy(self.old_edit)
        self._new_label.setBuddy(self.new_edit)
        self._confirm_label.setBuddy(self.confirm_edit)
        self.change_button = QPushButton()
        self.change_button.setObjectName("changePassphrase")
        self.passphrase_message = QLabel()
        self.passphrase_message.setObjectName("passphraseMessage")
        self.passphrase_message.setWordWrap(True)
        #: The rules for a new passphrase, shown before the first try (the first-run screen's words).
        self.passphrase_rules = QLabel()
        self.passphrase_rules.setObjectName("passphraseRules")
        self.passphrase_rules.setWordWrap(True)
        # The rules above the form, not in a row of it: a form row gives wrapped text too little height.
        passphrase_box = QVBoxLayout(self.passphrase_group)
        passphrase_box.addWidget(self.passphrase_rules)
        passphrase_form = QFormLayout()
        passphrase_box.addLayout(passphrase_form)
        passphrase_form.addRow(self._old_label, self.old_edit)
        passphrase_form.addRow(self._new_label, self.new_edit)
        passphrase_form.addRow(self._confirm_label, self.confirm_edit)
        passphrase_box.addWidget(self.change_button)
        passphrase_box.addWidget(self.passphrase_message)

        # A keyring profile: the recovery passphrase that opens the vault if the keyring fails.
        self.recovery_group = QGroupBox()
        self.recovery_group.setObjectName("recoveryGroup")
        self.recovery_status = QLabel()
        self.recovery_status.setObjectName("recoveryStatus")
        self.recovery_status.setWordWrap(True)
        self.recovery_new_edit = QLineEdit()
        self.recovery_new_edit.setObjectName("newRecoveryPassphrase")
        self.recovery_confirm_edit = QLineEdit()
        self.recovery_confirm_edit.setObjectName("confirmRecoveryPassphrase")
        for edit in (self.recovery_new_edit, self.recovery_confirm_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._recovery_new_label, self._recovery_confirm_label = QLabel(), QLabel()
        self._recovery_new_label.setBuddy(self.recovery_new_edit)
        self._recovery_confirm_label.setBuddy(self.recovery_confirm_edit)
        self.recovery_button = QPushButton()
        self.recovery_button.setObjectName("setRecoveryPassphrase")
        self.recovery_message = QLabel()
        self.recovery_message.setObjectName("recoveryMessage")
        self.recovery_message.setWordWrap(True)
        recovery_form = QFormLayout(self.recovery_group)
        recovery_form.addRow(self.recovery_status)
        recovery_form.addRow(self._recovery_new_label, self.recovery_new_edit)
        recovery_form.addRow(self._recovery_confirm_label, self.recovery_confirm_edit)
        recovery_form.addRow(self.recovery_button)
        recovery_form.addRow(self.recovery_message)
        self._has_recovery = self._profile_has_recovery()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        from desktop.ui.help.actions import add_help_to_buttons

        self.help_action = add_help_to_buttons(self.buttons, self, services, lambda: "settings")

        from desktop.ui.pack_status import PackStatus

        # Which guidelines are in use, and what went wrong with their updates (also in doctor).
        self.pack_status = PackStatus(services.policy, language=lambda: services.language)

        layout = QVBoxLayout(self)
        layout.addLayout(general)
        layout.addWidget(self.pack_status)
        layout.addWidget(self.message_label)
        layout.addWidget(self.passphrase_group)
        layout.addWidget(self.recovery_group)
        # Shown or hidden only once they are in the dialog (a parentless widget shown is a window).
        self.passphrase_group.setVisible(self._profile_uses_passphrase())
        self.recovery_group.setVisible(self._profile_uses_keyring())
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self._apply_managed()
        # Never smaller than its contents (a banner added later, in demo mode, makes it grow).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        # Wide enough to read, and as tall as its wrapped texts need at that width.
        fit_to_screen(self, self.fontMetrics().averageCharWidth() * 80, self._needed_height(
            self.fontMetrics().averageCharWidth() * 80))
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.idle_spin.valueChanged.connect(self._idle_chosen)
        self.change_button.clicked.connect(self.change_passphrase)
        self.confirm_edit.returnPressed.connect(self.change_passphrase)
        self.recovery_button.clicked.connect(self.set_recovery_passphrase)
        self.recovery_confirm_edit.returnPressed.connect(self.set_recovery_passphrase)
        self.setTabOrder(self.recovery_new_edit, self.recovery_confirm_edit)
        self.setTabOrder(self.recovery_confirm_edit, self.recovery_button)
        self.retranslate()

    def _profile_uses_passphrase(self) -> bool:
        from desktop.store.keys import KeyProtection

        profile = self._services.profile
        return profile is not None and profile.protection == KeyProtection.PASSPHRASE

    def _profile_uses_keyring(self) -> bool:
        from desktop.store.keys import KeyProtection

        profile = self._services.profile
        return profile is not None and profile.protection == KeyProtection.KEYRING

    def _profile_has_recovery(self) -> bool:
        # Read from the profile file, not the unlocked ProfileInfo: it may have been set since.
        profile = self._services.profile
        if profile is None or not self._profile_uses_keyring():
            return False
        try:
            return self._services.profiles.has_recovery_passphrase(profile.id)
        except UnderretError as error:
            log.warning("profile file unreadable for settings: %s", error.message_id)
            return False

    def _apply_managed(self) -> None:
        settings = self._services.settings
        language_managed = settings.is_managed("language")
        self.language_combo.setEnabled(not language_managed)
        self.language_managed.setVisible(language_managed)
        idle_managed = settings.is_managed("idle_lock_minutes")
        self.idle_spin.setEnabled(not idle_managed)
        self.idle_managed.setVisible(idle_managed)

    def _needed_height(self, width: int) -> int:
        """The height the dialog's contents need at ``width`` (wrapped texts included), with two lines to
        spare: a group box's own wrapped text is not counted in the layout's height-for-width."""
        layout = self.layout()
        assert layout is not None
        layout.activate()
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0
        return max(height, self.sizeHint().height()) + self.fontMetrics().lineSpacing() * 2

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            # Something was added after the dialog was sized (the demo banner, a message): grow to fit.
            needed = self._needed_height(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)
        return super().event(event)

    # --- translation ---------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self._language_label.setText(self.tr("&Language"))
        self.language_combo.setAccessibleName(self.tr("Language"))
        managed = self.tr("Set by your municipality's IT")
        self.language_managed.setText(managed)
        self.idle_managed.setText(managed)
        self._idle_label.setText(self.tr("Lock after &idle time"))
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setAccessibleName(self.tr("Minutes without use before Underret locks"))
        self.passphrase_group.setTitle(self.tr("Change passphrase"))
        self._old_label.setText(self.tr("&Current passphrase"))
        self.old_edit.setAccessibleName(self.tr("Current passphrase"))
        self._new_label.setText(self.tr("&New passphrase"))
        self.new_edit.setAccessibleName(self.tr("New passphrase"))
        self._confirm_label.setText(self.tr("New passphrase &again"))
        self.confirm_edit.setAccessibleName(self.tr("New passphrase again"))
        self.change_button.setText(self.tr("Change &passphrase"))
        self.change_button.setAccessibleName(self.tr("Change passphrase"))
        self._retranslate_recovery()
        self.passphrase_rules.setText(passphrase_rules())
        self.new_edit.setAccessibleDescription(self.passphrase_rules.text())
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))

    def _retranslate_recovery(self) -> None:
        self.recovery_group.setTitle(self.tr("Recovery passphrase"))
        if self._has_recovery:
            self.recovery_status.setText(self.tr(
                "You have a recovery passphrase. It opens your notifications if this PC's password "
                "storage stops working. You can choose a new one here."))
            self.recovery_button.setText(self.tr("Change &recovery passphrase"))
            self.recovery_button.setAccessibleName(self.tr("Change recovery passphrase"))
        else:
            self.recovery_status.setText(self.tr(
                "Recommended: a recovery passphrase opens your notifications if this PC's password "
                "storage stops working."))
            self.recovery_button.setText(self.tr("Set &recovery passphrase"))
            self.recovery_button.setAccessibleName(self.tr("Set recovery passphrase"))
        self._recovery_new_label.setText(self.tr("&New recovery passphrase"))
        self.recovery_new_edit.setAccessibleName(self.tr("New recovery passphrase"))
        self._recovery_confirm_label.setText(self.tr("New recovery passphrase &again"))
        self.recovery_confirm_edit.setAccessibleName(self.tr("New recovery passphrase again"))
        self.recovery_message.setAccessibleName(self.tr("Message"))

    # --- changes -------------------------------------------------------------------------------
    def _language_chosen(self) -> None:
        code = str(self.language_combo.currentData())
        try:
            self._services.set_language(code)
        except UnderretError as error:
            self.message_label.setText(message_for(error))

    def _idle_chosen(self, minutes: int) -> None:
        try:
            self._services.settings.set_user("idle_lock_minutes", minutes)
        except UnderretError as error:
            self.message_label.setText(message_for(error))
            return
        self._services.session.set_idle_minutes(minutes)

    def change_passphrase(self) -> None:
        """Re-wrap the vault key with a new passphrase, in the background (the data is untouched)."""
        profile = self._services.profile
        if profile is None or not self.change_button.isEnabled():
            return
        old, new = self.old_edit.text(), self.new_edit.text()
        if len(new) < MIN_PASSPHRASE:
            self.passphrase_message.setText(text_for("passphrase.too_short", minimum=str(MIN_PASSPHRASE)))
            self.new_edit.setFocus()
            return
        if new != self.confirm_edit.text():
            self.passphrase_message.setText(text_for("passphrase.mismatch"))
            self.confirm_edit.setFocus()
            return
        self.change_button.setEnabled(False)
        self.passphrase_message.setText(self.tr("Changing the passphrase…"))
        profiles = self._services.profiles
        run_in_background(self, lambda: profiles.change_passphrase(profile.id, old, new),
                          on_success=self._passphrase_changed, on_failure=self._passphrase_failed)

    def _passphrase_changed(self, _: object) -> None:
        self.change_button.setEnabled(True)
        for edit in (self.old_edit, self.new_edit, self.confirm_edit):
            edit.clear()
        self.passphrase_message.setText(
            self.tr("Your passphrase has been changed. Use the new one next time."))

    def _passphrase_failed(self, error: Exception) -> None:
        self.change_button.setEnabled(True)
        if not isinstance(error, UnderretError):
            log.error("changing the passphrase failed", exc_info=error)
        self.passphrase_message.setText(message_for(error))
        self.old_edit.clear()
        self.old_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_recovery_passphrase(self) -> None:
        """Set or replace the recovery passphrase of a keyring profile, in the background."""
        profile = self._services.profile
        if profile is None or not self.recovery_button.isEnabled():
            return
        new = self.recovery_new_edit.text()
        if len(new) < MIN_PASSPHRASE:
            self.recovery_message.setText(text_for("passphrase.too_short", minimum=str(MIN_PASSPHRASE)))
            self.recovery_new_edit.setFocus()
            return
        if new != self.recovery_confirm_edit.text():
            self.recovery_message.setText(text_for("passphrase.mismatch"))
            self.recovery_confirm_edit.setFocus()
            return
        try:
            key = self._services.copy_of_key()
        except UnderretError as error:
            self.recovery_message.setText(message_for(error))
            return
        self.recovery_button.setEnabled(False)
        self.recovery_message.setText(self.tr("Saving the recovery passphrase…"))
        profiles = self._services.profiles
        run_in_background(self, lambda: _set_recovery_passphrase(profiles, profile.id, key, new),
                          on_success=self._recovery_set, on_failure=self._recovery_failed)

    def _recovery_set(self, updated: ProfileInfo) -> None:
        self.recovery_button.setEnabled(True)
        for edit in (self.recovery_new_edit, self.recovery_confirm_edit):
            edit.clear()
        if self._services.profile is not None and self._services.profile.id == updated.id:
            self._services.profile = updated
        self._has_recovery = True
        self._retranslate_recovery()
        self.recovery_message.setText(self.tr(
            "Your recovery passphrase has been saved. Keep it somewhere safe, away from this PC."))

    def _recovery_failed(self, error: Exception) -> None:
        self.recovery_button.setEnabled(True)
        if not isinstance(error, UnderretError):
            log.error("setting the recovery passphrase failed", exc_info=error)
        self.recovery_message.setText(message_for(error))
