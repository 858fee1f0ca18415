"""Demo mode is unmistakable, stays on this PC, can be reset, and obeys the policy."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from desktop.app import build_services
from desktop.demo.errors import DemoNotAllowed
from desktop.domain.building import build_document
from desktop.domain.flow import apply_presets
from desktop.domain.forms import initial_answers, load_form
from desktop.outbox.target import MunicipalityNotReachable
from desktop.store.keys import KeyProtection, ScryptParams
from desktop.store.notifications import NotificationState
from desktop.store.profiles import ProfileDirectory
from desktop.store.vault import Vault
from desktop.ui.demo.app import end_session, running_demos, start_demo
from desktop.ui.demo.banner import banner_of
from desktop.ui.demo.controller import DemoController
from desktop.ui.operations import wait_for_all
from desktop.ui.shell import Shell
from desktop.ui.wizard.finalising import NotificationFinaliser


def _sha256_of_files(folder: Path) -> dict[Path, str]:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()}


def _file_and_deliver(demo: DemoController, qtbot: QtBot, scenario_id: str = "self-harm",
                      municipality: str | None = None) -> str:
    """A training case finalised through the demo's own finaliser and delivered by its outbox."""
    scenario = next(s for s in demo.scenarios if s.id == scenario_id)
    form = load_form()
    pack = demo.services.pack()
    answers = initial_answers(form)
    answers.update(scenario.prefilled_answers(datetime.now(UTC).date()))
    answers.update({"acute.in_danger": False, "signals.checked": scenario.expected_signals[:1],
                    "events.observations": "Fresh cuts on the forearm seen in PE on Monday."})
    for holder in answers["family.custody_holders"]:
        holder["informed"] = {"value": True, "why_not": ""}
    if municipality is not None:
        answers["child.municipality"] = municipality
    apply_presets(form, pack, answers, datetime.now(UTC).date())  # as the wizard does on every change
    vault = demo.services.require_vault()
    draft_id = vault.notifications.create_draft(answers, "review", "MO")
    now = datetime.now(UTC)
    document = build_document(form, pack, answers, notification_id=draft_id, created_at=now,
                              finalised_at=now, language="en")
    # The demo controller plugs its finaliser in as the attribute the wizard reads.
    finalise: NotificationFinaliser | None = getattr(demo.services, "finalise", None)
    assert finalise is not None
    finalise(draft_id, document)
    demo.services.notifications_changed.emit()
    qtbot.waitUntil(lambda: vault.notifications.get_summary(draft_id).state is NotificationState.RECEIPTED,
                    timeout=30000)
    return draft_id


def test_every_demo_window_says_demo_in_its_banner_and_title(demo: DemoController, qtbot: QtBot) -> None:
    main = demo.main_window
    assert main is not None
    main_banner = banner_of(main)
    assert main_banner is not None and main_banner.isVisible()
    assert main.windowTitle().startswith("[DEMO]")
    wizard = demo.services.open_wizard(None)
    picker = demo.open_picker()
    view = demo.open_municipality_view()
    main.open_settings()  # the dialogs the main window opens carry it too
    settings = next(w for w in demo.services._windows if w.objectName() == "settingsDialog")
    main.open_about()
    about = next(w for w in demo.services._windows if w.objectName() == "aboutDialog")
    for window in (wizard, picker, view, settings, about):
        qtbot.waitExposed(window)
        banner = banner_of(window)
        assert banner is not None and banner.isVisible(), window.objectName()
        assert "fictitious" in banner.text()
        assert window.windowTitle().startswith("[DEMO]")
    demo.services.set_language("da")  # windows retranslate their titles; the mark stays
    assert main.windowTitle().startswith("[DEMO]")


def test_the_case_story_stays_beside_the_notification_while_the_trainee_fills_it_in(
        demo: DemoController, qtbot: QtBot) -> None:
    from desktop.ui.demo.story_panel import StoryPanel
    from desktop.ui.wizard.window import WizardWindow

    scenario = next(s for s in demo.scenarios if s.id == "baby-bruise")
    window = demo.start_scenario(scenario)
    assert isinstance(window, WizardWindow)
    qtbot.waitExposed(window)
    panel = window.findChild(StoryPanel)
    assert panel is not None and panel.isVisible()
    assert scenario.story["en"] in panel.story.toPlainText()
    for section in window.flow.pages():  # page after page, the story stays
        window.go_to(section, save=False)
        assert panel.isVisible() and panel.width() >= window.width() // 5
    assert not panel.features() & panel.DockWidgetFeature.DockWidgetClosable


def test_a_delivery_goes_to_the_built_in_intake_even_when_policy_names_a_real_endpoint(
        qapp: QApplication, qtbot: QtBot, temp_root: Path,
        write_policy: Callable[[dict[str, object]], Path]) -> None:
    write_policy({"intake_endpoint": "https://underretning.kommune.example/intake",
                  "intake_pin_sha256": "ab" * 32})
    demo = start_demo(build_services, language="en", temp_root=temp_root)
    try:
        endpoint = demo.services.pack().intake.endpoint
        assert endpoint is not None and endpoint.startswith("https://127.0.0.1:")
        notification_id = _file_and_deliver(demo, qtbot)
        intake = demo.environment.intake
        assert intake is not None
        assert [r.notification_id for r in intake.received()] == [notification_id]
    finally:
        demo.shutdown()
        wait_for_all()


