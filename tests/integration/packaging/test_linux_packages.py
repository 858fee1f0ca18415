"""The .deb and the tarball: installed the way IT installs them, the program runs, removal keeps vaults.

As root (CI) the .deb is installed into this very system with ``dpkg -i`` and
removed again with ``dpkg -r``. Without root the same package is unpacked with
``dpkg-deb -x`` and the unpacked program is run: the package's files, links
and maintainer scripts are still checked.
"""

from __future__ import annotations

import os
import subprocess
import tarfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # fixture types; conftest.py is pytest's to import
    from tests.integration.packaging.conftest import RunApp
    from tests.support.packaging import Build

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1500)]

IS_ROOT = os.geteuid() == 0


def _dpkg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["dpkg", *args], capture_output=True, text=True, check=False, timeout=300)


def test_deb_lays_out_the_program_menu_entry_and_keeps_users_data_on_removal(frozen_build: Build) -> None:
    contents = subprocess.run(["dpkg-deb", "--contents", str(frozen_build.deb)], capture_output=True,
                              text=True, check=True).stdout
    assert "./opt/underret/underret" in contents
    assert "./usr/bin/underret -> /opt/underret/underret" in contents
    assert "./usr/bin/underret-pack -> /opt/underret/underret" in contents  # sign and check packs
    assert "./usr/share/applications/underret.desktop" in contents
    assert "./usr/bin/underret-desk -> /opt/underret/underret" in contents  # the receiving desk
    assert "./usr/share/underret/underret-desk.desktop" in contents  # its menu entry, for IT to place
    assert "./usr/share/applications/underret-desk.desktop" not in contents  # not on every PC's menu
    assert "./usr/share/icons/hicolor/256x256/apps/underret.png" in contents
    fields = subprocess.run(["dpkg-deb", "--field", str(frozen_build.deb), "Package", "Version"],
                            capture_output=True, text=True, check=True).stdout
    import desktop

    assert f"Version: {desktop.__version__}" in fields
    postrm = subprocess.run(["dpkg-deb", "--ctrl-tarfile", str(frozen_build.deb)], capture_output=True,
                            check=True).stdout
    assert b"never removes them" in postrm  # the vault promise is in the removal script itself
    assert b"rm -r" not in postrm and b"/home" not in postrm


def test_installed_deb_runs_version_and_doctor_and_removal_leaves_the_vault(
        frozen_build: Build, run_app: RunApp, tmp_path: Path) -> None:
    data = tmp_path / "staff-data"
    if IS_ROOT:
        installed = _dpkg("-i", str(frozen_build.deb))
        assert installed.returncode == 0, installed.stdout + installed.stderr
        command = Path("/usr/bin/underret")
    else:
        root = tmp_path / "root"
        subprocess.run(["dpkg-deb", "-x", str(frozen_build.deb), str(root)], check=True)
        command = root / "opt" / "underret" / "underret"
        assert os.readlink(root / "usr" / "bin" / "underret") == "/opt/underret/underret"
    try:
        assert command.exists()
        version = run_app(command, ["--version"], data)
        assert version.returncode == 0 and version.stdout.startswith("underret "), version.stderr
        smoke = run_app(command, ["--smoke-test"], data)
        assert smoke.returncode == 0, smoke.stdout + smoke.stderr
        doctor = run_app(command, ["doctor"], data)
        assert doctor.returncode == 0, doctor.stdout + doctor.stderr
        pack_tool = Path("/usr/bin/underret-pack") if IS_ROOT else command.with_name("underret-pack")
        desk = Path("/usr/bin/underret-desk") if IS_ROOT else command.with_name("underret-desk")
        desk_version = run_app(desk, ["--version"], data)
        assert desk_version.stdout.startswith("underret-desk "), desk_version.stdout + desk_version.stderr
        _pack_tool_checks_a_pack_as_the_app_does(pack_tool, run_app, tmp_path)
        assert "Policy source: none" in doctor.stdout
        assert "Profiles: 1" in doctor.stdout
        if IS_ROOT:
            assert "/opt/underret/" in doctor.stdout  # the installed program's own pack
    finally:
        if IS_ROOT:
            removed = _dpkg("-r", "underret")
            purged = _dpkg("--purge", "underret")
    vaults = list((data / "profiles").glob("*/vault.db"))
    assert len(vaults) == 1, "the staff member's vault must survive removal of the program"
    if IS_ROOT:
        assert removed.returncode == 0, removed.stdout + removed.stderr
        assert purged.returncode == 0, purged.stdout + purged.stderr
        assert not Path("/usr/bin/underret").exists() and not Path("/opt/underret").exists()
        assert _dpkg("-s", "underret").returncode != 0


def _pack_tool_checks_a_pack_as_the_app_does(tool: Path, run_app: RunApp, tmp_path: Path) -> None:
    """underret-pack from the package: a key, a signed pack, verify says OK; an older pack is refused."""
    keys, data = tmp_path / "keys", tmp_path / "pack-tool-data"
    assert run_app(tool, ["keygen", "--out", str(keys), "--id", "kommune-2026"], data).returncode == 0
    shipped = (Path(__file__).resolve().parents[3] / "forms" / "packs" / "demo-kommune.yaml").read_bytes()
    for version, verdict in (("2027.1", 0), ("2020.1", 1)):
        pack = tmp_path / version / "demo-kommune.yaml"
        pack.parent.mkdir()
        pack.write_bytes(shipped.replace(b"version: '2026.1'", f"version: '{version}'".encode()))
        signed = run_app(tool, ["sign", str(pack), "--key", str(keys / "kommune-2026.key")], data)
        assert signed.returncode == 0, signed.stderr
        checked = run_app(tool, ["verify", str(pack), "--trusted", str(keys / "kommune-2026.pub")], data)
        assert checked.returncode == verdict, checked.stdout + checked.stderr
    assert "pack.older_version" in checked.stderr


def test_tarball_unpacks_to_a_runnable_program(frozen_build: Build, run_app: RunApp, tmp_path: Path) -> None:
    with tarfile.open(frozen_build.tarball) as archive:
        if hasattr(tarfile, "tar_filter"):  # Python 3.11.4 and later
            archive.extractall(tmp_path / "unpacked", filter="tar")
        else:  # Debian 12's Python 3.11.2 (what CI has): our own tarball, extracted as tar does
            archive.extractall(tmp_path / "unpacked")
    executable = tmp_path / "unpacked" / "underret" / "underret"
    assert os.readlink(executable.with_name("underret-pack")) == "underret"
    assert os.readlink(executable.with_name("underret-desk")) == "underret"
    result = run_app(executable, ["--version"], tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("underret ")
