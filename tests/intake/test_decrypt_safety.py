"""A caseworker decrypts a notification into a folder: nothing stray, nothing overwritten, nothing leaked.

Real key files made by ``underret-intake keygen``, real sealed envelopes, a real intake database
filled by the real TLS intake, the real command line (``intake.cli.main``) and real files and
folders; the full disk is the kernel's own write failure (a file-size limit on the process).
"""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from intake import cli, keys
from intake.storage import EnvelopeStore
from protocol.envelope import envelope_sha256, seal

if TYPE_CHECKING:
    from tests.intake.conftest import RunningIntake

CHILD = "Fiktiv Østergaard 010199-4321".encode()


@dataclass
class Case:
    """A caseworker's desk: the municipality's keys and one notification saved from a secure e-mail."""

    keys: keys.KeyFiles
    envelope: Path
    files: dict[str, bytes]
    desk: Path

    def decrypt(self, out: Path, *key_files: Path) -> int:
        argv = ["decrypt", "--file", str(self.envelope), "--out", str(out)]
        for key_file in key_files or (self.keys.recipient_private,):
            argv += ["--key", str(key_file)]
        return cli.main(argv)


def _sealed(key_files: keys.KeyFiles, files: dict[str, bytes]) -> bytes:
    recipient = keys.load_recipient_private(key_files.recipient_private).public()
    return seal(notification_id=str(uuid.uuid4()), form_version="1.0", files=files, recipients=[recipient],
                sender_seed=os.urandom(32))


@pytest.fixture
def case(tmp_path: Path) -> Case:
    assert cli.main(["keygen", "--out", str(tmp_path / "keys"), "--key-id", "kommune-2026"]) == 0
    key_files = keys.KeyFiles(*(tmp_path / "keys" / name for name in (
        keys.RECIPIENT_PRIVATE, keys.RECIPIENT_PUBLIC, keys.RECEIPT_PRIVATE, keys.RECEIPT_PUBLIC)))
    files = {"notification.json": b'{"child":"' + CHILD + b'"}', "notification.pdf": b"%PDF-1.4 " + CHILD}
    desk = tmp_path / "desk"
    desk.mkdir()
    envelope = desk / "underretning-1A2B3C4D.underret"
    envelope.write_bytes(_sealed(key_files, files))
    return Case(key_files, envelope, files, desk)


