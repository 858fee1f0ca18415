"""From a finished draft to a receipt: the real form, the real PDF, the real envelope and intake."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from pypdf import PdfReader

from desktop.domain.building import NotificationIncomplete
from desktop.domain.deadlines import acknowledgement_due
from desktop.domain.forms import load_form
from desktop.domain.packs import Municipality, national_pack
from desktop.outbox.finalise import finalise_notification
from desktop.store.errors import NotADraft
from desktop.store.notifications import NotificationState
from desktop.store.vault import Vault
from intake.server import BackgroundIntake
from tests.support.answers import complete_answers_for

if TYPE_CHECKING:
    from tests.integration.delivery.conftest import IntakeKeys

CHILD_NAME = "Emma Louise Ærøskøbing"
#: The child lives in the PC's own municipality (answers: child.municipality 999): its intake gets it.
OWN_MUNICIPALITY = Municipality(name="Demo Kommune", code="999")
QUOTE = "Far bliver sur, når jeg spilder."


def _answers() -> dict[str, object]:
    """A complete, fictitious notification about a 9-year-old, as the wizard stores it."""
    answers: dict[str, object] = complete_answers_for() | {"child.name": CHILD_NAME}
    assert answers["events.child_words"] == QUOTE
    return answers


def test_finished_draft_is_sealed_once_delivered_receipted_and_readable_by_the_caseworker(
    vault: Vault,
    intake: BackgroundIntake,
    make_sender: Any,
    intake_keys: IntakeKeys,
    tmp_path: Path,
) -> None:
    draft = vault.notifications.create_draft(_answers(), "review", "EÆ")
    finalise_notification(
        vault, draft, load_form(), national_pack(), [intake_keys.recipient.public()], "da", datetime.now(UTC)
    )
    assert vault.notifications.get_summary(draft).state is NotificationState.QUEUED
    with pytest.raises(NotADraft):
        finalise_notification(
            vault,
            draft,
            load_form(),
            national_pack(),
            [intake_keys.recipient.public()],
            "da",
            datetime.now(UTC),
        )
    sealed = vault.outbox.due(datetime.now(UTC))[0].envelope
    assert CHILD_NAME.encode() not in sealed

    make_sender(intake.url).run_once()

    summary = vault.notifications.get_summary(draft)
    assert summary.state is NotificationState.RECEIPTED
    assert summary.reference is not None and summary.reference.startswith("DEMO-")
    assert summary.receipted_at is not None
    assert summary.acknowledgement_due == acknowledgement_due(summary.receipted_at)
    assert intake.store.find(draft).envelope == sealed  # type: ignore[union-attr]

    key_file = tmp_path / "recipient.key.json"
    key_file.write_text(
        json.dumps(
            {
                "key_id": intake_keys.recipient.key_id,
                "private_key": base64.b64encode(intake_keys.recipient.private_bytes).decode(),
            }
        )
    )
    out = tmp_path / "caseworker"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "intake.cli",
            "decrypt",
            summary.reference,
            "--db",
            intake.store.target,
            "--key",
            str(key_file),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "sender signature: valid" in done.stdout
    assert (out / "notification.json").read_bytes() == vault.notifications.get_document(draft)
    assert (out / "notification.pdf").read_bytes() == vault.notifications.get_pdf(draft)
    assert json.loads((out / "notification.json").read_bytes())["child"]["name"] == CHILD_NAME
    text = "".join(page.extract_text() for page in PdfReader(out / "notification.pdf").pages)
    assert CHILD_NAME in text


def test_unfinished_draft_is_not_finalised_and_nothing_is_queued(
    vault: Vault, intake_keys: IntakeKeys
) -> None:
    answers = _answers()
    del answers["events.observations"]
    draft = vault.notifications.create_draft(answers, "review", "EÆ")
    with pytest.raises(NotificationIncomplete):
        finalise_notification(
            vault,
            draft,
            load_form(),
            national_pack(),
            [intake_keys.recipient.public()],
            "da",
            datetime.now(UTC),
        )
    assert vault.notifications.get_summary(draft).state is NotificationState.DRAFT
    assert vault.outbox.waiting_count() == 0


def test_the_apps_finalise_step_refuses_a_document_of_another_draft_or_without_an_intake_and_changes_nothing(
    vault: Vault, vault_key: bytes, intake_keys: IntakeKeys
) -> None:
    from desktop.domain.building import build_document
    from desktop.domain.packs import Intake
    from desktop.outbox.finalise import finalise_and_queue
    from desktop.outbox.target import IntakeNotConfigured

    first = vault.notifications.create_draft(_answers(), "review", "EÆ")
    second = vault.notifications.create_draft(_answers(), "review", "EÆ")
    now = datetime.now(UTC)
    document = build_document(load_form(), national_pack(), _answers(), notification_id=first, created_at=now,
                              finalised_at=now, language="da")
    intake = Intake(required=True, endpoint="https://127.0.0.1:9", key_id=intake_keys.recipient.key_id,
                    public_key=base64.b64encode(intake_keys.recipient.public().public_key).decode(),
                    receipt_key=base64.b64encode(intake_keys.receipt_public).decode(), pin_sha256="ab" * 32)
    # The pack of the PC's own municipality, where the child lives (Demo Kommune, 999): its intake.
    pack = national_pack().model_copy(update={"intake": intake, "municipality": OWN_MUNICIPALITY})

    def connection() -> Vault:
        return Vault.open(vault.path, vault_key)

    with pytest.raises(ValueError, match="another draft"):
        finalise_and_queue(connection, pack, None, second, document)
    with pytest.raises(IntakeNotConfigured):
        finalise_and_queue(connection, national_pack().model_copy(
            update={"intake": Intake(), "municipality": OWN_MUNICIPALITY}), None, first, document)
    assert vault.notifications.get_summary(first).state is NotificationState.DRAFT
    assert vault.notifications.get_summary(second).state is NotificationState.DRAFT

    finalise_and_queue(connection, pack, None, first, document)

    assert vault.notifications.get_summary(first).state is NotificationState.QUEUED
    assert vault.outbox.waiting_count() == 1
