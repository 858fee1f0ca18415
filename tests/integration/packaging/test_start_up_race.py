"""50 starts of the real app with a guideline-pack source: the update thread never dies, nothing aborts.

The pack update check runs on a thread of its own. It used to import pydantic and the domain
modules while the unlock and the wizard's read-ahead imported theirs on other threads (about one
start in ten died with "partially initialized module"), and a check still running when the app
quit emitted into a deleted schedule ("Signal source has been deleted", then an abort). Each start
here varies when the check starts (0 to 1.2 s, across the unlock and the read-ahead) and whether
the app quits at once or after the check.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from desktop.config.pack_signing import generate_key_pair, load_signing_key, sign_pack_file
from desktop.store.keys import KeyProtection, zero
from desktop.store.profiles import ProfileDirectory

ROOT = Path(__file__).resolve().parents[3]
STARTS = 50
BAD = ("Traceback", "Exception in thread", "partially initialized", "terminate called", "Fatal Python error",
       "Signal source has been deleted")

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]


def test_fifty_starts_with_a_pack_source_run_the_update_check_cleanly(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    benchmarks = ROOT / "tests" / "benchmarks"
    monkeypatch.syspath_prepend(str(benchmarks))
    monkeypatch.setenv("UNDERRET_BENCH_KEYRING_DIR", str(data / "keyring"))
    (data / "keyring").mkdir(parents=True)
    from _bench_keyring import BenchKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(BenchKeyring())
    try:
        _, key = ProfileDirectory(data).create("Mette", KeyProtection.KEYRING, None)
        zero(key)
    finally:
        keyring.set_keyring(previous)
    private, public = generate_key_pair("kommune-2026", tmp_path / "keys")
    share = tmp_path / "share"
    share.mkdir()
    pack = share / "demo-kommune.yaml"
    pack.write_bytes((ROOT / "forms" / "packs" / "demo-kommune.yaml").read_bytes()
                     .replace(b"version: '2026.1'", b"version: '2026.9'"))
    sign_pack_file(pack, load_signing_key(private))
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"municipality": "demo-kommune", "pack_source": str(share),
                                  "trusted_pack_keys": [json.loads(public.read_text("utf-8"))]}), "utf-8")
    base_env = {**os.environ, "UNDERRET_DATA_DIR": str(data), "UNDERRET_POLICY": str(policy),
                "UNDERRET_BENCH_KEYRING_DIR": str(data / "keyring"),
                "PYTHON_KEYRING_BACKEND": "_bench_keyring.BenchKeyring", "QT_QPA_PLATFORM": "offscreen",
                "PYTHONPATH": os.pathsep.join([str(benchmarks), str(ROOT)])}
    outcomes = []
    for start in range(STARTS):
        # A fresh check each time: the pack is taken again (the status and pointer are forgotten).
        for leftover in (data / "packs").glob("*.json") if (data / "packs").is_dir() else []:
            leftover.unlink()
        env = {**base_env, "PACK_DELAY_MS": str((start % 5) * 300), "WAIT_FOR_CHECK": str(start % 2)}
        done = subprocess.run([sys.executable, "-m", "tests.support.pack_check_child"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=180)
        problems = [line for line in done.stderr.splitlines() if any(bad in line for bad in BAD)]
        assert done.returncode == 0 and not problems, (
            f"start {start + 1}: exit {done.returncode}\n" + done.stderr[-3000:])
        outcome = done.stdout.split()[-1]
        if start % 2 == 1:  # waited for the check: it ran to the end
            assert outcome == "updated", done.stdout + done.stderr[-2000:]
        outcomes.append(outcome)
    assert outcomes.count("updated") >= STARTS // 2
