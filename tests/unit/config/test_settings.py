"""Settings in force: the municipality's policy wins, then the user's choice, then the default."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from desktop.config.policy import IntakeKey, Policy, Transport, TrustedPackKey
from desktop.config.settings import (
    SETTINGS,
    SettingManaged,
    SettingNotUserChangeable,
    Settings,
    SettingsFileCorrupt,
    SettingSource,
    SettingValueInvalid,
    UnknownSetting,
    default_settings_file,
)
from desktop.paths import user_config_dir

KEY = base64.b64encode(bytes(32)).decode()
INTAKE_KEY = base64.b64encode(bytes(1216)).decode()

#: For every declared setting: a value the policy may set, and (when users may change it) a user value.
POLICY_VALUES: dict[str, tuple[str, Any, Any]] = {
    "language": ("default_language", "en", "en"),
    "idle_lock_minutes": ("idle_lock_minutes", 3, 3),
    "key_protection": ("key_protection", "passphrase", "passphrase"),
    "retention_days": ("retention_days", 90, 90),
    "demo_allowed": ("demo_allowed", False, False),
    "municipality": ("municipality", "demo-kommune", "demo-kommune"),
    "pack_source": ("pack_source", "/srv/packs", "/srv/packs"),
    "trusted_pack_keys": ("trusted_pack_keys", [TrustedPackKey(id="k", public_key=KEY)],
                          (TrustedPackKey(id="k", public_key=KEY),)),
    "intake_endpoint": ("intake_endpoint", "https://intake.example/", "https://intake.example/"),
    "intake_ca_pem_file": ("intake_ca_pem_file", "/etc/underret/ca.pem", "/etc/underret/ca.pem"),
    "intake_pin_sha256": ("intake_pin_sha256", "ab" * 32, "ab" * 32),
    "intake_enrolment_token": ("intake_enrolment_token", "ut1-" + "A" * 32, "ut1-" + "A" * 32),
    "receipt_public_key": ("receipt_public_key", KEY, KEY),
    "allowed_transports": ("allowed_transports", [Transport.SECURE_EMAIL], ("secure_email",)),
    "proxy": ("proxy", "http://proxy.example:8080", "http://proxy.example:8080"),
    "intake_keys": ("intake_keys", [IntakeKey(id="i", public_key=INTAKE_KEY)],
                    (IntakeKey(id="i", public_key=INTAKE_KEY),)),
    "secure_email_to": ("secure_email_to", "underretning@kommune.example", "underretning@kommune.example"),
    "secure_email_certificate_file": ("secure_email_certificate_file", "/etc/underret/mailbox.pem",
                                      "/etc/underret/mailbox.pem"),
    "secure_email_from": ("secure_email_from", "skole@kommune.example", "skole@kommune.example"),
    "smtp_host": ("smtp_host", "smtp.kommune.example", "smtp.kommune.example"),
    "smtp_port": ("smtp_port", 2525, 2525),
    "smtp_tls": ("smtp_tls", "tls", "tls"),
    "smtp_ca_pem_file": ("smtp_ca_pem_file", "/etc/underret/smtp-ca.pem", "/etc/underret/smtp-ca.pem"),
    "secure_email_ca_pem_file": ("secure_email_ca_pem_file", "/etc/underret/mailbox-ca.pem",
                                 "/etc/underret/mailbox-ca.pem"),
    "secure_email_revocation": ("secure_email_revocation", "warn", "warn"),
    "smtp_username": ("smtp_username", "skole-underret", "skole-underret"),
    "smtp_password_file": ("smtp_password_file", "/etc/underret/smtp.pw", "/etc/underret/smtp.pw"),
    "secure_email_signing_p12_file": ("secure_email_signing_p12_file", "/etc/underret/org.p12",
                                      "/etc/underret/org.p12"),
    "secure_email_signing_password_file": ("secure_email_signing_password_file", "/etc/underret/org.pw",
                                           "/etc/underret/org.pw"),
}
USER_VALUES: dict[str, Any] = {"language": "en", "idle_lock_minutes": 12, "key_protection": "passphrase"}


def test_every_declared_setting_has_a_precedence_case() -> None:
    assert set(POLICY_VALUES) == {spec.name for spec in SETTINGS}


@pytest.mark.parametrize("name", [spec.name for spec in SETTINGS])
def test_without_policy_or_user_choice_the_default_applies(name: str) -> None:
    settings = Settings.load(Policy())
    assert settings.value(name) == Settings.spec(name).default
    assert settings.source(name) is SettingSource.DEFAULT
    assert not settings.is_managed(name)


@pytest.mark.parametrize("name", [spec.name for spec in SETTINGS if spec.policy_fixes])
def test_policy_value_wins_and_marks_the_setting_managed(name: str) -> None:
    field, policy_value, expected = POLICY_VALUES[name]
    if name in USER_VALUES:
        # The user chose something before IT fixed the setting: the policy still wins.
        Settings.load(Policy()).set_user(name, USER_VALUES[name] if name != "key_protection" else "keyring")
    settings = Settings.load(Policy(**{field: policy_value}))
    assert settings.value(name) == expected
    assert settings.source(name) is SettingSource.POLICY
    assert settings.is_managed(name)
    assert not settings.is_user_changeable(name)


@pytest.mark.parametrize("name", sorted(USER_VALUES))
def test_user_choice_wins_over_the_default_and_survives_a_restart(name: str) -> None:
    Settings.load(Policy()).set_user(name, USER_VALUES[name])
    settings = Settings.load(Policy())
    assert settings.value(name) == USER_VALUES[name]
    assert settings.source(name) is SettingSource.USER
    assert json.loads(default_settings_file().read_text("utf-8"))[name] == USER_VALUES[name]
    assert default_settings_file().parent == user_config_dir()


def test_policy_language_is_the_default_but_staff_may_still_switch() -> None:
    policy = Policy(default_language="en")
    settings = Settings.load(policy)
    assert settings.value("language") == "en"
    assert settings.source("language") is SettingSource.POLICY
    assert not settings.is_managed("language")
    settings.set_user("language", "da")
    assert Settings.load(policy).value("language") == "da"
    assert Settings.load(policy).source("language") is SettingSource.USER


@pytest.mark.parametrize("name", ["idle_lock_minutes", "key_protection"])
def test_changing_a_managed_setting_is_refused_and_nothing_is_written(name: str) -> None:
    field, policy_value, _ = POLICY_VALUES[name]
    settings = Settings.load(Policy(**{field: policy_value}))
    with pytest.raises(SettingManaged) as caught:
        settings.set_user(name, USER_VALUES[name])
    assert caught.value.message_id == "settings.managed"
    assert caught.value.details["setting"] == name
    assert not default_settings_file().exists()


@pytest.mark.parametrize("name", ["retention_days", "demo_allowed", "intake_endpoint", "proxy"])
def test_settings_only_it_may_set_are_refused_for_users(name: str) -> None:
    settings = Settings.load(Policy())
    assert not settings.is_user_changeable(name)
    with pytest.raises(SettingNotUserChangeable):
        settings.set_user(name, POLICY_VALUES[name][1])


def test_policy_only_setting_smuggled_into_the_user_file_is_ignored() -> None:
    user_file = default_settings_file()
    user_file.parent.mkdir(parents=True)
    user_file.write_text(json.dumps({"retention_days": 3650, "demo_allowed": False}))
    settings = Settings.load(Policy())
    assert settings.value("retention_days") == 30
    assert settings.value("demo_allowed") is True


@pytest.mark.parametrize(("name", "value"), [("idle_lock_minutes", 0), ("idle_lock_minutes", 241),
                                             ("idle_lock_minutes", "5"), ("language", "de"),
                                             ("key_protection", "none")])
def test_out_of_range_user_values_are_refused(name: str, value: Any) -> None:
    settings = Settings.load(Policy())
    with pytest.raises(SettingValueInvalid):
        settings.set_user(name, value)
    assert settings.source(name) is SettingSource.DEFAULT


def test_unknown_setting_name_is_an_error() -> None:
    with pytest.raises(UnknownSetting):
        Settings.load(Policy()).value("colour")


def test_reset_returns_to_the_default() -> None:
    settings = Settings.load(Policy())
    settings.set_user("idle_lock_minutes", 20)
    settings.reset_user("idle_lock_minutes")
    assert Settings.load(Policy()).source("idle_lock_minutes") is SettingSource.DEFAULT


def test_corrupt_settings_file_is_kept_aside_and_defaults_are_used() -> None:
    user_file = default_settings_file()
    user_file.parent.mkdir(parents=True)
    garbage = b'{"language": "en", "idle_lock_min'
    user_file.write_bytes(garbage)
    settings = Settings.load(Policy())
    assert settings.value("language") == "da"
    assert len(settings.problems) == 1
    problem = settings.problems[0]
    assert isinstance(problem, SettingsFileCorrupt)
    kept = Path(problem.details["kept_as"])
    assert kept.parent == user_file.parent and kept.name.startswith("settings.json.corrupt-")
    assert kept.read_bytes() == garbage
    # The user can carry on: a new choice writes a fresh file, the kept copy stays.
    settings.set_user("language", "en")
    assert Settings.load(Policy()).value("language") == "en"
    assert kept.read_bytes() == garbage


def test_one_bad_value_in_the_user_file_falls_back_for_that_setting_only() -> None:
    user_file = default_settings_file()
    user_file.parent.mkdir(parents=True)
    user_file.write_text(json.dumps({"language": "en", "idle_lock_minutes": 9999}))
    settings = Settings.load(Policy())
    assert settings.value("language") == "en"
    assert settings.value("idle_lock_minutes") == 5
    assert [p.details["setting"] for p in settings.problems] == ["idle_lock_minutes"]


def test_settings_written_by_a_newer_version_are_kept_when_this_one_saves() -> None:
    user_file = default_settings_file()
    user_file.parent.mkdir(parents=True)
    user_file.write_text(json.dumps({"future_option": [1, 2]}))
    Settings.load(Policy()).set_user("idle_lock_minutes", 7)
    assert json.loads(user_file.read_text()) == {"future_option": [1, 2], "idle_lock_minutes": 7}


def test_saving_leaves_no_temporary_files_behind() -> None:
    settings = Settings.load(Policy())
    for minutes in (6, 7, 8):
        settings.set_user("idle_lock_minutes", minutes)
    assert sorted(p.name for p in default_settings_file().parent.iterdir()) == ["settings.json"]
