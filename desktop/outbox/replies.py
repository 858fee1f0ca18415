"""The municipality's messages back to the notifier: fetched on the delivery worker's pass, verified, kept.

Every notification finalised in envelope format 2 has its own reply key (``protocol.replies``); the
municipality's desk seals its acknowledgement (*kvittering*) and later its § 137 orientation to it,
and the intake keeps them under the reply key's mailbox id. On each pass the worker asks each
waiting notification's mailbox for new messages (a request signed with the mailbox key, nothing
else identifies the PC) and opens them with ``protocol.messages.open_message``: the municipality's
message-signing key must have signed it, for this notification and this reply key.

* An acknowledgement is kept and writes the audit event ``acknowledgement.received``: the 6-working-day
  deadline is met and the overdue reminder stops.
* An orientation is kept; after it nothing more is asked for that notification.
* A message that is forged, signed by an unknown key, for another notification or reply key,
  undecryptable or a replay (a message id already kept) is refused and logged with its reason
  (``desktop.eventlog.refusal``), never shown. The mailbox cursor moves past it, so it is refused once.

Failures to reach the intake are only logged: delivery goes on, and the next pass asks again.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

import httpx

from desktop.store.replies import MAILBOX_WATCH_DAYS, ReplyMessage
from protocol.errors import MessageInvalid
from protocol.inbox import InboxMessageInvalid, MailboxMessage
from protocol.messages import Acknowledgement, open_message
from protocol.replies import ReplyKey, sign_mailbox_request

if TYPE_CHECKING:
    from desktop.config.policy import Policy
    from desktop.domain.directory import MunicipalityDirectory
    from desktop.domain.packs import GuidelinePack
    from desktop.store.vault import Vault

log = logging.getLogger(__name__)

ACKNOWLEDGED_EVENT = "acknowledgement.received"  # the delivery panel's event (desktop.ui.delivery.wording)
#: One mailbox read in all (connect, TLS, request, answer): a few small messages.
FETCH_DEADLINE_S = 15.0

#: The municipality's trusted message-signing keys for a municipality code: ``{key id: raw Ed25519 key}``.
TrustedKeys = Callable[[str], Mapping[str, bytes]]


class MailboxUnavailable(Exception):  # noqa: N818 - the situation, as the store's errors are named
    """The intake's mailbox could not be read this time (not reachable, refused, garbled)."""


class Mailbox(Protocol):
    """Reads a reply key's mailbox at the intake."""

    def fetch(self, reply_key: ReplyKey, after: int, now: datetime) -> tuple[list[MailboxMessage], int]: ...

    def close(self) -> None: ...

    def abort(self) -> None: ...


