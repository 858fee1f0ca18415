"""``underret-pack``: the municipality's tool to make signing keys, sign packs and check them.

::

    underret-pack keygen --out DIR [--id KEY_ID]   # DIR/<id>.key (private) and DIR/<id>.pub
    underret-pack sign PACK.yaml --key DIR/<id>.key  # writes PACK.yaml.sig
    underret-pack verify PACK.yaml --trusted DIR/<id>.pub [more.pub ...]

``verify`` checks exactly what the app checks before taking a pack: the
signature against the given public keys, then the pack schema. Exit status 0
means the app would accept the pack, 1 that it would refuse it.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from desktop.config.pack_signing import (
    SIGNATURE_SUFFIX,
    PackSignatureError,
    SigningKeyError,
    generate_key_pair,
    load_signing_key,
    load_trusted_key,
    sign_pack_file,
    verify_pack,
)
from desktop.errors import UnderretError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="underret-pack",
                                     description="Sign and verify Underret guideline packs.")
    commands = parser.add_subparsers(dest="command", required=True)
    keygen = commands.add_parser("keygen", help="create a new Ed25519 pack signing key pair")
    keygen.add_argument("--out", type=Path, required=True, help="folder for <id>.key and <id>.pub")
    keygen.add_argument("--id", dest="key_id", default=None,
                        help="key id written in signatures (default: pack-YYYYMMDD)")
    sign = commands.add_parser("sign", help="write PACK.sig next to PACK")
    sign.add_argument("pack", type=Path)
    sign.add_argument("--key", type=Path, required=True, help="the private <id>.key file")
    verify = commands.add_parser("verify", help="check PACK's signature and schema as the app does")
    verify.add_argument("pack", type=Path)
    verify.add_argument("--trusted", type=Path, nargs="+", required=True, help="public <id>.pub file(s)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``underret-pack``."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    try:
        if args.command == "keygen":
            return _keygen(args.out, args.key_id)
        if args.command == "sign":
            return _sign(args.pack, args.key)
        return _verify(args.pack, args.trusted)
    except (UnderretError, OSError) as exc:
        print(f"underret-pack: {exc}", file=sys.stderr)
        return 1


def _keygen(out: Path, key_id: str | None) -> int:
    key_id = key_id or datetime.now(UTC).strftime("pack-%Y%m%d")
    try:
        private_path, public_path = generate_key_pair(key_id, out)
    except ValueError:
        print(f"underret-pack: invalid key id {key_id!r}: use letters, digits, '.', '_' and '-'",
              file=sys.stderr)
        return 2
    except FileExistsError as exc:
        print(f"underret-pack: {exc}", file=sys.stderr)
        return 1
    entry = json.loads(public_path.read_text("utf-8"))
    print(f"private key: {private_path}  (keep it secret and off the file share)")
    print(f"public key:  {public_path}")
    print("add this to trusted_pack_keys in the policy:")
    print(json.dumps(entry))
    return 0


def _sign(pack: Path, key_file: Path) -> int:
    key = load_signing_key(key_file)
    signature = sign_pack_file(pack, key)
    print(f"signed {pack.name} with key {key.key_id}: {signature}")
    return 0


def _verify(pack: Path, trusted_files: list[Path]) -> int:
    from desktop.domain.packs import PackInvalid, load_pack_bytes

    try:
        trusted = [load_trusted_key(path) for path in trusted_files]
    except SigningKeyError as exc:
        print(f"underret-pack: {exc}", file=sys.stderr)
        return 2
    data = pack.read_bytes()
    sig_path = pack.with_name(pack.name + SIGNATURE_SUFFIX)
    signature = sig_path.read_bytes() if sig_path.is_file() else None
    try:
        key_id = verify_pack(data, signature, trusted)
        loaded = load_pack_bytes(data, pack.name)
    except PackSignatureError as exc:
        print(f"REFUSED {pack.name}: {exc} ({exc.message_id})", file=sys.stderr)
        return 1
    except PackInvalid as exc:
        print(f"REFUSED {pack.name}: {exc} ({exc.message_id})", file=sys.stderr)
        return 1
    print(f"OK {pack.name}: pack {loaded.id} version {loaded.version}, signed by {key_id}")
    return 0
