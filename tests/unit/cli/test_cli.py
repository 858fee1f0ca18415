"""The ``underret`` command for IT: version, doctor, and the frozen-build smoke test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.cli import main
from desktop.doctor import EXIT_ERRORS
from desktop.store.keys import KeyProtection, ScryptParams, zero
from desktop.store.profiles import ProfileDirectory

CHEAP = ScryptParams(n=2**10, r=8, p=1)


def _profile(name: str, protection: KeyProtection = KeyProtection.PASSPHRASE) -> Path:
    passphrase = "korrekt hest batteri" if protection == KeyProtection.PASSPHRASE else None
    info, key = ProfileDirectory(scrypt=CHEAP).create(name, protection, passphrase)
    zero(key)
    return info.vault_path


def test_version_is_printed_for_it_inventories(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"underret {__version__}"


def test_doctor_on_a_healthy_pc_reports_policy_source_vault_and_keyring_and_exits_0(
        capsys: pytest.CaptureFixture[str], isolated_user_folders: Path) -> None:
    vault = _profile("Mette")
    keyring_vault = _profile("Jonas", KeyProtection.KEYRING)

    code = main(["doctor"])

    out = capsys.readouterr().out
    assert code == 0, out
    assert "Policy source: none" in out
    assert str(vault) in out
    assert str(keyring_vault) in out
    assert "encrypted (no plain SQLite header)" in out
    assert "key in keyring: present" in out
    assert "Keyring backend:" in out and "works: yes" in out
    assert f"Data folder: {isolated_user_folders}" in out
    assert "Guideline pack:" in out
    assert "RESULT: OK" in out


def test_doctor_names_file_and_setting_of_an_invalid_policy_and_fails(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"idle_lock_minutes": 0}), encoding="utf-8")
    monkeypatch.setenv("UNDERRET_POLICY", str(policy))

    code = main(["doctor"])

    out = capsys.readouterr().out
    assert code != 0
    assert "Policy: INVALID" in out
    assert str(policy) in out
    assert "idle_lock_minutes" in out


def test_doctor_flags_a_vault_that_is_not_encrypted_and_a_missing_keyring_key(
        capsys: pytest.CaptureFixture[str]) -> None:
    vault = _profile("Mette")
    vault.write_bytes(b"SQLite format 3\x00" + bytes(8192))  # someone replaced it with a plain database
    keyring_vault = _profile("Jonas", KeyProtection.KEYRING)
    import keyring

    keyring.delete_password("Underret", keyring_vault.parent.name)

    code = main(["doctor"])

    out = capsys.readouterr().out
    assert code == EXIT_ERRORS
    assert "NOT ENCRYPTED" in out
    assert "key in keyring: MISSING" in out
    assert "RESULT: PROBLEMS FOUND" in out


def test_doctor_shows_the_policy_in_force_and_where_it_came_from(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"idle_lock_minutes": 15, "key_protection": "passphrase"}), encoding="utf-8")
    monkeypatch.setenv("UNDERRET_POLICY", str(policy))
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert f"Policy source: env ({policy})" in out
    assert "idle_lock_minutes = 15 (policy)" in out
    assert "key_protection = 'passphrase' (policy)" in out


def test_command_line_options_for_profile_language_and_demo_are_understood() -> None:
    from desktop.cli import build_parser

    args = build_parser().parse_args(["--profile", "Mette", "--lang", "en", "--demo"])
    assert (args.profile, args.lang, args.demo, args.command) == ("Mette", "en", True, None)
    assert build_parser().parse_args(["doctor"]).command == "doctor"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--lang", "de"])


def test_starting_without_arguments_is_the_same_as_the_parsers_defaults() -> None:
    from desktop.cli import NO_ARGUMENTS, build_parser

    # A double-click starts the app without arguments, and without building the parser.
    assert build_parser().parse_args([]) == NO_ARGUMENTS


@pytest.mark.slow
def test_starting_with_a_keyring_profile_shows_the_window_then_the_list_without_asking(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring

    # The real start: a new process, as after a double-click. The OS keyring cannot run here; both
    # processes use the benchmarks' file keyring (a real keyrings.alt file) in this test's folder.
    benchmarks = Path(__file__).resolve().parents[2] / "benchmarks"
    monkeypatch.syspath_prepend(str(benchmarks))
    monkeypatch.setenv("UNDERRET_BENCH_KEYRING_DIR", str(tmp_path / "keyring"))
    monkeypatch.setenv("UNDERRET_DATA_DIR", str(tmp_path / "data"))
    from _bench_keyring import BenchKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(BenchKeyring())
    try:
        _profile("Mette", KeyProtection.KEYRING)
    finally:
        keyring.set_keyring(previous)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "UNDERRET_BENCHMARK_STARTUP": "1",
           "PYTHON_KEYRING_BACKEND": "_bench_keyring.BenchKeyring",
           "PYTHONPATH": os.pathsep.join([str(benchmarks), os.environ.get("PYTHONPATH", "")])}
    env.pop("UNDERRET_POLICY", None)
    done = subprocess.run([sys.executable, "-m", "desktop"], env=env, capture_output=True, text=True,
                          timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    # "window": the main window has painted; "idle": it lists the notifications (the vault is open).
    assert [line.split()[0] for line in done.stdout.splitlines()] == ["window", "idle"]


@pytest.mark.slow
def test_smoke_test_creates_unlocks_and_opens_the_windows_then_exits_0(tmp_path: Path) -> None:
    env = {**os.environ, "UNDERRET_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    env.pop("UNDERRET_POLICY", None)
    done = subprocess.run([sys.executable, "-m", "desktop", "--smoke-test"], env=env, capture_output=True,
                          text=True, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "smoke test: OK" in done.stdout
    assert len(list((tmp_path / "data" / "profiles").iterdir())) == 1


def test_doctor_fails_with_a_reason_when_the_data_folder_is_not_writable(
        capsys: pytest.CaptureFixture[str], isolated_user_folders: Path) -> None:
    _profile("Mette")
    as_root = os.geteuid() == 0  # root ignores permission bits: use the immutable attribute instead
    if as_root:
        subprocess.run(["chattr", "+i", str(isolated_user_folders)], check=True)
    else:
        isolated_user_folders.chmod(0o555)
    try:
        code = main(["doctor"])
    finally:
        if as_root:
            subprocess.run(["chattr", "-i", str(isolated_user_folders)], check=True)
        else:
            isolated_user_folders.chmod(0o755)
    out = capsys.readouterr().out
    assert code == EXIT_ERRORS
    assert f"the data folder {isolated_user_folders} is not writable" in out


def test_the_event_log_started_by_the_command_writes_every_record_once_from_the_first(
        isolated_user_folders: Path) -> None:
    import logging
    import threading

    from desktop import eventlog
    from desktop.cli import event_log_stand_in

    root = logging.getLogger()
    level = root.level
    stand_in = event_log_stand_in()  # what `underret` puts on the root logger before anything may log
    root.addHandler(stand_in)
    root.setLevel(logging.INFO)
    try:
        logging.getLogger("desktop.ui.shell").info("profile %s unlocked", "p1")  # the very first record
        # Two threads' records at once (the outbox worker and the window): each written once.
        threads = [threading.Thread(target=eventlog.refusal, args=("pack.older_version",),
                                    kwargs={"pack": f"pack-{n}"}) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        logging.getLogger("httpx").info("a library's own chatter")  # not ours and not a warning: left out
        eventlog.problem("vault.corrupt", file="vault.db")
    finally:
        root.removeHandler(stand_in)
        stand_in.close()
        root.setLevel(level)
    lines = eventlog.log_file().read_text("utf-8").splitlines()
    assert len(lines) == 4, lines
    assert "profile p1 unlocked" in lines[0]
    assert sorted(line.split("pack=")[1] for line in lines[1:3]) == ["pack-0", "pack-1"]
    assert [entry.message_id for entry in eventlog.recent_problems()] == [
        "pack.older_version", "pack.older_version", "vault.corrupt"]


def test_a_log_that_cannot_be_made_never_stops_the_work_that_logs(
        isolated_user_folders: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import logging

    from desktop import eventlog
    from desktop.cli import event_log_stand_in

    made: list[int] = []

    def broken(*_args: object, **_kwargs: object) -> list[logging.Handler]:
        made.append(1)
        raise OSError("the log folder cannot be made")

    monkeypatch.setattr(eventlog, "handlers", broken)
    stand_in = event_log_stand_in()
    logger = logging.getLogger("desktop.ui.shell")
    try:
        logger.addHandler(stand_in)
        logger.warning("first")  # the caller goes on
        logger.warning("second")
    finally:
        logger.removeHandler(stand_in)
        stand_in.close()
    assert made == [1], "tried once, not at every record"
    assert "Logging error" in capsys.readouterr().err  # said once on stderr
