"""The desk's side of the intake's inbox API (see ``protocol.inbox`` for the routes and fields).

HTTPS only, always verified (the municipality's CA, or the system's), TLS 1.2 or newer. Every call
raises :class:`InboxUnavailable` when the intake cannot be reached or answers with an error the
desk cannot act on, and :class:`InboxRefused` when it refuses this desk (not enrolled, revoked).
No content ever leaves the desk through here: status is ids, steps and initials; messages are
sealed before they are handed over.
"""

from __future__ import annotations

import contextlib
import ssl
from dataclasses import dataclass
from typing import Any

import httpx

from desktop.errors import UnderretError
from desktop.outbox.transport import intake_base
from protocol.inbox import EnvelopeItem, InboxMessageInvalid, StatusRecord

_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


class InboxUnavailable(UnderretError):  # noqa: N818 - what the caseworker is told
    """The intake could not be reached, or answered in a way the desk cannot use. Try again later."""

    message_id = "desk.intake_unavailable"


class InboxRefused(UnderretError):  # noqa: N818 - what the caseworker is told
    """The intake refuses this desk: the token or certificate was not accepted, or the desk was revoked."""

    message_id = "desk.not_enrolled"


@dataclass(frozen=True)
class Enrolment:
    """What enrolment gives the desk: its id, its credential (kept in the vault), the receipt key."""

    desk_id: str
    credential: str
    receipt_public_key: bytes


@dataclass(frozen=True)
class StepAnswer:
    """The intake's answer to a status step: ``recorded`` False means another record stands (``record``)."""

    recorded: bool
    record: StatusRecord


