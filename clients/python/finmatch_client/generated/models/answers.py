from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Answers")


@_attrs_define
class Answers:
    """How fast routed banks answer (a route is one demand routed to one bank).

    Attributes:
        accepted (int):
        answered (int): Routes with a decision (accepted or declined).
        answered_in_time (int): Routes decided on or before respond_by.
        answered_in_time_bp (int): answered_in_time ÷ routes that are answered or overdue (10 working days, CONTRACT
            §5).
        declined (int):
        median_answer_minutes (int | None): Minutes from the demand to the bank's first decision (accepted or declined):
            the median (nearest rank).
        need_info (int): Routes where the bank asked for information and has not decided.
        overdue (int): Routes past respond_by with no decision, as of the snapshot day.
        p90_answer_minutes (int | None): Minutes from the demand to the bank's first decision (accepted or declined):
            the 90th percentile (nearest rank).
        routes (int): Demands routed to a bank, counted once per bank.
    """

    accepted: int
    answered: int
    answered_in_time: int
    answered_in_time_bp: int
    declined: int
    median_answer_minutes: int | None
    need_info: int
    overdue: int
    p90_answer_minutes: int | None
    routes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        answered = self.answered

        answered_in_time = self.answered_in_time

        answered_in_time_bp = self.answered_in_time_bp

        declined = self.declined

        median_answer_minutes: int | None
        median_answer_minutes = self.median_answer_minutes

        need_info = self.need_info

        overdue = self.overdue

        p90_answer_minutes: int | None
        p90_answer_minutes = self.p90_answer_minutes

        routes = self.routes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepted": accepted,
                "answered": answered,
                "answered_in_time": answered_in_time,
                "answered_in_time_bp": answered_in_time_bp,
                "declined": declined,
                "median_answer_minutes": median_answer_minutes,
                "need_info": need_info,
                "overdue": overdue,
                "p90_answer_minutes": p90_answer_minutes,
                "routes": routes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        accepted = d.pop("accepted")

        answered = d.pop("answered")

        answered_in_time = d.pop("answered_in_time")

        answered_in_time_bp = d.pop("answered_in_time_bp")

        declined = d.pop("declined")

        def _parse_median_answer_minutes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        median_answer_minutes = _parse_median_answer_minutes(
            d.pop("median_answer_minutes")
        )

        need_info = d.pop("need_info")

        overdue = d.pop("overdue")

        def _parse_p90_answer_minutes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        p90_answer_minutes = _parse_p90_answer_minutes(d.pop("p90_answer_minutes"))

        routes = d.pop("routes")

        answers = cls(
            accepted=accepted,
            answered=answered,
            answered_in_time=answered_in_time,
            answered_in_time_bp=answered_in_time_bp,
            declined=declined,
            median_answer_minutes=median_answer_minutes,
            need_info=need_info,
            overdue=overdue,
            p90_answer_minutes=p90_answer_minutes,
            routes=routes,
        )

        answers.additional_properties = d
        return answers

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
