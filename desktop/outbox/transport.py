"""HTTPS delivery of a sealed envelope to a municipality's intake.

TLS is always verified: against the CA certificate from the pack/policy (with
host name check), against a pinned SHA-256 of the server's public key (SPKI)
or of its whole certificate, or both. With a pin only, the pinned certificate itself is the trust anchor (as
with an SSH host key): the pin and the certificate's validity dates are
checked right after the handshake, before a single byte of the request is
sent. TLS 1.2 is the minimum. Plain HTTP is refused, except
``allow_loopback_http`` for an intake on 127.0.0.1 (demo mode only).

Every attempt has one deadline for all of it (connect, TLS, upload, answer;
:mod:`desktop.outbox.deadline`): a server that trickles its answer cannot hold
an attempt longer. :meth:`HttpsIntakeTransport.abort` ends the attempts in
flight at once (lock, quit).

Failures become message ids (:mod:`desktop.outbox.failures`): transient ones
(:class:`TransientDeliveryError`) leave the item queued, named for what broke,
with the server's ``Retry-After`` when it gave one; a refusal by the intake
(:class:`DeliveryRejected`, 4xx other than 401/403/407/408/413/429) marks it
failed. 401 and 403 mean the intake does not accept this PC (not enrolled):
that is this PC's set-up, so the item stays queued.
"""

from __future__ import annotations

import base64
import ipaddress
import logging
import ssl
from dataclasses import dataclass
from datetime import datetime

import httpx

from desktop.outbox.deadline import Attempts
from desktop.outbox.failures import (
    ENROLMENT_REFUSED,
    AttemptInterrupted,
    DeliveryConfigError,
    DeliveryRejected,
    TransientDeliveryError,
    interrupted_or,
    network_reason,
    retry_after_seconds,
)
from desktop.outbox.https_stream import GuardedBackend, PinMismatchError, certificate_pins
from protocol.envelope import EnvelopeError, inspect
from protocol.receipts import ReceiptInvalid, decode_response

__all__ = ["CONTENT_TYPE", "ENVELOPE_PATH", "AttemptInterrupted", "DeliveryConfigError", "DeliveryRejected",
           "DeliveryResult", "HttpsIntakeTransport", "TransientDeliveryError", "attempt_deadline",
           "certificate_pins", "intake_base"]

log = logging.getLogger(__name__)

ENVELOPE_PATH = "/v1/envelopes"
SENDERS_PATH = "/v1/senders"
CONTENT_TYPE = "application/vnd.underret.envelope"

#: The whole time one attempt may take (connect, TLS, upload, answer) for a small envelope...
ATTEMPT_DEADLINE_S = 30.0
#: ... plus this long per byte of envelope: the upload of large attachments over a slow line
#: (~400 kbit/s) still fits, and a small notification is not held up for minutes.
SECONDS_PER_BYTE = 1 / 50_000


def attempt_deadline(envelope_size: int, base: float = ATTEMPT_DEADLINE_S) -> float:
    """The whole-attempt deadline for an envelope of ``envelope_size`` bytes."""
    return base + envelope_size * SECONDS_PER_BYTE


@dataclass(frozen=True)
class DeliveryResult:
    """The intake's answer: HTTP status (200 repeat / 201 new) and the receipt with its signature.

    A transport without signed receipts (secure e-mail) returns ``receipted=False``,
    empty receipt bytes, when the server accepted the message (``accepted_at``) and
    the reference it was sent under: the item is then SENT, never RECEIPTED.
    """

    status: int
    receipt_json: bytes
    signature: bytes
    receipted: bool = True
    accepted_at: datetime | None = None
    reference: str | None = None
    #: The key that signs this intake's receipts, when the transport routes to several municipalities'
    #: intakes (desktop.outbox.target.RoutingTransport); None: the sender's own receipt key.
    receipt_key: bytes | None = None
    #: Sent, but with something the person and IT must know (a reason id), e.g. revocation not checked.
    warning: str | None = None


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host) == ipaddress.ip_address("127.0.0.1")
    except ValueError:
        return False


def _ssl_context(ca_pem: bytes | None) -> ssl.SSLContext:
    if ca_pem is not None:
        context = ssl.create_default_context(cadata=ca_pem.decode("ascii"))
    else:
        # Pin only: the pinned certificate is the trust anchor; _PinnedStream checks it
        # (and its dates) before any request byte is written.
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def intake_base(endpoint: str) -> str:
    """The intake's base address: ``endpoint`` without a trailing ``/``, ``/v1/envelopes`` or ``/v1``.

    IT may copy the whole API address (``https://host/v1/envelopes``, the path the intake's README names)
    into ``intake_endpoint``; posting to ``<that>/v1/envelopes`` would find nothing (404) and every
    notification would wait. Replies are read from the same base (:mod:`desktop.outbox.replies`).
    """
    base = endpoint.rstrip("/")
    for suffix in (ENVELOPE_PATH, "/v1"):
        if base.endswith(suffix):
            return base[: -len(suffix)]
    return base


