"""How the vault is opened: SQLCipher 4 settings, and two connections (window and outbox worker) at once."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

from desktop.store.notifications import NotificationState
from desktop.store.vault import Vault


def test_vault_uses_wal_secure_delete_foreign_keys_and_full_sync(vault: Vault) -> None:
    def pragma(name: str) -> object:
        return vault._connection.query(f"PRAGMA {name}")[0][0]

    assert pragma("journal_mode") == "wal"
    assert pragma("secure_delete") == 1
    assert pragma("foreign_keys") == 1
    assert pragma("synchronous") == 2  # FULL
    assert pragma("temp_store") == 2  # MEMORY
    assert str(pragma("cipher_version")).startswith("4.")


def test_vault_file_has_no_plain_sqlite_header(vault: Vault, vault_path: Path) -> None:
    vault.notifications.create_draft({"x": 1}, "p")
    vault.checkpoint()
    assert not vault_path.read_bytes().startswith(b"SQLite format 3")


def test_outbox_worker_thread_and_window_share_the_vault(
    vault: Vault, vault_path: Path, vault_key: bytearray
) -> None:
    draft_id = vault.notifications.create_draft({"concern": "x"}, "summary", "AB")
    vault.notifications.finalise(
        draft_id,
        document_json=b"{}",
        pdf=b"%PDF",
        envelope=b"env",
        municipality="0751",
        acute=False,
        corrects=None,
    )
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            with Vault.open(vault_path, vault_key) as own:
                [item] = own.outbox.due(datetime.now(UTC))
                own.outbox.mark_sending(item.notification_id)
                own.outbox.record_sent(item.notification_id, datetime.now(UTC))
        except BaseException as exc:  # reported to the test thread below
            errors.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    # The window keeps working while the worker writes.
    other = vault.notifications.create_draft({"concern": "y"}, "child", "CD")
    thread.join(timeout=60)
    assert errors == []
    assert vault.notifications.get_summary(draft_id).state is NotificationState.SENT
    assert vault.notifications.get_draft(other).page == "child"


def test_outbox_workers_connection_may_relax_sync_while_the_windows_stays_full(
    vault: Vault, vault_path: Path, vault_key: bytearray
) -> None:
    with Vault.open(vault_path, vault_key, synchronous="NORMAL") as worker:
        assert worker._connection.query("PRAGMA synchronous")[0][0] == 1  # NORMAL, this connection only
        assert vault._connection.query("PRAGMA synchronous")[0][0] == 2  # drafts keep FULL
