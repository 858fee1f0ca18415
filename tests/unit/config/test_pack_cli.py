"""``underret-pack``: a municipality makes a key, signs its pack and checks it as the app would."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
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


# --- verify applies exactly the app's rules (issue 16) ----------------------------------------------

def _keys(tmp_path: Path) -> Path:
    assert main(["keygen", "--out", str(tmp_path / "keys"), "--id", "kommune-2026"]) == 0
    return tmp_path / "keys"


def _signed(tmp_path: Path, keys: Path, data: bytes, file_name: str = "demo-kommune.yaml") -> Path:
    pack = tmp_path / file_name
    pack.write_bytes(data)
    assert main(["sign", str(pack), "--key", str(keys / "kommune-2026.key")]) == 0
    return pack


def test_verify_refuses_a_pack_older_than_the_one_shipped_as_the_app_does(
        tmp_path: Path, pack_yaml: Callable[..., bytes], capsys: pytest.CaptureFixture[str]) -> None:
    keys = _keys(tmp_path)
    pack = _signed(tmp_path, keys, pack_yaml(version="2025.4"))  # the app ships demo-kommune 2026.1
    capsys.readouterr()
    assert main(["verify", str(pack), "--trusted", str(keys / "kommune-2026.pub")]) == 1
    assert "pack.older_version" in capsys.readouterr().err


def test_verify_refuses_a_pack_older_than_the_one_in_force(
        tmp_path: Path, pack_yaml: Callable[..., bytes], capsys: pytest.CaptureFixture[str]) -> None:
    keys = _keys(tmp_path)
    pack = _signed(tmp_path, keys, pack_yaml(version="2026.3"))
    capsys.readouterr()
    assert main(["verify", str(pack), "--trusted", str(keys / "kommune-2026.pub")]) == 0
    assert main(["verify", str(pack), "--trusted", str(keys / "kommune-2026.pub"),
                 "--in-force", "2026.4"]) == 1
    assert "older than 2026.4" in capsys.readouterr().err


def test_verify_refuses_a_pack_whose_id_is_not_its_file_name(
        tmp_path: Path, pack_yaml: Callable[..., bytes], capsys: pytest.CaptureFixture[str]) -> None:
    # The app asks the share for demo-kommune.yaml and refuses a file holding another municipality's pack.
    keys = _keys(tmp_path)
    pack = _signed(tmp_path, keys, pack_yaml(pack_id="other-kommune", version="2027.1"))
    capsys.readouterr()
    assert main(["verify", str(pack), "--trusted", str(keys / "kommune-2026.pub")]) == 1
    assert "pack.wrong_id" in capsys.readouterr().err


def test_verify_refuses_a_pack_larger_than_the_app_takes(
        tmp_path: Path, pack_yaml: Callable[..., bytes], capsys: pytest.CaptureFixture[str]) -> None:
    keys = _keys(tmp_path)
    pack = _signed(tmp_path, keys, pack_yaml(version="2027.1") + b"#" * (5 * 1024 * 1024))
    capsys.readouterr()
    assert main(["verify", str(pack), "--trusted", str(keys / "kommune-2026.pub")]) == 1
    assert "pack.too_large" in capsys.readouterr().err


def test_verify_with_the_policy_uses_its_trusted_keys(
        tmp_path: Path, pack_yaml: Callable[..., bytes], capsys: pytest.CaptureFixture[str]) -> None:
    keys = _keys(tmp_path)
    pack = _signed(tmp_path, keys, pack_yaml(version="2027.1"))
    entry = json.loads((keys / "kommune-2026.pub").read_text("utf-8"))
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"trusted_pack_keys": [entry]}), "utf-8")
    assert main(["verify", str(pack), "--policy", str(policy)]) == 0
    policy.write_text(json.dumps({"municipality": "demo-kommune"}), "utf-8")
    assert main(["verify", str(pack), "--policy", str(policy)]) == 2


def test_verify_and_the_app_agree_on_every_case(
        tmp_path: Path, pack_yaml: Callable[..., bytes], capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import UTC, datetime

    from desktop.config.pack_signing import load_trusted_key
    from desktop.config.pack_updates import PackUpdater, UpdateOutcome

    keys = _keys(tmp_path)
    share = tmp_path / "share"
    share.mkdir()
    policy = Policy(municipality="demo-kommune", pack_source=str(share),
                    trusted_pack_keys=[load_trusted_key(keys / "kommune-2026.pub")])
    for index, data in enumerate([pack_yaml(version="2026.1"), pack_yaml(version="2025.1"),
                                  pack_yaml(pack_id="other-kommune"), b"id: [broken\n",
                                  pack_yaml(version="2026.7")]):
        pack = _signed(share, keys, data)
        verdict = main(["verify", str(pack), "--trusted", str(keys / "kommune-2026.pub")])
        status = PackUpdater(policy, folder=tmp_path / f"pc-{index}").check(datetime.now(UTC))
        assert (verdict == 0) == (status.outcome is UpdateOutcome.UPDATED), (index, status)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed ``underret-pack`` command, as a municipality's IT runs it."""
    tool = Path(sys.executable).parent / "underret-pack"
    return subprocess.run([str(tool), *args], capture_output=True, text=True, timeout=120, check=False)


