"""The Windows build, checked where Windows cannot run: signing, the icon, underret-pack, the entry point.

The workflow itself runs only on GitHub's Windows runners; here its steps and the files they use are
read and checked: signing happens (or says plainly that it did not) before the MSI is built and again
for the MSI, the icon exists in every size Windows asks for and is the SVG's, and every command the
bundle offers reaches its own ``main``.
"""

from __future__ import annotations

import importlib
import importlib.util
import struct
from pathlib import Path
from types import ModuleType

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
WORKFLOW = ROOT / ".github" / "workflows" / "windows-installer.yml"
SIGN = ROOT / "packaging" / "windows" / "sign.ps1"
ICO = ROOT / "packaging" / "windows" / "underret.ico"


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _steps() -> list[dict[str, object]]:
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    steps: list[dict[str, object]] = workflow["jobs"]["msi"]["steps"]
    return steps


def _index(steps: list[dict[str, object]], text: str) -> int:
    return next(i for i, step in enumerate(steps)
                if text in str(step.get("run", "")) + str(step.get("name", "")))


def test_the_executables_are_signed_before_the_msi_is_built_and_the_msi_after() -> None:
    steps = _steps()
    sign_exes = _index(steps, r"sign.ps1 -Files packaging\dist\underret\*.exe")
    build = _index(steps, "wix build")
    sign_msi = _index(steps, r"sign.ps1 -Files packaging\dist\*.msi")
    install = _index(steps, "Silent install")
    assert sign_exes < build < sign_msi < install
    for index in (sign_exes, sign_msi):
        env = steps[index]["env"]
        assert isinstance(env, dict)
        assert env["SIGNING_PFX_BASE64"] == "${{ secrets.WINDOWS_SIGNING_PFX_BASE64 }}"
        assert env["SIGNING_PFX_PASSWORD"] == "${{ secrets.WINDOWS_SIGNING_PFX_PASSWORD }}"


def test_without_a_certificate_the_build_says_plainly_that_nothing_is_signed() -> None:
    script = SIGN.read_text("utf-8")
    missing = script.index("if (-not $env:SIGNING_PFX_BASE64)")
    warning = script.index("::warning title=NOT SIGNED::", missing)
    assert script.index("exit 0", warning) < script.index("signtool", warning)
    # With one: SHA-256, a time stamp, and the signature verified before the build goes on.
    assert "sign /fd SHA256 /td SHA256 /tr $timestamp" in script and "verify /pa /all" in script
    assert "Remove-Item $pfx" in script  # the key file does not stay on the runner


def test_the_icon_exists_in_every_size_windows_asks_for_and_is_the_svgs(qapp: object) -> None:
    # qapp first: make_icons.py would otherwise make a bare QGuiApplication, and any widget test later
    # in the same run aborts the process ("Must construct a QApplication before a QWidget").
    icons = _module(ROOT / "packaging" / "make_icons.py")
    data = ICO.read_bytes()
    assert icons.ico_sizes(data) == list(icons.ICO_SIZES)
    from PySide6.QtGui import QImage

    count = struct.unpack_from("<H", data, 4)[0]
    for index in range(count):
        _, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        image = QImage.fromData(data[offset:offset + length])
        assert not image.isNull()
    largest = QImage.fromData(icons.render_png(256))
    shipped = QImage(str(ROOT / "packaging" / "linux" / "underret.png"))
    assert (shipped.width(), shipped.height()) == (256, 256)
    differing = sum(1 for x in range(0, 256, 8) for y in range(0, 256, 8)
                    if abs(largest.pixelColor(x, y).rgba() - shipped.pixelColor(x, y).rgba()) > 0x08080808)
    assert differing < 20, "packaging/linux/underret.png is not the SVG: run packaging/make_icons.py"


def test_the_installer_and_the_executables_use_the_icon() -> None:
    wxs = (ROOT / "packaging" / "windows" / "Underret.wxs").read_text("utf-8")
    assert '<Icon Id="UnderretIcon" SourceFile="$(var.IconFile)" />' in wxs
    assert 'Icon="UnderretIcon"' in wxs  # the Start-menu shortcut
    assert r"-d IconFile=packaging\windows\underret.ico" in WORKFLOW.read_text("utf-8")
    spec = (ROOT / "packaging" / "underret.spec").read_text("utf-8")
    assert 'ICON = ROOT / "packaging" / "windows" / "underret.ico"' in spec
    assert 'icon=str(ICON) if sys.platform == "win32" else None' in spec


