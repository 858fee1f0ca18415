"""The intake's HTTP API (Starlette ASGI app; uvicorn serves it over TLS, see :mod:`intake.server`).

``POST /v1/envelopes`` with an ``Idempotency-Key`` header equal to the notification UUID and the
envelope bytes as the body:

* 201 + signed receipt: stored for the first time;
* 200 + the original receipt: the same key with byte-identical content again;
* 409 ``intake.conflict``: the same key with different content;
* 400 ``intake.*`` for a missing key or a malformed envelope (the reason id in the JSON body), and
  ``intake.unexpected_file`` for an envelope naming a file the app never sends (:mod:`protocol.receivable`);
* 403 ``intake.sender_not_enrolled`` / ``intake.sender_revoked``: the sender key is not enrolled
  (unless the intake runs ``--open``); the PC enrols with ``POST /v1/senders`` first;
* 408 ``intake.too_slow``, 413 ``intake.too_large``;
* 422 ``intake.unknown_recipient_key``: sealed to none of the recipient keys this intake holds;
* 429 ``intake.rate_limited`` / ``intake.quota_exceeded`` with ``Retry-After``;
* 503 ``intake.busy`` with ``Retry-After`` (too many uploads at once, the database locked);
* 507 ``intake.disk_full``: less free disk than the watermark.

``POST /v1/senders`` with ``Authorization: Bearer <enrolment token>`` and ``{"public_key": b64}``
enrols a PC's sender key (201; 200 if it already was; 429 ``intake.enrolment_rate_limited`` with
``Retry-After`` when one token enrols more new keys than ``--enrol-per-hour`` allows).
``GET /v1/health`` answers ``{"status": "ok"}`` (503 when the database or the disk is not usable);
``GET /metrics`` is for Prometheus. Errors are ``{"error": <id>, "reason": <plain English>}``;
nothing is ever decrypted here.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import json
import logging
import tempfile
import uuid
from collections.abc import AsyncIterator, Callable, Collection, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from intake.inbox import inbox_routes
from intake.limits import InMemoryReceiving, MemoryBudget, SenderRate, UploadSlots, free_bytes
from intake.observability import Metrics, guarded
from intake.receiving import ReceivedBody, Refusal, receive_body
from intake.settings import DEFAULT_MAX_BODY, IntakeSettings
from intake.storage import IntakeStore, StoreBusy, StoreUnavailable, open_store
from intake.storage.base import to_text
from protocol.envelope import EnvelopeError, EnvelopeHeader, fingerprint, verify_sender_signature
from protocol.receipts import Receipt, encode_response, sign_receipt
from protocol.receivable import unexpected_names

log = logging.getLogger(__name__)

__all__ = ["DEFAULT_MAX_BODY", "IN_MEMORY_BODY", "create_app"]

#: Envelopes up to this declared size are received into memory while ``IN_MEMORY_RECEIVING`` has room.
IN_MEMORY_BODY = 4 * 1024 * 1024
#: Bytes of such envelopes being received at once (the rest wait on disk, whatever slow clients do).
IN_MEMORY_RECEIVING = 32 * 1024 * 1024


def _error(status: int, error: str, reason: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": error, "reason": reason}, status_code=status, headers=dict(headers or {}))


def _receipt_response(receipt_json: bytes, signature: bytes, status: int) -> Response:
    return Response(encode_response(receipt_json, signature), status_code=status,
                    media_type="application/json")


def create_app(
    storage: IntakeStore | Path | str,
    receipt_signing_key: Ed25519PrivateKey,
    max_body: int = DEFAULT_MAX_BODY,
    *,
    reference_prefix: str = "DEMO",
    clock: Callable[[], datetime] | None = None,
    recipient_key_ids: Collection[str] | None = None,
    recipient_keys: Mapping[str, bytes] | None = None,
    settings: IntakeSettings | None = None,
) -> Starlette:
    """The intake app storing into ``storage`` and signing receipts with ``receipt_signing_key``.

    ``storage``: a store, or what ``--db`` takes (an SQLite file, a PostgreSQL connection string).
    ``settings``: the limits (``serve`` passes the municipality's); without them, demo settings
    (:meth:`IntakeSettings.for_demo`: any sender) with ``max_body`` and ``reference_prefix``.
    ``recipient_keys`` (key id -> raw public key, from ``--accept-key``) or ``recipient_key_ids``:
    an envelope sealed to none of them is refused with 422. ``None`` accepts any key.
    """
    if settings is None:
        settings = IntakeSettings.for_demo(max_body=max_body, reference_prefix=reference_prefix)
    settings.check()
    store = storage if isinstance(storage, IntakeStore) else open_store(storage)
    if recipient_keys is not None:
        recipient_key_ids = list(recipient_keys)
    accepted = None if recipient_key_ids is None else frozenset(recipient_key_ids)
    accepted_hashes = None if recipient_keys is None else {
        key_id: hashlib.sha256(key).hexdigest() for key_id, key in recipient_keys.items()}
    now = clock or (lambda: datetime.now(UTC))
    metrics = Metrics()
    rate = SenderRate(settings.rate_per_minute, settings.rate_burst)
    enrolments = SenderRate(settings.enrol_per_hour / 60.0, settings.enrol_burst)  # per token
    slots = UploadSlots(settings.max_uploads)
    budget = MemoryBudget(settings.memory_budget)
    receiving = InMemoryReceiving(IN_MEMORY_RECEIVING)
    watched = [Path(settings.spool_dir or tempfile.gettempdir())]
    if store.dialect == "sqlite":
        watched.append(Path(store.target).resolve().parent)

    def refuse(status: int, error: str, reason: str,
               headers: Mapping[str, str] | None = None) -> JSONResponse:
        metrics.refused.labels(error).inc()
        return _error(status, error, reason, headers)

    def busy(reason: str = "The intake is busy; send again later.") -> JSONResponse:
        return refuse(503, "intake.busy", reason, {"Retry-After": str(settings.retry_after)})

    async def db(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return await run_in_threadpool(function, *args, **kwargs)

    async def health(request: Request) -> Response:
        try:
            await db(store.count)
        except (StoreBusy, StoreUnavailable) as exc:
            return JSONResponse({"status": "unavailable", "reason": exc.message_id}, status_code=503)
        free = free_bytes(watched)
        metrics.free_bytes.set(free)
        if free < settings.min_free_bytes:
            return JSONResponse({"status": "unavailable", "reason": "intake.disk_full"}, status_code=503)
        return JSONResponse({"status": "ok"})

    async def metrics_page(request: Request) -> Response:
        metrics.free_bytes.set(free_bytes(watched))
        body, content_type = metrics.exposition()
        return Response(body, media_type=content_type)

    async def check_sender(sender: bytes) -> None:
        """Refuse an unenrolled, revoked or flooding sender (raises Refusal)."""
        if not settings.open_enrolment:
            enrolled = await db(store.sender, sender)
            if enrolled is None:
                raise Refusal(403, "intake.sender_not_enrolled",
                              "This PC's sender key is not enrolled at this intake; it must enrol first "
                              "(POST /v1/senders with the enrolment token from IT's policy).")
            if not enrolled.active:
                raise Refusal(403, "intake.sender_revoked",
                              "This PC's sender key was revoked at this intake; ask IT.")
        wait = rate.take(sender)
        if wait > 0:
            raise Refusal(429, "intake.rate_limited", "Too many envelopes from this PC just now; send later.",
                          {"Retry-After": str(max(1, int(wait + 0.999)))})

    async def post_envelope(request: Request) -> Response:
        key = request.headers.get("idempotency-key", "").strip()
        if not key:
            return refuse(400, "intake.idempotency_key_missing", "An Idempotency-Key header is required.")
        try:
            if str(uuid.UUID(key)) != key:
                raise ValueError(key)
        except ValueError:
            return refuse(400, "intake.idempotency_key_invalid", "The Idempotency-Key must be a UUID.")
        declared_text = request.headers.get("content-length", "")
        declared = int(declared_text) if declared_text.isdigit() else None
        if declared is not None and declared > settings.max_body:
            return refuse(413, "intake.too_large", f"The envelope is larger than {settings.max_body} bytes.")
        if settings.min_free_bytes and free_bytes(watched) - settings.max_body < settings.min_free_bytes:
            log.warning("intake: refusing envelopes, the disk is nearly full (watermark %d bytes)",
                        settings.min_free_bytes)
            return refuse(507, "intake.disk_full", "The intake's disk is nearly full; send again later.",
                          {"Retry-After": str(settings.retry_after * 10)})
        with slots.slot() as got:
            if not got:
                return busy("The intake is receiving many envelopes just now; send again later.")
            metrics.uploads.set(slots.in_use)
            try:
                return await _receive_and_store(request, key, declared)
            except Refusal as refusal:
                return refuse(refusal.status, refusal.error, refusal.reason, refusal.headers)
            except StoreBusy:
                log.warning("intake: the database is locked; answering 503")
                return busy("The intake's database is busy; send again later.")
            except StoreUnavailable:
                log.warning("intake: the database cannot be reached; answering 503")
                return busy("The intake's database cannot be reached just now; send again later.")
            finally:
                metrics.uploads.set(slots.in_use - 1)

    async def _receive_and_store(request: Request, key: str, declared: int | None) -> Response:
        # An envelope of modest declared size is received into memory while the share has room for it
        # now (no spool file written and read back on the event loop); others wait on disk as before.
        small = declared is not None and declared <= IN_MEMORY_BODY
        with receiving.hold(declared or 0) if small else contextlib.nullcontext(False) as held:
            body = await receive_body(request.receive, settings, check_sender,  # type: ignore[arg-type]
                                      in_memory=held)
            return await _check_and_store(key, body)

    async def _check_and_store(key: str, body: ReceivedBody) -> Response:
        try:
            existing = await db(store.receipt_of, key)
            if existing is not None:
                answer = _answer_repeat(key, existing, await db(body.sha256))
                if answer.status_code == 200 and body.sender is not None:
                    # A PC that lost a receipt (a crash, a lost answer) sends the same bytes again: that
                    # costs nothing here, so it must not use up the allowance its waiting ones need.
                    rate.refund(body.sender)
                return answer
            async with budget.reserve(body.size):
                envelope = body.read_all()
                try:
                    header: EnvelopeHeader = await db(verify_sender_signature, envelope)
                except EnvelopeError as exc:
                    log.info("intake: malformed envelope rejected (%s)", exc.message_id)
                    return refuse(400, "intake.malformed", f"The envelope is not valid ({exc.message_id}).")
                if header.notification_id != key:
                    return refuse(400, "intake.key_mismatch",
                                  "The Idempotency-Key differs from the envelope's id.")
                odd = unexpected_names(entry.name for entry in header.files)
                if odd:
                    # The app never sends such a file; a caseworker must never be handed one.
                    log.info("intake: envelope naming a file the app never sends, refused")
                    return refuse(400, "intake.unexpected_file",
                                  f"The envelope holds a file Underret never sends ({odd[0]}); it was not "
                                  "stored.")
                if body.sender != header.sender_public_key:  # not peeked (an odd header): check now
                    await check_sender(header.sender_public_key)
                refused = _check_recipients(header)
                if refused is not None:
                    return refused
                if settings.quota_count or settings.quota_bytes:
                    count, size = await db(store.received_since, header.sender_public_key,
                                           now() - timedelta(hours=24))
                    if (settings.quota_count and count >= settings.quota_count) or (
                            settings.quota_bytes and size + body.size > settings.quota_bytes):
                        return refuse(429, "intake.quota_exceeded",
                                      "This PC has sent more than this intake takes in a day; send later.",
                                      {"Retry-After": "3600"})
                received_at = now().replace(microsecond=0)

                def make_receipt(reference: str) -> tuple[bytes, bytes]:
                    receipt = Receipt(key, received_at, reference, header.envelope_sha256)
                    return sign_receipt(receipt, receipt_signing_key)

                del envelope  # a spooled one is stored from the spool: SQLite writes it in pieces
                stored, created = await db(
                    store.insert, idempotency_key=key, notification_id=header.notification_id,
                    envelope=body.stored_form(), envelope_sha256=header.envelope_sha256,
                    form_version=header.form_version,
                    sender_fingerprint=fingerprint(header.sender_public_key), received_at=received_at,
                    reference_prefix=settings.reference_prefix, make_receipt=make_receipt,
                    sender_key=header.sender_public_key, key_ids=header.key_ids)
        finally:
            body.close()
        if not created:
            kept = (stored.envelope_sha256, stored.receipt_json, stored.receipt_signature)
            return _answer_repeat(key, kept, header.envelope_sha256)
        metrics.stored.inc()
        metrics.envelope_bytes.observe(body.size)
        log.info("intake: stored envelope %s as %s", key, stored.reference)
        return _receipt_response(stored.receipt_json, stored.receipt_signature, 201)

    def _check_recipients(header: EnvelopeHeader) -> Response | None:
        if accepted is None:
            return None
        hashes = header.recipient_key_sha256  # format 2 names each key; format 1 only its id
        if hashes and accepted_hashes is not None:
            # The envelope names the key each entry is sealed to: a foreign key under a known id is no good.
            sealed_to_ours = any(accepted_hashes.get(key_id) == digest
                                 for key_id, digest in zip(header.key_ids, hashes, strict=False))
        else:
            sealed_to_ours = not accepted.isdisjoint(header.key_ids)
        if sealed_to_ours:
            return None
        log.info("intake: envelope sealed to no key this intake holds, refused")
        known = [key_id for key_id in header.key_ids if key_id in accepted]
        if known:  # a known id, but another key under it (format 2 names the key's hash)
            said = (f"The envelope is sealed to a different key under the key id(s) {', '.join(known)} than "
                    "the one this intake holds under that id")
        else:
            said = (f"The envelope is sealed to key id(s) {', '.join(header.key_ids)}, but this intake holds "
                    f"{', '.join(sorted(accepted))}")
        return refuse(
            422,
            "intake.unknown_recipient_key",
            f"{said}: nobody here could open it. Check the intake keys in the guideline pack or policy.",
        )

    def _answer_repeat(key: str, existing: tuple[str, bytes, bytes], digest: str) -> Response:
        stored_digest, receipt_json, signature = existing
        if stored_digest == digest:
            return _receipt_response(receipt_json, signature, 200)
        log.info("intake: conflicting envelope for %s refused", key)
        return refuse(409, "intake.conflict",
                      "A different envelope was already received for this notification; it was not replaced.")

    async def post_sender(request: Request) -> Response:
        authorization = request.headers.get("authorization", "")
        token = authorization[7:].strip() if authorization.lower().startswith("bearer ") else ""
        raw = b""
        async for chunk in request.stream():
            raw += chunk
            if len(raw) > 4096:
                return refuse(413, "intake.too_large", "An enrolment is a small JSON object.")
        try:
            value = json.loads(raw)
            public_key = base64.b64decode(value["public_key"], validate=True)
            if len(public_key) != 32:
                raise ValueError("length")
        except (ValueError, KeyError, TypeError):
            return refuse(400, "intake.enrolment_malformed",
                          'An enrolment is {"public_key": <base64 of the 32-byte sender key>}.')
        try:
            token_id = await db(store.token_id, token) if token else None
            if token_id is None:
                log.info("intake: enrolment with an unknown or revoked token refused")
                return refuse(403, "intake.enrolment_token_invalid",
                              "The enrolment token is not valid here (unknown or revoked); ask IT for the "
                              "policy's current token.")
            existing = await db(store.sender, public_key)
            if existing is None:
                wait = enrolments.take(str(token_id).encode())
                if wait > 0:
                    log.warning("intake: enrolment token %s enrols more PCs than allowed; refused for now",
                                token_id)
                    return refuse(429, "intake.enrolment_rate_limited",
                                  "This enrolment token has enrolled many PCs just now; enrol again later.",
                                  {"Retry-After": str(max(1, int(wait + 0.999)))})
            sender, created = await db(store.enrol, public_key, fingerprint(public_key), token_id, now())
        except StoreBusy:
            return busy("The intake's database is busy; enrol again later.")
        except StoreUnavailable:
            return busy("The intake's database cannot be reached just now; enrol again later.")
        if not sender.active:
            return refuse(403, "intake.sender_revoked", "This sender key was revoked at this intake; ask IT.")
        if created:
            log.info("intake: a sender key was enrolled with token %s", token_id)
        return JSONResponse({"status": "enrolled", "fingerprint": sender.fingerprint,
                             "enrolled_at": to_text(sender.enrolled_at)}, status_code=201 if created else 200)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        sweeper = None
        if settings.delete_fetched_after_days is not None:
            sweeper = asyncio.create_task(_delete_fetched(settings.delete_fetched_after_days))
        try:
            yield
        finally:
            if sweeper is not None:
                sweeper.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await sweeper
            store.close()

    async def _delete_fetched(days: int) -> None:
        """At start and then hourly: delete envelopes every desk fetched more than ``days`` days ago."""
        while True:
            try:
                deleted = await db(store.delete_fetched_before, now() - timedelta(days=days))
            except (StoreBusy, StoreUnavailable):
                log.warning("intake: could not delete fetched envelopes now (database busy); later again")
            else:
                if deleted:
                    log.info("intake: deleted %d envelopes every desk fetched over %d days ago",
                             deleted, days)
            await asyncio.sleep(3600)

    routes = [
        Route("/v1/health", health, methods=["GET"]),
        Route("/v1/envelopes", post_envelope, methods=["POST"]),
        Route("/v1/senders", post_sender, methods=["POST"]),
    ]
    # The desks' inbox and the notifiers' mailboxes (issue 18): intake.inbox.
    desk_ca = settings.desk_ca.read_bytes() if settings.desk_ca is not None else None
    routes += inbox_routes(store, receipt_public_key=receipt_signing_key.public_key().public_bytes_raw(),
                           clock=now, desk_ca_pem=desk_ca)
    if settings.metrics:
        routes.append(Route("/metrics", metrics_page, methods=["GET"]))
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.store = store
    app.state.settings = settings
    app.state.metrics = metrics
    app.add_middleware(_Guard, metrics=metrics)
    return app


class _Guard:
    """Outermost middleware: access log, metrics, and a plain 500 for anything unexpected."""

    def __init__(self, app: Any, metrics: Metrics) -> None:
        self._app = guarded(app, metrics)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self._app(scope, receive, send)
