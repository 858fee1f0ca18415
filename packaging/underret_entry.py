"""Entry point of the frozen Underret bundle (PyInstaller runs this file as ``__main__``).

Every executable in the bundle runs this script; the name it was started as
picks the command: ``underret`` / ``underret-cli`` (the app and its command
line), ``underret-policy`` (the Windows installer's policy writer).
"""

import sys
from pathlib import Path

if Path(sys.executable).stem.lower() == "underret-policy":
    from desktop.config.policy_writer import main
else:
    from desktop.cli import main

raise SystemExit(main())
