from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.parties import Parties


T = TypeVar("T", bound="Agreement")


@_attrs_define
class Agreement:
    """
    Attributes:
        bank_org_id (str):
        created_at (datetime.datetime):
        guarantor_id (str):
        id (str):
        provincial_id (str):
        shares_bp (Parties): One amount per party of the chain.
    """

    bank_org_id: str
    created_at: datetime.datetime
    guarantor_id: str
    id: str
    provincial_id: str
    shares_bp: Parties
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_org_id = self.bank_org_id

        created_at = self.created_at.isoformat()

        guarantor_id = self.guarantor_id

        id = self.id

        provincial_id = self.provincial_id

        shares_bp = self.shares_bp.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bank_org_id": bank_org_id,
                "created_at": created_at,
                "guarantor_id": guarantor_id,
                "id": id,
                "provincial_id": provincial_id,
                "shares_bp": shares_bp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.parties import Parties

        d = dict(src_dict)
        bank_org_id = d.pop("bank_org_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        guarantor_id = d.pop("guarantor_id")

        id = d.pop("id")

        provincial_id = d.pop("provincial_id")

        shares_bp = Parties.from_dict(d.pop("shares_bp"))

        agreement = cls(
            bank_org_id=bank_org_id,
            created_at=created_at,
            guarantor_id=guarantor_id,
            id=id,
            provincial_id=provincial_id,
            shares_bp=shares_bp,
        )

        agreement.additional_properties = d
        return agreement

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
