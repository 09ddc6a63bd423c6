#!/usr/bin/env python3
"""Check a certificate made by CloudLink with Python `cryptography`.

Usage: check_cert.py CERT.pem CERT.der EXPECTED_SHA1_HEX

Exits 0 when every check passes; otherwise prints what failed to stderr and
exits 1. Shared by the interop tests and the browser end-to-end test, so it
only assumes what every CloudLink certificate must satisfy.
"""
import sys

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID


def fail(message):
    print(f"check_cert.py: {message}", file=sys.stderr)
    sys.exit(1)


def main(argv):
    if len(argv) != 4:
        fail("usage: check_cert.py CERT.pem CERT.der EXPECTED_SHA1_HEX")
    pem_path, der_path, expected_sha1 = argv[1:]
    with open(pem_path, "rb") as f:
        from_pem = x509.load_pem_x509_certificate(f.read())
    with open(der_path, "rb") as f:
        from_der = x509.load_der_x509_certificate(f.read())
    if from_pem != from_der:
        fail("the PEM and the DER hold different certificates")
    cert = from_der

    sha1 = cert.fingerprint(hashes.SHA1()).hex().upper()
    if sha1 != expected_sha1.upper():
        fail(f"SHA-1 thumbprint is {sha1}, expected {expected_sha1}")
    if cert.version != x509.Version.v3:
        fail(f"version is {cert.version}, expected v3")
    if cert.issuer != cert.subject:
        fail("issuer differs from subject; the certificate is not self-issued")
    if not 0 < cert.serial_number < 2 ** 159:
        fail(f"serial {cert.serial_number} is not positive or longer than 20 bytes")
    if not isinstance(cert.signature_hash_algorithm, hashes.SHA256):
        fail(f"signature hash is {cert.signature_hash_algorithm}, expected SHA-256")

    key = cert.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        if key.key_size < 2048:
            fail(f"RSA key has {key.key_size} bits, fewer than 2048")
    elif not (isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name == "secp256r1"):
        fail(f"unexpected public key type {type(key).__name__}")

    try:
        cert.verify_directly_issued_by(cert)
    except InvalidSignature:
        fail("the self-signature does not verify")
    except ValueError as e:
        fail(f"the certificate is not directly issued by itself: {e}")

    ext = cert.extensions
    bc = ext.get_extension_for_class(x509.BasicConstraints)
    if bc.value.ca:
        fail("basicConstraints says CA:TRUE")
    ku = ext.get_extension_for_class(x509.KeyUsage)
    if not (ku.critical and ku.value.digital_signature):
        fail("keyUsage must be critical and include digitalSignature")
    if ku.value.key_cert_sign or ku.value.key_encipherment:
        fail("keyUsage allows more than digitalSignature")
    eku = ext.get_extension_for_class(x509.ExtendedKeyUsage)
    if list(eku.value) != [ExtendedKeyUsageOID.CLIENT_AUTH]:
        fail(f"extendedKeyUsage is {list(eku.value)}, expected clientAuth only")
    ski = ext.get_extension_for_class(x509.SubjectKeyIdentifier)
    if ski.value != x509.SubjectKeyIdentifier.from_public_key(key):
        fail("subjectKeyIdentifier is not the SHA-1 of the public key")

    print(f"check_cert.py: OK {cert.subject.rfc4514_string()} {sha1}")


if __name__ == "__main__":
    main(sys.argv)
