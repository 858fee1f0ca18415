"""Demo mode's errors (message ids the UI translates)."""

from __future__ import annotations

from desktop.errors import UnderretError


class DemoNotAllowed(UnderretError):  # noqa: N818 - house style: errors named for the situation
    """The deployment policy switches demo mode off (``demo_allowed: false``)."""

    message_id = "demo.not_allowed"


class DemoEndpointRefused(UnderretError):  # noqa: N818 - house style: errors named for the situation
    """Demo mode was asked to deliver somewhere other than its own intake on 127.0.0.1."""

    message_id = "demo.endpoint_refused"


class DemoStartFailed(UnderretError):  # noqa: N818 - house style: errors named for the situation
    """The throwaway vault or the built-in intake could not be set up."""

    message_id = "demo.start_failed"
