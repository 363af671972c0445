"""API keys: ``fmk_<key id>_<secret>``. Only sha256(secret) is stored; compared in constant time.

The secret is 32 random bytes, so a plain hash is as strong as a slow one here: there is
nothing to brute-force. The key id makes lookup an index probe instead of a scan.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass

PREFIX = "fmk_"


@dataclass(frozen=True)
class NewKey:
    id: uuid.UUID
    key: str
    secret_hash: str


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_key() -> NewKey:
    key_id = uuid.uuid4()
    secret = secrets.token_urlsafe(32)
    return NewKey(key_id, f"{PREFIX}{key_id.hex}_{secret}", hash_secret(secret))


def parse_key(key: str) -> tuple[uuid.UUID, str] | None:
    """(key id, secret) of a well-formed key, else None."""
    if not key.startswith(PREFIX):
        return None
    key_hex, sep, secret = key[len(PREFIX) :].partition("_")
    if not sep or not secret:
        return None
    try:
        return uuid.UUID(hex=key_hex), secret
    except ValueError:
        return None


def secret_matches(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(secret), stored_hash)
