from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.answers import Answers
    from ..models.stats_by_bank import StatsByBank
    from ..models.stats_by_month import StatsByMonth
    from ..models.stats_by_region import StatsByRegion
    from ..models.stats_products_by_type import StatsProductsByType


T = TypeVar("T", bound="Stats")


@_attrs_define
class Stats:
    """The matching funnel of the period, with answer times, per 市州, bank and month.

    Attributes:
        accepted (int): Demands some bank accepted.
        answers (Answers): How fast routed banks answer (a route is one demand routed to one bank).
        as_of (datetime.date): The snapshot day of products, enterprises and overdue: `to` or today.
        by_bank (StatsByBank):
        by_month (StatsByMonth):
        by_region (StatsByRegion):
        demands (int):
        enterprises (int): Enterprises with a profile at the snapshot day.
        overdue (int): Demands past respond_by with a routed bank that has not decided.
        products (int): Products on offer at the snapshot day.
        products_by_type (StatsProductsByType):
        queries (int):
        respond_within_working_days (int): The answer deadline (CONTRACT §5).
        responded (int):
        routed (int):
        from_ (datetime.date | None | Unset):
        region_code (None | str | Unset):
        to (datetime.date | None | Unset):
    """

    accepted: int
    answers: Answers
    as_of: datetime.date
    by_bank: StatsByBank
    by_month: StatsByMonth
    by_region: StatsByRegion
    demands: int
    enterprises: int
    overdue: int
    products: int
    products_by_type: StatsProductsByType
    queries: int
    respond_within_working_days: int
    responded: int
    routed: int
    from_: datetime.date | None | Unset = UNSET
    region_code: None | str | Unset = UNSET
    to: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        answers = self.answers.to_dict()

        as_of = self.as_of.isoformat()

        by_bank = self.by_bank.to_dict()

        by_month = self.by_month.to_dict()

        by_region = self.by_region.to_dict()

        demands = self.demands

        enterprises = self.enterprises

        overdue = self.overdue

        products = self.products

        products_by_type = self.products_by_type.to_dict()

        queries = self.queries

        respond_within_working_days = self.respond_within_working_days

        responded = self.responded

        routed = self.routed

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        elif isinstance(self.from_, datetime.date):
            from_ = self.from_.isoformat()
        else:
            from_ = self.from_

        region_code: None | str | Unset
        if isinstance(self.region_code, Unset):
            region_code = UNSET
        else:
            region_code = self.region_code

        to: None | str | Unset
        if isinstance(self.to, Unset):
            to = UNSET
        elif isinstance(self.to, datetime.date):
            to = self.to.isoformat()
        else:
            to = self.to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepted": accepted,
                "answers": answers,
                "as_of": as_of,
                "by_bank": by_bank,
                "by_month": by_month,
                "by_region": by_region,
                "demands": demands,
                "enterprises": enterprises,
                "overdue": overdue,
                "products": products,
                "products_by_type": products_by_type,
                "queries": queries,
                "respond_within_working_days": respond_within_working_days,
                "responded": responded,
                "routed": routed,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_
        if region_code is not UNSET:
            field_dict["region_code"] = region_code
        if to is not UNSET:
            field_dict["to"] = to

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.answers import Answers
        from ..models.stats_by_bank import StatsByBank
        from ..models.stats_by_month import StatsByMonth
        from ..models.stats_by_region import StatsByRegion
        from ..models.stats_products_by_type import StatsProductsByType

        d = dict(src_dict)
        accepted = d.pop("accepted")

        answers = Answers.from_dict(d.pop("answers"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        by_bank = StatsByBank.from_dict(d.pop("by_bank"))

        by_month = StatsByMonth.from_dict(d.pop("by_month"))

        by_region = StatsByRegion.from_dict(d.pop("by_region"))

        demands = d.pop("demands")

        enterprises = d.pop("enterprises")

        overdue = d.pop("overdue")

        products = d.pop("products")

        products_by_type = StatsProductsByType.from_dict(d.pop("products_by_type"))

        queries = d.pop("queries")

        respond_within_working_days = d.pop("respond_within_working_days")

        responded = d.pop("responded")

        routed = d.pop("routed")

        def _parse_from_(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_type_0 = datetime.date.fromisoformat(data)

                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        def _parse_region_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region_code = _parse_region_code(d.pop("region_code", UNSET))

        def _parse_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_type_0 = datetime.date.fromisoformat(data)

                return to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        to = _parse_to(d.pop("to", UNSET))

        stats = cls(
            accepted=accepted,
            answers=answers,
            as_of=as_of,
            by_bank=by_bank,
            by_month=by_month,
            by_region=by_region,
            demands=demands,
            enterprises=enterprises,
            overdue=overdue,
            products=products,
            products_by_type=products_by_type,
            queries=queries,
            respond_within_working_days=respond_within_working_days,
            responded=responded,
            routed=routed,
            from_=from_,
            region_code=region_code,
            to=to,
        )

        stats.additional_properties = d
        return stats

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
