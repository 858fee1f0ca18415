"""Entry point of the frozen Underret bundle (PyInstaller runs this file as ``__main__``).

Every executable in the bundle runs this script; the name it was started as picks the command
(:func:`command_for`): ``underret`` / ``underret-cli`` (the app and its command line),
``underret-policy`` (the Windows installer's policy writer), ``underret-pack`` (signing and
checking guideline packs: a console executable on Windows, a link to ``underret`` in the .deb),
``underret-desk`` (the municipality's receiving desk: a windowed executable on Windows, a link in
the .deb).
"""

import sys
from pathlib import Path

COMMANDS = {"underret-policy": "desktop.config.policy_writer", "underret-pack": "desktop.config.pack_cli",
            "underret-desk": "desktop.desk.cli"}


def command_for(executable: str, argv0: str) -> str:
    """The module whose ``main`` runs: by the executable's name (Windows: each command is its own
    .exe), else by the name it was started as (Linux: ``/usr/bin/underret-pack`` links to the bundle's
    ``underret``, so the executable is the same and only ``argv[0]`` differs)."""
    for name in (Path(executable).stem.lower(), Path(argv0).name.lower().removesuffix(".exe")):
        if name in COMMANDS:
            return COMMANDS[name]
    return "desktop.cli"


if __name__ == "__main__":
    import importlib

    module = importlib.import_module(command_for(sys.executable, sys.argv[0] if sys.argv else ""))
    raise SystemExit(module.main())
