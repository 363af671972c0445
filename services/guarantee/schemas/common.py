"""What several guarantee bodies share: amounts that move money, one amount per party, a recovery."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, Field, Strict

from kit.shapes import MAX_FEN, StrictBody

# An amount that moves money: above 0. Not kit's PositiveFen (ge=1): the published contract says
# exclusiveMinimum 0 and a refusal reads "greater than 0"; both stay as they were.
AmountFen = Annotated[int, Strict(), Field(gt=0, le=MAX_FEN)]


class Parties(BaseModel):
    """One amount per party of the chain."""

    bank: int
    guarantor: int
    provincial: int
    national: int


Ref = Annotated[str, Field(min_length=1, max_length=100)]
Name = Annotated[str, Field(min_length=1, max_length=200)]


# Money recovered (追偿) after a default, on an exposure or a pool loan (no docstring: the contract has none).
class Recovery(StrictBody):
    amount_fen: AmountFen
    recovered_on: dt.date
