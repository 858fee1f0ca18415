"""The intake's inbox API for desks and the notifiers' mailboxes (routes and fields: ``protocol.inbox``).

* ``POST /v1/desk/enrol``: a desk enrols once, with IT's one-time token or a desk certificate issued
  by the municipality's desk CA (``serve --desk-ca``); it gets a credential, kept in its vault.
* ``GET /v1/desk/seqs`` and ``GET /v1/desk/envelopes?seqs=…``: the numbers of the envelopes held, and
  the envelopes (still sealed) with the receipts the intake signed, by number.
* ``GET``/``POST /v1/desk/status``: the shared, content-free status (the first desk to record a step
  holds it; a second gets 409 with the record that stands).
* ``POST /v1/desk/messages``: a sealed message for a notifier's mailbox.
* ``GET /v1/mailboxes/<id>/messages``: the notifier's app fetches its messages, signed with the
  reply key's mailbox key (``protocol.replies``); nothing else identifies it.

The intake never decrypts anything and never learns which notification a mailbox belongs to.
Errors are ``{"error": <id>, "reason": <plain English>}``, as everywhere in the intake.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from intake.desks import MAX_PAGE, Desk, DeskRefused, DeskStore
from intake.storage import IntakeStore, StoreBusy, StoreUnavailable
from protocol.errors import MailboxRequestInvalid
from protocol.inbox import (
    MAX_CLOCK_SKEW,
    MAX_MESSAGE_BYTES,
    STEPS,
    MailboxMessage,
    enrolment_message,
    is_uuid,
    valid_initials,
)
from protocol.replies import KEY_HEADER, SIGNATURE_HEADER, TIME_HEADER, is_mailbox_id, verify_mailbox_request

log = logging.getLogger(__name__)

_MAX_JSON = 64 * 1024
_MAX_NAME = 100


def _error(status: int, error: str, reason: str) -> JSONResponse:
    return JSONResponse({"error": error, "reason": reason}, status_code=status)


async def _body(request: Request, limit: int) -> bytes | None:
    """The request body, or None when it is larger than ``limit``."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


async def _json(request: Request) -> dict[str, Any] | None:
    body = await _body(request, _MAX_JSON)
    if body is None:
        return None
    try:
        value = json.loads(body)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _check_desk_certificate(ca_pem: bytes, data: dict[str, Any], now: datetime) -> str:
    """The SHA-256 of a desk certificate that the desks' CA issued and whose key signed this request.

    Raises DeskRefused when the certificate, its validity, the time or the signature is wrong.
    """
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID

    try:
        certificate = x509.load_pem_x509_certificate(str(data.get("certificate", "")).encode("ascii"))
        authority = x509.load_pem_x509_certificate(ca_pem)
        signature = base64.b64decode(str(data.get("signature", "")), validate=True)
        when_text = str(data.get("time", ""))
        when = datetime.strptime(when_text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        certificate.verify_directly_issued_by(authority)
    except (ValueError, TypeError, binascii.Error, InvalidSignature) as exc:
        raise DeskRefused("the desk certificate is not one the desks' CA issued") from exc
    if not certificate.not_valid_before_utc <= now <= certificate.not_valid_after_utc:
        raise DeskRefused("the desk certificate is not valid now")
    try:
        usages = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound as exc:
        raise DeskRefused("the desk certificate is not for client authentication") from exc
    if ExtendedKeyUsageOID.CLIENT_AUTH not in usages:  # a server certificate from the same CA is no desk
        raise DeskRefused("the desk certificate is not for client authentication")
    if abs(now - when) > MAX_CLOCK_SKEW:
        raise DeskRefused("the enrolment request's time is too far from the intake's")
    from cryptography.hazmat.primitives.serialization import Encoding

    der = certificate.public_bytes(Encoding.DER)
    message = enrolment_message(str(data.get("name", "")), when_text, der)
    key = certificate.public_key()
    try:
        if isinstance(key, ed25519.Ed25519PublicKey):
            key.verify(signature, message)
        elif isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, message, ec.ECDSA(hashes.SHA256()))
        elif isinstance(key, rsa.RSAPublicKey):
            key.verify(signature, message, padding.PKCS1v15(), hashes.SHA256())
        else:
            raise DeskRefused("the desk certificate's key type is not supported")
    except InvalidSignature as exc:
        raise DeskRefused("the enrolment request is not signed by the certificate's key") from exc
    return hashlib.sha256(der).hexdigest()


