"""Where Underret's shipped data and the user's files live.

Shipped data (forms, resources, translations) is found in three layouts: a
source checkout (folders beside the package), an installed wheel
(``desktop/_data``) and a PyInstaller bundle (``sys._MEIPASS``).

The user's folders are platformdirs' answer for each platform. On Linux the
XDG rule it applies is computed here for the common case (an absolute ``XDG_*``
variable, else an absolute ``HOME``): importing platformdirs compiles its
regular expressions, ~5 ms before the first window. A test keeps the two
answers equal, and any other case (no usable ``HOME``) is left to platformdirs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Underret"
APP_AUTHOR = "Underret"

#: Environment variable that points the per-user data folder elsewhere (tests, IT trials).
DATA_DIR_ENV = "UNDERRET_DATA_DIR"


def _shipped_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "desktop" / "_data"
    package = Path(__file__).resolve().parent
    installed = package / "_data"
    if installed.is_dir():
        return installed
    return package.parent


def forms_dir() -> Path:
    """The folder with the notification form, guideline packs, schemas and demo scenarios."""
    return _shipped_root() / "forms"


def resources_dir() -> Path:
    """The folder with fonts, icons and style sheets."""
    return _shipped_root() / "resources"


def i18n_dir() -> Path:
    """The folder with the compiled Qt translations (``.qm``)."""
    return _shipped_root() / "i18n"


def _xdg(variable: str, default: str) -> str | None:
    """Linux: ``$variable`` when absolute, else ``~/default`` for an absolute ``HOME``; then the app's
    folder in it (platformdirs' rule). ``None`` where platformdirs must decide (other systems, no usable
    ``HOME``)."""
    if not sys.platform.startswith("linux"):
        return None
    base = os.environ.get(variable, "")
    if not base.startswith("/"):
        home = os.environ.get("HOME", "")
        if not home.startswith("/"):
            return None
        base = os.path.expanduser(f"~/{default}")
    return os.path.join(base, APP_NAME)


def user_data_dir() -> Path:
    """The per-user data folder holding one sub-folder per profile (vault, wrapped key)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    if (xdg := _xdg("XDG_DATA_HOME", ".local/share")) is not None:
        return Path(xdg)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def user_config_dir() -> Path:
    """The per-user folder for settings that are not secret (language, idle time)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override) / "config"
    if (xdg := _xdg("XDG_CONFIG_HOME", ".config")) is not None:
        return Path(xdg)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR, roaming=False))


def user_log_dir() -> Path:
    """The per-user folder for the event log (events and ids only, never content)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override) / "logs"
    if (xdg := _xdg("XDG_STATE_HOME", ".local/state")) is not None:
        return Path(xdg) / "log"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
