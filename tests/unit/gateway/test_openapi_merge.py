"""gateway.openapi_merge: one public contract from the gateway and the services."""

from gateway.openapi_merge import merge


def test_merge_keeps_public_operations_and_renames_clashing_schemas() -> None:
    gateway = {
        "openapi": "3.1.0",
        "paths": {"/v1/me": {}},
        "components": {"schemas": {"Page": {"type": "object"}}},
    }
    service = {
        "paths": {
            "/v1/credit/feed": {"get": {"$ref": "#/components/schemas/Page"}},
            "/internal/credit/ratings/{uscc}": {},
            "/healthz": {},
        },
        "components": {"schemas": {"Page": {"type": "array"}}},
    }
    merged = merge(gateway, {"credit_push": service})
    assert set(merged["paths"]) == {"/v1/me", "/v1/credit/feed"}
    assert merged["paths"]["/v1/credit/feed"]["get"]["$ref"] == "#/components/schemas/CreditPushPage"
    assert merged["components"]["schemas"]["Page"] == {"type": "object"}
    assert merged["security"] == [{"apiKey": []}]
