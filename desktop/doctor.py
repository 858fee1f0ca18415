"""``underret doctor``: what municipal IT needs to know about Underret on this PC.

Prints (in English) the policy in force and where it came from, every setting and its source, the
data and log folders, the keyring backend and whether it works, the guideline pack and its updates,
delivery, every profile (damaged ones included: their vault, whether its files are private, its key,
for keyring profiles whether every page of the vault is intact, for passphrase profiles whether the
app refused the vault as damaged at unlock and it is still that file) and the last problems written to
the event log. It only reads: nothing is created, changed or tightened (the app does that at start).

Exit codes, for scripts:

- :data:`EXIT_OK` (0): all is well;
- :data:`EXIT_WARNINGS` (1): the app works, but IT should look (a refused pack update, a damaged
  downloaded pack, files other users can open, a keyring key missing where a recovery passphrase
  still opens the vault);
- :data:`EXIT_ERRORS` (2): something does not work (an invalid policy, so the app will not start; a
  damaged vault or profile; a folder that cannot be written; delivery set up but incomplete).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop import __version__, paths

EXIT_OK = 0
EXIT_WARNINGS = 1
EXIT_ERRORS = 2

Printer = Callable[[str], Any]

#: How many of the log's last problems doctor prints.
LOG_PROBLEMS_SHOWN = 15


class Findings:
    """What doctor found wrong: errors (something does not work) and warnings (IT should look)."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, text: str) -> None:
        self.errors.append(text)

    def warning(self, text: str) -> None:
        self.warnings.append(text)

    @property
    def exit_code(self) -> int:
        if self.errors:
            return EXIT_ERRORS
        return EXIT_WARNINGS if self.warnings else EXIT_OK


def folder_writable(folder: Path) -> tuple[bool, str]:
    """Really try to create a file: os.access says yes to root on a read-only mount."""
    if not folder.exists():
        return False, "does not exist"
    try:
        handle, name = tempfile.mkstemp(prefix=".underret-doctor-", dir=folder)
    except OSError as exc:
        return False, exc.strerror or type(exc).__name__
    os.close(handle)
    os.unlink(name)
    return True, "writable"


def _creatable(folder: Path) -> tuple[bool, str]:
    """Can ``folder`` be made? Its nearest existing parent must be writable (a fresh account has no
    ``~/.local/share`` yet: that is normal, the first profile makes it)."""
    parent = folder
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    ok, state = folder_writable(parent)
    if ok:
        return True, f"does not exist yet (created when needed; {parent} is writable)"
    return False, f"does not exist and cannot be created ({parent}: {state})"


def _describe(name: str, value: Any) -> str:
    """A setting's value for the report: keys by their ids only (the key text is long and public); a
    secret (the enrolment token) by its first characters and length, a URL without its password."""
    from desktop.config.settings import SECRET_SETTINGS, masked_secret, without_password

    if isinstance(value, str) and name in SECRET_SETTINGS:
        return masked_secret(value)
    if isinstance(value, list | tuple) and value and hasattr(value[0], "public_key"):
        return repr([getattr(key, "id", "?") for key in value])
    if isinstance(value, tuple):
        return repr(list(value))
    if isinstance(value, str):
        return repr(without_password(value))
    return repr(value)


def _report_settings(settings: Any, out: Printer) -> None:
    out("Settings in force (value and source: policy, user or default):")
    for name, value, source in settings:
        out(f"  {name} = {_describe(name, value)} ({source.value})")
    for problem in settings.problems:
        out(f"  note: user settings problem: {problem.message_id} {problem.details}")


def _report_folders(out: Printer, findings: Findings) -> None:
    data = paths.user_data_dir()
    out("")
    out(f"Data folder: {data}")
    if data.exists():
        ok, what = folder_writable(data)
        out(f"  {what}")
        if not ok:
            findings.error(f"the data folder {data} is not writable ({what})")
    else:
        ok, what = _creatable(data)
        out(f"  {what}")
        if not ok:
            findings.error(f"the data folder {data} cannot be created ({what})")


