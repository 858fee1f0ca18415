"""HTTPS delivery of a sealed envelope to a municipality's intake.

TLS is always verified: against the CA certificate from the pack/policy (with
host name check), against a pinned SHA-256 of the server's public key (SPKI)
or of its whole certificate, or both. With a pin only, the pinned certificate itself is the trust anchor (as
with an SSH host key): the pin and the certificate's validity dates are
checked right after the handshake, before a single byte of the request is
sent. TLS 1.2 is the minimum. Plain HTTP is refused, except
``allow_loopback_http`` for an intake on 127.0.0.1 (demo mode only).

Failures become message ids: transient ones (:class:`TransientDeliveryError`)
leave the item queued; a refusal by the server (:class:`DeliveryRejected`,
4xx other than 408/413/429) marks it failed.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import ssl
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpcore
import httpx
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.errors import UnderretError
from protocol.receipts import ReceiptInvalid, decode_response

log = logging.getLogger(__name__)

ENVELOPE_PATH = "/v1/envelopes"
CONTENT_TYPE = "application/vnd.underret.envelope"


class TransientDeliveryError(UnderretError):
    """Delivery did not succeed this time; the item stays queued and is retried."""

    message_id = "delivery.failed"


class DeliveryRejected(UnderretError):  # noqa: N818 - the domain word
    """The intake refused the envelope; retrying the same bytes will not help."""

    message_id = "delivery.rejected"

    def __init__(self, message: str = "", *, message_id: str | None = None, status: int = 0, **details: str):
        super().__init__(message, message_id=message_id, **details)
        self.status = status


class DeliveryConfigError(UnderretError):
    """The transport settings are unusable (no trust anchor, plain HTTP to another host)."""

    message_id = "delivery.misconfigured"


class _PinMismatchError(Exception):
    """Raised inside the connection when the server certificate is not the pinned one."""

    def __init__(self, reason_id: str) -> None:
        super().__init__(reason_id)
        self.reason_id = reason_id


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


def certificate_pins(cert: x509.Certificate) -> tuple[str, str]:
    """The two pins that match a certificate: SHA-256 of its public key (SPKI, survives renewal
    with the same key; what policy sets) and SHA-256 of the whole certificate, lower-case hex."""
    spki = cert.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(spki).hexdigest(), hashlib.sha256(cert.public_bytes(Encoding.DER)).hexdigest()


class _PinnedStream(httpcore.NetworkStream):
    """Checks the peer certificate against the pin right after the TLS handshake."""

    def __init__(self, inner: httpcore.NetworkStream, pin: str | None, check_dates: bool) -> None:
        self._inner, self._pin, self._check_dates = inner, pin, check_dates

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, timeout)

    def close(self) -> None:
        self._inner.close()

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        stream = self._inner.start_tls(ssl_context, server_hostname, timeout)
        ssl_object = stream.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(True) if ssl_object is not None else None
        if not der:
            stream.close()
            raise _PinMismatchError("delivery.certificate_wrong")
        cert = x509.load_der_x509_certificate(der)
        if self._pin is not None and self._pin not in certificate_pins(cert):
            stream.close()
            raise _PinMismatchError("delivery.certificate_wrong")
        if self._check_dates:
            now = datetime.now(UTC)
            if now > cert.not_valid_after_utc:
                stream.close()
                raise _PinMismatchError("delivery.certificate_expired")
            if now < cert.not_valid_before_utc:
                stream.close()
                raise _PinMismatchError("delivery.certificate_wrong")
        return stream


class _PinningBackend(httpcore.NetworkBackend):
    def __init__(self, pin: str | None, check_dates: bool) -> None:
        self._inner = httpcore.SyncBackend()
        self._pin, self._check_dates = pin, check_dates

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        inner = self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return _PinnedStream(inner, self._pin, self._check_dates)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


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


class HttpsIntakeTransport:
    """Posts envelopes to ``<endpoint>/v1/envelopes`` and returns the signed receipt."""

    def __init__(
        self,
        endpoint: str,
        *,
        ca_pem: bytes | None = None,
        pin_sha256: str | None = None,
        allow_loopback_http: bool = False,
        timeout: float = 30.0,
        proxy: str | None = None,
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
        self.endpoint = endpoint.rstrip("/")
        transport = httpx.HTTPTransport(verify=verify, proxy=proxy, trust_env=False, retries=0)
        if url.scheme == "https" and pin is not None:
            # httpx offers no hook between handshake and request; the pool's network
            # backend is the one place to check the pin before the body goes out.
            # (Known limit: behind an https:// proxy the proxy's own certificate would be
            # checked against the pin too; use an http:// proxy or a CA with pinning.)
            transport._pool._network_backend = _PinningBackend(pin, check_dates=ca_pem is None)
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            trust_env=False,
        )

    def close(self) -> None:
        """Close pooled connections."""
        self._client.close()

    def deliver(self, notification_id: str, envelope: bytes) -> DeliveryResult:
        """POST the envelope once; the same notification id is the Idempotency-Key on every retry."""
        try:
            response = self._client.post(
                self.endpoint + ENVELOPE_PATH,
                content=envelope,
                headers={"Idempotency-Key": notification_id, "Content-Type": CONTENT_TYPE},
            )
        except _PinMismatchError as exc:
            raise TransientDeliveryError(
                "server certificate is not the pinned one", message_id=exc.reason_id
            ) from exc
        except httpx.TimeoutException as exc:
            raise TransientDeliveryError("no answer in time", message_id="delivery.timeout") from exc
        except httpx.ConnectError as exc:
            raise TransientDeliveryError("could not connect", message_id=_connect_reason(exc)) from exc
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
            raise TransientDeliveryError(
                "connection broke off", message_id="delivery.connection_reset"
            ) from exc
        except httpx.TransportError as exc:
            raise TransientDeliveryError("network error", message_id="delivery.network_error") from exc
        return _interpret(notification_id, response)


def _connect_reason(exc: BaseException) -> str:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            # OpenSSL X509_V_ERR_CERT_HAS_EXPIRED is 10.
            return "delivery.certificate_expired" if seen.verify_code == 10 else "delivery.certificate_wrong"
        if isinstance(seen, ssl.SSLError):
            return "delivery.tls_failed"
        if isinstance(seen, ConnectionRefusedError):
            return "delivery.connection_refused"
        seen = seen.__cause__ or seen.__context__
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text:
        return "delivery.certificate_expired" if "expired" in text else "delivery.certificate_wrong"
    if "Connection refused" in text or "Errno 111" in text:
        return "delivery.connection_refused"
    return "delivery.no_connection"


#: Refusals the reference intake names (``{"error": <id>}``) that the person is told about in their own words.
KNOWN_INTAKE_REFUSALS = frozenset({"intake.unknown_recipient_key", "intake.malformed", "intake.key_mismatch"})


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
    if status >= 500:
        raise TransientDeliveryError(f"server error {status}", message_id="delivery.server_error")
    if status == 413:
        raise TransientDeliveryError("envelope too large for the server", message_id="delivery.too_large")
    if status in (408, 429):
        raise TransientDeliveryError(f"server busy ({status})", message_id="delivery.server_busy")
    if status == 409:
        raise DeliveryRejected(
            "the intake already holds a different envelope for this notification",
            message_id="intake.conflict",
            status=status,
        )
    if status in (401, 403):
        raise DeliveryRejected(
            "the intake refused this sender", message_id="delivery.not_authorised", status=status
        )
    if 400 <= status < 500:
        raise DeliveryRejected(f"the intake refused the envelope ({status})",
                               message_id=_intake_reason(response), status=status)
    # 1xx/3xx: redirects are not followed (a redirect must not move a notification elsewhere).
    raise TransientDeliveryError(f"unexpected answer {status}", message_id="delivery.unexpected_answer")
