"""The reader refuses everything the spec forbids, and says precisely what is wrong.

The independent review of format 1 found a reader that accepted extra payload
fields, a 16-byte content key under AES-256-GCM, duplicate key ids and
non-version-4 UUIDs, and that reported every failure after a valid signature as
"wrong key". Each envelope here is correctly signed (tests/protocol/forge.py),
so only the reader's own checks can refuse it.
"""

from __future__ import annotations

import hashlib
import os
import struct
import uuid

import pytest

from protocol.envelope import EnvelopeError, inspect, open_envelope, seal, verify_sender_signature
from protocol.keys import RecipientPrivateKey
from protocol.replies import ReplyKey
from tests.protocol.forge import Forge, jcs, records


def _refused(data: bytes, keys: dict[str, object], message_id: str) -> EnvelopeError:
    with pytest.raises(EnvelopeError) as caught:
        open_envelope(data, keys)
    assert caught.value.message_id == message_id, str(caught.value)
    return caught.value


@pytest.mark.parametrize("version", [1, 2])
def test_a_well_formed_forged_envelope_opens_so_the_refusals_below_are_the_readers(version: int) -> None:
    forge = Forge(version=version)
    opened = open_envelope(forge.build(), dict(forge.seeds))
    assert opened.files == forge.files
    assert opened.header.format_version == version


@pytest.mark.parametrize("version", [1, 2])
@pytest.mark.parametrize("where", ["payload", "sender", "suite"])
def test_an_extra_field_in_a_manifest_object_is_refused(version: int, where: str) -> None:
    forge = Forge(version=version)
    changed = dict(forge.manifest()[where], extra="x")
    forge.manifest_changes = {where: changed}
    with pytest.raises(EnvelopeError) as caught:
        verify_sender_signature(forge.build())
    assert caught.value.message_id in ("envelope.malformed", "envelope.unsupported_version")


@pytest.mark.parametrize("version", [1, 2])
def test_an_extra_field_in_a_recipient_or_file_entry_or_at_the_top_is_refused(version: int) -> None:
    for changes in (
        {"recipients": [{"key_id": "kommune-2026", "note": "x"}]},
        {"files": [{"name": "notification.json", "sha256": "0" * 64, "size": 2}]},
        {"comment": "x"},
    ):
        forge = Forge(version=version, manifest_changes=changes)
        with pytest.raises(EnvelopeError) as caught:
            inspect(forge.build())
        assert caught.value.message_id == "envelope.malformed"


@pytest.mark.parametrize("version", [1, 2])
def test_a_16_byte_content_key_under_aes_256_gcm_is_refused(version: int) -> None:
    forge = Forge(version=version, content_key=os.urandom(16))
    with pytest.raises(EnvelopeError) as caught:
        inspect(forge.build())  # the wrapped key's length already shows it: refused before any decryption
    assert caught.value.message_id == "envelope.malformed"
    assert "32-byte AES-256 key" in str(caught.value)


@pytest.mark.parametrize("version", [1, 2])
def test_a_key_id_listed_twice_is_refused(version: int) -> None:
    seed = os.urandom(32)
    forge = Forge(version=version, seeds={"kommune-2026": seed}, key_ids=["kommune-2026", "kommune-2026"])
    with pytest.raises(EnvelopeError) as caught:
        inspect(forge.build())
    assert caught.value.message_id == "envelope.malformed"


@pytest.mark.parametrize("version", [1, 2])
@pytest.mark.parametrize("notification_id", [
    str(uuid.uuid1()),  # time-based: version 1
    str(uuid.uuid5(uuid.NAMESPACE_DNS, "underret.example")),
    "0f8e3c1a-5b7d-4e29-9a61-3c2b1d0e4f57".upper(),  # not canonical lower case
    "0f8e3c1a5b7d4e299a613c2b1d0e4f57",  # not canonical hyphenation
    "0f8e3c1a-5b7d-4e29-1a61-3c2b1d0e4f57",  # version 4, but not the RFC 4122 variant
])
def test_a_notification_id_that_is_not_a_canonical_version_4_uuid_is_refused(version: int,
                                                                            notification_id: str) -> None:
    forge = Forge(version=version, notification_id=notification_id)
    with pytest.raises(EnvelopeError):
        inspect(forge.build())
    with pytest.raises(EnvelopeError):
        seal(notification_id=notification_id, form_version="2.0", files={"a.json": b"{}"},
             recipients=[RecipientPrivateKey.generate("k").public()], sender_seed=os.urandom(32))


@pytest.mark.parametrize("version", [1, 2])
def test_a_manifest_that_is_not_exactly_its_rfc8785_encoding_is_refused(version: int) -> None:
    forge = Forge(version=version)
    canonical = jcs(forge.manifest())
    for variant in (
        canonical.replace(b'"format":', b'"format": '),  # whitespace
        canonical.replace(b'"underret-envelope"', b'"underret\\u002denvelope"'),  # an escape JCS does not use
        canonical[:-1] + b',"version":' + str(version).encode() + b"}",  # a duplicate key
        canonical.replace(b'"version":%d' % version, b'"version":%d.0' % version),  # a float
    ):
        forge.manifest_bytes = variant
        with pytest.raises(EnvelopeError) as caught:
            inspect(forge.build())
        assert caught.value.message_id == "envelope.malformed"


def test_a_version_the_reader_does_not_know_is_named_as_such() -> None:
    data = bytearray(Forge().build())
    data[8] = 3
    with pytest.raises(EnvelopeError) as caught:
        inspect(bytes(data))
    assert caught.value.message_id == "envelope.unsupported_version"


