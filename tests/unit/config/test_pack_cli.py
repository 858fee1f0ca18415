"""``underret-pack``: a municipality makes a key, signs its pack and checks it as the app would."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.config.pack_cli import main
from desktop.config.policy import Policy, TrustedPackKey


def test_keygen_sign_verify_round_trip(tmp_path: Path, pack_yaml: Callable[..., bytes],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    keys = tmp_path / "keys"
    assert main(["keygen", "--out", str(keys), "--id", "kommune-2026"]) == 0
    private, public = keys / "kommune-2026.key", keys / "kommune-2026.pub"
    if os.name == "posix":
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
    # The printed line is exactly what goes into the policy's trusted_pack_keys.
    printed = capsys.readouterr().out.strip().splitlines()[-1]
    entry = TrustedPackKey.from_json(json.loads(printed))
    assert Policy(trusted_pack_keys=[entry]).trusted_pack_keys == [entry]

    pack = tmp_path / "demo-kommune.yaml"
    pack.write_bytes(pack_yaml())
    assert main(["sign", str(pack), "--key", str(private)]) == 0
    assert (tmp_path / "demo-kommune.yaml.sig").is_file()
    assert main(["verify", str(pack), "--trusted", str(public)]) == 0
    assert "OK demo-kommune.yaml" in capsys.readouterr().out

    pack.write_bytes(pack.read_bytes() + b"\n# changed after signing\n")
    assert main(["verify", str(pack), "--trusted", str(public)]) == 1
    assert "pack.bad_signature" in capsys.readouterr().err


def test_verify_refuses_a_signed_pack_that_breaks_the_schema(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keygen", "--out", str(tmp_path), "--id", "k1"]) == 0
    pack = tmp_path / "demo-kommune.yaml"
    pack.write_text("id: demo-kommune\nversion: '1'\n")
    assert main(["sign", str(pack), "--key", str(tmp_path / "k1.key")]) == 0
    capsys.readouterr()
    assert main(["verify", str(pack), "--trusted", str(tmp_path / "k1.pub")]) == 1
    assert "REFUSED" in capsys.readouterr().err


def test_verify_refuses_an_unsigned_pack(tmp_path: Path, pack_yaml: Callable[..., bytes],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keygen", "--out", str(tmp_path), "--id", "k1"]) == 0
    pack = tmp_path / "demo-kommune.yaml"
    pack.write_bytes(pack_yaml())
    assert main(["verify", str(pack), "--trusted", str(tmp_path / "k1.pub")]) == 1
    assert "pack.unsigned" in capsys.readouterr().err


def test_keygen_never_overwrites_an_existing_key(tmp_path: Path) -> None:
    assert main(["keygen", "--out", str(tmp_path), "--id", "k1"]) == 0
    before = (tmp_path / "k1.key").read_bytes()
    assert main(["keygen", "--out", str(tmp_path), "--id", "k1"]) == 1
    assert (tmp_path / "k1.key").read_bytes() == before


def test_keygen_refuses_a_key_id_the_policy_could_not_hold(tmp_path: Path) -> None:
    out = tmp_path / "keys"
    assert main(["keygen", "--out", str(out), "--id", "bad id!"]) == 2
    assert not out.exists()
