"""The intake is installable on a server without the desktop app: it never imports it."""

from __future__ import annotations

import subprocess
import sys

#: What only the desktop app needs: its own package, Qt, the encrypted vault and the PDF library.
APP_ONLY = ("desktop", "PySide6", "sqlcipher3", "reportlab", "keyring")


def test_starting_every_intake_module_loads_nothing_of_the_desktop_app() -> None:
    probe = (
        "import sys, pkgutil, importlib, intake, protocol\n"
        "for package in (intake, protocol):\n"
        "    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({APP_ONLY!r})))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
