"""Receivers write only the files the app sends: the names it gives them, each of its kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from protocol.export import ExportRefused, write_export
from protocol.receivable import unexpected_files, unexpected_names

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 8
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 8
PDF = b"%PDF-1.7\n"


def test_the_names_and_kinds_the_app_sends_are_receivable() -> None:
    files = {"notification.json": b' \n{"schema_version": 2}', "notification.pdf": PDF,
             "attachment-1.jpg": JPEG, "attachment-2.png": PNG, "attachment-20.pdf": PDF}
    assert unexpected_files(files) == []


@pytest.mark.parametrize("name", ["faktura.pdf.exe", "notification.pdf.lnk", "attachment-0.pdf",
                                  "attachment-21.pdf", "attachment-1.gif", "notification.json.bat",
                                  "attachment-01.jpg", "notification.xml"])
def test_any_other_name_is_not(name: str) -> None:
    assert unexpected_names([name, "notification.json"]) == [name]


@pytest.mark.parametrize(("name", "data"), [("attachment-1.pdf", b"MZ\x90\x00"), ("attachment-1.jpg", PNG),
                                            ("attachment-1.png", JPEG), ("notification.pdf", b""),
                                            ("notification.json", b"MZ")])
def test_a_file_whose_bytes_are_not_of_its_kind_is_not(name: str, data: bytes) -> None:
    assert unexpected_files({"notification.json": b"{}", name: data} if name != "notification.json"
                            else {name: data}) == [name]


def test_export_writes_nothing_for_a_notification_carrying_a_program(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[2] / "forms/schema/examples/notification-v2-cpr.json"
    document = json.loads(example.read_text("utf-8"))
    files = {"notification.json": json.dumps(document).encode(), "notification.pdf": PDF,
             "faktura.pdf.exe": b"MZ\x90\x00"}
    out = tmp_path / "export"
    with pytest.raises(ExportRefused) as refused:
        write_export(out, [files])
    assert refused.value.message_id == "export.unexpected_file" and "faktura.pdf.exe" in str(refused.value)
    assert not out.exists() or not any(out.iterdir())
