from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.answers import Answers


T = TypeVar("T", bound="DemandFigures")


@_attrs_define
class DemandFigures:
    """The demand funnel of one 市州 or month, and how fast its routes were answered.

    Attributes:
        accepted (int): Demands some bank accepted.
        answers (Answers): How fast routed banks answer (a route is one demand routed to one bank).
        demands (int):
        overdue (int): Demands with an overdue route.
        responded (int): Demands with any answer, need_info included.
        routed (int): Demands routed to at least one bank.
        queries (int | None | Unset): Match queries (by month only).
    """

    accepted: int
    answers: Answers
    demands: int
    overdue: int
    responded: int
    routed: int
    queries: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        answers = self.answers.to_dict()

        demands = self.demands

        overdue = self.overdue

        responded = self.responded

        routed = self.routed

        queries: int | None | Unset
        if isinstance(self.queries, Unset):
            queries = UNSET
        else:
            queries = self.queries

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepted": accepted,
                "answers": answers,
                "demands": demands,
                "overdue": overdue,
                "responded": responded,
                "routed": routed,
            }
        )
        if queries is not UNSET:
            field_dict["queries"] = queries

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.answers import Answers

        d = dict(src_dict)
        accepted = d.pop("accepted")

        answers = Answers.from_dict(d.pop("answers"))

        demands = d.pop("demands")

        overdue = d.pop("overdue")

        responded = d.pop("responded")

        routed = d.pop("routed")

        def _parse_queries(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        queries = _parse_queries(d.pop("queries", UNSET))

        demand_figures = cls(
            accepted=accepted,
            answers=answers,
            demands=demands,
            overdue=overdue,
            responded=responded,
            routed=routed,
            queries=queries,
        )

        demand_figures.additional_properties = d
        return demand_figures

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
