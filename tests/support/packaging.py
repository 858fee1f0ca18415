"""The frozen build, shared by the packaging tests and the packaging benchmark.

Building (``scripts/build.sh``: PyInstaller one-folder bundle + .deb + tarball)
takes one to three minutes here, so a bundle in ``packaging/dist`` newer than
all sources is reused. The time of a build done here is written to
``packaging/dist/build-times.txt``. :func:`build_lock` keeps two runs in one
tree (a test run, a benchmark) from building into ``packaging/dist`` at once.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "packaging" / "dist"
SOURCES = ("desktop", "forms", "resources", "i18n", "packaging/underret.spec", "packaging/underret_entry.py",
           "packaging/linux", "packaging/README.md", "pyproject.toml", "scripts/build.sh")
SOURCE_SUFFIXES = {".py", ".yaml", ".json", ".ts", ".ttf", ".svg", ".png", ".qss", ".spec", ".sh", ".toml",
                   ".desktop", ".md", ""}


@dataclass(frozen=True)
class Build:
    """The products of ``scripts/build.sh``."""

    bundle: Path        # packaging/dist/underret (the one-folder bundle)
    executable: Path    # packaging/dist/underret/underret
    deb: Path
    tarball: Path
    built_now: bool
    seconds: float | None


def _newest_source() -> float:
    newest = 0.0
    for name in SOURCES:
        path = ROOT / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        for file in files:
            if "__pycache__" in file.parts or file.suffix not in SOURCE_SUFFIXES:
                continue
            newest = max(newest, file.stat().st_mtime)
    return newest


def _products() -> tuple[Path, Path, Path] | None:
    executable = DIST / "underret" / "underret"
    debs = sorted(DIST.glob("underret_*.deb"))
    tarballs = sorted(DIST.glob("underret-*-linux-*.tar.gz"))
    if not (executable.is_file() and debs and tarballs):
        return None
    return executable, debs[-1], tarballs[-1]


@contextmanager
def build_lock() -> Iterator[None]:
    """Hold the tree's build lock: nobody else builds into packaging/dist meanwhile."""
    lock_dir = ROOT / "packaging" / "build"
    lock_dir.mkdir(parents=True, exist_ok=True)
    with (lock_dir / ".tests.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def bundle_bytes(bundle: Path) -> int:
    """Bytes of the bundle's regular files; symlinks are skipped, so a linked library counts once."""
    return sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())


def current_build() -> Build:
    """The products in packaging/dist if newer than every source, else built now (hold build_lock)."""
    found = _products()
    if found is not None:
        oldest_product = min(path.stat().st_mtime for path in found)
        if oldest_product > _newest_source():
            executable, deb, tarball = found
            return Build(executable.parent, executable, deb, tarball, built_now=False, seconds=None)
    start = time.monotonic()
    result = subprocess.run(["bash", str(ROOT / "scripts" / "build.sh")], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    seconds = time.monotonic() - start
    assert result.returncode == 0, f"build failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    found = _products()
    assert found is not None, "scripts/build.sh did not produce the bundle, the .deb and the tarball"
    executable, deb, tarball = found
    size = bundle_bytes(executable.parent)
    with (DIST / "build-times.txt").open("a", encoding="utf-8") as log:
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
        log.write(f"{stamp} build {seconds:.0f} s, bundle {size / 2**20:.0f} MiB\n")
    return Build(executable.parent, executable, deb, tarball, built_now=True, seconds=seconds)


def app_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """Environment for running the built app: offscreen, its own data folder, no inherited policy."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("UNDERRET_", "PYTHON", "QT_"))}
    env.update({"QT_QPA_PLATFORM": "offscreen", "UNDERRET_DATA_DIR": str(data_dir), "HOME": str(data_dir)})
    env.update(extra)
    return env