class HttpsIntakeTransport:
    """Posts envelopes to ``<endpoint>/v1/envelopes`` and returns the signed receipt.

    ``deadline`` is the whole time of an attempt for a small envelope (a larger one
    gets more: :func:`attempt_deadline`); ``timeout``, when given, also caps each single
    step. Usable from several threads at once (one connection each, from the pool).
    """

    def __init__(
        self,
        endpoint: str,
        *,
        ca_pem: bytes | None = None,
        pin_sha256: str | None = None,
        allow_loopback_http: bool = False,
        timeout: float | None = None,
        deadline: float | None = None,
        proxy: str | None = None,
        enrolment_token: str | None = None,
    ) -> None:
        url = httpx.URL(endpoint)
        pin = pin_sha256.lower().replace(":", "") if pin_sha256 else None
        if url.scheme == "http":
            if not (allow_loopback_http and _is_loopback(url.host)):
                raise DeliveryConfigError(
                    "plain HTTP is only allowed to 127.0.0.1 in demo mode",
                    message_id="delivery.plain_http_refused",
                )
            verify: ssl.SSLContext | bool = True  # unused for http, but never False
        elif url.scheme == "https":
            if ca_pem is None and pin is None:
                raise DeliveryConfigError(
                    "no CA certificate and no pin for the intake", message_id="delivery.no_trust_anchor"
                )
            verify = _ssl_context(ca_pem)
        else:
            raise DeliveryConfigError(
                "the intake address must be https", message_id="delivery.plain_http_refused"
            )
        self.endpoint = intake_base(endpoint)
        # Without its own deadline, a transport made with a (test's) short timeout keeps that as the whole.
        self.deadline = deadline if deadline is not None else (timeout or ATTEMPT_DEADLINE_S)
        self.proxy = proxy
        self._enrolment_token = enrolment_token
        self._enrolled: set[bytes] = set()  # sender keys registered by this transport (once per run)
        self._attempts = Attempts()
        transport = httpx.HTTPTransport(verify=verify, proxy=proxy, trust_env=False, retries=0)
        # httpx offers no hook between handshake and request, nor a whole-request deadline; the
        # pool's network backend is the one place for both (the pin is checked before the body
        # goes out; every step gets what is left of the attempt's time). With a proxy the pool
        # is httpcore's HTTPProxy, which has the same attribute.
        transport._pool._network_backend = GuardedBackend(
            self._attempts, pin if url.scheme == "https" else None,
            check_dates=url.scheme == "https" and pin is not None and ca_pem is None)
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(timeout or self.deadline),
            follow_redirects=False,
            trust_env=False,
        )

    def close(self) -> None:
        """Close pooled connections."""
        self._client.close()

    def abort(self) -> None:
        """End the attempts in flight now and refuse new ones (any thread; the app locks or quits).

        An ended attempt raises :class:`AttemptInterrupted`: whether the intake got the
        envelope is not known, and the next attempt (same Idempotency-Key) settles it.
        """
        self._attempts.abort()

    def deliver(self, notification_id: str, envelope: bytes, *, attempt: int = 1) -> DeliveryResult:
        """POST the envelope once; the same notification id is the Idempotency-Key on every retry."""
        with self._attempts.attempt(attempt_deadline(len(envelope), self.deadline)) as running:
            try:
                if running.aborted:
                    raise AttemptInterrupted("sending has been stopped")
                if self._enrolment_token is not None:
                    self._enrol_sender(envelope)
                response = self._client.post(
                    self.endpoint + ENVELOPE_PATH,
                    content=envelope,
                    headers={"Idempotency-Key": notification_id, "Content-Type": CONTENT_TYPE},
                )
            except PinMismatchError as exc:
                raise TransientDeliveryError(
                    "server certificate is not the pinned one", message_id=exc.reason_id, setup=True
                ) from exc
            except httpx.ProxyError as exc:
                if network_reason(exc, running) == "delivery.interrupted":
                    raise AttemptInterrupted("the attempt was ended by the app") from exc
                raise TransientDeliveryError("the proxy did not carry the connection",
                                             message_id="delivery.proxy_failed", setup=True) from exc
            except httpx.TransportError as exc:
                broke_off = isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError))
                raise interrupted_or(exc, running, TransientDeliveryError, "connection failed",
                                     broke_off=broke_off) from exc
        return _interpret(notification_id, response)

    def _enrol_sender(self, envelope: bytes) -> None:
        """Register the envelope's sender key with the policy's enrolment token, once per key and run.

        The intake answers 201 (registered) or 200 (already); either way the key is not sent again by
        this transport. A refusal (a wrong or revoked token) is logged; the envelope is posted anyway and
        the intake's 403 keeps it queued as a set-up problem of this PC.
        """
        try:
            sender = inspect(envelope).sender_public_key
        except EnvelopeError:
            return  # the intake names what is wrong with the envelope itself
        if sender in self._enrolled:
            return
        answer = self._client.post(
            self.endpoint + SENDERS_PATH,
            json={"public_key": base64.b64encode(sender).decode("ascii")},
            headers={"Authorization": f"Bearer {self._enrolment_token}"},
        )
        if answer.status_code in (200, 201):
            self._enrolled.add(sender)
        else:
            from desktop.eventlog import refusal

            refusal(ENROLMENT_REFUSED, status=answer.status_code, reason=_error_id(answer))


