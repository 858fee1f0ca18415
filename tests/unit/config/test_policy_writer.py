"""The Windows installer's policy writer: installer properties become a checked policy.json."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest

from desktop.config.policy import load_policy
from desktop.config.policy_writer import main

KEY = base64.b64encode(bytes(range(32))).decode()


def _args_like_the_msi(out: Path, **given: str) -> list[str]:
    """Every option the MSI passes; properties IT did not set arrive as empty strings."""
    names = ["from", "municipality", "pack-source", "trusted-pack-keys", "intake-keys", "intake-endpoint",
             "intake-ca-pem-file", "intake-pin-sha256", "receipt-public-key", "allowed-transports",
             "key-protection", "idle-lock-minutes", "retention-days", "default-language", "demo-allowed",
             "proxy"]
    args = ["--out", str(out)]
    for name in names:
        args += [f"--{name}", given.get(name.replace("-", "_"), "")]
    return args


def test_installer_properties_become_the_machine_policy(tmp_path: Path) -> None:
    out = tmp_path / "ProgramData" / "Underret" / "policy.json"
    code = main(_args_like_the_msi(out, municipality="demo-kommune", idle_lock_minutes="3",
                                   demo_allowed="0", pack_source=r"\\fil01\underret",
                                   trusted_pack_keys=f"kommune-2026={KEY}", allowed_transports="https"))
    assert code == 0
    policy, source = load_policy(environ={}, platform_file=out)
    assert source.kind == "file"
    assert policy.municipality == "demo-kommune"
    assert policy.idle_lock_minutes == 3
    assert policy.demo_allowed is False
    assert policy.trusted_pack_keys is not None and policy.trusted_pack_keys[0].id == "kommune-2026"
    assert set(json.loads(out.read_text())) == {"municipality", "idle_lock_minutes", "demo_allowed",
                                                "pack_source", "trusted_pack_keys", "allowed_transports"}


def test_a_policy_file_given_to_the_installer_is_checked_and_copied(tmp_path: Path) -> None:
    source = tmp_path / "share" / "policy.json"
    source.parent.mkdir()
    source.write_text(json.dumps({"retention_days": 60, "default_language": "en"}))
    out = tmp_path / "out" / "policy.json"
    assert main(_args_like_the_msi(out, **{"from": str(source), "retention_days": "90"})) == 0
    assert json.loads(out.read_text()) == {"retention_days": 90, "default_language": "en"}


@pytest.mark.parametrize("given", [{"idle_lock_minutes": "999"}, {"idle_lock_minutes": "five"},
                                   {"default_language": "de"}, {"demo_allowed": "maybe"}])
def test_an_invalid_installer_value_fails_the_install_and_writes_nothing(
        tmp_path: Path, given: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "policy.json"
    assert main(_args_like_the_msi(out, **given)) == 1
    assert not out.exists()
    assert next(iter(given)) in capsys.readouterr().err


def test_no_values_leaves_an_existing_policy_alone(tmp_path: Path) -> None:
    out = tmp_path / "policy.json"
    out.write_text('{"retention_days": 45}')
    assert main(_args_like_the_msi(out)) == 0
    assert out.read_text() == '{"retention_days": 45}'


def test_the_intake_keys_property_becomes_the_two_rotation_keys(tmp_path: Path) -> None:
    old, new = base64.b64encode(bytes(1216)).decode(), base64.b64encode(b"\x01" * 1216).decode()
    out = tmp_path / "policy.json"
    assert main(_args_like_the_msi(out, intake_keys=f"intake-2026={old}; intake-2027={new}")) == 0
    policy, _ = load_policy(environ={}, platform_file=out)
    assert policy.intake_keys is not None
    keys = [(key.id, key.public_key) for key in policy.intake_keys]
    assert keys == [("intake-2026", old), ("intake-2027", new)]


def test_the_msi_passes_every_option_the_policy_writer_knows() -> None:
    # A setting the writer accepts but the installer never passes could not be set at install time.
    wxs = (Path(__file__).resolve().parents[3] / "packaging" / "windows" / "Underret.wxs").read_text("utf-8")
    from desktop.config.policy_writer import build_parser

    options = {o for action in build_parser()._actions for o in action.option_strings if o.startswith("--")}
    options -= {"--help", "--out", "--from", "--from-installer"}
    missing = {o for o in options if f"{o} &quot;[" not in wxs}
    assert missing == set()


# --- the MSI's command line as Windows splits it; upgrades keep what they were not given (issue 16) -

from tests.support.windows_command_line import (  # noqa: E402 - with the tests that use it
    custom_action_command,
    format_msi,
    split_command_line,
)

WXS = Path(__file__).resolve().parents[3] / "packaging" / "windows" / "Underret.wxs"


def _install(out: Path, **properties: str) -> int:
    """Run the policy writer as the MSI's custom action would: the real command line from Underret.wxs,
    formatted with ``properties`` and split by Windows' rules."""
    template = custom_action_command(WXS.read_text("utf-8"), "WritePolicy")
    folders = {"INSTALLFOLDER": "C:\\Program Files\\Underret\\", "POLICYDIR": f"{out.parent}{os.sep}"}
    argv = split_command_line(format_msi(template, {**folders, **properties}))
    assert argv[0] == "C:\\Program Files\\Underret\\underret-policy.exe"
    return main(argv[1:])


