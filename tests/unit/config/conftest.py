"""Fixtures for the config tests: policy files and a real test CA certificate."""

from __future__ import annotations

import datetime as dt
import http.server
import ipaddress
import json
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def _self_signed_ca_pem() -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test Kommune CA")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM)


@pytest.fixture
def write_policy(tmp_path: Path) -> Callable[..., Path]:
    """Write a policy file (a dict as JSON, or raw text) and return its path."""

    def write(content: Any, name: str = "policy.json") -> Path:
        path = tmp_path / "policy" / name
        path.parent.mkdir(exist_ok=True)
        text = content if isinstance(content, str) else json.dumps(content, indent=2)
        path.write_text(text, "utf-8")
        return path

    return write


@pytest.fixture
def ca_pem_file(tmp_path: Path) -> Path:
    """A real self-signed CA certificate in PEM, beside the policy file."""
    folder = tmp_path / "policy"
    folder.mkdir(exist_ok=True)
    path = folder / "kommune-ca.pem"
    path.write_bytes(_self_signed_ca_pem())
    return path


# --- guideline packs ------------------------------------------------------------------------------

def _text(da: str, en: str) -> dict[str, str]:
    return {"da": da, "en": en}


def make_pack_yaml(pack_id: str = "demo-kommune", version: str = "2026.1", *, note: str = "") -> bytes:
    """A small, valid guideline pack (the domain's schema), as the municipality would publish it."""
    import yaml

    doc = {
        "schema_version": 1,
        "id": pack_id,
        "version": version,
        "name": _text(f"Vejledning {pack_id} {note}".strip(), f"Guidance {pack_id} {note}".strip()),
        "municipality": {"name": "Demo Kommune", "code": "999"},
        "age_bands": [{"id": band, "label": _text(band, band)}
                      for band in ("unborn", "0-2", "3-5", "6-12", "13-17")],
        "contacts": [{"id": "police", "kind": "police", "name": _text("Politi", "Police"),
                      "phone": "112", "acute": True}],
        "scale": {"id": "scale", "name": _text("Skala", "Scale"),
                  "levels": [{"id": "low", "label": _text("Lav", "Low"), "description": _text("Lav", "Low"),
                              "colour": "#00aa00"},
                             {"id": "high", "label": _text("Høj", "High"),
                              "description": _text("Høj", "High"), "colour": "#aa0000"}]},
        "categories": [{"id": "neglect", "label": _text("Omsorgssvigt", "Neglect")}],
        "signals": [{"id": "neglect.hungry", "category": "neglect", "age_bands": ["3-5", "6-12"],
                     "weight": 2, "label": _text("Sulten", "Hungry"),
                     "help": _text("Kommer ofte sulten", "Often arrives hungry")}],
    }
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")


@pytest.fixture
def pack_yaml() -> Callable[..., bytes]:
    """Build a valid pack's bytes: ``pack_yaml(pack_id=..., version=..., note=...)``."""
    return make_pack_yaml


@pytest.fixture
def signing_key(tmp_path: Path) -> Any:
    """The municipality's pack signing key pair (real Ed25519 key files)."""
    from desktop.config.pack_signing import generate_key_pair, load_signing_key

    private, _ = generate_key_pair("kommune-2026", tmp_path / "keys")
    return load_signing_key(private)


@pytest.fixture
def other_key(tmp_path: Path) -> Any:
    """A second key the policy does not trust (an attacker's, or an old one)."""
    from desktop.config.pack_signing import generate_key_pair, load_signing_key

    private, _ = generate_key_pair("someone-else", tmp_path / "otherkeys")
    return load_signing_key(private)


# --- a real HTTPS server on 127.0.0.1 with a test CA ----------------------------------------------

@dataclass
class TestCA:
    """A throwaway certificate authority and a server certificate for 127.0.0.1."""

    ca_pem: bytes
    server_cert_pem: bytes
    server_key_pem: bytes

    def client_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(cadata=self.ca_pem.decode("ascii"))
        return context


def _make_test_ca() -> TestCA:
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Underret Test CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=7))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False,
                                     key_encipherment=False, data_encipherment=False, key_agreement=False,
                                     key_cert_sign=True, crl_sign=True, encipher_only=False,
                                     decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name).public_key(server_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=7))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                       critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    return TestCA(
        ca_pem=ca_cert.public_bytes(serialization.Encoding.PEM),
        server_cert_pem=server_cert.public_bytes(serialization.Encoding.PEM),
        server_key_pem=server_key.private_bytes(serialization.Encoding.PEM,
                                                serialization.PrivateFormat.PKCS8,
                                                serialization.NoEncryption()),
    )


@pytest.fixture(scope="session")
def test_ca() -> TestCA:
    return _make_test_ca()


@dataclass
class PackServer:
    """An HTTPS static file server on 127.0.0.1 serving ``folder``."""

    folder: Path
    url: str


@pytest.fixture
def https_pack_server(tmp_path: Path, test_ca: TestCA) -> Iterator[PackServer]:
    """A real TLS server (test CA) publishing the files in a folder, like a municipal web server."""
    folder = tmp_path / "published"
    folder.mkdir()
    cert_dir = tmp_path / "server-cert"
    cert_dir.mkdir()
    (cert_dir / "cert.pem").write_bytes(test_ca.server_cert_pem)
    (cert_dir / "key.pem").write_bytes(test_ca.server_key_pem)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(cert_dir / "cert.pem", cert_dir / "key.pem")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        (folder / "packs").mkdir()
        yield PackServer(folder / "packs", f"https://127.0.0.1:{server.server_address[1]}/packs/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