@pytest.mark.parametrize(("executable", "argv0", "module"), [
    (r"C:\Program Files\Underret\underret.exe", "underret.exe", "desktop.cli"),
    (r"C:\Program Files\Underret\underret-cli.exe", "underret-cli", "desktop.cli"),
    (r"C:\Program Files\Underret\underret-policy.exe", "underret-policy.exe", "desktop.config.policy_writer"),
    (r"C:\Program Files\Underret\underret-pack.exe", "underret-pack", "desktop.config.pack_cli"),
    ("/opt/underret/underret", "/usr/bin/underret-pack", "desktop.config.pack_cli"),  # the .deb's link
    ("/opt/underret/underret", "/usr/bin/underret", "desktop.cli"),
    (r"C:\Program Files\Underret\underret-desk.exe", "underret-desk.exe", "desktop.desk.cli"),
    ("/opt/underret/underret", "/usr/bin/underret-desk", "desktop.desk.cli"),  # the .deb's link
    ("/opt/underret/underret", "./underret/underret-desk", "desktop.desk.cli"),  # the tarball's link
])
def test_each_command_of_the_bundle_reaches_its_own_main(executable: str, argv0: str, module: str) -> None:
    entry = _module(ROOT / "packaging" / "underret_entry.py")
    assert entry.command_for(executable, argv0) == module
    assert callable(importlib.import_module(module).main)


def test_underret_pack_is_a_console_program_of_the_windows_bundle() -> None:
    spec = (ROOT / "packaging" / "underret.spec").read_text("utf-8")
    assert 'for console_name in ("underret-cli", "underret-policy", "underret-pack"):' in spec



def test_underret_desk_is_a_windowed_program_of_the_windows_bundle() -> None:
    spec = (ROOT / "packaging" / "underret.spec").read_text("utf-8")
    desk = spec.index('name="underret-desk"')
    start = spec.rindex("executables.append(EXE(", 0, desk)
    call = spec[start:spec.index(")))", desk)]
    assert "console=False" in call and "icon=str(ICON" in call
    assert spec.rindex('if sys.platform == "win32":', 0, start) > spec.index("executables = [")


WXS = ROOT / "packaging" / "windows" / "Underret.wxs"
WIX = "{http://wixtoolset.org/schemas/v4/wxs}"


def test_the_installer_source_is_well_formed_xml() -> None:
    # WiX refuses a source it cannot parse, e.g. "--" inside a comment (it did: "(--from-installer)").
    import xml.etree.ElementTree as ET

    root = ET.parse(WXS).getroot()
    assert root.tag == f"{WIX}Wix"


def test_the_installer_offers_the_desks_start_menu_entry_only_when_asked() -> None:
    import xml.etree.ElementTree as ET

    root = ET.parse(WXS).getroot()
    features = {feature.get("Id"): feature for feature in root.iter(f"{WIX}Feature")}
    desk = features["Desk"]
    assert int(desk.get("Level", "1")) > 1  # above INSTALLLEVEL (1): not on every PC
    levels = [(level.get("Value"), level.get("Condition")) for level in desk.iter(f"{WIX}Level")]
    assert levels == [("1", 'DESK = "1"')]
    assert [ref.get("Id") for ref in desk.iter(f"{WIX}ComponentRef")] == ["DeskStartMenuShortcut"]
    component = next(c for c in root.iter(f"{WIX}Component") if c.get("Id") == "DeskStartMenuShortcut")
    shortcut = component.find(f"{WIX}Shortcut")
    assert shortcut is not None and shortcut.get("Target") == "[INSTALLFOLDER]underret-desk.exe"
    assert shortcut.get("Icon") == "UnderretIcon"
    assert any(p.get("Id") == "DESK" and p.get("Secure") == "yes" for p in root.iter(f"{WIX}Property"))
    # underret-desk.exe itself is in every installation: the whole bundle is.
    files = [f.get("Include") for f in root.iter(f"{WIX}Files")]
    assert files == ["$(var.BundleDir)\\**"]


def test_the_windows_workflow_runs_the_desk_frozen_and_installed_and_checks_its_start_menu_entry() -> None:
    steps = _steps()
    frozen = str(steps[_index(steps, "Frozen smoke test")]["run"])
    assert "underret-desk.exe -ArgumentList \"--smoke-test\" -Wait -PassThru" in frozen
    install = str(steps[_index(steps, "Silent install")]["run"])
    assert '"DESK=1"' in install
    assert 'Underret\\underret-desk.exe") -ArgumentList "--smoke-test" -Wait -PassThru' in install
    link = install.index("Underret – modtagelse.lnk")
    upgrade = install.index("IDLE_LOCK_MINUTES=10")
    assert install.index("Test-Path -LiteralPath $deskLink", upgrade) > upgrade > link
