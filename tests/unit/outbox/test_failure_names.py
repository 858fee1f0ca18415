"""Each way a connection can fail gets its own name, and the person gets words for every name.

Most failures are shown against real servers in tests/integration/delivery; the ones a
loopback test cannot produce (the PC has no network at all, no name server answers) are
shown here with the operating system's own error values.
"""

from __future__ import annotations

import errno
import re
import socket
import ssl
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

import desktop.outbox
from desktop.outbox.deadline import Attempts, DeadlinePassed
from desktop.outbox.failures import RETRY_AFTER_CAP_S, network_reason, retry_after_seconds


def _raised(error: BaseException, wrapper: type[Exception] = ConnectionError) -> BaseException:
    try:
        try:
            raise error
        except BaseException as inner:
            raise wrapper("failed") from inner
    except BaseException as outer:
        return outer


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (OSError(errno.ENETUNREACH, "Network is unreachable"), "delivery.no_connection"),
        (OSError(errno.ENETDOWN, "Network is down"), "delivery.no_connection"),
        (socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution"), "delivery.no_connection"),
        (socket.gaierror(socket.EAI_NONAME, "Name or service not known"), "delivery.intake_unreachable"),
        (OSError(errno.EHOSTUNREACH, "No route to host"), "delivery.intake_unreachable"),
        (ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"), "delivery.connection_refused"),
        (ConnectionResetError(errno.ECONNRESET, "Connection reset by peer"), "delivery.connection_reset"),
        (BrokenPipeError(errno.EPIPE, "Broken pipe"), "delivery.connection_reset"),
        (ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version number"), "delivery.tls_failed"),
        (ssl.SSLEOFError(8, "EOF occurred in violation of protocol"), "delivery.connection_reset"),
    ],
)
def test_a_failed_connection_is_named_for_what_broke(error: BaseException, reason: str) -> None:
    assert network_reason(_raised(error)) == reason


def test_a_connection_reset_is_never_called_a_missing_network() -> None:
    reset = _raised(ConnectionResetError(errno.ECONNRESET, "reset"))
    assert network_reason(reset) != "delivery.no_connection"
    # Something unknown is "the network did not work", never "this PC is not on the internet".
    assert network_reason(_raised(RuntimeError("odd"))) == "delivery.network_error"


def test_a_deadline_before_the_request_is_unreachable_and_after_it_a_slow_answer() -> None:
    attempts = Attempts()
    with attempts.attempt(0.0) as attempt:
        with pytest.raises(DeadlinePassed) as before:
            attempt.remaining()
        assert network_reason(_raised(before.value), attempt) == "delivery.intake_unreachable"
        attempt.at("request")
        assert network_reason(_raised(before.value), attempt) == "delivery.timeout"


def test_retry_after_is_read_as_seconds_or_an_http_date_and_capped() -> None:
    now = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
    assert retry_after_seconds("120", now) == 120.0
    assert retry_after_seconds(format_datetime(now + timedelta(hours=1), usegmt=True), now) == 3600.0
    assert retry_after_seconds(format_datetime(now - timedelta(hours=1), usegmt=True), now) == 0.0
    assert retry_after_seconds("99999999", now) == RETRY_AFTER_CAP_S
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds(None, now) is None


def test_every_reason_the_outbox_records_has_words_for_the_person() -> None:
    from desktop.ui.delivery.messages import known_reasons

    folder = Path(desktop.outbox.__file__).parent
    reasons: set[str] = set()
    for module in folder.glob("*.py"):
        reasons |= set(re.findall(r'"(delivery\.[a-z_]+)"', module.read_text("utf-8")))
    assert {"delivery.intake_unreachable", "delivery.timeout", "delivery.connection_reset"} <= reasons
    # Ids that only IT reads in the event log are never recorded on a notification.
    from desktop.outbox.failures import EVENT_LOG_ONLY

    assert reasons - EVENT_LOG_ONLY <= known_reasons()
