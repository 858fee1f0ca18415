"""Guideline-pack updates: only a pack signed by a trusted key and valid by the schema is taken."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.config.pack_signing import PackSigningKey, sign_pack
from desktop.config.pack_updates import (
    PackUpdater,
    UpdateOutcome,
    active_pack_path,
    downloaded_packs_dir,
    installed_pack,
    read_status,
)
from desktop.config.policy import Policy
from desktop.domain.packs import load_pack
from desktop.paths import forms_dir

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
NAME = "demo-kommune"


def _policy(source: str, key: PackSigningKey, **more: Any) -> Policy:
    return Policy(municipality=NAME, pack_source=source, trusted_pack_keys=[key.public_key()], **more)


def _publish(folder: Path, data: bytes, signature: bytes | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{NAME}.yaml").write_bytes(data)
    sig = folder / f"{NAME}.yaml.sig"
    if signature is None:
        sig.unlink(missing_ok=True)
    else:
        sig.write_bytes(signature)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != "update-status.json"}


@pytest.fixture
def share(tmp_path: Path) -> Path:
    """The municipality's file share folder."""
    return tmp_path / "share" / "underret-packs"


@pytest.fixture
def good_first(share: Path, pack_yaml: Callable[..., bytes], signing_key: PackSigningKey) -> Policy:
    """A good pack, version 2026.1, already taken from the share."""
    data = pack_yaml(version="2026.1", note="first")
    _publish(share, data, sign_pack(data, signing_key))
    policy = _policy(str(share), signing_key)
    assert PackUpdater(policy).check(NOW).outcome is UpdateOutcome.UPDATED
    return policy


def test_good_signed_pack_from_the_file_share_is_taken(share: Path, pack_yaml: Callable[..., bytes],
                                                      signing_key: PackSigningKey) -> None:
    data = pack_yaml(version="2026.2")
    _publish(share, data, sign_pack(data, signing_key))
    policy = _policy(str(share), signing_key)

    status = PackUpdater(policy).check(NOW)

    assert status.outcome is UpdateOutcome.UPDATED
    assert (status.pack_version, status.key_id) == ("2026.2", "kommune-2026")
    path = active_pack_path(policy)
    assert path.parent == downloaded_packs_dir()
    assert path.read_bytes() == data
    assert load_pack(path).version == "2026.2"
    assert read_status() == status


def test_same_pack_again_changes_nothing(good_first: Policy) -> None:
    before = _snapshot(downloaded_packs_dir())
    status = PackUpdater(good_first).check(NOW + timedelta(days=1))
    assert status.outcome is UpdateOutcome.UNCHANGED
    assert _snapshot(downloaded_packs_dir()) == before


def test_newer_pack_replaces_the_old_one_and_leaves_no_stale_files(
        good_first: Policy, share: Path, pack_yaml: Callable[..., bytes],
        signing_key: PackSigningKey) -> None:
    data = pack_yaml(version="2026.2", note="second")
    _publish(share, data, sign_pack(data, signing_key))
    assert PackUpdater(good_first).check(NOW + timedelta(days=1)).outcome is UpdateOutcome.UPDATED
    assert active_pack_path(good_first).read_bytes() == data
    names = sorted(p.name for p in downloaded_packs_dir().iterdir())
    assert len(names) == 4, names  # pack, its signature, the pointer, the status


def _tampered(data: bytes, key: PackSigningKey, other: PackSigningKey) -> tuple[bytes, bytes | None]:
    signature = sign_pack(data, key)
    return data.replace(b"Often arrives hungry", b"Often arrives happy"), signature


