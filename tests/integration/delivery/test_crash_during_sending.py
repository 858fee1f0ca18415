"""The PC dies while a notification is on its way: after restart it is delivered exactly once."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from desktop.store.notifications import NotificationState
from desktop.store.vault import Vault
from intake.server import BackgroundIntake

if TYPE_CHECKING:
    from tests.integration.delivery.conftest import IntakeKeys, TlsMaterial

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from desktop.outbox.sender import OutboxSender
    from desktop.outbox.transport import HttpsIntakeTransport
    from desktop.store.vault import Vault

    vault_path, url, ca_file, receipt_key = sys.argv[1:5]
    key = bytes.fromhex(sys.stdin.readline().strip())
    transport = HttpsIntakeTransport(url, ca_pem=Path(ca_file).read_bytes(), timeout=60)
    sender = OutboxSender(lambda: Vault.open(Path(vault_path), key), transport, bytes.fromhex(receipt_key))
    print("sending", flush=True)
    sender.run_once()
    print("finished", flush=True)
    """
)


@pytest.mark.slow
def test_client_killed_while_waiting_for_the_answer_delivers_exactly_once_after_restart(
    vault: Vault,
    vault_key: bytes,
    intake: BackgroundIntake,
    queue_notification: Any,
    make_sender: Any,
    fault_server: Any,
    intake_keys: IntakeKeys,
    tls: TlsMaterial,
    tmp_path: Path,
) -> None:
    notification_id = queue_notification()
    # The request reaches the intake (which stores it), but the answer never comes back.
    hanging = fault_server("silent", upstream=intake.url)
    ca_file = tmp_path / "ca.pem"
    ca_file.write_bytes(tls.ca.cert_pem)
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD,
            str(vault.path),
            hanging.url,
            str(ca_file),
            intake_keys.receipt_public.hex(),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdin is not None and child.stderr is not None
        child.stdin.write(vault_key.hex() + "\n")
        child.stdin.flush()
        assert hanging.forwarded.wait(30), child.stderr.read() if child.poll() is not None else "child hangs"
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
    assert child.returncode == -signal.SIGKILL
    assert intake.store.count(notification_id) == 1
    assert vault.notifications.get_summary(notification_id).state is NotificationState.SENDING

    # Restart: the left-over SENDING item is due again and goes out with the same Idempotency-Key.
    report = make_sender(intake.url).run_once()

    assert report.receipted == [notification_id]
    summary = vault.notifications.get_summary(notification_id)
    assert summary.state is NotificationState.RECEIPTED
    assert summary.attempts == 2
    assert intake.store.count(notification_id) == 1
    assert intake.store.count() == 1
