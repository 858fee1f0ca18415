"""Delivery benchmarks: 1,000 notifications queued and delivered over TLS, against the bare steps.

``ROUNDS`` rounds (default 5) of bare and app back to back, in one process: the table shows the
median round (by ratio) and the worst. The first round pays the app's first imports; later ones
do not. Then, with 1,000 waiting: the intake a black hole (accepts TCP, never completes TLS) until
the whole queue has backed off, against one attempt's deadline; and the intake back at the same
address, "Send now" until all 1,000 are delivered, against POSTing the same envelopes bare.

The app path is the real one: a profile and SQLCipher vault in a temporary
folder, each notification sealed (HPKE) and queued in the vault with its state
change, then the app unlocked with the delivery UI installed, so the outbox
worker sends everything to a real intake (uvicorn, TLS, test CA) on 127.0.0.1
while the main window shows the list. The baseline, measured in the same run,
is the bare work: seal the same files and POST each envelope once with httpx
over the same kind of TLS connection (same CA, same intake program with a
fresh database, same number of notifications). The app side is timed from
finalising (sealing, storing content+envelope+state with FULL sync; the drafts
already exist, as after the wizard) to the last verified receipt stored. Also measured: the process's memory
before and after sending, and the longest stall of the GUI thread while the
worker sends (a 5 ms timer on the GUI thread; any gap beyond its interval is
time the window could not react).
"""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from rows import Row

from tests.support.answers import complete_answers_for

COUNT = int(os.environ.get("UNDERRET_BENCH_DELIVERY_COUNT", "1000"))
#: Rounds of (bare, app); the table shows the median round and the worst.
ROUNDS = int(os.environ.get("UNDERRET_BENCH_DELIVERY_ROUNDS", "5"))
#: One attempt's whole deadline against the black hole (the app's default is 30 s; shorter here).
BLACK_HOLE_DEADLINE_S = 3.0
WARM_UP = 20
TICK_MS = 5
#: A complete, fictitious notification (a 9-year-old), as the wizard stores it.
ANSWERS: dict[str, object] = complete_answers_for() | {
    "child.name": "Emma Louise Ærøskøbing", "child.languages": "dansk", "others.professionals": [],
    "events.observations": "Mandag kl. 8.15 havde Emma et blåt mærke på venstre kind. " * 30,
}
#: The real document and PDF of ANSWERS, built once (every notification carries the same files).
FILES: dict[str, bytes] = {}


