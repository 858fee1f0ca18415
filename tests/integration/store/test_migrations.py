"""Schema migrations: a vault written by an older version opens in this one with all its data."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from desktop.store import migrations
from desktop.store.errors import MigrationFailed
from desktop.store.notifications import NotificationState
from desktop.store.profile_repo import UserProfile
from desktop.store.replies import ReplyMessage
from desktop.store.vault import Vault

DRAFT_ID = "0b9c7a52-5d0e-4a53-9d61-1f7b1c2f3e10"


def _old_vault(path: Path, key: bytearray, version: int) -> None:
    """A vault as an older build left it: the first ``version`` migrations and some v1 data."""
    connection = sqlcipher.connect(str(path), isolation_level=None)
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    connection.execute("PRAGMA cipher_compatibility = 4")
    connection.execute("PRAGMA journal_mode = WAL")
    for step in range(version):
        connection.execute("BEGIN")
        migrations.apply_migration(connection, step)
        connection.execute("COMMIT")
    connection.execute("BEGIN")
    connection.execute(
        "INSERT INTO notification (id, state, child_initials, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
        (DRAFT_ID, "draft", "GH", "2025-01-05T10:00:00.000000+00:00", "2025-01-05T10:05:00.000000+00:00"),
    )
    connection.execute(
        "INSERT INTO notification_content (notification_id, page, answers_json) VALUES (?, ?, ?)",
        (DRAFT_ID, "signals", '{"concern": "Barnet græder når det hentes", "signals": ["sult"]}'),
    )
    connection.execute(
        "INSERT INTO audit (at, event, notification_id) VALUES (?, ?, ?)",
        ("2025-01-05T10:00:00.000000+00:00", "draft.created", DRAFT_ID),
    )
    connection.execute(
        "INSERT INTO user_profile (id, name, role, workplace) VALUES (1, 'Lise', 'Lærer', 'Skolen')"
    )
    connection.execute("COMMIT")
    assert connection.execute("PRAGMA user_version").fetchone()[0] == version
    connection.close()


@pytest.mark.parametrize("start", range(1, migrations.LATEST_VERSION + 1))
def test_vault_from_an_older_version_is_upgraded_with_its_data(
    start: int, vault_path: Path, vault_key: bytearray
) -> None:
    _old_vault(vault_path, vault_key, start)
    with Vault.open(vault_path, vault_key) as vault:
        assert vault.schema_version == migrations.LATEST_VERSION
        draft = vault.notifications.get_draft(DRAFT_ID)
        assert draft.answers == {"concern": "Barnet græder når det hentes", "signals": ["sult"]}
        assert draft.page == "signals"
        [summary] = vault.notifications.list_summaries()
        assert summary.child_initials == "GH"
        assert summary.state is NotificationState.DRAFT
        assert summary.attempts == 0
        assert summary.acute is False
        assert vault.profile.get() == UserProfile(name="Lise", role="Lærer", workplace="Skolen")
        assert [e.event for e in vault.audit.entries_for(DRAFT_ID)] == ["draft.created"]
        # What later versions added works on the upgraded vault.
        vault.notifications.finalise(
            DRAFT_ID,
            document_json=b"{}",
            pdf=b"%PDF-1.7",
            envelope=b"env",
            municipality="0101",
            acute=False,
            corrects=None,
            reply_seed=bytes(range(32)),
        )
        assert vault.outbox.waiting_count() == 1
        # v5: the reply key seed is kept with the finalised notification.
        assert vault.reply_keys.seed(DRAFT_ID) == bytes(range(32))
        assert vault.integrity_ok()
        # v4: attachments are kept with their notification.
        assert vault.attachments.list(DRAFT_ID) == []
        # v6: the municipality's messages back are kept once per message id.
        sent = datetime(2025, 1, 9, 10, 0, tzinfo=UTC)
        message = ReplyMessage("5d1c1f0e-8a3b-4c2d-9e1f-0a1b2c3d4e5f", DRAFT_ID, "acknowledgement",
                               sent, sent, "Ærø Kommune, Børn og Familie", "AERO-2025-000001", None)
        assert vault.reply_keys.record_message(message, audit_event="acknowledgement.received")
        assert not vault.reply_keys.record_message(message)
        assert vault.reply_keys.messages(DRAFT_ID) == [message]
        vault.reply_keys.set_cursor(DRAFT_ID, 7)
    with Vault.open(vault_path, vault_key) as vault:
        assert vault.notifications.get_summary(DRAFT_ID).state is NotificationState.QUEUED


def test_each_migration_is_numbered_in_user_version(vault_path: Path, vault_key: bytearray) -> None:
    _old_vault(vault_path, vault_key, 1)
    connection: Any = sqlcipher.connect(str(vault_path))  # sqlcipher3 has no type information
    connection.execute(f"PRAGMA key = \"x'{vault_key.hex()}'\"")
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    connection.close()
    Vault.open(vault_path, vault_key).close()
    connection = sqlcipher.connect(str(vault_path))
    connection.execute(f"PRAGMA key = \"x'{vault_key.hex()}'\"")
    assert connection.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
    connection.close()


def test_failing_migration_leaves_the_vault_at_its_previous_version(
    vault_path: Path, vault_key: bytearray, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Vault.open(vault_path, vault_key, create=True) as vault:
        draft_id = vault.notifications.create_draft({"note": "bevar mig"}, "start")
    broken = ("CREATE TABLE half_done (x TEXT)", "THIS IS NOT SQL")
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, broken))
    with pytest.raises(MigrationFailed):
        Vault.open(vault_path, vault_key)
    monkeypatch.undo()
    with Vault.open(vault_path, vault_key) as vault:
        assert vault.schema_version == migrations.LATEST_VERSION
        assert vault.notifications.get_draft(draft_id).answers == {"note": "bevar mig"}
        tables = vault._connection.query("SELECT name FROM sqlite_master WHERE name = 'half_done'")
        assert tables == []
