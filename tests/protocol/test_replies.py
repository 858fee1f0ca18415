"""Reply keys and mailbox requests: only the holder of a notification's reply key reads its mailbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from protocol.errors import MailboxRequestInvalid
from protocol.replies import (
    KEY_HEADER,
    SIGNATURE_HEADER,
    TIME_HEADER,
    ReplyKey,
    ReplyPublicKey,
    is_mailbox_id,
    sign_mailbox_request,
    verify_mailbox_request,
)

NOW = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)


def _path(key: ReplyKey) -> str:
    return f"/v1/mailboxes/{key.mailbox_id}/messages?after=0"


def _refused(mailbox: str, headers: dict[str, str], path: str, now: datetime, message_id: str) -> None:
    with pytest.raises(MailboxRequestInvalid) as caught:
        verify_mailbox_request(mailbox, headers, method="GET", path=path, now=now)
    assert caught.value.message_id == message_id


def test_each_notification_gets_its_own_unlinkable_mailbox_from_a_32_byte_seed() -> None:
    first, second = ReplyKey.generate(), ReplyKey.generate()
    assert first.mailbox_id != second.mailbox_id and is_mailbox_id(first.mailbox_id)
    assert ReplyKey(first.seed).public() == first.public()  # the seed is all the vault keeps
    assert ReplyPublicKey.from_json_value(first.public().to_json_value()) == first.public()


def test_the_holder_of_the_reply_key_is_let_in_and_the_intake_learns_only_the_mailbox() -> None:
    key = ReplyKey.generate()
    headers = sign_mailbox_request(key, method="GET", path=_path(key), when=NOW)
    verify_mailbox_request(
        key.mailbox_id, headers, method="GET", path=_path(key), now=NOW + timedelta(seconds=30)
    )


def test_someone_elses_key_a_changed_path_a_stale_or_a_damaged_request_is_refused() -> None:
    key, other = ReplyKey.generate(), ReplyKey.generate()
    headers = sign_mailbox_request(key, method="GET", path=_path(key), when=NOW)
    _refused(other.mailbox_id, headers, _path(other), NOW, "mailbox.key_mismatch")
    _refused(
        key.mailbox_id, headers, _path(key).replace("after=0", "after=5"), NOW, "mailbox.signature_invalid"
    )
    _refused(key.mailbox_id, headers, _path(key), NOW + timedelta(minutes=6), "mailbox.stale")
    _refused(key.mailbox_id, headers, _path(key), NOW - timedelta(minutes=6), "mailbox.stale")
    for name in (KEY_HEADER, TIME_HEADER, SIGNATURE_HEADER):
        partial = {k: v for k, v in headers.items() if k != name}
        _refused(key.mailbox_id, partial, _path(key), NOW, "mailbox.malformed")
    _refused(key.mailbox_id, dict(headers, **{TIME_HEADER: "01"}), _path(key), NOW, "mailbox.malformed")
    _refused("not-a-mailbox", headers, _path(key), NOW, "mailbox.malformed")


@pytest.mark.parametrize(
    "value",
    [
        None,
        {},
        {"kem": "MLKEM768-X25519"},
        {
            "kem": "MLKEM768-X25519",
            "public_key": "AA==",
            "mailbox_alg": "Ed25519",
            "mailbox_public_key": "AA==",
        },
    ],
)
def test_a_reply_key_object_other_than_specified_is_refused(value: object) -> None:
    with pytest.raises(ValueError):
        ReplyPublicKey.from_json_value(value)
