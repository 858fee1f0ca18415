"""The frozen one-folder bundle: it starts, unlocks a fresh profile, opens the wizard and exits cleanly."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # fixture types; conftest.py is pytest's to import
    from tests.integration.packaging.conftest import RunApp
    from tests.support.packaging import Build

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1500)]


def test_frozen_app_smoke_test_creates_and_unlocks_a_profile_and_opens_the_wizard(
        frozen_build: Build, run_app: RunApp, tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run_app(frozen_build.executable, ["--smoke-test"], data)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke test: OK" in result.stdout
    vaults = list((data / "profiles").glob("*/vault.db"))
    assert len(vaults) == 1
    assert not vaults[0].read_bytes().startswith(b"SQLite format 3")  # encrypted, even when frozen
    assert "Traceback" not in result.stderr


def test_frozen_desk_smoke_test_makes_a_desk_opens_its_inbox_and_renders_a_report(
        frozen_build: Build, run_app: RunApp, tmp_path: Path) -> None:
    # underret-desk is the bundle's own program under another name (a link, as the .deb and tarball ship it).
    desk = frozen_build.bundle / "underret-desk"
    data = tmp_path / "data"
    result = run_app(desk, ["--smoke-test"], data)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "desk smoke test: OK" in result.stdout
    vaults = list((data / "desk" / "profiles").glob("*/vault.db"))
    assert len(vaults) == 1
    assert not vaults[0].read_bytes().startswith(b"SQLite format 3")
    assert "Traceback" not in result.stderr
    version = run_app(desk, ["--version"], data)
    assert version.stdout.strip().startswith("underret-desk "), version.stdout + version.stderr


def test_frozen_app_reports_its_version(frozen_build: Build, run_app: RunApp, tmp_path: Path) -> None:
    import desktop

    result = run_app(frozen_build.executable, ["--version"], tmp_path / "data")
    assert result.returncode == 0
    assert result.stdout.strip() == f"underret {desktop.__version__}"


def test_frozen_doctor_shows_the_trial_policy_and_where_it_came_from(
        frozen_build: Build, run_app: RunApp, tmp_path: Path) -> None:
    policy = tmp_path / "trial-policy.json"
    policy.write_text(json.dumps({"idle_lock_minutes": 3, "default_language": "en"}))
    result = run_app(frozen_build.executable, ["doctor"], tmp_path / "data", UNDERRET_POLICY=str(policy))
    assert result.returncode == 0, result.stdout + result.stderr
    assert str(policy) in result.stdout
    assert re.search(r"idle_lock_minutes = 3 \(policy\)", result.stdout), result.stdout
    assert "national.yaml" in result.stdout  # the shipped pack is found inside the bundle


def test_frozen_doctor_stops_on_an_invalid_policy_naming_file_setting_and_problem(
        frozen_build: Build, run_app: RunApp, tmp_path: Path) -> None:
    policy = tmp_path / "broken-policy.json"
    policy.write_text(json.dumps({"idle_lock_minutes": 999}))
    result = run_app(frozen_build.executable, ["doctor"], tmp_path / "data", UNDERRET_POLICY=str(policy))
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert str(policy) in output and "idle_lock_minutes" in output and "at most 240" in output


def test_bundle_holds_the_shipped_data_and_leaves_out_what_the_app_does_not_use(frozen_build: Build) -> None:
    internal = frozen_build.bundle / "_internal"
    data = internal / "desktop" / "_data"
    assert (data / "forms" / "packs" / "national.yaml").is_file()
    assert (data / "forms" / "schema" / "policy.schema.json").is_file()
    assert list((data / "resources" / "fonts").glob("*.ttf"))
    assert {p.name for p in (data / "i18n").glob("*.qm")} >= {"underret_shell_da.qm", "underret_shell_en.qm"}
    names = {p.name for p in internal.rglob("*")}
    unwanted = [n for n in names if re.match(r"(libQt6(Qml|Quick|Pdf|WebEngine|OpenGL|Designer)|QtQml|QtQuick"
                                             r"|_pytest|hypothesis|libqgtk3|libgtk-3|libcairo"
                                             # wheels' private copies of system libraries (system_libs.py)
                                             r"|libcrypto-[0-9a-f]{8}|libxcb-[0-9a-f]{8}|libXau-[0-9a-f]{8}"
                                             # server-side and test-only packages
                                             r"|psycopg|uvicorn|starlette|aiosmtpd|prometheus_client"
                                             r"|qt_help_)", n)]
    assert unwanted == []
    assert not (internal / "jsonschema" / "benchmarks").exists()


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux bundle's shared libraries")
def test_bundled_extensions_load_the_system_s_libcrypto_and_libxcb_and_find_every_library(
        frozen_build: Build) -> None:
    internal = frozen_build.bundle / "_internal"
    sqlcipher = next((internal / "sqlcipher3").glob("_sqlite3*.so"))
    imaging = next((internal / "PIL").glob("_imaging.*.so"))
    for extension, system in ((sqlcipher, "libcrypto.so.3"), (imaging, "libxcb.so.1")):
        linked = subprocess.run(["ldd", str(extension)], capture_output=True, text=True, check=True).stdout
        assert "not found" not in linked, linked
        assert re.search(rf"^\s*{re.escape(system)} => /", linked, re.MULTILINE), linked
