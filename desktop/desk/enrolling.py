"""Enrolling the desk at its intake: with IT's one-time token, or a certificate from the desk CA.

The credential the intake gives, and its receipt key, are kept in the vault; a certificate's private
key signs the enrolment request and is not kept.
"""

from __future__ import annotations

from datetime import UTC

from desktop.desk.core import DeskCore, DeskNotSetUp
from desktop.desk.inbox_client import Enrolment, InboxClient


class Enrolling(DeskCore):
    """Enrolment (part of the desk's service)."""

    def enrol(self, url: str, token: str, *, ca_pem: str | None, name: str) -> None:
        """Enrol this desk with IT's token; the credential and the intake's receipt key go in the vault."""
        client = InboxClient(url, ca_pem=ca_pem)
        try:
            enrolment = client.enrol_with_token(token, name)
        finally:
            client.close()
        self._keep_enrolment(url, ca_pem, enrolment)

    def enrol_with_certificate(self, url: str, certificate_pem: str, key_pem: bytes, *, ca_pem: str | None,
                               name: str) -> None:
        """Enrol with a desk certificate the municipality's desk CA issued (its key signs the request;
        the key is used here and not kept)."""
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa

        from protocol.inbox import enrolment_message

        try:
            certificate = x509.load_pem_x509_certificate(certificate_pem.encode("ascii"))
            key = serialization.load_pem_private_key(key_pem, password=None)
        except (ValueError, TypeError, UnicodeEncodeError) as exc:
            raise DeskNotSetUp("not a certificate and its private key",
                               message_id="desk.certificate_invalid") from exc
        when = self.now().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        message = enrolment_message(name, when, certificate.public_bytes(serialization.Encoding.DER))
        if isinstance(key, ed25519.Ed25519PrivateKey):
            signature = key.sign(message)
        elif isinstance(key, ec.EllipticCurvePrivateKey):
            signature = key.sign(message, ec.ECDSA(hashes.SHA256()))
        elif isinstance(key, rsa.RSAPrivateKey):
            signature = key.sign(message, padding.PKCS1v15(), hashes.SHA256())
        else:
            raise DeskNotSetUp("the certificate's key type is not supported",
                               message_id="desk.certificate_invalid")
        client = InboxClient(url, ca_pem=ca_pem)
        try:
            enrolment = client.enrol_with_certificate(name, certificate_pem, signature, when)
        finally:
            client.close()
        self._keep_enrolment(url, ca_pem, enrolment)

    def _keep_enrolment(self, url: str, ca_pem: str | None, enrolment: Enrolment) -> None:
        import base64

        with self._locked() as vault:
            vault.settings.set("intake_url", url)
            vault.settings.set("intake_ca_pem", ca_pem or "")
            vault.settings.set("desk_id", enrolment.desk_id)
            vault.settings.set("desk_credential", enrolment.credential)
            vault.settings.set("receipt_public_key", base64.b64encode(enrolment.receipt_public_key).decode())
            vault.audit.record("desk.enrolled", None, enrolment.desk_id)
        self.close()
