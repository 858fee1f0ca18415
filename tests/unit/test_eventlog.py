"""The event log IT reads: refusals with message ids, content-free, private, rotating, read back by doctor."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop import eventlog, paths

MARKER = "Emma-Hansen-110316-1234-MARKER"


@pytest.fixture
def log_folder(isolated_user_folders: Path) -> Iterator[Path]:
    folder = paths.user_log_dir()
    eventlog.install()
    try:
        yield folder
    finally:
        eventlog.uninstall()


def _text(folder: Path) -> str:
    return (folder / eventlog.LOG_FILE_NAME).read_text("utf-8")


def test_a_refusal_is_written_with_its_message_id_to_a_private_file(log_folder: Path) -> None:
    assert not log_folder.exists()  # nothing is made before there is something to write
    eventlog.refusal("pack.older_version", pack="demo-kommune", version="1.2", in_force="1.3")
    line = _text(log_folder).strip()
    assert ("WARNING [pack.older_version] desktop.events: refused pack.older_version: pack=demo-kommune "
            "version=1.2 in_force=1.3") in line
    assert stat.S_IMODE(log_folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((log_folder / eventlog.LOG_FILE_NAME).stat().st_mode) == 0o600


def test_a_log_file_left_readable_by_others_is_made_private_when_opened(isolated_user_folders: Path) -> None:
    folder = paths.user_log_dir()
    folder.mkdir(parents=True, mode=0o755)
    (folder / eventlog.LOG_FILE_NAME).write_text("old line\n")
    (folder / eventlog.LOG_FILE_NAME).chmod(0o644)
    eventlog.install()
    try:
        eventlog.notice("session.locked", reason="sleep")
    finally:
        eventlog.uninstall()
    assert stat.S_IMODE((folder / eventlog.LOG_FILE_NAME).stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert _text(folder).startswith("old line\n")


def test_an_exception_is_written_as_its_class_and_place_never_its_text(log_folder: Path) -> None:
    try:
        raise ValueError(f"child name {MARKER} is not valid")
    except ValueError:
        logging.getLogger("desktop.ui.wizard").exception("saving the draft failed")
    text = _text(log_folder)
    assert MARKER not in text
    assert "saving the draft failed (ValueError at test_eventlog.py:" in text
    assert "Traceback" not in text


def test_fields_lose_line_breaks_and_are_cut_short(log_folder: Path) -> None:
    eventlog.refusal("delivery.refused", reason="a\nfake line\r\n2026 ERROR [x.y] z: " + "x" * 500)
    [line] = _text(log_folder).splitlines()
    assert len(line) < 300
    assert line.endswith("…")


def test_other_libraries_info_is_not_written_but_their_warnings_are(log_folder: Path) -> None:
    logging.getLogger("httpx").info("HTTP Request: POST https://intake.example/ 200")
    logging.getLogger("httpx").warning("connection pool full")
    logging.getLogger("desktop.store.vault").info("vault opened (schema 3)")
    text = _text(log_folder)
    assert "HTTP Request" not in text
    assert "connection pool full" in text
    assert "vault opened (schema 3)" in text


def test_a_message_id_must_follow_the_convention() -> None:
    for bad in ("PackRefused", "pack", "pack older", ""):
        with pytest.raises(ValueError):
            eventlog.refusal(bad)


def test_the_log_rotates_and_keeps_a_bounded_number_of_old_files(tmp_path: Path) -> None:
    handler = eventlog.RotatingLogFile(tmp_path / "logs" / "underret.log", max_bytes=2000, backups=2)
    logger = logging.getLogger("desktop.test_rotation")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for index in range(200):
            logger.warning("line %d", index, extra={eventlog.MESSAGE_ID: "test.rotation"})
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
        handler.close()
    names = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert names == ["underret.log", "underret.log.1", "underret.log.2"]
    assert all(p.stat().st_size < 2200 for p in (tmp_path / "logs").iterdir())
    # Read back across the files, oldest first, newest last.
    found = eventlog.recent_problems(tmp_path / "logs", limit=500)
    assert found[-1].text == "line 199"
    numbers = [int(entry.text.split()[1]) for entry in found]  # "line N"
    assert numbers == sorted(numbers)


def test_two_programs_writing_one_log_both_follow_a_rotation_and_keep_it_in_order(tmp_path: Path) -> None:
    # The app and underret-desk (or two app windows' processes) append to the same file, each with its
    # own handle. After one rotates, the other must write into the new file, not on into the old one
    # (where doctor would read its lines out of order, and it would rotate that file again too early).
    path = tmp_path / "logs" / "underret.log"
    app, desk = (eventlog.RotatingLogFile(path, max_bytes=600, backups=5) for _ in range(2))
    loggers = []
    for name, handler in (("app", app), ("desk", desk)):
        logger = logging.getLogger(f"desktop.test_two_{name}")
        logger.addHandler(handler)
        logger.propagate = False
        loggers.append(logger)
    try:
        for index in range(40):
            loggers[index % 2].warning("line %d", index, extra={eventlog.MESSAGE_ID: "test.rotation"})
    finally:
        for logger, handler in zip(loggers, (app, desk), strict=True):
            logger.removeHandler(handler)
            logger.propagate = True
            handler.close()
    found = eventlog.recent_problems(tmp_path / "logs", limit=500)
    numbers = [int(entry.text.split()[1]) for entry in found]
    assert numbers == list(range(40))  # every line once, oldest first, across the rotated files
    assert all(p.stat().st_size < 800 for p in path.parent.iterdir())


def test_a_rotation_another_program_blocks_loses_no_line(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # On Windows a file another program holds open cannot be renamed (the app and underret-desk share the
    # log): the rename is refused there. A fake at that boundary, which cannot run here: os.replace
    # refusing as Windows does. The line is written all the same; the rotation waits for a later line.
    import os

    path = tmp_path / "logs" / "underret.log"
    handler = eventlog.RotatingLogFile(path, max_bytes=300, backups=2)
    logger = logging.getLogger("desktop.test_blocked_rotation")
    logger.addHandler(handler)
    logger.propagate = False

    def refused(source: object, target: object) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used")

    try:
        for index in range(10):
            logger.warning("line %d", index, extra={eventlog.MESSAGE_ID: "test.rotation"})
        monkeypatch.setattr(os, "replace", refused)
        for index in range(10, 20):
            logger.warning("line %d", index, extra={eventlog.MESSAGE_ID: "test.rotation"})
        monkeypatch.undo()
        logger.warning("line %d", 20, extra={eventlog.MESSAGE_ID: "test.rotation"})
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
        handler.close()
    numbers = [int(entry.text.split()[1]) for entry in eventlog.recent_problems(path.parent, limit=500)]
    assert numbers[-11:] == list(range(10, 21))  # nothing dropped while the rename was refused


def test_recent_problems_lists_refusals_and_problems_not_notices(log_folder: Path) -> None:
    eventlog.notice("session.locked", reason="idle")
    eventlog.refusal("policy.bad_value", setting="municipality")
    eventlog.problem("vault.corrupt", profile="0b9c7a52")
    logging.getLogger("desktop.x").warning("a warning without an id")
    found = eventlog.recent_problems(log_folder)
    assert [(e.level, e.message_id) for e in found] == [("WARNING", "policy.bad_value"),
                                                       ("ERROR", "vault.corrupt")]
    assert eventlog.recent_problems(log_folder, limit=1)[0].message_id == "vault.corrupt"


def test_no_log_yet_means_no_problems(isolated_user_folders: Path) -> None:
    assert eventlog.recent_problems() == []


class _RecordingEventApi:
    """A fake of advapi32 (the Windows event log cannot run here): records what would be reported."""

    def __init__(self) -> None:
        self.registered: list[tuple[Any, str]] = []
        self.reported: list[tuple[int, int, list[str]]] = []
        self.deregistered = 0

    def RegisterEventSourceW(self, server: Any, source: str) -> int:
        self.registered.append((server, source))
        return 42

    def ReportEventW(self, handle: int, kind: int, category: int, event_id: int, sid: Any, count: int,
                     size: int, strings: Any, data: Any) -> int:
        assert handle == 42 and count == 2
        self.reported.append((kind, event_id, [strings[i] for i in range(count)]))
        return 1

    def DeregisterEventSource(self, handle: int) -> int:
        self.deregistered += 1
        return 1


def test_refusals_and_problems_reach_the_windows_event_log(isolated_user_folders: Path) -> None:
    api = _RecordingEventApi()
    eventlog.install(windows_api=api)
    try:
        eventlog.notice("session.locked", reason="idle")  # information: file only
        eventlog.refusal("pack.untrusted_key", key="old-2025")
        eventlog.problem("vault.corrupt", profile="p1")
    finally:
        eventlog.uninstall()
    assert api.registered == [(None, "Underret")]
    assert [(kind, event_id, strings[0]) for kind, event_id, strings in api.reported] == [
        (eventlog.WindowsEventLog.WARNING_TYPE, 2000, "pack.untrusted_key"),
        (eventlog.WindowsEventLog.ERROR_TYPE, 3000, "vault.corrupt"),
    ]
    assert "refused pack.untrusted_key: key=old-2025" in api.reported[0][2][1]
    assert api.deregistered == 1


def test_a_warning_is_listed_with_the_refusals_and_an_id_from_elsewhere_never_raises(
        log_folder: Path) -> None:
    eventlog.warning("delivery.mail_revocation_unchecked", policy="secure_email_revocation=warn")
    eventlog.refused_safely("intake.malformed", "delivery.refused", notification="n-1")
    # An error's id that is not well formed (a server's text, a typo) must not break the delivery pass.
    eventlog.refused_safely("Not An Id", "delivery.refused", notification="n-2")
    assert [(entry.message_id, entry.text) for entry in eventlog.recent_problems()] == [
        ("delivery.mail_revocation_unchecked",
         "warning delivery.mail_revocation_unchecked: policy=secure_email_revocation=warn"),
        ("intake.malformed", "refused intake.malformed: notification=n-1"),
        ("delivery.refused", "refused delivery.refused: reason=Not An Id notification=n-2")]