def _rss_mib() -> float:
    """Resident memory of this process (Linux /proc; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


class _Stalls:
    """Measures the longest gap between ticks of a timer on the GUI thread."""

    def __init__(self) -> None:
        self.longest_ms = 0.0
        self.long_ones: list[tuple[float, float]] = []  # (seconds since start, gap ms) over 30 ms
        self._since = QElapsedTimer()
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._clock.start()
        self._since.start()
        self._timer.start()

    def _tick(self) -> None:
        gap = self._clock.nsecsElapsed() / 1e6
        self._clock.restart()
        self.longest_ms = max(self.longest_ms, gap - TICK_MS)
        if gap - TICK_MS > 30:
            self.long_ones.append((self._since.elapsed() / 1000, gap - TICK_MS))

    def stop(self) -> None:
        self._timer.stop()


class _IntakeProcess:
    """The reference intake (``underret-intake serve``) in its own process, as a municipality runs it."""

    def __init__(self, folder: Path, name: str, receipt_key: Path, cert: Path, key: Path,
                 port: int = 0) -> None:
        if port:
            self.port = port
        else:
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                self.port = int(probe.getsockname()[1])
        self.db = folder / f"{name}.sqlite"
        self.url = f"https://127.0.0.1:{self.port}"
        self._process = subprocess.Popen(
            [sys.executable, "-m", "intake.cli", "serve", "--port", str(self.port), "--db", str(self.db),
             "--receipt-key", str(receipt_key), "--cert", str(cert), "--key", str(key),
             # One PC sending a thousand at once: no enrolment, rate limit or quota in the way.
             "--open", "--rate-per-minute", "0", "--quota-count", "0", "--quota-bytes", "0",
             "--min-free-bytes", "0"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("the intake did not start")

    def count(self) -> int:
        from intake.storage import EnvelopeStore

        store = EnvelopeStore(self.db)
        try:
            return store.count()
        finally:
            store.close()

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait(10)


def _files() -> dict[str, bytes]:
    return FILES


def _build_files(pack: Any) -> None:
    from datetime import UTC, datetime

    from desktop.documents.pdf import render_pdf
    from desktop.domain.building import build_document
    from desktop.domain.forms import load_form

    now = datetime.now(UTC)
    document = build_document(load_form(), pack, ANSWERS, notification_id=str(uuid.uuid4()), created_at=now,
                              finalised_at=now, language="da")
    FILES["notification.json"] = document.to_json_bytes()
    FILES["notification.pdf"] = render_pdf(document)


def _baseline(url: str, ca_pem: bytes, recipient: Any, seed: bytes, count: int) -> float:
    """Seal and POST ``count`` envelopes, nothing else; seconds."""
    import httpx

    from protocol.envelope import seal

    context = ssl.create_default_context(cadata=ca_pem.decode())
    with httpx.Client(verify=context, timeout=30) as client:
        started = time.perf_counter()
        for _ in range(count):
            notification_id = str(uuid.uuid4())
            envelope = seal(notification_id=notification_id, form_version="1.0", files=_files(),
                            recipients=[recipient], sender_seed=seed)
            answer = client.post(f"{url}/v1/envelopes", content=envelope,
                                 headers={"Idempotency-Key": notification_id})
            answer.raise_for_status()
        return time.perf_counter() - started


def _drafts(vault: Any, count: int) -> list[str]:
    """``count`` drafts, as the wizard leaves them before finalising (not timed: not part of delivery)."""
    return [vault.notifications.create_draft({"note": "bench"}, "review", f"B{n % 10}") for n in range(count)]


def _queue(vault: Any, recipient: Any, drafts: list[str]) -> list[str]:
    """Seal and queue each draft the way finalising does (envelope + content + state change, FULL sync)."""
    from protocol.envelope import seal

    seed = vault.profile.sender_key_seed()
    ids = []
    for draft in drafts:
        envelope = seal(notification_id=draft, form_version="1.0", files=_files(), recipients=[recipient],
                        sender_seed=seed)
        vault.notifications.finalise(draft, document_json=FILES["notification.json"],
                                     pdf=FILES["notification.pdf"], envelope=envelope,
                                     municipality="Demo Kommune", acute=False, corrects=None)
        ids.append(draft)
    return ids


class _Keys:
    """The bench municipality's keys and TLS material (made once for all rounds)."""

    def __init__(self, folder: Path) -> None:
        from intake import keys
        from intake.tls import CertificateAuthority

        self.folder = folder
        self.ca = CertificateAuthority("Underret bench CA")
        self.cert_file, self.key_file = self.ca.issue_server("127.0.0.1").write(folder, "server")
        self.files = keys.generate(folder / "keys", "bench-2026")
        self.recipient = keys.load_recipient_private(self.files.recipient_private)
        self.receipt_public = keys.load_public(self.files.receipt_public)

    def intake(self, name: str, port: int = 0) -> _IntakeProcess:
        return _IntakeProcess(self.folder, name, self.files.receipt_private, self.cert_file, self.key_file,
                              port=port)


class _Round(NamedTuple):
    """One round: the bare steps and the app, measured back to back under the same load.

    (A NamedTuple: run.py loads this module without registering it, which a dataclass needs.)
    """

    bare_s: float
    queue_s: float
    send_s: float
    memory_growth_mib: float
    stall_ms: float

    @property
    def app_s(self) -> float:
        return self.queue_s + self.send_s

    @property
    def ratio(self) -> float:
        return self.app_s / self.bare_s


def _bare_round(keys: _Keys, name: str) -> float:
    bare_intake = keys.intake(name)
    try:
        _baseline(bare_intake.url, keys.ca.cert_pem, keys.recipient.public(), bytes(32), WARM_UP)
        return _baseline(bare_intake.url, keys.ca.cert_pem, keys.recipient.public(), bytes(32), COUNT)
    finally:
        bare_intake.stop()


