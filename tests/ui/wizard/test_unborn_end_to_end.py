"""An unborn child, identified by the expectant mother's CPR number, from the keyboard to the case system.

A midwife fills in the wizard with the keyboard alone; finalising seals a real envelope (real
PDF); the municipality decrypts it with ``underret-intake decrypt`` and exports it with
``underret-intake export``: the case system's CSV and JSON Lines carry the mother's CPR number,
the due date and the § 133 ground for an unborn child, as codes beside their Danish words.
"""

from __future__ import annotations

import base64
import csv
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.paths import forms_dir
from protocol.envelope import RecipientPrivateKey

MOTHER_CPR = "010190-4002"  # fictitious: fails modulus 11
DUE = "15-03-2027"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "intake.cli", *args], capture_output=True, text=True,
                          timeout=120, check=False)


def test_an_unborn_child_goes_from_the_keyboard_through_the_envelope_to_the_case_systems_export(
    open_wizard: Callable[..., Any], services: Services, sending_set_up: RecipientPrivateKey,
    qtbot: QtBot, tmp_path: Path,
) -> None:
    wizard = open_wizard()
    wizard.choose("acute.in_danger", "no")
    wizard.go_on_to("child")
    wizard.choose("child.identity", "unborn")
    wizard.type_into("child.due_date", DUE)
    wizard.type_into("mother.name", "Sara Demosen")
    wizard.type_into("mother.cpr", MOTHER_CPR)
    wizard.type_into("mother.address", "Sygehusvej 1, 4000 Roskilde")
    wizard.pick_municipality("Roskilde")
    wizard.go_on_to("signals")
    wizard.tick_signal("unborn.substance", "stoffer")
    wizard.fill_events("Sara kom påvirket til jordemoderkonsultationen i uge 28.")
    wizard.go_on_to("grounds")
    # Suggested from the answers, shown for confirmation: the ground for an unborn child.
    grounds = wizard.editor("grounds.section_133")
    assert grounds.value() == ["unborn_child"]
    wizard.fill_notifier()
    wizard.go_on_to("review")
    wizard.finalise()
    qtbot.waitUntil(lambda: wizard.window.read_only, timeout=30000)
    draft_id = wizard.window.draft_id
    assert draft_id is not None

    vault = services.require_vault()
    envelope = vault.outbox.envelope(draft_id)
    sealed = tmp_path / "underretning.underret"
    sealed.write_bytes(envelope)
    assert MOTHER_CPR.encode() not in envelope and b"Sara" not in envelope
    key = tmp_path / "recipient.key.json"
    key.write_text(json.dumps({"key_id": sending_set_up.key_id,
                               "private_key": base64.b64encode(sending_set_up.private_bytes).decode()}))

    decrypted = _run("decrypt", "--file", str(sealed), "--key", str(key),
                     "--out", str(tmp_path / "decrypted"))
    assert decrypted.returncode == 0, decrypted.stderr
    document = json.loads((tmp_path / "decrypted" / "notification.json").read_text("utf-8"))
    assert document["child"]["expectant_mother"] == {"name": "Sara Demosen", "cpr": MOTHER_CPR,
                                                     "address": "Sygehusvej 1, 4000 Roskilde"}

    out = tmp_path / "case-system"
    exported = _run("export", "--file", str(sealed), "--key", str(key), "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    with (out / "notifications.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1
    row = rows[0]
    assert (row["child_identity"], row["child_identity_label"]) == ("unborn", "Barnet er ikke født endnu")
    assert row["mother_cpr"] == MOTHER_CPR and row["mother_name"] == "Sara Demosen"
    assert row["child_cpr"] == "" and row["child_due_date"] == "2027-03-15"
    assert row["grounds"] == "unborn_child"
    assert row["grounds_label"].startswith("Barnet kan få brug for særlig støtte lige efter fødslen")
    assert (row["municipality_code"], row["municipality_label"]) == ("265", "Roskilde Kommune")
    assert (row["signals"], row["signals_label"]) == ("unborn.substance",
                                                      "Den gravide bruger alkohol eller stoffer")
    assert (out / row["files"]).read_bytes() == vault.notifications.get_pdf(draft_id)
    schema = json.loads((forms_dir() / "schema" / "notification.schema.json").read_text("utf-8"))
    lines = (out / "notifications.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == 1
    jsonschema.Draft202012Validator(schema).validate(json.loads(lines[0]))
    assert json.loads(lines[0]) == document
