"""Unlocking the desk: make the desk's profile the first time, then open it with its passphrase.

The desk's profiles are the app's own mechanism (``desktop.store.profiles``) under the desk's
folder, with the desk's vault: a passphrase (scrypt-wrapped key) or the OS keyring, a growing wait
after wrong passphrases. Key derivation and opening run on a worker thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.store.keys import KeyProtection, zero
from desktop.ui.accessible import name_as_shown
from desktop.ui.desk.context import error_text
from desktop.ui.operations import run_in_background

if TYPE_CHECKING:
    from desktop.desk.store.vault import DeskVault
    from desktop.store.profiles import ProfileDirectory, ProfileInfo

MIN_PASSPHRASE = 10


class OpenedDesk(NamedTuple):
    """An unlocked desk vault and its profile; the key was zeroed after opening."""

    profile: ProfileInfo
    vault: DeskVault


def _open(profiles: ProfileDirectory, profile: ProfileInfo, passphrase: str | None) -> OpenedDesk:
    from desktop.desk.store.vault import DeskVault

    key = profiles.unlock(profile.id, passphrase)
    try:
        return OpenedDesk(profile, DeskVault.open(profile.vault_path, key))
    finally:
        zero(key)


def _create(profiles: ProfileDirectory, name: str, passphrase: str | None) -> OpenedDesk:
    from desktop.desk.store.vault import DeskVault

    protection = KeyProtection.PASSPHRASE if passphrase else KeyProtection.KEYRING
    profile, key = profiles.create(name, protection, passphrase)
    try:
        return OpenedDesk(profile, DeskVault.open(profile.vault_path, key))
    finally:
        zero(key)


class DeskUnlockWindow(QWidget):
    """Emits ``opened(OpenedDesk)`` once a desk vault is open."""

    opened = Signal(object)

    def __init__(self, profiles: ProfileDirectory, parent: QWidget | None = None, *,
                 protection: KeyProtection | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskUnlockWindow")
        self._profiles = profiles
        #: How a new desk's key is kept when IT's policy says (``key_protection``); None: the person chooses.
        self._protection = protection
        self.setWindowTitle(self.tr("Underret – receiving desk"))
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("deskProfile")
        self.profile_combo.setAccessibleName(self.tr("Desk"))
        self.name = QLineEdit()
        self.name.setObjectName("deskName")
        self.name.setAccessibleName(self.tr("Name of this desk"))
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeatPassphrase")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Passphrase again"))
        self.use_keyring = QCheckBox(self.tr("&Keep the key in this PC's saved passwords instead"))
        name_as_shown(self.use_keyring)
        self.use_keyring.toggled.connect(self._keyring_toggled)
        self.button = QPushButton()
        self.button.setObjectName("unlockButton")
        self.button.setDefault(True)
        self.button.setAutoDefault(True)
        self.button.clicked.connect(self.go)
        self.passphrase.returnPressed.connect(self.go)
        self.repeat.returnPressed.connect(self.go)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.button)
        self._creating = False
        self.reload()

    def reload(self) -> None:
        while self.form.rowCount():
            self.form.takeRow(0)
        existing = self._profiles.list()
        self._creating = not existing
        for widget in (self.profile_combo, self.name, self.repeat, self.use_keyring):
            widget.hide()
        if self._creating:
            self.heading.setText(self.tr("Set up the receiving desk on this PC"))
            self.form.addRow(self.tr("&Name of this desk"), self.name)
            self.form.addRow(self.tr("&Passphrase"), self.passphrase)
            self.form.addRow(self.tr("Passphrase &again"), self.repeat)
            self.form.addRow("", self.use_keyring)
            for widget in (self.name, self.repeat, self.use_keyring):
                widget.show()
            if self._protection is not None:  # IT's policy decides; the choice is shown, not offered
                self.use_keyring.setChecked(self._protection is KeyProtection.KEYRING)
                self.use_keyring.setEnabled(False)
                self.use_keyring.setVisible(self._protection is KeyProtection.KEYRING)
                self.use_keyring.setToolTip(self.tr("Set by your municipality's IT"))
            self.button.setText(self.tr("&Create the desk"))
            self.button.setAccessibleName(self.tr("Create the desk"))
            self.name.setFocus()
        else:
            self.heading.setText(self.tr("Unlock the receiving desk"))
            self.profile_combo.clear()
            for profile in existing:
                self.profile_combo.addItem(profile.display_name, profile.id)
            self.form.addRow(self.tr("&Desk"), self.profile_combo)
            self.form.addRow(self.tr("&Passphrase"), self.passphrase)
            self.profile_combo.show()
            self.button.setText(self.tr("&Unlock"))
            self.button.setAccessibleName(self.tr("Unlock"))
            self.passphrase.setFocus()
        self.passphrase.show()

    def _keyring_toggled(self, on: bool) -> None:
        self.passphrase.setEnabled(not on)
        self.repeat.setEnabled(not on)

    def _selected(self) -> ProfileInfo | None:
        profile_id = self.profile_combo.currentData()
        for profile in self._profiles.list():
            if profile.id == profile_id:
                return profile
        return None

    def go(self) -> None:
        if not self.button.isEnabled():
            return
        if self._creating:
            self._create()
            return
        profile = self._selected()
        if profile is None:
            return
        passphrase = self.passphrase.text() if profile.protection is KeyProtection.PASSPHRASE else None
        self._start(lambda: _open(self._profiles, profile, passphrase))

    def _create(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.message.setText(self.tr("Give the desk a name."))
            self.name.setFocus()
            return
        passphrase: str | None = None
        if not self.use_keyring.isChecked():
            passphrase = self.passphrase.text()
            if len(passphrase) < MIN_PASSPHRASE:
                self.message.setText(self.tr("The passphrase must be at least %1 characters.")
                                     .replace("%1", str(MIN_PASSPHRASE)))
                self.passphrase.setFocus()
                return
            if passphrase != self.repeat.text():
                self.message.setText(self.tr("The two passphrases are not the same."))
                self.repeat.setFocus()
                return
        self._start(lambda: _create(self._profiles, name, passphrase))

    def _start(self, work: object) -> None:
        self.button.setEnabled(False)
        self.message.setText(self.tr("Opening…"))

        def ok(opened: OpenedDesk) -> None:
            self.button.setEnabled(True)
            self.passphrase.clear()
            self.repeat.clear()
            self.message.clear()
            self.opened.emit(opened)

        def failed(error: Exception) -> None:
            self.button.setEnabled(True)
            self.passphrase.clear()
            self.message.setText(error_text(error))
            self.passphrase.setFocus()

        run_in_background(self, work, on_success=ok, on_failure=failed)  # type: ignore[arg-type]
