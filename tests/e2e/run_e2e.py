"""End to end: an intake, two enrolled desks and headless notifier apps; 20 notifications there and back.

Run by ``scripts/e2e.sh`` (and by ``tests/e2e/test_e2e_script.py`` in CI). Each step prints one line,
``ok <step>: <what>`` or ``FAILED <step>: <why>``; the exit code is 0 only when every step passed.

1. IT's set-up with IT's own commands: keys (``keygen``, ``message-keygen``), TLS (``demo-tls``), and
   ``underret-intake serve`` as a process of its own on 127.0.0.1.
2. Five headless notifier apps (each its own vault and sender key) file 20 notifications (real
   documents, PDF, envelope format 2 with a reply key): 5 acute, two about the same child.
3. The delivery pass of each app sends them; every one is receipted.
4. Two desks enrol with one-time desk tokens and import the municipality's keys.
5. Both desks fetch and decrypt all 20; the second notification about the child is linked to the first.
6. The desks share the work: each assesses and acknowledges from the top of its inbox; a step the
   other desk took first is refused, so every notification is assessed and acknowledged exactly once.
7. Each notifier app's next pass shows the municipality's kvittering for every notification it filed.
8. The intake's database holds no personal data: no name, CPR number or content marker.
"""

from __future__ import annotations

import os
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.desk.service import StepTaken  # noqa: E402 - after the path is set
from desktop.desk.store.handling import Assessment, Step  # noqa: E402
from desktop.domain.cpr import make_fictitious  # noqa: E402
from intake import keys as intake_keys  # noqa: E402
from intake.keys import KeyFiles  # noqa: E402
from tests.support.desk import MARKER  # noqa: E402
from tests.support.roundtrip import DeskApp, Municipality, NotifierApp, document_for  # noqa: E402

NOTIFICATIONS = 20
APPS = 5
ACUTE = 5
NAMES = ["Ida", "Bo", "Alma", "Emil", "Freja", "Karl", "Liva", "Noah", "Olivia", "Storm", "Sofie", "Viggo",
         "Ella", "Oscar", "Agnes", "Arthur", "Lily", "Malthe", "Clara"]


class Failed(Exception):
    """A step did not do what it must."""


def _intake_cli(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "intake.cli", *args], capture_output=True, text=True,
                          timeout=120, check=False)
    if done.returncode != 0:
        raise Failed(f"underret-intake {args[0]} failed: {done.stderr.strip()[:300]}")
    return done.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def set_up_it(folder: Path) -> Municipality:
    keys = folder / "keys"
    _intake_cli("keygen", "--out", str(keys), "--key-id", "aeroe-2026")
    _intake_cli("message-keygen", "--out", str(folder / "message-keys"), "--key-id", "aeroe-msg-2026")
    _intake_cli("demo-tls", "--out", str(folder / "tls"), "--host", "127.0.0.1")
    files = KeyFiles(keys / intake_keys.RECIPIENT_PRIVATE, keys / intake_keys.RECIPIENT_PUBLIC,
                     keys / intake_keys.RECEIPT_PRIVATE, keys / intake_keys.RECEIPT_PUBLIC)
    return Municipality(folder, files, folder / "message-keys" / "message-signing.key.json",
                        folder / "message-keys" / "message-signing.pub.json",
                        (folder / "tls" / "ca.crt").read_bytes(), folder / "tls" / "server.crt",
                        folder / "tls" / "server.key")


