"""The guideline pack in use, said in the settings window, and said plainly when its update went wrong.

Shows which pack is in force (downloaded or shipped with Underret, its version) and, when there is
one, the problem IT should hear about: a downloaded copy that is damaged or no longer trusted (the
shipped pack is used instead), or the last update check refused (the pack in force stays). The same
facts are in the event log and ``underret doctor``; here the person can read them aloud to IT.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop.config.policy import Policy


def pack_title(data: bytes, language: str) -> str | None:
    """The pack's own name in ``language`` (its top-level ``name:`` block), read without parsing the
    whole pack, as its version is; None when it cannot be found (then the file's name is shown)."""
    block = re.search(rb"^name:[ \t]*\r?\n((?:[ \t]+\S.*(?:\r?\n|$))+)", data, re.MULTILINE)
    if block is None:
        return None
    line = re.search(rb"^[ \t]+" + re.escape(language.encode()) + rb":[ \t]*(.+?)[ \t]*\r?$",
                     block.group(1), re.MULTILINE)
    if line is None:
        return None
    text = line.group(1).decode("utf-8", "replace").strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return text or None


class PackStatus(QLabel):
    """One wrapping label: the pack in use and, if any, what went wrong with its updates."""

    def __init__(self, policy: Policy, parent: QWidget | None = None,
                 language: Callable[[], str] | None = None) -> None:
        super().__init__(parent)
        self._policy = policy
        #: The UI language now (the pack is named in it; the dialog may switch language while open).
        self._language = language or (lambda: "da")
        self.setObjectName("packStatus")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        #: True when the text names a problem (a damaged download, a refused update).
        self.has_problem = False
        self.refresh()

    def refresh(self) -> None:
        """Read the pack state again (cheap: a pointer file, a hash and a signature check)."""
        from desktop.config.pack_updates import (
            UpdateOutcome,
            active_pack_path,
            downloaded_pack_state,
            pack_version_of,
            read_status,
        )

        path = active_pack_path(self._policy)
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        version = pack_version_of(data) or "?"
        installed, damage = downloaded_pack_state(self._policy)
        downloaded = installed is not None and installed.file == path
        # The pack's own name (»Nationale retningslinjer«), not its file's (»national«): a pædagog reads this.
        name = pack_title(data, self._language()) or (
            installed.name if downloaded and installed is not None else path.stem)
        where = (self.tr("downloaded from your municipality") if downloaded
                 else self.tr("shipped with Underret"))
        lines = [self.tr("Guidelines in use: %1, version %2 (%3).").replace("%1", name).replace("%2", version)
                 .replace("%3", where)]
        problems = []
        if damage is not None:
            problems.append(self.tr(
                "The downloaded copy of your municipality's guidelines is damaged or can no longer be "
                "trusted (%1), so the guidelines shipped with Underret are used. Please tell IT.")
                .replace("%1", damage.message_id))
        status = read_status()
        if status is not None and status.outcome is UpdateOutcome.REFUSED:
            problems.append(self.tr(
                "The last update of the guidelines was refused (%1), so the guidelines in use stay. "
                "Please tell IT.").replace("%1", str(status.message_id)))
        self.has_problem = bool(problems)
        self.setText("\n".join(lines + problems))
        self.setAccessibleName(self.tr("Guidelines"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
