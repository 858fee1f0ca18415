"""How a delivery attempt can fail, and the one name each failure gets.

Both transports (HTTPS intake, secure e-mail) raise these; the sender decides
from them what happens to the notification and to the rest of the queue:

* :class:`TransientDeliveryError`: not this time; the notification stays
  queued. ``scope`` says whether the cause lies with the way to the
  municipality (``"queue"``: every other notification would fail the same way,
  so the whole queue waits together) or with this one notification
  (``"item"``, e.g. too large). ``setup`` marks causes on this PC that only
  IT can fix (mail login, certificates, proxy, a PC not enrolled): they stay
  queued, never refused, and are tried again rarely. ``retry_after`` is the
  server's own ``Retry-After`` in seconds, already capped.
* :class:`AttemptInterrupted`: the app ended the attempt (lock, quit); the
  notification stays as it was and goes again next time.
* :class:`DeliveryRejected`: the municipality refused this notification; it
  is FAILED until the person sends it again.

:func:`network_reason` names a broken connection: no network, the intake not
reachable, connection refused, connection reset, TLS, certificate, a slow
answer (the attempt's deadline passed after the request went out).
"""

from __future__ import annotations

import errno
import socket
import ssl
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Literal

from desktop.errors import UnderretError
from desktop.outbox.deadline import AttemptAborted, DeadlinePassed

if TYPE_CHECKING:
    from desktop.outbox.deadline import Attempt

#: Ids written only to the event log for IT (``desktop.eventlog``), never recorded on a notification:
#: the intake refused this PC's enrolment; a refusal or set-up failure whose own id was not well formed.
ENROLMENT_REFUSED = "delivery.enrolment_refused"
REFUSED_FALLBACK = "delivery.refused"
SET_UP_FALLBACK = "delivery.set_up"
EVENT_LOG_ONLY = frozenset({ENROLMENT_REFUSED, REFUSED_FALLBACK, SET_UP_FALLBACK})

#: The longest wait a server's ``Retry-After`` can impose (a longer one is cut to this).
RETRY_AFTER_CAP_S = 6 * 3600.0

Scope = Literal["queue", "item"]


class TransientDeliveryError(UnderretError):
    """Delivery did not succeed this time; the item stays queued and is retried (see the module notes)."""

    message_id = "delivery.failed"

    def __init__(self, message: str = "", *, message_id: str | None = None, scope: Scope = "queue",
                 setup: bool = False, retry_after: float | None = None, **details: str) -> None:
        super().__init__(message, message_id=message_id, **details)
        self.scope: Scope = scope
        self.setup = setup
        self.retry_after = retry_after


class AttemptInterrupted(TransientDeliveryError):  # noqa: N818 - reads as what happened
    """The app ended the attempt (lock or quit): nothing is recorded, the item goes again next time."""

    message_id = "delivery.interrupted"


class DeliveryRejected(UnderretError):  # noqa: N818 - the domain word
    """The intake refused the envelope; retrying the same bytes will not help."""

    message_id = "delivery.rejected"

    def __init__(self, message: str = "", *, message_id: str | None = None, status: int = 0, **details: str):
        super().__init__(message, message_id=message_id, **details)
        self.status = status


class DeliveryConfigError(UnderretError):
    """The transport settings are unusable (no trust anchor, plain HTTP to another host)."""

    message_id = "delivery.misconfigured"


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """A ``Retry-After`` header (seconds, or an HTTP date) as seconds from now, capped; None if unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(seconds, 0.0), RETRY_AFTER_CAP_S)


#: errno values that mean this PC has no usable network at all.
_NO_NETWORK = frozenset({errno.ENETUNREACH, errno.ENETDOWN, errno.EADDRNOTAVAIL})
#: errno values that mean the connection broke off.
_RESET = frozenset({errno.ECONNRESET, errno.EPIPE, errno.ECONNABORTED})


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def network_reason(exc: BaseException, attempt: Attempt | None = None, *, broke_off: bool = False) -> str:
    """The reason id for a connection that failed with ``exc`` during ``attempt``.

    The attempt knows whether its deadline passed and how far it got: before the
    request went out that is ``delivery.intake_unreachable``, after it a slow
    answer, ``delivery.timeout``. ``broke_off``: the caller knows the connection
    ended in the middle of the exchange (the server closed it without an answer).
    """
    chain = _chain(exc)
    if (attempt is not None and attempt.aborted) or any(isinstance(e, AttemptAborted) for e in chain):
        return "delivery.interrupted"
    timed_out = (attempt is not None and attempt.expired) or any(isinstance(e, DeadlinePassed) for e in chain)
    for error in chain:
        if isinstance(error, ssl.SSLCertVerificationError):
            # OpenSSL X509_V_ERR_CERT_HAS_EXPIRED is 10.
            return "delivery.certificate_expired" if error.verify_code == 10 else "delivery.certificate_wrong"
        if isinstance(error, (ssl.SSLEOFError, ssl.SSLZeroReturnError)) and not timed_out:
            return "delivery.connection_reset"
        if isinstance(error, ssl.SSLError) and not timed_out:
            return "delivery.tls_failed"
    if timed_out:
        return "delivery.timeout" if attempt is None or attempt.reached_the_intake else \
            "delivery.intake_unreachable"
    for error in chain:
        if isinstance(error, socket.gaierror):
            # EAI_AGAIN: no name server answered (no network); any other: the name is not known.
            return "delivery.no_connection" if error.errno == socket.EAI_AGAIN else \
                "delivery.intake_unreachable"
        if isinstance(error, ConnectionRefusedError):
            return "delivery.connection_refused"
        if isinstance(error, (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)):
            return "delivery.connection_reset"
        if isinstance(error, OSError) and error.errno in _NO_NETWORK:
            return "delivery.no_connection"
        if isinstance(error, OSError) and error.errno in _RESET:
            return "delivery.connection_reset"
        unreachable = isinstance(error, OSError) and error.errno == errno.EHOSTUNREACH
        if isinstance(error, TimeoutError) or unreachable:
            return "delivery.timeout" if attempt is not None and attempt.reached_the_intake else \
                "delivery.intake_unreachable"
    text = " ".join(str(e) for e in chain)
    if "CERTIFICATE_VERIFY_FAILED" in text:
        return "delivery.certificate_expired" if "expired" in text else "delivery.certificate_wrong"
    if "Connection refused" in text or "Errno 111" in text:
        return "delivery.connection_refused"
    return "delivery.connection_reset" if broke_off else "delivery.network_error"


def interrupted_or(exc: BaseException, attempt: Attempt | None, make: type[TransientDeliveryError],
                   message: str, *, broke_off: bool = False) -> TransientDeliveryError:
    """The error for a broken connection: :class:`AttemptInterrupted` when the app ended it, else ``make``."""
    reason = network_reason(exc, attempt, broke_off=broke_off)
    if reason == "delivery.interrupted":
        return AttemptInterrupted("the attempt was ended by the app")
    return make(message, message_id=reason)
