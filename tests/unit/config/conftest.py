"""Fixtures for the config tests: policy files and a real test CA certificate."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
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
