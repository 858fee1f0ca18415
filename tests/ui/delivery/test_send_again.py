"""A notification the municipality refused goes again once IT has fixed the cause: once, and audited."""

from __future__ import annotations

import ssl
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pytestqt.qtbot import QtBot
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from intake.server import BackgroundIntake

if TYPE_CHECKING:
    from tests.ui.delivery.conftest import DeliveryApp, Municipality

WAIT_MS = 30_000


def _refusing_gateway(municipality: Municipality, upstream: str, tmp_path: Path) -> BackgroundIntake:
    """A real TLS server at the municipality's address that passes the envelope on to the real intake
    (which stores it) and then refuses it as damaged (400): the refusal came after the intake had kept
    the copy (a faulty gateway in front of the intake, which IT then removes)."""
    context = ssl.create_default_context(cadata=municipality.ca.cert_pem.decode())

    async def forward_then_refuse(request: Request) -> Response:
        body = await request.body()
        with httpx.Client(verify=context, timeout=10) as client:
            client.post(f"{upstream}/v1/envelopes", content=body,
                        headers={"Idempotency-Key": request.headers["idempotency-key"]})
        return JSONResponse({"error": "intake.malformed"}, status_code=400, headers={"Connection": "close"})

    app = Starlette(routes=[Route("/v1/envelopes", forward_then_refuse, methods=["POST"])])
    return BackgroundIntake(tmp_path / "unused.sqlite", Ed25519PrivateKey.generate(),
                            cert_file=municipality.cert_file, key_file=municipality.key_file,
                            port=municipality.port, app=app).start()


def test_send_again_after_a_refusal_delivers_the_notification_once_and_records_it_in_the_audit_log(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    municipality: Municipality, answers: dict[str, object], tmp_path: Path,
) -> None:
    real = BackgroundIntake(tmp_path / "intake.sqlite", municipality.receipt_signing,
                            cert_file=municipality.cert_file, key_file=municipality.key_file,
                            reference_prefix="KOM").start()
    gateway = _refusing_gateway(municipality, real.url, tmp_path)
    app = delivery_app()
    app.unlock()
    notification_id = app.finalise_draft(answers)
    qtbot.waitUntil(lambda: app.summary_state(notification_id) == "failed", timeout=WAIT_MS)
    states: list[tuple[str, str, str]] = []
    app.delivery.itemStateChanged.connect(lambda *args: states.append(args))
    gateway.stop()
    real.stop()
    intake = start_intake()  # IT has fixed it: the real intake answers at the address (same database)

    assert app.delivery.send_again(notification_id) is True
    assert app.delivery.send_again(notification_id) is False  # pressed twice: nothing more happens

    qtbot.waitUntil(lambda: (notification_id, "receipted", "") in states, timeout=WAIT_MS)
    assert app.summary_state(notification_id) == "receipted"
    assert intake.store.count(notification_id) == 1
    assert intake.store.count() == 1
    heard = [state for _, state, _ in states if state != "failed"]  # the refusal's signal may come late
    assert heard == ["queued", "sending", "receipted"]
    audit = [(e.event, e.detail) for e in app.services.require_vault().audit.entries_for(notification_id)]
    assert ("delivery.send_again", "intake.malformed") in audit
    assert audit[-1][0] == "delivery.receipted"


def test_send_again_is_refused_for_a_notification_that_was_not_refused(
    qtbot: QtBot, delivery_app: Callable[..., DeliveryApp], start_intake: Callable[[], BackgroundIntake],
    answers: dict[str, object],
) -> None:
    intake = start_intake()
    app = delivery_app()
    app.unlock()
    notification_id = app.finalise_draft(answers)
    qtbot.waitUntil(lambda: app.summary_state(notification_id) == "receipted", timeout=WAIT_MS)

    assert app.delivery.send_again(notification_id) is False

    assert app.summary_state(notification_id) == "receipted"
    assert intake.store.count(notification_id) == 1
