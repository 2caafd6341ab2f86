"""Join codes, instructor keys and participant tokens."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata

#: No 0/O, 1/I/L, 2/Z, 5/S, 8/B: easy to read off a projector and to type on a phone.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 5


def new_code(length: int = CODE_LENGTH) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(text: str) -> str:
    """Accept wrong case, spaces, dashes and full-width letters: `` ab-c d`` → ``ABCD``."""
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in text.upper() if ch.isalnum())


def new_key() -> str:
    """An instructor key: 16 easy characters (about 74 bits) in groups of four."""
    raw = new_code(16)
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def new_token() -> str:
    """A participant token: 128 random bits, URL-safe."""
    return secrets.token_urlsafe(16)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def key_digest(key: str) -> str:
    return digest(normalise_code(key))


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
