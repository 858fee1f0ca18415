"""``underret-intake``: run the reference intake, list what arrived, decrypt one envelope.

    underret-intake keygen --out DIR [--key-id ID] [--recipient-only]
    underret-intake demo-tls --out DIR [--host 127.0.0.1]
    underret-intake serve --db FILE --receipt-key FILE --cert FILE --key FILE [--host H] [--port P]
                          [--accept-key recipient.pub.json ...]
    underret-intake list --db FILE
    underret-intake decrypt ID --db FILE --key FILE [--key FILE] --out DIR
    underret-intake decrypt --file underretning-REF.underret --key FILE [--key FILE] --out DIR

Decrypting writes the notification's files into DIR (created owner-only; the
files owner-only too, nowhere else) and reports whether the sender's signature
is valid and the sender key's fingerprint, which the caseworker compares with
the enrolled one. DIR must be new or empty: a folder that holds anything is
refused (nothing there is overwritten), an empty one others may read is made
owner-only first, a symbolic link is never followed, and if a write fails (a
full disk) the files written so far are removed again and the message says so.
``list`` and ``decrypt`` open the database read-only and only if it exists: a
mistyped ``--db`` creates nothing.

Exit codes: 0 done; 1 the envelope could not be opened or written (not found,
damaged, wrong key, write failed); 2 what was given on the command line cannot
be used (options, ``--key``, ``--out``, or a ``--db`` that is missing, not the
intake's or damaged). A refusal is one line on
stderr, ``error: <message id>: <sentence>`` where it has an id.

``--file`` opens an envelope saved from a secure e-mail (the attachment
``underretning-<REF>.underret``) with the same checks as one from the
database: the signature is verified before anything is decrypted, and a file
that is not an envelope, is damaged, or is sealed to none of the given keys is
refused with a sentence saying so, and nothing is written.

Key rotation: ``keygen --recipient-only`` makes a new recipient key pair
without a new receipt key; ``serve --accept-key`` (repeatable) names the
recipient keys the municipality holds, and envelopes sealed to none of them
are refused (422); ``decrypt --key`` (repeatable) opens an envelope with
whichever of the given keys it is sealed to.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sqlite3
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from intake import keys
from intake.admin_cli import ADMIN_COMMANDS, add_admin_parsers, local, run_admin
from intake.desk_cli import DESK_COMMANDS, add_desk_parsers, run_desk_admin
from intake.export import add_export_parser, run_export
from intake.serve_cli import add_serve_parser, run_serve
from intake.settings import DEFAULT_MAX_BODY
from intake.storage import IntakeDatabaseUnavailable, IntakeStore, open_store
from intake.tls import CertificateAuthority
from protocol.envelope import (
    MAGIC,
    EnvelopeError,
    OpenedEnvelope,
    RecipientPrivateKey,
    fingerprint,
    open_envelope,
    verify_sender_signature,
)
from protocol.errors import UnderretError
from protocol.receivable import unexpected_files
from protocol.references import reference_of


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="underret-intake", description="Underret reference intake service")
    sub = parser.add_subparsers(dest="command", required=True)

    keygen = sub.add_parser("keygen", help="create the recipient key pair and the receipt signing key")
    keygen.add_argument("--out", type=Path, required=True,
                        help="folder for the key files (made if missing; key files are never overwritten)")
    keygen.add_argument("--key-id", default="intake-1",
                        help="the key's name in the pack or policy, e.g. kommune-2026 (default %(default)s)")
    keygen.add_argument(
        "--recipient-only",
        action="store_true",
        help="only a new recipient key pair (key rotation; the receipt signing key stays as it is)",
    )

    demo_tls = sub.add_parser("demo-tls", help="make a throwaway CA and loopback server certificate")
    demo_tls.add_argument("--out", type=Path, required=True,
                          help="folder for ca.crt, server.crt and server.key (files there are replaced)")
    demo_tls.add_argument("--host", default="127.0.0.1",
                          help="the IP address the server certificate is for (default %(default)s)")

    add_serve_parser(sub)
    add_admin_parsers(sub)
    add_desk_parsers(sub)
    add_export_parser(sub)

    listing = sub.add_parser("list", help="list received envelopes")
    listing.add_argument("--db", required=True,
                         help="the intake's SQLite file or PostgreSQL connection string")

    decrypt = sub.add_parser(
        "decrypt",
        help="decrypt one envelope into a folder: from the intake's database (ID --db) or a file (--file)",
    )
    decrypt.add_argument("id", nargs="?", help="sequence number, reference or notification UUID (with --db)")
    decrypt.add_argument("--db", help="the intake's database (SQLite file or PostgreSQL connection string)")
    decrypt.add_argument(
        "--file",
        type=Path,
        help="an envelope file: the attachment underretning-<REF>.underret saved from a secure e-mail",
    )
    decrypt.add_argument(
        "--key", type=Path, required=True, help="recipient.key.json (repeatable)", action="append"
    )
    decrypt.add_argument(
        "--out",
        type=Path,
        required=True,
        help="the folder to write notification.json and notification.pdf into (owner-only)",
    )
    return parser


@contextlib.contextmanager
def _reading(db: str) -> Iterator[IntakeStore]:
    """The intake's database opened read-only; damage found while reading is named, not a traceback."""
    store = open_store(db, read_only=True)
    try:
        yield store
    except sqlite3.DatabaseError as exc:
        raise IntakeDatabaseUnavailable(
            f"the intake database {db} is damaged ({exc}); restore it from the backup. It was only read, "
            "not changed",
            message_id="intake.database_damaged",
            file=str(db),
        ) from exc
    finally:
        store.close()