def inbox_routes(store: IntakeStore, *, receipt_public_key: bytes, clock: Callable[[], datetime],
                 desk_ca_pem: bytes | None = None) -> list[Route]:
    """The desks' and mailboxes' routes over ``store`` (added to the intake app by ``create_app``)."""
    desks = DeskStore(store)

    async def db(function: Callable[..., Any], *args: Any) -> Any:
        return await run_in_threadpool(function, *args)

    async def authorised(request: Request) -> Desk | None:
        header = request.headers.get("authorization", "")
        if not header.startswith("Bearer "):
            return None
        desk: Desk | None = await db(desks.desk_for, header[len("Bearer "):].strip())
        return desk

    def unavailable(exc: Exception) -> JSONResponse:
        if isinstance(exc, StoreBusy):
            return JSONResponse({"error": "intake.busy", "reason": "The intake is busy; try again."},
                                status_code=503, headers={"Retry-After": "5"})
        return _error(503, "intake.store_unavailable", "The intake's database cannot be used just now.")

    async def enrol(request: Request) -> Response:
        data = await _json(request)
        if data is None:
            return _error(400, "intake.malformed", "The enrolment request is not a JSON object.")
        name = str(data.get("name", "")).strip()[:_MAX_NAME] or "desk"
        now = clock()
        try:
            if "token" in data:
                desk, credential = await db(desks.enrol_with_token, str(data["token"]), name, now)
            elif "certificate" in data and desk_ca_pem is not None:
                digest = _check_desk_certificate(desk_ca_pem, data, now)
                desk, credential = await db(desks.enrol_with_certificate, digest, name, now)
            else:
                return _error(401, "intake.desk_refused", "Enrol with IT's desk token or a desk certificate.")
        except DeskRefused as exc:
            log.info("intake: desk enrolment refused (%s)", exc)
            return _error(401, "intake.desk_refused", "The desk token or certificate is not accepted.")
        except (StoreBusy, StoreUnavailable) as exc:
            return unavailable(exc)
        log.info("intake: desk %s enrolled (%s)", desk.id, desk.via)
        return JSONResponse({"desk_id": desk.id, "credential": credential,
                             "receipt_public_key": base64.b64encode(receipt_public_key).decode("ascii")},
                            status_code=201)

    async def envelopes(request: Request) -> Response:
        desk = await authorised(request)
        if desk is None:
            return _error(401, "intake.desk_refused", "This desk is not enrolled.")
        try:
            wanted = [int(part) for part in request.query_params.get("seqs", "").split(",") if part]
            after = int(request.query_params.get("after", "0"))
            limit = int(request.query_params.get("limit", "100"))
        except ValueError:
            return _error(400, "intake.malformed", "seqs, after and limit are whole numbers.")
        if len(wanted) > MAX_PAGE:
            return _error(400, "intake.malformed", f"At most {MAX_PAGE} envelopes at a time.")
        try:
            if wanted:
                items, more = await db(desks.envelopes_by_seq, desk, wanted, clock()), False
            else:
                items, more = await db(desks.envelopes_after, desk, after, limit, clock())
        except (StoreBusy, StoreUnavailable) as exc:
            return unavailable(exc)
        return JSONResponse({"envelopes": [item.to_dict() for item in items], "more": more})

    async def seqs(request: Request) -> Response:
        if await authorised(request) is None:
            return _error(401, "intake.desk_refused", "This desk is not enrolled.")
        try:
            after = int(request.query_params.get("after", "0"))
        except ValueError:
            return _error(400, "intake.malformed", "after is a whole number.")
        try:
            numbers, more = await db(desks.seqs_after, after)
        except (StoreBusy, StoreUnavailable) as exc:
            return unavailable(exc)
        return JSONResponse({"seqs": numbers, "more": more})

    async def status_get(request: Request) -> Response:
        if await authorised(request) is None:
            return _error(401, "intake.desk_refused", "This desk is not enrolled.")
        try:
            after = int(request.query_params.get("after", "0"))
        except ValueError:
            return _error(400, "intake.malformed", "after is a whole number.")
        try:
            records, cursor, more = await db(desks.status_after, after)
        except (StoreBusy, StoreUnavailable) as exc:
            return unavailable(exc)
        return JSONResponse({"status": [record.to_dict() for record in records], "cursor": cursor,
                             "more": more})

    async def status_post(request: Request) -> Response:
        desk = await authorised(request)
        if desk is None:
            return _error(401, "intake.desk_refused", "This desk is not enrolled.")
        data = await _json(request)
        if data is None:
            return _error(400, "intake.malformed", "The status is not a JSON object.")
        notification_id, step, initials = data.get("notification_id"), data.get("step"), data.get("initials")
        # Only ids, a step and initials are accepted: nothing with content can be put here.
        if set(data) != {"notification_id", "step", "initials"} or not is_uuid(notification_id) \
                or step not in STEPS or not valid_initials(initials):
            return _error(400, "intake.malformed", "A status is a notification id, a known step and"
                                                   " initials.")
        try:
            record, outcome = await db(desks.record_step, desk, notification_id, step, initials, clock())
        except (StoreBusy, StoreUnavailable) as exc:
            return unavailable(exc)
        body: dict[str, Any] = {"record": record.to_dict()}
        if outcome == "taken":
            body.update(error="intake.step_taken", reason="Another desk recorded this step first.")
            return JSONResponse(body, status_code=409)
        return JSONResponse(body, status_code=201 if outcome == "created" else 200)

    async def relay(request: Request) -> Response:
        desk = await authorised(request)
        if desk is None:
            return _error(401, "intake.desk_refused", "This desk is not enrolled.")
        message_id = request.headers.get("message-id", "")
        mailbox_id = request.headers.get("mailbox-id", "")
        if not is_uuid(message_id) or not is_mailbox_id(mailbox_id):
            return _error(400, "intake.malformed", "Message-Id is a UUID and Mailbox-Id a mailbox id.")
        body = await _body(request, MAX_MESSAGE_BYTES)
        if body is None:
            return _error(413, "intake.too_large", f"A message is at most {MAX_MESSAGE_BYTES // 1024} KiB.")
        if not body:
            return _error(400, "intake.malformed", "The message is empty.")
        try:
            outcome = await db(desks.relay, desk, message_id, mailbox_id, body, clock())
        except (StoreBusy, StoreUnavailable) as exc:
            return unavailable(exc)
        if outcome == "conflict":
            return _error(409, "intake.conflict", "Another message was already relayed under this id.")
        return JSONResponse({"status": outcome}, status_code=201 if outcome == "created" else 200)

    async def mailbox(request: Request) -> Response:
        mailbox_id = str(request.path_params["mailbox_id"])
        query = request.url.query
        path = request.url.path + (f"?{query}" if query else "")
        headers = {name: request.headers[name] for name in (KEY_HEADER, TIME_HEADER, SIGNATURE_HEADER)
                   if name in request.headers}
        try:
            verify_mailbox_request(mailbox_id, headers, method="GET", path=path, now=clock())
        except MailboxRequestInvalid as exc:
            return _error(401, exc.message_id, "The mailbox request is not signed by the mailbox's key.")
        try:
            after = int(request.query_params.get("after", "0"))
        except ValueError:
            return _error(400, "intake.malformed", "after is a whole number.")
        try:
            rows = await db(desks.messages_for, mailbox_id, after)
        except (StoreBusy, StoreUnavailable) as exc:
            return unavailable(exc)
        messages = [MailboxMessage(cursor, message_id, body).to_dict() for cursor, message_id, body in rows]
        return JSONResponse({"messages": messages, "cursor": rows[-1][0] if rows else after})

    return [
        Route("/v1/desk/enrol", enrol, methods=["POST"]),
        Route("/v1/desk/envelopes", envelopes, methods=["GET"]),
        Route("/v1/desk/seqs", seqs, methods=["GET"]),
        Route("/v1/desk/status", status_get, methods=["GET"]),
        Route("/v1/desk/status", status_post, methods=["POST"]),
        Route("/v1/desk/messages", relay, methods=["POST"]),
        Route("/v1/mailboxes/{mailbox_id}/messages", mailbox, methods=["GET"]),
    ]