def _truncated(data: bytes, key: PackSigningKey, other: PackSigningKey) -> tuple[bytes, bytes | None]:
    return data[: len(data) // 2], sign_pack(data, key)


def _unsigned(data: bytes, key: PackSigningKey, other: PackSigningKey) -> tuple[bytes, bytes | None]:
    return data, None


def _wrongly_signed(data: bytes, key: PackSigningKey, other: PackSigningKey) -> tuple[bytes, bytes | None]:
    return data, sign_pack(data, other)


def _wrong_key_claiming_trusted_id(data: bytes, key: PackSigningKey,
                                   other: PackSigningKey) -> tuple[bytes, bytes | None]:
    return data, sign_pack(data, PackSigningKey(key.key_id, other.seed))


def _garbage_signature(data: bytes, key: PackSigningKey, other: PackSigningKey) -> tuple[bytes, bytes | None]:
    return data, b"this is not a signature"


def _schema_invalid(data: bytes, key: PackSigningKey, other: PackSigningKey) -> tuple[bytes, bytes | None]:
    bad = data.replace(b"weight: 2", b"weight: 9")
    assert bad != data
    return bad, sign_pack(bad, key)


def _not_yaml(data: bytes, key: PackSigningKey, other: PackSigningKey) -> tuple[bytes, bytes | None]:
    bad = b"id: [unclosed\n"
    return bad, sign_pack(bad, key)


@pytest.mark.parametrize(
    ("make", "message_id"),
    [
        (_tampered, "pack.bad_signature"),
        (_truncated, "pack.bad_signature"),
        (_unsigned, "pack.unsigned"),
        (_wrongly_signed, "pack.untrusted_key"),
        (_wrong_key_claiming_trusted_id, "pack.bad_signature"),
        (_garbage_signature, "pack.signature_malformed"),
        (_schema_invalid, "pack.invalid"),
        (_not_yaml, "pack.invalid"),
    ],
    ids=lambda value: getattr(value, "__name__", "").strip("_"),
)
def test_bad_pack_is_refused_recorded_and_the_previous_pack_stays(
        good_first: Policy, share: Path, pack_yaml: Callable[..., bytes], signing_key: PackSigningKey,
        other_key: PackSigningKey, make: Callable[..., tuple[bytes, bytes | None]], message_id: str,
        caplog: pytest.LogCaptureFixture) -> None:
    before_path = active_pack_path(good_first)
    before = _snapshot(downloaded_packs_dir())
    data, signature = make(pack_yaml(version="2026.2", note="second"), signing_key, other_key)
    _publish(share, data, signature)

    with caplog.at_level(logging.INFO):
        status = PackUpdater(good_first).check(NOW + timedelta(days=1))

    assert status.outcome is UpdateOutcome.REFUSED
    assert status.message_id == message_id
    assert read_status() == status  # what `underret doctor` shows
    assert status.last_updated_at == NOW
    assert active_pack_path(good_first) == before_path
    assert load_pack(before_path).name.en == "Guidance demo-kommune first"
    assert _snapshot(downloaded_packs_dir()) == before
    assert message_id in caplog.text
    assert "hungry" not in caplog.text.lower() and "happy" not in caplog.text.lower()


def test_pack_for_another_municipality_is_refused(good_first: Policy, share: Path,
                                                  pack_yaml: Callable[..., bytes],
                                                  signing_key: PackSigningKey) -> None:
    data = pack_yaml(pack_id="other-kommune", version="2027.1")
    _publish(share, data, sign_pack(data, signing_key))
    status = PackUpdater(good_first).check(NOW + timedelta(days=1))
    assert (status.outcome, status.message_id) == (UpdateOutcome.REFUSED, "pack.wrong_id")
    assert "other-kommune" in status.problem


def test_older_signed_pack_cannot_roll_back_the_one_in_use(good_first: Policy, share: Path,
                                                          pack_yaml: Callable[..., bytes],
                                                          signing_key: PackSigningKey) -> None:
    data = pack_yaml(version="2025.9")
    _publish(share, data, sign_pack(data, signing_key))
    status = PackUpdater(good_first).check(NOW + timedelta(days=1))
    assert (status.outcome, status.message_id) == (UpdateOutcome.REFUSED, "pack.older_version")
    assert load_pack(active_pack_path(good_first)).version == "2026.1"


def test_unreachable_share_changes_nothing(good_first: Policy, share: Path) -> None:
    before = _snapshot(downloaded_packs_dir())
    share.rename(share.with_name("moved-away"))
    status = PackUpdater(good_first).check(NOW + timedelta(days=1))
    assert status.outcome is UpdateOutcome.UNREACHABLE
    assert status.message_id == "pack.source_unreachable"
    assert _snapshot(downloaded_packs_dir()) == before
    assert load_pack(active_pack_path(good_first)).version == "2026.1"


def test_pack_missing_on_the_share_changes_nothing(good_first: Policy, share: Path) -> None:
    (share / f"{NAME}.yaml").unlink()
    status = PackUpdater(good_first).check(NOW + timedelta(days=1))
    assert (status.outcome, status.message_id) == (UpdateOutcome.UNREACHABLE, "pack.not_found")
    assert load_pack(active_pack_path(good_first)).version == "2026.1"


def test_pack_removed_from_trust_by_policy_falls_back_to_the_shipped_pack(
        good_first: Policy, other_key: PackSigningKey) -> None:
    rotated = good_first._replace(trusted_pack_keys=[other_key.public_key()])
    assert installed_pack(rotated) is None
    assert active_pack_path(rotated).parent == forms_dir() / "packs"


def test_downloaded_pack_edited_on_disk_is_not_used(good_first: Policy) -> None:
    path = active_pack_path(good_first)
    path.write_bytes(path.read_bytes().replace(b"first", b"edit!"))
    assert active_pack_path(good_first).parent == forms_dir() / "packs"


def test_without_download_the_shipped_pack_is_used(tmp_path: Path) -> None:
    packs = forms_dir() / "packs"
    assert active_pack_path(Policy()) == packs / "national.yaml"
    assert active_pack_path(Policy(municipality="no-such-kommune")) == packs / "national.yaml"
    for shipped in packs.glob("*.yaml"):
        assert active_pack_path(Policy(municipality=shipped.stem)) == shipped


def test_no_pack_source_in_policy_means_no_check() -> None:
    status = PackUpdater(Policy()).check(NOW)
    assert status.outcome is UpdateOutcome.NOT_CONFIGURED
    assert read_status() is None


def test_check_is_due_at_start_and_then_daily(good_first: Policy) -> None:
    updater = PackUpdater(good_first)
    assert not updater.due(NOW + timedelta(hours=23))
    assert updater.due(NOW + timedelta(hours=24))


# --- HTTPS source -----------------------------------------------------------------------------------

def test_good_signed_pack_over_verified_https_is_taken(https_pack_server: Any, test_ca: Any,
                                                      pack_yaml: Callable[..., bytes],
                                                      signing_key: PackSigningKey) -> None:
    data = pack_yaml(version="2026.3")
    _publish(https_pack_server.folder, data, sign_pack(data, signing_key))
    policy = _policy(https_pack_server.url, signing_key)
    status = PackUpdater(policy, ssl_context=test_ca.client_context()).check(NOW)
    assert status.outcome is UpdateOutcome.UPDATED
    assert active_pack_path(policy).read_bytes() == data


def test_unsigned_pack_over_https_is_refused(https_pack_server: Any, test_ca: Any,
                                            pack_yaml: Callable[..., bytes],
                                            signing_key: PackSigningKey) -> None:
    _publish(https_pack_server.folder, pack_yaml(), None)
    policy = _policy(https_pack_server.url, signing_key)
    status = PackUpdater(policy, ssl_context=test_ca.client_context()).check(NOW)
    assert (status.outcome, status.message_id) == (UpdateOutcome.REFUSED, "pack.unsigned")
    assert active_pack_path(policy).parent == forms_dir() / "packs"


def test_https_server_with_an_untrusted_certificate_is_not_used(
        https_pack_server: Any, pack_yaml: Callable[..., bytes], signing_key: PackSigningKey) -> None:
    data = pack_yaml()
    _publish(https_pack_server.folder, data, sign_pack(data, signing_key))
    policy = _policy(https_pack_server.url, signing_key)
    # The system trust store does not know the test CA: TLS must fail, never fall back.
    status = PackUpdater(policy).check(NOW)
    assert (status.outcome, status.message_id) == (UpdateOutcome.UNREACHABLE, "pack.tls_failed")
    assert installed_pack(policy) is None


def test_https_source_that_is_down_changes_nothing(good_first: Policy, test_ca: Any,
                                                  signing_key: PackSigningKey) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = _snapshot(downloaded_packs_dir())
    policy = good_first._replace(pack_source=f"https://127.0.0.1:{port}/packs/")
    status = PackUpdater(policy, ssl_context=test_ca.client_context(), timeout=5).check(NOW)
    assert (status.outcome, status.message_id) == (UpdateOutcome.UNREACHABLE, "pack.source_unreachable")
    assert _snapshot(downloaded_packs_dir()) == before
    assert load_pack(active_pack_path(policy)).version == "2026.1"


# --- rollback and damage (issue 16) -----------------------------------------------------------------

def test_a_signed_pack_older_than_the_shipped_one_is_refused_even_as_the_first_download(
        share: Path, pack_yaml: Callable[..., bytes], signing_key: PackSigningKey) -> None:
    shipped = load_pack(forms_dir() / "packs" / f"{NAME}.yaml").version  # 2026.1
    data = pack_yaml(version="2025.4")
    _publish(share, data, sign_pack(data, signing_key))
    policy = _policy(str(share), signing_key)

    status = PackUpdater(policy).check(NOW)

    assert (status.outcome, status.message_id) == (UpdateOutcome.REFUSED, "pack.older_version")
    assert f"older than {shipped} (shipped with the app)" in status.problem
    assert installed_pack(policy) is None
    assert active_pack_path(policy) == forms_dir() / "packs" / f"{NAME}.yaml"


def test_after_an_upgrade_ships_a_newer_pack_an_older_download_is_not_in_force(
        good_first: Policy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        pack_yaml: Callable[..., bytes]) -> None:
    # The app is upgraded with demo-kommune 2027.1; the PC still holds its 2026.1 download.
    forms = tmp_path / "new-release" / "forms"
    (forms / "packs").mkdir(parents=True)
    (forms / "packs" / f"{NAME}.yaml").write_bytes(pack_yaml(version="2027.1", note="shipped"))
    monkeypatch.setattr("desktop.paths.forms_dir", lambda: forms)
    assert installed_pack(good_first) is not None
    assert active_pack_path(good_first) == forms / "packs" / f"{NAME}.yaml"


def test_a_damaged_download_is_reported_in_the_event_log_not_silent(good_first: Policy) -> None:
    from desktop import eventlog
    from desktop.config.pack_updates import downloaded_pack_state

    path = active_pack_path(good_first)
    path.write_bytes(path.read_bytes()[:-30])
    eventlog.install()
    try:
        assert active_pack_path(good_first).parent == forms_dir() / "packs"
    finally:
        eventlog.uninstall()
    installed, damage = downloaded_pack_state(good_first)
    assert installed is None and damage is not None and damage.message_id == "pack.download_damaged"
    [entry] = eventlog.recent_problems()
    assert entry.message_id == "pack.download_damaged"
    assert f"name={NAME}" in entry.text and "using=shipped" in entry.text


def test_every_refusal_reaches_the_event_log_with_its_id_and_no_pack_text(
        good_first: Policy, share: Path, pack_yaml: Callable[..., bytes], signing_key: PackSigningKey,
        other_key: PackSigningKey) -> None:
    from desktop import eventlog

    cases = [(_tampered, "pack.bad_signature"), (_unsigned, "pack.unsigned"),
             (_wrongly_signed, "pack.untrusted_key"), (_schema_invalid, "pack.invalid")]
    eventlog.install()
    try:
        for make, _ in cases:
            data, signature = make(pack_yaml(version="2026.2", note="second"), signing_key, other_key)
            _publish(share, data, signature)
            PackUpdater(good_first).check(NOW + timedelta(days=1))
    finally:
        eventlog.uninstall()
    assert [entry.message_id for entry in eventlog.recent_problems()] == [m for _, m in cases]
    text = eventlog.log_file().read_text("utf-8").lower()
    assert "hungry" not in text and "happy" not in text and "guidance" not in text
