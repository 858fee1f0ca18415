"""The throwaway demo folder: where it goes, and that crashed runs leave nothing behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from desktop.demo.folder import (
    MARKER,
    create_demo_folder,
    is_demo_folder,
    remove_demo_folder,
    sweep_stale_demo_folders,
    temp_root,
)

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def _dead_pid() -> int:
    """The pid of a process that has finished (reaped), so it is certainly not alive."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_demo_folder_lives_under_tmpdir_and_names_its_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert temp_root() == tmp_path
    folder = create_demo_folder()
    try:
        assert folder.parent == tmp_path
        assert folder.name.startswith(f"underret-demo-{os.getpid()}-")
        assert (folder / MARKER).read_text(encoding="ascii").strip() == str(os.getpid())
        assert is_demo_folder(folder)
        if os.name == "posix":
            assert folder.stat().st_mode & 0o777 == 0o700
    finally:
        remove_demo_folder(folder)
    assert not folder.exists()


def test_a_folder_left_by_a_dead_demo_is_removed_at_the_next_start(tmp_path: Path) -> None:
    dead = _dead_pid()
    stale = tmp_path / f"underret-demo-{dead}-0123456789abcdef"
    (stale / "profile").mkdir(parents=True)
    (stale / "profile" / "vault.db").write_bytes(b"x" * 100)
    (stale / MARKER).write_text(f"{dead}\n", encoding="ascii")
    assert sweep_stale_demo_folders(tmp_path) == [stale]
    assert not stale.exists()


def test_a_running_demo_and_unrelated_folders_are_left_alone(tmp_path: Path) -> None:
    mine = create_demo_folder(tmp_path)
    other_user_like = tmp_path / "underret-demo-notes"
    other_user_like.mkdir()
    not_demo = tmp_path / f"underret-smoke-{_dead_pid()}-0123456789abcdef"
    not_demo.mkdir()
    target = tmp_path / "precious"
    target.mkdir()
    link = tmp_path / f"underret-demo-{_dead_pid()}-fedcba9876543210"
    link.symlink_to(target)
    assert sweep_stale_demo_folders(tmp_path) == []
    assert mine.exists() and other_user_like.exists() and not_demo.exists() and target.exists()
    remove_demo_folder(mine)


def test_the_app_sweeps_away_a_dead_demos_folder_soon_after_it_starts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, isolated_user_folders: Path) -> None:
    import desktop.app

    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(desktop.app, "STALE_DEMO_SWEEP_DELAY_MS", 10)
    dead = _dead_pid()
    stale = temp / f"underret-demo-{dead}-0123456789abcdef"
    (stale / "profile").mkdir(parents=True)
    (stale / MARKER).write_text(f"{dead}\n", encoding="ascii")

    services = desktop.app.build_services(language="en")
    try:
        # Not before the first window: the sweep waits until the app has settled, then runs off the GUI
        # thread.
        assert stale.exists()
        qtbot.waitUntil(lambda: not stale.exists(), timeout=10_000)
    finally:
        if services.translations is not None:  # installed on the shared test application
            services.translations.uninstall()
        services.session.stop()
        services.deleteLater()
