from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Repayment")


@_attrs_define
class Repayment:
    """
    Attributes:
        amount_fen (int): Amount, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        paid_on (datetime.date):
    """

    amount_fen: int
    paid_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        amount_fen = self.amount_fen

        paid_on = self.paid_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_fen": amount_fen,
                "paid_on": paid_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount_fen = d.pop("amount_fen")

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        repayment = cls(
            amount_fen=amount_fen,
            paid_on=paid_on,
        )

        return repayment
