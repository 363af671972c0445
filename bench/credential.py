"""The one place that mints what a request straight to a service needs (the gateway's vouching).

A service trusts an ``X-Finmatch-Principal`` token minted by the gateway's Ed25519 key, bound
to audience, method and target (kit.credentials.Signer.mint, 30 s at most): mint with the
gateway's signing key from ``env`` (``FINMATCH_GATEWAY_SIGNING_KEY``, which ``finmatch up`` hands
the gateway). Tokens are minted right before each wrk run, and every run is shorter than a token
lives.
"""

from __future__ import annotations

from collections.abc import Mapping

from kit.credentials import Signer
from kit.principal import GATEWAY, HEADER, Principal, subject_of


def direct_headers(
    env: Mapping[str, str], caller: Principal, *, service: str, method: str, target: str
) -> dict[str, str]:
    """Headers that make ``method target`` at ``service`` act as ``caller``, as the gateway would."""
    signer = Signer(GATEWAY, env["FINMATCH_GATEWAY_SIGNING_KEY"])
    return {HEADER: signer.mint(audience=service, method=method, target=target, subject=subject_of(caller))}