def _list(args: argparse.Namespace) -> int:
    """Every envelope, oldest first, one line each under a header line; Danish local times.

    Streamed: a few rows are read at a time and no envelope bytes at all, so memory stays the same
    for ten envelopes or a million.
    """
    with _reading(args.db) as store:
        print("seq\treference\tnotification\treceived (Danish time)\tbytes\tsender key\trecipient keys")
        for item in store.iter_summaries():
            print(f"{item.seq}\t{item.reference}\t{item.notification_id}\t{local(item.received_at)}"
                  f"\t{item.size}\t{item.sender_fingerprint}\t{','.join(item.key_ids)}")
    return 0


class DecryptRefused(UnderretError):  # noqa: N818 - what the caseworker is told
    """An envelope ``decrypt`` will not open: not an envelope, damaged, or sealed to other keys.

    ``message_id`` says which (``intake.file_unreadable``, ``intake.not_an_envelope``,
    ``intake.envelope_damaged``, ``intake.envelope_unreadable``, ``intake.wrong_key``,
    ``intake.unexpected_file``: a file the app never sends); nothing is written in any case.
    """

    message_id = "intake.decrypt_refused"


# The file name the secure e-mail gives the attachment (protocol/references.py: attachment_name).
_ATTACHMENT_NAME = re.compile(r"^underretning-([0-9A-F]{8})\.underret$")


def _decrypt(args: argparse.Namespace) -> int:
    if (args.file is None) == (args.db is None) or (args.db is not None) == (args.id is None):
        print(
            "decrypt needs either ID --db FILE (an envelope the intake received) or --file PATH "
            "(an envelope saved from a secure e-mail): one of the two",
            file=sys.stderr,
        )
        return 2
    _check_out_folder(args.out)
    if args.file is not None:
        return _decrypt_file(args)
    with _reading(args.db) as store:
        item = store.get(args.id)
        held = store.count() if item is None else 0
    if item is None:
        print(
            f"no envelope {args.id!r} in {args.db} ({held} received; `underret-intake list --db {args.db}` "
            "shows their numbers and references)",
            file=sys.stderr,
        )
        return 1
    opened = _open_checked(item.envelope, f"envelope {args.id}", args.key)
    _write_opened(opened, args.out)
    print(f"notification: {opened.header.notification_id}")
    print(f"reference: {item.reference}")
    _print_sender(opened)
    return 0


