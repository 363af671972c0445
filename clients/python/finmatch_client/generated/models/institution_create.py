from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.institution_create_tier import (
    InstitutionCreateTier,
    check_institution_create_tier,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="InstitutionCreate")


@_attrs_define
class InstitutionCreate:
    """
    Attributes:
        name (str):
        net_assets_fen (int): An amount of money in fen (分; 100 fen = 1 yuan), an integer, never a float (CONTRACT §1).
        org_id (UUID):
        tier (InstitutionCreateTier): Place in the chain: `national_fund`, `provincial` re-guarantor or `local`.
        leverage_multiple (int | Unset): 放大倍数: 融资担保责任余额 may reach net assets × this; 10, up to 15 (国务院令第683号). Default:
            10.
        parent_id (None | Unset | UUID): The institution one tier up (a local's provincial, a provincial's fund).
    """

    name: str
    net_assets_fen: int
    org_id: UUID
    tier: InstitutionCreateTier
    leverage_multiple: int | Unset = 10
    parent_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        net_assets_fen = self.net_assets_fen

        org_id = str(self.org_id)

        tier: str = self.tier

        leverage_multiple = self.leverage_multiple

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "net_assets_fen": net_assets_fen,
                "org_id": org_id,
                "tier": tier,
            }
        )
        if leverage_multiple is not UNSET:
            field_dict["leverage_multiple"] = leverage_multiple
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        net_assets_fen = d.pop("net_assets_fen")

        org_id = UUID(d.pop("org_id"))

        tier = check_institution_create_tier(d.pop("tier"))

        leverage_multiple = d.pop("leverage_multiple", UNSET)

        def _parse_parent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        institution_create = cls(
            name=name,
            net_assets_fen=net_assets_fen,
            org_id=org_id,
            tier=tier,
            leverage_multiple=leverage_multiple,
            parent_id=parent_id,
        )

        return institution_create
