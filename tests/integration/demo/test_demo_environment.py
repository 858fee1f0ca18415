"""The demo's throwaway world: a vault with an in-memory key, an intake on 127.0.0.1, reset, removal."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.demo.environment import DemoEnvironment
from desktop.demo.errors import DemoEndpointRefused
from desktop.demo.transport import DemoTarget, demo_transport, require_loopback
from desktop.paths import user_data_dir
from desktop.store.errors import WrongKey
from desktop.store.vault import Vault
from protocol.envelope import envelope_sha256, seal
from protocol.receipts import verify_receipt


def _deliver(environment: DemoEnvironment) -> str:
    target = environment.target()
    notification_id = str(uuid.uuid4())
    envelope = seal(notification_id=notification_id, form_version="1", files={"notification.json": b"{}"},
                    recipients=[target.recipient], sender_seed=b"s" * 32)
    transport = demo_transport(target)
    try:
        result = transport.deliver(notification_id, envelope)
    finally:
        transport.close()
    receipt = verify_receipt(result.receipt_json, result.signature, target.receipt_key,
                             notification_id=notification_id, envelope_sha256=envelope_sha256(envelope))
    return receipt.reference


def test_demo_starts_a_vault_and_a_tls_intake_that_issues_signed_receipts(tmp_path: Path) -> None:
    environment = DemoEnvironment.start(tmp_path)
    try:
        assert environment.folder.parent == tmp_path
        assert not environment.folder.is_relative_to(user_data_dir())
        assert environment.target().endpoint.startswith("https://127.0.0.1:")
        pack = environment.pack
        assert pack is not None and pack.demo and pack.intake.endpoint == environment.target().endpoint
        assert _deliver(environment).startswith("DEMO-")
        assert environment.intake is not None and environment.intake.count() == 1
        with Vault.open(environment.profile.vault_path, environment.vault_key()) as vault:
            assert vault.notifications.list_summaries() == []
    finally:
        environment.close()
    assert not environment.folder.exists()


def test_reset_gives_an_empty_vault_with_a_new_key_and_an_empty_intake(tmp_path: Path) -> None:
    environment = DemoEnvironment.start(tmp_path)
    try:
        old_key = bytes(environment.vault_key())
        with Vault.open(environment.profile.vault_path, old_key) as vault:
            vault.notifications.create_draft({"child.name": "Demo"}, "child", "D")
        _deliver(environment)
        environment.reset()
        assert environment.intake is not None and environment.intake.count() == 0
        with pytest.raises(WrongKey):
            Vault.open(environment.profile.vault_path, old_key)
        with Vault.open(environment.profile.vault_path, environment.vault_key()) as vault:
            assert vault.notifications.list_summaries() == []
        assert _deliver(environment).startswith("DEMO-")
        intakes = [p.name for p in environment.folder.iterdir() if p.name.startswith("intake")]
        assert intakes == ["intake-1"]
    finally:
        environment.close()
    assert not environment.folder.exists()


def test_a_real_vault_in_the_same_profile_folder_is_untouched_by_a_demo_run(
        tmp_path: Path, real_vault: Callable[[], dict[str, str]]) -> None:
    before = real_vault()
    temp = tmp_path / "tmp"
    temp.mkdir()
    environment = DemoEnvironment.start(temp)
    _deliver(environment)
    environment.reset()
    environment.close()
    assert real_vault() == before
    assert list(temp.iterdir()) == []


@pytest.mark.parametrize("endpoint", [
    "https://intake.demo-kommune.dk/v1",
    "https://localhost:8443",
    "https://10.0.0.5:443",
    "http://127.0.0.1:8080",
    "https://127.0.0.1.nip.io:443",
    "ftp://127.0.0.1/",
])
def test_demo_refuses_to_deliver_anywhere_but_loopback(endpoint: str, tmp_path: Path) -> None:
    environment = DemoEnvironment.start(tmp_path)
    try:
        real = environment.target()
        configured = DemoTarget(endpoint, real.recipient, real.receipt_key, real.ca_pem)
        with pytest.raises(DemoEndpointRefused) as caught:
            demo_transport(configured)
        assert caught.value.message_id == "demo.endpoint_refused"
    finally:
        environment.close()


def test_loopback_addresses_are_accepted() -> None:
    require_loopback("https://127.0.0.1:44321")
    require_loopback("https://[::1]:8443")
