"""Printing and exporting a notification's copy (UI area "documents")."""

from desktop.ui.documents.actions import DocumentActions, PrintableCopy
from desktop.ui.documents.export import confirm_unprotected_export, export_pdf, suggested_file_name
from desktop.ui.documents.printing import PrintError, new_printer, paint_copy, print_document

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
