from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DefaultReport")


@_attrs_define
class DefaultReport:
    """
    Attributes:
        defaulted_on (datetime.date):
    """

    defaulted_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        defaulted_on = self.defaulted_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "defaulted_on": defaulted_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        defaulted_on = datetime.date.fromisoformat(d.pop("defaulted_on"))

        default_report = cls(
            defaulted_on=defaulted_on,
        )

        return default_report
