from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.delivery_counts import DeliveryCounts
    from ..models.stats_out_by_bank import StatsOutByBank
    from ..models.stats_out_by_month import StatsOutByMonth
    from ..models.stats_out_by_region import StatsOutByRegion
    from ..models.stats_out_loans_by_credit_type import StatsOutLoansByCreditType
    from ..models.stats_out_rated_by_level import StatsOutRatedByLevel
    from ..models.stats_out_rated_by_year import StatsOutRatedByYear
    from ..models.status_counts import StatusCounts


T = TypeVar("T", bound="StatsOut")


@_attrs_define
class StatsOut:
    """The 银税互动 figures of the period (all time without one), overall and per 市州, bank and month.

    Attributes:
        authorisations (StatusCounts): Authorisations or consents recorded in the period, by their status now; `expired`
            counts
            an active one whose last valid day (`expires_on`, Asia/Shanghai) has passed, too.
        banks_subscribed (int): Banks with an active subscription (now).
        beneficiary_ratio_bp (int): 受益户数比例: small_micro_with_loans / small_micro_pushed in bp, half up.
        by_bank (StatsOutByBank): Per bank org id: banks with a loan or a delivery in the period.
        by_month (StatsOutByMonth): Per month, `YYYY-MM`: months with a loan (granted_on) or a push in the period.
        by_region (StatsOutByRegion): Per 市州 (6-digit `xxxx00` code).
        consents (StatusCounts): Authorisations or consents recorded in the period, by their status now; `expired`
            counts
            an active one whose last valid day (`expires_on`, Asia/Shanghai) has passed, too.
        deliveries (DeliveryCounts): Webhook delivery health: deliveries created in the period, by their status now.
        enterprises_pushed (int): Enterprises sent a `published` in the period.
        enterprises_rated (int): Enterprises with any stored rating (now).
        enterprises_with_loans (int):
        from_ (datetime.date | None):
        loans_by_credit_type (StatsOutLoansByCreditType): Loans reported per credit_type (pure_credit, guaranteed,
            collateral).
        loans_count (int):
        loans_total_fen (int): Loans total, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        pure_credit_count_ratio_bp (int): Pure-credit loans / loans in bp, half up.
        pure_credit_ratio_bp (int): 纯信用贷款比例: pure_credit_total_fen / loans_total_fen in bp, half up.
        pure_credit_total_fen (int): Pure credit total, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        rated_by_level (StatsOutRatedByLevel): Enterprises by the level of their latest rating.
        rated_by_year (StatsOutRatedByYear): Ratings per evaluation year, by level.
        small_micro_pushed (int): Small-micro enterprises (latest item's mark) pushed.
        small_micro_with_loans (int): Of those, the ones with a loan in the period.
        to (datetime.date | None):
        oldest_pending_age_seconds (int | None | Unset): Seconds since the oldest pending delivery (of the period) was
            created, now; null: none is.
        region_code (None | str | Unset): The 市州 asked for: it narrows ratings, pushes, authorisations, consents and
            loans (by the enterprise's 市州), not banks subscribed or deliveries.
    """

    authorisations: StatusCounts
    banks_subscribed: int
    beneficiary_ratio_bp: int
    by_bank: StatsOutByBank
    by_month: StatsOutByMonth
    by_region: StatsOutByRegion
    consents: StatusCounts
    deliveries: DeliveryCounts
    enterprises_pushed: int
    enterprises_rated: int
    enterprises_with_loans: int
    from_: datetime.date | None
    loans_by_credit_type: StatsOutLoansByCreditType
    loans_count: int
    loans_total_fen: int
    pure_credit_count_ratio_bp: int
    pure_credit_ratio_bp: int
    pure_credit_total_fen: int
    rated_by_level: StatsOutRatedByLevel
    rated_by_year: StatsOutRatedByYear
    small_micro_pushed: int
    small_micro_with_loans: int
    to: datetime.date | None
    oldest_pending_age_seconds: int | None | Unset = UNSET
    region_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        authorisations = self.authorisations.to_dict()

        banks_subscribed = self.banks_subscribed

        beneficiary_ratio_bp = self.beneficiary_ratio_bp

        by_bank = self.by_bank.to_dict()

        by_month = self.by_month.to_dict()

        by_region = self.by_region.to_dict()

        consents = self.consents.to_dict()

        deliveries = self.deliveries.to_dict()

        enterprises_pushed = self.enterprises_pushed

        enterprises_rated = self.enterprises_rated

        enterprises_with_loans = self.enterprises_with_loans

        from_: None | str
        if isinstance(self.from_, datetime.date):
            from_ = self.from_.isoformat()
        else:
            from_ = self.from_

        loans_by_credit_type = self.loans_by_credit_type.to_dict()

        loans_count = self.loans_count

        loans_total_fen = self.loans_total_fen

        pure_credit_count_ratio_bp = self.pure_credit_count_ratio_bp

        pure_credit_ratio_bp = self.pure_credit_ratio_bp

        pure_credit_total_fen = self.pure_credit_total_fen

        rated_by_level = self.rated_by_level.to_dict()

        rated_by_year = self.rated_by_year.to_dict()

        small_micro_pushed = self.small_micro_pushed

        small_micro_with_loans = self.small_micro_with_loans

        to: None | str
        if isinstance(self.to, datetime.date):
            to = self.to.isoformat()
        else:
            to = self.to

        oldest_pending_age_seconds: int | None | Unset
        if isinstance(self.oldest_pending_age_seconds, Unset):
            oldest_pending_age_seconds = UNSET
        else:
            oldest_pending_age_seconds = self.oldest_pending_age_seconds

        region_code: None | str | Unset
        if isinstance(self.region_code, Unset):
            region_code = UNSET
        else:
            region_code = self.region_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "authorisations": authorisations,
                "banks_subscribed": banks_subscribed,
                "beneficiary_ratio_bp": beneficiary_ratio_bp,
                "by_bank": by_bank,
                "by_month": by_month,
                "by_region": by_region,
                "consents": consents,
                "deliveries": deliveries,
                "enterprises_pushed": enterprises_pushed,
                "enterprises_rated": enterprises_rated,
                "enterprises_with_loans": enterprises_with_loans,
                "from": from_,
                "loans_by_credit_type": loans_by_credit_type,
                "loans_count": loans_count,
                "loans_total_fen": loans_total_fen,
                "pure_credit_count_ratio_bp": pure_credit_count_ratio_bp,
                "pure_credit_ratio_bp": pure_credit_ratio_bp,
                "pure_credit_total_fen": pure_credit_total_fen,
                "rated_by_level": rated_by_level,
                "rated_by_year": rated_by_year,
                "small_micro_pushed": small_micro_pushed,
                "small_micro_with_loans": small_micro_with_loans,
                "to": to,
            }
        )
        if oldest_pending_age_seconds is not UNSET:
            field_dict["oldest_pending_age_seconds"] = oldest_pending_age_seconds
        if region_code is not UNSET:
            field_dict["region_code"] = region_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.delivery_counts import DeliveryCounts
        from ..models.stats_out_by_bank import StatsOutByBank
        from ..models.stats_out_by_month import StatsOutByMonth
        from ..models.stats_out_by_region import StatsOutByRegion
        from ..models.stats_out_loans_by_credit_type import StatsOutLoansByCreditType
        from ..models.stats_out_rated_by_level import StatsOutRatedByLevel
        from ..models.stats_out_rated_by_year import StatsOutRatedByYear
        from ..models.status_counts import StatusCounts

        d = dict(src_dict)
        authorisations = StatusCounts.from_dict(d.pop("authorisations"))

        banks_subscribed = d.pop("banks_subscribed")

        beneficiary_ratio_bp = d.pop("beneficiary_ratio_bp")

        by_bank = StatsOutByBank.from_dict(d.pop("by_bank"))

        by_month = StatsOutByMonth.from_dict(d.pop("by_month"))

        by_region = StatsOutByRegion.from_dict(d.pop("by_region"))

        consents = StatusCounts.from_dict(d.pop("consents"))

        deliveries = DeliveryCounts.from_dict(d.pop("deliveries"))

        enterprises_pushed = d.pop("enterprises_pushed")

        enterprises_rated = d.pop("enterprises_rated")

        enterprises_with_loans = d.pop("enterprises_with_loans")

        def _parse_from_(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_type_0 = datetime.date.fromisoformat(data)

                return from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        from_ = _parse_from_(d.pop("from"))

        loans_by_credit_type = StatsOutLoansByCreditType.from_dict(
            d.pop("loans_by_credit_type")
        )

        loans_count = d.pop("loans_count")

        loans_total_fen = d.pop("loans_total_fen")

        pure_credit_count_ratio_bp = d.pop("pure_credit_count_ratio_bp")

        pure_credit_ratio_bp = d.pop("pure_credit_ratio_bp")

        pure_credit_total_fen = d.pop("pure_credit_total_fen")

        rated_by_level = StatsOutRatedByLevel.from_dict(d.pop("rated_by_level"))

        rated_by_year = StatsOutRatedByYear.from_dict(d.pop("rated_by_year"))

        small_micro_pushed = d.pop("small_micro_pushed")

        small_micro_with_loans = d.pop("small_micro_with_loans")

        def _parse_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_type_0 = datetime.date.fromisoformat(data)

                return to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        to = _parse_to(d.pop("to"))

        def _parse_oldest_pending_age_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        oldest_pending_age_seconds = _parse_oldest_pending_age_seconds(
            d.pop("oldest_pending_age_seconds", UNSET)
        )

        def _parse_region_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region_code = _parse_region_code(d.pop("region_code", UNSET))

        stats_out = cls(
            authorisations=authorisations,
            banks_subscribed=banks_subscribed,
            beneficiary_ratio_bp=beneficiary_ratio_bp,
            by_bank=by_bank,
            by_month=by_month,
            by_region=by_region,
            consents=consents,
            deliveries=deliveries,
            enterprises_pushed=enterprises_pushed,
            enterprises_rated=enterprises_rated,
            enterprises_with_loans=enterprises_with_loans,
            from_=from_,
            loans_by_credit_type=loans_by_credit_type,
            loans_count=loans_count,
            loans_total_fen=loans_total_fen,
            pure_credit_count_ratio_bp=pure_credit_count_ratio_bp,
            pure_credit_ratio_bp=pure_credit_ratio_bp,
            pure_credit_total_fen=pure_credit_total_fen,
            rated_by_level=rated_by_level,
            rated_by_year=rated_by_year,
            small_micro_pushed=small_micro_pushed,
            small_micro_with_loans=small_micro_with_loans,
            to=to,
            oldest_pending_age_seconds=oldest_pending_age_seconds,
            region_code=region_code,
        )

        stats_out.additional_properties = d
        return stats_out

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
