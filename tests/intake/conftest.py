"""Intake fixtures: keys made by the real keygen, a real TLS intake on 127.0.0.1 from a test CA.

``db_target`` is what ``--db`` takes, once for each database the intake supports: an SQLite file in
the test's folder, and a fresh database on a real PostgreSQL server (one throwaway server for the
whole run, :class:`PostgresCluster` below). Tests that take ``running_intake`` or ``db_target``
run against both.
"""

from __future__ import annotations

import glob
import os
import shutil
import ssl
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import httpx
import pytest

from intake import keys
from intake.server import BackgroundIntake
from intake.settings import IntakeSettings
from intake.tls import CertificateAuthority
from protocol.envelope import seal

# --- a throwaway PostgreSQL server (a real one, not a fake) ---------------------------------------
# PostgreSQL refuses to run as root, so under root (CI) the cluster belongs to ``nobody`` and runs
# through ``runuser``; it listens only on a unix socket in its temporary folder (no TCP port).
# The binaries are found through UNDERRET_PG_BIN, ``pg_config --bindir`` or /usr/lib/postgresql/*/bin;
# .ci/run installs the postgresql package when they are missing. ``fast=True`` (the tests) turns off
# fsync: a test's database is thrown away. The benchmarks import this class and keep the defaults.


def find_bindir() -> Path:
    """The folder holding ``initdb``, ``pg_ctl``, ``pg_dump`` and ``pg_restore``."""
    candidates: list[str] = []
    if os.environ.get("UNDERRET_PG_BIN"):
        candidates.append(os.environ["UNDERRET_PG_BIN"])
    if shutil.which("pg_config"):
        done = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=False)
        candidates.append(done.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists():
            return Path(folder)
    raise RuntimeError(
        "PostgreSQL is not installed: the intake's tests run against a real PostgreSQL server. "
        "Install it (apt-get install -y postgresql; .ci/run does) or set UNDERRET_PG_BIN to its bin folder"
    )


class PostgresCluster:
    """A PostgreSQL server in a temporary folder, reachable over a unix socket there."""

    def __init__(self, *, fast: bool = True) -> None:
        self.bindir = find_bindir()
        self.fast = fast
        self.folder = Path(tempfile.mkdtemp(prefix="underret-pg-"))
        self.data = self.folder / "data"
        self._as_root = os.geteuid() == 0
        self._started = False

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self._as_root:
            command = ["runuser", "-u", "nobody", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)

    def start(self) -> PostgresCluster:
        """initdb and start; returns once the server accepts connections."""
        if self._as_root:
            shutil.chown(self.folder, "nobody")
        os.chmod(self.folder, 0o700)
        done = self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                         "--locale=C.UTF-8", "--no-sync")
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed: {done.stderr.strip()}")
        options = f"-k {self.folder} -c listen_addresses='' -c max_connections=200"
        if self.fast:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        done = self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"),
                         "-w", "-t", "60", "start")
        if done.returncode != 0:
            log = (self.folder / "log").read_text(errors="replace") if (self.folder / "log").exists() else ""
            raise RuntimeError(f"postgres did not start: {done.stderr.strip()} {log[-2000:]}")
        self._started = True
        return self

    def conninfo(self, database: str = "postgres") -> str:
        """A libpq connection string for ``database`` over the socket."""
        return f"host={self.folder} dbname={database} user=postgres"

    def create_database(self, name: str | None = None) -> str:
        """A new empty database; its connection string."""
        import psycopg

        name = name or f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.conninfo(), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.conninfo(name)

    def drop_database(self, conninfo: str) -> None:
        """Drop a database made by :meth:`create_database` (its connections are ended first)."""
        import psycopg

        name = conninfo.rsplit("dbname=", 1)[1].split()[0]
        with psycopg.connect(self.conninfo(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        if self._started:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
            self._started = False
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> PostgresCluster:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


MARKER = "Fiktiv Østergaard 010199-4321".encode()


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """One real PostgreSQL server for the run (started on first use)."""
    with PostgresCluster(fast=True) as cluster:
        yield cluster


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """``--db`` for a new, empty intake database: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "intake.sqlite")
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    conninfo = cluster.create_database()
    try:
        yield conninfo
    finally:
        cluster.drop_database(conninfo)


@dataclass
class RunningIntake:
    server: BackgroundIntake
    client: httpx.Client
    key_files: keys.KeyFiles
    db: str
    seal: Callable[..., tuple[str, bytes]]
    ca: CertificateAuthority
    folder: Path


@pytest.fixture
def running_intake(tmp_path: Path, db_target: str) -> Iterator[RunningIntake]:
    key_files = keys.generate(tmp_path / "keys", "kommune-test")
    ca = CertificateAuthority("Underret intake test CA")
    cert, key = ca.issue_server("127.0.0.1").write(tmp_path / "tls", "server")
    recipient = keys.load_recipient_private(key_files.recipient_private).public()
    seed = os.urandom(32)

    def _seal(notification_id: str | None = None, extra: bytes = b"", sender_seed: bytes | None = None,
              ) -> tuple[str, bytes]:
        nid = notification_id or str(uuid.uuid4())
        return nid, seal(
            notification_id=nid,
            form_version="1.0",
            files={
                "notification.json": b'{"c":"' + MARKER + extra + b'"}',
                "notification.pdf": b"%PDF-" + MARKER,
            },
            recipients=[recipient],
            sender_seed=sender_seed or seed,
        )

    server = BackgroundIntake(
        db_target,
        keys.load_receipt_signing_key(key_files.receipt_private),
        cert_file=cert,
        key_file=key,
        max_body=64 * 1024,
    ).start()
    context = ssl.create_default_context(cadata=ca.cert_pem.decode())
    client = httpx.Client(base_url=server.url, verify=context, timeout=5)
    try:
        yield RunningIntake(server, client, key_files, db_target, _seal, ca, tmp_path)
    finally:
        client.close()
        server.stop()


@dataclass
class Municipality:
    """What IT holds for one intake: keys, a test CA, and a way to start the intake with given limits."""

    key_files: keys.KeyFiles
    ca: CertificateAuthority
    cert: Path
    key: Path
    folder: Path

    def start(self, db: str, settings: IntakeSettings, *, accept: list[Path] | None = None,
              ) -> tuple[BackgroundIntake, httpx.Client]:
        """The intake with ``settings``; ``accept``: recipient.pub.json files, as ``serve --accept-key``."""
        recipient_keys = None if accept is None else {
            keys.load_recipient_key_id(path): keys.load_public(path) for path in accept}
        server = BackgroundIntake(db, keys.load_receipt_signing_key(self.key_files.receipt_private),
                                  cert_file=self.cert, key_file=self.key, settings=settings,
                                  recipient_keys=recipient_keys).start()
        context = ssl.create_default_context(cadata=self.ca.cert_pem.decode())
        return server, httpx.Client(base_url=server.url, verify=context, timeout=10)

    def seal(self, seed: bytes, size: int = 0) -> tuple[str, bytes]:
        recipient = keys.load_recipient_private(self.key_files.recipient_private).public()
        nid = str(uuid.uuid4())
        return nid, seal(notification_id=nid, form_version="1.0",
                         files={"notification.json": b'{"c":"' + MARKER + b'"}',
                                "notification.pdf": b"%PDF-" + os.urandom(size)},
                         recipients=[recipient], sender_seed=seed)


@pytest.fixture
def municipality(tmp_path: Path) -> Municipality:
    key_files = keys.generate(tmp_path / "keys", "kommune-test")
    ca = CertificateAuthority("Underret intake test CA")
    cert, key = ca.issue_server("127.0.0.1").write(tmp_path / "tls", "server")
    return Municipality(key_files, ca, cert, key, tmp_path)
