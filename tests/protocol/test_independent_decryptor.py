"""An independent minimal reader, written only from envelope.md and messages.md, opens the vectors.

It imports nothing of the project: X-Wing decapsulation from the 32-byte seed
(or a 96-byte format-1 key), the RFC 9180 key schedule, AES-256-GCM, Ed25519
and RFC 8785 are done here from the primitives, step by step as the spec says,
and every intermediate value the vectors list is compared on the way. If the
spec left out a step, this reader could not open the vectors.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import struct
from pathlib import Path
from typing import Any

import rfc8785
from cryptography.hazmat.primitives.asymmetric import mlkem, x25519
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

VECTORS = Path(__file__).resolve().parents[2] / "forms" / "schema" / "envelope-vectors"
KAT = Path(__file__).resolve().parent / "data" / "xwing-kat.json"
SUITE_ID = b"HPKE" + bytes.fromhex("647a") + bytes.fromhex("0001") + bytes.fromhex("0002")


def expand(private_key: bytes) -> tuple[mlkem.MLKEM768PrivateKey, x25519.X25519PrivateKey]:
    """A 32-byte X-Wing seed -> SHAKE256(seed, 96); a 96-byte key file already is that expansion."""
    expanded = hashlib.shake_256(private_key).digest(96) if len(private_key) == 32 else private_key
    assert len(expanded) == 96
    return (
        mlkem.MLKEM768PrivateKey.from_seed_bytes(expanded[:64]),
        x25519.X25519PrivateKey.from_private_bytes(expanded[64:]),
    )


def xwing_decaps(private_key: bytes, enc: bytes) -> bytes:
    ml_key, x_key = expand(private_key)
    ct_m, ct_x = enc[:1088], enc[1088:1120]
    ss_m = ml_key.decapsulate(ct_m)
    ss_x = x_key.exchange(x25519.X25519PublicKey.from_public_bytes(ct_x))
    return hashlib.sha3_256(ss_m + ss_x + ct_x + x_key.public_key().public_bytes_raw() + b"\\.//^\\").digest()


def extract(salt: bytes, label: bytes, ikm: bytes) -> bytes:
    return hmac.new(
        salt if salt else b"\x00" * 32, b"HPKE-v1" + SUITE_ID + label + ikm, hashlib.sha256
    ).digest()


def expand_label(prk: bytes, label: bytes, info: bytes, length: int) -> bytes:
    info_full = length.to_bytes(2, "big") + b"HPKE-v1" + SUITE_ID + label + info
    okm, t, i = b"", b"", 1
    while len(okm) < length:
        t = hmac.new(prk, t + info_full + bytes([i]), hashlib.sha256).digest()
        okm += t
        i += 1
    return okm[:length]


def hpke_open(private_key: bytes, sealed: bytes, info: bytes) -> tuple[bytes, dict[str, str]]:
    shared = xwing_decaps(private_key, sealed[:1120])
    context = b"\x00" + extract(b"", b"psk_id_hash", b"") + extract(b"", b"info_hash", info)
    secret = extract(shared, b"secret", b"")
    key, nonce = expand_label(secret, b"key", context, 32), expand_label(secret, b"base_nonce", context, 12)
    values = {
        "xwing_shared_secret_hex": shared.hex(),
        "hpke_key_schedule_context_hex": context.hex(),
        "hpke_key_hex": key.hex(),
        "hpke_base_nonce_hex": nonce.hex(),
    }
    return AESGCM(key).decrypt(nonce, sealed[1120:], b""), values


def canonical(data: bytes) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(data)
    assert rfc8785.dumps(value) == data
    return value


def read_envelope(data: bytes, private_key: bytes, key_id: str) -> dict[str, Any]:
    """Open an envelope as the spec's "Opening" section says; returns what was found and derived."""
    assert data[:8] == b"UNDRTENV"
    version = data[8]
    (manifest_len,) = struct.unpack(">I", data[9:13])
    prefix = data[: 13 + manifest_len]
    manifest = canonical(prefix[13:])
    assert manifest["version"] == version
    pos = len(prefix)
    count = data[pos]
    pos += 1
    wrapped = []
    for _ in range(count):
        (length,) = struct.unpack(">H", data[pos : pos + 2])
        assert length == 1168
        wrapped.append(data[pos + 2 : pos + 2 + length])
        pos += 2 + length
    (ct_len,) = struct.unpack(">Q", data[pos : pos + 8])
    ciphertext = data[pos + 8 : pos + 8 + ct_len]
    body, signature = data[len(prefix) : pos + 8 + ct_len], data[pos + 8 + ct_len :]
    assert len(signature) == 64
    label = f"underret-envelope-v{version}".encode()
    signed = label + b" signature\x00" + hashlib.sha256(prefix).digest() + hashlib.sha256(body).digest()
    Ed25519PublicKey.from_public_bytes(base64.b64decode(manifest["sender"]["public_key"])).verify(
        signature, signed
    )
    index = [r["key_id"] for r in manifest["recipients"]].index(key_id)
    info = label + b" key\x00" + hashlib.sha256(prefix).digest()
    content_key, values = hpke_open(private_key, wrapped[index], info)
    assert len(content_key) == 32
    plaintext = AESGCM(content_key).decrypt(
        base64.b64decode(manifest["payload"]["nonce"]), ciphertext, prefix
    )
    pos, inner_header = 0, None
    if version == 2:
        (inner_len,) = struct.unpack(">I", plaintext[:4])
        inner_header = canonical(plaintext[4 : 4 + inner_len])
        pos = 4 + inner_len
    files: dict[str, bytes] = {}
    while pos < len(plaintext):
        name_len = plaintext[pos]
        name = plaintext[pos + 1 : pos + 1 + name_len].decode("ascii")
        (size,) = struct.unpack(">Q", plaintext[pos + 1 + name_len : pos + 9 + name_len])
        files[name] = plaintext[pos + 9 + name_len : pos + 9 + name_len + size]
        pos += 9 + name_len + size
    assert list(files) == [f["name"] for f in manifest["files"]]
    for entry in manifest["files"]:
        assert hashlib.sha256(files[entry["name"]]).hexdigest() == entry["sha256"]
    return {
        "files": files,
        "manifest": manifest,
        "inner_header": inner_header,
        "content_key": content_key,
        "info": info,
        "prefix": prefix,
        "signed": signed,
        "plaintext": plaintext,
        "values": values,
    }


