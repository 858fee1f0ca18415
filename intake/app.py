"""The intake's HTTP API (Starlette ASGI app; uvicorn serves it over TLS).

``POST /v1/envelopes`` with an ``Idempotency-Key`` header equal to the
notification UUID and the envelope bytes as the body:

* 201 + signed receipt: stored for the first time;
* 200 + the original receipt: the same key with byte-identical content again;
* 409 ``intake.conflict``: the same key with different content;
* 413 ``intake.too_large``; 400 ``intake.*`` for a missing key or a malformed
  envelope (the reason id in the JSON body);
* 422 ``intake.unknown_recipient_key``: the envelope is sealed to none of the
  recipient keys this intake was told it holds (only checked when it was told:
  ``recipient_key_ids``); nobody here could open it, so it is not stored.

``GET /v1/health`` answers ``{"status": "ok"}``. Errors are
``{"error": <id>, "reason": <plain English>}``; nothing is ever decrypted here.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import AsyncIterator, Callable, Collection
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from intake.storage import IntakeStore, StoredEnvelope, open_store
from protocol.envelope import EnvelopeError, envelope_sha256, fingerprint, verify_sender_signature
from protocol.receipts import Receipt, encode_response, sign_receipt

log = logging.getLogger(__name__)

DEFAULT_MAX_BODY = 32 * 1024 * 1024


def _error(status: int, error: str, reason: str) -> JSONResponse:
    return JSONResponse({"error": error, "reason": reason}, status_code=status)


def _receipt_response(stored: StoredEnvelope, status: int) -> Response:
    body = encode_response(stored.receipt_json, stored.receipt_signature)
    return Response(body, status_code=status, media_type="application/json")


def create_app(
    storage: IntakeStore | Path | str,
    receipt_signing_key: Ed25519PrivateKey,
    max_body: int = DEFAULT_MAX_BODY,
    *,
    reference_prefix: str = "DEMO",
    clock: Callable[[], datetime] | None = None,
    recipient_key_ids: Collection[str] | None = None,
) -> Starlette:
    """The intake app storing into ``storage`` and signing receipts with ``receipt_signing_key``.

    ``storage``: a store, or what ``--db`` takes (an SQLite file, a PostgreSQL connection string).

    ``recipient_key_ids``: the ids of the recipient keys the municipality holds
    (one, or two while rotating); an envelope sealed to none of them is refused
    with 422. ``None`` accepts any key id.
    """
    store = storage if isinstance(storage, IntakeStore) else open_store(storage)
    accepted = None if recipient_key_ids is None else frozenset(recipient_key_ids)
    now = clock or (lambda: datetime.now(UTC))

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def read_body(request: Request) -> bytes | None:
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > max_body:
            return None
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > max_body:
                return None
            chunks.append(chunk)
        return b"".join(chunks)

    async def post_envelope(request: Request) -> Response:
        key = request.headers.get("idempotency-key", "").strip()
        if not key:
            return _error(400, "intake.idempotency_key_missing", "An Idempotency-Key header is required.")
        try:
            if str(uuid.UUID(key)) != key:
                raise ValueError(key)
        except ValueError:
            return _error(400, "intake.idempotency_key_invalid", "The Idempotency-Key must be a UUID.")
        body = await read_body(request)
        if body is None:
            return _error(413, "intake.too_large", f"The envelope is larger than {max_body} bytes.")
        digest = envelope_sha256(body)
        existing = store.find(key)
        if existing is not None:
            return _answer_repeat(existing, digest)
        try:
            header = verify_sender_signature(body)
        except EnvelopeError as exc:
            log.info("intake: malformed envelope rejected (%s)", exc.message_id)
            return _error(400, "intake.malformed", f"The envelope is not valid ({exc.message_id}).")
        if header.notification_id != key:
            return _error(400, "intake.key_mismatch", "The Idempotency-Key differs from the envelope's id.")
        if accepted is not None and accepted.isdisjoint(header.key_ids):
            log.info("intake: envelope %s sealed to no key this intake holds, refused", key)
            return _error(
                422,
                "intake.unknown_recipient_key",
                f"The envelope is sealed to key id(s) {', '.join(header.key_ids)}, but this intake holds "
                f"{', '.join(sorted(accepted))}: nobody here could open it. Check the intake keys in the "
                "guideline pack or policy.",
            )
        received_at = now().replace(microsecond=0)

        def make_receipt(reference: str) -> tuple[bytes, bytes]:
            return sign_receipt(Receipt(key, received_at, reference, digest), receipt_signing_key)

        stored, created = store.insert(
            idempotency_key=key,
            notification_id=header.notification_id,
            envelope=body,
            envelope_sha256=digest,
            form_version=header.form_version,
            sender_fingerprint=fingerprint(header.sender_public_key),
            received_at=received_at,
            reference_prefix=reference_prefix,
            make_receipt=make_receipt,
        )
        if not created:
            return _answer_repeat(stored, digest)
        log.info("intake: stored envelope %s as %s", key, stored.reference)
        return _receipt_response(stored, 201)

    def _answer_repeat(existing: StoredEnvelope, digest: str) -> Response:
        if existing.envelope_sha256 == digest:
            return _receipt_response(existing, 200)
        log.info("intake: conflicting envelope for %s refused", existing.idempotency_key)
        return _error(
            409,
            "intake.conflict",
            "A different envelope was already received for this notification; it was not replaced.",
        )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.close()

    app = Starlette(
        routes=[
            Route("/v1/health", health, methods=["GET"]),
            Route("/v1/envelopes", post_envelope, methods=["POST"]),
        ],
        lifespan=lifespan,
    )
    app.state.store = store
    return app
