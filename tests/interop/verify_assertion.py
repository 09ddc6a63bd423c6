#!/usr/bin/env python3
"""Verify a client assertion (JWT) against a certificate's public key.

Usage: verify_assertion.py CERT.pem JWT_FILE

Checks the header names this certificate (x5t#S256 for PS256, x5t for RS256)
and that the signature verifies: PS256 as RSASSA-PSS with SHA-256, MGF1-SHA-256
and a 32-byte salt (what Entra ID expects); RS256 as PKCS#1 v1.5 with SHA-256.
Exits 0 on success, otherwise prints the reason to stderr and exits 1.
"""
import base64
import json
import sys

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding


def fail(message):
    print(f"verify_assertion.py: {message}", file=sys.stderr)
    sys.exit(1)


def b64url(data):
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


def b64url_encode(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def main(argv):
    if len(argv) != 3:
        fail("usage: verify_assertion.py CERT.pem JWT_FILE")
    with open(argv[1], "rb") as f:
        cert = x509.load_pem_x509_certificate(f.read())
    with open(argv[2], encoding="ascii") as f:
        jwt = f.read().strip()
    parts = jwt.split(".")
    if len(parts) != 3:
        fail(f"expected 3 dot-separated parts, found {len(parts)}")
    header = json.loads(b64url(parts[0]))
    claims = json.loads(b64url(parts[1]))
    signature = b64url(parts[2])
    signed = f"{parts[0]}.{parts[1]}".encode("ascii")

    alg = header.get("alg")
    if alg == "PS256":
        expected = b64url_encode(cert.fingerprint(hashes.SHA256()))
        if header.get("x5t#S256") != expected:
            fail("header x5t#S256 does not match the certificate")
        pad = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
    elif alg == "RS256":
        expected = b64url_encode(cert.fingerprint(hashes.SHA1()))
        if header.get("x5t") != expected:
            fail("header x5t does not match the certificate")
        pad = padding.PKCS1v15()
    else:
        fail(f"unsupported alg {alg!r}")
    if header.get("typ") != "JWT":
        fail(f"typ is {header.get('typ')!r}, expected 'JWT'")
    if not 0 < claims["exp"] - claims["iat"] <= 600:
        fail("exp is not within ten minutes after iat")

    try:
        cert.public_key().verify(signature, signed, pad, hashes.SHA256())
    except InvalidSignature:
        fail(f"{alg} signature does not verify")
    print(f"verify_assertion.py: OK {alg}")


if __name__ == "__main__":
    main(sys.argv)
