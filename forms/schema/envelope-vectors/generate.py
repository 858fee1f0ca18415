"""Regenerate the committed envelope test vector (run only when the format version changes).

    .venv/bin/python forms/schema/envelope-vectors/generate.py

Writes ``vector-1/``: two recipient private keys, the sender seed, the
plaintext files, the sealed ``envelope.bin`` and ``vector.json`` describing
them. HPKE encapsulation and the content key are random, so a new run gives
different envelope bytes; the test only checks that the committed bytes open.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from protocol.envelope import (  # noqa: E402
    RecipientPrivateKey,
    fingerprint,
    inspect,
    seal,
    sender_public_key,
)

NOTIFICATION_ID = "0f8e3c1a-5b7d-4e29-9a61-3c2b1d0e4f57"
SENDER_SEED = bytes(range(32))
# Fixed, fictitious keys: 64-byte ML-KEM seed || 32-byte X25519 private key.
K1 = RecipientPrivateKey("demo-kommune-2026", bytes(range(1, 97)))
K2 = RecipientPrivateKey("demo-kommune-2027", bytes(range(101, 197)))
FILES = {
    "notification.json": json.dumps(
        {"note": "Fiktiv testunderretning. Barnet er opdigtet: Æblegrød Østergård, født 010199-0000."},
        ensure_ascii=False,
        sort_keys=True,
    ).encode("utf-8"),
    "notification.pdf": b"%PDF-1.4\n% fictitious placeholder, not a real PDF body\n%%EOF\n",
    "attachment-1.bin": bytes(range(256)),
}


def main() -> None:
    out = HERE / "vector-1"
    (out / "files").mkdir(parents=True, exist_ok=True)
    envelope = seal(
        notification_id=NOTIFICATION_ID,
        form_version="1.0",
        files=FILES,
        recipients=[K1.public(), K2.public()],
        sender_seed=SENDER_SEED,
    )
    (out / "envelope.bin").write_bytes(envelope)
    for name, data in FILES.items():
        (out / "files" / name).write_bytes(data)
    for key in (K1, K2):
        (out / f"{key.key_id}.key.json").write_text(
            json.dumps(
                {
                    "key_id": key.key_id,
                    "private_key": base64.b64encode(key.private_bytes).decode(),
                    "public_key": base64.b64encode(key.public().public_key).decode(),
                },
                indent=2,
            )
            + "\n"
        )
    header = inspect(envelope)
    sender = sender_public_key(SENDER_SEED)
    (out / "vector.json").write_text(
        json.dumps(
            {
                "description": "Underret envelope v1, two recipients, three files",
                "notification_id": NOTIFICATION_ID,
                "form_version": "1.0",
                "sender_seed_hex": SENDER_SEED.hex(),
                "sender_public_key_hex": sender.hex(),
                "sender_fingerprint": fingerprint(sender),
                "recipient_key_files": [f"{K1.key_id}.key.json", f"{K2.key_id}.key.json"],
                "envelope_file": "envelope.bin",
                "envelope_sha256": hashlib.sha256(envelope).hexdigest(),
                "envelope_length": len(envelope),
                "manifest": header.manifest_json.decode("ascii"),
                "files": {name: hashlib.sha256(data).hexdigest() for name, data in FILES.items()},
            },
            indent=2,
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
