"""``underret-intake export``: decrypted notifications as JSON Lines and CSV for the case system.

    underret-intake export --db intake.sqlite --key recipient.key.json --out FOLDER [ID ...]
    underret-intake export --file underretning-XXXX.underret --key recipient.key.json --out FOLDER

Every envelope in the database (or the ones named by number, reference or notification id, or
envelope files saved from a secure e-mail) is checked and decrypted in memory with the given key
files, exactly as ``decrypt`` does; then :func:`protocol.export.write_export` writes
``notifications.jsonl`` (schema v2, one notification per line), ``notifications.csv`` (one row
per notification, codes beside their Danish labels) and each notification's PDF and attachments
beside them, into a new or empty owner-only folder (0600 files, no symlink followed). Nothing
is written unless every notification could be opened and checked.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from protocol.errors import UnderretError
from protocol.export import FORMATS, ExportRefused, check_out_folder, write_export

#: Refusals that are about what was given on the command line (exit status 2, as argparse's own).
_USAGE = frozenset({"export.out_not_empty", "export.out_not_a_folder", "export.out_not_yours",
                    "export.out_unusable", "export.bad_format"})


def add_export_parser(sub: Any) -> None:
    """The ``export`` subcommand (registered by intake/cli.py)."""
    export = sub.add_parser(
        "export",
        help="decrypt notifications into JSON Lines and CSV (with PDFs and attachments) for a case system",
    )
    export.add_argument("id", nargs="*",
                        help="sequence numbers, references or notification UUIDs (default: all)")
    export.add_argument("--db", help="the intake's database (SQLite file or PostgreSQL connection string)")
    export.add_argument("--file", type=Path, action="append", default=[],
                        help="an envelope file saved from a secure e-mail (repeatable)")
    export.add_argument("--key", type=Path, required=True, action="append",
                        help="recipient.key.json (repeatable)")
    export.add_argument("--out", type=Path, required=True, help="a new or empty folder (made owner-only)")
    export.add_argument("--format", default=",".join(FORMATS),
                        help="jsonl, csv or both, comma-separated (default: jsonl,csv)")
    export.add_argument("--pack", type=Path, action="append", default=[],
                        help="the municipality's guideline pack (.yaml), for the words of its signals in "
                             "the CSV (the shipped packs are always known)")


def run_export(args: argparse.Namespace) -> int:
    """Export; exit status 0 done, 1 a notification could not be exported, 2 a usage problem."""
    from intake import cli

    formats = [f.strip() for f in str(args.format).split(",") if f.strip()]
    if args.db is None and not args.file:
        print("export needs --db (the intake's database) or --file (envelope files saved from secure e-mail)",
              file=sys.stderr)
        return 2
    if args.id and args.db is None:
        print("numbers, references or ids need --db", file=sys.stderr)
        return 2
    try:
        check_out_folder(args.out)
        notifications: list[Mapping[str, bytes]] = []
        if args.db is not None:
            with cli._reading(args.db) as store:
                items = [store.get(i) for i in args.id] if args.id else list(store.list())
                missing = [i for i, item in zip(args.id, items, strict=False) if item is None]
                if missing:
                    print(f"no envelope {', '.join(map(repr, missing))} in {args.db}; nothing was written",
                          file=sys.stderr)
                    return 1
                for item in items:
                    assert item is not None
                    opened = cli._open_checked(item.envelope, f"envelope {item.seq}", args.key)
                    notifications.append(opened.files)
        for path in args.file:
            opened = cli._open_checked(cli._read_envelope_file(path), path.name, args.key)
            notifications.append(opened.files)
        written = write_export(args.out, notifications, formats=formats, pack_files=args.pack)
    except ExportRefused as exc:
        print(f"error: {exc.message_id}: {exc}", file=sys.stderr)
        return 2 if exc.message_id in _USAGE else 1
    except UnderretError as exc:
        print(f"error: {exc.message_id}: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, cli._USAGE_ERRORS) else 1
    print(f"exported {len(notifications)} envelope(s) into {args.out}")
    for path in written:
        print(f"wrote {path.relative_to(args.out)}")
    return 0
