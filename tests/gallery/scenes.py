"""The gallery's scenes: every window, dialog and wizard page, each built with the stage's demo data.

Adding a window is one line at the bottom of this file (or in your own module, imported from
``SCENE_MODULES``)::

    register("desk-inbox", lambda stage: DeskInbox(stage.services))

A scene is a function of the :class:`~tests.gallery.stage.Stage` that returns the top-level widget
to photograph (not shown yet: the gallery sizes and shows it as the app would), or yields
``(name, widget)`` pairs to photograph one window in several states (the wizard, page by page).
Each scene is rendered in every language, theme and font size, and the elision test looks at each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtWidgets import QMessageBox, QWidget

from tests.gallery.stage import PASSPHRASE, Stage

#: What a scene gives: one window, or named shots of one window in several states.
Shots = QWidget | Iterable[tuple[str, QWidget]]
SceneFunction = Callable[[Stage], Shots]


@dataclass(frozen=True)
class Scene:
    """A named way to bring up a window with demo data."""

    name: str
    build: SceneFunction
    #: Photographed at the size the window chooses itself (a dialog), not made to fill the screen.
    own_size: bool = True

    def shots(self, stage: Stage) -> Iterator[tuple[str, QWidget]]:
        """``(name, widget)`` for each picture of this scene (the widget is ready to show)."""
        made = self.build(stage)
        if isinstance(made, QWidget):
            yield self.name, made
        else:
            yield from made


SCENES: dict[str, Scene] = {}

#: Modules with scenes of their own (another area's windows), imported when the gallery starts.
SCENE_MODULES: list[str] = ["tests.gallery.desk_scenes", "tests.gallery.observations_scenes",
                             "tests.gallery.frontline2_scenes"]


def register(name: str, build: SceneFunction) -> None:
    """Add a scene (names are unique: they become the PNG file names)."""
    if name in SCENES:
        raise ValueError(f"scene {name!r} is registered twice")
    SCENES[name] = Scene(name, build)


def all_scenes() -> list[Scene]:
    """Every scene, those of ``SCENE_MODULES`` included."""
    import importlib

    for module in SCENE_MODULES:
        importlib.import_module(module)
    return list(SCENES.values())


# --- the shell -----------------------------------------------------------------------------------
def _first_run(stage: Stage) -> QWidget:
    from desktop.ui.first_run_window import FirstRunWindow

    return FirstRunWindow(stage.services)


def _unlock(stage: Stage) -> Iterator[tuple[str, QWidget]]:
    from desktop.store.errors import WrongPassphrase
    from desktop.ui.unlock_window import UnlockWindow

    window = UnlockWindow(stage.services)
    yield "unlock", window
    window.passphrase_edit.setText(PASSPHRASE[:5])
    window.show_unlock_failure(WrongPassphrase("wrong passphrase"))
    yield "unlock-wrong-passphrase", window


def _main_window(stage: Stage) -> Iterator[tuple[str, QWidget]]:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.notification_table_model import Group

    services = stage.services
    window = MainWindow(services)
    services.adopt_window(window)
    for hook in services.main_window_hooks:
        hook(window)
    window.refresh()
    yield "main-window-waiting", _after_load(window, Group.WAITING)
    yield "main-window-sent", _select(window, Group.SENT)
    yield "main-window-drafts", _select(window, Group.DRAFTS)
    # Sending not set up on this PC (no intake for the municipality): said in full beside the count.
    stage.delivery.configuration_problem = "delivery.not_configured"
    stage.delivery.problem.emit("delivery.not_configured")
    yield "main-window-not-set-up", _select(window, Group.WAITING)
    stage.delivery.configuration_problem = None


def _after_load(window: QWidget, group: object) -> QWidget:
    from desktop.ui.main_window import MainWindow
    from tests.gallery.render import wait_until

    assert isinstance(window, MainWindow)
    wait_until(lambda: window.has_loaded)
    return _select(window, group)


def _select(window: QWidget, group: object) -> QWidget:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.notification_table_model import Group

    assert isinstance(window, MainWindow) and isinstance(group, Group)
    window.tabs.setCurrentIndex(group)
    return window


def _settings(stage: Stage) -> QWidget:
    from desktop.ui.settings_dialog import SettingsDialog

    return SettingsDialog(stage.services)


def _about(stage: Stage) -> QWidget:
    from desktop.ui.about_dialog import AboutDialog

    return AboutDialog(stage.services)


# --- the wizard ----------------------------------------------------------------------------------
def _wizard_pages(stage: Stage) -> Iterator[tuple[str, QWidget]]:
    """Every page of the form, on a draft with some answers given."""
    from desktop.domain.forms import SectionKind
    from desktop.ui.wizard.window import WizardWindow

    window = stage.services.open_wizard(stage.ids["draft"])
    assert isinstance(window, WizardWindow)
    for section in window.form.sections:
        window.go_to(section.id, save=False)
        kind = "review" if section.kind is SectionKind.REVIEW else section.id
        yield f"wizard-{kind}", window
    window.acute_button.setChecked(True)
    window.go_to(window.form.sections[0].id, save=False)
    yield "wizard-whom-to-call", window


def _wizard_ready(stage: Stage) -> Iterator[tuple[str, QWidget]]:
    """A complete notification on its review page, ready to send."""
    from desktop.ui.wizard.window import WizardWindow

    vault = stage.services.require_vault()
    draft_id = vault.notifications.create_draft(stage.answers(), "review", "EH")
    window = stage.services.open_wizard(draft_id)
    assert isinstance(window, WizardWindow)
    window.go_to("review", save=False)
    yield "wizard-review-ready", window


def _wizard_finalised(stage: Stage) -> Iterator[tuple[str, QWidget]]:
    """A notification the municipality has received, opened from the list."""
    yield "wizard-finalised-received", stage.services.open_wizard(stage.ids["received"])


def _wizard_refused(stage: Stage) -> QWidget:
    return stage.services.open_wizard(stage.ids["refused"])


def _quit_warning(stage: Stage) -> QWidget:
    from desktop.ui.main_window import MainWindow

    window = MainWindow(stage.services)
    stage.services.adopt_window(window)
    for hook in stage.services.main_window_hooks:
        hook(window)
    part = getattr(window, "delivery")  # noqa: B009 - the delivery area's plug point
    part.quit_guard.may_quit(window)
    box = part.quit_guard.close_warning
    assert isinstance(box, QMessageBox)
    return box


# --- demo mode -----------------------------------------------------------------------------------
def _demo_picker(stage: Stage) -> QWidget:
    from desktop.demo.scenarios import load_scenarios
    from desktop.ui.demo.banner import add_demo_banner
    from desktop.ui.demo.picker import ScenarioPicker

    picker = ScenarioPicker(load_scenarios(), stage.language)
    add_demo_banner(picker)
    return picker


def _demo_feedback(stage: Stage) -> QWidget:
    from desktop.demo.scenarios import feedback_for, load_scenarios
    from desktop.ui.demo.banner import add_demo_banner
    from desktop.ui.demo.feedback import FeedbackWindow

    scenario = load_scenarios()[0]
    checked = [*scenario.expected_signals[:1], "neglect.hygiene"]
    window = FeedbackWindow(scenario, feedback_for(scenario, checked), stage.services.pack(), stage.language,
                            stage.ids["received"])
    window.show_receipt("DEMO-2026-000418", "7. december 2026 kl. 10.15")
    add_demo_banner(window)
    return window


def _demo_municipality(stage: Stage) -> QWidget:
    from datetime import UTC, datetime

    from desktop.demo.intake import ReceivedNotification
    from desktop.domain.document import NotificationDocument
    from desktop.ui.demo.banner import add_demo_banner
    from desktop.ui.demo.municipality_view import MunicipalityView

    vault = stage.services.require_vault()
    stored = vault.notifications.get_document(stage.ids["received"])
    document = NotificationDocument.model_validate_json(stored)
    received = [ReceivedNotification(1, stage.ids["received"], "DEMO-2026-000418", datetime.now(UTC),
                                     "F467 3F8A 90C1 22D4", True, document, None)]
    view = MunicipalityView(lambda: received, stage.language)
    view.refresh()
    view.select(stage.ids["received"])
    add_demo_banner(view)
    return view


register("first-run", _first_run)
register("unlock", _unlock)
register("main-window", _main_window)
register("settings", _settings)
register("about", _about)
register("quit-warning", _quit_warning)
register("wizard-pages", _wizard_pages)
register("wizard-ready", _wizard_ready)
register("wizard-finalised", _wizard_finalised)
register("wizard-refused", _wizard_refused)
register("demo-picker", _demo_picker)
register("demo-feedback", _demo_feedback)
register("demo-municipality", _demo_municipality)


def _help(stage: Stage) -> Iterator[tuple[str, QWidget]]:
    """F1 on a page of the notification: the help window with the municipality's guidance."""
    from desktop.ui.help.actions import HelpAction
    from desktop.ui.wizard.window import WizardWindow

    window = stage.services.open_wizard(stage.ids["draft"])
    assert isinstance(window, WizardWindow)
    window.go_to("signals", save=False)
    action = window.findChild(HelpAction, "helpAction")
    assert isinstance(action, HelpAction)
    yield "help-signals", action.open_help()


def _demo_case(stage: Stage) -> Iterator[tuple[str, QWidget]]:
    """A training case's notification with its story beside it, and the reset question."""
    from desktop.demo.scenarios import load_scenarios
    from desktop.ui.demo.banner import add_demo_banner
    from desktop.ui.demo.story_panel import attach_story
    from desktop.ui.wizard.window import WizardWindow

    scenario = next(s for s in load_scenarios() if s.id == "baby-bruise")
    vault = stage.services.require_vault()
    draft_id = vault.notifications.create_draft(scenario.prefilled_answers(stage.today), "child", "")
    window = stage.services.open_wizard(draft_id)
    assert isinstance(window, WizardWindow)
    add_demo_banner(window)
    attach_story(window, scenario, stage.language)
    window.go_to("signals", save=False)
    yield "demo-case-story", window


register("help", _help)
register("demo-case", _demo_case)
