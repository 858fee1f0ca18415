"""Municipal IT's policy: where it is read from and how a bad one is reported."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.config.policy import Policy, PolicyInvalid, load_policy, policy_from_mapping
from desktop.config.policy_schema import json_schema
from desktop.paths import forms_dir

KEY = base64.b64encode(bytes(range(32))).decode()
# The policy checks an intake key's shape (ML-KEM-768 1184 bytes + X25519 32 bytes), not its maths.
INTAKE_KEY = base64.b64encode(bytes(1216)).decode()
NEW_INTAKE_KEY = base64.b64encode(b"\x01" * 1216).decode()

FULL_POLICY = {
    "municipality": "demo-kommune",
    "pack_source": "https://packs.kommune.example/underret/",
    "trusted_pack_keys": [{"id": "kommune-2026", "public_key": KEY}],
    "intake_endpoint": "https://intake.kommune.example/api/v1/notifications",
    "intake_keys": [{"id": "intake-2026", "public_key": INTAKE_KEY}],
    "intake_ca_pem_file": "kommune-ca.pem",
    "intake_pin_sha256": "ab" * 32,
    "receipt_public_key": KEY,
    "allowed_transports": ["https"],
    "key_protection": "passphrase",
    "idle_lock_minutes": 3,
    "retention_days": 90,
    "default_language": "en",
    "demo_allowed": False,
    "proxy": "http://proxy.kommune.example:8080",
}


def test_no_policy_anywhere_means_nothing_is_managed(tmp_path: Path) -> None:
    policy, source = load_policy(environ={}, platform_file=tmp_path / "absent" / "policy.json")
    assert policy == Policy()
    assert policy.managed_settings() == []
    assert source.kind == "none"
    assert source.location == str(tmp_path / "absent" / "policy.json")


def test_it_policy_with_every_setting_is_read_from_the_platform_file(
        write_policy: Callable[..., Path], ca_pem_file: Path) -> None:
    path = write_policy(FULL_POLICY)
    policy, source = load_policy(environ={}, platform_file=path)
    assert (source.kind, source.location) == ("file", str(path))
    assert set(policy.managed_settings()) == set(FULL_POLICY)
    assert policy.idle_lock_minutes == 3
    assert policy.trusted_pack_keys is not None
    assert policy.trusted_pack_keys[0].raw_public_key() == bytes(range(32))
    # A relative CA path is taken relative to the policy file and published absolute.
    assert policy.intake_ca_pem_file == str(ca_pem_file.resolve())


def test_underret_policy_variable_wins_over_the_platform_file(
        write_policy: Callable[..., Path]) -> None:
    platform = write_policy({"idle_lock_minutes": 10}, "machine.json")
    trial = write_policy({"idle_lock_minutes": 2}, "trial.json")
    policy, source = load_policy(environ={"UNDERRET_POLICY": str(trial)}, platform_file=platform)
    assert policy.idle_lock_minutes == 2
    assert (source.kind, source.location) == ("env", str(trial))


def test_underret_policy_naming_a_missing_file_stops_with_its_name(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.json"
    with pytest.raises(PolicyInvalid) as caught:
        load_policy(environ={"UNDERRET_POLICY": str(missing)}, platform_file=tmp_path / "x.json")
    assert caught.value.message_id == "policy.missing_file"
    assert caught.value.details["file"] == str(missing)


def test_policy_saved_by_notepad_with_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"retention_days": 60}).encode())
    policy, _ = load_policy(environ={}, platform_file=path)
    assert policy.retention_days == 60


@pytest.mark.parametrize(
    ("content", "message_id", "setting", "problem_part"),
    [
        ('{\n  "idle_lock_minutes": 5,\n  "retention_days": \n}', "policy.bad_json", "(file)",
         "line 4, column 1"),
        ({"idle_lock_minute": 5}, "policy.unknown_setting", "idle_lock_minute", "not a known setting"),
        ({"trusted_pack_keys": [{"id": "k", "public_key": KEY, "comment": "x"}]},
         "policy.unknown_setting", "trusted_pack_keys.0.comment", "not a known setting"),
        ({"idle_lock_minutes": "5"}, "policy.wrong_type", "idle_lock_minutes", "whole number"),
        ({"demo_allowed": "no"}, "policy.wrong_type", "demo_allowed", "true or false"),
        ({"allowed_transports": "https"}, "policy.wrong_type", "allowed_transports", "a list"),
        ([1, 2], "policy.wrong_type", "(file)", "JSON object"),
        ({"idle_lock_minutes": 0}, "policy.out_of_range", "idle_lock_minutes", "at least 1"),
        ({"idle_lock_minutes": 241}, "policy.out_of_range", "idle_lock_minutes", "at most 240"),
        ({"retention_days": 0}, "policy.out_of_range", "retention_days", "at least 1"),
        ({"retention_days": 3651}, "policy.out_of_range", "retention_days", "at most 3650"),
        ({"default_language": "de"}, "policy.bad_value", "default_language", "'da' or 'en'"),
        ({"key_protection": "none"}, "policy.bad_value", "key_protection", "'keyring' or 'passphrase'"),
        ({"intake_endpoint": "http://intake.example/"}, "policy.bad_value", "intake_endpoint", "https://"),
        ({"pack_source": "relative/folder", "trusted_pack_keys": [{"id": "k", "public_key": KEY}]},
         "policy.bad_value", "pack_source", "folder path"),
        ({"pack_source": "/srv/packs"}, "policy.bad_value", "trusted_pack_keys", "trusted pack key"),
        ({"trusted_pack_keys": [{"id": "k", "public_key": "c2hvcnQ="}]}, "policy.bad_value",
         "trusted_pack_keys.0.public_key", "Ed25519"),
        ({"intake_keys": []}, "policy.out_of_range", "intake_keys", "at least 1 entry, got 0"),
        ({"intake_keys": [{"id": f"k{n}", "public_key": INTAKE_KEY} for n in range(3)]},
         "policy.out_of_range", "intake_keys", "at most 2 entries, got 3"),
        ({"intake_keys": [{"id": "k", "public_key": INTAKE_KEY}, {"id": "k", "public_key": NEW_INTAKE_KEY}]},
         "policy.bad_value", "intake_keys", "key ids must be unique"),
        ({"intake_keys": [{"id": "k", "public_key": KEY}]}, "policy.bad_value",
         "intake_keys.0.public_key", "ML-KEM-768+X25519 intake public key: 1216 bytes"),
        ({"intake_keys": [{"id": "k", "public_key": "not base64!"}]}, "policy.bad_value",
         "intake_keys.0.public_key", "1216 bytes in base64"),
        ({"intake_keys": [{"id": "-k", "public_key": INTAKE_KEY}]}, "policy.bad_value",
         "intake_keys.0.id", "a key id of letters"),
        ({"intake_keys": [{"id": "k", "public_key": INTAKE_KEY, "fingerprint": "AB12"}]},
         "policy.unknown_setting", "intake_keys.0.fingerprint", "not a known setting"),
        ({"allowed_transports": []}, "policy.out_of_range", "allowed_transports", "at least 1 entry"),
        ({"intake_pin_sha256": "AB" * 32}, "policy.bad_value", "intake_pin_sha256", "64 lower-case hex"),
        ({"intake_ca_pem_file": "missing-ca.pem"}, "policy.missing_file", "intake_ca_pem_file",
         "missing-ca.pem does not exist"),
    ],
    ids=lambda value: value if isinstance(value, str) and value.startswith("policy.") else "",
)
def test_invalid_policy_names_the_file_the_setting_and_the_problem(
        write_policy: Callable[..., Path], content: object, message_id: str, setting: str,
        problem_part: str) -> None:
    path = write_policy(content)
    with pytest.raises(PolicyInvalid) as caught:
        load_policy(environ={}, platform_file=path)
    error = caught.value
    assert error.message_id == message_id
    assert error.details["file"] == str(path)
    assert error.details["setting"] == setting
    assert problem_part in error.details["problem"]
    assert str(path) in str(error) and setting in str(error)


def test_ca_file_that_is_not_a_certificate_is_refused(write_policy: Callable[..., Path],
                                                     tmp_path: Path) -> None:
    (tmp_path / "policy").mkdir(exist_ok=True)
    (tmp_path / "policy" / "ca.pem").write_text("not a certificate")
    path = write_policy({"intake_ca_pem_file": "ca.pem"})
    with pytest.raises(PolicyInvalid) as caught:
        load_policy(environ={}, platform_file=path)
    assert caught.value.details["setting"] == "intake_ca_pem_file"
    assert "no PEM certificate" in caught.value.details["problem"]


def test_every_problem_in_a_policy_is_listed_not_only_the_first(
        write_policy: Callable[..., Path]) -> None:
    path = write_policy({"idle_lock_minutes": 0, "colour": "blue", "demo_allowed": "yes"})
    with pytest.raises(PolicyInvalid) as caught:
        load_policy(environ={}, platform_file=path)
    settings = {setting for setting, _ in caught.value.problems}
    assert settings == {"idle_lock_minutes", "colour", "demo_allowed"}


def test_group_policy_values_are_checked_like_the_file() -> None:
    # The registry path converts values to this mapping; its validation is the file's.
    policy = policy_from_mapping({"idle_lock_minutes": 15, "allowed_transports": ["https"]},
                                 r"HKLM\SOFTWARE\Policies\Underret")
    assert policy.idle_lock_minutes == 15
    with pytest.raises(PolicyInvalid) as caught:
        policy_from_mapping({"idle_lock_minutes": 999}, r"HKLM\SOFTWARE\Policies\Underret")
    assert caught.value.details["file"] == r"HKLM\SOFTWARE\Policies\Underret"


def test_published_policy_schema_is_current() -> None:
    published = json.loads((forms_dir() / "schema" / "policy.schema.json").read_text("utf-8"))
    assert published == json_schema(), "run: python -m desktop.config.policy_schema"


def test_published_schema_accepts_the_full_example_and_rejects_unknown_keys() -> None:
    import jsonschema

    schema = json.loads((forms_dir() / "schema" / "policy.schema.json").read_text("utf-8"))
    jsonschema.validate(FULL_POLICY, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"idle_lock_minute": 5}, schema)


def test_group_policy_registry_values_become_the_same_policy_as_a_file() -> None:
    from desktop.config.policy import registry_to_mapping

    # What the ADMX templates write: REG_DWORD numbers and switches, REG_SZ text, a key sub-key.
    mapping = registry_to_mapping(
        [("municipality", "demo-kommune"), ("idle_lock_minutes", 3), ("demo_allowed", 0),
         ("allowed_transports", "https, secure_email"), ("pack_source", r"\\fil01\underret")],
        [("kommune-2026", KEY)],
    )
    policy = policy_from_mapping(mapping, r"HKLM\SOFTWARE\Policies\Underret")
    assert policy.demo_allowed is False
    assert policy.idle_lock_minutes == 3
    assert [t.value for t in policy.allowed_transports or []] == ["https", "secure_email"]
    assert policy.trusted_pack_keys is not None and policy.trusted_pack_keys[0].id == "kommune-2026"


def test_group_policy_intake_keys_sub_key_becomes_the_two_rotation_keys() -> None:
    from desktop.config.policy import REGISTRY_INTAKE_KEYS_SUBKEY, registry_to_mapping

    # HKLM\SOFTWARE\Policies\Underret\intake_keys: value name = key id, data = base64 public key.
    assert REGISTRY_INTAKE_KEYS_SUBKEY == "intake_keys"
    mapping = registry_to_mapping([("intake_endpoint", "https://intake.kommune.example/")], [],
                                  [("intake-2026", INTAKE_KEY), ("intake-2027", NEW_INTAKE_KEY)])
    policy = policy_from_mapping(mapping, r"HKLM\SOFTWARE\Policies\Underret")
    assert policy.intake_keys is not None
    assert [(key.id, key.public_key) for key in policy.intake_keys] == [
        ("intake-2026", INTAKE_KEY), ("intake-2027", NEW_INTAKE_KEY)]
    assert "intake_keys" in policy.managed_settings()


def test_group_policy_without_an_intake_keys_sub_key_leaves_the_pack_keys_in_force() -> None:
    from desktop.config.policy import registry_to_mapping

    mapping = registry_to_mapping([("retention_days", 30)], [], [])
    assert "intake_keys" not in mapping
    assert policy_from_mapping(mapping, "HKLM").intake_keys is None


def test_a_mistyped_group_policy_value_is_reported_with_the_registry_location() -> None:
    from desktop.config.policy import registry_to_mapping

    mapping = registry_to_mapping([("retention_days", "ninety")], [])
    with pytest.raises(PolicyInvalid) as caught:
        policy_from_mapping(mapping, r"HKLM\SOFTWARE\Policies\Underret")
    assert caught.value.message_id == "policy.wrong_type"
    assert caught.value.details["setting"] == "retention_days"


# --- a municipality the app cannot use is an invalid policy (issue 16: a misspelt one used to fall back
# to the national pack without a word) --------------------------------------------------------------


@pytest.mark.parametrize(("municipality", "problem_part"), [
    ("demo-komune", "no guideline pack \"demo-komune\" ships with Underret"),  # misspelt pack id
    ("100", "is not a municipality code in the code list"),  # three digits, but no municipality's
])
def test_a_municipality_the_app_cannot_use_makes_the_policy_invalid(
        write_policy: Callable[..., Path], municipality: str, problem_part: str) -> None:
    path = write_policy({"municipality": municipality})
    with pytest.raises(PolicyInvalid) as caught:
        load_policy(environ={}, platform_file=path)
    assert caught.value.message_id == "policy.bad_value"
    assert caught.value.details["setting"] == "municipality"
    assert problem_part in caught.value.details["problem"]


@pytest.mark.parametrize("values", [
    {"municipality": "101"},  # Københavns Kommune's code
    {"municipality": "demo-kommune"},  # a shipped pack
    {"municipality": "nabo-kommune", "pack_source": "https://packs.kommune.example/underret/",
     "trusted_pack_keys": [{"id": "kommune-2026", "public_key": KEY}]},  # published by its own source
])
def test_a_municipality_the_app_can_use_is_accepted(values: dict[str, object]) -> None:
    assert policy_from_mapping(values, "test").municipality == values["municipality"]


@pytest.mark.parametrize("token", ["ut1-short", "wrong-kind-0123456789abcdefghij",
                                   ["ut1-0123456789abcdefghij"]])
def test_a_refused_enrolment_token_is_never_repeated_in_the_message(token: object) -> None:
    # The message goes to the screen, the event log and support tickets; whoever reads the token
    # can enrol PCs at the intake. IT sees which setting and what is wrong, and the token's start.
    with pytest.raises(PolicyInvalid) as refused:
        policy_from_mapping({"intake_enrolment_token": token}, "policy.json")
    said = str(refused.value) + " ".join(problem for _, problem in refused.value.problems)
    assert "intake_enrolment_token" in said
    secret = token if isinstance(token, str) else token[0]  # type: ignore[index]
    assert secret not in said and secret[5:] not in said
    if isinstance(token, str):
        assert f"secret, {len(token)} characters" in said


def test_a_refused_proxy_setting_is_repeated_without_its_password() -> None:
    with pytest.raises(PolicyInvalid) as refused:
        policy_from_mapping({"proxy": "socks5://kontor:Hemmelig-42@proxy.kommune.dk:1080"}, "p.json")
    assert "Hemmelig-42" not in str(refused.value)
