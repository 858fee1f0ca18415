"""What operators see of the intake: Prometheus metrics, an access log, errors logged once a minute.

Nothing here names a person: no client address, no notification id, no sender key or fingerprint,
no reference. Metrics are counts, latencies and sizes by route and status; the access log line is
method, route, status, bytes and milliseconds.

An exception the handlers did not expect becomes a 500 with a JSON body naming no detail (never a
traceback to the client) and is logged with its traceback once per cause per minute; repeats are
counted and reported with the next line for that cause.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

access_log = logging.getLogger("intake.access")
log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_ROUTES = ("/v1/envelopes", "/v1/senders", "/v1/health", "/metrics")


def route_of(path: str) -> str:
    """The route a path belongs to, or ``other`` (a path is never logged as sent)."""
    for route in _ROUTES:
        if path == route:
            return route
    if path.startswith("/v1/mailboxes/"):
        return "/v1/mailboxes"  # never the mailbox id itself
    return "/v1/desk" if path.startswith("/v1/desk/") else "other"


class Metrics:
    """The intake's Prometheus metrics in a registry of their own (one per app)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter("underret_intake_requests", "HTTP requests answered", ["route", "status"],
                                registry=self.registry)
        self.latency = Histogram("underret_intake_request_seconds", "Time to answer a request", ["route"],
                                 buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
                                 registry=self.registry)
        self.envelope_bytes = Histogram(
            "underret_intake_envelope_bytes", "Size of envelopes stored",
            buckets=(16e3, 64e3, 256e3, 1e6, 4e6, 16e6, 32e6, 64e6), registry=self.registry)
        self.refused = Counter("underret_intake_refused", "Envelopes and enrolments refused, by reason",
                               ["reason"], registry=self.registry)
        self.stored = Counter("underret_intake_envelopes_stored", "New envelopes stored",
                              registry=self.registry)
        self.uploads = Gauge("underret_intake_uploads_in_progress", "Uploads being received now",
                             registry=self.registry)
        self.free_bytes = Gauge("underret_intake_free_bytes", "Free disk space where envelopes are written",
                                registry=self.registry)

    def exposition(self) -> tuple[bytes, str]:
        """The text format Prometheus scrapes, and its content type."""
        return generate_latest(self.registry), CONTENT_TYPE_LATEST


class OncePerCause(logging.Filter):
    """Lets one record per cause through per ``window`` seconds; later ones are counted, not written.

    The cause is where the record was logged (logger, file, line) and the exception's type: a flood
    of the same failure (sockets refused for want of file descriptors, a lost database) makes one
    line a minute, not megabytes, even when each message text differs (asyncio puts handles and
    times into its messages).
    """

    def __init__(self, window: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.window = window
        self._clock = clock
        self._seen: dict[tuple[str, str, str], tuple[float, int]] = {}  # cause -> (last written, held back)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        exc_type = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else ""
        cause = (record.name, f"{record.pathname}:{record.lineno}", exc_type)
        now = self._clock()
        since, suppressed = self._seen.get(cause, (-1e18, 0))
        if now - since < self.window:
            self._seen[cause] = (since, suppressed + 1)
            return False
        self._seen[cause] = (now, 0)
        if suppressed:
            record.msg = f"{record.msg} (and {suppressed} more like it in the last minute, not logged)"
        if len(self._seen) > 1000:
            self._seen = {key: value for key, value in self._seen.items() if now - value[0] < self.window}
        return True


def guarded(app: ASGIApp, metrics: Metrics) -> ASGIApp:
    """``app`` with an access log, request metrics and a plain 500 for anything unexpected."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        started = time.perf_counter()
        route = route_of(str(scope.get("path", "")))
        state = {"status": 0, "sent": 0, "received": 0}

        async def counting_receive() -> Message:
            message = await receive()
            state["received"] += len(message.get("body", b""))
            return message

        async def recording_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["status"] = int(message["status"])
            elif message["type"] == "http.response.body":
                state["sent"] += len(message.get("body", b""))
            await send(message)

        try:
            await app(scope, counting_receive, recording_send)
        except Exception as exc:  # the last line of defence: logged (rate-limited), never shown
            log.error("intake: unexpected %s while answering %s", type(exc).__name__, route, exc_info=True)
            if state["status"] == 0:
                body = b'{"error":"intake.internal","reason":"The intake could not answer; try again later."}'
                await recording_send({"type": "http.response.start", "status": 500,
                                      "headers": [(b"content-type", b"application/json"),
                                                  (b"content-length", str(len(body)).encode())]})
                await recording_send({"type": "http.response.body", "body": body})
        finally:
            elapsed = time.perf_counter() - started
            status = state["status"] or 499  # the client went away before an answer
            metrics.requests.labels(route, str(status)).inc()
            metrics.latency.labels(route).observe(elapsed)
            access_log.info("%s %s %s in=%d out=%d %.0fms", scope.get("method", "?"), route, status,
                            state["received"], state["sent"], elapsed * 1000)

    return wrapped