def test_training_routes_through_the_demo_directory_the_neighbour_yes_a_real_municipality_no(
        qapp: QApplication, qtbot: QtBot, temp_root: Path) -> None:
    demo = start_demo(build_services, language="da", temp_root=temp_root)
    try:
        # A child living in the neighbour municipality (Nabolund, 998) goes out, offline, like at home.
        next_door = _file_and_deliver(demo, qtbot, municipality="998")
        intake = demo.environment.intake
        assert intake is not None
        (received,) = intake.received()
        assert received.notification_id == next_door and received.document is not None
        assert received.document.child.municipality_code == "998"
        # A real municipality is not in the training world: kept as a draft, and whom to phone is said.
        with pytest.raises(MunicipalityNotReachable) as caught:
            _file_and_deliver(demo, qtbot, municipality="101")
        assert caught.value.details["name"] == "Københavns Kommune"
        assert len(intake.received()) == 1
    finally:
        demo.shutdown()
        wait_for_all()


def test_policy_can_switch_demo_mode_off(qapp: QApplication, temp_root: Path,
                                         write_policy: Callable[[dict[str, object]], Path]) -> None:
    write_policy({"demo_allowed": False})
    with pytest.raises(DemoNotAllowed) as caught:
        start_demo(build_services, language="en", temp_root=temp_root)
    assert caught.value.message_id == "demo.not_allowed"
    assert list(temp_root.iterdir()) == []


def test_reset_asks_first_then_empties_the_vault_and_the_intake_and_keeps_the_window(
        demo: DemoController, qtbot: QtBot) -> None:
    _file_and_deliver(demo, qtbot)
    main = demo.main_window
    assert main is not None
    folder = demo.environment.folder
    reset_button = next(b for b in demo.demo_buttons if b.defaultAction() is demo.reset_action)
    assert reset_button.isVisible()
    QTest.mouseClick(reset_button, Qt.MouseButton.LeftButton)
    question = demo.reset_question
    assert question is not None and question.isVisible()
    assert banner_of(question) is not None
    QTest.keyClick(question, Qt.Key.Key_Escape)  # "Keep it" is what Escape (and Enter) answer
    qtbot.waitUntil(lambda: demo.reset_question is None)
    assert demo.services.require_vault().notifications.list_summaries() != []

    QTest.mouseClick(reset_button, Qt.MouseButton.LeftButton)
    question = demo.reset_question
    assert question is not None
    confirm = question.findChild(QPushButton, "confirmReset")
    assert confirm is not None
    QTest.mouseClick(confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: demo.reset_question is None)
    assert main.isVisible()
    assert demo.services.require_vault().notifications.list_summaries() == []
    assert demo.environment.intake is not None and demo.environment.intake.count() == 0
    assert demo.environment.folder == folder and folder.exists()
    assert _file_and_deliver(demo, qtbot, "baby-bruise")  # the clean demo works as before


def test_demo_never_sees_a_real_profile_and_leaves_no_file_behind(
        qapp: QApplication, qtbot: QtBot, temp_root: Path, isolated_user_folders: Path) -> None:
    profiles = ProfileDirectory(scrypt=ScryptParams(n=2**10))
    info, key = profiles.create("Real teacher", KeyProtection.PASSPHRASE, "a real passphrase")
    with Vault.open(info.vault_path, key, create=True) as vault:
        vault.notifications.create_draft({"child.name": "Real Child"}, "child", "RC")
    before = _sha256_of_files(isolated_user_folders)
    demo = start_demo(build_services, language="en", temp_root=temp_root)
    assert demo.services.profiles.list() == []
    assert demo.services.profile is not None and demo.services.profile.vault_path != info.vault_path
    _file_and_deliver(demo, qtbot)
    demo.shutdown()
    wait_for_all()
    assert _sha256_of_files(isolated_user_folders) == before
    assert list(temp_root.iterdir()) == []
    assert demo not in running_demos()


def test_try_the_demo_on_the_first_run_screen_opens_demo_mode(
        qapp: QApplication, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    temp = tmp_path / "system-tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    services = build_services(language="en")
    shell = Shell(services)
    shell.start()
    first_run = shell.first_run_window
    assert first_run is not None and first_run.demo_button.isVisible()
    qtbot.waitExposed(first_run)
    first_run.demo_button.setFocus()
    QTest.keyClick(first_run.demo_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(running_demos()))
    demo = running_demos()[-1]
    try:
        assert demo.main_window is not None and demo.main_window.isVisible()
        assert not first_run.isVisible()
        assert demo.picker is not None and demo.picker.isVisible()  # the trainer starts by choosing a case
        assert demo.environment.folder.parent == temp
    finally:
        demo.shutdown()
        wait_for_all()
        for window in list(services._windows) + list(demo.services._windows):
            window.close()
        shell.shutdown()
    assert list(temp.iterdir()) == []


def test_logging_off_removes_the_demo_at_once(qapp: QApplication, qtbot: QtBot, temp_root: Path) -> None:
    demo = start_demo(build_services, language="en", temp_root=temp_root)
    _file_and_deliver(demo, qtbot)
    end_session(demo)  # what commitDataRequest calls when the user logs off
    wait_for_all()
    assert list(temp_root.iterdir()) == []
    assert demo.services.vault is None
