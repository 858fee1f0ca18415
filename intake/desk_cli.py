"""The intake's commands for the desks: one-time enrolment tokens and the enrolled desks.

    underret-intake desk-token create --db DB --label TEXT   # shows the token once: IT gives it to one desk
    underret-intake desk-token list|revoke ID --db DB
    underret-intake desks list --db DB
    underret-intake desks revoke DESK_ID --db DB             # the desk can no longer fetch or record
    underret-intake message-keygen --out DIR --key-id ID     # the key the desks sign kvitteringer with
"""

from __future__ import annotations

import argparse
import base64
import json
import os
from datetime import UTC, datetime
from pathlib import Path

from intake.desks import DeskStore
from intake.storage import open_store

DESK_COMMANDS = ("desk-token", "desks", "message-keygen")
MESSAGE_PRIVATE = "message-signing.key.json"
MESSAGE_PUBLIC = "message-signing.pub.json"
_DB_HELP = "the intake's SQLite file or PostgreSQL connection string"


def add_desk_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The desks' administration subcommands."""
    token = sub.add_parser("desk-token", help="one-time tokens that let a receiving desk enrol")
    token.add_argument("action", choices=["create", "list", "revoke"],
                       help="create (prints the one-time token once), list, or revoke ID")
    token.add_argument("id", nargs="?", type=int, help="the token's number (revoke)")
    token.add_argument("--db", required=True, help=_DB_HELP)
    token.add_argument("--label", default="", help="which desk it is for, e.g. 'modtagelsen 2' (create)")
    desks = sub.add_parser("desks", help="enrolled receiving desks (list, revoke)")
    desks.add_argument("action", choices=["list", "revoke"], help="list, or revoke DESK_ID")
    desks.add_argument("desk_id", nargs="?", help="the desk's id (revoke)")
    desks.add_argument("--db", required=True, help=_DB_HELP)
    keygen = sub.add_parser("message-keygen",
                            help="create the message-signing key the desks sign kvitteringer with")
    keygen.add_argument("--out", type=Path, required=True, help="a folder (key files are never overwritten)")
    keygen.add_argument("--key-id", required=True, help="e.g. aeroe-messages-2026")


def generate_message_key(folder: Path, key_id: str) -> tuple[Path, Path]:
    """The message-signing key pair: the private file for the desks' vaults, the public one for the
    municipality directory (``message_keys``). Never overwrites; the private file is owner-only."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from intake.keys import KeyFileExists, KeyIdInvalid
    from protocol.envelope import fingerprint
    from protocol.manifest import KEY_ID

    if not KEY_ID.fullmatch(key_id):
        raise KeyIdInvalid(f"key id {key_id!r} is not a plain name", key_id=key_id)
    private_file, public_file = folder / MESSAGE_PRIVATE, folder / MESSAGE_PUBLIC
    existing = [path.name for path in (private_file, public_file) if path.exists()]
    if existing:
        raise KeyFileExists(f"{', '.join(existing)} already in {folder}; keys are never overwritten",
                            file=existing[0])
    folder.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes_raw()
    descriptor = os.open(private_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        json.dump({"key_id": key_id, "seed": base64.b64encode(key.private_bytes_raw()).decode("ascii")},
                  handle, indent=2)
    public_file.write_text(json.dumps({"key_id": key_id,
                                       "public_key": base64.b64encode(public).decode("ascii"),
                                       "fingerprint": fingerprint(public)}, indent=2), encoding="ascii")
    return private_file, public_file


def run_desk_admin(args: argparse.Namespace) -> int:
    """Run one desk command."""
    from intake.admin_cli import local

    if args.command == "message-keygen":
        private_file, public_file = generate_message_key(args.out, args.key_id)
        print(f"message-signing key for the desks: {private_file}")
        print(f"public key for the municipality directory: {public_file}")
        return 0
    now = datetime.now(UTC)
    store = open_store(args.db)
    try:
        desks = DeskStore(store)
        if args.command == "desk-token":
            if args.action == "create":
                token, made = desks.create_token(args.label, now)
                print(f"desk token {made.id} ({made.label or 'no label'}): {token}")
                print("Give it to one desk (Set up desk); it works once and is not shown again.")
            elif args.action == "list":
                print("id\tcreated\tused\trevoked\tlabel")
                for item in desks.tokens():
                    used = local(item.used_at) if item.used_at else "-"
                    revoked = local(item.revoked_at) if item.revoked_at else "-"
                    print(f"{item.id}\t{local(item.created_at)}\t{used}\t{revoked}\t{item.label}")
            else:
                if args.id is None or not desks.revoke_token(args.id, now):
                    print("no such unrevoked desk token")
                    return 1
                print(f"desk token {args.id} revoked")
            return 0
        if args.action == "list":
            print("id\tenrolled\tvia\trevoked\tname")
            for desk in desks.desks():
                revoked = local(desk.revoked_at) if desk.revoked_at else "-"
                print(f"{desk.id}\t{local(desk.enrolled_at)}\t{desk.via}\t{revoked}\t{desk.name}")
            return 0
        if not args.desk_id or not desks.revoke_desk(args.desk_id, now):
            print("no such active desk")
            return 1
        print(f"desk {args.desk_id} revoked")
        return 0
    finally:
        store.close()
