"""Demo mode delivers to its own intake on 127.0.0.1 and nowhere else.

The check sits where the transport is configured: whatever a policy or a
pack says, :func:`demo_transport` refuses an endpoint that is not HTTPS to a
loopback IP address (a host *name* such as ``localhost`` is refused too: a
name can be made to resolve anywhere). No proxy is ever used.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from desktop.demo.errors import DemoEndpointRefused
from desktop.outbox.transport import HttpsIntakeTransport
from protocol.envelope import RecipientKey


@dataclass(frozen=True)
class DemoTarget:
    """The built-in intake as the demo outbox sees it."""

    endpoint: str
    recipient: RecipientKey
    receipt_key: bytes
    ca_pem: bytes


def require_loopback(endpoint: str) -> None:
    """Raise :class:`DemoEndpointRefused` unless ``endpoint`` is ``https://<loopback IP>[:port]``."""
    try:
        parts = urlsplit(endpoint)
        host = parts.hostname or ""
        address = ipaddress.ip_address(host)
    except ValueError:
        raise DemoEndpointRefused("demo mode only delivers to 127.0.0.1", endpoint_kind="name") from None
    if parts.scheme != "https" or not address.is_loopback:
        raise DemoEndpointRefused("demo mode only delivers to 127.0.0.1", endpoint_kind="remote")


def demo_transport(target: DemoTarget, *, timeout: float = 15.0) -> HttpsIntakeTransport:
    """The transport to the built-in intake: loopback only, TLS verified against the demo CA."""
    require_loopback(target.endpoint)
    return HttpsIntakeTransport(target.endpoint, ca_pem=target.ca_pem, pin_sha256=None,
                                allow_loopback_http=False, timeout=timeout, proxy=None)
