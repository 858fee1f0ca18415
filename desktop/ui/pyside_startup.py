"""Import PySide6 for the app, without its per-import source scan.

Once PySide6 is imported, it reads the source file of every module imported
after it (``shibokensupport.feature._mod_uses_pyside``, through
``inspect.getsource``) to learn whether that module may use PySide's
``from __feature__ import snake_case, true_property`` switches. Underret uses
no such switch anywhere, so the answer changes nothing; the reading costs
13-18 ms of start-up for the ~80 modules the first window needs (more in a
slow file system). :func:`import_pyside` answers "uses PySide" for every module
without reading it: the answer PySide itself gives a module that mentions
PySide, i.e. its normal behaviour. If a PySide version lacks the function,
nothing is changed. A frozen bundle has no sources to read, so there the scan
is already cheap.
"""

from __future__ import annotations

import sys


def _uses_pyside(module: object) -> bool:
    return True


def import_pyside() -> None:
    """Import PySide6's core module and switch off its source scan (call before other imports)."""
    import PySide6.QtCore  # noqa: F401 - installs PySide's import hook and its feature module

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        setattr(feature, "_mod_uses_pyside", _uses_pyside)  # noqa: B010 - a private name