def start_intake(municipality: Municipality, db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "intake.cli", "serve", "--db", str(db), "--port", str(port),
         "--receipt-key", str(municipality.key_files.receipt_private), "--cert", str(municipality.cert_file),
         "--key", str(municipality.key_file), "--open", "--min-free-bytes", "0", "--no-metrics"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"https://127.0.0.1:{port}"
    context = ssl.create_default_context(cadata=municipality.ca_pem.decode())
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stderr.read().decode()[:300] if process.stderr else ""
            raise Failed(f"the intake stopped: {output}")
        try:
            if httpx.get(f"{url}/v1/health", verify=context, timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.2)
    raise Failed("the intake did not answer /v1/health within 60 s")


def _danish_panel() -> Callable[[NotifierApp, str], str]:
    """What the notifier app's delivery panel says about a notification, in Danish (the app's words)."""
    from PySide6.QtCore import QCoreApplication

    from desktop.ui.delivery.wording import StateWording
    from desktop.ui.services import Translations

    application = QCoreApplication.instance() or QCoreApplication([])
    Translations(application).install("da")
    wording = StateWording(lambda: None, date.today, lambda: "da")

    def text(app: NotifierApp, notification_id: str) -> str:
        details = wording.details(app.vault.notifications.get_summary(notification_id),
                                  messages=app.messages(notification_id))
        return details.text() if details is not None else ""

    return text


def run(folder: Path, say: Callable[[str], None]) -> None:
    municipality = set_up_it(folder / "it")
    say("IT: recipient key, receipt key, message-signing key and TLS made with underret-intake")
    process, url = start_intake(municipality, folder / "intake.sqlite")
    apps: list[NotifierApp] = []
    desks: list[DeskApp] = []
    try:
        say(f"intake: serving on {url} (a process of its own, TLS from the test CA)")
        for number in range(APPS):
            (folder / f"notifier-{number}").mkdir()
            apps.append(NotifierApp(folder / f"notifier-{number}", municipality, url))
        filed: dict[str, NotifierApp] = {}
        child_cpr = make_fictitious(date(2018, 4, 2)).digits
        first_about_child = ""
        for index in range(NOTIFICATIONS):
            app = apps[index % APPS]
            if index in (0, 7):  # two notifications about the same child, from two different apps
                name, cpr, birth = "Ida Ærø", child_cpr, date(2018, 4, 2)
            else:
                birth = date(2012 + index % 12, 1 + index % 12, 2 + index)
                name, cpr = f"{NAMES[index % len(NAMES)]} Østergaard", make_fictitious(birth, index).digits
            document = document_for(str(uuid.uuid4()), name=name, cpr=cpr, birth=birth, acute=index < ACUTE,
                                    observation=f"Set i dag. {MARKER}")
            nid = app.file(document)
            filed[nid] = app
            if index == 0:
                first_about_child = nid
        say(f"notifiers: {APPS} apps filed {len(filed)} notifications ({ACUTE} acute, 2 about the same"
            f" child)")
        receipted = sum(len(app.deliver().receipted) for app in apps)
        if receipted != NOTIFICATIONS:
            raise Failed(f"{receipted} of {NOTIFICATIONS} were receipted")
        say(f"delivery: {receipted} envelopes posted, every one receipted by the intake")
        for initials in ("MK", "LB"):
            desks.append(DeskApp(folder / f"desk-{initials}", municipality, url,
                                 str(folder / "intake.sqlite"),
                                 initials=initials))
        say("desks: 2 desks enrolled with one-time desk tokens; recipient and message-signing keys imported")
        for desk in desks:
            result = desk.service.sync()
            if (result.new, result.unopened) != (NOTIFICATIONS, 0):
                raise Failed(f"desk {desk.service.initials} fetched {result.new}, {result.unopened} unopened")
        second_about_child = next(nid for nid in filed if nid != first_about_child
                                  and desks[0].service.vault.received.get(nid).child_cpr == child_cpr)
        history = desks[0].service.detail(second_about_child).history
        linked = [link.notification_id for link in history.same_child]
        if history.ordinal_in_window != 2 or linked != [first_about_child]:
            raise Failed("the second notification about the child is not linked to the first")
        top = desks[0].service.inbox()[0]
        if not top.acute:
            raise Failed("the most urgent notification (acute, unassessed) is not first in the inbox")
        say(f"fetch: both desks decrypted all {NOTIFICATIONS}; acute first; "
            "\"2. underretning om dette barn på 12 måneder\" linked")
        done_by: dict[str, str] = {}
        refused = 0
        # Both desks work from the top of their own inbox; the second one syncs only every third round, so
        # it often reaches for what the first has just done: the intake refuses the second claim.
        for number in range(3 * NOTIFICATIONS):
            for desk in desks:
                if desk is desks[0] or number % 3 == 0:
                    desk.service.sync()
                waiting = [row for row in desk.service.inbox() if row.acknowledged_at is None]
                if not waiting:
                    continue
                nid = waiting[0].notification_id
                try:
                    if waiting[0].assessed_at is None:
                        desk.service.assess(nid, Assessment.NO_IMMEDIATE_DANGER, "Ingen akut fare.")
                    desk.service.acknowledge(nid)
                    done_by[nid] = desk.service.initials
                except StepTaken:
                    refused += 1
            if len(done_by) == NOTIFICATIONS:
                break
        for desk in desks:
            desk.service.sync()
        for nid in filed:
            handling = desks[1].service.vault.handling.get(nid)
            assessed, acknowledged = handling.done(Step.ASSESSED), handling.done(Step.ACKNOWLEDGED)
            if assessed is None or acknowledged is None or acknowledged.by != done_by.get(nid):
                raise Failed(f"notification {nid} was not assessed and acknowledged exactly once")
        split = {initials: sum(1 for v in done_by.values() if v == initials) for initials in ("MK", "LB")}
        say(f"desks: all {NOTIFICATIONS} assessed and sent kvittering exactly once (MK {split['MK']}, "
            f"LB {split['LB']}; {refused} double claims refused)")
        for app in apps:
            app.deliver()
        shown = 0
        panel = _danish_panel()
        for nid, app in filed.items():
            messages = [m for m in app.messages(nid) if m.kind == "acknowledgement"]
            if len(messages) != 1 or messages[0].unit != "Ærø Kommune, Børn og Familie":
                raise Failed(f"notifier app does not show the kvittering for {nid}")
            if "Kommunen har sendt kvittering den " not in panel(app, nid) \
                    or "(Ærø Kommune, Børn og Familie)." not in panel(app, nid):
                raise Failed(f"the app's delivery panel does not say the kvittering for {nid}")
            if "acknowledgement.received" not in [e.event for e in app.vault.audit.entries_for(nid)]:
                raise Failed(f"the deadline for {nid} is not marked met")
            shown += 1
        say(f"notifiers: every app's delivery panel says \"Kommunen har sendt kvittering den ...\" with the "
            f"unit ({shown} of {NOTIFICATIONS}); deadlines met")
        database = folder / "intake.sqlite"
        data = b"".join(path.read_bytes() for path in folder.glob("intake.sqlite*"))
        needles = [MARKER.encode(), child_cpr.encode(), f"{child_cpr[:6]}-{child_cpr[6:]}".encode(),
                   "Ida Ærø".encode(), "Østergaard".encode(), "Mette Kjær".encode(), b"Ingen akut fare"]
        found = [needle for needle in needles if needle in data]
        if found:
            raise Failed(f"the intake's database holds personal data: {len(found)} kinds found")
        say(f"intake: {database.name} (status, relayed messages, envelopes) holds no name, CPR number or "
            "content")
    finally:
        for desk in desks:
            desk.close()
        for app in apps:
            app.close()
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="underret-e2e-"))
    os.environ["UNDERRET_DATA_DIR"] = str(folder / "userdata")  # nothing in the real user folders
    steps = 0

    def say(line: str) -> None:
        nonlocal steps
        steps += 1
        print(f"ok {steps}: {line}", flush=True)

    try:
        run(folder, say)
    except Failed as failure:
        print(f"FAILED {steps + 1}: {failure}", flush=True)
        return 1
    except Exception as error:  # an unexpected error is a failure too, with its class for the log
        print(f"FAILED {steps + 1}: {type(error).__name__}: {error}", flush=True)
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"e2e passed: {steps} steps in {time.monotonic() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
