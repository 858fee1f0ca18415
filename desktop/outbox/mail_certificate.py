"""Is the municipality's mailbox certificate fit to encrypt a notification to? Checked before every use.

A certificate IT names in the policy can still be the wrong one: issued by
nobody IT trusts, for another address, for signing only, not valid yet,
expired, or revoked since. Encrypting to it would reach a mailbox the
municipality cannot read. So before a mail is built the certificate is
validated with a well-kept library (``pyhanko-certvalidator``), never by hand:

* a path to one of the CA certificates in the policy's bundle
  (``secure_email_ca_pem_file``), every certificate on it within its dates;
* key usage *key encipherment* and extended key usage *e-mail protection*;
* the policy's ``secure_email_to`` among its e-mail addresses (subject
  alternative name, or the subject's e-mail address);
* revocation: the CRLs (and OCSP responders) the certificates name, fetched
  over HTTP (through the policy's proxy, if any). When that information cannot
  be had, ``secure_email_revocation`` decides: ``"refuse"`` (the default:
  nothing is sent, the notification waits) or ``"warn"`` (it is sent, and the
  person and IT are told it was not checked).

A verdict is kept for :data:`VERDICT_SECONDS` (the cache: a thousand mails
fetch the revocation list once, not a thousand times). Every refusal is a
:class:`~desktop.outbox.failures.TransientDeliveryError` with ``setup=True``:
the notification stays queued until IT has put it right.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from desktop.outbox.failures import TransientDeliveryError

log = logging.getLogger(__name__)

#: How long a verdict on the mailbox certificate holds before it is checked again (revocation included).
VERDICT_SECONDS = 3600.0
#: The longest one fetch of a revocation list or OCSP answer may take.
FETCH_TIMEOUT_S = 10.0

RevocationChoice = Literal["refuse", "warn"]

#: The revocation check could not be made and the policy says send and warn (the item is sent).
UNCHECKED = "delivery.mail_revocation_unchecked"


@dataclass(frozen=True)
class Verdict:
    """The certificate may be used; ``warning`` is set when its revocation could not be checked."""

    warning: str | None = None


def _refused(reason: str, why: str) -> TransientDeliveryError:
    log.warning("secure e-mail: the mailbox certificate is refused (%s)", reason)
    return TransientDeliveryError(f"mailbox certificate refused: {why}", message_id=reason, setup=True)


def addresses_of(certificate: x509.Certificate) -> set[str]:
    """The e-mail addresses a certificate is for (lower case): its SAN rfc822 names and subject e-mail."""
    found: set[str] = set()
    try:
        san = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        found |= {str(name).lower() for name in san.get_values_for_type(x509.RFC822Name)}
    except x509.ExtensionNotFound:
        pass
    found |= {str(attribute.value).lower()
              for attribute in certificate.subject.get_attributes_for_oid(NameOID.EMAIL_ADDRESS)}
    return found


class MailboxCertificateCheck:
    """Validates one mailbox certificate for one address against one CA bundle; thread-safe, cached."""

    def __init__(self, certificate: x509.Certificate, mailbox: str, ca_pem: bytes,
                 revocation: RevocationChoice = "refuse", *, proxy: str | None = None) -> None:
        self._certificate = certificate
        self._mailbox = mailbox.lower()
        self._roots = x509.load_pem_x509_certificates(ca_pem)
        self._revocation: RevocationChoice = revocation
        self._proxy = proxy if proxy and proxy.startswith("http://") else None
        self._lock = threading.Lock()
        self._verdict: tuple[float, Verdict | TransientDeliveryError] | None = None

    def check(self, now: datetime | None = None, *, time_left: float | None = None) -> Verdict:
        """The verdict (cached); raises the refusal (``TransientDeliveryError``, ``setup=True``)."""
        with self._lock:
            if self._verdict is not None and time.monotonic() - self._verdict[0] < VERDICT_SECONDS:
                verdict = self._verdict[1]
            else:
                verdict = self._validate(now or datetime.now(UTC), time_left)
                # A list that could not be fetched may be there at the next try: not kept.
                unknown = isinstance(verdict, TransientDeliveryError) and \
                    verdict.message_id == "delivery.mail_revocation_unknown"
                self._verdict = None if unknown else (time.monotonic(), verdict)
        if isinstance(verdict, TransientDeliveryError):
            raise verdict
        return verdict

    def _validate(self, now: datetime, time_left: float | None) -> Verdict | TransientDeliveryError:
        # Cheap checks of our own first: they name the problem precisely, and need no network.
        if self._mailbox not in addresses_of(self._certificate):
            return _refused("delivery.mail_certificate_wrong_address", "not issued for the mailbox address")
        if now < self._certificate.not_valid_before_utc:
            return _refused("delivery.mail_certificate_not_yet_valid", "not valid yet")
        if now > self._certificate.not_valid_after_utc:
            return _refused("delivery.mail_certificate_expired", "expired")
        if self._certificate.issuer == self._certificate.subject:
            # Not issued by a CA at all (the library would call this a usage problem; it is one of trust).
            return _refused("delivery.mail_certificate_untrusted", "self-signed")
        try:
            return asyncio.run(self._path_and_revocation(now, time_left))
        except TransientDeliveryError as refusal:
            return refusal

    async def _path_and_revocation(self, now: datetime, time_left: float | None) -> Verdict:
        # Imported here: the validator and aiohttp are only needed when a mail is sent.
        import aiohttp
        from asn1crypto import x509 as asn1_x509
        from pyhanko_certvalidator import CertificateValidator, ValidationContext
        from pyhanko_certvalidator.errors import (
            ExpiredError,
            InsufficientRevinfoError,
            InvalidCertificateError,
            NotYetValidError,
            PathBuildingError,
            PathValidationError,
            RevokedError,
        )
        from pyhanko_certvalidator.fetchers.aiohttp_fetchers import AIOHttpFetcherBackend

        def asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
            return asn1_x509.Certificate.load(certificate.public_bytes(Encoding.DER))

        fetch_timeout = FETCH_TIMEOUT_S if time_left is None else max(min(FETCH_TIMEOUT_S, time_left), 0.5)
        session = aiohttp.ClientSession(trust_env=False, proxy=self._proxy,
                                        timeout=aiohttp.ClientTimeout(total=fetch_timeout))
        try:
            context = ValidationContext(
                trust_roots=[asn1(root) for root in self._roots], moment=now, allow_fetching=True,
                revocation_mode="hard-fail" if self._revocation == "refuse" else "soft-fail",
                fetcher_backend=AIOHttpFetcherBackend(session, per_request_timeout=fetch_timeout))
            try:
                validator = CertificateValidator(asn1(self._certificate), validation_context=context)
                await validator.async_validate_usage(  # type: ignore[no-untyped-call]
                    {"key_encipherment"}, {"email_protection"})
            except RevokedError as exc:
                raise _refused("delivery.mail_certificate_revoked", "revoked") from exc
            except InsufficientRevinfoError as exc:
                raise _refused("delivery.mail_revocation_unknown", "revocation could not be checked") from exc
            except NotYetValidError as exc:
                raise _refused("delivery.mail_certificate_not_yet_valid", "a certificate on the path "
                               "is not valid yet") from exc
            except ExpiredError as exc:
                raise _refused("delivery.mail_certificate_expired", "a certificate on the path has "
                               "expired") from exc
            except PathBuildingError as exc:
                raise _refused("delivery.mail_certificate_untrusted", "no path to a trusted CA") from exc
            except InvalidCertificateError as exc:
                raise _refused("delivery.mail_certificate_wrong_usage", "not for encrypting mail") from exc
            except PathValidationError as exc:
                raise _refused("delivery.mail_certificate_untrusted", "the path does not validate") from exc
            if context.soft_fail_exceptions:
                # Sent anyway, as the policy allows (secure_email_revocation = warn): IT should know.
                from desktop.eventlog import warning

                warning(UNCHECKED, policy="secure_email_revocation=warn")
                return Verdict(warning=UNCHECKED)
            return Verdict()
        finally:
            await session.close()
