"""Delivery benchmarks: 1,000 notifications queued and delivered over TLS, against the bare steps.

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
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from rows import Row

from tests.support.answers import complete_answers_for

COUNT = int(os.environ.get("UNDERRET_BENCH_DELIVERY_COUNT", "1000"))
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

    def __init__(self, folder: Path, name: str, receipt_key: Path, cert: Path, key: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        self.db = folder / f"{name}.sqlite"
        self.url = f"https://127.0.0.1:{self.port}"
        self._process = subprocess.Popen(
            [sys.executable, "-m", "intake.cli", "serve", "--port", str(self.port), "--db", str(self.db),
             "--receipt-key", str(receipt_key), "--cert", str(cert), "--key", str(key)])
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


def run() -> list[Row]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="underret-bench-delivery-") as folder_name:
        folder = Path(folder_name)
        os.environ["UNDERRET_DATA_DIR"] = str(folder / "data")
        import base64

        from desktop.app import Services
        from desktop.config.policy import Policy, PolicySource
        from desktop.config.settings import Settings
        from desktop.domain.packs import Intake, load_pack, packs_dir
        from desktop.store.keys import KeyProtection, ScryptParams
        from desktop.store.profiles import ProfileDirectory
        from desktop.store.vault import Vault
        from desktop.ui import delivery
        from desktop.ui.main_window import MainWindow
        from intake import keys
        from intake.tls import CertificateAuthority

        ca = CertificateAuthority("Underret bench CA")
        cert_file, key_file = ca.issue_server("127.0.0.1").write(folder, "server")
        key_files = keys.generate(folder / "keys", "bench-2026")
        recipient = keys.load_recipient_private(key_files.recipient_private)
        receipt_public = keys.load_public(key_files.receipt_public)

        def intake(name: str) -> _IntakeProcess:
            return _IntakeProcess(folder, name, key_files.receipt_private, cert_file, key_file)

        pack = load_pack(packs_dir() / "demo-kommune.yaml")
        _build_files(pack)

        # --- the bare steps ----------------------------------------------------------------------
        bare_intake = intake("bare")
        try:
            _baseline(bare_intake.url, ca.cert_pem, recipient.public(), bytes(32), WARM_UP)
            bare_s = _baseline(bare_intake.url, ca.cert_pem, recipient.public(), bytes(32), COUNT)
        finally:
            bare_intake.stop()

        # --- the app -----------------------------------------------------------------------------
        app_intake = intake("app")
        pack = pack.model_copy(update={"demo": False, "intake": Intake(
            required=True, endpoint=app_intake.url, key_id=recipient.key_id,
            public_key=base64.b64encode(recipient.public().public_key).decode(),
            receipt_key=base64.b64encode(receipt_public).decode(), ca_pem=ca.cert_pem.decode())})
        policy = Policy()
        services = Services(policy=policy, policy_source=PolicySource("none", "(bench)"),
                            settings=Settings.load(policy, folder / "settings.json"),
                            profiles=ProfileDirectory(scrypt=ScryptParams(n=2**10, r=8, p=1)))
        services._pack = pack
        service = delivery.install(services, watch_network=False)
        profile, key = services.profiles.create("Bench", KeyProtection.PASSPHRASE, "bench passphrase")
        try:
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
    for offset, gap in stalls.long_ones[:10]:
        print(f"  UI stall of {gap:.0f} ms at {offset:.2f} s after unlock", file=sys.stderr)
    app_s = queue_s + send_s
    # Both sides: the same files sealed once per notification (HPKE), one POST each over TLS to the
    # same intake program with the same CA, COUNT notifications. The app side also stores each
    # finalised notification in the vault (content, envelope, state change, FULL sync), and the
    # worker marks each attempt, verifies the signed receipt and stores it. The bare side is warmed
    # up (imports, TLS handshake); the app side pays its first-pass imports inside the timing.
    return [
        Row(f"delivery: {COUNT:,} sealed+finalised in vault+sent, receipts kept (app) "
            "vs seal+POST each (bare)",
            app_s, "s", baseline=bare_s, target=1.5),
        Row(f"delivery: sending {COUNT:,} queued notifications (worker, receipts verified)", send_s, "s"),
        Row(f"delivery: sealing and finalising {COUNT:,} drafts into the vault", queue_s, "s"),
        Row(f"delivery: memory growth from the 100th to the {COUNT:,}th sent (RSS)",
            memory_after - memory_early[0], "MiB", target=16),
        Row("delivery: longest UI-thread stall while sending", stalls.longest_ms, "ms", target=50),
    ]