def test_verify_warns_about_danish_the_glossary_rules_out_but_accepts_the_pack(
        tmp_path: Path, pack_yaml: Callable[..., bytes]) -> None:
    assert _run("keygen", "--out", str(tmp_path), "--id", "k1").returncode == 0
    pack = tmp_path / "demo-kommune.yaml"
    pack.write_bytes(pack_yaml(note='"standardpakke" – svar inden for 6 arbejdsdage'))
    assert _run("sign", str(pack), "--key", str(tmp_path / "k1.key")).returncode == 0

    result = _run("verify", str(pack), "--trusted", str(tmp_path / "k1.pub"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("OK demo-kommune.yaml: pack demo-kommune")
    warnings = [line for line in lines if line.startswith("WARNING ")]
    # Each names the place in the pack, the term, what to write instead, and the whole text.
    assert any(w.startswith("WARNING demo-kommune.yaml:name.da: »arbejdsdage«") and "hverdage" in w
               and "Vejledning demo-kommune" in w for w in warnings)
    assert any("»standardpakke«" in w and "retningslinjer" in w for w in warnings)
    assert any("(straight-quote)" in w and "»…«" in w for w in warnings)
    assert f"{len(warnings)} wording warning(s) in demo-kommune.yaml" in lines[-1]
    assert "GLOSSARY.md" in lines[-1]


def test_verify_is_quiet_about_a_pack_in_the_glossary_s_words(
        tmp_path: Path, pack_yaml: Callable[..., bytes]) -> None:
    assert _run("keygen", "--out", str(tmp_path), "--id", "k1").returncode == 0
    pack = tmp_path / "demo-kommune.yaml"
    pack.write_bytes(pack_yaml(note="»retningslinjer« – kvittering inden for seks hverdage"))
    assert _run("sign", str(pack), "--key", str(tmp_path / "k1.key")).returncode == 0
    result = _run("verify", str(pack), "--trusted", str(tmp_path / "k1.pub"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK demo-kommune.yaml") and "WARNING" not in result.stdout


def test_an_unsigned_draft_hears_about_its_wording_with_the_refusal(
        tmp_path: Path, pack_yaml: Callable[..., bytes]) -> None:
    # A municipality checking a draft before signing gets both lists at once.
    assert _run("keygen", "--out", str(tmp_path), "--id", "k1").returncode == 0
    pack = tmp_path / "demo-kommune.yaml"
    pack.write_bytes(pack_yaml(note="Journalnummer"))
    result = _run("verify", str(pack), "--trusted", str(tmp_path / "k1.pub"))
    assert result.returncode == 1 and "REFUSED demo-kommune.yaml" in result.stderr
    assert "pack.unsigned" in result.stderr
    assert "WARNING demo-kommune.yaml:name.da: »Journalnummer«" in result.stdout
