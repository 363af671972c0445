from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.parties import Parties


T = TypeVar("T", bound="AgreementCreate")


@_attrs_define
class AgreementCreate:
    """
    Attributes:
        bank_org_id (UUID):
        guarantor_id (UUID):
        shares_bp (Parties): One amount per party of the chain.
    """

    bank_org_id: UUID
    guarantor_id: UUID
    shares_bp: Parties

    def to_dict(self) -> dict[str, Any]:
        bank_org_id = str(self.bank_org_id)

        guarantor_id = str(self.guarantor_id)

        shares_bp = self.shares_bp.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "bank_org_id": bank_org_id,
                "guarantor_id": guarantor_id,
                "shares_bp": shares_bp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.parties import Parties

        d = dict(src_dict)
        bank_org_id = UUID(d.pop("bank_org_id"))

        guarantor_id = UUID(d.pop("guarantor_id"))

        shares_bp = Parties.from_dict(d.pop("shares_bp"))

        agreement_create = cls(
            bank_org_id=bank_org_id,
            guarantor_id=guarantor_id,
            shares_bp=shares_bp,
        )

        return agreement_create
