"""The intake's administration commands: enrolment tokens, sender keys, purge, backup and restore.

    underret-intake token create --db DB --label TEXT   # shows the token once: it goes into the policy
    underret-intake token list|revoke ID --db DB
    underret-intake senders list --db DB
    underret-intake senders revoke FINGERPRINT --db DB      # the whole fingerprint, or a unique start (8+)
    underret-intake purge --db DB [--yes]                   # envelopes from unenrolled or revoked sender keys
    underret-intake backup --db DB --out FILE               # while the intake runs
    underret-intake restore FILE --db NEW_DB
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from intake.backup import backup, restore
from intake.storage import open_store

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
_DB_HELP = "the intake's SQLite file or PostgreSQL connection string"


def local(when: datetime) -> str:
    """A time as Danish local time (what the municipality's staff read)."""
    return when.astimezone(COPENHAGEN).strftime("%Y-%m-%d %H:%M:%S %Z")


def add_admin_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The administration subcommands."""
    token = sub.add_parser("token", help="enrolment tokens for the PCs' policy (create, list, revoke)")
    token.add_argument("action", choices=["create", "list", "revoke"],
                       help="create (prints the token once), list, or revoke ID")
    token.add_argument("id", nargs="?", type=int, help="the token's number (revoke)")
    token.add_argument("--db", required=True, help=_DB_HELP)
    token.add_argument("--label", default="", help="what the token is for, e.g. 'skoler 2026' (create)")
    senders = sub.add_parser("senders", help="enrolled sender keys (list, revoke)")
    senders.add_argument("action", choices=["list", "revoke"],
                         help="list, or revoke FINGERPRINT (8 or more characters of it)")
    senders.add_argument("fingerprint", nargs="?",
                         help="the key's fingerprint or a unique start of it (revoke)")
    senders.add_argument("--db", required=True, help=_DB_HELP)
    purge = sub.add_parser("purge",
                           help="remove envelopes from sender keys that are not enrolled or are revoked")
    purge.add_argument("--db", required=True, help=_DB_HELP)
    purge.add_argument("--yes", action="store_true", help="remove them (without it, only list them)")
    back = sub.add_parser("backup", help="back up the database while the intake runs")
    back.add_argument("--db", required=True, help=_DB_HELP)
    back.add_argument("--out", type=Path, required=True, help="a new file (owner-only)")
    rest = sub.add_parser("restore", help="restore a backup into a new SQLite file or an empty PostgreSQL db")
    rest.add_argument("file", type=Path, help="a backup made by `backup`")
    rest.add_argument("--db", required=True, help=_DB_HELP)


ADMIN_COMMANDS = ("token", "senders", "purge", "backup", "restore")


def run_admin(args: argparse.Namespace) -> int:
    """Run one administration command (UnderretError subclasses are reported by the caller)."""
    now = datetime.now(UTC)
    if args.command == "backup":
        count = backup(args.db, args.out)
        print(f"backed up {count} envelopes to {args.out}")
        return 0
    if args.command == "restore":
        count = restore(args.file, args.db)
        print(f"restored {count} envelopes into {args.db}")
        return 0
    store = open_store(args.db)
    try:
        if args.command == "token":
            if args.action == "create":
                token, made = store.create_token(args.label, now)
                print(f"token {made.id} ({made.label or 'no label'}): {token}")
                print("Put it in the PCs' policy as intake_enrolment_token; it is not shown again.")
            elif args.action == "list":
                print("id\tcreated\trevoked\tlabel")
                for item in store.tokens():
                    revoked = local(item.revoked_at) if item.revoked_at else "-"
                    print(f"{item.id}\t{local(item.created_at)}\t{revoked}\t{item.label}")
            else:
                if args.id is None or not store.revoke_token(args.id, now):
                    print(f"error: intake.token_unknown: no active token {args.id}", file=sys.stderr)
                    return 1
                print(f"token {args.id} revoked: it enrols no more PCs (keys it enrolled stay enrolled)")
            return 0
        if args.command == "senders":
            if args.action == "list":
                print("fingerprint\tenrolled\trevoked\ttoken")
                for sender in store.senders():
                    revoked = local(sender.revoked_at) if sender.revoked_at else "-"
                    print(f"{sender.fingerprint}\t{local(sender.enrolled_at)}\t{revoked}\t{sender.token_id}")
                return 0
            wanted = args.fingerprint or ""
            matched = store.revoke_sender(wanted, now)
            if len(wanted.replace(" ", "")) < 8 or len(matched) != 1:
                detail = f"{len(matched)} keys match" if matched else "no active key matches"
                print(f"error: intake.sender_unknown: {detail} {wanted!r}; give 8 or more characters of one "
                      "fingerprint (senders list shows them)", file=sys.stderr)
                return 1
            print(f"revoked {matched[0].fingerprint}; `purge` removes the envelopes it sent")
            return 0
        found = store.unenrolled_envelopes()
        for summary in found:
            print(f"{summary.seq}\t{summary.reference}\t{local(summary.received_at)}\t{summary.size} bytes\t"
                  f"sender {summary.sender_fingerprint}")
        if not args.yes:
            print(f"{len(found)} envelopes from unenrolled or revoked senders; run again with --yes to "
                  "remove them")
            return 0
        removed = store.delete_envelopes([summary.seq for summary in found])
        print(f"removed {removed} envelopes from unenrolled or revoked senders")
        return 0
    finally:
        store.close()
