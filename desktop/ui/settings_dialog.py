"""Settings: language, idle lock time, and the passphrase (for passphrase profiles).

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
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UnderretError
from desktop.ui.first_run_window import MIN_PASSPHRASE
from desktop.ui.messages import message_for, text_for
from desktop.ui.operations import run_in_background

if TYPE_CHECKING:
    from desktop.app import Services

log = logging.getLogger(__name__)

_LANGUAGE_NAMES = (("da", "Dansk"), ("en", "English"))


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
        passphrase_form = QFormLayout(self.passphrase_group)
        passphrase_form.addRow(self._old_label, self.old_edit)
        passphrase_form.addRow(self._new_label, self.new_edit)
        passphrase_form.addRow(self._confirm_label, self.confirm_edit)
        passphrase_form.addRow(self.change_button)
        passphrase_form.addRow(self.passphrase_message)
        self.passphrase_group.setVisible(self._profile_uses_passphrase())

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(general)
        layout.addWidget(self.message_label)
        layout.addWidget(self.passphrase_group)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self._apply_managed()
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.idle_spin.valueChanged.connect(self._idle_chosen)
        self.change_button.clicked.connect(self.change_passphrase)
        self.confirm_edit.returnPressed.connect(self.change_passphrase)
        self.retranslate()

    def _profile_uses_passphrase(self) -> bool:
        from desktop.store.keys import KeyProtection

        profile = self._services.profile
        return profile is not None and profile.protection == KeyProtection.PASSPHRASE

    def _apply_managed(self) -> None:
        settings = self._services.settings
        language_managed = settings.is_managed("language")
        self.language_combo.setEnabled(not language_managed)
        self.language_managed.setVisible(language_managed)
        idle_managed = settings.is_managed("idle_lock_minutes")
        self.idle_spin.setEnabled(not idle_managed)
        self.idle_managed.setVisible(idle_managed)

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
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))

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
