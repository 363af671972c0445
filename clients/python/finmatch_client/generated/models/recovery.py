from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Recovery")


@_attrs_define
class Recovery:
    """
    Attributes:
        amount_fen (int): Amount, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        recovered_on (datetime.date):
    """

    amount_fen: int
    recovered_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        amount_fen = self.amount_fen

        recovered_on = self.recovered_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_fen": amount_fen,
                "recovered_on": recovered_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount_fen = d.pop("amount_fen")

        recovered_on = datetime.date.fromisoformat(d.pop("recovered_on"))

        recovery = cls(
            amount_fen=amount_fen,
            recovered_on=recovered_on,
        )

        return recovery
