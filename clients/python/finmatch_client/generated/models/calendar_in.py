from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CalendarIn")


@_attrs_define
class CalendarIn:
    """A 国务院办公厅 holiday notice: the rest days and the make-up working days (调休) it sets.

    Attributes:
        holidays (list[datetime.date]):
        workdays (list[datetime.date] | Unset):
    """

    holidays: list[datetime.date]
    workdays: list[datetime.date] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        holidays = []
        for holidays_item_data in self.holidays:
            holidays_item = holidays_item_data.isoformat()
            holidays.append(holidays_item)

        workdays: list[str] | Unset = UNSET
        if not isinstance(self.workdays, Unset):
            workdays = []
            for workdays_item_data in self.workdays:
                workdays_item = workdays_item_data.isoformat()
                workdays.append(workdays_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "holidays": holidays,
            }
        )
        if workdays is not UNSET:
            field_dict["workdays"] = workdays

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        holidays = []
        _holidays = d.pop("holidays")
        for holidays_item_data in _holidays:
            holidays_item = datetime.date.fromisoformat(holidays_item_data)

            holidays.append(holidays_item)

        _workdays = d.pop("workdays", UNSET)
        workdays: list[datetime.date] | Unset = UNSET
        if _workdays is not UNSET:
            workdays = []
            for workdays_item_data in _workdays:
                workdays_item = datetime.date.fromisoformat(workdays_item_data)

                workdays.append(workdays_item)

        calendar_in = cls(
            holidays=holidays,
            workdays=workdays,
        )

        return calendar_in
