"""Write the committed test vectors of envelope format 2 and message format 1, with intermediate values.

    .venv/bin/python forms/schema/envelope-vectors/generate.py

Writes ``vector-2/`` (an envelope to two recipients: one 96-byte format-1 key
file, one 32-byte X-Wing seed; four files; a reply key) and ``message-1/`` (an
orientation back to that reply key). Beside the bytes, ``vector.json`` holds
every value a reader derives on the way (``forms/schema/envelope.md``, "Test
vectors"): the manifest bytes, SHA-256(PREFIX), the HPKE info, per recipient the
X-Wing shared secret, HPKE key and base nonce, the content key, the inner
plaintext's parts, the signed message. The keys are fixed; HPKE encapsulation is
random, so each run gives new envelope bytes: run it only when the format
changes. ``vector-1/`` (format 1) is frozen as format 1's generator wrote it.

The intermediate values are computed here from the private keys, the way a
reader would (X-Wing decapsulation, the RFC 9180 key schedule), and checked
against the project's reader before anything is written.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import struct
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from cryptography.hazmat.primitives.asymmetric import mlkem, x25519  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: E402

from protocol.envelope import open_envelope, seal  # noqa: E402
from protocol.keys import RecipientPrivateKey, fingerprint, sender_public_key, xwing_expand  # noqa: E402
from protocol.messages import Orientation, open_message, seal_message  # noqa: E402
from protocol.replies import ReplyKey  # noqa: E402

NOTIFICATION_ID = "6d1f5c3e-2a4b-4c8d-9e7f-0a1b2c3d4e5f"
SENDER_SEED = bytes(range(32))
# Fixed, fictitious keys. kommune-2026 is a 96-byte key file as format 1 wrote them (its X-Wing
# expansion, written out); kommune-2027 is the standard 32-byte X-Wing seed.
K_LEGACY = RecipientPrivateKey("demo-kommune-2026", hashlib.shake_256(bytes(range(1, 33))).digest(96))
K_SEED = RecipientPrivateKey("demo-kommune-2027", bytes(range(101, 133)))
REPLY = ReplyKey(bytes(range(200, 232)))
MESSAGE_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(50, 82)))
MESSAGE_KEY_ID = "demo-kommune-besked-2026"
FILES = {
    "notification.json": json.dumps(
        {"note": "Fiktiv testunderretning. Barnet er opdigtet: Æblegrød Østergård, født 010199-0000."},
        ensure_ascii=False,
        sort_keys=True,
    ).encode("utf-8"),
    "notification.pdf": b"%PDF-1.7\n% fictitious placeholder, not a real PDF body\n%%EOF\n",
    "attachment-1.jpg": bytes(range(256)),
    "attachment-2.pdf": b"",
}
XWING_LABEL = b"\\.//^\\"
SUITE_ID = b"HPKE" + struct.pack(">HHH", 0x647A, 0x0001, 0x0002)


def _labeled_extract(salt: bytes, label: bytes, ikm: bytes) -> bytes:
    return hmac.new(salt or bytes(32), b"HPKE-v1" + SUITE_ID + label + ikm, hashlib.sha256).digest()


def _labeled_expand(prk: bytes, label: bytes, info: bytes, length: int) -> bytes:
    labeled = struct.pack(">H", length) + b"HPKE-v1" + SUITE_ID + label + info
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + labeled + bytes([counter]), hashlib.sha256).digest()
        out, counter = out + block, counter + 1
    return out[:length]


def hpke_intermediates(private_bytes: bytes, enc: bytes, info: bytes) -> dict[str, str]:
    """X-Wing decapsulation and the RFC 9180 base-mode key schedule, as a reader computes them."""
    mlkem_seed, x_scalar = xwing_expand(private_bytes)
    ml_key = mlkem.MLKEM768PrivateKey.from_seed_bytes(mlkem_seed)
    x_key = x25519.X25519PrivateKey.from_private_bytes(x_scalar)
    ct_m, ct_x = enc[:1088], enc[1088:]
    ss_m = ml_key.decapsulate(ct_m)
    ss_x = x_key.exchange(x25519.X25519PublicKey.from_public_bytes(ct_x))
    pk_x = x_key.public_key().public_bytes_raw()
    shared_secret = hashlib.sha3_256(ss_m + ss_x + ct_x + pk_x + XWING_LABEL).digest()
    context = b"\x00" + _labeled_extract(b"", b"psk_id_hash", b"") + _labeled_extract(b"", b"info_hash", info)
    secret = _labeled_extract(shared_secret, b"secret", b"")
    return {
        "xwing_shared_secret_hex": shared_secret.hex(),
        "hpke_key_schedule_context_hex": context.hex(),
        "hpke_key_hex": _labeled_expand(secret, b"key", context, 32).hex(),
        "hpke_base_nonce_hex": _labeled_expand(secret, b"base_nonce", context, 12).hex(),
    }


def _open_hpke(private_bytes: bytes, sealed: bytes, info: bytes) -> tuple[dict[str, str], bytes]:
    values = hpke_intermediates(private_bytes, sealed[:1120], info)
    plaintext = AESGCM(bytes.fromhex(values["hpke_key_hex"])).decrypt(
        bytes.fromhex(values["hpke_base_nonce_hex"]), sealed[1120:], b""
    )
    return values, plaintext


def _write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def envelope_vector() -> None:
    out = HERE / "vector-2"
    (out / "files").mkdir(parents=True, exist_ok=True)
    envelope = seal(
        notification_id=NOTIFICATION_ID,
        form_version="2.0",
        files=FILES,
        recipients=[K_LEGACY.public(), K_SEED.public()],
        sender_seed=SENDER_SEED,
        reply_key=REPLY.public(),
    )
    (out / "envelope.bin").write_bytes(envelope)
    for name, data in FILES.items():
        (out / "files" / name).write_bytes(data)
    for key in (K_LEGACY, K_SEED):
        _write_json(
            out / f"{key.key_id}.key.json",
            {
                "key_id": key.key_id,
                "private_key": base64.b64encode(key.private_bytes).decode(),
                "public_key": base64.b64encode(key.public().public_key).decode(),
            },
        )
    (manifest_len,) = struct.unpack_from(">I", envelope, 9)
    prefix = envelope[: 13 + manifest_len]
    info = b"underret-envelope-v2 key\x00" + hashlib.sha256(prefix).digest()
    pos = len(prefix) + 1
    recipients, content_keys = [], set()
    for key in (K_LEGACY, K_SEED):
        (length,) = struct.unpack_from(">H", envelope, pos)
        wrapped = envelope[pos + 2 : pos + 2 + length]
        pos += 2 + length
        values, content_key = _open_hpke(key.private_bytes, wrapped, info)
        content_keys.add(content_key)
        recipients.append(
            {
                "key_id": key.key_id,
                "private_key_bytes": len(key.private_bytes),
                "wrapped_key_hex": wrapped.hex(),
                **values,
            }
        )
    assert len(content_keys) == 1
    content_key = content_keys.pop()
    (ct_len,) = struct.unpack_from(">Q", envelope, pos)
    ciphertext = envelope[pos + 8 : pos + 8 + ct_len]
    body = envelope[len(prefix) : pos + 8 + ct_len]
    manifest = json.loads(prefix[13:])
    nonce = base64.b64decode(manifest["payload"]["nonce"])
    plaintext = AESGCM(content_key).decrypt(nonce, ciphertext, prefix)
    (inner_len,) = struct.unpack_from(">I", plaintext, 0)
    for key in (K_LEGACY, K_SEED):
        opened = open_envelope(envelope, {key.key_id: key})
        assert opened.files == FILES and opened.reply_key == REPLY.public()
    signed = (
        b"underret-envelope-v2 signature\x00"
        + hashlib.sha256(prefix).digest()
        + hashlib.sha256(body).digest()
    )
    sender = sender_public_key(SENDER_SEED)
    _write_json(
        out / "vector.json",
        {
            "description": "Underret envelope format 2: two recipients (a 96-byte format-1 key file "
            "and a 32-byte X-Wing seed), four files (one empty), a reply key",
            "notification_id": NOTIFICATION_ID,
            "form_version": "2.0",
            "sender_seed_hex": SENDER_SEED.hex(),
            "sender_public_key_hex": sender.hex(),
            "sender_fingerprint": fingerprint(sender),
            "recipient_key_files": [f"{K_LEGACY.key_id}.key.json", f"{K_SEED.key_id}.key.json"],
            "envelope_file": "envelope.bin",
            "envelope_sha256": hashlib.sha256(envelope).hexdigest(),
            "envelope_length": len(envelope),
            "manifest": prefix[13:].decode("utf-8"),
            "prefix_sha256_hex": hashlib.sha256(prefix).hexdigest(),
            "hpke_info_hex": info.hex(),
            "recipients": recipients,
            "content_key_hex": content_key.hex(),
            "payload_nonce_hex": nonce.hex(),
            "payload_ciphertext_length": len(ciphertext),
            "inner_plaintext_sha256_hex": hashlib.sha256(plaintext).hexdigest(),
            "inner_header": plaintext[4 : 4 + inner_len].decode("utf-8"),
            "reply_key_seed_hex": REPLY.seed.hex(),
            "reply_kem_seed_hex": REPLY.kem_seed.hex(),
            "reply_mailbox_id": REPLY.mailbox_id,
            "body_sha256_hex": hashlib.sha256(body).hexdigest(),
            "signed_message_hex": signed.hex(),
            "signature_hex": envelope[-64:].hex(),
            "files": {name: hashlib.sha256(data).hexdigest() for name, data in FILES.items()},
        },
    )


def message_vector() -> None:
    out = HERE / "message-1"
    out.mkdir(parents=True, exist_ok=True)
    orientation = Orientation(
        NOTIFICATION_ID,
        "3b2f8e1c-7d4a-4f6b-8c9d-1e2f3a4b5c6d",
        datetime(2026, 12, 14, 9, 30, tzinfo=UTC),
        datetime(2026, 12, 11, 13, 0, tzinfo=UTC),
        "investigation",
        "Børne- og Familierådgivningen, Team Øst",
        "SAG-2026/0042",
    )
    data = seal_message(
        orientation, signing_key=MESSAGE_KEY, signing_key_id=MESSAGE_KEY_ID, reply_key=REPLY.public()
    )
    (out / "message.bin").write_bytes(data)
    info = b"underret-message-v1 key\x00" + REPLY.mailbox_id.encode("ascii")
    values, plaintext = _open_hpke(REPLY.kem_seed, data[9:], info)
    (body_len,) = struct.unpack_from(">I", plaintext, 0)
    body = plaintext[4 : 4 + body_len]
    trusted = {MESSAGE_KEY_ID: MESSAGE_KEY.public_key().public_bytes_raw()}
    assert (
        open_message(data, reply_key=REPLY, notification_id=NOTIFICATION_ID, trusted_signing_keys=trusted)
        == orientation
    )
    _write_json(
        out / "vector.json",
        {
            "description": "Underret message format 1: a § 137 orientation to the reply key of "
            "envelope vector-2",
            "message_file": "message.bin",
            "message_sha256": hashlib.sha256(data).hexdigest(),
            "notification_id": NOTIFICATION_ID,
            "reply_key_seed_hex": REPLY.seed.hex(),
            "reply_kem_seed_hex": REPLY.kem_seed.hex(),
            "reply_mailbox_seed_hex": REPLY.mailbox_key().private_bytes_raw().hex(),
            "reply_mailbox_public_key_hex": REPLY.public().mailbox_public_key.hex(),
            "mailbox_id": REPLY.mailbox_id,
            "signing_key_id": MESSAGE_KEY_ID,
            "signing_seed_hex": MESSAGE_KEY.private_bytes_raw().hex(),
            "signing_public_key_b64": base64.b64encode(trusted[MESSAGE_KEY_ID]).decode(),
            "hpke_info_hex": info.hex(),
            **values,
            "body": body.decode("utf-8"),
            "signature_hex": plaintext[4 + body_len :].hex(),
        },
    )


if __name__ == "__main__":
    envelope_vector()
    message_vector()
