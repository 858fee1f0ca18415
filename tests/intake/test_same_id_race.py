"""Many PCs (or one PC's retries) post the same notification id at the same moment.

The promise: the first envelope stands; the same bytes again get the original receipt (200), other bytes
get 409 ``intake.conflict`` - also when the later POST passed the "already here?" look-up before the
first was stored and only lost at the insert itself. Sent one after the other (as in
test_intake_service.py) that insert race never happens, so these tests release several POSTs for one
id at once from a barrier, over separate TLS connections, many ids in a row, against one real intake
on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import ssl
import threading
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

import httpx

from protocol.envelope import envelope_sha256
from protocol.receipts import decode_response

if TYPE_CHECKING:
    from tests.intake.conftest import RunningIntake

#: Concurrent POSTs for one id, and ids raced one after the other.
RACERS = 6
ROUNDS = 10


def _clients(intake: RunningIntake) -> list[httpx.Client]:
    """One client (one kept-alive TLS connection) per racer, so the POSTs really arrive together."""
    context = ssl.create_default_context(cadata=intake.ca.cert_pem.decode())
    return [httpx.Client(base_url=intake.server.url, verify=context, timeout=30) for _ in range(RACERS)]


def _race(clients: list[httpx.Client], nid: str, bodies: list[bytes]) -> list[httpx.Response]:
    """POST ``bodies[i]`` through ``clients[i]``, all released at once; the answers in the same order."""
    start = threading.Barrier(len(bodies), timeout=30)
    answers: list[httpx.Response | BaseException | None] = [None] * len(bodies)

    def post(index: int) -> None:
        try:
            start.wait()
            answers[index] = clients[index].post("/v1/envelopes", content=bodies[index],
                                                 headers={"Idempotency-Key": nid})
        except BaseException as error:  # reported below, on the test's thread
            answers[index] = error

    threads = [threading.Thread(target=post, args=(index,)) for index in range(len(bodies))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a POST never came back"
    done: list[httpx.Response] = []
    for answer in answers:
        assert isinstance(answer, httpx.Response), repr(answer)
        done.append(answer)
    return done


def _run_rounds(intake: RunningIntake, make_bodies: Callable[[str], list[bytes]],
                check: Callable[[str, list[bytes], list[httpx.Response]], None]) -> None:
    clients = _clients(intake)
    try:
        for _ in range(ROUNDS):
            nid = str(uuid.uuid4())
            bodies = make_bodies(nid)
            check(nid, bodies, _race(clients, nid, bodies))
    finally:
        for client in clients:
            client.close()


def test_the_same_id_with_other_bytes_at_the_same_moment_is_stored_once_and_the_others_get_409(
    running_intake: RunningIntake,
) -> None:
    def bodies(nid: str) -> list[bytes]:
        return [running_intake.seal(nid, extra=f"version {n}".encode())[1] for n in range(RACERS)]

    def check(nid: str, sent: list[bytes], answers: list[httpx.Response]) -> None:
        statuses = [answer.status_code for answer in answers]
        assert sorted(statuses) == [201] + [409] * (RACERS - 1), (nid, statuses)
        for answer in answers:
            if answer.status_code == 409:
                assert answer.json()["error"] == "intake.conflict"
        winner = sent[statuses.index(201)]
        # The envelope kept is the one the 201 receipt names, unchanged.
        receipt_json, _signature = decode_response(answers[statuses.index(201)].content)
        assert envelope_sha256(winner) in receipt_json.decode()
        assert running_intake.server.store.count(nid) == 1
        assert running_intake.server.store.find(nid).envelope == winner  # type: ignore[union-attr]

    _run_rounds(running_intake, bodies, check)


def test_the_same_bytes_at_the_same_moment_are_stored_once_and_every_sender_gets_the_one_receipt(
    running_intake: RunningIntake,
) -> None:
    def bodies(nid: str) -> list[bytes]:
        return [running_intake.seal(nid)[1]] * RACERS

    def check(nid: str, sent: list[bytes], answers: list[httpx.Response]) -> None:
        statuses = sorted(answer.status_code for answer in answers)
        assert statuses == [200] * (RACERS - 1) + [201], (nid, statuses)
        assert len({answer.content for answer in answers}) == 1, "one receipt, the same for every retry"
        assert running_intake.server.store.count(nid) == 1
        assert running_intake.server.store.find(nid).envelope == sent[0]  # type: ignore[union-attr]

    _run_rounds(running_intake, bodies, check)
