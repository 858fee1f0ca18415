"""The municipality directory is taken from IT's source only signed, valid and newer: like a pack.

A tampered or older directory is refused, the refusal is recorded, and the last good copy stays
in force; a broken one never replaces the shipped one.
"""

from __future__ import annotations

import base64
import copy
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from desktop.config.directory_updates import DIRECTORY, active_directory_path, load_active_directory
from desktop.config.pack_signing import PackSigningKey, sign_pack
from desktop.config.pack_updates import SignedUpdater, UpdateOutcome
from desktop.config.policy import Policy
from desktop.config.signed_updates import read_status
from desktop.domain.directory import (
    DirectoryInvalid,
    directory_version_of,
    load_directory_bytes,
    shipped_directory_path,
)

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
RECIPIENT = base64.b64encode(bytes(range(256)) * 4 + bytes(192)).decode()  # 1216 bytes: shape only
RECEIPT = base64.b64encode(bytes(32)).decode()
CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"


def directory_yaml(version: str, *, endpoint: str = "https://intake.aeroe.example/", **entry: Any) -> bytes:
    """A small real-shaped directory: Ærø Kommune (492) with an intake and phone numbers."""
    municipality = {
        "code": "492",
        "intake": {"required": True, "endpoint": endpoint,
                   "keys": [{"key_id": "aeroe-2026", "public_key": RECIPIENT}],
                   "receipt_key": RECEIPT, "ca_pem": CA},
        "phones": {"office_hours": {"number": "62 52 10 00"}, "on_call": {"number": "62 52 10 01"}},
        "message_keys": [{"key_id": "aeroe-msg-2026", "public_key": base64.b64encode(bytes(32)).decode()}],
        **entry,
    }
    doc = {"schema_version": 1, "id": "municipalities", "version": version,
           "name": {"da": "Kommuner", "en": "Municipalities"}, "municipalities": [municipality]}
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")


def _publish(share: Path, data: bytes, signature: bytes | None) -> None:
    share.mkdir(parents=True, exist_ok=True)
    (share / "municipalities.yaml").write_bytes(data)
    sig = share / "municipalities.yaml.sig"
    if signature is None:
        sig.unlink(missing_ok=True)
    else:
        sig.write_bytes(signature)


@pytest.fixture
def share(tmp_path: Path) -> Path:
    return tmp_path / "share" / "underret"


@pytest.fixture
def good_first(share: Path, signing_key: PackSigningKey) -> Policy:
    """A good directory, version 2026.5, already taken from the share."""
    data = directory_yaml("2026.5")
    _publish(share, data, sign_pack(data, signing_key))
    policy = Policy(pack_source=str(share), trusted_pack_keys=[signing_key.public_key()])
    assert SignedUpdater(DIRECTORY, policy).check(NOW).outcome is UpdateOutcome.UPDATED
    return policy


def test_a_signed_newer_directory_is_taken_and_routes_by_its_entries(good_first: Policy) -> None:
    directory = load_active_directory(good_first)
    assert directory.version == "2026.5"
    entry = directory.entry("492")
    assert entry is not None and entry.receives
    assert entry.phones.office_hours is not None and entry.phones.office_hours.number == "62 52 10 00"
    assert active_directory_path(good_first).parent == DIRECTORY.folder()


def test_a_tampered_directory_is_refused_and_the_last_good_one_stays(
        good_first: Policy, share: Path, signing_key: PackSigningKey) -> None:
    before = active_directory_path(good_first).read_bytes()
    signed = directory_yaml("2026.6")
    # Someone on the share points Ærø's notifications elsewhere after the file was signed.
    tampered = signed.replace(b"intake.aeroe.example", b"intake.evil.example")
    _publish(share, tampered, sign_pack(signed, signing_key))

    status = SignedUpdater(DIRECTORY, good_first).check(NOW + timedelta(days=1))

    assert status.outcome is UpdateOutcome.REFUSED
    assert status.message_id == "directory.bad_signature"
    assert read_status(DIRECTORY.folder()) == status  # what `underret doctor` shows
    assert active_directory_path(good_first).read_bytes() == before
    entry = load_active_directory(good_first).entry("492")
    assert entry is not None and entry.intake is not None
    assert entry.intake.endpoint == "https://intake.aeroe.example/"


