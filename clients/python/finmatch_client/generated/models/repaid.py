from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Repaid")


@_attrs_define
class Repaid:
    """
    Attributes:
        repaid_on (datetime.date):
    """

    repaid_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        repaid_on = self.repaid_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "repaid_on": repaid_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        repaid_on = datetime.date.fromisoformat(d.pop("repaid_on"))

        repaid = cls(
            repaid_on=repaid_on,
        )

        return repaid
