"""When the intake is slow, gone or strict: each attempt ends by its deadline, the queue waits together.

Real servers on 127.0.0.1 for each fault (``tests/support/unfriendly_servers.py``),
a real vault and the real sender. Nothing here is timed: what shows that an attempt
ended by its deadline is what the servers saw (one connection, an answer not
finished), and what shows that the queue waited together is the vault.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import TYPE_CHECKING, Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from desktop.outbox.failures import RETRY_AFTER_CAP_S
from desktop.outbox.sender import SETUP_BACKOFF_S
from desktop.store.notifications import NotificationState
from desktop.store.vault import Vault
from intake.server import BackgroundIntake
from tests.support.unfriendly_servers import BlackHole, BreaksAfter, OldTls, ResetMidBody, Trickle

if TYPE_CHECKING:
    from tests.integration.delivery.conftest import TlsMaterial

#: One attempt's whole deadline in these tests (what a trickling server would otherwise stretch).
DEADLINE = 1.5


@pytest.fixture
def servers() -> Iterator[list[Any]]:
    started: list[Any] = []
    yield started
    for server in started:
        server.close()


def _queue_many(vault: Vault, count: int) -> list[str]:
    """``count`` finalised notifications in one transaction (the envelope bytes are never opened here)."""
    ids = []
    with vault.outbox.batch():
        for _ in range(count):
            draft = vault.notifications.create_draft({}, "review", "AB")
            vault.notifications.finalise(draft, document_json=b"{}", pdf=b"%PDF", envelope=b"sealed" * 100,
                                         municipality="Demo Kommune", acute=False, corrects=None)
            ids.append(draft)
    return ids


def _waiting_until(vault: Vault, ids: list[str]) -> set[datetime | None]:
    return {vault.outbox.next_attempt_for(i) for i in ids}


def _reasons(vault: Vault, ids: list[str]) -> set[tuple[NotificationState, str | None]]:
    return {(s.state, s.last_error) for s in (vault.notifications.get_summary(i) for i in ids)}


def test_a_black_hole_intake_costs_one_probe_and_the_whole_queue_of_a_thousand_waits_together(
    vault: Vault, make_sender: Callable[..., Any], servers: list[Any],
) -> None:
    ids = _queue_many(vault, 1000)
    hole = BlackHole()  # accepts TCP, never completes TLS
    servers.append(hole)
    before = datetime.now(UTC)

    report = make_sender(hole.url, timeout=DEADLINE).run_once()

    # One attempt (the probe), ended by its deadline; then everything backs off together.
    assert (hole.connections, report.attempted) == (1, 1)
    assert report.retrying == {ids[0]: "delivery.intake_unreachable"}
    assert report.backed_off == "delivery.intake_unreachable"
    assert _reasons(vault, ids) == {(NotificationState.QUEUED, "delivery.intake_unreachable")}
    [until] = _waiting_until(vault, ids)
    assert until is not None and until > before
    assert report.next_attempt_at == until
    assert vault.outbox.due(before) == []
    assert [s.attempts for s in (vault.notifications.get_summary(i) for i in ids[:2])] == [1, 0]


def test_a_full_listen_queue_that_drops_the_connection_is_the_intake_unreachable(
    vault: Vault, queue_notification: Callable[..., str], make_sender: Callable[..., Any],
) -> None:
    # A real SYN black hole: a listening socket whose accept queue is full drops new connections' SYNs.
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        fillers = []
        for _ in range(4):  # fill the queue (its real length is a little more than asked)
            filler = socket.socket()
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", port))
            fillers.append(filler)
        try:
            first, second = queue_notification(), queue_notification()
            report = make_sender(f"https://127.0.0.1:{port}", timeout=DEADLINE).run_once()
        finally:
            for filler in fillers:
                filler.close()
    assert report.attempted == 1
    assert report.retrying == {first: "delivery.intake_unreachable"}
    assert _reasons(vault, [first, second]) == {(NotificationState.QUEUED, "delivery.intake_unreachable")}


def test_an_answer_trickling_one_byte_a_second_ends_at_the_deadline_and_is_not_stored_twice(
    vault: Vault, intake: BackgroundIntake, queue_notification: Callable[..., str],
    make_sender: Callable[..., Any], tls: TlsMaterial, servers: list[Any],
) -> None:
    notification_id = queue_notification()
    trickle = Trickle(tls.server_context(), intake.url, tls.ca.cert_pem)
    servers.append(trickle)

    report = make_sender(trickle.url, timeout=DEADLINE).run_once()

    assert report.retrying == {notification_id: "delivery.timeout"}  # a slow answer, named so
    assert trickle.client_left.wait(30)  # the app hung up ...
    assert trickle.bytes_sent < trickle.answer_size  # ... before the answer was through
    summary = vault.notifications.get_summary(notification_id)
    assert (summary.state, summary.last_error) == (NotificationState.QUEUED, "delivery.timeout")
    assert intake.store.count(notification_id) == 1  # the intake did get it

    vault.outbox.retry_now()  # the network heals; "Send now"
    assert make_sender(intake.url).run_once().receipted == [notification_id]
    assert intake.store.count(notification_id) == 1  # and keeps it once


def test_a_reset_in_the_middle_of_the_upload_is_named_a_reset_not_a_missing_network(
    vault: Vault, intake: BackgroundIntake, queue_notification: Callable[..., str],
    make_sender: Callable[..., Any], tls: TlsMaterial, servers: list[Any],
) -> None:
    notification_id = queue_notification()
    reset = ResetMidBody(tls.server_context(), after=256)
    servers.append(reset)

    report = make_sender(reset.url, timeout=DEADLINE).run_once()

    assert reset.partial_bodies == 1
    assert report.retrying == {notification_id: "delivery.connection_reset"}
    vault.outbox.retry_now()
    assert make_sender(intake.url).run_once().receipted == [notification_id]
    assert intake.store.count(notification_id) == 1


@pytest.mark.parametrize("kind", ["old_cipher", "plain_http"])
def test_a_server_whose_tls_does_not_match_is_a_tls_failure_and_gets_nothing(
    kind: str, vault: Vault, queue_notification: Callable[..., str], make_sender: Callable[..., Any],
    tls: TlsMaterial, servers: list[Any],
) -> None:
    notification_id = queue_notification()
    old = OldTls(kind, tls.cert_file, tls.key_file)
    servers.append(old)

    report = make_sender(old.url, timeout=DEADLINE).run_once()

    assert report.retrying == {notification_id: "delivery.tls_failed"}
    assert report.backed_off == "delivery.tls_failed"
    if kind == "old_cipher":
        assert old.handshakes_failed == 1


def _busy_intake(tls: TlsMaterial, tmp_path: Any, status: int, retry_after: str) -> BackgroundIntake:
    seen: list[str] = []

    async def busy(request: Request) -> Response:
        await request.body()
        seen.append(request.headers.get("idempotency-key", ""))
        return Response(status_code=status, headers={"Retry-After": retry_after, "Connection": "close"})

    app = Starlette(routes=[Route("/v1/envelopes", busy, methods=["POST"])])
    server = BackgroundIntake(tmp_path / f"busy-{status}.sqlite", Ed25519PrivateKey.generate(),
                              cert_file=tls.cert_file, key_file=tls.key_file, app=app).start()
    server.app.state.seen = seen
    return server


@pytest.mark.parametrize(
    ("status", "retry_after", "wait"),
    [
        (503, "3600", 3600.0),  # seconds
        (429, "HTTP-DATE+7200", 7200.0),  # an HTTP date two hours ahead
        (503, "9999999", RETRY_AFTER_CAP_S),  # more than the cap: the cap
    ],
)
def test_retry_after_is_honoured_for_the_whole_queue_up_to_the_cap(
    status: int, retry_after: str, wait: float, vault: Vault, queue_notification: Callable[..., str],
    make_sender: Callable[..., Any], tls: TlsMaterial, tmp_path: Any,
) -> None:
    ids = [queue_notification() for _ in range(3)]
    now = datetime.now(UTC)
    if retry_after.startswith("HTTP-DATE"):
        retry_after = format_datetime(now + timedelta(seconds=wait), usegmt=True)
    server = _busy_intake(tls, tmp_path, status, retry_after)
    try:
        report = make_sender(server.url).run_once()
    finally:
        server.stop()

    assert server.app.state.seen == [ids[0]]  # one probe; the server said when to come back
    assert report.backed_off == "delivery.server_busy"
    assert _reasons(vault, ids) == {(NotificationState.QUEUED, "delivery.server_busy")}
    [until] = _waiting_until(vault, ids)
    assert until is not None
    # Not before the server's time (seconds or date, to the second) and not after the cap.
    assert now + timedelta(seconds=wait - 2) <= until <= datetime.now(UTC) + timedelta(seconds=wait + 1)


def test_when_the_way_breaks_after_the_probe_went_two_failures_in_a_row_end_the_pass(
    vault: Vault, intake: BackgroundIntake, queue_notification: Callable[..., str],
    make_sender: Callable[..., Any], tls: TlsMaterial, servers: list[Any],
) -> None:
    ids = [queue_notification() for _ in range(8)]
    breaking = BreaksAfter(tls.server_context(), intake.url, tls.ca.cert_pem, good=2)
    servers.append(breaking)

    report = make_sender(breaking.url).run_once()

    # The probe and the next one go; two resets in a row; the other four are not tried.
    assert report.receipted == ids[:2]
    assert (breaking.bodies_received, report.attempted) == (4, 4)
    assert report.retrying == {ids[2]: "delivery.connection_reset", ids[3]: "delivery.connection_reset"}
    assert report.backed_off == "delivery.connection_reset"
    assert _reasons(vault, ids[2:]) == {(NotificationState.QUEUED, "delivery.connection_reset")}
    assert len(_waiting_until(vault, ids[2:])) == 1  # one time for all of them

    vault.outbox.retry_now()
    assert sorted(make_sender(intake.url).run_once().receipted) == sorted(ids[2:])
    assert all(intake.store.count(i) == 1 for i in ids)


def test_this_pc_not_accepted_by_the_intake_stays_queued_and_waits_for_it(
    vault: Vault, queue_notification: Callable[..., str], make_sender: Callable[..., Any],
    status_server: Callable[[int], str],
) -> None:
    ids = [queue_notification() for _ in range(2)]
    now = datetime.now(UTC)
    report = make_sender(status_server(403)).run_once()
    assert report.attempted == 1 and report.failed == {}
    assert _reasons(vault, ids) == {(NotificationState.QUEUED, "delivery.not_authorised")}
    [until] = _waiting_until(vault, ids)
    assert until is not None and until >= now + timedelta(seconds=SETUP_BACKOFF_S - 1)