def test_an_older_directory_cannot_roll_back_the_one_in_force(
        good_first: Policy, share: Path, signing_key: PackSigningKey) -> None:
    data = directory_yaml("2026.4")
    _publish(share, data, sign_pack(data, signing_key))
    status = SignedUpdater(DIRECTORY, good_first).check(NOW + timedelta(days=1))
    assert (status.outcome, status.message_id) == (UpdateOutcome.REFUSED, "directory.older_version")
    assert load_active_directory(good_first).version == "2026.5"


def test_an_unsigned_or_untrusted_directory_is_refused(
        good_first: Policy, share: Path, other_key: PackSigningKey) -> None:
    data = directory_yaml("2026.7")
    _publish(share, data, None)
    unsigned = SignedUpdater(DIRECTORY, good_first).check(NOW + timedelta(days=1))
    assert unsigned.outcome is UpdateOutcome.REFUSED
    _publish(share, data, sign_pack(data, other_key))
    status = SignedUpdater(DIRECTORY, good_first).check(NOW + timedelta(days=2))
    assert (status.outcome, status.message_id) == (UpdateOutcome.REFUSED, "directory.untrusted_key")
    assert load_active_directory(good_first).version == "2026.5"


def test_a_signed_but_invalid_directory_is_refused(
        good_first: Policy, share: Path, signing_key: PackSigningKey) -> None:
    data = directory_yaml("2026.8", code="411")  # Christiansø is no municipality
    _publish(share, data, sign_pack(data, signing_key))
    status = SignedUpdater(DIRECTORY, good_first).check(NOW + timedelta(days=1))
    assert (status.outcome, status.message_id) == (UpdateOutcome.REFUSED, "directory.invalid")
    assert load_active_directory(good_first).version == "2026.5"


def test_without_a_download_the_shipped_directory_is_in_force() -> None:
    policy = Policy()
    assert active_directory_path(policy) == shipped_directory_path()
    assert active_directory_path(policy, demo=True) == shipped_directory_path(demo=True)
    shipped = load_active_directory(policy)
    assert not shipped.demo and all(not e.receives for e in shipped.municipalities)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (dict(code="999"), "fictitious training municipality"),
        (dict(code="1010"), "String should match pattern"),
        (dict(colour="red"), "unknown key 'colour'"),
        (dict(intake={"required": True, "endpoint": "https://x.example/", "receipt_key": RECEIPT,
                      "keys": [{"key_id": "k", "public_key": RECIPIENT}]}), "needs ca_pem or pin_sha256"),
        (dict(message_keys=[{"key_id": "m", "public_key": "AAAA"}]), "raw Ed25519 public key"),
    ],
)
def test_a_broken_directory_is_refused_with_the_place_and_the_problem(change: dict[str, Any],
                                                                     problem: str) -> None:
    with pytest.raises(DirectoryInvalid) as caught:
        load_directory_bytes(directory_yaml("2026.9", **change), "municipalities.yaml")
    assert problem in str(caught.value)
    assert caught.value.message_id == "directory.invalid"


def test_a_municipality_listed_twice_is_refused() -> None:
    doc = yaml.safe_load(directory_yaml("2026.9"))
    doc["municipalities"].append(copy.deepcopy(doc["municipalities"][0]))
    with pytest.raises(DirectoryInvalid, match="listed twice"):
        load_directory_bytes(yaml.safe_dump(doc).encode(), "municipalities.yaml")


def test_the_version_is_read_without_parsing_the_directory() -> None:
    assert directory_version_of(directory_yaml("2027.1")) == "2027.1"
    assert directory_version_of(b"id: x\n") is None
