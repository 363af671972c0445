from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.programme_in_kind import ProgrammeInKind, check_programme_in_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.eligibility import Eligibility


T = TypeVar("T", bound="ProgrammeIn")


@_attrs_define
class ProgrammeIn:
    """
    Attributes:
        budget_fen (int): An amount of money in fen (分; 100 fen = 1 yuan), an integer, never a float (CONTRACT §1).
        kind (ProgrammeInKind):
        name (str):
        share_bp (int): Share, in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer.
        year (int):
        cap_per_enterprise_year_fen (int | None | Unset): Cap per enterprise year, in fen (分; 100 fen = 1 yuan), an
            integer, never a float.
        cap_per_item_fen (int | None | Unset): Cap per item, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        eligible (Eligibility | Unset): Who a programme is for; an empty or absent list means any.
    """

    budget_fen: int
    kind: ProgrammeInKind
    name: str
    share_bp: int
    year: int
    cap_per_enterprise_year_fen: int | None | Unset = UNSET
    cap_per_item_fen: int | None | Unset = UNSET
    eligible: Eligibility | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        budget_fen = self.budget_fen

        kind: str = self.kind

        name = self.name

        share_bp = self.share_bp

        year = self.year

        cap_per_enterprise_year_fen: int | None | Unset
        if isinstance(self.cap_per_enterprise_year_fen, Unset):
            cap_per_enterprise_year_fen = UNSET
        else:
            cap_per_enterprise_year_fen = self.cap_per_enterprise_year_fen

        cap_per_item_fen: int | None | Unset
        if isinstance(self.cap_per_item_fen, Unset):
            cap_per_item_fen = UNSET
        else:
            cap_per_item_fen = self.cap_per_item_fen

        eligible: dict[str, Any] | Unset = UNSET
        if not isinstance(self.eligible, Unset):
            eligible = self.eligible.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "budget_fen": budget_fen,
                "kind": kind,
                "name": name,
                "share_bp": share_bp,
                "year": year,
            }
        )
        if cap_per_enterprise_year_fen is not UNSET:
            field_dict["cap_per_enterprise_year_fen"] = cap_per_enterprise_year_fen
        if cap_per_item_fen is not UNSET:
            field_dict["cap_per_item_fen"] = cap_per_item_fen
        if eligible is not UNSET:
            field_dict["eligible"] = eligible

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.eligibility import Eligibility

        d = dict(src_dict)
        budget_fen = d.pop("budget_fen")

        kind = check_programme_in_kind(d.pop("kind"))

        name = d.pop("name")

        share_bp = d.pop("share_bp")

        year = d.pop("year")

        def _parse_cap_per_enterprise_year_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cap_per_enterprise_year_fen = _parse_cap_per_enterprise_year_fen(
            d.pop("cap_per_enterprise_year_fen", UNSET)
        )

        def _parse_cap_per_item_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cap_per_item_fen = _parse_cap_per_item_fen(d.pop("cap_per_item_fen", UNSET))

        _eligible = d.pop("eligible", UNSET)
        eligible: Eligibility | Unset
        if isinstance(_eligible, Unset):
            eligible = UNSET
        else:
            eligible = Eligibility.from_dict(_eligible)

        programme_in = cls(
            budget_fen=budget_fen,
            kind=kind,
            name=name,
            share_bp=share_bp,
            year=year,
            cap_per_enterprise_year_fen=cap_per_enterprise_year_fen,
            cap_per_item_fen=cap_per_item_fen,
            eligible=eligible,
        )

        return programme_in
