"""The code lists shipped in ``forms/codes`` (read through :mod:`protocol.codes`).

The domain's one way to reach them, so the form, the document builder, the
wizard and the copies all read the same files the intake's export reads.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.paths import forms_dir
from protocol.codes import Code, CodeList, code_lists

__all__ = ["Code", "CodeList", "label", "municipality_name", "shipped_code_list", "shipped_code_lists"]


def shipped_code_lists() -> Mapping[str, CodeList]:
    """Every shipped code list by id (read once per run)."""
    return code_lists(forms_dir() / "codes")


def shipped_code_list(list_id: str) -> CodeList:
    """One shipped code list (KeyError when there is no such list)."""
    return shipped_code_lists()[list_id]


def municipality_name(code: str, language: str = "da") -> str:
    """A municipality's name from its code (the code itself when the list does not know it)."""
    return label("municipality", code, language)


def label(list_id: str, code: str, language: str) -> str:
    """The label of ``code`` in list ``list_id``; the code itself when unknown."""
    return shipped_code_list(list_id).label(code, language)
