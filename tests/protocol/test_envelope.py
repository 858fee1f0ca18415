"""The envelope: sealed once, opened only by the municipality, any change detected."""

from __future__ import annotations

import os
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from protocol.envelope import (
    EnvelopeError,
    RecipientPrivateKey,
    fingerprint,
    inspect,
    open_envelope,
    seal,
    sender_public_key,
    verify_sender_signature,
)

KEY_2026 = RecipientPrivateKey.generate("kommune-2026")
KEY_2027 = RecipientPrivateKey.generate("kommune-2027")
SEED = os.urandom(32)
CHILD_MARKER = "Æblegrød Østergård 010199-1234".encode()


def _seal(
    files: dict[str, bytes] | None = None, recipients: list[RecipientPrivateKey] | None = None
) -> tuple[str, bytes]:
    nid = str(uuid.uuid4())
    data = seal(
        notification_id=nid,
        form_version="1.0",
        files=files
        or {
            "notification.json": b'{"child":"' + CHILD_MARKER + b'"}',
            "notification.pdf": b"%PDF" + CHILD_MARKER,
        },
        recipients=[k.public() for k in (recipients or [KEY_2026])],
        sender_seed=SEED,
    )
    return nid, data


def test_municipality_opens_what_the_notifier_sealed() -> None:
    nid, data = _seal()
    opened = open_envelope(data, {"kommune-2026": KEY_2026})
    assert opened.files["notification.json"] == b'{"child":"' + CHILD_MARKER + b'"}'
    assert opened.files["notification.pdf"] == b"%PDF" + CHILD_MARKER
    assert opened.header.notification_id == nid
    assert opened.sender_signature_valid
    assert opened.sender_public_key == sender_public_key(SEED)


def test_clear_part_holds_routing_metadata_only() -> None:
    nid, data = _seal()
    header = inspect(data)
    assert header.notification_id == nid
    assert header.key_ids == ("kommune-2026",)
    assert [f.name for f in header.files] == ["notification.json", "notification.pdf"]
    assert CHILD_MARKER not in data
    assert "Østergård".encode("utf-16-le") not in data
    assert b"010199" not in data


def test_old_and_new_municipality_key_both_open_during_key_rotation() -> None:
    _, data = _seal(recipients=[KEY_2026, KEY_2027])
    assert open_envelope(data, {"kommune-2027": KEY_2027}).key_id == "kommune-2027"
    assert open_envelope(data, {"kommune-2026": KEY_2026.private_bytes}).key_id == "kommune-2026"


def test_someone_without_the_municipality_key_cannot_open_it() -> None:
    _, data = _seal()
    stranger = RecipientPrivateKey("kommune-2026", RecipientPrivateKey.generate("x").private_bytes)
    with pytest.raises(EnvelopeError) as info:
        open_envelope(data, {"kommune-2026": stranger})
    assert info.value.message_id == "envelope.wrong_key"
    with pytest.raises(EnvelopeError) as info:
        open_envelope(data, {"other": KEY_2026})
    assert info.value.message_id == "envelope.no_key"


def test_every_flipped_byte_anywhere_is_detected() -> None:
    _, data = _seal(recipients=[KEY_2026, KEY_2027])
    for position in range(len(data)):
        damaged = bytearray(data)
        damaged[position] ^= 0x01
        with pytest.raises(EnvelopeError):
            open_envelope(bytes(damaged), {"kommune-2026": KEY_2026})


def test_truncated_or_extended_envelopes_are_refused() -> None:
    _, data = _seal()
    for damaged in (data[:-1], data + b"\x00", data[:20], b"", b"UNDRTENV"):
        with pytest.raises(EnvelopeError):
            inspect(damaged) if len(damaged) < 30 else open_envelope(damaged, {"kommune-2026": KEY_2026})


def test_swapping_in_another_envelopes_manifest_is_detected() -> None:
    _, first = _seal()
    _, second = _seal()
    m1 = len(inspect(first).manifest_json) + 13
    m2 = len(inspect(second).manifest_json) + 13
    spliced = second[:m2] + first[m1:]
    with pytest.raises(EnvelopeError):
        open_envelope(spliced, {"kommune-2026": KEY_2026})
    with pytest.raises(EnvelopeError):
        verify_sender_signature(spliced)


def test_file_names_that_could_carry_content_are_refused() -> None:
    with pytest.raises(EnvelopeError):
        _seal(files={"Anna Jensen.pdf": b"x"})
    with pytest.raises(EnvelopeError):
        _seal(files={"../notification.json": b"x"})


def test_a_bad_recipient_key_is_refused_before_anything_is_sealed() -> None:
    with pytest.raises(EnvelopeError) as info:
        seal(
            notification_id=str(uuid.uuid4()),
            form_version="1.0",
            files={"a.json": b"x"},
            recipients=[],
            sender_seed=SEED,
        )
    assert info.value.message_id == "envelope.bad_key"


def test_fingerprint_is_readable_and_stable() -> None:
    public = sender_public_key(bytes(32))
    assert fingerprint(public) == fingerprint(public)
    assert len(fingerprint(public).split(" ")) == 16


@settings(max_examples=25, deadline=None)
@given(
    st.dictionaries(
        st.from_regex(r"[a-z0-9][a-z0-9._-]{0,20}", fullmatch=True),
        st.binary(max_size=2000),
        min_size=1,
        max_size=5,
    )
)
def test_any_set_of_files_round_trips(files: dict[str, bytes]) -> None:
    _, data = _seal(files=files)
    assert open_envelope(data, {"kommune-2026": KEY_2026}).files == files