class HttpsMailbox:
    """The intake's ``GET /v1/mailboxes/<id>/messages`` over verified TLS (CA, or the pinned certificate).

    Each read is one attempt with a whole deadline (connect, TLS, request and answer together), on the
    delivery transport's own sockets (``desktop.outbox.https_stream``): an intake that accepts and then
    says nothing holds the worker no longer than that, and :meth:`abort` (the app locking or quitting)
    ends a read in flight at once.
    """

    def __init__(self, endpoint: str, *, ca_pem: bytes | None = None, pin_sha256: str | None = None,
                 deadline: float = FETCH_DEADLINE_S) -> None:
        from desktop.outbox.deadline import Attempts
        from desktop.outbox.https_stream import GuardedBackend

        base = endpoint.rstrip("/")
        for suffix in ("/v1/envelopes", "/v1"):
            if base.endswith(suffix):
                base = base[: -len(suffix)]
        pin = pin_sha256.lower().replace(":", "") if pin_sha256 else None
        if ca_pem:
            context = ssl.create_default_context(cadata=ca_pem.decode("ascii"))
        elif pin is None:
            context = ssl.create_default_context()
        else:  # the pinned certificate is the trust anchor: the backend checks it right after the handshake
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        self._deadline = deadline
        self._attempts = Attempts()
        transport = httpx.HTTPTransport(verify=context, trust_env=False, retries=0)
        transport._pool._network_backend = GuardedBackend(self._attempts, pin,
                                                          check_dates=pin is not None and not ca_pem)
        self._client = httpx.Client(base_url=base, transport=transport, timeout=httpx.Timeout(deadline),
                                    follow_redirects=False, trust_env=False)

    def close(self) -> None:
        self._client.close()

    def abort(self) -> None:
        """End a read in flight now and start no more (any thread)."""
        self._attempts.abort()

    def fetch(self, reply_key: ReplyKey, after: int, now: datetime) -> tuple[list[MailboxMessage], int]:
        from desktop.outbox.https_stream import PinMismatchError

        path = f"/v1/mailboxes/{reply_key.mailbox_id}/messages?after={after}"
        headers = sign_mailbox_request(reply_key, method="GET", path=path, when=now)
        with self._attempts.attempt(self._deadline) as running:
            if running.aborted:
                raise MailboxUnavailable("stopped")
            try:
                response = self._client.get(path, headers=headers)
            except PinMismatchError as exc:
                raise MailboxUnavailable("the intake's certificate is not the pinned one") from exc
            except httpx.HTTPError as exc:
                raise MailboxUnavailable(type(exc).__name__) from exc
        if response.status_code != 200:
            raise MailboxUnavailable(f"http {response.status_code}")
        try:
            data = response.json()
            messages = [MailboxMessage.from_dict(item) for item in data.get("messages", [])]
            cursor = int(data.get("cursor", after))
        except (ValueError, TypeError, AttributeError, InboxMessageInvalid) as exc:
            raise MailboxUnavailable("the mailbox answer is garbled") from exc
        return messages, cursor


@dataclass
class ReplyReport:
    """What one pass over the mailboxes found (ids only)."""

    acknowledged: list[str] = field(default_factory=list)
    oriented: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (notification id, reason id)
    unreachable: bool = False


def _refuse(notification_id: str, reason: str) -> None:
    from desktop.eventlog import refusal

    refusal(reason, notification=notification_id)


class ReplyRoutes(Protocol):
    """Where a notification's messages wait and whose keys may sign them, by the notification's
    municipality (as the vault keeps it); None when they cannot be read or trusted (no keys known)."""

    def for_municipality(self, municipality: str) -> tuple[Mailbox, Mapping[str, bytes]] | None: ...

    def close(self) -> None: ...

    def abort(self) -> None: ...


class OneIntake:
    """Every notification's messages at one intake, signed by the given keys (tests, one municipality)."""

    def __init__(self, mailbox: Mailbox, trusted_keys: TrustedKeys) -> None:
        self._mailbox = mailbox
        self._trusted_keys = trusted_keys

    def for_municipality(self, municipality: str) -> tuple[Mailbox, Mapping[str, bytes]] | None:
        return self._mailbox, self._trusted_keys(municipality)

    def close(self) -> None:
        self._mailbox.close()

    def abort(self) -> None:
        self._mailbox.abort()


