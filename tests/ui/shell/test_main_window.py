"""The main window: notifications by state, a clear way to start a new one, keyboard throughout."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.store.profiles import ProfileInfo
from desktop.ui.about_dialog import AboutDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.notification_table_model import Group
from desktop.ui.placeholder_window import PlaceholderWizardWindow
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.shell import Shell

ProfileFactory = Callable[..., tuple[ProfileInfo, list[str]]]


def _open(qtbot: QtBot, services: Services, shell: Shell, passphrase: str) -> MainWindow:
    unlock = shell.unlock_window
    assert unlock is not None
    QTest.keyClicks(unlock.passphrase_edit, passphrase)
    QTest.keyClick(unlock.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.main_window is not None and shell.main_window.isVisible())
    window = shell.main_window
    assert window is not None
    qtbot.waitUntil(lambda: window.total_count() == len(services.require_vault()
                                                             .notifications.list_summaries()))
    return window


def _notification_windows() -> list[PlaceholderWizardWindow]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, PlaceholderWizardWindow) and w.isVisible()]


def test_ctrl_n_opens_a_new_notification(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services(language="en")
    profile_factory(services, "Mette")
    shell = start_shell(services)
    window = _open(qtbot, services, shell, passphrase)
    assert window._empty_label.isVisible()  # nothing yet: the window says how to start
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert [w.draft_id for w in _notification_windows()] == [None]


def test_enter_on_a_draft_reopens_that_draft(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services(language="en")
    _, (draft,) = profile_factory(services, "Mette", drafts=["AB"])
    shell = start_shell(services)
    window = _open(qtbot, services, shell, passphrase)
    view = window.views[Group.DRAFTS]
    view.setFocus()
    assert window.selected_id() == draft  # the first row is ready for Enter
    assert window.open_button.isEnabled()
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert [w.draft_id for w in _notification_windows()] == [draft]


def test_a_new_draft_elsewhere_appears_when_the_list_is_told(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services(language="en")
    profile_factory(services, "Mette", drafts=["AB"])
    shell = start_shell(services)
    window = _open(qtbot, services, shell, passphrase)
    services.require_vault().notifications.create_draft({}, "child", "ZZ")
    with qtbot.waitSignal(window.loaded):
        services.notifications_changed.emit()
    assert window.tabs.tabText(Group.DRAFTS) == "Drafts (2)"


def test_other_areas_can_add_a_status_badge_and_about_rows(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services(language="en")
    profile_factory(services, "Mette")
    badge = QLabel("3 waiting")
    services.main_window_hooks.append(lambda window: window.add_status_widget(badge))
    services.about_rows.append(lambda: [("Sender key", "ab:cd")])
    shell = start_shell(services)
    window = _open(qtbot, services, shell, passphrase)
    assert badge.isVisible()
    about = AboutDialog(services, window)
    qtbot.addWidget(about)
    assert ("Sender key", "ab:cd") in about.rows()
    assert ("Profile", "Mette") in about.rows()


def _interactive(widget: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
    # Qt's own parts of a widget (a spin box's line edit) are named "qt_..." and spoken via their owner.
    found: list[QWidget] = [w for w in widget.findChildren(QWidget) if isinstance(w, kinds)
                            and w.isVisibleTo(widget) and not w.objectName().startswith("qt_")]
    found += [w for w in widget.findChildren(QWidget) if w.objectName().startswith("list_")]
    return found


def test_every_interactive_widget_has_an_accessible_name_and_takes_keyboard_focus(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services()
    profile_factory(services, "Mette", drafts=["AB"])
    shell = start_shell(services)
    assert shell.unlock_window is not None
    windows: list[QWidget] = [shell.unlock_window]
    window = _open(qtbot, services, shell, passphrase)
    windows += [window, SettingsDialog(services, window), AboutDialog(services, window)]
    windows.append(shell.show_first_run(can_cancel=True))
    for top in windows:
        for widget in _interactive(top):
            if widget.parent() is not None and type(widget).__name__ == "QTabBar":
                continue
            assert widget.accessibleName(), f"{type(top).__name__}: {type(widget).__name__} " \
                                            f"{widget.objectName()!r} has no accessible name"
            assert widget.focusPolicy() != Qt.FocusPolicy.NoFocus, widget.objectName()


def test_closing_the_main_window_asks_the_quit_guards_first(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory, passphrase: str) -> None:
    services = make_services(language="en")
    profile_factory(services, "Mette")
    asked: list[QWidget] = []
    answer = [False]
    def guard(window: QWidget) -> bool:
        asked.append(window)
        return answer[0]

    services.quit_guards.append(guard)
    shell = start_shell(services)
    window = _open(qtbot, services, shell, passphrase)
    window.close()
    assert asked == [window]
    assert window.isVisible()  # the guard said "not now"
    answer[0] = True
    window.close()
    assert not window.isVisible()


def test_a_keyring_profile_shows_the_main_window_at_once_and_its_list_when_opened(
        qtbot: QtBot, make_services: Callable[..., Services], start_shell: Callable[[Services], Shell],
        profile_factory: ProfileFactory) -> None:
    services = make_services(language="en")
    profile_factory(services, "Jonas", passphrase=None, drafts=["AB", "CD"])
    shell = start_shell(services)
    window = shell.main_window
    # Before the key is read: the window is there, says what it is doing, and nothing can be written.
    assert window is not None and window.isVisible()
    assert shell.unlock_window is None
    assert window._empty_label.isVisible()
    assert window._empty_label.text() == "Opening your notifications…"
    assert not window.new_button.isEnabled()
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert _notification_windows() == []

    qtbot.waitUntil(lambda: window.has_loaded)
    assert window.total_count() == 2
    assert not window._empty_label.isVisible()
    assert window.new_button.isEnabled() and window.new_action.isEnabled()
    assert services.session.is_active  # idle locking watches from now on


def test_the_main_window_opens_at_the_size_the_person_gave_it_last_time(
        qtbot: QtBot, make_services: Callable[..., Services]) -> None:
    services = make_services(language="en")
    first = MainWindow(services, lists_later=True)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(640, 480)  # as a person drags the window's corner
    qtbot.waitUntil(lambda: first.size().width() == 640 and first.size().height() == 480)
    first.close()
    again = MainWindow(services, lists_later=True)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (640, 480)
    again.show()
    qtbot.waitExposed(again)
    again.resize(600, 450)
    qtbot.waitUntil(lambda: again.size().width() == 600)
    again.hide()  # hidden at a lock: remembered as well
    last = MainWindow(services, lists_later=True)
    qtbot.addWidget(last)
    assert (last.width(), last.height()) == (600, 450)


def test_remembered_sizes_are_read_back_as_qsettings_wrote_them(tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings, QSize

    from desktop.ui import geometry

    geometry.remember_in(tmp_path)
    try:
        written = {"main": QSize(1200, 700), "first-run": QSize(900, 640), "desk-inbox": QSize(1700, 1000)}
        store = QSettings(str(tmp_path / "window-sizes.ini"), QSettings.Format.IniFormat)
        for key, size in written.items():
            store.setValue(f"size/{key}", size)
        store.setValue("size/help", "not a size")  # written by something else: not taken for one
        store.sync()
        del store
        assert {key: geometry._remembered(key) for key in written} == written
        # ... without QSettings (made before the main window's first paint, it costs more than the rest)
        text = (tmp_path / "window-sizes.ini").read_text("utf-8")
        assert {key: geometry._read_size(text, key) for key in written} == written
        assert geometry._remembered("help") is None
        assert geometry._remembered("notification") is None  # never remembered
    finally:
        geometry.remember_in(None)
