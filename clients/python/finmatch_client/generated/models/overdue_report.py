from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="OverdueReport")


@_attrs_define
class OverdueReport:
    """
    Attributes:
        outstanding_fen (int): Outstanding, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        overdue_on (datetime.date):
    """

    outstanding_fen: int
    overdue_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        outstanding_fen = self.outstanding_fen

        overdue_on = self.overdue_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outstanding_fen": outstanding_fen,
                "overdue_on": overdue_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        outstanding_fen = d.pop("outstanding_fen")

        overdue_on = datetime.date.fromisoformat(d.pop("overdue_on"))

        overdue_report = cls(
            outstanding_fen=outstanding_fen,
            overdue_on=overdue_on,
        )

        return overdue_report