def _app_round(keys: _Keys, pack: Any, round_folder: Path) -> tuple[float, float, float, float]:
    """Finalise COUNT drafts in a new profile's vault, then unlock the app and let it send them all.

    Returns (queue seconds, send seconds, memory growth MiB, longest UI stall ms).
    """
    import base64

    from desktop.app import Services
    from desktop.config.policy import Policy, PolicySource
    from desktop.config.settings import Settings
    from desktop.domain.packs import Intake
    from desktop.store.keys import KeyProtection, ScryptParams
    from desktop.store.profiles import ProfileDirectory
    from desktop.store.vault import Vault
    from desktop.ui import delivery
    from desktop.ui.main_window import MainWindow

    os.environ["UNDERRET_DATA_DIR"] = str(round_folder / "data")
    app_intake = keys.intake(round_folder.name)
    recipient = keys.recipient
    try:
        pack = pack.model_copy(update={"demo": False, "intake": Intake(
            required=True, endpoint=app_intake.url, key_id=recipient.key_id,
            public_key=base64.b64encode(recipient.public().public_key).decode(),
            receipt_key=base64.b64encode(keys.receipt_public).decode(), ca_pem=keys.ca.cert_pem.decode())})
        policy = Policy()
        services = Services(policy=policy, policy_source=PolicySource("none", "(bench)"),
                            settings=Settings.load(policy, round_folder / "settings.json"),
                            profiles=ProfileDirectory(scrypt=ScryptParams(n=2**10, r=8, p=1)))
        services._pack = pack
        service = delivery.install(services, watch_network=False)
        profile, key = services.profiles.create("Bench", KeyProtection.PASSPHRASE, "bench passphrase")
        with Vault.open(profile.vault_path, bytes(key)) as vault:
            drafts = _drafts(vault, COUNT)
            started = time.perf_counter()
            _queue(vault, recipient.public(), drafts)
            queue_s = time.perf_counter() - started

        # As the shell does after unlocking: the list is shown first, then sending starts.
        services.open_vault(profile, key)
        window = MainWindow(services)
        for hook in services.main_window_hooks:
            hook(window)
        window.show()
        loop = QEventLoop()
        window.loaded.connect(loop.quit)
        window.refresh()
        loop.exec()
        window.loaded.disconnect(loop.quit)
        stalls = _Stalls()
        finished: list[float] = []
        receipted: list[str] = []
        memory_early: list[float] = []

        def on_state(notification_id: str, state: str, _reason: str) -> None:
            if state != "receipted":
                return
            receipted.append(notification_id)
            if len(receipted) == min(100, COUNT):
                memory_early.append(_rss_mib())
            if len(receipted) == COUNT:
                finished.append(time.perf_counter())
                loop.quit()

        service.itemStateChanged.connect(on_state)
        guard = QTimer()
        guard.setSingleShot(True)
        guard.timeout.connect(loop.quit)
        guard.start(600_000)
        stalls.start()
        started = time.perf_counter()
        services.session.finish_unlock()  # as after unlocking: the worker starts and sends
        loop.exec()
        stalls.stop()
        send_s = (finished[0] if finished else time.perf_counter()) - started
        memory_after = _rss_mib()
        delivered = app_intake.count()
        service.shutdown()
        window.close()
        services.session.stop()
        services.close_vault()
    finally:
        app_intake.stop()
    if delivered != COUNT or not finished:
        raise RuntimeError(f"only {delivered} of {COUNT} notifications arrived")
    for offset, gap in stalls.long_ones[:5]:
        print(f"  UI stall of {gap:.0f} ms at {offset:.2f} s after unlock", file=sys.stderr)
    return queue_s, send_s, memory_after - memory_early[0], stalls.longest_ms


def _post_only(url: str, ca_pem: bytes, envelopes: list[tuple[str, bytes]]) -> float:
    """POST already sealed envelopes once each, nothing else (the bare side of the comeback); seconds."""
    import httpx

    context = ssl.create_default_context(cadata=ca_pem.decode())
    with httpx.Client(verify=context, timeout=30) as client:
        client.get(f"{url}/v1/health")  # the connection is warm, as the app's is not: in the app's favour
        started = time.perf_counter()
        for notification_id, envelope in envelopes:
            client.post(f"{url}/v1/envelopes", content=envelope,
                        headers={"Idempotency-Key": notification_id}).raise_for_status()
        return time.perf_counter() - started


