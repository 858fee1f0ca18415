"""A municipality lists one or two intake keys in its pack (two while it rotates keys)."""

from __future__ import annotations

import base64

import jsonschema
import pytest
import yaml

from desktop.domain.packs import GuidelinePack, PackInvalid, load_pack_bytes, pack_json_schema, packs_dir
from protocol.envelope import RecipientPrivateKey

OLD = RecipientPrivateKey.generate("kommune-2026").public()
NEW = RecipientPrivateKey.generate("kommune-2027").public()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _national_with_intake(intake_yaml: str) -> bytes:
    """The shipped national pack with its intake block replaced (the block is the file's last)."""
    text = (packs_dir() / "national.yaml").read_text("utf-8")
    head, _, _ = text.partition("\nintake:\n")
    return (head + "\nintake:\n" + intake_yaml).encode()


def _load(intake_yaml: str) -> GuidelinePack:
    return load_pack_bytes(_national_with_intake(intake_yaml), "kommune.yaml")


def _refusal(intake_yaml: str) -> PackInvalid:
    with pytest.raises(PackInvalid) as caught:
        _load(intake_yaml)
    return caught.value


def test_a_pack_lists_the_old_and_the_new_intake_key_while_rotating() -> None:
    pack = _load(
        "  required: true\n"
        "  endpoint: https://intake.kommune.example/v1/envelopes\n"
        "  keys:\n"
        f"  - key_id: kommune-2026\n    public_key: {_b64(OLD.public_key)}\n"
        f"  - key_id: kommune-2027\n    public_key: {_b64(NEW.public_key)}\n"
    )
    keys = pack.intake.recipient_keys()
    assert [k.key_id for k in keys] == ["kommune-2026", "kommune-2027"]
    assert [base64.b64decode(k.public_key) for k in keys] == [OLD.public_key, NEW.public_key]


def test_a_pack_written_before_rotation_with_one_key_id_and_public_key_still_loads_as_one_key() -> None:
    pack = _load(
        "  required: true\n"
        "  endpoint: https://intake.kommune.example/v1/envelopes\n"
        "  key_id: kommune-2026\n"
        f"  public_key: {_b64(OLD.public_key)}\n"
    )
    keys = pack.intake.recipient_keys()
    assert [(k.key_id, k.public_key) for k in keys] == [("kommune-2026", _b64(OLD.public_key))]


def test_the_shipped_packs_still_load_and_name_no_key_or_the_demo_key_id() -> None:
    for name in ("national.yaml", "demo-kommune.yaml"):
        pack = load_pack_bytes((packs_dir() / name).read_bytes(), name)
        # national: no intake; demo: key_id only, the key is made when demo mode starts.
        assert pack.intake.recipient_keys() == ()


@pytest.mark.parametrize(
    ("intake_yaml", "path", "problem_part"),
    [
        (
            "  keys:\n"
            f"  - key_id: a\n    public_key: {_b64(OLD.public_key)}\n"
            f"  - key_id: b\n    public_key: {_b64(NEW.public_key)}\n"
            f"  - key_id: c\n    public_key: {_b64(NEW.public_key)}\n",
            "intake.keys",
            "at most 2",
        ),
        ("  keys: []\n", "intake.keys", "at least 1"),
        (
            "  keys:\n"
            f"  - key_id: same\n    public_key: {_b64(OLD.public_key)}\n"
            f"  - key_id: same\n    public_key: {_b64(NEW.public_key)}\n",
            "intake",
            "different key ids",
        ),
        (
            "  keys:\n  - key_id: kommune-2026\n    public_key: c2hvcnQ=\n",
            "intake.keys[0].public_key",
            "1216 bytes in base64",
        ),
        (
            f"  keys:\n  - key_id: kommune 2026\n    public_key: {_b64(OLD.public_key)}\n",
            "intake.keys[0].key_id",
            "should match pattern",
        ),
        (
            f"  key_id: kommune-2026\n  public_key: {_b64(OLD.public_key)}\n"
            f"  keys:\n  - key_id: kommune-2027\n    public_key: {_b64(NEW.public_key)}\n",
            "intake",
            "either as keys or as key_id and public_key",
        ),
        ("  key_id: kommune-2026\n  public_key: not-base64!\n", "intake.public_key", "1216 bytes"),
        (
            "  required: true\n  endpoint: https://intake.kommune.example/\n  key_id: kommune-2026\n",
            "intake",
            "needs endpoint and a key",
        ),
    ],
    ids=["three-keys", "no-keys", "same-id", "short-key", "bad-id", "both-forms", "old-form-bad-key",
         "required-without-key"],
)
def test_a_wrong_intake_key_list_is_refused_naming_where_in_the_pack(
        intake_yaml: str, path: str, problem_part: str) -> None:
    error = _refusal(intake_yaml)
    assert error.details["file"] == "kommune.yaml"
    assert error.details["path"] == path
    assert problem_part in error.details["problem"]
    assert error.details["line"] is not None


def test_the_published_pack_schema_accepts_two_keys_and_refuses_three() -> None:
    schema = pack_json_schema()
    pack = yaml.safe_load(_national_with_intake(
        "  keys:\n"
        f"  - key_id: kommune-2026\n    public_key: {_b64(OLD.public_key)}\n"
        f"  - key_id: kommune-2027\n    public_key: {_b64(NEW.public_key)}\n"
    ))
    jsonschema.validate(pack, schema)
    pack["intake"]["keys"].append({"key_id": "kommune-2028", "public_key": _b64(NEW.public_key)})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(pack, schema)
