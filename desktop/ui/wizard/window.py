"""The notification window: one page per form section, Back/Next, autosave, review and finalise.

The domain decides (``WizardFlow`` for pages and visibility, ``validate`` for
problems, ``build_document`` for what is sent); this window only draws and
keeps the draft saved. "Child in danger?" is reachable from every page.

The parts live beside it: :mod:`.page_set` (pages built when needed),
:mod:`.draft_loading` (what the window opens), :mod:`.drafts` (autosave),
:mod:`.sending` (review and finalising), :mod:`.finalised_view`,
:mod:`.discarding` and :mod:`.lock_handling`.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.answers import get_answer, parse_path, set_answer
from desktop.domain.building import child_initials
from desktop.domain.context import ACUTE_FIELD
from desktop.domain.flow import WizardFlow, apply_presets, derived_presets
from desktop.domain.forms import FormDefinition, Section, SectionKind
from desktop.domain.help import wizard_topic
from desktop.domain.packs import GuidelinePack
from desktop.domain.validation import UNKNOWN, Problem
from desktop.ui import theme
from desktop.ui.accessible import name_as_shown
from desktop.ui.document_view import DocumentView
from desktop.ui.help.actions import add_help_menu
from desktop.ui.messages import message_for
from desktop.ui.tab_order import follow_reading_order
from desktop.ui.wizard import checks, discarding, finalised_view
from desktop.ui.wizard.attachment_store import DraftAttachments
from desktop.ui.wizard.derived_notice import DerivedNotice
from desktop.ui.wizard.draft_loading import CORRECTS_KEY, open_notification, shipped_form
from desktop.ui.wizard.drafts import DraftKeeper
from desktop.ui.wizard.fields import EditorContext, FieldEditor
from desktop.ui.wizard.guidance import AcuteContacts
from desktop.ui.wizard.lock_handling import LockHandling, take_unsaved
from desktop.ui.wizard.opening_focus import FocusHold
from desktop.ui.wizard.page import SectionPage
from desktop.ui.wizard.page_set import Page, PageSet
from desktop.ui.wizard.review import ReviewPage
from desktop.ui.wizard.sending import Sending

if TYPE_CHECKING:
    from desktop.domain.document import NotificationDocument
    from desktop.ui.services import Services

translate = QCoreApplication.translate
log = logging.getLogger(__name__)

__all__ = ["CORRECTS_KEY", "WizardWindow", "shipped_form"]


class WizardWindow(QMainWindow):
    """Writes one notification; ``finalised(id)`` once it is locked and queued."""

    finalised = Signal(str)

    def __init__(self, services: Services, draft_id: str | None, *,
                 today: Callable[[], date] | None = None, form: FormDefinition | None = None,
                 pack: GuidelinePack | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notificationWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services = services
        self.today = today or date.today
        self.form = form or shipped_form()
        self.pack = pack or services.pack()
        self.language = services.language if services.language in ("da", "en") else "da"
        #: Set when the window closes without the usual save (lock, discard, another window took over).
        self.closing = False
        self.discard_box: QMessageBox | None = None
        self._listed: tuple[str, str] | None = None
        self.flow = WizardFlow(self.form, self.pack, lambda: self.answers, self.today)
        self.keeper = DraftKeeper(services.require_vault, draft_id, lambda: self.answers,
                                  lambda: self.page_id, self)
        self.keeper.saved.connect(self._on_saved)
        self.keeper.failed.connect(self._on_save_failed)
        if draft_id is not None:
            self._take_over(draft_id)
        profile = services.profile
        opened = open_notification(services.require_vault(), draft_id, self.form,
                                   profile.display_name if profile is not None and not services.demo else "")
        self.answers: dict[str, Any] = opened.answers
        self.page_id = opened.page or self.form.sections[0].id
        # What this window held when the session locked and the vault would not take it (full disk).
        unsaved = take_unsaved(services.profile.id if services.profile else None, draft_id)
        if unsaved is not None:
            self.answers, self.page_id = unsaved.answers, unsaved.page
        self.created_at = opened.created_at
        self.read_only = opened.read_only
        self.finalised_id = opened.finalised_id
        self.document: NotificationDocument | None = opened.document
        self.unavailable = opened.unavailable
        attachments = DraftAttachments(services.open_reader, self.keeper)
        from desktop.ui.wizard.municipality_picker import unreachable_from

        self._editor_context = EditorContext(self.language, self.pack, self.today(), attachments=attachments,
                                             unreachable=unreachable_from(services, self.pack))
        self._build()
        self.pages = PageSet(self.stack, self.form.sections, self._make_page, self._page_built)
        self.sending = Sending(self)
        self._lock_handling = LockHandling(self)
        #: The page to show once it is built (the window opens before its first page is complete).
        self._opening: str | None = None
        self._focus_hold: FocusHold | None = None  # nothing takes the focus while the page is built
        if self.read_only:
            self.show_read_only()
        else:
            finalised_view.show_correction_note(self)
            self._open_first_page(self.page_id if self.page_id in self.pages else self.flow.first())
        if unsaved is not None:
            self.keeper.changed()  # not in the vault yet: the autosave tries again at once
            self._on_save_failed(unsaved.error)
        elif opened.write_problem is not None:
            self._on_save_failed(opened.write_problem)

    # --- opening -------------------------------------------------------------------------------
    @property
    def opening(self) -> bool:
        """Whether the window still waits for its first page to be built (then it shows that page)."""
        return self._opening is not None

    @property
    def draft_id(self) -> str | None:
        return self.keeper.draft_id

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
        self.closing = True
        self.close()

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
        bold = self.acute_button.font()
        bold.setBold(True)
        self.acute_button.setFont(bold)
        theme.paint(self.acute_button, theme.Tone.DANGER, fill=False)
        self.acute_button.toggled.connect(self._toggle_acute_panel)
        top.addWidget(self.acute_button)
        top.addWidget(self.step_label, 1)
        top.addWidget(self.save_label)
        outer.addLayout(top)
        self._acute_holder = QVBoxLayout()
        self._acute_holder.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._acute_holder)
        self._acute_panel: AcuteContacts | None = None
        self.read_only_label = QLabel()
        self.read_only_label.setObjectName("readOnlyNote")
        self.read_only_label.setWordWrap(True)
        self.read_only_label.hide()
        outer.addWidget(self.read_only_label)
        self._under_status = QVBoxLayout()
        self._under_status.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._under_status)
        #: A correction's note of what it corrects (see :mod:`.finalised_view`).
        self.correction_note: QLabel | None = None
        #: A finalised notification's delivery, kept up to date (see :mod:`.finalised_view`).
        self.live_delivery: finalised_view.LiveDelivery | None = None

        self.stack = QStackedWidget()
        self.document_view = DocumentView()
        self.document_view.setObjectName("finalisedDocument")
        self.stack.addWidget(self.document_view)
        outer.addWidget(self.stack, 1)

        bottom = QHBoxLayout()
        self.discard_button = self._button("discardButton", self.ask_discard)
        self.back_button = self._button("backButton", self.back)
        self.next_button = self._button("nextButton", self.next)
        # After going from the review to a problem or a part to edit: one button (Ctrl+R) back.
        self.review_button = self._button("backToReview", self.back_to_review)
        self.review_button.hide()
        #: Came here from the review page (a problem, a gap or "Edit"): the way back is offered.
        self.from_review = False
        self._derived_notice: DerivedNotice | None = None
        # The page whose heading was last said aloud (a page is announced once when it opens).
        self._said_page: str | None = None
        self.finalise_button = self._button("finaliseButton", self.finalise)
        self.correct_button = self._button("correctButton", self.start_correction)
        self.correct_button.hide()
        self.close_button = self._button("closeButton", self.close)
        bottom.addWidget(self.discard_button)
        bottom.addStretch(1)
        for button in (self.back_button, self.next_button, self.review_button, self.finalise_button,
                       self.correct_button, self.close_button):
            bottom.addWidget(button)
        outer.addLayout(bottom)
        self.setCentralWidget(central)
        self._tab_order_buttons()
        # Keyboard paths besides Tab: Alt+Right / Alt+Left move between pages.
        QShortcut(QKeySequence("Alt+Right"), self, self.next)
        QShortcut(QKeySequence("Alt+Left"), self, self.back)
        QShortcut(QKeySequence("Ctrl+R"), self, self.back_to_review)
        # F1 and Help > Help for this window: the pack's help for the page shown now.
        self.help_action = add_help_menu(self, self.services, lambda: wizard_topic(self.page_id))
        self.retranslate()
        from desktop.ui.geometry import place

        place(self, "notification", share=0.92, cap=(1300, 1000))

    def add_under_status(self, widget: QWidget) -> None:
        """Put a widget under the window's status lines, above the page (the delivery panel)."""
        self._under_status.addWidget(widget)

    @staticmethod
    def _button(name: str, action: Callable[[], object]) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: action())
        return button

    def _tab_order_buttons(self) -> None:
        # Tab goes the way the window reads: the acute button, what shows under it, the page top to
        # bottom, then the bottom row left to right (a page built later would otherwise come last).
        follow_reading_order(self)

    def _make_page(self, section: Section, build_now: bool) -> Page:
        if section.kind is SectionKind.REVIEW:
            return ReviewPage(section, self.form.sections, self.pack, self.language,
                              self.edit_section, self.show_problem, parent=self.stack)
        return SectionPage(section, self._editor_context, self._on_edit, parent=self.stack,
                           build_now=build_now)

    def _open_first_page(self, page_id: str) -> None:
        """Show the first page's title and the window's own parts at once, so the window opens
        without a freeze; the page's fields, then the other pages, are built in idle time."""
        self.page_id = page_id
        self._opening = page_id
        self._show_step()
        self.back_button.setEnabled(self.flow.previous(page_id) is not None)
        self.finalise_button.setVisible(False)
        page = self.pages.begin(page_id)  # the review page is complete at once: _page_built shows it
        if self._opening is not None:
            self.stack.setCurrentWidget(page)
        self.pages.build_rest_when_idle(page_id)

    def showEvent(self, event: QShowEvent) -> None:
        if self._opening is not None and self._focus_hold is None:
            self._focus_hold = FocusHold(self)  # see opening_focus: the first page takes the focus first
        super().showEvent(event)

    def _release_focus(self) -> None:
        if self._focus_hold is not None:
            self._focus_hold.release()

    def _page_built(self, page: Page) -> None:
        if page.section.id == self._opening:
            self._release_focus()  # before the Tab order is made: it leaves out what takes no focus
        if isinstance(page, SectionPage):
            page.load(self.answers)  # the answers as they are now, however long after opening
        self._tab_order_buttons()
        if page.section.id == self._opening == self.page_id:
            self.go_to(self.page_id, save=False)

    def retranslate(self) -> None:
        """The window's own words in the current UI language (the form's texts keep the
        language the notification is being written in)."""
        self.setWindowTitle(translate("Wizard", "Underret – notification of concern"))
        self.acute_button.setText(translate("Wizard", "Child in danger? &Whom to call"))
        name_as_shown(self.acute_button, translate("Wizard", "Child in danger right now? Show whom to call"))
        self.document_view.setAccessibleName(translate("Wizard", "The finalised notification"))
        self.discard_button.setText(translate("Wizard", "&Discard draft"))
        name_as_shown(self.discard_button)
        self.back_button.setText(translate("Wizard", "&Back"))
        # Named by the words they show (voice control: "klik Tilbage"); what they do is said after.
        name_as_shown(self.back_button, translate("Wizard", "Back to the previous page"))
        self.next_button.setText(translate("Wizard", "&Next"))
        name_as_shown(self.next_button, translate("Wizard", "Next page"))
        self.review_button.setText(translate("Wizard", "Back to re&view"))
        name_as_shown(self.review_button, translate("Wizard", "Back to the review page"))
        self.review_button.setToolTip(translate("Wizard", "Back to the review page (Ctrl+R)"))
        self.finalise_button.setText(translate("Wizard", "&Finish and send"))
        name_as_shown(self.finalise_button, translate("Wizard", "Finish and send the notification"))
        self.correct_button.setText(translate("Wizard", "&Correct it"))
        name_as_shown(self.correct_button, translate(
            "Wizard", "Write a correction: a new notification that refers to this one"))
        self.close_button.setText(translate("Wizard", "C&lose"))
        name_as_shown(self.close_button, translate("Wizard", "Close the window"))
        if hasattr(self, "pages") and not self.read_only:
            self._show_step()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "close_button"):
            self.retranslate()
        super().changeEvent(event)

    @property
    def acute_panel(self) -> AcuteContacts:
        """Whom to call, under the button (built when first shown: most notifications are written
        without opening it, and the first page shows the numbers anyway)."""
        if self._acute_panel is None:
            self._acute_panel = AcuteContacts(self.pack, self.language, self)
            self._acute_panel.hide()
            self._acute_holder.addWidget(self._acute_panel)
        return self._acute_panel

    def _toggle_acute_panel(self, on: bool) -> None:
        if on or self._acute_panel is not None:
            self.acute_panel.setVisible(on)
        if on:
            from desktop.ui.announce import announce

            # Tab goes from the button to the numbers, then on to the page (the panel is built after
            # the page, so Qt would put it at the end of the chain).
            follow_reading_order(self)
            # The focus stays on the button; a screen reader hears the numbers at once. A finished acute
            # notification shows them by itself, as a reminder: said without cutting into what is said.
            announce(self.acute_panel, f"{self.acute_panel.accessibleName()}: {self.acute_panel.text()}",
                     urgent=not self.read_only)

    # --- navigation ----------------------------------------------------------------------------
    def current_page(self) -> Page:
        return self.pages[self.page_id]

    def go_to(self, page_id: str, *, save: bool = True, focus: bool = True,
              target: Callable[[Page], QWidget | None] | None = None) -> None:
        """Show a page (built now if it is not yet); what was typed is saved first. The focus goes to the
        page's first field (the review: its first problem), or where ``target(page)`` says (called once the
        page is up to date; it then says itself what the person is shown); ``focus=False``: nowhere."""
        self._opening = None
        self._release_focus()  # (gone to another page before the first one was built)
        if self._derived_notice is not None and page_id != self.page_id:
            self._derived_notice.dismiss()  # it belongs to the page it was shown on
        self.page_id = page_id
        page = self.pages[page_id]
        if isinstance(page, SectionPage):
            page.refresh(self.flow, self.answers)
        else:
            if self.sending.refresh_review(page):
                # The problems' buttons are new: Tab meets them under the heading. (Not when nothing
                # changed: walking the window's ~600 widgets took 4-8 ms of each return to the review.)
                follow_reading_order(self)
        wanted: QWidget | None = None
        if target is not None:
            wanted = target(page)
        elif focus:
            if isinstance(page, SectionPage):
                wanted = page.first_focus() or self.next_button
            else:  # the review: the first thing to look at, when there is one, else "Finish and send"
                wanted = page.problem_buttons[0] if page.problem_buttons else self.finalise_button
        is_review = page.section.kind is SectionKind.REVIEW
        if is_review:
            self.from_review = False
        has_back = self.flow.previous(page_id) is not None
        has_review_button = self.from_review and not is_review and not self.read_only
        # Show what this page needs, move the focus there, and only then hide or grey out what it does not:
        # hiding the focused Next (on the way to the review) or greying the focused Back (on the first page)
        # would first move the focus on by itself, and a screen reader would say that button too.
        for button, needed in ((self.next_button, not is_review), (self.review_button, has_review_button),
                               (self.finalise_button, is_review)):
            if needed:
                button.setVisible(True)
        if has_back:
            self.back_button.setEnabled(True)
        leaving = self.stack.currentWidget()
        focused = QApplication.focusWidget()
        if focused is not None and leaving not in (None, page) and leaving.isAncestorOf(focused):
            # The focus is on the page being left (a field, after Alt+N; a review problem or "Ret"): hiding
            # that page would pass the focus along the Tab chain, then to the new page's last focused widget,
            # before it reaches its target - each a focus change a screen reader starts to say. So the new
            # page is shown under the old one and the focus goes straight there; nowhere if it has no place.
            if wanted is not None and page.isAncestorOf(wanted):
                page.setGeometry(leaving.geometry())
                page.show()
                wanted.setFocus(Qt.FocusReason.TabFocusReason)
            elif wanted is not None and wanted.isVisible():  # a button of the window ("Gør færdig og send")
                wanted.setFocus(Qt.FocusReason.TabFocusReason)
            if QApplication.focusWidget() is focused:
                focused.clearFocus()
        self.stack.setCurrentWidget(page)
        self._show_step()
        if save:
            # Unsaved typing is written now; a page change alone (the page is stored with the
            # draft) rides on the autosave timer, so clicking through pages waits for no disk.
            if self.keeper.typed:
                self.keeper.save_now()
            elif self.keeper.draft_id is not None:
                self.keeper.page_changed()
        if wanted is not None:
            wanted.setFocus(Qt.FocusReason.TabFocusReason)
        unwanted = [button for button, needed in (
            (self.next_button, not is_review), (self.review_button, has_review_button),
            (self.finalise_button, is_review), (self.back_button, has_back)) if not needed]
        if QApplication.focusWidget() in unwanted:
            # Still on the button pressed (the focus goes to a problem's field next): hiding it would pass
            # the focus on along the Tab chain first.
            focused = QApplication.focusWidget()
            assert focused is not None
            focused.clearFocus()
        self.next_button.setVisible(not is_review)
        self.review_button.setVisible(has_review_button)
        self.finalise_button.setVisible(is_review)
        self.back_button.setEnabled(has_back)
        if focus and target is None:  # a caller that chose the target says where it is itself
            self._say_page(page)

    def _say_page(self, page: Page) -> None:
        """A new page is said once, after the focus has moved to its first field: the step and title,
        and on the review page what must be put right (a screen reader hears the focused field too)."""
        said = self.step_label.text()
        if isinstance(page, ReviewPage):
            from desktop.ui.wizard.base import as_sentences

            said = as_sentences(said, page.problems_said())
        elif self._said_page == page.section.id:
            return  # the same page again (re-opened, or the review's "Edit" on the page shown)
        self._said_page = page.section.id
        from desktop.ui.announce import announce

        announce(self.step_label, said)

    def _show_step(self) -> None:
        section = self.form.section(self.page_id)
        number, total = self.flow.position(self.page_id)
        title = section.title.get(self.language) or section.title.da
        self.step_label.setText(translate("Wizard", "Step %1 of %2: %3").replace("%1", str(number))
                                .replace("%2", str(total)).replace("%3", title))

    def next(self) -> None:
        if self.read_only:
            return
        page = self.current_page()
        if isinstance(page, SectionPage) and not checks.may_leave(self, page):
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
        """The review's "Edit" button: open that part of the notification (with the way back)."""
        self.from_review = True
        self.go_to(section_id)

    def review_page_id(self) -> str | None:
        return next((s.id for s in self.form.sections if s.kind is SectionKind.REVIEW), None)

    def back_to_review(self) -> None:
        """Back to the review page after fixing a problem (the button, Ctrl+R)."""
        review = self.review_page_id()
        if self.read_only or review is None or not self.from_review or self.page_id == review:
            return
        self.go_to(review)

    # --- editing and autosave ------------------------------------------------------------------
    def _on_edit(self, editor: FieldEditor) -> None:
        top = parse_path(editor.path).field
        value = editor.value()
        set_answer(self.answers, top, value)
        before = copy.deepcopy(self.answers)  # what a preset changes is named, and can be undone
        filled = apply_presets(self.form, self.pack, self.answers, self.today())
        for path in filled:
            field_id = parse_path(path).field
            # A page not built yet shows the preset when it is built (it loads the answers then).
            page = self.pages.built(self.form.section_of(field_id).id)
            if isinstance(page, SectionPage) and field_id in page.editors:
                page.editors[field_id].set_value(get_answer(self.answers, field_id))
        page = self.current_page()
        if isinstance(page, SectionPage):
            page.refresh(self.flow, self.answers)
            if checks.concerns_identity(editor):
                checks.show_at_once(self, page)  # an adult's or an unborn's CPR number: said now
        if top == ACUTE_FIELD and value in (True, UNKNOWN):
            self.acute_button.setChecked(False)  # the page itself now shows whom to call
        derived = derived_presets(self.form, filled)
        if derived and isinstance(page, SectionPage) and not editor.isHidden():
            self.derived_notice.tell(editor, derived, before)
        self.keeper.changed()

    @property
    def derived_notice(self) -> DerivedNotice:
        """The notice naming answers the wizard changed by itself (made the first time one changes)."""
        if self._derived_notice is None:
            self._derived_notice = DerivedNotice(self)
        return self._derived_notice

    def _on_saved(self, draft_id: str) -> None:
        from desktop.ui.dates import clock

        # Danish time in the UI language's way of writing it, whatever the PC's zone and locale.
        self.save_label.setText(translate("Wizard", "Saved %1").replace(
            "%1", clock(datetime.now(UTC), self.services.language)))
        theme.unpaint(self.save_label)
        # The main window's list shows initials and the last change: tell it when those matter
        # (a new draft, other initials), not on every autosave; closing tells it once more.
        initials = child_initials(self.answers)
        if (draft_id, initials) != self._listed:
            self._listed = (draft_id, initials)
            self.services.notifications_changed.emit()

    def _on_save_failed(self, error: object) -> None:
        text = message_for(error) if isinstance(error, BaseException) else ""
        said = text or translate("Wizard", "Not saved")
        if said != self.save_label.text():
            from desktop.ui.announce import announce

            # Said at once, once (the autosave tries again and again): what is typed is not kept yet.
            announce(self.save_label, said, urgent=True)
        self.save_label.setText(said)
        theme.paint(self.save_label, theme.Tone.DANGER, fill=False)

    # --- review, finalising, the finalised view, discarding (in their own modules) ----------
    def problems(self) -> list[Problem]:
        """Every rule the answers break, on every page (the domain's check, not the widgets')."""
        return self.sending.problems()

    def show_problem(self, problem: Problem) -> None:
        """Open the page of ``problem``, mark its field and put the focus there."""
        self.sending.show_problem(problem)

    def finalise(self) -> None:
        """Check every rule; on a problem go to it, else lock and queue the notification."""
        self.sending.finalise()

    def show_read_only(self) -> None:
        """Show the notification as finalised (nothing editable)."""
        finalised_view.show_read_only(self)

    def start_correction(self) -> None:
        """Open a new draft that corrects this finalised notification."""
        finalised_view.start_correction(self)

    def ask_discard(self) -> None:
        """Ask once; on yes the draft is removed from the vault and the window closes."""
        self.discard_box = discarding.ask_discard(self)

    # --- closing -------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        vault = self.services.vault
        if not self.read_only and not self.closing and vault is not None:
            if not self.keeper.save_now():
                # Not saved (a full disk): the window stays open with the text, and says why.
                event.ignore()
                return
            if self.keeper.draft_id is not None:
                from desktop.store.errors import VaultError

                try:
                    vault.profile.note_open_draft(None)
                except VaultError as error:  # crash recovery's note only; the draft itself is saved
                    log.warning("open-draft note not cleared (%s)", error.message_id)
        self.keeper.stop()
        self.pages.close()
        if self._listed is not None and vault is not None:
            self.services.notifications_changed.emit()
        self._lock_handling.disconnect()
        super().closeEvent(event)