def test_windows_splits_the_command_line_as_the_c_runtime_documents() -> None:
    assert split_command_line(r'"C:\a b\x.exe" "a\\" b') == [r"C:\a b\x.exe", "a\\", "b"]
    assert split_command_line(r'x.exe "a\" b" c') == ["x.exe", 'a" b', "c"]
    assert split_command_line(r'x.exe a\\\"b "c""d"') == ["x.exe", 'a\\"b', 'c"d']
    assert split_command_line(r'x.exe "\\fil01\share\" --next "v"') == ["x.exe", '\\\\fil01\\share" --next v']


def test_a_pack_source_ending_in_a_backslash_does_not_swallow_the_properties_after_it(tmp_path: Path) -> None:
    out = tmp_path / "policy.json"
    share = "\\\\fil01\\underret\\packs\\"
    assert _install(out, PACK_SOURCE=share, TRUSTED_PACK_KEYS=f"kommune-2026={KEY}",
                    MUNICIPALITY="demo-kommune", IDLE_LOCK_MINUTES="5", DEFAULT_LANGUAGE="en") == 0
    policy, _ = load_policy(environ={}, platform_file=out)
    assert policy.pack_source == share
    assert (policy.municipality, policy.idle_lock_minutes,
            policy.default_language) == ("demo-kommune", 5, "en")
    assert policy.trusted_pack_keys is not None and policy.trusted_pack_keys[0].id == "kommune-2026"


def test_an_upgrade_given_some_properties_keeps_the_other_settings(tmp_path: Path) -> None:
    out = tmp_path / "policy.json"
    assert _install(out, MUNICIPALITY="demo-kommune", RETENTION_DAYS="60", PACK_SOURCE="\\\\fil01\\packs\\",
                    TRUSTED_PACK_KEYS=f"kommune-2026={KEY}") == 0
    assert _install(out, IDLE_LOCK_MINUTES="10") == 0  # the next version, given only the idle time
    assert json.loads(out.read_text("utf-8")) == {
        "municipality": "demo-kommune", "retention_days": 60, "pack_source": "\\\\fil01\\packs\\",
        "trusted_pack_keys": [{"id": "kommune-2026", "public_key": KEY}], "idle_lock_minutes": 10}


def test_reset_policy_writes_only_what_is_given_now(tmp_path: Path) -> None:
    out = tmp_path / "policy.json"
    assert _install(out, MUNICIPALITY="demo-kommune", RETENTION_DAYS="60") == 0
    assert _install(out, IDLE_LOCK_MINUTES="10", RESET_POLICY="1") == 0
    assert json.loads(out.read_text("utf-8")) == {"idle_lock_minutes": 10}


