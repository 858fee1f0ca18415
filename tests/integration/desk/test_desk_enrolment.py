"""A desk enrols once: with IT's one-time token, or with a certificate from the municipality's desk CA."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from desktop.desk.inbox_client import InboxRefused
from desktop.desk.service import DeskNotSetUp, DeskService
from desktop.desk.store.vault import DeskVault
from desktop.store.keys import new_vault_key
from intake import keys as intake_keys
from intake.server import BackgroundIntake
from intake.settings import IntakeSettings
from intake.tls import CertificateAuthority
from tests.support.roundtrip import Municipality


def _desk_certificate(ca: CertificateAuthority) -> tuple[str, bytes]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    certificate = (x509.CertificateBuilder()
                   .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Modtagelsen 3")]))
                   .issuer_name(ca.certificate.subject).public_key(key.public_key())
                   .serial_number(x509.random_serial_number())
                   .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=30))
                   .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
                   .sign(ca._key, hashes.SHA256()))
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return certificate.public_bytes(serialization.Encoding.PEM).decode(), key_pem


def test_a_desk_enrols_with_a_certificate_from_the_desk_ca_and_then_fetches(
        tmp_path: Path, municipality: Municipality) -> None:
    desk_ca = CertificateAuthority("Ærø Kommune desk CA")
    (tmp_path / "desk-ca.crt").write_bytes(desk_ca.cert_pem)
    signing = intake_keys.load_receipt_signing_key(municipality.key_files.receipt_private)
    with BackgroundIntake(str(tmp_path / "intake.sqlite"), signing, cert_file=municipality.cert_file,
                          key_file=municipality.key_file,
                          settings=IntakeSettings.for_demo(desk_ca=tmp_path / "desk-ca.crt")) as intake:
        vault = DeskVault.open(tmp_path / "desk.db", bytes(new_vault_key()), create=True)
        service = DeskService(vault)
        try:
            other_ca = CertificateAuthority("Somebody else's CA")
            foreign_certificate, foreign_key = _desk_certificate(other_ca)
            with pytest.raises(InboxRefused):
                service.enrol_with_certificate(intake.url, foreign_certificate, foreign_key,
                                               ca_pem=municipality.ca_pem.decode(), name="MK")
            with pytest.raises(DeskNotSetUp):
                service.enrol_with_certificate(intake.url, "not a certificate", b"nor a key",
                                               ca_pem=municipality.ca_pem.decode(), name="MK")
            certificate, key = _desk_certificate(desk_ca)
            service.enrol_with_certificate(intake.url, certificate, key, ca_pem=municipality.ca_pem.decode(),
                                           name="MK")
            assert service.is_enrolled()
            assert service.sync().new == 0  # enrolled: the intake answers this desk
            assert key not in (tmp_path / "desk.db").read_bytes()  # the certificate's key is not kept
        finally:
            service.close()
            vault.close()