def _decrypt_file(args: argparse.Namespace) -> int:
    path: Path = args.file
    envelope = _read_envelope_file(path)
    opened = _open_checked(envelope, path.name, args.key)
    _write_opened(opened, args.out)
    notification_id = opened.header.notification_id
    reference = reference_of(notification_id)
    print(f"notification: {notification_id}")
    print(f"reference: {reference} (the secure e-mail's subject)")
    named = _ATTACHMENT_NAME.match(path.name)
    if named and named.group(1) != reference:
        # Renamed or mixed up: the content is what the signature covers, the name is only a label.
        print(f"note: the file is named for reference {named.group(1)}, but the envelope inside is "
              f"{reference}; file the notification under {reference}")
    _print_sender(opened)
    return 0


def _read_envelope_file(path: Path) -> bytes:
    """The bytes of an envelope file, refused early when they cannot be one (nothing is decrypted)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(DEFAULT_MAX_BODY + 1)
    except OSError as exc:
        raise DecryptRefused(f"cannot read {path}: {exc.strerror or exc}; nothing was written",
                             message_id="intake.file_unreadable", file=path.name) from exc
    if len(data) > DEFAULT_MAX_BODY or not data.startswith(MAGIC):
        raise DecryptRefused(
            f"{path.name} is not an Underret envelope. Save the attachment underretning-<reference>.underret "
            "from the decrypted secure e-mail (not the whole mail, not smime.p7m) and open that file; "
            "nothing was written",
            message_id="intake.not_an_envelope",
            file=path.name,
        )
    return data


def _open_checked(envelope: bytes, label: str, key_files: Sequence[Path]) -> OpenedEnvelope:
    """Verify the sender's signature, pick the given key the envelope is sealed to, decrypt.

    Each refusal says what is wrong in a sentence a caseworker can act on.
    """
    private = _load_private_keys(key_files)
    try:
        sealed_to = verify_sender_signature(envelope).key_ids
    except EnvelopeError as exc:
        if exc.message_id == "envelope.signature_invalid":
            raise DecryptRefused(
                f"{label} was changed or damaged after it was sealed: the sender's signature does not "
                "verify, so it is not opened. Ask the sender to send it again; nothing was written",
                message_id="intake.envelope_damaged",
            ) from exc
        if exc.message_id == "envelope.unsupported_version":
            raise DecryptRefused(
                f"{label} is an envelope this intake cannot read ({exc}); update underret-intake. "
                "Nothing was written",
                message_id="intake.envelope_unreadable",
            ) from exc
        raise DecryptRefused(
            f"{label} is damaged or incomplete ({exc}), so it is not opened. Save it again from the mail, "
            "or ask the sender to send it again; nothing was written",
            message_id="intake.envelope_damaged",
        ) from exc
    if not set(sealed_to) & set(private):
        raise DecryptRefused(
            f"{label} is sealed to key id(s) {', '.join(sealed_to)}; "
            f"the key file(s) given hold {', '.join(sorted(private))}. Nothing was written",
            message_id="intake.wrong_key",
        )
    try:
        opened = open_envelope(envelope, dict(private))
    except EnvelopeError as exc:
        if exc.message_id != "envelope.wrong_key":
            # The signature held, yet the inside is not as the manifest says: the sender's program sealed
            # something broken (protocol.errors.EnvelopeError names which part).
            raise DecryptRefused(
                f"{label} is signed, but its inside is damaged ({exc}; {exc.message_id}), so it is not "
                "opened. Ask the sender to send it again and tell IT; nothing was written",
                message_id="intake.envelope_damaged",
            ) from exc
        # The signature held, so the sealed bytes are as sent: the key file holds another key under that id.
        key_id = next(k for k in sealed_to if k in private)
        raise DecryptRefused(
            f"the key file for key id {key_id} does not open {label}: it holds a different key under "
            "the same id (a key made again with the same --key-id?). Use the recipient.key.json that "
            "belongs to the recipient.pub.json in the guideline pack or policy; nothing was written",
            message_id="intake.wrong_key",
        ) from exc
    odd = unexpected_files(opened.files)
    if odd:
        # Only what the app sends reaches a caseworker: not a program named like a document.
        raise DecryptRefused(
            f"{label} holds {', '.join(odd)}, which Underret never sends (it sends notification.json, "
            "notification.pdf and attachments named attachment-N.jpg, .png or .pdf, each of its kind), so "
            "it is not opened. Do not open it some other way; tell IT. Nothing was written",
            message_id="intake.unexpected_file",
        )
    print(f"opened with key {opened.key_id}")
    return opened


class OutFolderRefused(UnderretError):  # noqa: N818 - what the caseworker is told
    """``--out`` cannot take a decrypted notification; nothing is written and nothing is overwritten.

    ``message_id``: ``intake.out_not_empty`` (it already holds something), ``intake.out_not_a_folder``
    (a file, or a symbolic link, which is never followed), ``intake.out_not_yours`` (another user's
    folder), ``intake.out_unusable`` (it cannot be created or opened).
    """

    message_id = "intake.out_refused"


class KeyFileRefused(UnderretError):  # noqa: N818 - what the caseworker is told
    """A ``--key`` file that is not a recipient private key (``intake.key_file_invalid``)."""

    message_id = "intake.key_file_invalid"


class DecryptWriteFailed(UnderretError):  # noqa: N818 - what the caseworker is told
    """Writing the decrypted files failed part way (a full disk, say); ``intake.write_failed``.

    The sentence names the file that failed and says that the files this run wrote were removed
    (or, if one could not be removed, that it is incomplete and where it is).
    """

    message_id = "intake.write_failed"


# Usage-like refusals: what was given on the command line cannot be used (argparse's own code).
_USAGE_ERRORS = (OutFolderRefused, KeyFileRefused, IntakeDatabaseUnavailable)

_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # absent on Windows, where there are no such symlinks to plant
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def _load_private_keys(key_files: Sequence[Path]) -> dict[str, RecipientPrivateKey]:
    """The recipient private keys in ``key_files`` by key id; a file that is not one is refused by name.

    The common mix-ups (the public half, the receipt signing key, some other file) are named as
    such, so the caseworker knows which file to give instead.
    """
    loaded: dict[str, RecipientPrivateKey] = {}
    for path in key_files:
        try:
            with path.open("rb") as handle:
                raw = handle.read(64 * 1024)
            value = json.loads(raw.decode("ascii"))
        except OSError as exc:
            raise KeyFileRefused(
                f"cannot read the key file {path}: {exc.strerror or exc}", file=path.name
            ) from exc
        except ValueError as exc:
            raise KeyFileRefused(
                f"{path} is not a key file: --key takes recipient.key.json as keygen wrote it", file=path.name
            ) from exc
        if isinstance(value, dict) and "private_key" not in value:
            if "public_key" in value:
                raise KeyFileRefused(
                    f"{path} is a public key (recipient.pub.json): it cannot decrypt. --key takes the "
                    "private half, recipient.key.json, from the same keygen folder",
                    file=path.name,
                )
            if "seed" in value:
                raise KeyFileRefused(
                    f"{path} is the intake's receipt signing key, not a decryption key. --key takes "
                    "recipient.key.json",
                    file=path.name,
                )
        try:
            key = keys.load_recipient_private(path)
            key.public()  # checks the key's length and form now, not as "does not decrypt" later
        except (keys.KeyFileInvalid, EnvelopeError) as exc:
            raise KeyFileRefused(
                f"{path} is not a usable recipient key ({exc}): --key takes recipient.key.json as keygen "
                "wrote it",
                file=path.name,
            ) from exc
        if key.key_id in loaded and loaded[key.key_id].private_bytes != key.private_bytes:
            raise KeyFileRefused(
                f"two key files given hold different keys under the same key id {key.key_id}; give only the "
                "one that belongs to the recipient.pub.json in the guideline pack or policy",
                file=path.name,
            )
        loaded[key.key_id] = key
    return loaded


def _check_out_folder(out: Path) -> None:
    """Refuse an ``--out`` that cannot be used, before anything is opened or decrypted.

    :func:`_write_opened` checks again on the folder it actually opens; this only saves the
    caseworker a decryption that could not be written.
    """
    try:
        info = os.lstat(out)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutFolderRefused(f"cannot use {out} for --out: {exc.strerror or exc}; nothing was written",
                               message_id="intake.out_unusable") from exc
    _check_folder_info(out, info)
    try:
        entries = os.listdir(out)
    except OSError as exc:
        raise OutFolderRefused(f"cannot look into {out}: {exc.strerror or exc}; nothing was written",
                               message_id="intake.out_unusable") from exc
    if entries:
        _refuse_not_empty(out, entries)


def _check_folder_info(out: Path, info: os.stat_result) -> None:
    if stat.S_ISLNK(info.st_mode):
        raise OutFolderRefused(
            f"{out} is a symbolic link; decrypt does not follow one. Give the real folder, or a new one; "
            "nothing was written",
            message_id="intake.out_not_a_folder",
        )
    if not stat.S_ISDIR(info.st_mode):
        raise OutFolderRefused(
            f"{out} is a file, not a folder. Give a new or empty folder for --out; nothing was written",
            message_id="intake.out_not_a_folder",
        )
    geteuid = getattr(os, "geteuid", None)
    if geteuid is not None and info.st_uid != geteuid():
        raise OutFolderRefused(
            f"{out} belongs to another user, who could read or change what is written there. Give a folder "
            "of your own, or a new one; nothing was written",
            message_id="intake.out_not_yours",
        )


def _refuse_not_empty(out: Path, entries: Sequence[str]) -> None:
    shown = ", ".join(sorted(entries)[:3]) + (", …" if len(entries) > 3 else "")
    raise OutFolderRefused(
        f"{out} is not empty (it holds {shown}); decrypt writes only into a new or empty folder, so that "
        "nothing there is overwritten or mixed up with this notification. Nothing was written",
        message_id="intake.out_not_empty",
    )


def _open_out_folder(out: Path) -> tuple[int | None, bool]:
    """Create ``out`` owner-only, or take it if it exists empty; ``(folder fd or None, created)``.

    An existing empty folder that group or others may read is tightened to owner-only (0700)
    rather than refused: the caseworker chose it for this notification, and the files will be
    owner-only anyway, so tightening is what they would do by hand; a note says so. A folder that
    is not empty, a symbolic link, a file, or another user's folder is refused. Where the
    platform allows, the folder is opened once (not following a symlink) and everything after
    happens relative to that handle, so it cannot be swapped for a link between check and write.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    created = False
    try:
        os.mkdir(out, 0o700)
        created = True
    except FileExistsError:
        pass
    if os.open not in os.supports_dir_fd:  # Windows: no folder handles; the path checks are what there is
        _check_out_folder(out)
        return None, created
    try:
        folder = os.open(out, os.O_RDONLY | _O_DIRECTORY | _O_NOFOLLOW | _O_CLOEXEC)
    except OSError as exc:
        info = os.lstat(out)
        _check_folder_info(out, info)
        raise OutFolderRefused(f"cannot open {out}: {exc.strerror or exc}; nothing was written",
                               message_id="intake.out_unusable") from exc
    try:
        info = os.fstat(folder)
        _check_folder_info(out, info)
        if not created:
            entries = os.listdir(folder)
            if entries:
                _refuse_not_empty(out, entries)
        if stat.S_IMODE(info.st_mode) != 0o700:
            os.fchmod(folder, 0o700)
            if not created:
                print(f"note: {out} was readable by others (mode {stat.S_IMODE(info.st_mode):04o}); "
                      "it is now owner-only (0700)")
    except BaseException:
        os.close(folder)
        raise
    return folder, created


