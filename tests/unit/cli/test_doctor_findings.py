"""``underret doctor`` for IT: a fresh account is fine, every setting is listed, warnings and errors differ.

Exit codes: 0 all is well, 1 warnings (the app works, IT should look), 2 errors (something does not work).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from desktop import eventlog
from desktop.cli import main
from desktop.config.pack_signing import PackSigningKey, generate_key_pair, load_signing_key, sign_pack
from desktop.config.pack_updates import PackUpdater, UpdateOutcome, downloaded_packs_dir
from desktop.config.policy import Policy
from desktop.config.settings import SETTINGS
from desktop.doctor import EXIT_ERRORS, EXIT_OK, EXIT_WARNINGS
from desktop.store.keys import KEYRING_SERVICE, KeyProtection, ScryptParams, zero
from desktop.store.profiles import PROFILE_FILE, ProfileDirectory, ProfileInfo
from desktop.store.vault import Vault
from tests.unit.config.conftest import make_pack_yaml

CHEAP = ScryptParams(n=2**10, r=8, p=1)


def _profile(name: str, protection: KeyProtection = KeyProtection.PASSPHRASE, drafts: int = 0) -> ProfileInfo:
    passphrase = "korrekt hest batteri" if protection == KeyProtection.PASSPHRASE else None
    info, key = ProfileDirectory(scrypt=CHEAP).create(name, protection, passphrase)
    with Vault.open(info.vault_path, key) as vault:
        for index in range(drafts):
            vault.notifications.create_draft({"concern": "Bekymring " * 300, "n": index}, "signals", "AB")
    zero(key)
    return info


def _doctor(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["doctor"])
    return code, capsys.readouterr().out


@pytest.mark.slow
def test_doctor_on_a_fresh_account_with_no_data_folder_yet_says_ok(tmp_path: Path) -> None:
    home = tmp_path / "home" / "new-colleague"
    home.mkdir(parents=True)  # no ~/.local at all: nobody has started Underret here yet
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("XDG_", "UNDERRET_"))}
    env.update(HOME=str(home), PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    done = subprocess.run([sys.executable, "-m", "desktop", "doctor"], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == EXIT_OK, done.stdout + done.stderr
    assert f"Data folder: {home}/.local/share/Underret" in done.stdout
    assert "does not exist yet" in done.stdout
    assert not (home / ".local").exists()  # doctor only reads: it made nothing


def test_doctor_lists_every_setting_with_where_its_value_comes_from(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"smtp_host": "smtp.kommune.example", "idle_lock_minutes": 7}), "utf-8")
    monkeypatch.setenv("UNDERRET_POLICY", str(policy))
    code, out = _doctor(capsys)
    assert code == EXIT_OK, out
    listed = [line.split(" = ")[0].strip() for line in out.splitlines()
              if line.startswith("  ") and " = " in line and line.rstrip().endswith(("(policy)", "(user)",
                                                                                       "(default)"))]
    assert listed == [spec.name for spec in SETTINGS]
    # Every policy setting IT can set is among them (default_language is the setting "language").
    assert {spec.policy_field for spec in SETTINGS} == set(Policy.setting_names())
    assert "smtp_host = 'smtp.kommune.example' (policy)" in out
    assert "idle_lock_minutes = 7 (policy)" in out
    assert "retention_days = 30 (default)" in out


def _signing_key(tmp_path: Path) -> PackSigningKey:
    private, _ = generate_key_pair("kommune-2026", tmp_path / "keys")
    return load_signing_key(private)


def _pack_policy(tmp_path: Path, key: PackSigningKey, monkeypatch: pytest.MonkeyPatch) -> Policy:
    share = tmp_path / "share"
    share.mkdir()
    values = {"municipality": "demo-kommune", "pack_source": str(share),
              "trusted_pack_keys": [key.public_key().to_json()]}
    policy_file = tmp_path / "policy.json"
    policy_file.write_text(json.dumps(values), "utf-8")
    monkeypatch.setenv("UNDERRET_POLICY", str(policy_file))
    from desktop.config.policy import load_policy

    return load_policy()[0]


def _publish(policy: Policy, data: bytes, key: PackSigningKey) -> None:
    assert policy.pack_source is not None
    share = Path(policy.pack_source)
    (share / "demo-kommune.yaml").write_bytes(data)
    (share / "demo-kommune.yaml.sig").write_bytes(sign_pack(data, key))


def test_a_refused_pack_update_is_a_warning_not_ok(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    key = _signing_key(tmp_path)
    policy = _pack_policy(tmp_path, key, monkeypatch)
    _publish(policy, make_pack_yaml(version="2026.5"), key)
    from datetime import UTC, datetime

    assert PackUpdater(policy).check(datetime.now(UTC)).outcome is UpdateOutcome.UPDATED
    _publish(policy, make_pack_yaml(version="2026.2"), key)  # an older signed pack: a rollback
    assert PackUpdater(policy).check(datetime.now(UTC)).outcome is UpdateOutcome.REFUSED

    code, out = _doctor(capsys)

    assert code == EXIT_WARNINGS, out
    assert "RESULT: WARNINGS" in out
    assert "the last guideline pack update was refused (pack.older_version" in out


def test_a_damaged_downloaded_pack_is_a_warning_and_the_shipped_one_is_used(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = _signing_key(tmp_path)
    policy = _pack_policy(tmp_path, key, monkeypatch)
    _publish(policy, make_pack_yaml(version="2026.5"), key)
    from datetime import UTC, datetime

    PackUpdater(policy).check(datetime.now(UTC))
    [downloaded] = downloaded_packs_dir().glob("demo-kommune-*.yaml")
    downloaded.write_bytes(downloaded.read_bytes()[:-40])  # a disk error cut it short

    code, out = _doctor(capsys)

    assert code == EXIT_WARNINGS, out
    assert "downloaded copy: DAMAGED (pack.download_damaged" in out
    assert "forms/packs/demo-kommune.yaml" in out.split("Guideline pack: ")[1].splitlines()[0]


def test_warnings_and_errors_have_their_own_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    healthy = _profile("Mette")
    assert _doctor(capsys)[0] == EXIT_OK
    healthy.folder.chmod(0o755)  # left readable by an older version: a warning, the app tightens it
    (healthy.folder / PROFILE_FILE).chmod(0o644)
    code, out = _doctor(capsys)
    assert code == EXIT_WARNINGS, out
    assert f"files {healthy.folder} can be opened by other users of this PC" in out
    damaged = _profile("Jonas")
    (damaged.folder / PROFILE_FILE).write_text("{ cut short", "utf-8")
    code, out = _doctor(capsys)
    assert code == EXIT_ERRORS, out
    assert f"- DAMAGED PROFILE (id {damaged.id})" in out
    assert f"profile {damaged.id}: its profile.json is damaged" in out
    assert "nothing has been deleted" in out
    assert "RESULT: PROBLEMS FOUND: 1 error(s), 1 warning(s)" in out


def test_a_damaged_vault_of_a_keyring_profile_is_found_page_by_page(
        capsys: pytest.CaptureFixture[str]) -> None:
    profile = _profile("Mette", KeyProtection.KEYRING, drafts=12)
    data = bytearray(profile.vault_path.read_bytes())
    data[len(data) - 100] ^= 1
    profile.vault_path.write_bytes(bytes(data))
    before = sorted(p.name for p in profile.folder.iterdir())

    code, out = _doctor(capsys)

    assert code == EXIT_ERRORS, out
    assert "pages: DAMAGED (1 page(s) fail SQLCipher's check)" in out
    assert f"profile {profile.id}: its vault is damaged" in out
    assert sorted(p.name for p in profile.folder.iterdir()) == before  # nothing made beside it
    assert keyring.get_password(KEYRING_SERVICE, profile.id) is not None


def test_a_damaged_write_ahead_log_is_found_for_any_profile_even_without_its_passphrase(
        capsys: pytest.CaptureFixture[str]) -> None:
    from tests.integration.store.test_vault_damage import _crash_with_drafts_in_the_log

    directory = ProfileDirectory(scrypt=CHEAP)
    profile, key = directory.create("Mette", KeyProtection.PASSPHRASE, "korrekt hest batteri")
    _crash_with_drafts_in_the_log(profile.vault_path, key, count=6)  # the app died: drafts in the log only
    zero(key)
    log = Path(f"{profile.vault_path}-wal")
    data = bytearray(log.read_bytes())
    data[32 + 24 + 300] ^= 1  # the first frame
    log.write_bytes(bytes(data))
    before = {p.name: p.read_bytes() for p in profile.folder.iterdir()}

    code, out = _doctor(capsys)

    assert code == EXIT_ERRORS, out
    assert "write-ahead log: DAMAGED at frame 1; 6 saved change(s) after it would be lost" in out
    assert f"profile {profile.id}: its vault's write-ahead log is damaged" in out
    assert {p.name: p.read_bytes() for p in profile.folder.iterdir()} == before  # doctor only reads


def test_doctor_shows_the_last_problems_from_the_event_log(capsys: pytest.CaptureFixture[str]) -> None:
    eventlog.install()
    try:
        eventlog.refusal("pack.untrusted_key", name="demo-kommune", key="old-2025")
        eventlog.problem("vault.corrupt", profile="0b9c7a52-5d0e-4a53-9d61-1f7b1c2f3e10", pages="1")
        eventlog.notice("session.locked", reason="sleep")
    finally:
        eventlog.uninstall()
    code, out = _doctor(capsys)
    assert code == EXIT_OK  # past events are shown; the exit code follows the PC's state now
    log_part = out.split("Event log: ")[1]
    assert ("WARNING pack.untrusted_key: refused pack.untrusted_key: name=demo-kommune key=old-2025"
            in log_part)
    assert "ERROR vault.corrupt: problem vault.corrupt: profile=0b9c7a52" in log_part
    assert "session.locked" not in log_part


def test_a_refused_directory_update_is_a_warning_too(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC, datetime

    from desktop.config.directory_updates import DIRECTORY
    from desktop.config.pack_updates import SignedUpdater
    from desktop.paths import forms_dir

    key = _signing_key(tmp_path)
    policy = _pack_policy(tmp_path, key, monkeypatch)
    assert policy.pack_source is not None
    shipped = (forms_dir() / "directory" / "municipalities.yaml").read_bytes()
    older = shipped.replace(b'\nversion: "2026.1"', b'\nversion: "2025.1"')  # an older signed copy
    assert older != shipped
    (Path(policy.pack_source) / "municipalities.yaml").write_bytes(older)
    (Path(policy.pack_source) / "municipalities.yaml.sig").write_bytes(sign_pack(older, key))
    status = SignedUpdater(DIRECTORY, policy).check(datetime.now(UTC))
    assert (status.outcome, status.message_id) == (UpdateOutcome.REFUSED, "directory.older_version")

    code, out = _doctor(capsys)

    assert code == EXIT_WARNINGS, out
    assert "Municipality directory: " in out and "(version " in out
    assert "the last municipality directory update was refused (directory.older_version" in out


def test_doctor_never_prints_the_enrolment_token_or_a_proxy_password_in_full(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Doctor's output is pasted into support tickets: a secret in the policy is named, not shown."""
    token = "ut1-Q2hhbmdlTWVQbGVhc2VTZWNyZXRUb2tlbg"
    policy = tmp_path / "policy.json"
    proxy = "http://skole-svc:Hemmelig%2142@proxy.kommune.example:3128"
    policy.write_text(json.dumps({"intake_enrolment_token": token, "proxy": proxy}), "utf-8")
    monkeypatch.setenv("UNDERRET_POLICY", str(policy))
    _, out = _doctor(capsys)
    assert token not in out and token[8:20] not in out
    assert f"intake_enrolment_token = 'ut1-…' (secret, {len(token)} characters) (policy)" in out
    assert "Hemmelig" not in out
    assert "proxy = 'http://skole-svc:***@proxy.kommune.example:3128' (policy)" in out


