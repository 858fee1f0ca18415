"""Printing and exporting a notification's copy (UI area "documents").

The printing and export modules (HTML layout, PDF writing) are imported on first
use of their names, so a main window with Print/Export in its menu starts light.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from desktop.ui.documents.actions import DocumentActions, PrintableCopy

if TYPE_CHECKING:
    from desktop.ui.documents.export import confirm_unprotected_export, export_pdf, suggested_file_name
    from desktop.ui.documents.printing import PrintError, new_printer, paint_copy, print_document

_LAZY = {
    "confirm_unprotected_export": "export",
    "export_pdf": "export",
    "suggested_file_name": "export",
    "PrintError": "printing",
    "new_printer": "printing",
    "paint_copy": "printing",
    "print_document": "printing",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)


__all__ = [
    "DocumentActions",
    "PrintError",
    "PrintableCopy",
    "confirm_unprotected_export",
    "export_pdf",
    "new_printer",
    "paint_copy",
    "print_document",
    "suggested_file_name",
]