@pytest.mark.parametrize("version", [1, 2])
def test_a_file_whose_hash_differs_is_named_and_not_called_a_wrong_key(version: int) -> None:
    forge = Forge(version=version)
    entries = forge.manifest()["files"]
    forge.manifest_changes = {"files": [{"name": "notification.json", "sha256": "0" * 64}, entries[1]]}
    error = _refused(forge.build(), dict(forge.seeds), "envelope.file_hash_mismatch")
    assert error.details == {"file": "notification.json"}


@pytest.mark.parametrize("version", [1, 2])
def test_files_in_another_order_than_the_manifest_are_named(version: int) -> None:
    forge = Forge(version=version)
    inner = b"" if version == 1 else struct.pack(">I", 2) + b"{}"
    forge.plaintext = inner + records(dict(reversed(list(forge.files.items()))))
    _refused(forge.build(), dict(forge.seeds), "envelope.files_mismatch")


@pytest.mark.parametrize("version", [1, 2])
def test_a_truncated_file_list_inside_the_payload_is_named_malformed_payload(version: int) -> None:
    forge = Forge(version=version)
    inner = b"" if version == 1 else struct.pack(">I", 2) + b"{}"
    forge.plaintext = (inner + records(forge.files))[:-1]
    _refused(forge.build(), dict(forge.seeds), "envelope.payload_malformed")


@pytest.mark.parametrize("inner_header", [
    b'{"reply_key":{}}', b'{"other":1}', b"{ }", b"[]", b'{"reply_key":null}',
])
def test_an_inner_header_other_than_the_spec_allows_is_refused(inner_header: bytes) -> None:
    forge = Forge(inner_header=inner_header)
    _refused(forge.build(), dict(forge.seeds), "envelope.payload_malformed")


def test_the_key_held_under_the_right_id_but_another_key_is_named_wrong_key() -> None:
    forge = Forge()
    _refused(forge.build(), {"kommune-2026": os.urandom(32)}, "envelope.wrong_key")


def test_a_payload_damaged_before_it_was_signed_is_named_damaged_not_wrong_key() -> None:
    forge = Forge()
    data = bytearray(forge.build())
    # Damage the payload ciphertext, then sign again, as a broken sealer would have: the signature holds.
    body_end = len(data) - 64
    data[body_end - 20] ^= 0x01
    resigned = _resign(bytes(data[:body_end]), forge)
    _refused(resigned, dict(forge.seeds), "envelope.payload_damaged")


def _resign(unsigned: bytes, forge: Forge) -> bytes:
    manifest_len = struct.unpack_from(">I", unsigned, 9)[0]
    prefix, body = unsigned[: 13 + manifest_len], unsigned[13 + manifest_len :]
    label = f"underret-envelope-v{forge.version} signature\x00".encode()
    signed = label + hashlib.sha256(prefix).digest() + hashlib.sha256(body).digest()
    return unsigned + forge.sender.sign(signed)


def test_no_key_for_any_recipient_is_named_no_key() -> None:
    forge = Forge()
    _refused(forge.build(), {"kommune-2099": os.urandom(32)}, "envelope.no_key")


def test_format_2_carries_the_reply_key_inside_the_encryption_only() -> None:
    reply = ReplyKey.generate()
    key = RecipientPrivateKey.generate("kommune-2026")
    data = seal(notification_id=str(uuid.uuid4()), form_version="2.0", files={"notification.json": b"{}"},
                recipients=[key.public()], sender_seed=os.urandom(32), reply_key=reply.public())
    opened = open_envelope(data, {key.key_id: key})
    assert opened.reply_key == reply.public()
    assert opened.header.format_version == 2
    assert reply.public().mailbox_public_key not in data
    assert reply.public().kem_public_key[:64] not in data
    assert reply.mailbox_id.encode() not in data


def test_the_recipient_private_key_is_the_32_byte_x_wing_seed_and_96_byte_format_1_files_still_open() -> None:
    key = RecipientPrivateKey.generate("kommune-2026")
    assert len(key.private_bytes) == 32
    legacy_forge = Forge(version=1)
    seed = legacy_forge.seeds["kommune-2026"]
    expanded = hashlib.shake_256(seed).digest(96)  # what a format-1 installation's 96-byte file holds
    assert open_envelope(legacy_forge.build(), {"kommune-2026": expanded}).files == legacy_forge.files
    assert open_envelope(legacy_forge.build(), {"kommune-2026": seed}).files == legacy_forge.files
    for length in (0, 31, 33, 64, 95, 97):
        with pytest.raises(EnvelopeError) as caught:
            open_envelope(legacy_forge.build(), {"kommune-2026": bytes(length)})
        assert caught.value.message_id == "envelope.bad_key"


@pytest.mark.parametrize("version", [1, 2])
@pytest.mark.parametrize("changes", [
    {"recipients": [{"key_id": "kommune-2026\n"}]},
    {"recipients": [{"key_id": ["kommune-2026"]}]},
    {"recipients": [{"key_id": {"id": "kommune-2026"}}]},
    {"form_version": "2.0\n"},
])
def test_a_key_id_or_version_that_only_looks_right_is_refused(
    version: int, changes: dict[str, object]
) -> None:
    with pytest.raises(EnvelopeError) as caught:
        inspect(Forge(version=version, manifest_changes=changes).build())
    assert caught.value.message_id == "envelope.malformed"


def test_a_file_name_with_a_trailing_line_break_is_refused_in_the_manifest_and_in_the_payload() -> None:
    forge = Forge(files={"notification.json\n": b"{}"})
    with pytest.raises(EnvelopeError):
        inspect(forge.build())
    forge = Forge(files={"notification.json": b"{}"})
    forge.plaintext = struct.pack(">I", 2) + b"{}" + records({"notification.json\n": b"{}"})
    _refused(forge.build(), dict(forge.seeds), "envelope.payload_malformed")
