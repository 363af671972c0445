from tests.guarantee.helpers import chain, registered
from tests.support.api import Api


async def test_register(api: Api) -> None:
    c = await chain(api)
    e = await registered(api, c)
    assert e["shares_fen"] == {
        "bank": 20_000_000,
        "guarantor": 40_000_000,
        "provincial": 20_000_000,
        "national": 20_000_000,
    }