def _write_opened(opened: OpenedEnvelope, out: Path) -> None:
    """Write the decrypted files into ``out`` only (owner-only folder and files; no temporary copy).

    ``out`` must be new or empty (see :func:`_open_out_folder`). Each file is created afresh
    (``O_CREAT|O_EXCL|O_NOFOLLOW``, mode 0600), so nothing is overwritten and no planted link is
    followed, and it is flushed to the disk before it is reported written. All or nothing: if
    any write fails (a full disk), every file this run created is removed again, and the folder
    too if this run made it; the message names the file that failed and any that could not be
    removed.
    """
    try:
        folder, created = _open_out_folder(out)
    except OSError as exc:
        raise OutFolderRefused(f"cannot create {out}: {exc.strerror or exc}; nothing was written",
                               message_id="intake.out_unusable") from exc
    written: list[str] = []
    current = ""
    try:
        for name, data in opened.files.items():
            current = name
            # Names were checked against the envelope's plain-name pattern: no path parts.
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_NOFOLLOW | _O_BINARY | _O_CLOEXEC
            if folder is None:
                fd = os.open(out / name, flags, 0o600)
            else:
                fd = os.open(name, flags, 0o600, dir_fd=folder)
            written.append(name)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())  # a full disk can surface only here
        if folder is not None:
            os.fsync(folder)
    except BaseException as exc:
        left = _remove_written(out, folder, written, created)
        if not isinstance(exc, OSError):
            raise
        raise DecryptWriteFailed(_write_failure_message(out, current, exc, written, left),
                                 file=current) from exc
    finally:
        if folder is not None:
            os.close(folder)
    for name in written:
        print(f"wrote {name}")


