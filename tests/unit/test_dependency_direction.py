"""The windows depend on the services, never on the composition root that builds them.

``desktop/app.py`` builds the services and installs the windows; if a window imported it back,
the two would form a circle (and a window could reach for ``build_services``). This reads every
module under ``desktop/ui`` and fails on any import of ``desktop.app``, also under
``TYPE_CHECKING`` and inside functions.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"


def _imports_of_app(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            if any(a.name == "desktop.app" or a.name.startswith("desktop.app.") for a in node.names):
                lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            module = node.module or ""
            if module == "desktop.app" or (module == "desktop" and any(a.name == "app" for a in node.names)):
                lines.append(node.lineno)
    return lines


def test_nothing_under_desktop_ui_imports_the_composition_root() -> None:
    offenders = {}
    for path in sorted(UI.rglob("*.py")):
        lines = _imports_of_app(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        if lines:
            offenders[str(path.relative_to(UI.parent.parent))] = lines
    assert offenders == {}


def test_the_check_sees_every_form_of_the_import() -> None:
    source = "import desktop.app\nfrom desktop import app\nfrom desktop.app import Services\n" \
             "def f():\n    from desktop.app import build_services\n"
    assert _imports_of_app(ast.parse(source)) == [1, 2, 3, 5]
