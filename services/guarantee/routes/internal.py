"""Internal operations of guarantee (`/internal/guarantee`), for other processes only."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from kit.openapi_docs import problems
from kit.principal import ServicePrincipal, require_service
from kit.shapes import MAX_FEN
from kit.uscc import USCC
from services.guarantee.routes.common import Repo
from services.guarantee.schemas.capacity import Capacity
from services.guarantee.service import capacity as capacities

router = APIRouter(prefix="/internal/guarantee", tags=["internal"])


@router.get(
    "/capacity",
    responses=problems(s422="validation-error, invalid-capacity-query"),
    dependencies=[Depends(require_service("loan_match"))],
)
async def capacity(
    _: ServicePrincipal,
    repo: Repo,
    bank_org_id: Annotated[str, Query(min_length=1, max_length=100)],
    guaranteed_fen: Annotated[int | None, Query(ge=0)] = None,
    amount_fen: Annotated[int | None, Query(gt=0, le=MAX_FEN)] = None,
    uscc: Annotated[USCC | None, Query()] = None,
    small_micro: Annotated[bool | None, Query()] = None,
) -> Capacity:
    """For loan_match: the bank's local guarantors, by headroom (desc). Either `guaranteed_fen`
    (leverage headroom against that weighted amount) or the loan itself, `amount_fen` (principal),
    `uscc` and `small_micro`: then `sufficient` says whether registering it would pass now."""
    return await capacities.capacity(
        repo,
        bank_org_id,
        guaranteed_fen=guaranteed_fen,
        amount_fen=amount_fen,
        uscc=uscc,
        small_micro=small_micro,
    )
