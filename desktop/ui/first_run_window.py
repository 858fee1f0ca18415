"""The first-run screen: create a profile (name, how the key is kept, passphrase), or try the demo.

With "Remember on this PC" an optional recovery passphrase (typed twice) keeps a
second, passphrase-wrapped copy of the key, so the notifications can still be
opened if this PC's keyring stops working.

Also used later to start a new profile beside an existing one (for example
when a damaged vault must be kept for IT): then a Cancel button goes back.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UnderretError
from desktop.ui.accessible import name_as_shown
from desktop.ui.messages import message_for, text_for
from desktop.ui.operations import run_in_background
from desktop.ui.wizard.question_group import QuestionGroup

if TYPE_CHECKING:
    from desktop.store.keys import KeyProtection
    from desktop.store.profiles import ProfileDirectory, ProfileInfo
    from desktop.ui.services import OpenedVault, Services

log = logging.getLogger(__name__)

MIN_PASSPHRASE = 8


def passphrase_rules() -> str:
    """What a passphrase must be, said before the first try (here and in the settings)."""
    return QCoreApplication.translate(
        "FirstRunWindow",
        "A passphrase has at least %1 characters. A few words you can remember are easier than one "
        "hard word, e.g. \u201cblue bike by the sea\u201d. Nobody can get it back for you if it is "
        "forgotten.").replace("%1", str(MIN_PASSPHRASE))


def _create_and_open(profiles: ProfileDirectory, name: str, protection: KeyProtection,
                     passphrase: str | None,
                     recovery_passphrase: str | None = None) -> tuple[ProfileInfo, OpenedVault]:
    """Create the profile (key wrapping is slow) and open its new vault, on a worker thread."""
    from desktop.store.keys import zero
    from desktop.store.vault import Vault
    from desktop.ui.services import OpenedVault

    profile, key = profiles.create(name, protection, passphrase, recovery_passphrase=recovery_passphrase)
    try:
        return profile, OpenedVault(key, Vault.open(profile.vault_path, key), [])
    except BaseException:
        zero(key)
        raise


class FirstRunWindow(QWidget):
    """Creates a profile; emits ``created(profile_id)`` once its vault is open."""

    created = Signal(str)
    cancelled = Signal()

    def __init__(self, services: Services, *, can_cancel: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._busy = False
        #: Whether this PC's keyring works (None until the background check has answered).
        self.keyring_works: bool | None = None
        self.setObjectName("firstRunWindow")

        self._heading = QLabel()
        self._heading.setObjectName("heading")
        font = self._heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self._heading.setFont(font)
        self._intro = QLabel()
        self._intro.setWordWrap(True)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("profileName")
        self._name_label = QLabel()
        self._name_label.setBuddy(self.name_edit)

        self.keyring_radio = QRadioButton()
        self.keyring_radio.setObjectName("protectKeyring")
        self.passphrase_radio = QRadioButton()
        self.passphrase_radio.setObjectName("protectPassphrase")
        self._protection = QButtonGroup(self)
        self._protection.addButton(self.keyring_radio)
        self._protection.addButton(self.passphrase_radio)
        self._managed_label = QLabel()
        self._managed_label.setWordWrap(True)
        #: Said when this PC's keyring does not work (then "Remember on this PC" is not chosen for you).
        self.keyring_note = QLabel()
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.hide()
        #: The rules for a passphrase, shown before the first try (not only after a wrong one).
        self.passphrase_rules = QLabel()
        self.passphrase_rules.setObjectName("passphraseRules")
        self.passphrase_rules.setWordWrap(True)

        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("passphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setObjectName("passphraseConfirm")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._passphrase_label = QLabel()
        self._passphrase_label.setBuddy(self.passphrase_edit)
        self._confirm_label = QLabel()
        self._confirm_label.setBuddy(self.confirm_edit)

        # "Remember on this PC": an optional recovery passphrase, in case the keyring fails later.
        self.recovery_note = QLabel()
        self.recovery_note.setObjectName("recoveryNote")
        self.recovery_note.setWordWrap(True)
        self.recovery_edit = QLineEdit()
        self.recovery_edit.setObjectName("recoveryPassphrase")
        self.recovery_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.recovery_confirm_edit = QLineEdit()
        self.recovery_confirm_edit.setObjectName("recoveryPassphraseConfirm")
        self.recovery_confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._recovery_label = QLabel()
        self._recovery_label.setBuddy(self.recovery_edit)
        self._recovery_confirm_label = QLabel()
        self._recovery_confirm_label.setBuddy(self.recovery_confirm_edit)

        self.message_label = QLabel()
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.create_button = QPushButton()
        self.create_button.setObjectName("createProfile")
        self.create_button.setDefault(True)
        self.create_button.setAutoDefault(True)
        self.demo_button = QPushButton()
        self.demo_button.setObjectName("tryDemo")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setVisible(can_cancel)

        form = QFormLayout()
        form.addRow(self._name_label, self.name_edit)
        # The two choices answer one question, the group's name: a screen reader says it with each.
        self.protection_group = QuestionGroup()
        self.protection_group.setObjectName("protectionQuestion")
        choices = QVBoxLayout(self.protection_group)
        choices.setContentsMargins(0, 0, 0, 0)
        choices.addWidget(self.keyring_radio)
        choices.addWidget(self.passphrase_radio)
        protection_box = QVBoxLayout()
        protection_box.addWidget(self.protection_group)
        protection_box.addWidget(self._managed_label)
        protection_box.addWidget(self.keyring_note)
        form.addRow(protection_box)
        form.addRow(self.passphrase_rules)
        form.addRow(self._passphrase_label, self.passphrase_edit)
        form.addRow(self._confirm_label, self.confirm_edit)
        form.addRow(self.recovery_note)
        form.addRow(self._recovery_label, self.recovery_edit)
        form.addRow(self._recovery_confirm_label, self.recovery_confirm_edit)

        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self._heading)
        layout.addWidget(self._intro)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.setTabOrder(self.name_edit, self.keyring_radio)
        self.setTabOrder(self.keyring_radio, self.passphrase_radio)
        self.setTabOrder(self.passphrase_radio, self.passphrase_edit)
        self.setTabOrder(self.passphrase_edit, self.confirm_edit)
        self.setTabOrder(self.confirm_edit, self.recovery_edit)
        self.setTabOrder(self.recovery_edit, self.recovery_confirm_edit)
        self.setTabOrder(self.recovery_confirm_edit, self.create_button)
        self.setTabOrder(self.create_button, self.cancel_button)
        self.setTabOrder(self.cancel_button, self.demo_button)

        self._apply_policy()
        self.keyring_radio.toggled.connect(self._update_passphrase_fields)
        self.create_button.clicked.connect(self.create_profile)
        self.name_edit.returnPressed.connect(self.create_profile)
        self.confirm_edit.returnPressed.connect(self.create_profile)
        self.passphrase_edit.returnPressed.connect(self.confirm_edit.setFocus)
        self.recovery_confirm_edit.returnPressed.connect(self.create_profile)
        self.recovery_edit.returnPressed.connect(self._recovery_entered)
        self.cancel_button.clicked.connect(self.cancelled.emit)
        self.demo_button.clicked.connect(self._try_demo)
        self.retranslate()
        self._update_passphrase_fields()
        self._check_keyring()
        from desktop.ui.geometry import place

        place(self, "first-run", share=0.75, cap=(900, 720))

    # --- policy --------------------------------------------------------------------------------
    def _apply_policy(self) -> None:
        settings = self._services.settings
        protection = str(settings.value("key_protection"))
        (self.keyring_radio if protection == "keyring" else self.passphrase_radio).setChecked(True)
        managed = settings.is_managed("key_protection")
        self.keyring_radio.setEnabled(not managed)
        self.passphrase_radio.setEnabled(not managed)
        self._managed_label.setVisible(managed)
        demo_allowed = bool(settings.value("demo_allowed")) and self._services.demo_launcher is not None
        self.demo_button.setVisible(demo_allowed)

    def _check_keyring(self) -> None:
        """Ask the OS keyring in the background whether it works; if not, choose the passphrase instead
        (unless IT decided) and say why, so nobody starts out on a choice that cannot work."""
        if self._services.settings.is_managed("key_protection"):
            return
        profiles = self._services.profiles
        run_in_background(self, profiles.keyring_works, on_success=self._keyring_checked,
                          on_failure=lambda _error: self._keyring_checked(False))

    def _keyring_checked(self, works: bool) -> None:
        self.keyring_works = works
        self.keyring_note.setVisible(not works)
        if not works:  # the note takes room: the window grows to keep every line of it in view
            self.resize(self.size().expandedTo(self.sizeHint()))
        if not works and self.keyring_radio.isChecked():
            self.passphrase_radio.setChecked(True)
            self._update_passphrase_fields()

    def _update_passphrase_fields(self) -> None:
        use_passphrase = self.passphrase_radio.isChecked()
        for widget in (self.passphrase_edit, self.confirm_edit, self._passphrase_label, self._confirm_label):
            widget.setVisible(use_passphrase)
        # The rules apply to the passphrase and to a recovery passphrase alike: shown for both.
        for widget in (self.recovery_note, self._recovery_label, self.recovery_edit,
                       self._recovery_confirm_label, self.recovery_confirm_edit):
            widget.setVisible(not use_passphrase)

    def _recovery_entered(self) -> None:
        # Return in the first field goes on to the second; with nothing typed it creates the profile.
        if self.recovery_edit.text():
            self.recovery_confirm_edit.setFocus()
        else:
            self.create_profile()

    # --- translation ---------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Underret – create your profile"))
        self._heading.setText(self.tr("Welcome to Underret"))
        self._intro.setText(self.tr(
            "Your notifications are kept safe on this PC in your own profile, so only you can open "
            "them. Type your name (it names the profile) and choose how the profile is protected."))
        self._name_label.setText(self.tr("&Your name"))
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.protection_group.set_question(self.tr("How is the profile protected?"))
        self.keyring_radio.setText(self.tr("&Remember on this PC (a PC only you use)"))
        name_as_shown(self.keyring_radio)
        self.passphrase_radio.setText(self.tr("Use a personal &passphrase (a shared PC)"))
        name_as_shown(self.passphrase_radio)
        self._managed_label.setText(self.tr("Set by your municipality's IT"))
        self.keyring_note.setText(self.tr(
            "This PC cannot keep the key for you (its saved passwords cannot be used), so a personal "
            "passphrase is chosen. Ask IT if you would rather not type one."))
        self.passphrase_rules.setText(passphrase_rules())
        self.passphrase_edit.setAccessibleDescription(self.passphrase_rules.text())
        self._passphrase_label.setText(self.tr("Pass&phrase"))
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self._confirm_label.setText(self.tr("Passphrase &again"))
        self.confirm_edit.setAccessibleName(self.tr("Passphrase again"))
        self.recovery_note.setText(self.tr(
            "Recommended: a recovery passphrase still opens your notifications if this PC's password "
            "storage stops working. Leave it empty if you do not want one."))
        self._recovery_label.setText(self.tr("Reco&very passphrase (optional)"))
        self.recovery_edit.setAccessibleName(self.tr("Recovery passphrase (optional)"))
        self.recovery_edit.setAccessibleDescription(self.recovery_note.text())
        self._recovery_confirm_label.setText(self.tr("Recovery passphrase a&gain"))
        self.recovery_confirm_edit.setAccessibleName(self.tr("Recovery passphrase again"))
        self.create_button.setText(self.tr("&Create profile"))
        self.create_button.setAccessibleName(self.tr("Create profile"))
        self.demo_button.setText(self.tr("Try the &demo"))
        self.demo_button.setAccessibleName(self.tr("Try the demo"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.message_label.setAccessibleName(self.tr("Message"))

    # --- actions -------------------------------------------------------------------------------
    def _show_problem(self, text: str, focus: QWidget | None = None) -> None:
        self.message_label.setText(text)
        if focus is not None:
            focus.setFocus()

    def create_profile(self) -> None:
        """Check the fields and create the profile in the background."""
        if self._busy:
            return
        from desktop.store.keys import KeyProtection

        name = self.name_edit.text().strip()
        if not name:
            self._show_problem(text_for("profile.name_missing"), self.name_edit)
            return
        passphrase: str | None = None
        recovery: str | None = None
        protection = KeyProtection.KEYRING if self.keyring_radio.isChecked() else KeyProtection.PASSPHRASE
        if protection == KeyProtection.KEYRING and (self.recovery_edit.text()
                                                    or self.recovery_confirm_edit.text()):
            recovery = self.recovery_edit.text()
            if len(recovery) < MIN_PASSPHRASE:
                self._show_problem(text_for("passphrase.too_short", minimum=str(MIN_PASSPHRASE)),
                                   self.recovery_edit)
                return
            if recovery != self.recovery_confirm_edit.text():
                self._show_problem(text_for("passphrase.mismatch"), self.recovery_confirm_edit)
                return
        if protection == KeyProtection.PASSPHRASE:
            passphrase = self.passphrase_edit.text()
            if len(passphrase) < MIN_PASSPHRASE:
                self._show_problem(text_for("passphrase.too_short", minimum=str(MIN_PASSPHRASE)),
                                   self.passphrase_edit)
                return
            if passphrase != self.confirm_edit.text():
                self._show_problem(text_for("passphrase.mismatch"), self.confirm_edit)
                return
        self._set_busy(True)
        self.message_label.setText(self.tr("Creating your profile…"))
        profiles = self._services.profiles
        run_in_background(self, lambda: _create_and_open(profiles, name, protection, passphrase, recovery),
                          on_success=self._profile_created, on_failure=self._create_failed)

    def _profile_created(self, result: tuple[ProfileInfo, OpenedVault]) -> None:
        profile, opened = result
        self._services.attach_vault(profile, opened)
        self._set_busy(False)
        for edit in (self.passphrase_edit, self.confirm_edit, self.recovery_edit, self.recovery_confirm_edit):
            edit.clear()
        self.message_label.clear()
        self.created.emit(profile.id)

    def _create_failed(self, error: Exception) -> None:
        from desktop.store.errors import KeyringUnavailable

        self._set_busy(False)
        if isinstance(error, KeyringUnavailable):
            # The plain explanation, then the passphrase fields, ready to type.
            log.info("keyring unavailable at profile creation: %s", error.details.get("reason", ""))
            self.recovery_edit.clear()
            self.recovery_confirm_edit.clear()
            self.passphrase_radio.setChecked(True)
            self._show_problem(message_for(error), self.passphrase_edit)
            return
        if not isinstance(error, UnderretError):
            log.error("profile creation failed", exc_info=error)
        self._show_problem(message_for(error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.create_button.setEnabled(not busy)

    def _try_demo(self) -> None:
        if self._services.demo_launcher is not None:
            self._services.demo_launcher()
