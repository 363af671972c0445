"""openapi/ is the committed machine form of the contract; it must equal what the code serves."""

from pathlib import Path

from deploy.openapi_gen import check, specs

OPENAPI = Path(__file__).resolve().parents[2] / "openapi"


def test_committed_openapi_matches_the_code() -> None:
    assert check(OPENAPI) == [], "run `make openapi` and commit the result"


def test_gateway_contract_has_no_internal_operations() -> None:
    gateway = specs()["gateway"]
    assert not [path for path in gateway["paths"] if path.startswith("/internal")]
    assert "/v1/orgs" in gateway["paths"]