class DirectoryRoutes:
    """The municipality's intake (as delivery routes to it) and its message keys from the signed
    municipality directory (``message_keys``). A municipality without keys there is not asked: a
    message nobody can verify would only be refused."""

    def __init__(self, pack: GuidelinePack, policy: Policy | None,
                 directory: MunicipalityDirectory | None) -> None:
        self._pack = pack
        self._policy = policy
        self._directory = directory
        self._mailboxes: dict[str, HttpsMailbox] = {}

    def _code(self, municipality: str) -> str | None:
        """The code of the municipality the vault names (a code, or its name as finalising keeps it)."""
        from protocol.codes import code_list

        if municipality.isdigit():
            return municipality
        if municipality == self._pack.municipality.name:
            return self._pack.municipality.code
        return code_list("municipality").code_for_label(municipality)

    def for_municipality(self, municipality: str) -> tuple[Mailbox, Mapping[str, bytes]] | None:
        import base64

        from desktop.errors import UnderretError
        from desktop.outbox.target import route

        code = self._code(municipality)
        entry = self._directory.entry(code) if code is not None and self._directory is not None else None
        if code is None or entry is None or not entry.message_keys:
            return None
        try:
            target = route(code, self._pack, self._policy, self._directory)
        except UnderretError:
            return None
        mailbox = self._mailboxes.get(target.endpoint)
        if mailbox is None:
            mailbox = HttpsMailbox(target.endpoint, ca_pem=target.ca_pem, pin_sha256=target.pin_sha256)
            self._mailboxes[target.endpoint] = mailbox
        return mailbox, {key.key_id: base64.b64decode(key.public_key) for key in entry.message_keys}

    def close(self) -> None:
        for mailbox in self._mailboxes.values():
            mailbox.close()
        self._mailboxes.clear()

    def abort(self) -> None:
        for mailbox in list(self._mailboxes.values()):
            mailbox.abort()


class ReplyFetcher:
    """Asks every waiting notification's mailbox for messages and keeps the verified ones."""

    def __init__(self, routes: ReplyRoutes, *, clock: Callable[[], datetime] | None = None) -> None:
        self._routes = routes
        self._clock = clock or (lambda: datetime.now(UTC))
        self._aborted = False

    def close(self) -> None:
        self._routes.close()

    def abort(self) -> None:
        """End the reads in flight now (the app locks or quits; any thread)."""
        self._aborted = True
        self._routes.abort()

    def run(self, vault: Vault) -> ReplyReport:
        """One pass: every notification still waiting for a message, oldest first."""
        report = ReplyReport()
        now = self._clock()
        waiting = vault.reply_keys.awaiting(now - timedelta(days=MAILBOX_WATCH_DAYS))
        unreachable: set[int] = set()
        for notification_id, seed, cursor in waiting:
            if self._aborted:
                break
            municipality = vault.notifications.get_summary(notification_id).municipality or ""
            route = self._routes.for_municipality(municipality)
            if route is None:
                continue
            mailbox, trusted = route
            if id(mailbox) in unreachable:
                continue
            try:
                messages, next_cursor = mailbox.fetch(ReplyKey(seed), cursor, now)
            except MailboxUnavailable as exc:
                log.info("replies: mailbox not read (%s); asked again on the next pass", exc)
                report.unreachable = True
                unreachable.add(id(mailbox))  # the rest at that intake wait for the next pass too
                continue
            for item in messages:
                self._take(vault, notification_id, seed, trusted, item, report)
            if next_cursor > cursor:
                vault.reply_keys.set_cursor(notification_id, next_cursor)
        return report

    def _take(self, vault: Vault, notification_id: str, seed: bytes, trusted: Mapping[str, bytes],
              item: MailboxMessage, report: ReplyReport) -> None:
        try:
            message = open_message(item.body, reply_key=ReplyKey(seed), notification_id=notification_id,
                                   trusted_signing_keys=trusted)
        except MessageInvalid as exc:
            report.refused.append((notification_id, exc.message_id))
            _refuse(notification_id, exc.message_id)
            return
        if vault.reply_keys.has_message(message.message_id):
            report.refused.append((notification_id, "message.replayed"))
            _refuse(notification_id, "message.replayed")
            return
        if isinstance(message, Acknowledgement):
            kept = ReplyMessage(message.message_id, notification_id, "acknowledgement", message.sent_at,
                                message.acknowledged_at, message.unit, message.reference, None)
            vault.reply_keys.record_message(kept, audit_event=ACKNOWLEDGED_EVENT)
            report.acknowledged.append(notification_id)
        else:
            kept = ReplyMessage(message.message_id, notification_id, "orientation", message.sent_at,
                                message.decided_at, message.unit, message.reference, message.outcome)
            vault.reply_keys.record_message(kept)
            report.oriented.append(notification_id)
