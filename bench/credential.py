"""The one place that mints what a request straight to a service needs (the gateway's vouching).

Today a service trusts an ``X-Finmatch-Principal`` header HMAC-signed with
FINMATCH_INTERNAL_SECRET (kit.principal.sign). When the platform moves to per-process Ed25519
tokens bound to audience, method and target (kit.credentials.Signer.mint, 30 s at most), only
:func:`direct_headers` changes: mint with the gateway's signing key from ``env`` for
``audience=service``, ``method`` and ``target``. Tokens are minted right before each wrk run,
and every run is shorter than a token lives.
"""

from __future__ import annotations

from collections.abc import Mapping

from kit.principal import HEADER, Principal, sign


def direct_headers(
    env: Mapping[str, str], caller: Principal, *, service: str, method: str, target: str
) -> dict[str, str]:
    """Headers that make ``method target`` at ``service`` act as ``caller``, as the gateway would."""
    del service, method, target  # the HMAC header is bound to none of them; an Ed25519 token is
    return {HEADER: sign(caller, env["FINMATCH_INTERNAL_SECRET"])}