def _black_hole_and_comeback(keys: _Keys, folder: Path) -> tuple[float, float, float, float]:
    """A thousand waiting, the intake a black hole: time until the whole queue has backed off. Then the
    intake comes back at the same address and "Send now": time until all are delivered, and the bare
    POST of the same envelopes to a fresh intake.

    Returns (back-off seconds, deadline seconds, comeback seconds, bare POST seconds).
    """
    from desktop.outbox.sender import OutboxSender
    from desktop.outbox.transport import HttpsIntakeTransport
    from desktop.store.keys import new_vault_key
    from desktop.store.vault import Vault
    from tests.support.unfriendly_servers import BlackHole

    vault_path = folder / "blackhole" / "vault.db"
    vault_key = bytes(new_vault_key())
    with Vault.open(vault_path, vault_key, create=True) as vault:
        _queue(vault, keys.recipient.public(), _drafts(vault, COUNT))
        envelopes = [(entry.notification_id, vault.outbox.envelope(entry.notification_id))
                     for entry in vault.outbox.due_entries(datetime.now(UTC))]
    hole = BlackHole()
    port = hole.port
    transport = HttpsIntakeTransport(hole.url, ca_pem=keys.ca.cert_pem, deadline=BLACK_HOLE_DEADLINE_S)
    sender = OutboxSender(lambda: Vault.open(vault_path, vault_key, synchronous="NORMAL"), transport,
                          keys.receipt_public, lanes=2)
    try:
        started = time.perf_counter()
        report = sender.run_once()
        backed_off_s = time.perf_counter() - started
        if report.backed_off is None or report.attempted != 1:
            raise RuntimeError(f"the queue did not back off after one probe: {report}")
        # One attempt's whole deadline for this envelope (the base, plus ~1 s for a ~58 KB upload).
        from desktop.outbox.transport import attempt_deadline

        deadline_s = attempt_deadline(len(envelopes[0][1]), transport.deadline)
        hole.close()
        comeback = keys.intake("comeback", port=port)
        try:
            started = time.perf_counter()
            sender.vault.outbox.retry_now()  # "Send nu"
            delivered = 0
            while delivered < COUNT:
                report = sender.run_once()
                delivered += len(report.receipted)
                if not report.receipted:
                    raise RuntimeError(f"stuck at {delivered} after the intake came back: {report}")
            comeback_s = time.perf_counter() - started
        finally:
            comeback.stop()
    finally:
        hole.close()
        sender.close()
    bare_intake = keys.intake("comeback-bare")
    try:
        bare_post_s = _post_only(bare_intake.url, keys.ca.cert_pem, envelopes)
    finally:
        bare_intake.stop()
    return backed_off_s, deadline_s, comeback_s, bare_post_s


def run() -> list[Row]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="underret-bench-delivery-") as folder_name:
        folder = Path(folder_name)
        from desktop.domain.packs import load_pack, packs_dir

        keys = _Keys(folder)
        pack = load_pack(packs_dir() / "demo-kommune.yaml")
        _build_files(pack)
        rounds: list[_Round] = []
        for number in range(ROUNDS):
            bare_s = _bare_round(keys, f"bare-{number}")
            round_folder = folder / f"round-{number}"
            round_folder.mkdir()
            queue_s, send_s, memory, stall = _app_round(keys, pack, round_folder)
            rounds.append(_Round(bare_s, queue_s, send_s, memory, stall))
            print(f"  round {number + 1}: app {queue_s + send_s:.2f} s (finalise {queue_s:.2f} + send "
                  f"{send_s:.2f}) vs bare {bare_s:.2f} s = {rounds[-1].ratio:.2f}", file=sys.stderr)
        backed_off_s, deadline_s, comeback_s, bare_post_s = _black_hole_and_comeback(keys, folder)

    by_ratio = sorted(rounds, key=lambda r: r.ratio)
    median, worst = by_ratio[len(by_ratio) // 2], by_ratio[-1]
    # Both sides: the same files sealed once per notification (HPKE), one POST each over TLS to the
    # same intake program with the same CA, COUNT notifications. The app side also stores each
    # finalised notification in the vault (content, envelope, state change, FULL sync), and the
    # worker marks each attempt, verifies the signed receipt and stores it. The bare side is warmed
    # up (imports, TLS handshake); the app side pays its first-pass imports inside the timing.
    name = f"delivery: {COUNT:,} sealed+finalised in vault+sent, receipts kept (app) vs seal+POST each (bare)"
    return [
        Row(f"{name}, median of {len(rounds)} rounds", median.app_s, "s", baseline=median.bare_s, target=1.5),
        Row(f"{name}, worst of {len(rounds)} rounds", worst.app_s, "s", baseline=worst.bare_s, target=1.5),
        Row(f"delivery: sending {COUNT:,} queued notifications (worker, receipts verified), median round",
            median.send_s, "s"),
        Row(f"delivery: sealing and finalising {COUNT:,} drafts into the vault, median round", median.queue_s,
            "s"),
        Row(f"delivery: black-hole intake, {COUNT:,} waiting: pass start to whole queue backed off vs one "
            "attempt's deadline", backed_off_s, "s", baseline=deadline_s, target=2.0),
        Row(f"delivery: intake back, \"Send now\" to {COUNT:,} delivered (app) vs POST of the same envelopes "
            "(bare)", comeback_s, "s", baseline=bare_post_s, target=2.0),
        Row(f"delivery: memory growth from the 100th to the {COUNT:,}th sent (RSS), worst round",
            max(r.memory_growth_mib for r in rounds), "MiB", target=16),
        Row("delivery: longest UI-thread stall while sending, median round",
            sorted(r.stall_ms for r in rounds)[len(rounds) // 2], "ms", target=50),
        Row("delivery: longest UI-thread stall while sending, worst round",
            max(r.stall_ms for r in rounds), "ms"),
    ]
