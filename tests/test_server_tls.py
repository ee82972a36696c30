"""TLS: the server serves HTTPS with a certificate and key; the terminal's client verifies the certificate."""

from __future__ import annotations

import ipaddress
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from server_fixtures import ServerProcess

from sync.client import ProtocolError, ServerClient


def self_signed(directory) -> tuple:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "memberdesk test server")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


def test_https_with_a_verified_certificate_and_refused_without(db_url, tmp_path):
    cert, key = self_signed(tmp_path)
    proc = ServerProcess(db_url, tmp_path, tls=(cert, key)).start()
    try:
        assert proc.base_url.startswith("https://")
        trusted = ServerClient(proc.base_url, verify=str(cert))
        assert trusted.health()["status"] == "ok"
        untrusted = ServerClient(proc.base_url)  # the system's CAs do not know this certificate
        with pytest.raises(ProtocolError) as err:
            untrusted.health()
        assert err.value.code == "tls"
    finally:
        proc.close()