def _private_key(folder: Path, key_file: str) -> tuple[str, bytes]:
    value = json.loads((folder / key_file).read_text())
    return value["key_id"], base64.b64decode(value["private_key"])


def test_the_x_wing_expansion_and_combiner_match_the_drafts_own_vector() -> None:
    kat = json.loads(KAT.read_text())
    ml_key, x_key = expand(bytes.fromhex(kat["sk"]))
    assert (ml_key.public_key().public_bytes_raw() + x_key.public_key().public_bytes_raw()).hex() == kat["pk"]
    assert xwing_decaps(bytes.fromhex(kat["sk"]), bytes.fromhex(kat["ct"])).hex() == kat["ss"]


def test_format_2_vector_opens_and_every_intermediate_value_matches() -> None:
    folder = VECTORS / "vector-2"
    meta = json.loads((folder / "vector.json").read_text())
    data = (folder / meta["envelope_file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == meta["envelope_sha256"]
    for key_file, expected in zip(meta["recipient_key_files"], meta["recipients"], strict=True):
        key_id, private_key = _private_key(folder, key_file)
        assert len(private_key) == expected["private_key_bytes"]
        opened = read_envelope(data, private_key, key_id)
        assert opened["prefix"][13:].decode() == meta["manifest"]
        assert hashlib.sha256(opened["prefix"]).hexdigest() == meta["prefix_sha256_hex"]
        assert opened["info"].hex() == meta["hpke_info_hex"]
        assert opened["values"] == {k: expected[k] for k in opened["values"]}
        assert opened["content_key"].hex() == meta["content_key_hex"]
        assert hashlib.sha256(opened["plaintext"]).hexdigest() == meta["inner_plaintext_sha256_hex"]
        assert rfc8785.dumps(opened["inner_header"]).decode() == meta["inner_header"]
        assert opened["signed"].hex() == meta["signed_message_hex"]
        assert {n: hashlib.sha256(d).hexdigest() for n, d in opened["files"].items()} == meta["files"]
        assert opened["files"] == {p.name: p.read_bytes() for p in (folder / "files").iterdir()}
    reply = opened["inner_header"]["reply_key"]
    mailbox_key = base64.b64decode(reply["mailbox_public_key"])
    assert hashlib.sha256(b"underret-mailbox-v1\x00" + mailbox_key).hexdigest() == meta["reply_mailbox_id"]


def test_format_1_vector_still_opens() -> None:
    folder = VECTORS / "vector-1"
    meta = json.loads((folder / "vector.json").read_text())
    data = (folder / meta["envelope_file"]).read_bytes()
    for key_file in meta["recipient_key_files"]:
        key_id, private_key = _private_key(folder, key_file)
        opened = read_envelope(data, private_key, key_id)
        assert opened["inner_header"] is None
        assert opened["files"] == {p.name: p.read_bytes() for p in (folder / "files").iterdir()}


def test_the_message_vector_opens_with_the_reply_key_derived_from_its_seed() -> None:
    folder = VECTORS / "message-1"
    meta = json.loads((folder / "vector.json").read_text())
    data = (folder / meta["message_file"]).read_bytes()
    seed = bytes.fromhex(meta["reply_key_seed_hex"])

    def hkdf(info: bytes) -> bytes:
        prk = hmac.new(b"\x00" * 32, seed, hashlib.sha256).digest()
        return hmac.new(prk, info + b"\x01", hashlib.sha256).digest()

    kem_seed = hkdf(b"underret-reply-v1 kem")
    assert kem_seed.hex() == meta["reply_kem_seed_hex"]
    assert hkdf(b"underret-reply-v1 mailbox").hex() == meta["reply_mailbox_seed_hex"]
    mailbox_public = bytes.fromhex(meta["reply_mailbox_public_key_hex"])
    mailbox = hashlib.sha256(b"underret-mailbox-v1\x00" + mailbox_public).hexdigest()
    assert mailbox == meta["mailbox_id"]
    assert data[:9] == b"UNDRTMSG\x01"
    info = b"underret-message-v1 key\x00" + mailbox.encode()
    assert info.hex() == meta["hpke_info_hex"]
    plaintext, values = hpke_open(kem_seed, data[9:], info)
    assert values == {k: meta[k] for k in values}
    (body_len,) = struct.unpack(">I", plaintext[:4])
    body, signature = plaintext[4 : 4 + body_len], plaintext[4 + body_len :]
    assert len(signature) == 64 and body.decode() == meta["body"]
    public = base64.b64decode(meta["signing_public_key_b64"])
    Ed25519PublicKey.from_public_bytes(public).verify(signature, b"underret-message-v1 signature\x00" + body)
    value = canonical(body)
    assert value["notification_id"] == meta["notification_id"] and value["mailbox"] == mailbox
    assert value["kind"] == "orientation" and value["orientation"]["outcome"] == "investigation"