def _refused_at_unlock(profile: ProfileInfo) -> None:
    """The person tries to unlock, as the app does it (the app's own unlock path writes the event log)."""
    from desktop.store.errors import VaultCorrupt
    from desktop.ui.services import Services

    eventlog.install()
    try:
        with pytest.raises(VaultCorrupt):
            Services.unlock_and_open(ProfileDirectory(scrypt=CHEAP), profile, "korrekt hest batteri")
    finally:
        eventlog.uninstall()


def test_a_passphrase_vault_refused_as_damaged_at_unlock_is_an_error_while_the_file_is_unchanged(
        capsys: pytest.CaptureFixture[str]) -> None:
    # Doctor cannot check a passphrase vault's pages itself (no key); the app's refusal in the event log
    # is how IT learns of it, and it is this PC's state for as long as the file is the one refused.
    profile = _profile("Mette", drafts=12)
    data = bytearray(profile.vault_path.read_bytes())
    data[len(data) - 100] ^= 1
    profile.vault_path.write_bytes(bytes(data))
    _refused_at_unlock(profile)
    before = {p.name: p.read_bytes() for p in profile.folder.iterdir()}

    code, out = _doctor(capsys)

    assert code == EXIT_ERRORS, out
    assert "opens: REFUSED as damaged when the person unlocked it" in out
    assert f"profile {profile.id}: its vault was refused as damaged at unlock" in out
    assert {p.name: p.read_bytes() for p in profile.folder.iterdir()} == before  # doctor only reads

    # IT puts back a good copy: the file has changed since, so it is no longer an error.
    later = profile.vault_path.stat().st_mtime + 5
    os.utime(profile.vault_path, (later, later))
    code, out = _doctor(capsys)
    assert code == EXIT_OK, out
    assert "refused as damaged" in out and "changed since" in out
