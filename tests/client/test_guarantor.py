"""A local guarantor with finmatch-client: register an exposure (a generated operation), repay it."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from finmatch_client import ProblemError, unwrap
from finmatch_client.generated.api.exposures import create_exposure
from finmatch_client.generated.models.exposure import Exposure
from finmatch_client.generated.models.exposure_create import ExposureCreate
from finmatch_client.generated.models.repayment import Repayment

from kit.money import yuan
from tests.client.conftest import ClientFor
from tests.support.api import Api, make_uscc
from tests.support.guarantee import chain


def new_exposure(agreement_id: str, principal_fen: int = yuan(1_000_000)) -> ExposureCreate:
    return ExposureCreate(
        agreement_id=uuid.UUID(agreement_id),
        loan_ref=f"L-{uuid.uuid4().hex[:12]}",
        uscc=make_uscc(),
        principal_fen=principal_fen,
        small_micro=True,
        fee_rate_bp=80,
        start_date=dt.date(2026, 1, 10),
        maturity_date=dt.date(2027, 1, 10),
    )


async def test_a_guarantor_registers_and_repays_an_exposure(api: Api, client_for: ClientFor) -> None:
    c = await chain(api)
    guarantor = client_for(c.local.actor)
    exposure = unwrap(await create_exposure.asyncio(client=guarantor.api, body=new_exposure(c.agreement_id)))
    assert isinstance(exposure, Exposure)
    assert (exposure.status, exposure.outstanding_fen) == ("active", yuan(1_000_000))
    path = f"/v1/guarantee/exposures/{exposure.id}/repayments"
    part = Exposure.from_dict(
        await guarantor.post(path, Repayment(yuan(400_000), dt.date(2026, 6, 1)).to_dict())
    )
    assert (part.status, part.outstanding_fen) == ("active", yuan(600_000))
    with pytest.raises(ProblemError) as raised:
        await guarantor.post(path, Repayment(yuan(600_001), dt.date(2026, 7, 1)).to_dict())
    assert raised.value.status == 422 and raised.value.request_id
    rest = Exposure.from_dict(
        await guarantor.post(path, Repayment(yuan(600_000), dt.date(2026, 7, 1)).to_dict())
    )
    assert (rest.status, rest.outstanding_fen) == ("repaid", 0)
    listed = [
        e async for e in guarantor.iter_items("/v1/guarantee/exposures", limit=1, parse=Exposure.from_dict)
    ]
    assert [e.id for e in listed] == [exposure.id]
    assert listed[0].status == "repaid"


async def test_the_same_key_registers_once_and_a_limit_is_a_typed_problem(
    api: Api, client_for: ClientFor
) -> None:
    c = await chain(api, net_assets_fen=yuan(1_000_000))
    guarantor = client_for(c.local.actor)
    body = new_exposure(c.agreement_id, principal_fen=yuan(100_000)).to_dict()
    first = await guarantor.post("/v1/guarantee/exposures", body, idempotency_key="client-key-1")
    again = await guarantor.post("/v1/guarantee/exposures", body, idempotency_key="client-key-1")
    assert first == again
    assert [e["id"] async for e in guarantor.iter_items("/v1/guarantee/exposures")] == [first["id"]]
    with pytest.raises(ProblemError) as raised:
        await create_exposure.asyncio(
            client=guarantor.api, body=new_exposure(c.agreement_id, principal_fen=yuan(500_000))
        )
    problem = raised.value
    assert (problem.status, problem.slug) == (409, "single-client-limit-exceeded")
    assert {"limit_fen", "current_fen", "requested_fen"} <= problem.extra.keys()