def _tree(folder: Path) -> dict[str, bytes | str]:
    """Everything under ``folder``: file bytes, or where a link points (links are not followed)."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            found[name] = "-> " + os.readlink(path)
        elif path.is_file():
            found[name] = path.read_bytes()
        else:
            found[name] = "folder"
    return found


# --- the intake database given with --db ------------------------------------------------------


def test_a_mistyped_database_path_is_named_exits_2_and_leaves_no_stray_file(
        case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wrong = tmp_path / "srv" / "intak.sqlite"
    wrong.parent.mkdir()
    out = tmp_path / "case-folder"

    decrypt = cli.main(["decrypt", "1", "--db", str(wrong), "--key", str(case.keys.recipient_private),
                        "--out", str(out)])
    decrypt_err = capsys.readouterr().err
    listing = cli.main(["list", "--db", str(wrong)])
    list_err = capsys.readouterr().err

    assert (decrypt, listing) == (2, 2)
    for err in (decrypt_err, list_err):
        assert err.count("\n") == 1, err
        assert "intake.database_missing" in err and str(wrong) in err and "Nothing was created" in err
    assert list(wrong.parent.iterdir()) == []
    assert not out.exists()


def test_a_file_that_is_not_the_intake_s_database_is_refused_and_left_as_it_was(
        case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_sqlite = case.envelope  # a caseworker gives the mailed envelope as --db by mistake
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE children (name TEXT)")
    db.close()
    before = {path: path.read_bytes() for path in (not_sqlite, other)}
    present = sorted(tmp_path.iterdir())

    for given in (not_sqlite, other, tmp_path):  # tmp_path: a folder
        for argv in (["list", "--db", str(given)],
                     ["decrypt", "1", "--db", str(given), "--key", str(case.keys.recipient_private),
                      "--out", str(tmp_path / "out")]):
            code = cli.main(argv)
            err = capsys.readouterr().err
            assert code == 2, err
            assert str(given) in err and err.count("\n") == 1
            assert "intake.not_an_intake_database" in err or "intake.database_unreadable" in err

    assert {path: path.read_bytes() for path in before} == before
    assert sorted(tmp_path.iterdir()) == present  # no "out", no database, no -journal


def test_list_and_decrypt_read_the_intake_s_database_while_it_runs_and_an_unknown_id_says_where_to_look(
        running_intake: RunningIntake, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nid, body = running_intake.seal()
    assert running_intake.client.post("/v1/envelopes", content=body,
                                      headers={"Idempotency-Key": nid}).status_code == 201
    key = str(running_intake.key_files.recipient_private)

    assert cli.main(["list", "--db", str(running_intake.db)]) == 0
    assert nid in capsys.readouterr().out
    assert cli.main(["decrypt", "1", "--db", str(running_intake.db), "--key", key,
                     "--out", str(tmp_path / "case")]) == 0
    assert CHILD in (tmp_path / "case" / "notification.json").read_bytes()
    capsys.readouterr()

    missing = cli.main(["decrypt", "KOM-2026-000099", "--db", str(running_intake.db), "--key", key,
                        "--out", str(tmp_path / "case-2")])
    err = capsys.readouterr().err
    assert missing == 1
    assert "no envelope 'KOM-2026-000099'" in err and "1 received" in err and "list --db" in err
    assert not (tmp_path / "case-2").exists()
    # The intake still takes notifications: reading did not lock or change its database.
    nid2, body2 = running_intake.seal()
    assert running_intake.client.post("/v1/envelopes", content=body2,
                                      headers={"Idempotency-Key": nid2}).status_code == 201


# --- the folder given with --out ----------------------------------------------------------------


def test_a_new_folder_and_its_files_are_readable_by_the_caseworker_alone_whatever_the_umask(
        case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cases" / "2026-17"
    old_umask = os.umask(0)
    try:
        code = case.decrypt(out)
    finally:
        os.umask(old_umask)

    assert code == 0, capsys.readouterr().err
    assert _tree(out) == case.files
    assert oct(out.stat().st_mode & 0o777) == "0o700"
    for name in case.files:
        assert oct((out / name).stat().st_mode & 0o777) == "0o600"


def test_an_empty_folder_others_could_read_is_made_owner_only_before_anything_is_written(
        case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "shared-looking"
    out.mkdir()
    out.chmod(0o755)

    code = case.decrypt(out)

    printed = capsys.readouterr().out
    assert code == 0
    assert oct(out.stat().st_mode & 0o777) == "0o700"
    assert "now owner-only (0700)" in printed and "0755" in printed
    assert _tree(out) == case.files
    for name in case.files:
        assert oct((out / name).stat().st_mode & 0o777) == "0o600"


def test_a_folder_that_already_holds_files_is_refused_and_they_stay_byte_for_byte(
        case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "case"
    assert case.decrypt(out) == 0  # an earlier decryption of this case
    (out / "notes.txt").write_bytes(b"the caseworker's own notes")
    (out / "notification.json").write_bytes(b"corrected by hand")
    before = _tree(out)
    capsys.readouterr()

    code = case.decrypt(out)

    captured = capsys.readouterr()
    assert code == 2
    assert "intake.out_not_empty" in captured.err and "Nothing was written" in captured.err
    assert "notes.txt" in captured.err
    assert "opened with key" not in captured.out  # refused before anything was decrypted
    assert _tree(out) == before


def test_a_folder_holding_only_a_hidden_file_is_not_empty_either(
        case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "case"
    out.mkdir()
    (out / ".DS_Store").write_bytes(b"x")

    assert case.decrypt(out) == 2
    assert "intake.out_not_empty" in capsys.readouterr().err
    assert _tree(out) == {".DS_Store": b"x"}


def test_a_link_planted_inside_the_folder_is_never_followed(
        case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "public-share"
    elsewhere.mkdir()
    victim = elsewhere / "readable-by-all.txt"
    victim.write_bytes(b"someone else's file")
    out = tmp_path / "case"
    out.mkdir(mode=0o700)
    (out / "notification.json").symlink_to(victim)
    (out / "notification.pdf").symlink_to(elsewhere / "new.pdf")  # dangling: would be created there

    code = case.decrypt(out)

    assert code == 2
    assert "intake.out_not_empty" in capsys.readouterr().err
    assert _tree(elsewhere) == {"readable-by-all.txt": b"someone else's file"}
    assert CHILD not in victim.read_bytes()


@pytest.mark.parametrize("target_exists", [True, False], ids=["to-a-folder", "dangling"])
def test_a_link_planted_as_the_folder_itself_is_never_followed(
        case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str], target_exists: bool) -> None:
    elsewhere = tmp_path / "public-share"
    if target_exists:
        elsewhere.mkdir()
        elsewhere.chmod(0o777)
    out = tmp_path / "case"
    out.symlink_to(elsewhere, target_is_directory=True)

    code = case.decrypt(out)

    err = capsys.readouterr().err
    assert code == 2
    assert "intake.out_not_a_folder" in err and "symbolic link" in err
    assert out.is_symlink()
    if target_exists:
        assert list(elsewhere.iterdir()) == []
        assert oct(elsewhere.stat().st_mode & 0o777) == "0o777"  # not tightened through the link either
    else:
        assert not elsewhere.exists()


def test_a_file_given_as_the_folder_is_refused_and_left_alone(
        case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "case.pdf"
    out.write_bytes(b"%PDF- an unrelated document")

    assert case.decrypt(out) == 2
    assert "intake.out_not_a_folder" in capsys.readouterr().err
    assert out.read_bytes() == b"%PDF- an unrelated document"


# --- a full disk while writing ------------------------------------------------------------------


def _decrypt_with_a_disk_that_fills_up(case: Case, out: Path, room: int) -> subprocess.CompletedProcess[str]:
    """The real command, in a process whose writes fail beyond ``room`` bytes per file (EFBIG)."""

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (room, room))  # Python ignores SIGXFSZ: write fails

    return subprocess.run(
        [sys.executable, "-m", "intake.cli", "decrypt", "--file", str(case.envelope), "--key",
         str(case.keys.recipient_private), "--out", str(out)],
        capture_output=True, text=True, timeout=60, check=False, preexec_fn=limit_file_size,
    )


@pytest.fixture
def large_case(case: Case) -> Case:
    """A notification with a PDF too large for the room left on the disk (the JSON fits)."""
    files = {"notification.json": b'{"child":"' + CHILD + b'"}',
             "notification.pdf": b"%PDF-1.4 " + CHILD + os.urandom(256 * 1024)}
    case.envelope.write_bytes(_sealed(case.keys, files))
    case.files = files
    return case


def test_when_the_disk_fills_up_the_caseworker_is_told_which_file_failed_and_no_partial_file_is_left(
        large_case: Case, tmp_path: Path) -> None:
    out = tmp_path / "case"

    done = _decrypt_with_a_disk_that_fills_up(large_case, out, room=64 * 1024)

    assert done.returncode == 1, done.stderr
    assert "intake.write_failed" in done.stderr and "Traceback" not in done.stderr
    assert "writing notification.pdf" in done.stderr
    assert "nothing of the notification is left there" in done.stderr
    assert "notification.json, notification.pdf removed again" in done.stderr
    assert "wrote " not in done.stdout
    assert not out.exists()  # the folder this run made goes too


def test_after_a_full_disk_the_caseworker_s_empty_folder_stays_and_a_second_try_succeeds(
        large_case: Case, tmp_path: Path) -> None:
    out = tmp_path / "case"
    out.mkdir(mode=0o700)

    failed = _decrypt_with_a_disk_that_fills_up(large_case, out, room=64 * 1024)
    assert failed.returncode == 1 and "intake.write_failed" in failed.stderr
    assert list(out.iterdir()) == []

    again = _decrypt_with_a_disk_that_fills_up(large_case, out, room=1024 * 1024)
    assert again.returncode == 0, again.stderr
    assert _tree(out) == large_case.files


# --- the key given with --key -------------------------------------------------------------------


def test_a_key_option_naming_the_wrong_kind_of_file_says_which_file_to_give_instead(
        case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cut = tmp_path / "cut.key.json"
    whole = case.keys.recipient_private.read_text("ascii")
    cut.write_text(whole.replace('"private_key": "', '"private_key": "AAAA'), "ascii")
    assert cut.read_text("ascii") != whole
    expected = {
        case.keys.recipient_public: "is a public key (recipient.pub.json)",
        case.keys.receipt_private: "receipt signing key",
        case.envelope: "is not a key file",
        cut: "is not a usable recipient key",
        tmp_path / "missing.key.json": "cannot read the key file",
    }
    for key_file, sentence in expected.items():
        out = tmp_path / f"out-{key_file.name}"

        code = case.decrypt(out, key_file)

        err = capsys.readouterr().err
        assert code == 2, (key_file, err)
        assert "intake.key_file_invalid" in err and sentence in err and str(key_file) in err
        assert not out.exists()


@pytest.mark.parametrize("fault", ["cut-short", "overwritten"])
def test_a_damaged_intake_database_is_named_as_damaged_not_a_traceback(
        case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str], fault: str) -> None:
    db = tmp_path / "srv" / "intake.sqlite"
    db.parent.mkdir()
    store = EnvelopeStore(db)  # as serve makes it
    for _ in range(4):
        envelope = _sealed(case.keys, {"notification.pdf": os.urandom(64 * 1024)})
        nid = str(uuid.uuid4())
        store.insert(idempotency_key=nid, notification_id=nid, envelope=envelope,
                     envelope_sha256=envelope_sha256(envelope), form_version="1.0", sender_fingerprint="f",
                     received_at=datetime.now(UTC), reference_prefix="KOM",
                     make_receipt=lambda reference: (reference.encode(), b"signature"))
    store.close()
    size = db.stat().st_size
    with db.open("r+b") as handle:  # a disk fault in the back half of the file
        if fault == "cut-short":  # found as the database is opened
            handle.truncate(size // 2)
        else:  # same size, garbage: found only as the envelopes are read
            handle.seek(size // 2)
            handle.write(b"\xff" * (size - size // 2))
    damaged = db.read_bytes()

    for argv in (["list", "--db", str(db)],
                 ["decrypt", "4", "--db", str(db), "--key", str(case.keys.recipient_private),
                  "--out", str(tmp_path / "case")]):
        code = cli.main(argv)
        captured = capsys.readouterr()
        assert code == 2, captured.err
        assert "intake.database_damaged" in captured.err and str(db) in captured.err
        assert captured.err.count("\n") == 1

    assert db.read_bytes() == damaged
    assert not (tmp_path / "case").exists()


def test_another_user_s_folder_is_refused_before_anything_is_decrypted(
        case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if os.geteuid() == 0:  # root (a CI container) can hand an empty folder to another user
        out = tmp_path / "colleague"
        out.mkdir(mode=0o700)
        os.chown(out, 65534, 65534)
    else:  # anyone else: the root folder is another user's (root's)
        out = Path("/")
    assert out.stat().st_uid != os.geteuid()

    code = case.decrypt(out)

    captured = capsys.readouterr()
    assert code == 2
    assert "intake.out_not_yours" in captured.err and "opened with key" not in captured.out
    if out != Path("/"):
        assert list(out.iterdir()) == []
        assert out.stat().st_uid == 65534


@pytest.mark.parametrize(("odd", "data"), [
    ("faktura.pdf.exe", b"MZ\x90\x00 a program"),      # a name the app never gives
    ("attachment-1.pdf", b"MZ\x90\x00 a program"),     # the right name, but not a PDF inside
    ("attachment-2.jpg", b"%PDF-1.7 not a picture"),
])
def test_a_file_the_app_never_sends_is_not_written_into_the_caseworker_s_folder(
        case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str], odd: str, data: bytes) -> None:
    """Finding: anyone holding the municipality's public key could mail an envelope that put
    ``faktura.pdf.exe`` into the decrypt folder. Only what the app sends is written, or nothing."""
    case.envelope.write_bytes(_sealed(case.keys, {**case.files, odd: data}))
    out = tmp_path / "case-folder"

    assert case.decrypt(out) == 1
    err = capsys.readouterr().err
    assert "intake.unexpected_file" in err and odd in err and "Nothing was written" in err
    assert not out.exists()
