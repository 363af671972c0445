"""Process credentials: short-lived Ed25519 tokens bound to one audience, method and target.

Each process holds its own signing key and the public keys of the processes it trusts. A token
is a JWS (EdDSA, via PyJWT) whose claims name the issuer (``iss``, the signing process), the
audience (``aud``, the process it is for), the HTTP method (``htm``) and the path with its query
(``htu``), and expire at most :data:`MAX_TTL_S` after issue. This is what a service mesh's
SPIFFE JWT-SVID gives (short life, audience) plus DPoP's binding to the request (RFC 9449: method
and URL inside the proof), so a token captured on one call is worthless on any other call, and a
process that is broken into can sign only in its own name: it holds no other process's key.

Both sides cache: a caller reuses its token for the same call for half its life, and a verifier
remembers the signature checks it already did (the claims are still checked on every request),
so a hot path pays one signature and one verification per call shape, not per request.
"""

from __future__ import annotations

import base64
import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

MAX_TTL_S = 30
ALGORITHM = "EdDSA"
_CACHE_SIZE = 4096


def canonical_target(target: str) -> str:
    """A path and query with percent-escapes decoded, so a proxy's re-encoding (``!`` for ``%21``)
    between the signer and the verifier does not change what the token is bound to."""
    return unquote(target)


def _raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(key: Ed25519PublicKey) -> str:
    """A short stable id of a public key, so a verifier picks the right one during a rotation."""
    return hashlib.sha256(_raw_public(key)).hexdigest()[:16]


def generate_signing_key() -> str:
    """A new private key as the text FINMATCH_SIGNING_KEY takes (base64 of the 32-byte seed)."""
    seed = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return base64.b64encode(seed).decode()


def load_signing_key(text: str) -> Ed25519PrivateKey:
    """Parse FINMATCH_SIGNING_KEY; ValueError with a plain message when it is not a key."""
    try:
        seed = base64.b64decode(text.strip(), validate=True)
        return Ed25519PrivateKey.from_private_bytes(seed)
    except ValueError as exc:
        raise ValueError("a signing key is the base64 of a 32-byte Ed25519 seed") from exc


def public_key_text(signing_key: str) -> str:
    """The base64 public key matching a signing key, as trusted-key lists carry it."""
    return base64.b64encode(_raw_public(load_signing_key(signing_key).public_key())).decode()


def load_public_key(text: str) -> Ed25519PublicKey:
    try:
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(text.strip(), validate=True))
    except ValueError as exc:
        raise ValueError(f"not a base64 Ed25519 public key: {text[:12]}...") from exc


class KeyRing:
    """The public keys a process trusts, by issuer and key id (several per issuer while rotating)."""

    def __init__(self, entries: Iterable[tuple[str, str]] = ()) -> None:
        self._keys: dict[str, tuple[str, Ed25519PublicKey]] = {}
        for issuer, text in entries:
            key = load_public_key(text)
            self._keys[key_id(key)] = (issuer, key)

    @classmethod
    def parse(cls, text: str) -> KeyRing:
        """``issuer:base64key`` entries separated by commas, spaces or new lines."""
        entries: list[tuple[str, str]] = []
        for item in text.replace(",", " ").split():
            issuer, sep, key = item.partition(":")
            if not sep or not issuer or not key:
                raise ValueError(f"a trusted key is written issuer:base64key, not {item[:20]!r}")
            entries.append((issuer, key))
        return cls(entries)

    def lookup(self, kid: str) -> tuple[str, Ed25519PublicKey] | None:
        return self._keys.get(kid)

    def issuers(self) -> set[str]:
        return {issuer for issuer, _ in self._keys.values()}


@dataclass(frozen=True)
class Verified:
    issuer: str
    subject: Mapping[str, Any]


class _Lru:
    def __init__(self) -> None:
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Any, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > _CACHE_SIZE:
                self._items.popitem(last=False)


class Signer:
    """Mints this process's tokens."""

    def __init__(self, issuer: str, signing_key: str, *, ttl_s: int = MAX_TTL_S) -> None:
        if not 0 < ttl_s <= MAX_TTL_S:
            raise ValueError(f"a token lives at most {MAX_TTL_S} s")
        self.issuer = issuer
        self._key = load_signing_key(signing_key)
        self._kid = key_id(self._key.public_key())
        self._ttl_s = ttl_s
        self._cache = _Lru()

    def mint(self, *, audience: str, method: str, target: str, subject: Mapping[str, Any]) -> str:
        """A token for exactly one call: ``method`` on ``target`` (path and query) at ``audience``."""
        now = int(time.time())
        cache_key = (audience, method.upper(), target, tuple(sorted(subject.items())))
        cached: tuple[str, int] | None = self._cache.get(cache_key)
        if cached is not None and cached[1] - now > self._ttl_s // 2:
            return cached[0]
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "aud": audience,
            "htm": method.upper(),
            "htu": canonical_target(target),
        }
        claims |= {"iat": now, "exp": now + self._ttl_s, "who": dict(subject)}
        token = jwt.encode(claims, self._key, algorithm=ALGORITHM, headers={"kid": self._kid})
        self._cache.put(cache_key, (token, now + self._ttl_s))
        return token


class Verifier:
    """Checks tokens presented to this process (``audience``)."""

    def __init__(self, audience: str, keys: KeyRing) -> None:
        self.audience = audience
        self.keys = keys
        self._checked = _Lru()

    def verify(self, token: str, *, method: str, target: str, now: float | None = None) -> Verified | None:
        """The issuer and subject, or None for a forged, expired, misdirected or replayed-elsewhere token."""
        claims = self._signed_claims(token)
        if claims is None:
            return None
        moment = time.time() if now is None else now
        try:
            fresh = int(claims["iat"]) - 5 <= moment <= int(claims["exp"])
            short = int(claims["exp"]) - int(claims["iat"]) <= MAX_TTL_S
            called = (self.audience, method.upper(), canonical_target(target))
            bound = (claims["aud"], claims["htm"], canonical_target(str(claims["htu"]))) == called
            subject = claims["who"]
        except (KeyError, TypeError, ValueError):
            return None
        if not (fresh and short and bound and isinstance(subject, dict)):
            return None
        return Verified(issuer=str(claims["iss"]), subject=subject)

    def _signed_claims(self, token: str) -> dict[str, Any] | None:
        cached: dict[str, Any] | None = self._checked.get(token)
        if cached is not None:
            return cached
        claims = self._decode(token)
        if claims is not None:
            self._checked.put(token, claims)
        return claims

    def _decode(self, token: str) -> dict[str, Any] | None:
        try:
            kid = jwt.get_unverified_header(token).get("kid")
            found = self.keys.lookup(str(kid))
            if found is None:
                return None
            issuer, key = found
            # Expiry and audience are checked by verify() on every use, cached or not.
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                options={"verify_exp": False, "verify_aud": False, "verify_iat": False},
            )
        except jwt.PyJWTError:
            return None
        # The key decides who signed: a claim naming another issuer is a forgery.
        return claims if claims.get("iss") == issuer else None
