from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.calendar_source import CalendarSource, check_calendar_source

T = TypeVar("T", bound="Calendar")


@_attrs_define
class Calendar:
    """The calendar in force for a year: ``holidays`` are weekday rest days, ``workdays``
    weekend days worked.

        Attributes:
            holidays (list[datetime.date]):
            source (CalendarSource):
            workdays (list[datetime.date]):
            year (int):
    """

    holidays: list[datetime.date]
    source: CalendarSource
    workdays: list[datetime.date]
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        holidays = []
        for holidays_item_data in self.holidays:
            holidays_item = holidays_item_data.isoformat()
            holidays.append(holidays_item)

        source: str = self.source

        workdays = []
        for workdays_item_data in self.workdays:
            workdays_item = workdays_item_data.isoformat()
            workdays.append(workdays_item)

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "holidays": holidays,
                "source": source,
                "workdays": workdays,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        holidays = []
        _holidays = d.pop("holidays")
        for holidays_item_data in _holidays:
            holidays_item = datetime.date.fromisoformat(holidays_item_data)

            holidays.append(holidays_item)

        source = check_calendar_source(d.pop("source"))

        workdays = []
        _workdays = d.pop("workdays")
        for workdays_item_data in _workdays:
            workdays_item = datetime.date.fromisoformat(workdays_item_data)

            workdays.append(workdays_item)

        year = d.pop("year")

        calendar = cls(
            holidays=holidays,
            source=source,
            workdays=workdays,
            year=year,
        )

        calendar.additional_properties = d
        return calendar

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
