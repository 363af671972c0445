"""kit.credentials: a token works for exactly one audience, method and target, for at most 30 s."""

from __future__ import annotations

import time

import pytest

from kit.credentials import (
    MAX_TTL_S,
    KeyRing,
    Signer,
    Verified,
    Verifier,
    generate_signing_key,
    public_key_text,
)

GATEWAY_KEY = generate_signing_key()
LOAN_MATCH_KEY = generate_signing_key()
RING = KeyRing([("gateway", public_key_text(GATEWAY_KEY)), ("loan_match", public_key_text(LOAN_MATCH_KEY))])
SUBJECT = {"role": "bank", "org": "o-1", "name": "兰州银行"}


def token(signer_key: str = GATEWAY_KEY, issuer: str = "gateway", **overrides: str) -> str:
    call = {"audience": "credit_push", "method": "GET", "target": "/v1/credit/ratings/X?a=1"} | overrides
    return Signer(issuer, signer_key).mint(subject=SUBJECT, **call)


def check(
    tok: str, *, audience: str = "credit_push", method: str = "GET", target: str = "/v1/credit/ratings/X?a=1"
) -> Verified | None:
    return Verifier(audience, RING).verify(tok, method=method, target=target)


def test_a_token_vouches_for_its_subject_on_its_own_call() -> None:
    verified = check(token())
    assert verified is not None
    assert (verified.issuer, dict(verified.subject)) == ("gateway", SUBJECT)


@pytest.mark.parametrize(
    "where",
    [
        {"audience": "guarantee"},
        {"method": "POST"},
        {"target": "/v1/credit/ratings/Y?a=1"},
        {"target": "/v1/credit/ratings/X?a=2"},
        {"target": "/v1/credit/ratings/X"},
    ],
)
def test_a_token_elsewhere_is_refused(where: dict[str, str]) -> None:
    assert check(token(), **where) is None


def test_forged_expired_and_unknown_keys_are_refused() -> None:
    tok = token()
    head, body, sig = tok.split(".")
    assert check(f"{head}.{body}.{sig[:-4]}AAAA") is None
    assert check("not-a-token") is None
    stranger = generate_signing_key()
    assert check(token(signer_key=stranger)) is None
    later = time.time() + MAX_TTL_S + 1
    assert (
        Verifier("credit_push", RING).verify(tok, method="GET", target="/v1/credit/ratings/X?a=1", now=later)
        is None
    )


def test_a_process_cannot_sign_in_another_issuers_name() -> None:
    # loan_match's key with iss=gateway: the key id says loan_match signed it.
    assert check(token(signer_key=LOAN_MATCH_KEY, issuer="gateway")) is None


def test_lifetime_is_capped_and_keyring_text_parses() -> None:
    with pytest.raises(ValueError):
        Signer("gateway", GATEWAY_KEY, ttl_s=MAX_TTL_S + 1)
    ring = KeyRing.parse(
        f"gateway:{public_key_text(GATEWAY_KEY)}, loan_match:{public_key_text(LOAN_MATCH_KEY)}"
    )
    assert ring.issuers() == {"gateway", "loan_match"}
    with pytest.raises(ValueError):
        KeyRing.parse("gateway-without-key")