def _report_log(out: Printer) -> None:
    from desktop import eventlog

    path = eventlog.log_file()
    out("")
    if path.exists():
        from desktop.doctor_profiles import human_size

        out(f"Event log: {path} ({human_size(path.stat().st_size)}; events and ids only, never content)")
    else:
        out(f"Event log: {path} (nothing written yet)")
    problems = eventlog.recent_problems(limit=LOG_PROBLEMS_SHOWN)
    if not problems:
        out("  last problems: none recorded")
        return
    out(f"  last problems (the {len(problems)} most recent, newest last):")
    for entry in problems:
        out(f"    {entry.at} {entry.level} {entry.message_id}: {entry.text}")


def _report_keyring(settings: Any, out: Printer, findings: Findings) -> Any:
    from desktop.store.errors import KeyringUnavailable
    from desktop.store.keys import KeyringKeyStore

    keystore = KeyringKeyStore()
    out("")
    out(f"Keyring backend: {keystore.backend_name()}")
    keyring_ok = True
    try:
        keystore.check_available()
        out("  works: yes")
    except KeyringUnavailable as error:
        keyring_ok = False
        out(f"  works: NO ({error.details.get('reason', '')})")
    protection = str(settings.value("key_protection"))
    out(f"Key protection for new profiles: {protection} ({settings.source('key_protection').value})")
    if protection == "keyring" and not keyring_ok:
        if settings.is_managed("key_protection"):
            findings.error("the policy requires the OS keyring, but the keyring does not work")
        else:
            out("  note: new profiles will fall back to a passphrase")
    return keystore


def _result(findings: Findings, out: Printer) -> int:
    out("")
    if findings.errors:
        out(f"RESULT: PROBLEMS FOUND: {len(findings.errors)} error(s), {len(findings.warnings)} warning(s) "
            f"(exit {EXIT_ERRORS})")
    elif findings.warnings:
        out(f"RESULT: WARNINGS: {len(findings.warnings)} (exit {EXIT_WARNINGS}; Underret works)")
    else:
        out(f"RESULT: OK (exit {EXIT_OK})")
        return EXIT_OK
    for text in findings.errors:
        out(f"  - ERROR: {text}")
    for text in findings.warnings:
        out(f"  - warning: {text}")
    return findings.exit_code


def run_doctor(out: Printer) -> int:
    """Print the report; return the exit code (:data:`EXIT_OK`, :data:`EXIT_WARNINGS` or
    :data:`EXIT_ERRORS`)."""
    from desktop.config.policy import PolicyInvalid, load_policy
    from desktop.config.settings import Settings

    findings = Findings()
    out(f"Underret {__version__} - doctor (output in English)")
    out("")
    try:
        policy, source = load_policy()
    except PolicyInvalid as error:
        out("Policy: INVALID")
        out(f"  file:    {error.details.get('file', '')}")
        out(f"  setting: {error.details.get('setting', '')}")
        out(f"  problem: {error.details.get('problem', '')}")
        for setting, problem in getattr(error, "problems", [])[1:]:
            out(f"  also:    {setting}: {problem}")
        _report_log(out)
        findings.error("the policy is invalid, so Underret will not start: fix the setting named above")
        return _result(findings, out)
    out(f"Policy source: {source.kind} ({source.location})")
    managed = policy.managed_settings()
    out(f"  managed settings: {', '.join(managed) if managed else '(none)'}")
    settings = Settings.load(policy)
    _report_settings(settings, out)
    _report_folders(out, findings)
    keystore = _report_keyring(settings, out, findings)

    from desktop.doctor_delivery import report_directory, report_pack

    out("")
    report_pack(policy, out, findings)
    report_directory(policy, out, findings)

    from desktop.doctor_profiles import report_profiles
    from desktop.store.profiles import ProfileDirectory

    out("")
    report_profiles(ProfileDirectory(keyring_store=keystore), keystore, out, findings, folder_writable)
    _report_log(out)
    return _result(findings, out)
