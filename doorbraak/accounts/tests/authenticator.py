"""A software security key for the tests: a real EC P-256 key pair that answers WebAuthn challenges as an
authenticator does (attestation "none" at registration, an ECDSA signature over authenticatorData and the hash of
clientDataJSON at sign-in), so py_webauthn checks real cryptography."""

import hashlib
import json
import os
import struct

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url

UP, UV, AT = 0x01, 0x04, 0x40


class SoftKey:
    def __init__(self, rp_id: str = "testserver", origin: str = "http://testserver"):
        self.rp_id, self.origin = rp_id, origin
        self.private_key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(32)
        self.sign_count = 0

    def _cose_public_key(self) -> bytes:
        numbers = self.private_key.public_key().public_numbers()
        return cbor2.dumps({1: 2, 3: -7, -1: 1, -2: numbers.x.to_bytes(32, "big"), -3: numbers.y.to_bytes(32, "big")})

    def _client_data(self, kind: str, challenge: str, origin: str | None) -> bytes:
        data = {"type": kind, "challenge": challenge, "origin": origin or self.origin, "crossOrigin": False}
        return json.dumps(data).encode()

    def _auth_data(self, flags: int, extra: bytes = b"") -> bytes:
        return (
            hashlib.sha256(self.rp_id.encode()).digest() + bytes([flags]) + struct.pack(">I", self.sign_count) + extra
        )

    def register(self, options: dict, *, origin: str | None = None) -> str:
        """The JSON the page puts in the form after ``navigator.credentials.create(options)``."""
        attested = bytes(16) + struct.pack(">H", len(self.credential_id)) + self.credential_id + self._cose_public_key()
        auth_data = self._auth_data(UP | UV | AT, attested)
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})
        cid = bytes_to_base64url(self.credential_id)
        client_data = self._client_data("webauthn.create", options["challenge"], origin)
        response = {
            "clientDataJSON": bytes_to_base64url(client_data),
            "attestationObject": bytes_to_base64url(attestation),
            "transports": ["usb"],
        }
        return json.dumps({"id": cid, "rawId": cid, "type": "public-key", "response": response})

    def sign(self, options: dict, *, origin: str | None = None, sign_count: int | None = None) -> str:
        """The JSON after ``navigator.credentials.get(options)``; the counter goes up by one unless given."""
        self.sign_count = self.sign_count + 1 if sign_count is None else sign_count
        assert any(base64url_to_bytes(c["id"]) == self.credential_id for c in options.get("allowCredentials", []))
        auth_data = self._auth_data(UP | UV)
        client_data = self._client_data("webauthn.get", options["challenge"], origin)
        signature = self.private_key.sign(auth_data + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256()))
        cid = bytes_to_base64url(self.credential_id)
        response = {
            "clientDataJSON": bytes_to_base64url(client_data),
            "authenticatorData": bytes_to_base64url(auth_data),
            "signature": bytes_to_base64url(signature),
        }
        return json.dumps({"id": cid, "rawId": cid, "type": "public-key", "response": response})
