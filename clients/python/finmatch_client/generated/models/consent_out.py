from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.consent_out_status import ConsentOutStatus, check_consent_out_status

T = TypeVar("T", bound="ConsentOut")


@_attrs_define
class ConsentOut:
    """
    Attributes:
        bank_org_id (UUID):
        created_at (datetime.datetime):
        ended_at (datetime.datetime | None): When it was revoked or expired.
        evidence_ref (str): The record of the enterprise's own act (e.g. its 电子税务局 number).
        expires_on (datetime.date | None): Last valid day (Asia/Shanghai); null: until revoked.
        id (UUID):
        partner_org_id (UUID): The partner app that recorded the consent.
        status (ConsentOutStatus): `active` grants the bank the rating and tax figure; `revoked`, `expired` nothing.
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
    """

    bank_org_id: UUID
    created_at: datetime.datetime
    ended_at: datetime.datetime | None
    evidence_ref: str
    expires_on: datetime.date | None
    id: UUID
    partner_org_id: UUID
    status: ConsentOutStatus
    uscc: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank_org_id = str(self.bank_org_id)

        created_at = self.created_at.isoformat()

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        evidence_ref = self.evidence_ref

        expires_on: None | str
        if isinstance(self.expires_on, datetime.date):
            expires_on = self.expires_on.isoformat()
        else:
            expires_on = self.expires_on

        id = str(self.id)

        partner_org_id = str(self.partner_org_id)

        status: str = self.status

        uscc = self.uscc

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bank_org_id": bank_org_id,
                "created_at": created_at,
                "ended_at": ended_at,
                "evidence_ref": evidence_ref,
                "expires_on": expires_on,
                "id": id,
                "partner_org_id": partner_org_id,
                "status": status,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bank_org_id = UUID(d.pop("bank_org_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("ended_at"))

        evidence_ref = d.pop("evidence_ref")

        def _parse_expires_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_on_type_0 = datetime.date.fromisoformat(data)

                return expires_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expires_on = _parse_expires_on(d.pop("expires_on"))

        id = UUID(d.pop("id"))

        partner_org_id = UUID(d.pop("partner_org_id"))

        status = check_consent_out_status(d.pop("status"))

        uscc = d.pop("uscc")

        consent_out = cls(
            bank_org_id=bank_org_id,
            created_at=created_at,
            ended_at=ended_at,
            evidence_ref=evidence_ref,
            expires_on=expires_on,
            id=id,
            partner_org_id=partner_org_id,
            status=status,
            uscc=uscc,
        )

        consent_out.additional_properties = d
        return consent_out

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
