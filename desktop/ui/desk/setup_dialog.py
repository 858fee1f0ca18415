"""Setting up a desk: who works here, the intake it reads (enrolment with IT's token), the keys.

* Initials (shown to the other desks beside what this caseworker did) and the unit's name (shown to
  notifiers in the kvittering).
* Enrolment: the intake's address, the municipality's CA certificate (a PEM file, when the intake
  uses its own CA) and the one-time token from IT, or a desk certificate and its key from the
  municipality's desk CA. The credential it gives is kept in the vault; the certificate's key is not.
* Keys: the municipality's recipient key files (one per id, several while rotating) and the
  message-signing key, imported once into the vault.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.desk.context import error_text
from desktop.ui.operations import run_in_background

if TYPE_CHECKING:
    from desktop.desk.key_import import ImportedKey
    from desktop.ui.desk.context import DeskContext


class SetupDialog(QDialog):
    """The desk's set-up; ``finished_step`` after each step that worked (tests wait on it)."""

    finished_step = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskSetupDialog")
        self._context = context
        self.setWindowTitle(self.tr("Set up desk"))
        service = context.service
        self.initials = QLineEdit(service.initials)
        self.initials.setObjectName("initials")
        self.initials.setAccessibleName(self.tr("Your initials"))
        self.initials.setMaxLength(6)
        self.unit = QLineEdit(service.unit)
        self.unit.setObjectName("unit")
        self.unit.setAccessibleName(self.tr("The unit's name, shown to notifiers"))
        self.save_button = QPushButton(self.tr("Sa&ve"))
        self.save_button.setAccessibleName(self.tr("Save initials and unit"))
        self.save_button.clicked.connect(self.save_caseworker)
        who = QGroupBox(self.tr("Who works here"))
        who_form = QFormLayout(who)
        who_form.addRow(self.tr("&Initials"), self.initials)
        who_form.addRow(self.tr("&Unit"), self.unit)
        who_form.addRow("", self.save_button)
        self.url = QLineEdit()
        self.url.setObjectName("intakeUrl")
        self.url.setPlaceholderText("https://")
        self.url.setAccessibleName(self.tr("The intake's address"))
        self.ca_file = QLineEdit()
        self.ca_file.setObjectName("caFile")
        self.ca_file.setAccessibleName(self.tr("The municipality's CA certificate file (optional)"))
        self.token = QLineEdit()
        self.token.setObjectName("token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(self.tr("The enrolment token from IT"))
        self.certificate_file = QLineEdit()
        self.certificate_file.setObjectName("certificateFile")
        self.certificate_file.setAccessibleName(self.tr("This desk's certificate file (instead of a token)"))
        self.certificate_key_file = QLineEdit()
        self.certificate_key_file.setObjectName("certificateKeyFile")
        self.certificate_key_file.setAccessibleName(self.tr("The certificate's private key file"))
        self.enrol_button = QPushButton(self.tr("&Enrol with the intake"))
        self.enrol_button.setAccessibleName(self.tr("Enrol with the intake"))
        self.enrol_button.clicked.connect(self.enrol)
        intake = QGroupBox(self.tr("The intake"))
        intake_form = QFormLayout(intake)
        intake_form.addRow(self.tr("A&ddress"), self.url)
        intake_form.addRow(self.tr("&CA certificate (PEM file)"), self.ca_file)
        intake_form.addRow(self.tr("&Token from IT"), self.token)
        intake_form.addRow(self.tr("or desk ce&rtificate (PEM file)"), self.certificate_file)
        intake_form.addRow(self.tr("and its &key (PEM file)"), self.certificate_key_file)
        intake_form.addRow("", self.enrol_button)
        self.import_button = QPushButton(self.tr("Import a &key file…"))
        self.import_button.setAccessibleName(self.tr("Import a key file"))
        self.import_button.clicked.connect(self.choose_key_file)
        self.keys_label = QLabel()
        self.keys_label.setObjectName("keys")
        self.keys_label.setWordWrap(True)
        keys = QGroupBox(self.tr("The municipality's keys"))
        keys_layout = QVBoxLayout(keys)
        keys_layout.addWidget(self.keys_label)
        keys_layout.addWidget(self.import_button)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        close = QPushButton(self.tr("Close"))
        close.setAccessibleName(self.tr("Close"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addWidget(intake)
        layout.addWidget(keys)
        layout.addLayout(bottom)
        self._show_keys()
        self.initials.setFocus()

    def _show_keys(self) -> None:
        state = self._context.service.setup_state()
        none = self.tr("none yet")
        lines = [self.tr("Recipient keys: %1").replace("%1", ", ".join(state.recipient_key_ids) or none),
                 self.tr("Message-signing key: %1").replace("%1", state.signing_key_id or none)]
        if state.intake_url:
            lines.append(self.tr("Enrolled with %1").replace("%1", state.intake_url))
            self.url.setText(state.intake_url)
        self.keys_label.setText("\n".join(lines))

    def save_caseworker(self) -> None:
        try:
            self._context.service.set_caseworker(self.initials.text().strip(), self.unit.text())
        except Exception as error:  # an UnderretError with a message id, shown as a sentence
            self.message.setText(error_text(error))
            return
        self.message.setText(self.tr("Saved."))
        self.finished_step.emit("caseworker")

    def enrol(self) -> None:
        url, token, ca_path = self.url.text().strip(), self.token.text().strip(), self.ca_file.text().strip()
        try:
            ca_pem = Path(ca_path).read_text(encoding="ascii") if ca_path else None
        except (OSError, UnicodeDecodeError):
            self.message.setText(self.tr("The CA certificate file cannot be read."))
            return
        name = self.initials.text().strip() or "desk"
        certificate_path = self.certificate_file.text().strip()
        key_path = self.certificate_key_file.text().strip()
        service = self._context.service
        if token:
            def work() -> None:
                service.enrol(url, token, ca_pem=ca_pem, name=name)
        elif certificate_path and key_path:
            try:
                certificate = Path(certificate_path).read_text(encoding="ascii")
                key = Path(key_path).read_bytes()
            except (OSError, UnicodeDecodeError):
                self.message.setText(self.tr("The certificate or its key cannot be read."))
                return

            def work() -> None:
                service.enrol_with_certificate(url, certificate, key, ca_pem=ca_pem, name=name)
        else:
            self.message.setText(self.tr("Give the token from IT, or this desk's certificate and its key."))
            return
        self.enrol_button.setEnabled(False)
        self.message.setText(self.tr("Enrolling…"))

        def done(_: object) -> None:
            self.token.clear()
            self.enrol_button.setEnabled(True)
            self.message.setText(self.tr("This desk is enrolled. Fetch new notifications with F5."))
            self._show_keys()
            self.finished_step.emit("enrolled")

        def failed(error: Exception) -> None:
            self.enrol_button.setEnabled(True)
            self.message.setText(error_text(error))

        run_in_background(self, work, on_success=done, on_failure=failed)

    def choose_key_file(self) -> None:
        path = self._context.choose_open_path(self, self.tr("Choose a key file from IT"), str(Path.home()))
        if path is not None:
            self.import_key(path)

    def import_key(self, path: Path) -> None:
        def done(imported: ImportedKey) -> None:
            recipient = imported.kind == "recipient"
            kind = self.tr("recipient key") if recipient else self.tr("message-signing key")
            text = self.tr("Imported %1 %2.") if imported.new else self.tr("The %1 %2 was already imported.")
            self.message.setText(text.replace("%1", kind).replace("%2", imported.key_id)
                                 + " " + self.tr("You may now remove the key file, as IT directs."))
            self._show_keys()
            self._context.changed.emit()
            self.finished_step.emit("key")

        run_in_background(self, lambda: self._context.service.import_key(path), on_success=done,
                          on_failure=lambda e: self.message.setText(error_text(e)))