def test_an_upgrade_over_a_broken_policy_fails_and_names_it(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "policy.json"
    out.write_text('{"idle_lock_minutes": 9999}', "utf-8")
    assert _install(out, RETENTION_DAYS="60") == 1
    assert "idle_lock_minutes" in capsys.readouterr().err
    assert out.read_text("utf-8") == '{"idle_lock_minutes": 9999}'


#: Policy settings the installer does not take as a property, and why.
NOT_AN_INSTALLER_PROPERTY = {
    # A secret: msiexec writes property values and the custom action's command line into its log
    # (/l*v); IT gives the token in POLICY_FILE or by Group Policy instead.
    "intake_enrolment_token",
}


def test_every_policy_setting_is_an_installer_property_passed_to_the_policy_writer() -> None:
    from desktop.config.policy import Policy

    wxs = WXS.read_text("utf-8")
    command = custom_action_command(wxs, "WritePolicy")
    missing = [name for name in Policy.setting_names() if name not in NOT_AN_INSTALLER_PROPERTY
               and (f'<Property Id="{name.upper()}" Secure="yes" />' not in wxs
                    or f'--{name.replace("_", "-")} "[{name.upper()}]|"' not in command)]
    assert missing == []
    assert all(name in Policy.setting_names() for name in NOT_AN_INSTALLER_PROPERTY)


def test_the_mail_login_signing_and_revocation_properties_reach_the_policy(tmp_path: Path,
                                                                        ca_pem_file: Path) -> None:
    out = tmp_path / "ProgramData" / "Underret" / "policy.json"
    share = tmp_path / "fil01"
    share.mkdir()
    (share / "smtp-password.txt").write_text("hemmelig\n", "utf-8")
    (share / "signing-password.txt").write_text("pfx-kode\n", "utf-8")
    (share / "organisation.p12").write_bytes(b"\x30\x82")  # the writer checks it exists; delivery reads it
    given = {"SECURE_EMAIL_CA_PEM_FILE": str(ca_pem_file), "SECURE_EMAIL_REVOCATION": "warn",
             "SMTP_USERNAME": "underret@kommune.dk", "SMTP_PASSWORD_FILE": str(share / "smtp-password.txt"),
             "SECURE_EMAIL_SIGNING_P12_FILE": str(share / "organisation.p12"),
             "SECURE_EMAIL_SIGNING_PASSWORD_FILE": str(share / "signing-password.txt"),
             # the property after a value ending in a backslash still arrives whole
             "PACK_SOURCE": "\\\\fil01\\packs\\", "TRUSTED_PACK_KEYS": f"kommune-2026={KEY}"}
    assert _install(out, **given) == 0
    policy, _ = load_policy(environ={}, platform_file=out)
    assert policy.secure_email_revocation == "warn"
    assert policy.smtp_username == "underret@kommune.dk"
    assert policy.smtp_password_file == str((share / "smtp-password.txt").resolve())
    assert policy.secure_email_signing_p12_file == str((share / "organisation.p12").resolve())
    assert policy.secure_email_signing_password_file == str((share / "signing-password.txt").resolve())
    assert policy.secure_email_ca_pem_file == str(ca_pem_file.resolve())
    assert _install(out, IDLE_LOCK_MINUTES="10") == 0  # an upgrade keeps them
    assert load_policy(environ={}, platform_file=out)[0].smtp_username == "underret@kommune.dk"


@pytest.mark.parametrize(("given", "setting"), [
    ({"SECURE_EMAIL_REVOCATION": "ignore"}, "secure_email_revocation"),
    ({"SMTP_PASSWORD_FILE": "C:\\nowhere\\pw.txt"}, "smtp_password_file"),
])
def test_an_invalid_mail_property_fails_the_install_and_names_the_setting(
        tmp_path: Path, given: dict[str, str], setting: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "policy.json"
    assert _install(out, **given) == 1
    assert not out.exists()
    assert setting in capsys.readouterr().err