#: Refusals the reference intake names (``{"error": <id>}``) that the person is told about in their own words.
KNOWN_INTAKE_REFUSALS = frozenset({"intake.unknown_recipient_key", "intake.malformed", "intake.key_mismatch"})


def _error_id(response: httpx.Response) -> str:
    """The intake's ``{"error": "intake.<id>"}`` when it is an id (a short technical fact), else ``-``."""
    import re

    try:
        error = response.json().get("error")
    except (ValueError, AttributeError):
        return "-"
    return error if isinstance(error, str) and re.fullmatch(r"[a-z_]+\.[a-z_]{1,60}", error) else "-"


def _intake_reason(response: httpx.Response) -> str | None:
    """The intake's own reason id for a refusal when it is one Underret knows (else the general one)."""
    try:
        error = response.json().get("error")
    except (ValueError, AttributeError):
        return None
    return error if error in KNOWN_INTAKE_REFUSALS else None


def _interpret(notification_id: str, response: httpx.Response) -> DeliveryResult:
    status = response.status_code
    if status in (200, 201):
        try:
            receipt, signature = decode_response(response.content)
        except ReceiptInvalid as exc:
            raise TransientDeliveryError("answer carried no receipt", message_id="receipt.malformed") from exc
        log.info("delivery: %s accepted (HTTP %s)", notification_id, status)
        return DeliveryResult(status, receipt, signature)
    log.info("delivery: %s answered HTTP %s", notification_id, status)
    # The server's own word on when to come back: every notification waits that long (capped).
    wait = retry_after_seconds(response.headers.get("retry-after"))
    if status in (429, 503) and wait is not None:
        raise TransientDeliveryError(f"server busy ({status}), back in {wait:.0f} s",
                                     message_id="delivery.server_busy", retry_after=wait)
    if status >= 500:
        raise TransientDeliveryError(f"server error {status}", message_id="delivery.server_error",
                                     retry_after=wait)
    if status == 413:
        raise TransientDeliveryError("envelope too large for the server", message_id="delivery.too_large",
                                     scope="item")
    if status in (408, 429):
        raise TransientDeliveryError(f"server busy ({status})", message_id="delivery.server_busy",
                                     retry_after=wait)
    if status in (401, 403, 407):
        # The intake (or a proxy) does not accept this PC: enrolment or proxy login, IT's to fix.
        # Sending again with the same bytes will work once it is, so the notification stays queued.
        reason = "delivery.proxy_failed" if status == 407 else "delivery.not_authorised"
        raise TransientDeliveryError(f"this PC is not accepted ({status})", message_id=reason, setup=True)
    if status in (404, 405):
        # No intake answers at this address (the reference intake never says 404/405 to an envelope):
        # the PC's intake address is wrong, which IT fixes; refusing would stop the notification for good.
        raise TransientDeliveryError(f"no intake at this address ({status})",
                                     message_id="delivery.misconfigured", setup=True)
    if status == 409:
        raise DeliveryRejected(
            "the intake already holds a different envelope for this notification",
            message_id="intake.conflict",
            status=status,
        )
    if 400 <= status < 500:
        raise DeliveryRejected(f"the intake refused the envelope ({status})",
                               message_id=_intake_reason(response), status=status)
    # 1xx/3xx: redirects are not followed (a redirect must not move a notification elsewhere).
    raise TransientDeliveryError(f"unexpected answer {status}", message_id="delivery.unexpected_answer")
