"""After the lock, the vault key is gone from the app's memory: not raw, not as hex text.

A real app process (``tests/support/key_memory_child.py``) unlocks a real profile, works and locks;
this test then reads every readable mapping of that process (``/proc/<pid>/maps`` and
``/proc/<pid>/mem``) and counts the key in raw form and as hex (lower and upper case). It runs the
scan from outside, so the key it searches for is never itself in the memory searched.

For a passphrase profile the key derived from the passphrase (which, with ``profile.json``, unwraps
the vault key) is looked for too. What is not counted, and why: the keyring profile's base64 text of
the key. The keyring's API is
``str`` (keyring, secretstorage and jeepney each hold it as immutable text), so it can stay in memory
until Python reuses that memory; it is measured and reported here, not asserted.
"""

from __future__ import annotations

import base64
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store.keys import KeyProtection, KeyringKeyStore, ScryptParams, zero
from desktop.store.profiles import ProfileDirectory

ROOT = Path(__file__).resolve().parents[3]
PASSPHRASE = "blå hest i haven ved søen"
CHEAP = ScryptParams(n=2**12, r=8, p=1)

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc (Linux)")]


def _regions(pid: int) -> list[tuple[int, int, str]]:
    regions = []
    for line in Path(f"/proc/{pid}/maps").read_text().splitlines():
        fields = line.split()
        start, end = (int(part, 16) for part in fields[0].split("-"))
        name = fields[5] if len(fields) > 5 else "[anonymous]"
        if fields[1].startswith("r") and name not in ("[vvar]", "[vsyscall]", "[vvar_vclock]"):
            regions.append((start, end, name))
    return regions


def _count(pid: int, needles: dict[str, bytes]) -> dict[str, list[str]]:
    """Where in the process each needle occurs (region names, one entry per occurrence)."""
    found: dict[str, list[str]] = {name: [] for name in needles}
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as memory:
        for start, end, name in _regions(pid):
            try:
                memory.seek(start)
                data = memory.read(end - start)
            except OSError:
                continue  # guard pages and the like
            for label, needle in needles.items():
                found[label] += [name] * len(re.findall(re.escape(needle), data))
    return found


def _scan_after_lock(tmp_path: Path, kind: KeyProtection, monkeypatch: pytest.MonkeyPatch
                     ) -> dict[str, list[str]]:
    data = tmp_path / "data"
    keyring_dir = tmp_path / "bench-keyring"
    keyring_dir.mkdir()
    env = {**os.environ, "UNDERRET_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen",
           "UNDERRET_TEST_PASSPHRASE": PASSPHRASE, "UNDERRET_BENCH_KEYRING_DIR": str(keyring_dir),
           "PYTHON_KEYRING_BACKEND": "_bench_keyring.BenchKeyring",
           "PYTHONPATH": os.pathsep.join([str(ROOT / "tests" / "benchmarks"), str(ROOT)])}
    env.pop("UNDERRET_POLICY", None)
    monkeypatch.setenv("UNDERRET_BENCH_KEYRING_DIR", str(keyring_dir))
    monkeypatch.syspath_prepend(str(ROOT / "tests" / "benchmarks"))
    from _bench_keyring import BenchKeyring

    store = KeyringKeyStore(BenchKeyring())
    directory = ProfileDirectory(data, keyring_store=store, scrypt=CHEAP)
    profile, key = directory.create("Mette", kind, PASSPHRASE if kind is KeyProtection.PASSPHRASE else None)
    raw = bytes(key)
    zero(key)
    needles = {"raw": raw, "hex": raw.hex().encode(), "HEX": raw.hex().upper().encode(),
               "base64": base64.b64encode(raw)}
    if kind is KeyProtection.PASSPHRASE:
        # The key the passphrase derives: with profile.json (on disk) it unwraps the vault key.
        import json

        from desktop.store.keys import WrappedKey, _derive

        stored = json.loads((profile.folder / "profile.json").read_text("utf-8"))
        wrapped = WrappedKey.from_dict(stored["wrapped_key"])
        needles["kek"] = bytes(_derive(PASSPHRASE, wrapped.salt, wrapped.params))
    child = subprocess.Popen([sys.executable, "-m", "tests.support.key_memory_child", kind.value], cwd=ROOT,
                             env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    try:
        assert child.stdout is not None and child.stdin is not None
        line = child.stdout.readline()
        assert line.strip() == "LOCKED", line + (child.stderr.read() if child.stderr else "")
        found = _count(child.pid, needles)
        child.stdin.close()
        assert child.wait(timeout=60) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    print(f"{kind.value} profile, after lock: " + ", ".join(
        f"{label} {len(places)}x{' in ' + ', '.join(sorted(set(places))) if places else ''}"
        for label, places in found.items()))
    return found


def test_after_lock_a_passphrase_profiles_key_is_nowhere_in_memory(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    found = _scan_after_lock(tmp_path, KeyProtection.PASSPHRASE, monkeypatch)
    assert (found["raw"], found["hex"], found["HEX"], found["base64"], found["kek"]) == ([], [], [], [], [])


def test_after_lock_a_keyring_profiles_key_is_not_in_memory_raw_or_as_hex(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = _scan_after_lock(tmp_path, KeyProtection.KEYRING, monkeypatch)
    assert (found["raw"], found["hex"], found["HEX"]) == ([], [], [])
    # The keyring's base64 text may remain (its API is str): reported by the print above, not asserted.
