"""The notifier app's mailbox read never holds the delivery worker: an intake that accepts and says nothing
is given up at the read's deadline, and locking the app ends a read in flight at once."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest

from desktop.outbox.replies import HttpsMailbox, MailboxUnavailable
from intake.tls import CertificateAuthority
from protocol.replies import ReplyKey
from tests.support.unfriendly_servers import BlackHole


def _read_in_thread(mailbox: HttpsMailbox) -> tuple[threading.Thread, list[BaseException]]:
    failures: list[BaseException] = []

    def read() -> None:
        try:
            mailbox.fetch(ReplyKey.generate(), 0, datetime.now(UTC))
        except BaseException as exc:  # kept for the test to look at
            failures.append(exc)

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread, failures


def test_locking_ends_a_mailbox_read_that_hangs() -> None:
    hole = BlackHole()
    mailbox = HttpsMailbox(hole.url, ca_pem=CertificateAuthority("test").cert_pem, deadline=600)
    try:
        thread, failures = _read_in_thread(mailbox)
        thread.join(0.5)
        assert thread.is_alive()  # it waits for the intake...
        mailbox.abort()  # ... until the app locks
        thread.join(30)
        assert not thread.is_alive()
        assert [type(f) for f in failures] == [MailboxUnavailable]
        with pytest.raises(MailboxUnavailable):  # and no new read starts after that
            mailbox.fetch(ReplyKey.generate(), 0, datetime.now(UTC))
    finally:
        mailbox.close()
        hole.close()


def test_a_silent_intake_is_given_up_at_the_reads_deadline() -> None:
    hole = BlackHole()
    mailbox = HttpsMailbox(hole.url, ca_pem=CertificateAuthority("test").cert_pem, deadline=1.0)
    try:
        thread, failures = _read_in_thread(mailbox)
        thread.join(60)  # far longer than the deadline: the read must have ended by itself
        assert not thread.is_alive()
        assert [type(f) for f in failures] == [MailboxUnavailable]
    finally:
        mailbox.close()
        hole.close()
