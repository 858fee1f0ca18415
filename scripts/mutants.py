"""Break one promised behaviour at a time in a copy of the repository and check that its tests fail.

    .venv/bin/python scripts/mutants.py                 # every known mutant
    .venv/bin/python scripts/mutants.py --list
    .venv/bin/python scripts/mutants.py intake-race-200 --repeat 5

Each mutant is a small, realistic bug (one exact text replacement in one file) and the tests that
must catch it. The script copies the checkout's files (tracked and new, not ignored) into a temporary
folder, runs all the named tests there once unchanged (they must pass, else a failure proves
nothing), then for each mutant applies the change, runs each named test file on its own and puts the
file back. A mutant is CAUGHT when every one of its test files fails on it. The run uses this
checkout's .venv with PYTHONPATH pointing at the copy (checked before anything else runs).

Not part of the normal suite (it runs tests many times over: minutes); see tests/README.md.
Exit status 0 when every mutant was caught, 1 otherwise, 2 when the unchanged copy fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Mutant:
    """One bug: ``old`` becomes ``new`` in ``path`` (``old`` occurs exactly once there)."""

    name: str
    promise: str
    path: str
    old: str
    new: str
    tests: tuple[str, ...]


MUTANTS = (
    Mutant("autosave-deadline-4s", "every change reaches the vault within 2 seconds",
           "desktop/ui/wizard/drafts.py", "SAVE_DEADLINE_MS = 1200", "SAVE_DEADLINE_MS = 4000",
           ("tests/ui/wizard/test_autosave_deadline.py", "tests/reliability/test_draft_crash_recovery.py")),
    Mutant("autosave-deadline-restarts", "steady typing is saved while it goes on",
           "desktop/ui/wizard/drafts.py",
           "        if not self._deadline.isActive():\n            self._deadline.start()\n",
           "        self._deadline.start()\n",
           ("tests/ui/wizard/test_autosave_deadline.py", "tests/reliability/test_draft_crash_recovery.py")),
    Mutant("intake-race-200", "same notification id, other bytes -> 409 (also when the insert race is lost)",
           "intake/app.py", "return _answer_repeat(key, kept, header.envelope_sha256)",
           "return _receipt_response(stored.receipt_json, stored.receipt_signature, 200)",
           ("tests/intake/test_same_id_race.py",)),
    Mutant("retention-utc-date", "content stays until the Danish calendar day after the deadline",
           "desktop/outbox/retention.py", "is_overdue(due, now.astimezone(DANISH_TIME).date())",
           "is_overdue(due, now.date())",
           ("tests/integration/delivery/test_retention_danish_midnight.py",
            "tests/ui/delivery/test_retention_at_danish_midnight.py")),
    Mutant("deadline-utc-day", "the 6 working days count from the Danish day of delivery",
           "desktop/domain/deadlines.py",
           "local = received_at.astimezone(DANISH_TIME) if received_at.tzinfo is not None else received_at",
           "local = received_at",
           ("tests/integration/delivery/test_retention_danish_midnight.py",)),
    Mutant("mail-not-encrypted", "secure e-mail leaves only S/MIME-encrypted to the mailbox",
           "desktop/outbox/mail.py", 'MIMEApplication(encrypted, "pkcs7-mime"',
           'MIMEApplication(content, "pkcs7-mime"',
           ("tests/integration/mail/test_secure_email.py",)),
    Mutant("pack-check-not-daily", "guideline packs are checked once a day, not on every poll",
           "desktop/config/pack_schedule.py", "if self._updater.due(self._clock()):",
           "if True or self._updater.due(self._clock()):",
           ("tests/unit/config/test_pack_schedule.py",)),
)


def _copy_checkout(target: Path) -> None:
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def _environment(copy: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(copy), "QT_QPA_PLATFORM": "offscreen",
            "PYTHONDONTWRITEBYTECODE": "1"}


def _python() -> str:
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def _pytest(copy: Path, tests: list[str]) -> tuple[bool, float, str]:
    """Run ``tests`` in the copy: (passed, seconds, pytest's summary: which tests failed, how many)."""
    started = time.monotonic()
    done = subprocess.run(
        ["nice", "-n", "10", _python(), "-m", "pytest", "-q", "-o", "timeout_method=thread",
         "-o", "timeout=300", *tests],
        cwd=copy, env=_environment(copy), capture_output=True, text=True, check=False)
    lines = (done.stdout + done.stderr).strip().splitlines()
    summary = [line for line in lines if line.startswith(("FAILED ", "ERROR "))] + lines[-1:]
    return done.returncode == 0, time.monotonic() - started, "\n".join(summary)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="mutants to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    parser.add_argument("--repeat", type=int, default=1, help="run each mutant's tests this many times")
    args = parser.parse_args(argv)
    if args.list:
        for mutant in MUTANTS:
            print(f"{mutant.name:28} {mutant.path}: {mutant.promise}")
        return 0
    unknown = set(args.names) - {mutant.name for mutant in MUTANTS}
    if unknown:
        parser.error(f"unknown mutant(s): {', '.join(sorted(unknown))}")
    chosen = [mutant for mutant in MUTANTS if not args.names or mutant.name in args.names]

    with tempfile.TemporaryDirectory(prefix="underret-mutants-") as folder:
        copy = Path(folder)
        _copy_checkout(copy)
        probe = "import desktop, intake, protocol as p; print(desktop.__file__, intake.__file__, p.__file__)"
        where = subprocess.run([_python(), "-c", probe], cwd=copy, env=_environment(copy),
                               capture_output=True, text=True, check=True)
        if not all(path.startswith(str(copy)) for path in where.stdout.split()):
            print(f"the copy's packages are not the ones imported: {where.stdout}", file=sys.stderr)
            return 2
        tests = sorted({test for mutant in chosen for test in mutant.tests})
        passed, seconds, tail = _pytest(copy, tests)
        print(f"unchanged copy: {'pass' if passed else 'FAIL'} ({seconds:.0f} s)", flush=True)
        if not passed:
            print(tail)
            return 2
        all_caught = True
        for mutant in chosen:
            file = copy / mutant.path
            original = file.read_text(encoding="utf-8")
            if original.count(mutant.old) != 1:
                print(f"{mutant.name}: the text to change is not in {mutant.path} exactly once; update the "
                      "mutant to today's code", flush=True)
                all_caught = False
                continue
            file.write_text(original.replace(mutant.old, mutant.new), encoding="utf-8")
            try:
                for round_ in range(1, args.repeat + 1):
                    for test in mutant.tests:
                        survived, seconds, tail = _pytest(copy, [test])
                        verdict = "NOT CAUGHT" if survived else "caught"
                        all_caught &= not survived
                        print(f"{mutant.name} [{round_}/{args.repeat}] {test}: {verdict} ({seconds:.0f} s)",
                              flush=True)
                        if not survived:
                            print("    " + tail.replace("\n", "\n    "), flush=True)
            finally:
                file.write_text(original, encoding="utf-8")
        return 0 if all_caught else 1


if __name__ == "__main__":
    sys.exit(main())
