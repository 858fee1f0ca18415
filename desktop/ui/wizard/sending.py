"""The review page's state and the finalising flow: check every rule, show the first problem, or
lock and queue the notification on a worker thread.

The problems come from the domain's validation over the answers, not from the
widgets, so a page the person never opened (and the window never built) is
checked all the same; showing a problem builds its page.
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop.domain.building import NotificationIncomplete, build_document
from desktop.domain.context import ACUTE_FIELD
from desktop.domain.forms import FormDefinition
from desktop.domain.packs import GuidelinePack
from desktop.domain.preview import Gap, build_preview
from desktop.domain.validation import UNKNOWN, Problem, first_blocking, validate
from desktop.errors import UnderretError
from desktop.ui import theme
from desktop.ui.document_parts import split_html
from desktop.ui.messages import message_for
from desktop.ui.operations import run_in_background
from desktop.ui.wizard.base import FieldEditor
from desktop.ui.wizard.draft_loading import CORRECTS_KEY, remember_notifier
from desktop.ui.wizard.finalising import FinaliseUnavailable, NotificationFinaliser
from desktop.ui.wizard.page import SectionPage
from desktop.ui.wizard.problems import problem_text
from desktop.ui.wizard.review import ReviewPage, document_html, preview_html

if TYPE_CHECKING:
    from desktop.domain.document import NotificationDocument
    from desktop.ui.wizard.confirm import FinaliseConfirmation
    from desktop.ui.wizard.page_set import Page
    from desktop.ui.wizard.window import WizardWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


@dataclass(frozen=True)
class _LayoutRequest:
    """What the review page's document is laid out from: a copy of the answers, safe on a worker thread."""

    form: FormDefinition
    pack: GuidelinePack
    answers: Mapping[str, Any]
    notification_id: str
    created_at: datetime | None
    language: str
    corrects: str | None
    valid: bool  # every rule met: lay out the strict document
    style: tuple[object, float]  # the screen's colours and font size (theme.document_style)

    def lay_out(self) -> tuple[str, tuple[Gap, ...]]:
        """The HTML of the municipality's layout, and the gaps its links lead to (none once valid); split
        into the document view's parts here too, so the GUI thread finds them in split_html's cache."""
        html, gaps = self._html()
        split_html(html)
        return html, gaps

    def _html(self) -> tuple[str, tuple[Gap, ...]]:
        now = datetime.now(UTC)
        created = self.created_at or now
        if self.valid:
            try:
                document = build_document(self.form, self.pack, self.answers,
                                          notification_id=self.notification_id, created_at=created,
                                          finalised_at=now, language=self.language, corrects=self.corrects)
            except NotificationIncomplete:
                pass  # a rule that depends on the day changed its answer: show the gaps instead
            else:
                return document_html(document, self.style, finalised=False), ()  # not finished yet
        preview = build_preview(self.form, self.pack, self.answers, notification_id=self.notification_id,
                                created_at=created, now=now, language=self.language, corrects=self.corrects)
        return preview_html(preview, self.style), preview.gaps


def describe_notification(window: WizardWindow, notification_id: str) -> str:
    """An earlier notification as the person knows it: its reference number (or its short number) and
    the day it was finished."""
    from desktop.documents.formatting import short_id
    from desktop.ui.dates import long_date

    vault = window.services.vault
    try:
        summary = vault.notifications.get_summary(notification_id) if vault is not None else None
    except UnderretError:
        summary = None
    reference = (summary.reference if summary is not None else None) or short_id(notification_id)
    if summary is None or summary.finalised_at is None:
        return translate("Wizard", "the notification with reference number %1").replace("%1", reference)
    from desktop.ui.dates import danish_time

    finished = long_date(danish_time(summary.finalised_at).date(), window.services.language)
    return translate("Wizard", "the notification with reference number %1, finished on %2").replace(
        "%1", reference).replace("%2", finished)


def _shown_windows() -> list[QWidget]:
    """The windows on screen now."""
    return [widget for widget in QApplication.topLevelWidgets() if widget.isVisible()]


