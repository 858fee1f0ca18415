"""The user's folders: on Linux Underret computes platformdirs' XDG answer itself (no import at
start-up); it must be the very folder platformdirs names, or people would meet an empty profile list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import platformdirs
import pytest

from desktop import paths

UNSET = None

#: (HOME, XDG variable) pairs people and IT really have, and the odd ones platformdirs handles its own way.
ENVIRONMENTS = [
    ("/home/lærer", UNSET),
    ("/home/lærer/", UNSET),
    ("/home/lærer", ""),
    ("/home/lærer", "/srv/xdg"),
    ("/home/lærer", "/srv/xdg/"),
    ("/home/lærer", "relative/xdg"),
    ("/home/lærer", "~/xdg"),
    ("/", UNSET),
    ("", UNSET),
    ("relative-home", UNSET),
    ("relative-home", "/srv/xdg"),
    (UNSET, UNSET),
    (UNSET, "/srv/xdg"),
]

FOLDERS: list[tuple[str, Callable[[], Path], Callable[[], str]]] = [
    ("XDG_DATA_HOME", paths.user_data_dir,
     lambda: platformdirs.user_data_dir(paths.APP_NAME, paths.APP_AUTHOR, roaming=False)),
    ("XDG_CONFIG_HOME", paths.user_config_dir,
     lambda: platformdirs.user_config_dir(paths.APP_NAME, paths.APP_AUTHOR, roaming=False)),
    ("XDG_STATE_HOME", paths.user_log_dir,
     lambda: platformdirs.user_log_dir(paths.APP_NAME, paths.APP_AUTHOR)),
]


@pytest.mark.parametrize(("home", "xdg"), ENVIRONMENTS)
@pytest.mark.parametrize(("variable", "ours", "theirs"), FOLDERS, ids=[f[0] for f in FOLDERS])
def test_each_user_folder_is_the_one_platformdirs_names(
        monkeypatch: pytest.MonkeyPatch, home: str | None, xdg: str | None, variable: str,
        ours: Callable[[], Path], theirs: Callable[[], str]) -> None:
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    for name, value in (("HOME", home), (variable, xdg)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert ours() == Path(theirs())


def test_the_data_folder_follows_xdg_data_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", "/srv/brugere/lærer/data")
    assert paths.user_data_dir() == Path("/srv/brugere/lærer/data/Underret")


def test_the_test_and_trial_override_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", "/srv/xdg")
    assert paths.user_data_dir() == tmp_path
    assert paths.user_config_dir() == tmp_path / "config"
    assert paths.user_log_dir() == tmp_path / "logs"
