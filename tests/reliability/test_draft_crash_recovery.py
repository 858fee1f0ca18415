"""A person typing a notification when the PC dies loses at most the last two seconds,
and the next start offers the notification back."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.store.keys import KeyProtection, ScryptParams
from desktop.store.profiles import ProfileDirectory
from desktop.store.vault import Vault

PASSPHRASE = "korrekt hest batteri"
CHEAP = ScryptParams(n=2**10, r=8, p=1)
LOSS_ALLOWED_S = 2.0
#: Typing this long without two autosaves is a failure, not a wait for pytest's timeout.
GIVE_UP_S = 15.0

# The child process: the real app parts (services, vault, wizard window) offscreen.
# "type" mode types a chunk every 100 ms into "what you have seen and heard" and prints
#   typed <characters typed so far> <monotonic time>
#   saved <draft id> <characters in the saved text> <monotonic time>
# until it is killed. "recover" mode starts again and prints "offered <draft id>" or "none".
CHILD = r'''
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from desktop.app import Services
from desktop.config.policy import Policy, PolicySource
from desktop.config.settings import Settings
from desktop.store.keys import ScryptParams
from desktop.store.profiles import ProfileDirectory
from desktop.ui import wizard
from desktop.ui.wizard.recovery import SessionRecovery

mode, settings_path = sys.argv[1], sys.argv[2]
passphrase = sys.stdin.readline().rstrip("\n")
app = QApplication([])
policy = Policy()
services = Services(policy=policy, policy_source=PolicySource("none", "(test)"),
                    settings=Settings.load(policy, Path(settings_path)),
                    profiles=ProfileDirectory(scrypt=ScryptParams(n=2**10, r=8, p=1)))
profile = services.profiles.list()[0]
services.open_vault(profile, services.profiles.unlock(profile.id, passphrase))
services.wizard_factory = wizard.open_wizard_window
recovery = SessionRecovery(services)
if mode == "recover":
    services.session.finish_unlock()
    print(f"offered {recovery.offered_draft_id}", flush=True)
    sys.exit(0)
services.session.finish_unlock()
window = services.open_wizard(None)
window.go_to("events")
edit = window.pages["events"].editors["events.observations"].focus_target()
typed = []
def on_saved(draft_id):
    text = window.answers.get("events.observations") or ""
    print(f"saved {draft_id} {len(text)} {time.monotonic()}", flush=True)
window.keeper.saved.connect(on_saved)
def type_chunk():
    chunk = f"ord{len(typed)} "
    QTest.keyClicks(edit, chunk)
    typed.append(chunk)
    print(f"typed {sum(map(len, typed))} {time.monotonic()}", flush=True)
timer = QTimer()
timer.timeout.connect(type_chunk)
timer.start(100)
app.exec()
'''


def _child(mode: str, tmp_path: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, mode, str(tmp_path / "settings.json")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.stdin is not None
    child.stdin.write(PASSPHRASE + "\n")
    child.stdin.close()
    return child


def _read(line: str, typed: list[tuple[int, float]], saves: list[tuple[str, int, float]]) -> None:
    parts = line.split()
    if parts[0] == "typed":
        typed.append((int(parts[1]), float(parts[2])))
    elif parts[0] == "saved":
        saves.append((parts[1], int(parts[2]), float(parts[3])))


@pytest.mark.slow
def test_a_draft_killed_mid_typing_keeps_all_but_the_last_two_seconds_and_is_offered_again(
    tmp_path: Path,
) -> None:
    profiles = ProfileDirectory(scrypt=CHEAP)
    profile, key = profiles.create("Mette", KeyProtection.PASSPHRASE, PASSPHRASE)
    # Killed at a random moment after an autosave (not right after one, where almost nothing is unsaved).
    seed = random.randrange(2**32)
    pause_after_save = random.Random(seed).uniform(0.0, LOSS_ALLOWED_S)

    child = _child("type", tmp_path)
    assert child.stdout is not None
    typed: list[tuple[int, float]] = []
    saves: list[tuple[str, int, float]] = []
    kill_at = 0.0
    kill_when = 0.0
    try:
        for line in child.stdout:
            _read(line, typed, saves)
            if typed and typed[-1][1] - typed[0][1] > GIVE_UP_S:
                break  # typed for long without the saves the kill waits for: the checks below say why
            if not kill_when and len(saves) >= 2 and len(typed) >= 45:
                kill_when = saves[-1][2] + pause_after_save
            if kill_when and time.monotonic() >= kill_when:
                kill_at = time.monotonic()
                child.send_signal(signal.SIGKILL)
                break
        child.kill()  # (after giving up; harmless after the kill above)
        for line in child.stdout:  # lines already written before the kill landed
            _read(line, typed, saves)
    finally:
        child.kill()
        child.wait(timeout=60)
    assert typed, child.stderr.read() if child.stderr else ""
    # Each chunk reached the vault within two seconds of being typed (the app's own timestamps:
    # steady typing must be saved while it goes on, not only when it stops).
    for length, at in typed:
        reached = [saved_at for _id, kept, saved_at in saves if kept >= length]
        if reached:
            assert reached[0] - at <= LOSS_ALLOWED_S, (
                f"typed at {at:.2f}, saved at {reached[0]:.2f} (seed {seed})")
        else:
            assert at > typed[-1][1] - LOSS_ALLOWED_S, (
                f"typed at {at:.2f}, never saved while typing went on until {typed[-1][1]:.2f} (seed {seed})")
    assert kill_at > 0, "the child never reached the point to be killed"
    assert child.returncode == -signal.SIGKILL, child.stderr.read() if child.stderr else ""

    draft_ids = {draft_id for draft_id, _length, _at in saves}
    assert len(draft_ids) == 1
    draft_id = draft_ids.pop()
    with Vault.open(profile.vault_path, key) as vault:
        kept = vault.notifications.get_draft(draft_id).answers["events.observations"]
    everything = "".join(f"ord{n} " for n in range(len(typed) + 5))
    assert everything.startswith(kept), "the saved text is what was typed, in order"
    # Every acknowledged save survived the kill.
    assert len(kept) >= max(length for _id, length, _at in saves)
    # Everything typed at least two seconds before the kill is in the vault.
    old_enough = [length for length, at in typed if at <= kill_at - LOSS_ALLOWED_S]
    assert old_enough, "typing ran for less than two seconds"
    assert len(kept) >= max(old_enough), f"lost more than two seconds of typing (seed {seed})"

    # The next start offers the notification that was being written.
    again = _child("recover", tmp_path)
    assert again.stdout is not None and again.stderr is not None
    out = again.stdout.read()
    err = again.stderr.read()
    assert again.wait(timeout=120) == 0, err
    assert f"offered {draft_id}" in out
