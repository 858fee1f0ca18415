"""The notification window: one page per form section, Back/Next, autosave, review and finalise.

The domain decides (``WizardFlow`` for pages and visibility, ``validate`` for
problems, ``build_document`` for what is sent); this window only draws and
keeps the draft saved. "Child in danger?" is reachable from every page.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.answers import get_answer, parse_path, set_answer
from desktop.domain.building import NotificationIncomplete, build_document, child_initials
from desktop.domain.context import ACUTE_FIELD
from desktop.domain.document import NotificationDocument
from desktop.domain.flow import WizardFlow, apply_presets
from desktop.domain.forms import FormDefinition, SectionKind, initial_answers, load_form
from desktop.domain.packs import GuidelinePack
from desktop.domain.validation import Problem, first_blocking, validate
from desktop.errors import UnderretError
from desktop.store.errors import NotADraft
from desktop.ui.messages import message_for
from desktop.ui.operations import run_in_background
from desktop.ui.wizard.drafts import DraftKeeper
from desktop.ui.wizard.fields import EditorContext, FieldEditor
from desktop.ui.wizard.finalising import FinaliseUnavailable, NotificationFinaliser
from desktop.ui.wizard.guidance import AcuteContacts
from desktop.ui.wizard.page import SectionPage
from desktop.ui.wizard.problems import problem_text
from desktop.ui.wizard.review import ReviewPage, document_html

if TYPE_CHECKING:
    from desktop.app import Services
    from desktop.store.vault import Vault

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

#: Reserved answers key: the notification a correction corrects (not a form field).
CORRECTS_KEY = "meta.corrects"

_PROFILE_FIELDS = {
    "notifier.name": "name", "notifier.role": "role", "notifier.workplace": "workplace",
    "notifier.work_address": "work_address", "notifier.phone": "phone", "notifier.email": "email",
}


@functools.cache
def shipped_form() -> FormDefinition:
    """The shipped form, read once per run (it is immutable; opening a window need not parse YAML)."""
    return load_form()


class WizardWindow(QMainWindow):
    """Writes one notification; ``finalised(id)`` once it is locked and queued."""

    finalised = Signal(str)

    def __init__(self, services: Services, draft_id: str | None, *,
                 today: Callable[[], date] | None = None, form: FormDefinition | None = None,
                 pack: GuidelinePack | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notificationWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._services = services
        self._today = today or date.today
        self.form = form or shipped_form()
        self.pack = pack or services.pack()
        self.language = services.language if services.language in ("da", "en") else "da"
        self.answers: dict[str, Any] = {}
        self.page_id = self.form.sections[0].id
        self.read_only = False
        self.document: NotificationDocument | None = None
        self.created_at: datetime | None = None
        self._closing = False
        self._review_fingerprint = ""
        self._listed: tuple[str, str] | None = None
        self._finalised_id: str | None = None
        self._unavailable = ""
        self._listening = False
        self.flow = WizardFlow(self.form, self.pack, lambda: self.answers, self._today)
        self.keeper = DraftKeeper(services.require_vault, draft_id, lambda: self.answers,
                                  lambda: self.page_id, self)
        self.keeper.saved.connect(self._on_saved)
        self.keeper.failed.connect(self._on_save_failed)
        if draft_id is not None:
            self._take_over(draft_id)
        self._load(draft_id)
        self._build()
        services.session.locking.connect(self._on_locking)
        services.session.unlocked.connect(self._note_open)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_quit)
        self._listening = True
        if self.read_only:
            self._show_read_only()
        else:
            self.go_to(self.page_id if self.page_id in self.pages else self.flow.first(), save=False)

    # --- loading -------------------------------------------------------------------------------
    @property
    def draft_id(self) -> str | None:
        return self.keeper.draft_id

    def _vault(self) -> Vault:
        return self._services.require_vault()

    @staticmethod
    def _take_over(draft_id: str) -> None:
        """One window per draft: an older window on the same draft saves and closes first, so two
        windows never overwrite each other's typing; this one then opens what it saved."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, WizardWindow) and widget.draft_id == draft_id and widget.isVisible():
                widget.save_and_close()

    def save_and_close(self) -> None:
        """Save what is typed and close (another window takes over this draft)."""
        if not self.read_only:
            self.keeper.save_now()
        self._closing = True
        self.close()

    def _load(self, draft_id: str | None) -> None:
        vault = self._vault()
        if draft_id is None:
            self.answers = initial_answers(self.form)
            profile = vault.profile.get()
            for field_id, attribute in _PROFILE_FIELDS.items():
                value = getattr(profile, attribute)
                if value:
                    self.answers[field_id] = value
            return
        try:
            draft = vault.notifications.get_draft(draft_id)
        except NotADraft:
            self.read_only = True
            self._finalised_id = draft_id
            try:
                stored = vault.notifications.get_document(draft_id)
            except UnderretError as error:  # e.g. the content was purged after the retention period
                self._unavailable = message_for(error)
                return
            self.document = NotificationDocument.model_validate_json(stored)
            return
        self.answers = dict(draft.answers)
        self.page_id = draft.page
        self.created_at = draft.created_at
        vault.profile.note_open_draft(draft_id)

    # --- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        top = QHBoxLayout()
        self.step_label = QLabel()
        self.step_label.setObjectName("stepLabel")
        self.save_label = QLabel()
        self.save_label.setObjectName("saveStatus")
        self.acute_button = QPushButton()
        self.acute_button.setObjectName("acuteButton")
        self.acute_button.setCheckable(True)
        self.acute_button.setStyleSheet("QPushButton#acuteButton { color: #a3261c; font-weight: bold; }")
        self.acute_button.toggled.connect(self._toggle_acute_panel)
        top.addWidget(self.acute_button)
        top.addWidget(self.step_label, 1)
        top.addWidget(self.save_label)
        outer.addLayout(top)
        self.acute_panel = AcuteContacts(self.pack, self.language)
        self.acute_panel.hide()
        outer.addWidget(self.acute_panel)
        self.read_only_label = QLabel()
        self.read_only_label.setWordWrap(True)
        self.read_only_label.hide()
        outer.addWidget(self.read_only_label)

        self.stack = QStackedWidget()
        self.pages: dict[str, SectionPage | ReviewPage] = {}
        context = EditorContext(self.language, self.pack, self._today())
        for section in self.form.sections:
            page: SectionPage | ReviewPage
            if section.kind is SectionKind.REVIEW:
                page = ReviewPage(section, self.form.sections, self.pack, self.language,
                                  self.edit_section, self.show_problem)
            else:
                page = SectionPage(section, context, self._on_edit)
                page.load(self.answers)
            self.pages[section.id] = page
            self.stack.addWidget(page)
        self.document_view = QTextBrowser()
        self.document_view.setObjectName("finalisedDocument")
        self.stack.addWidget(self.document_view)
        outer.addWidget(self.stack, 1)

        bottom = QHBoxLayout()
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("discardButton")
        self.discard_button.clicked.connect(self.ask_discard)
        self.back_button = QPushButton()
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton()
        self.next_button.setObjectName("nextButton")
        self.next_button.setDefault(False)
        self.next_button.clicked.connect(self.next)
        self.finalise_button = QPushButton()
        self.finalise_button.setObjectName("finaliseButton")
        self.finalise_button.clicked.connect(self.finalise)
        self.correct_button = QPushButton()
        self.correct_button.setObjectName("correctButton")
        self.correct_button.clicked.connect(self.start_correction)
        self.correct_button.hide()
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.close)
        bottom.addWidget(self.discard_button)
        bottom.addStretch(1)
        for button in (self.back_button, self.next_button, self.finalise_button, self.correct_button,
                       self.close_button):
            bottom.addWidget(button)
        outer.addLayout(bottom)
        self.setCentralWidget(central)
        # From the last field, Tab reaches Back and Next first; discarding comes last.
        QWidget.setTabOrder(self.close_button, self.discard_button)
        # Keyboard paths besides Tab: Alt+Right / Alt+Left move between pages.
        QShortcut(QKeySequence("Alt+Right"), self, self.next)
        QShortcut(QKeySequence("Alt+Left"), self, self.back)
        self.retranslate()
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 110, metrics.lineSpacing() * 42)

    def retranslate(self) -> None:
        """The window's own words in the current UI language (the form's texts keep the
        language the notification is being written in)."""
        self.setWindowTitle(translate("Wizard", "Underret – notification of concern"))
        self.acute_button.setText(translate("Wizard", "Child in danger? &Whom to call"))
        self.acute_button.setAccessibleName(
            translate("Wizard", "Child in danger right now? Show whom to call"))
        self.document_view.setAccessibleName(translate("Wizard", "The finalised notification"))
        self.discard_button.setText(translate("Wizard", "&Discard draft"))
        self.discard_button.setAccessibleName(translate("Wizard", "Discard this draft"))
        self.back_button.setText(translate("Wizard", "&Back"))
        self.back_button.setAccessibleName(translate("Wizard", "Back to the previous page"))
        self.next_button.setText(translate("Wizard", "&Next"))
        self.next_button.setAccessibleName(translate("Wizard", "Next page"))
        self.finalise_button.setText(translate("Wizard", "&Finalise and send"))
        self.finalise_button.setAccessibleName(translate("Wizard", "Finalise and send the notification"))
        self.correct_button.setText(translate("Wizard", "&Correct it"))
        self.correct_button.setAccessibleName(translate(
            "Wizard", "Write a correction: a new notification that refers to this one"))
        self.close_button.setText(translate("Wizard", "C&lose"))
        self.close_button.setAccessibleName(translate("Wizard", "Close the window"))
        if hasattr(self, "pages") and self.page_id in self.pages and not self.read_only:
            self._show_step()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "close_button"):
            self.retranslate()
        super().changeEvent(event)

    def _toggle_acute_panel(self, on: bool) -> None:
        self.acute_panel.setVisible(on)

    # --- navigation ----------------------------------------------------------------------------
    def current_page(self) -> SectionPage | ReviewPage:
        return self.pages[self.page_id]

    def go_to(self, page_id: str, *, save: bool = True, focus: bool = True) -> None:
        """Show a page; what was typed is saved first (page changes are a save point)."""
        self.page_id = page_id
        page = self.pages[page_id]
        if isinstance(page, SectionPage):
            page.refresh(self.flow, self.answers)
        else:
            self._refresh_review(page)
        self.stack.setCurrentWidget(page)
        self._show_step()
        is_review = page.section.kind is SectionKind.REVIEW
        self.back_button.setEnabled(self.flow.previous(page_id) is not None)
        self.next_button.setVisible(not is_review)
        self.finalise_button.setVisible(is_review)
        if save:
            # Unsaved typing is written now; a page change alone (the page is stored with the
            # draft) rides on the autosave timer.
            if self.keeper.dirty:
                self.keeper.save_now()
            elif self.keeper.draft_id is not None:
                self.keeper.changed()
        if focus:
            target = page.first_focus() if isinstance(page, SectionPage) else self.finalise_button
            if target is not None:
                target.setFocus(Qt.FocusReason.TabFocusReason)

    def _show_step(self) -> None:
        page = self.current_page()
        number, total = self.flow.position(self.page_id)
        title = page.section.title.get(self.language) or page.section.title.da
        self.step_label.setText(translate("Wizard", "Step %1 of %2: %3").replace("%1", str(number))
                                .replace("%2", str(total)).replace("%3", title))

    def next(self) -> None:
        if self.read_only:
            return
        target = self.flow.next(self.page_id)
        if target is not None:
            self.go_to(target)

    def back(self) -> None:
        if self.read_only:
            return
        target = self.flow.previous(self.page_id)
        if target is not None:
            self.go_to(target)

    def edit_section(self, section_id: str) -> None:
        """The review's "Edit" button: open that part of the notification."""
        self.go_to(section_id)

    # --- editing -------------------------------------------------------------------------------
    def _on_edit(self, editor: FieldEditor) -> None:
        top = parse_path(editor.path).field
        value = editor.value()
        set_answer(self.answers, top, value)
        filled = apply_presets(self.form, self.pack, self.answers, self._today())
        for path in filled:
            field_id = parse_path(path).field
            section = self.form.section_of(field_id)
            page = self.pages[section.id]
            if isinstance(page, SectionPage) and field_id in page.editors:
                page.editors[field_id].set_value(get_answer(self.answers, field_id))
        page = self.current_page()
        if isinstance(page, SectionPage):
            page.refresh(self.flow, self.answers)
        if top == ACUTE_FIELD and value is True:
            self.acute_button.setChecked(False)  # the page itself now shows whom to call
        self.keeper.changed()

    def _on_saved(self, draft_id: str) -> None:
        self.save_label.setText(translate("Wizard", "Saved %1").replace(
            "%1", datetime.now().strftime("%H:%M:%S")))
        self.save_label.setStyleSheet("")
        # The main window's list shows initials and the last change: tell it when those matter
        # (a new draft, other initials), not on every autosave; closing tells it once more.
        initials = child_initials(self.answers)
        if (draft_id, initials) != self._listed:
            self._listed = (draft_id, initials)
            self._services.notifications_changed.emit()

    def _on_save_failed(self, error: object) -> None:
        text = message_for(error) if isinstance(error, BaseException) else ""
        self.save_label.setText(text or translate("Wizard", "Not saved"))
        self.save_label.setStyleSheet("color: #a3261c;")

    # --- review and finalising -----------------------------------------------------------------
    def problems(self) -> list[Problem]:
        return validate(self.form, self.pack, self.answers, today=self._today())

    def _build_document(self) -> NotificationDocument:
        now = datetime.now(UTC)
        corrects = self.answers.get(CORRECTS_KEY)
        return build_document(self.form, self.pack, self.answers, notification_id=self.draft_id or "",
                              created_at=self.created_at or now, finalised_at=now, language=self.language,
                              corrects=corrects if isinstance(corrects, str) else None)

    def _refresh_review(self, page: ReviewPage) -> None:
        # Laying out the whole notification is the most expensive thing the wizard draws;
        # it is redone only when something was changed since it was last shown.
        fingerprint = f"{self.draft_id}:{json.dumps(self.answers, sort_keys=True, default=str)}"
        if fingerprint == self._review_fingerprint:
            return
        self._review_fingerprint = fingerprint
        problems = self.problems()
        document = None
        if first_blocking(problems) is None and self.draft_id is not None:
            try:
                document = self._build_document()
            except NotificationIncomplete:
                document = None
        page.show_state(self.flow, self.answers, problems, self.form.sections, document)

    def show_problem(self, problem: Problem) -> None:
        """Open the page of ``problem``, mark its field with the message and put the focus there."""
        self.go_to(problem.section_id, focus=False)
        page = self.current_page()
        if not isinstance(page, SectionPage):
            return
        for other in self.problems():
            if other.section_id == problem.section_id and other.blocking:
                editor = page.editor_for(other.field_path)
                if editor is not None:
                    editor.show_problem(problem_text(other))
        editor = page.editor_for(problem.field_path)
        if editor is None:
            return
        editor.show_problem(problem_text(problem))
        target = editor.problem_target(problem.message_id)
        page.ensureWidgetVisible(editor)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def finalise(self) -> None:
        """Check every rule; on a problem go to it, else lock and queue the notification."""
        if self.read_only:
            return
        self.keeper.changed()
        if not self.keeper.save_now() or self.draft_id is None:
            return
        problem = first_blocking(self.problems())
        if problem is not None:
            self.show_problem(problem)
            return
        try:
            document = self._build_document()
        except NotificationIncomplete:
            log.warning("draft %s: document incomplete although validation passed", self.draft_id)
            return
        finaliser: NotificationFinaliser | None = getattr(self._services, "finalise", None)
        if finaliser is None:
            self._finalise_failed(FinaliseUnavailable())
            return
        draft_id = self.draft_id
        self.finalise_button.setEnabled(False)
        # Nothing may change while the notification is being sealed: it is what gets sent.
        self.stack.setEnabled(False)
        self.keeper.stop()
        self.save_label.setText(translate("Wizard", "Sending is being prepared…"))
        run_in_background(self, lambda: finaliser(draft_id, document),
                          on_success=lambda _result: self._finalised(draft_id, document),
                          on_failure=self._finalise_failed)

    def _finalised(self, draft_id: str, document: NotificationDocument) -> None:
        log.info("notification %s finalised", draft_id)
        self.keeper.stop()
        self._remember_notifier()
        if self._services.vault is not None:
            self._services.vault.profile.note_open_draft(None)
        self.document = document
        self.read_only = True
        self.stack.setEnabled(True)
        self._show_read_only()
        self._services.notifications_changed.emit()
        self.finalised.emit(draft_id)

    def _finalise_failed(self, error: Exception) -> None:
        if not isinstance(error, UnderretError):
            log.error("finalising failed: %s", type(error).__name__)
        self.finalise_button.setEnabled(True)
        self.stack.setEnabled(True)
        self.save_label.setText("")
        self._tell(translate("Wizard", "Not sent yet"), error)

    def _tell(self, title: str, error: Exception) -> None:
        """A calm message about something that did not work (nothing typed is lost)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message_for(error),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("problemMessage")
        box.setAccessibleName(title)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _remember_notifier(self) -> None:
        """Keep the notifier's work details for the next notification."""
        from desktop.store.profile_repo import UserProfile

        vault = self._services.vault
        if vault is None:
            return
        values = {attribute: self.answers.get(field_id) for field_id, attribute in _PROFILE_FIELDS.items()}
        vault.profile.save(UserProfile(**{k: v if isinstance(v, str) else "" for k, v in values.items()}))

    def _show_read_only(self) -> None:
        """A finalised notification: shown as sent, nothing editable; a correction is a new one."""
        self.read_only = True
        if self.document is not None:
            self.document_view.setHtml(document_html(self.document))
        self.stack.setCurrentWidget(self.document_view)
        self.read_only_label.setText(self._unavailable or translate(
            "Wizard", "This notification has been finalised and can no longer be changed. "
                      "To correct it, write a correction: a new notification that refers to this one."))
        self.read_only_label.show()
        self.step_label.setText("")
        for button in (self.back_button, self.next_button, self.finalise_button, self.discard_button):
            button.hide()
        self.correct_button.setVisible(not self._unavailable)
        if self.document is not None and self.document.acute:
            # An acute notification is never only written: the numbers stay in view.
            self.acute_button.setChecked(True)
        (self.close_button if self._unavailable else self.correct_button).setFocus()

    def start_correction(self) -> None:
        """Open a new draft with the same answers that says which notification it corrects."""
        original = self.keeper.draft_id or self._finalised_id
        if original is None:
            return
        vault = self._vault()
        try:
            answers = dict(vault.notifications.get_answers(original))
        except UnderretError as error:
            self._tell(translate("Wizard", "The correction could not be started"), error)
            return
        answers[CORRECTS_KEY] = original
        new_id = vault.notifications.create_draft(answers, self.form.sections[1].id, child_initials(answers))
        self._services.notifications_changed.emit()
        self._services.open_wizard(new_id)
        self.close()

    # --- discarding ----------------------------------------------------------------------------
    def ask_discard(self) -> None:
        """Ask once; on yes the draft is removed from the vault and the window closes."""
        box = QMessageBox(QMessageBox.Icon.Question, translate("Wizard", "Discard this notification?"),
                          translate("Wizard", "What you have written will be deleted and cannot be brought "
                                              "back."),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("discardQuestion")
        box.setAccessibleName(translate("Wizard", "Discard this notification?"))
        delete = box.addButton(translate("Wizard", "&Delete it"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(translate("Wizard", "&Keep it"), QMessageBox.ButtonRole.RejectRole)
        delete.setObjectName("confirmDiscard")
        keep.setObjectName("keepDraft")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._discard() if button is delete else None)
        self.discard_box = box
        box.open()

    def _discard(self) -> None:
        self.keeper.stop()
        draft_id = self.keeper.draft_id
        vault = self._vault()
        if draft_id is not None:
            vault.notifications.discard_draft(draft_id)
            log.info("draft %s discarded", draft_id)
        vault.profile.note_open_draft(None)
        self.keeper.draft_id = None
        self._services.notifications_changed.emit()
        self._closing = True
        self.close()

    # --- lock, quit, close ---------------------------------------------------------------------
    def _on_locking(self) -> None:
        if not self.read_only:
            self.keeper.save_now()
        draft_id = self.keeper.draft_id if not self.read_only else (
            self.document.notification_id if self.document else None)
        services = self._services
        if draft_id is not None:
            services.session.remember(lambda: services.open_wizard(draft_id))
        self._closing = True
        self.close()

    def _note_open(self) -> None:
        # A new session has just begun (unlock): it must know this draft is open again.
        if not self.read_only and self.keeper.draft_id is not None and self._services.vault is not None:
            self._services.vault.profile.note_open_draft(self.keeper.draft_id)

    def _on_quit(self) -> None:
        if not self.read_only and self._services.vault is not None:
            self.keeper.save_now()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.read_only and not self._closing and self._services.vault is not None:
            self.keeper.save_now()
            if self.keeper.draft_id is not None:
                self._vault().profile.note_open_draft(None)
        self.keeper.stop()
        if self._listed is not None and self._services.vault is not None:
            self._services.notifications_changed.emit()
        if self._listening:
            self._listening = False
            self._services.session.locking.disconnect(self._on_locking)
            self._services.session.unlocked.disconnect(self._note_open)
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.disconnect(self._on_quit)
        super().closeEvent(event)
