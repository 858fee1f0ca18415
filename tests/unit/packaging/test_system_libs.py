"""The Linux bundle's rename of wheels' private system libraries (packaging/linux/system_libs.py).

Checked on the real extensions in this venv: sqlcipher3's ``_sqlite3`` and Pillow's ``_imaging``
then need the system's ``libcrypto.so.3`` / ``libxcb.so.1``, the dynamic linker finds every library
they need, and the private copies are left out of the bundle's binaries.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="Linux shared libraries")


def _system_libs() -> ModuleType:
    path = ROOT / "packaging" / "linux" / "system_libs.py"
    spec = importlib.util.spec_from_file_location("system_libs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _extension(package: str, pattern: str) -> Path:
    spec = importlib.util.find_spec(package)
    assert spec is not None and spec.submodule_search_locations
    return next(Path(next(iter(spec.submodule_search_locations))).glob(pattern))


def test_sqlcipher_and_pillow_are_pointed_at_the_system_s_libraries_and_their_private_copies_dropped(
        tmp_path: Path) -> None:
    system_libs = _system_libs()
    sqlcipher = _extension("sqlcipher3", "_sqlite3*.so")
    imaging = _extension("PIL", "_imaging.*.so")
    private = [p for p in sqlcipher.parent.parent.glob("sqlcipher3_binary.libs/*")]
    private += [p for p in imaging.parent.parent.glob("pillow.libs/*")]
    binaries = [("sqlcipher3/" + sqlcipher.name, str(sqlcipher), "EXTENSION"),
                ("PIL/" + imaging.name, str(imaging), "EXTENSION")]
    binaries += [(f"{p.parent.name}/{p.name}", str(p), "BINARY") for p in private]
    kept = system_libs.use_system_libs(binaries, tmp_path)
    names = {Path(dest).name for dest, _, _ in kept}
    assert not any(name.startswith(("libcrypto-", "libxcb-", "libXau-")) for name in names)
    assert any(name.startswith("libtiff-") for name in names)  # what _imaging still needs stays
    patched = {Path(dest).parent.name: Path(src) for dest, src, _ in kept if dest.endswith(".so")}
    assert "libcrypto.so.3" in system_libs.needed(patched["sqlcipher3"].read_bytes())
    assert "libxcb.so.1" in system_libs.needed(patched["PIL"].read_bytes())
    linked = subprocess.run(["ldd", str(patched["sqlcipher3"])], capture_output=True, text=True,
                            check=True).stdout
    assert "libcrypto.so.3 => /" in linked and "not found" not in linked, linked


def test_a_longer_name_or_a_library_the_file_does_not_need_is_refused() -> None:
    system_libs = _system_libs()
    data = _extension("sqlcipher3", "_sqlite3*.so").read_bytes()
    old = next(name for name in system_libs.needed(data) if name.startswith("libcrypto-"))
    with pytest.raises(system_libs.ElfError):
        system_libs.replace_needed(data, old, old + ".longer")
    with pytest.raises(system_libs.ElfError):
        system_libs.replace_needed(data, "libnothing.so.1", "libx.so.1")