def tell(parent: QWidget, title: str, error: Exception) -> None:
    """A calm, non-blocking message about something that did not work (nothing typed is lost)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message_for(error),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("problemMessage")
    box.setAccessibleName(title)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


class Sending:
    """Review, problems and finalising for one :class:`WizardWindow`."""

    def __init__(self, window: WizardWindow) -> None:
        self._window = window
        self._review_fingerprint = ""
        #: "Finish and send?" while it is asked.
        self.confirmation: FinaliseConfirmation | None = None
        #: True while the notification is being sealed (a second "Finish and send" does nothing).
        self.sealing = False

    def problems(self) -> list[Problem]:
        """Every rule the answers break, on every page (built or not)."""
        window = self._window
        return validate(window.form, window.pack, window.answers, today=window.today())

    def build_document(self) -> NotificationDocument:
        """What the municipality receives (raises ``NotificationIncomplete`` while a rule is broken)."""
        window = self._window
        now = datetime.now(UTC)
        corrects = window.answers.get(CORRECTS_KEY)
        return build_document(window.form, window.pack, window.answers, notification_id=window.draft_id or "",
                              created_at=window.created_at or now, finalised_at=now, language=window.language,
                              corrects=corrects if isinstance(corrects, str) else None)

    def refresh_review(self, page: ReviewPage) -> bool:
        """Redraw the review page for the current answers: always the municipality's layout. False when
        nothing changed since it was last drawn (nothing was redrawn).

        The problem list is drawn at once; the document is laid out on a worker thread
        (the first layout also imports the documents area) and shown when it is ready,
        unless the answers changed meanwhile.
        """
        window = self._window
        # Laying out the whole notification is the most expensive thing the wizard draws;
        # it is redone only when something was changed since it was last shown.
        fingerprint = f"{window.draft_id}:{json.dumps(window.answers, sort_keys=True, default=str)}"
        if fingerprint == self._review_fingerprint:
            return False
        self._review_fingerprint = fingerprint
        problems = self.problems()
        page.show_problems(window.flow, problems, window.form.sections)
        corrects = window.answers.get(CORRECTS_KEY)
        request = _LayoutRequest(
            form=window.form, pack=window.pack, answers=copy.deepcopy(window.answers),
            notification_id=window.draft_id or "", created_at=window.created_at, language=window.language,
            corrects=corrects if isinstance(corrects, str) else None,
            valid=first_blocking(problems) is None and window.draft_id is not None,
            style=theme.document_style())

        def shown(result: tuple[str, tuple[Gap, ...]]) -> None:
            if fingerprint == self._review_fingerprint:  # else a newer layout is on its way
                page.show_document(*result)

        def failed(error: Exception) -> None:
            log.error("laying out the review failed: %s", type(error).__name__)
            self._review_fingerprint = ""  # try again when the page is shown next

        run_in_background(page, request.lay_out, on_success=shown, on_failure=failed)
        return True

    def show_problem(self, problem: Problem, *, say: bool = True) -> None:
        """Open the page of ``problem``, mark its field with the message and put the focus there; ``say``:
        tell a screen reader where it is and what is missing ("Om dig › Dit navn: Udfyld …")."""
        window = self._window
        window.from_review = window.from_review or window.page_id == window.review_page_id()
        marked: list[FieldEditor] = []

        def mark(page: Page) -> QWidget | None:
            """The problems of this page shown at their fields; the focus goes to this one's."""
            if not isinstance(page, SectionPage):
                return None
            for other in self.problems():
                if other.section_id == problem.section_id and other.blocking:
                    editor = page.editor_for(other.field_path)
                    if editor is not None:
                        editor.show_problem(problem_text(other))
            editor = page.editor_for(problem.field_path)
            if editor is None:
                return page.first_focus() or window.next_button
            editor.show_problem(problem_text(problem))
            marked.append(editor)
            return editor.problem_target_for(problem.field_path, problem.message_id)

        window.go_to(problem.section_id, target=mark)
        page = window.current_page()
        if not isinstance(page, SectionPage) or not marked:
            return
        page.ensureWidgetVisible(marked[0])
        if say:
            from desktop.ui.announce import announce
            from desktop.ui.wizard.review import problem_line

            announce(window.step_label, problem_line(window.form, problem, window.language))

    def finalise(self) -> None:
        """Check every rule; on a problem go to it, else lock and queue the notification."""
        window = self._window
        if window.read_only or self.sealing:
            return
        window.keeper.changed()
        if not window.keeper.save_now() or window.draft_id is None:
            return
        problems = self.problems()
        problem = first_blocking(problems)
        if problem is not None:
            self.show_problem(problem, say=False)  # said with why it was not sent
            self._say_refused(problem, sum(1 for p in problems if p.blocking))
            return
        try:
            document = self.build_document()
        except NotificationIncomplete:
            log.warning("draft %s: document incomplete although validation passed", window.draft_id)
            return
        if getattr(window.services, "finalise", None) is None:
            self._failed(FinaliseUnavailable())
            return
        self.ask_to_finalise(window.draft_id, document)

    def _say_refused(self, problem: Problem, count: int) -> None:
        """Why "Finish and send" took the person to a field instead: said at once, naming the field (the
        focus has just moved there, so a screen reader would otherwise say only the field)."""
        from desktop.ui.announce import announce

        window = self._window
        review_id = window.review_page_id()
        review = window.pages[review_id] if review_id is not None else None
        if isinstance(review, ReviewPage):
            announce(window.step_label, review.refused_said(window.form, problem, count), urgent=True)

    def ask_to_finalise(self, draft_id: str, document: NotificationDocument) -> None:
        """"Finish and send?" with the summary; on yes the notification is locked and queued."""
        from desktop.ui.wizard.confirm import FinaliseConfirmation

        window = self._window
        if self.confirmation is not None:
            self.confirmation.raise_()
            return
        box = FinaliseConfirmation(document, window.pack, window.language, window,
                                   corrects=lambda original: describe_notification(window, original),
                                   danger_unknown=window.answers.get(ACUTE_FIELD) == UNKNOWN)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.services.adopt_window(box)  # decorated as every window (the demo banner)
        self.confirmation = box

        def answered(result: int) -> None:
            self.confirmation = None
            if result == int(QDialog.DialogCode.Accepted) and not window.read_only:
                # The keyboard comes back once it is sent (_finalised): back now, it would land on "Gør færdig
                # og send" first, then "Ret den" or a window opening on top - each said by a screen reader.
                self._seal(draft_id, document)
            else:
                window.activateWindow()  # the question is gone: the keyboard is back in this window
                window.finalise_button.setFocus(Qt.FocusReason.OtherFocusReason)

        box.finished.connect(answered)
        box.open()

    def _seal(self, draft_id: str, document: NotificationDocument) -> None:
        window = self._window
        finaliser: NotificationFinaliser | None = getattr(window.services, "finalise", None)
        if finaliser is None:
            self._failed(FinaliseUnavailable())
            return
        # The button stays enabled (a press meanwhile does nothing): greying out the focused button would pass
        # the focus along the Tab chain ("Luk"), which a screen reader says before the finished window's
        # "Ret den". Nothing may change while the notification is being sealed: it is what gets sent.
        self.sealing = True
        window.stack.setEnabled(False)
        window.keeper.stop()
        window.save_label.setText(translate("Wizard", "Sending is being prepared…"))
        run_in_background(window, lambda: finaliser(draft_id, document),
                          on_success=lambda _result: self._finalised(draft_id, document),
                          on_failure=self._failed)

    def _finalised(self, draft_id: str, document: NotificationDocument) -> None:
        window = self._window
        log.info("notification %s finalised", draft_id)
        window.keeper.stop()
        vault = window.services.vault
        if vault is not None:
            remember_notifier(vault, window.answers)
            vault.profile.note_open_draft(None)
        window.document = document
        window.stack.setEnabled(True)
        shown_before = _shown_windows()
        window.show_read_only()  # its focus is "Ret den" when it gets the keyboard back
        window.services.notifications_changed.emit()
        window.finalised.emit(draft_id)
        if all(any(shown is before for before in shown_before) for shown in _shown_windows()):
            window.activateWindow()
        # (else a window opened on finishing, the demo's training feedback, has the keyboard: the focus goes
        # there once, not through "Ret den" first)

    def _failed(self, error: Exception) -> None:
        window = self._window
        self.sealing = False
        if not isinstance(error, UnderretError):
            log.error("finalising failed: %s", type(error).__name__)
        window.finalise_button.setEnabled(True)
        window.stack.setEnabled(True)
        window.save_label.setText("")
        window.activateWindow()  # the keyboard was nowhere while it was being sealed
        tell(window, translate("Wizard", "Not sent yet"), error)
