"""Where a notification goes and whom to trust: routing by municipality, and the intake settings.

A notification goes to the municipality where the child lives
(``child.municipality_code``). :func:`route` finds its intake: for the
municipality of the guideline pack in force (the PC's own), the intake IT set
up in the policy and pack, as below; for any other municipality, its entry in
the signed municipality directory (:mod:`desktop.domain.directory`). A
municipality with no entry, or whose entry has no intake, cannot be reached:
:class:`MunicipalityNotReachable` carries its name and phone numbers, so the
person is told to phone, and the notification is kept. :class:`RoutingTransport`
then sends each sealed envelope to the intake whose keys it was sealed to.

Policy (set centrally by municipal IT) overrides the guideline pack, field by
field. The result is everything the outbox needs: the endpoint, the recipient
key(s) to seal to, the receipt key, and the TLS trust anchor (CA or pin).

The recipient keys are the policy's ``intake_keys`` when set, else the pack's
intake keys (``intake.keys``, or an older pack's one ``key_id``/``public_key``).
A notification is sealed to every one of them, so while a municipality
rotates keys (two keys listed) the intake can open it with either.

How it leaves the PC: the policy's ``allowed_transports`` lists the transports
IT allows, in order of preference (not set: HTTPS only, as before secure
e-mail existed). The first one that is set up is used: HTTPS when an intake
address is known, secure e-mail when the policy names the municipality's
secure mailbox (``secure_email_to``). A transport that is set up but
incomplete (no certificate, no SMTP server…) is reported, not skipped, so a
mistake in IT's settings never silently moves notifications to another way.
The envelope is the same either way; only the HTTPS intake gives a signed
receipt.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import dataclasses
import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.errors import UnderretError

if TYPE_CHECKING:
    from desktop.config.policy import Policy
    from desktop.domain.directory import DirectoryEntry, MunicipalityDirectory
    from desktop.domain.packs import GuidelinePack, Intake
    from desktop.outbox.mail import MailTarget, SecureMailTransport
    from desktop.outbox.transport import HttpsIntakeTransport
    from protocol.envelope import RecipientKey

#: The transports, as ``allowed_transports`` names them (desktop.config.policy_rules.Transport).
HTTPS = "https"
SECURE_EMAIL = "secure_email"


class IntakeNotConfigured(UnderretError):  # noqa: N818 - reads as the situation the user is in
    """Neither policy nor pack says where to deliver, or a key is missing or unreadable."""

    message_id = "delivery.not_configured"


@dataclass(frozen=True)
class IntakeTarget:
    """The municipality's intake as the outbox sees it.

    ``transport`` is the one in force: ``"https"`` (endpoint, receipt key, CA or
    pin) or ``"secure_email"`` (``mail``; the HTTPS fields are then unused).
    """

    endpoint: str
    recipients: tuple[RecipientKey, ...]
    receipt_key: bytes
    ca_pem: bytes | None
    pin_sha256: str | None
    transport: str = HTTPS
    mail: MailTarget | None = None
    #: The policy's ``intake_enrolment_token``: the PC registers its sender key with it before its first send.
    enrolment_token: str | None = None


def _decode(value: str, what: str, length: int | None = None) -> bytes:
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise IntakeNotConfigured(f"{what} is not base64", setting=what) from exc
    if length is not None and len(data) != length:
        raise IntakeNotConfigured(f"{what} has the wrong length", setting=what)
    return data


def allowed_transports(policy: Policy | None) -> list[str]:
    """What the policy allows, in its order of preference; HTTPS only when it says nothing."""
    if policy is None or policy.allowed_transports is None:
        return [HTTPS]
    return [str(transport) for transport in policy.allowed_transports]


def chosen_transport(pack: GuidelinePack, policy: Policy | None = None) -> str | None:
    """The first allowed transport that is set up (HTTPS: an intake address; e-mail: a mailbox), or None."""
    for transport in allowed_transports(policy):
        if transport == HTTPS and ((policy.intake_endpoint if policy else None) or pack.intake.endpoint):
            return HTTPS
        if transport == SECURE_EMAIL and policy is not None and policy.secure_email_to:
            return SECURE_EMAIL
    return None


def intake_target(pack: GuidelinePack, policy: Policy | None = None) -> IntakeTarget:
    """Combine policy and pack into one target; IntakeNotConfigured if something essential is missing."""
    allowed = allowed_transports(policy)
    chosen = chosen_transport(pack, policy)
    if chosen is None and HTTPS not in allowed:
        # Nothing may go over HTTPS against IT's policy, and the secure mailbox is not named: items stay
        # queued and the reason is shown.
        raise IntakeNotConfigured("the policy does not allow delivery over HTTPS, and secure e-mail is not "
                                  "set up (no secure_email_to)", setting="secure_email_to")
    if chosen == SECURE_EMAIL:
        assert policy is not None
        return IntakeTarget(endpoint="", recipients=_recipients(pack, policy), receipt_key=b"", ca_pem=None,
                            pin_sha256=None, transport=SECURE_EMAIL, mail=mail_target(policy))
    # HTTPS (or nothing set up while HTTPS is allowed: its own reasons say what is missing)
    intake = pack.intake
    endpoint = (policy.intake_endpoint if policy else None) or intake.endpoint
    receipt = (policy.receipt_public_key if policy else None) or intake.receipt_key
    if not endpoint:
        raise IntakeNotConfigured("no intake address", setting="intake_endpoint")
    if not recipient_key_sources(pack, policy):
        raise IntakeNotConfigured("the pack carries no intake key", setting="intake.keys")
    if not receipt:
        raise IntakeNotConfigured("no receipt key", setting="receipt_public_key")
    ca_pem: bytes | None = None
    if policy is not None and policy.intake_ca_pem_file:
        try:
            ca_pem = Path(policy.intake_ca_pem_file).read_bytes()
        except OSError as exc:
            raise IntakeNotConfigured("CA file unreadable", setting="intake_ca_pem_file") from exc
    elif intake.ca_pem:
        ca_pem = intake.ca_pem.encode("ascii")
    pin = (policy.intake_pin_sha256 if policy else None) or intake.pin_sha256
    if endpoint.startswith("https://") and ca_pem is None and pin is None:
        raise IntakeNotConfigured("no CA certificate and no pin for the intake", setting="intake_ca_pem_file")
    return IntakeTarget(
        endpoint=endpoint,
        recipients=_recipients(pack, policy),
        receipt_key=_decode(receipt, "receipt_public_key", 32),
        ca_pem=ca_pem,
        pin_sha256=pin,
        enrolment_token=policy.intake_enrolment_token if policy else None,
    )


def _recipients(pack: GuidelinePack, policy: Policy | None) -> tuple[RecipientKey, ...]:
    """The keys every envelope is sealed to, whichever transport carries it."""
    keys = recipient_key_sources(pack, policy)
    if not keys:
        raise IntakeNotConfigured("the pack carries no intake key", setting="intake.keys")
    # here: cryptography is slow to import at start-up
    from protocol.envelope import RECIPIENT_PUBLIC_KEY_BYTES, RecipientKey

    return tuple(
        RecipientKey(key_id, _decode(public_key, setting, RECIPIENT_PUBLIC_KEY_BYTES))
        for key_id, public_key, setting in keys
    )


def _read_setting_file(path: str, setting: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise IntakeNotConfigured(f"{setting} unreadable", setting=setting) from exc


def mail_target(policy: Policy) -> MailTarget:
    """The secure mailbox and SMTP server from policy; IntakeNotConfigured names the first missing setting."""
    from desktop.outbox.mail import DEFAULT_PORTS, MailTarget  # here: cryptography is slow to import

    required = (("secure_email_to", "no secure e-mail address"),
                ("secure_email_certificate_file", "no certificate for the secure mailbox"),
                ("secure_email_from", "no sender address for secure e-mail"),
                ("smtp_host", "no SMTP server for secure e-mail"))
    for setting, problem in required:
        if not getattr(policy, setting):
            raise IntakeNotConfigured(problem, setting=setting)
    assert policy.secure_email_to and policy.secure_email_certificate_file
    assert policy.secure_email_from and policy.smtp_host
    if not policy.secure_email_ca_pem_file:
        # The mailbox certificate is validated before every use: not without the CA it must chain to.
        raise IntakeNotConfigured("no CA bundle for the mailbox certificate",
                                  setting="secure_email_ca_pem_file")
    tls_mode = policy.smtp_tls or "starttls"
    p12 = policy.secure_email_signing_p12_file
    return MailTarget(
        mailbox=policy.secure_email_to,
        certificate_pem=_read_setting_file(policy.secure_email_certificate_file,
                                           "secure_email_certificate_file"),
        smtp_host=policy.smtp_host,
        smtp_port=policy.smtp_port or DEFAULT_PORTS[tls_mode],
        tls_mode=tls_mode,
        ca_pem=_read_setting_file(policy.smtp_ca_pem_file, "smtp_ca_pem_file") if policy.smtp_ca_pem_file
        else None,
        sender=policy.secure_email_from,
        mailbox_ca_pem=_read_setting_file(policy.secure_email_ca_pem_file, "secure_email_ca_pem_file"),
        revocation=policy.secure_email_revocation or "refuse",
        username=policy.smtp_username,
        password_file=policy.smtp_password_file,
        signing_p12=_read_setting_file(p12, "secure_email_signing_p12_file") if p12 else None,
        signing_p12_name=Path(p12).name if p12 else "",
        signing_password_file=policy.secure_email_signing_password_file,
    )


def recipient_key_sources(pack: GuidelinePack, policy: Policy | None = None) -> list[tuple[str, str, str]]:
    """The intake keys in force as (key id, base64 public key, where it is set); empty if none.

    The policy's ``intake_keys`` replace the pack's keys as a whole: a
    municipality that manages its keys centrally must not also seal to a key
    an old pack still names.
    """
    if policy is not None and policy.intake_keys:
        return [(key.id, key.public_key, f"intake_keys.{n}") for n, key in enumerate(policy.intake_keys)]
    intake = pack.intake
    if intake.keys is None:  # an older pack's single key_id / public_key
        return [(key.key_id, key.public_key, "intake.public_key") for key in intake.recipient_keys()]
    return [(key.key_id, key.public_key, f"intake.keys.{n}") for n, key in enumerate(intake.keys)]


def make_transport(
    target: IntakeTarget, *, demo: bool = False, proxy: str | None = None, timeout: float | None = None,
    deadline: float | None = None,
) -> HttpsIntakeTransport | SecureMailTransport:
    """The transport for ``target``: HTTPS (plain HTTP only to 127.0.0.1 in demo mode) or secure e-mail.

    ``deadline``: one attempt's whole time (not set: the transport's default, or ``timeout``).
    Secure e-mail goes through an ``http://`` proxy by HTTP CONNECT (any other kind of
    proxy is not used for mail) and never in demo mode: nothing real may leave a training PC.
    """
    if target.mail is not None:
        from desktop.outbox.transport import DeliveryConfigError

        if demo:
            raise DeliveryConfigError("demo mode never sends e-mail", message_id="delivery.misconfigured")
        from desktop.outbox.mail import SecureMailTransport  # here: smtplib, email and cryptography load late

        return SecureMailTransport(target.mail, timeout=timeout, deadline=deadline, proxy=proxy)
    from desktop.outbox.transport import HttpsIntakeTransport  # here: httpx is slow to import at start-up

    return HttpsIntakeTransport(
        target.endpoint,
        ca_pem=target.ca_pem,
        pin_sha256=target.pin_sha256,
        allow_loopback_http=demo,
        timeout=timeout,
        deadline=deadline,
        proxy=proxy,
        enrolment_token=target.enrolment_token,
    )


# --- routing by municipality ------------------------------------------------------------------------

class MunicipalityNotReachable(UnderretError):  # noqa: N818 - reads as the situation the user is in
    """The child's municipality cannot receive notifications through Underret (no directory entry, or
    no intake in it), or not from this PC (its intake takes HTTPS, which the policy does not allow here:
    message id ``delivery.municipality_not_reachable_by_policy``). Details: ``code``, ``name`` and the
    ``phone`` / ``on_call`` numbers ("" if unknown)."""

    message_id = "delivery.municipality_not_reachable"


def _not_reachable(code: str, entry: DirectoryEntry | None, *,
                   by_policy: bool = False) -> MunicipalityNotReachable:
    from desktop.domain.codes import municipality_name

    office = entry.phones.office_hours if entry is not None else None
    on_call = entry.phones.on_call if entry is not None else None
    phone = office.number if office is not None else ""
    after_hours = on_call.number if on_call is not None else ""
    # Two sentences: with the number to phone when the directory has one, else where to find it.
    message_id = MunicipalityNotReachable.message_id + ("_by_policy" if by_policy else "") + (
        "" if phone or after_hours else "_no_phone")
    why = "this PC may not use HTTPS (policy)" if by_policy else "it has no intake in the directory"
    return MunicipalityNotReachable(
        f"municipality {code}: {why}", message_id=message_id, code=code,
        name=municipality_name(code), phone=phone, on_call=after_hours, number=phone or after_hours)


def directory_target(code: str, entry: DirectoryEntry | None, policy: Policy | None = None) -> IntakeTarget:
    """The HTTPS intake a directory entry names; MunicipalityNotReachable when it has none, or when the
    policy does not let this PC send over HTTPS (nothing goes a way IT has closed)."""
    if entry is None or entry.intake is None:
        raise _not_reachable(code, entry)
    if HTTPS not in allowed_transports(policy):
        raise _not_reachable(code, entry, by_policy=True)
    return _section_target(entry.intake, f"directory.{code}")


def _section_target(intake: Intake, setting: str) -> IntakeTarget:
    from protocol.envelope import RECIPIENT_PUBLIC_KEY_BYTES, RecipientKey  # here: cryptography is slow

    if not intake.endpoint or not intake.receipt_key or not intake.recipient_keys():
        raise IntakeNotConfigured("the intake needs an endpoint, keys and a receipt key", setting=setting)
    if intake.endpoint.startswith("https://") and intake.ca_pem is None and intake.pin_sha256 is None:
        raise IntakeNotConfigured("no CA certificate and no pin for the intake", setting=setting)
    return IntakeTarget(
        endpoint=intake.endpoint,
        recipients=tuple(RecipientKey(k.key_id, _decode(k.public_key, f"{setting}.keys",
                                                        RECIPIENT_PUBLIC_KEY_BYTES))
                         for k in intake.recipient_keys()),
        receipt_key=_decode(intake.receipt_key, f"{setting}.receipt_key", 32),
        ca_pem=intake.ca_pem.encode("ascii") if intake.ca_pem else None,
        pin_sha256=intake.pin_sha256,
    )


def route(code: str, pack: GuidelinePack, policy: Policy | None,
          directory: MunicipalityDirectory | None) -> IntakeTarget:
    """Where a notification about a child living in municipality ``code`` goes.

    The pack's own municipality keeps the intake IT set up in policy and pack (policy wins); every
    other one goes through the directory. MunicipalityNotReachable when it has no intake there.
    """
    if code == pack.municipality.code:
        return intake_target(pack, policy)
    return directory_target(code, directory.entry(code) if directory is not None else None, policy)


def reachable_targets(pack: GuidelinePack, policy: Policy | None,
                      directory: MunicipalityDirectory | None) -> list[IntakeTarget]:
    """Every intake the outbox may deliver to: the PC's own (if set up) and the directory's."""
    targets: list[IntakeTarget] = []
    with contextlib.suppress(IntakeNotConfigured):  # the PC's own intake is not set up: directory only
        targets.append(intake_target(pack, policy))
    for entry in directory.municipalities if directory is not None else []:
        if entry.intake is not None and entry.code != pack.municipality.code:
            try:
                targets.append(directory_target(entry.code, entry, policy))
            except (IntakeNotConfigured, MunicipalityNotReachable):
                continue  # unusable (or not allowed from this PC): its notifications wait, said per item
    return targets


class RoutingTransport:
    """Sends each envelope to the intake whose recipient keys it was sealed to.

    Finalising seals a notification to the keys of the child's municipality (:func:`route`); the
    envelope's clear header names those key ids, so the outbox needs no content to find the way.
    One transport per intake, made on first use. The intake's answer carries its own receipt key,
    which the sender checks the receipt against. An envelope no known intake has the keys for (its
    municipality left the directory, or rotated both keys away) stays queued with a clear reason.
    """

    def __init__(self, targets: list[IntakeTarget], make: Callable[[IntakeTarget], Any]) -> None:
        self._targets = list(targets)
        self._make = make
        self._transports: dict[int, Any] = {}
        self._lock = threading.Lock()
        self._aborted = False

    def target_for(self, envelope: bytes) -> IntakeTarget | None:
        """The intake an envelope was sealed for, or None when no intake (or more than one) fits.

        Format 2 names the SHA-256 of each recipient key beside its id: the intake must hold those very
        keys (two municipalities may well both call their key "kommune-2026"). A format 1 envelope names
        ids only; it goes where exactly one intake holds them all, and is never guessed between two.
        """
        from protocol.envelope import inspect

        header = inspect(envelope)
        if not header.key_ids:
            return None
        if header.recipient_key_sha256:
            wanted = set(zip(header.key_ids, header.recipient_key_sha256, strict=True))
            fits = [t for t in self._targets
                    if wanted <= {(k.key_id, hashlib.sha256(k.public_key).hexdigest()) for k in t.recipients}]
        else:
            ids = set(header.key_ids)
            fits = [t for t in self._targets if ids <= {k.key_id for k in t.recipients}]
        # Two directory entries may share one intake (municipalities served together): the same place.
        places = {(t.transport, t.endpoint, t.recipients) for t in fits}
        return fits[0] if len(places) == 1 else None

    def way_of(self, envelope: bytes) -> tuple[object, ...] | None:
        """Which way an envelope goes (its intake's transport and address), None when none fits.

        The sender backs off only the notifications going the way that failed: one municipality's
        intake being down, or asking to wait, must not hold up notifications to the others.
        """
        target = self.target_for(envelope)
        return None if target is None else (target.transport, target.endpoint)

    def _transport(self, index: int) -> Any:
        with self._lock:
            transport = self._transports.get(index)
            if transport is None:
                transport = self._make(self._targets[index])
                self._transports[index] = transport
            return transport

    def deliver(self, notification_id: str, envelope: bytes, *, attempt: int = 1) -> Any:
        from desktop.outbox.failures import AttemptInterrupted, TransientDeliveryError

        target = self.target_for(envelope)
        if target is None:
            # This one notification's problem (scope "item"): it waits, the rest of the queue goes on.
            raise TransientDeliveryError("no intake in the directory has this notification's keys",
                                         message_id="delivery.municipality_not_reachable", scope="item")
        if self._aborted:
            raise AttemptInterrupted("sending has been stopped")
        transport = self._transport(self._targets.index(target))
        result = transport.deliver(notification_id, envelope, attempt=attempt)
        if getattr(result, "receipted", False) and target.receipt_key:
            result = dataclasses.replace(result, receipt_key=target.receipt_key)
        return result

    def abort(self) -> None:
        """End every attempt in flight (lock, quit), and refuse new ones (also on intakes not used yet)."""
        with self._lock:
            self._aborted = True
            transports = list(self._transports.values())
        for transport in transports:
            abort = getattr(transport, "abort", None)
            if abort is not None:
                abort()

    def close(self) -> None:
        """Close every intake's connections."""
        with self._lock:
            transports, self._transports = list(self._transports.values()), {}
        for transport in transports:
            transport.close()
