from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.institution_tier import InstitutionTier, check_institution_tier

T = TypeVar("T", bound="Institution")


@_attrs_define
class Institution:
    """An institution of the guarantee chain.

    Attributes:
        created_at (datetime.datetime):
        id (str):
        leverage_multiple (int):
        name (str):
        net_assets_fen (int): Net assets, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        org_id (str):
        parent_id (None | str):
        tier (InstitutionTier):
        updated_at (datetime.datetime):
    """

    created_at: datetime.datetime
    id: str
    leverage_multiple: int
    name: str
    net_assets_fen: int
    org_id: str
    parent_id: None | str
    tier: InstitutionTier
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        leverage_multiple = self.leverage_multiple

        name = self.name

        net_assets_fen = self.net_assets_fen

        org_id = self.org_id

        parent_id: None | str
        parent_id = self.parent_id

        tier: str = self.tier

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "leverage_multiple": leverage_multiple,
                "name": name,
                "net_assets_fen": net_assets_fen,
                "org_id": org_id,
                "parent_id": parent_id,
                "tier": tier,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        leverage_multiple = d.pop("leverage_multiple")

        name = d.pop("name")

        net_assets_fen = d.pop("net_assets_fen")

        org_id = d.pop("org_id")

        def _parse_parent_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))

        tier = check_institution_tier(d.pop("tier"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        institution = cls(
            created_at=created_at,
            id=id,
            leverage_multiple=leverage_multiple,
            name=name,
            net_assets_fen=net_assets_fen,
            org_id=org_id,
            parent_id=parent_id,
            tier=tier,
            updated_at=updated_at,
        )

        institution.additional_properties = d
        return institution

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
