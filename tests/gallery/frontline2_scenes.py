"""Gallery scenes for help (F1) on the main window and the settings in demo mode (issue 15 items 7, 8)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from tests.gallery.scenes import SceneFunction, register
from tests.gallery.stage import Stage


def _help(topic: str) -> SceneFunction:
    """The help window for ``topic`` from the stage's pack (Demo Kommune)."""

    def build(stage: Stage) -> QWidget:
        from desktop.ui.help.viewer import HelpWindow

        window = HelpWindow(stage.services)
        stage.services.adopt_window(window)
        window.show_topic(topic)
        return window

    return build


register("help-main", _help("main"))


def _demo_settings(stage: Stage) -> QWidget:
    from desktop.ui.demo.banner import add_demo_banner
    from desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(stage.services)
    add_demo_banner(dialog)
    return dialog


register("demo-settings", _demo_settings)