def ssl_context(ca_pem: str | None) -> ssl.SSLContext:
    """Verified TLS 1.2+ with the municipality's CA (or the system's trust store when none is given)."""
    context = ssl.create_default_context(cadata=ca_pem) if ca_pem else ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def _certificate_not_trusted(error: BaseException) -> bool:
    """Whether a connection failed because the intake's certificate did not verify."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(error)


class InboxClient:
    """One desk's connection to its intake."""

    def __init__(self, base_url: str, *, ca_pem: str | None = None, credential: str | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        if not base_url.startswith("https://"):
            raise InboxUnavailable("the intake address must start with https://",
                                   message_id="desk.intake_not_https")
        headers = {"Authorization": f"Bearer {credential}"} if credential else {}
        # The same address as the PCs' intake_endpoint works: a trailing /v1 or /v1/envelopes is dropped.
        self._client = httpx.Client(base_url=intake_base(base_url), verify=ssl_context(ca_pem),
                                    timeout=_TIMEOUT, headers=headers, transport=transport,
                                    follow_redirects=False)

    def close(self) -> None:
        self._client.close()

    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._client.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            if _certificate_not_trusted(exc):
                # Trying again cannot help: the intake's certificate is from a CA this desk was not given.
                raise InboxUnavailable("the intake's certificate could not be verified",
                                       message_id="desk.intake_certificate_untrusted") from exc
            raise InboxUnavailable(f"the intake cannot be reached ({type(exc).__name__})") from exc
        if response.status_code in (401, 403):
            raise InboxRefused("the intake refuses this desk", status=str(response.status_code))
        if response.status_code in (404, 405):
            # No intake answers at this address (a wrong path): IT's address is to be checked, not retried.
            raise InboxUnavailable(f"no intake at this address ({response.status_code})",
                                   message_id="desk.intake_wrong_address", status=str(response.status_code))
        return response

    @staticmethod
    def _json(response: httpx.Response) -> dict[str, Any]:
        try:
            value = response.json()
        except ValueError as exc:
            raise InboxUnavailable("the intake answered something that is not JSON") from exc
        if not isinstance(value, dict):
            raise InboxUnavailable("the intake answered something unexpected")
        return value

    def _expect(self, response: httpx.Response, *ok: int) -> dict[str, Any]:
        if response.status_code not in ok:
            error = ""
            with contextlib.suppress(ValueError, AttributeError):
                error = str(response.json().get("error", ""))
            raise InboxUnavailable(f"the intake answered {response.status_code} {error}".strip(),
                                   status=str(response.status_code), error=error)
        return self._json(response)

    def enrol_with_token(self, token: str, name: str) -> Enrolment:
        """Enrol this desk with IT's one-time token (InboxRefused when it is not accepted)."""
        return self._enrolment(self._request("POST", "/v1/desk/enrol", json={"token": token, "name": name}))

    def enrol_with_certificate(self, name: str, certificate_pem: str, signature: bytes,
                               when: str) -> Enrolment:
        """Enrol with a desk certificate from the municipality's desk CA (the signature proves the key)."""
        import base64

        body = {"name": name, "certificate": certificate_pem, "time": when,
                "signature": base64.b64encode(signature).decode("ascii")}
        return self._enrolment(self._request("POST", "/v1/desk/enrol", json=body))

    def _enrolment(self, response: httpx.Response) -> Enrolment:
        import base64

        data = self._expect(response, 201)
        try:
            return Enrolment(str(data["desk_id"]), str(data["credential"]),
                             base64.b64decode(data["receipt_public_key"], validate=True))
        except (KeyError, ValueError) as exc:
            raise InboxUnavailable("the intake's enrolment answer is incomplete") from exc

    def envelopes(self, after: int, limit: int = 100) -> tuple[list[EnvelopeItem], bool]:
        """Envelopes with a sequence number above ``after`` (oldest first) and whether more wait."""
        response = self._request("GET", "/v1/desk/envelopes", params={"after": after, "limit": limit})
        data = self._expect(response, 200)
        try:
            items = [EnvelopeItem.from_dict(item) for item in data.get("envelopes", [])]
        except InboxMessageInvalid as exc:
            raise InboxUnavailable("the intake handed out a malformed envelope item") from exc
        return items, bool(data.get("more"))

    def seqs_after(self, after: int) -> tuple[list[int], bool]:
        """The numbers of the envelopes the intake holds above ``after`` and whether more wait."""
        data = self._expect(self._request("GET", "/v1/desk/seqs", params={"after": after}), 200)
        try:
            return [int(seq) for seq in data.get("seqs", [])], bool(data.get("more"))
        except (TypeError, ValueError) as exc:
            raise InboxUnavailable("the intake handed out malformed envelope numbers") from exc

    def envelopes_by_seq(self, seqs: list[int]) -> list[EnvelopeItem]:
        """The envelopes with these numbers (a page: at most 200)."""
        params = {"seqs": ",".join(str(seq) for seq in seqs)}
        data = self._expect(self._request("GET", "/v1/desk/envelopes", params=params), 200)
        try:
            return [EnvelopeItem.from_dict(item) for item in data.get("envelopes", [])]
        except InboxMessageInvalid as exc:
            raise InboxUnavailable("the intake handed out a malformed envelope item") from exc

    def status_since(self, cursor: int) -> tuple[list[StatusRecord], int, bool]:
        """A page of status records after ``cursor``, the new cursor, and whether more wait."""
        data = self._expect(self._request("GET", "/v1/desk/status", params={"after": cursor}), 200)
        try:
            records = [StatusRecord.from_dict(item) for item in data.get("status", [])]
            return records, int(data.get("cursor", cursor)), bool(data.get("more")) and bool(records)
        except (InboxMessageInvalid, TypeError, ValueError) as exc:
            raise InboxUnavailable("the intake handed out a malformed status record") from exc

    def record_step(self, notification_id: str, step: str, initials: str) -> StepAnswer:
        """Claim a step for this desk; ``recorded`` is False when another desk's record stands."""
        body = {"notification_id": notification_id, "step": step, "initials": initials}
        response = self._request("POST", "/v1/desk/status", json=body)
        data = self._expect(response, 200, 201, 409)
        try:
            record = StatusRecord.from_dict(data.get("record"))
        except InboxMessageInvalid as exc:
            raise InboxUnavailable("the intake's status answer is malformed") from exc
        return StepAnswer(response.status_code != 409, record)

    def relay_message(self, message_id: str, mailbox_id: str, body: bytes) -> None:
        """Hand a sealed message to the intake for the notifier's mailbox (the same one again is harmless)."""
        response = self._request("POST", "/v1/desk/messages", content=body,
                                 headers={"Message-Id": message_id, "Mailbox-Id": mailbox_id,
                                          "Content-Type": "application/octet-stream"})
        self._expect(response, 200, 201)
