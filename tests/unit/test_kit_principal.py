"""kit.principal: who a verified token may vouch for, given who signed it; the regulator rule."""

import pytest

from kit.credentials import Signer, Verified, generate_signing_key, public_key_text
from kit.principal import (
    Principal,
    credentials_for,
    principal_of,
    role_allowed,
    subject_of,
)
from kit.settings import Settings

BANK = Principal(role="bank", name="兰州银行", org_id="5f0c")
LOAN_MATCH = Principal(role="service", name="loan_match", service="loan_match")


def test_org_principals_come_only_from_the_gateway() -> None:
    assert principal_of(Verified("gateway", subject_of(BANK))) == BANK
    for issuer in ("credit_push", "guarantee", "loan_match", "anyone"):
        assert principal_of(Verified(issuer, subject_of(BANK))) is None


def test_a_service_principal_only_in_its_signers_own_name() -> None:
    assert principal_of(Verified("loan_match", subject_of(LOAN_MATCH))) == LOAN_MATCH
    assert principal_of(Verified("credit_push", subject_of(LOAN_MATCH))) is None
    assert principal_of(Verified("gateway", subject_of(LOAN_MATCH))) is None


def test_a_mixed_or_malformed_subject_is_refused() -> None:
    assert principal_of(Verified("gateway", {**subject_of(BANK), "svc": "loan_match"})) is None
    assert principal_of(Verified("gateway", {**subject_of(BANK), "role": "Admin!"})) is None
    assert principal_of(Verified("gateway", {"name": "x"})) is None
    assert principal_of(Verified("gateway", {**subject_of(BANK), "org": 5})) is None


@pytest.mark.parametrize(
    ("role", "roles", "method", "allowed"),
    [
        ("admin", ("admin",), "POST", True),
        ("regulator", ("admin",), "GET", True),
        ("regulator", ("admin", "bank"), "HEAD", True),
        ("regulator", ("admin",), "POST", False),
        ("regulator", ("admin",), "DELETE", False),
        ("regulator", ("admin",), "PATCH", False),
        ("regulator", ("bank",), "GET", False),  # only where admin may read
        ("regulator", ("regulator",), "POST", True),  # named explicitly by an operation
        ("bank", ("admin",), "GET", False),
    ],
)
def test_a_regulator_reads_wherever_admin_may_and_writes_nowhere(
    role: str, roles: tuple[str, ...], method: str, allowed: bool
) -> None:
    assert role_allowed(role, roles, method) is allowed


def test_credentials_say_what_is_missing_and_refuse_a_bad_key() -> None:
    assert credentials_for("guarantee", Settings()).missing() == "FINMATCH_SIGNING_KEY is not set"
    key = generate_signing_key()
    assert (
        credentials_for("guarantee", Settings(signing_key=key)).missing()
        == "FINMATCH_TRUSTED_KEYS is not set"
    )
    ready = credentials_for(
        "guarantee", Settings(signing_key=key, trusted_keys=f"gateway:{public_key_text(key)}")
    )
    assert ready.missing() is None
    with pytest.raises(RuntimeError, match="FINMATCH_SIGNING_KEY"):
        credentials_for("guarantee", Settings(signing_key="not a key"))
    with pytest.raises(RuntimeError, match="FINMATCH_TRUSTED_KEYS"):
        credentials_for("guarantee", Settings(trusted_keys="gateway"))


def test_vouched_binds_the_call() -> None:
    key = generate_signing_key()
    creds = credentials_for("guarantee", Settings(trusted_keys=f"gateway:{public_key_text(key)}"))
    signer = Signer("gateway", key)
    token = signer.mint(audience="guarantee", method="GET", target="/a?b=1", subject=subject_of(BANK))
    assert creds.vouched(token, "GET", "/a?b=1") == BANK
    assert creds.vouched(token, "GET", "/a?b=2") is None
    assert creds.vouched(token, "POST", "/a?b=1") is None
    assert creds.vouched(None, "GET", "/a?b=1") is None