def _remove_written(out: Path, folder: int | None, written: Sequence[str], created: bool) -> list[str]:
    """Remove what this run wrote (and the folder it made); the names that could not be removed."""
    left: list[str] = []
    for name in written:
        try:
            if folder is None:
                os.unlink(out / name)
            else:
                os.unlink(name, dir_fd=folder)
        except FileNotFoundError:
            pass
        except OSError:
            left.append(name)
    if created and not left:
        with contextlib.suppress(OSError):  # only ever empty here; if it cannot go, it holds nothing
            os.rmdir(out)
    return left


def _write_failure_message(
    out: Path, failed: str, exc: OSError, written: Sequence[str], left: Sequence[str]
) -> str:
    reason = exc.strerror or str(exc)
    if left:
        return (
            f"writing {failed} into {out} failed ({reason}). These files there are INCOMPLETE and could "
            f"not be removed: {', '.join(left)}; delete them before anyone reads them, then run decrypt "
            "again into an empty folder"
        )
    removed = f" ({', '.join(written)} removed again)" if written else ""
    return (
        f"writing {failed} into {out} failed ({reason}); nothing of the notification is left there"
        f"{removed}. Free some space (or choose another folder) and run decrypt again"
    )


def _print_sender(opened: OpenedEnvelope) -> None:
    print(f"sender signature: {'valid' if opened.sender_signature_valid else 'INVALID'}")
    print(f"sender key fingerprint: {fingerprint(opened.sender_public_key)}")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``underret-intake``."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "keygen":
            if args.recipient_only:
                _, public = keys.generate_recipient(args.out, args.key_id)
                print(f"recipient public key: {public}")
                return 0
            files = keys.generate(args.out, args.key_id)
            print(f"recipient public key: {files.recipient_public}")
            print(f"receipt public key: {files.receipt_public}")
            return 0
        if args.command == "demo-tls":
            ca = CertificateAuthority()
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / "ca.crt").write_bytes(ca.cert_pem)
            cert, key = ca.issue_server(args.host).write(args.out, "server")
            print(f"CA: {args.out / 'ca.crt'}\ncertificate: {cert}\nkey: {key}")
            return 0
        if args.command == "serve":
            return run_serve(args)
        if args.command in ADMIN_COMMANDS:
            return run_admin(args)
        if args.command in DESK_COMMANDS:
            return run_desk_admin(args)
        if args.command == "list":
            return _list(args)
        if args.command == "export":
            return run_export(args)
        return _decrypt(args)
    except _USAGE_ERRORS as exc:
        print(f"error: {exc.message_id}: {exc}", file=sys.stderr)
        return 2
    except UnderretError as exc:
        print(f"error: {exc.message_id}: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`list | head`, quitting `less`): stop quietly, as other tools do, and
        # keep the interpreter's last flush from failing again.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
