"""Verification codes: an HMAC-SHA256 of everything a certificate states, under the store's
secret, written in the join-code alphabet (12 characters, about 55 bits). Pure."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import astuple, dataclass

from kit.store.ids import CODE_ALPHABET

CODE_CHARS = 12


@dataclass(frozen=True)
class Details:
    """What a certificate states. Every field is covered by its code."""

    workshop_code: str
    name: str
    staff_id: str
    module: int
    module_title: str
    issued_on: str
    band: str


def sign(secret: str, details: Details, nonce: str) -> str:
    """The verification code: 12 characters of the join-code alphabet."""
    message = "\x1f".join(map(str, (*astuple(details), nonce))).encode("utf-8")
    number = int.from_bytes(hmac.new(secret.encode(), message, hashlib.sha256).digest(), "big")
    chars = []
    for _ in range(CODE_CHARS):
        number, digit = divmod(number, len(CODE_ALPHABET))
        chars.append(CODE_ALPHABET[digit])
    return "".join(chars)


def shown(code: str) -> str:
    """``ACDEFGHJKMNP`` → ``ACDE-FGHJ-KMNP``: easy to read aloud and to type."""
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))
