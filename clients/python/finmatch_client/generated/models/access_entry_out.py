from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.access_entry_out_via import AccessEntryOutVia, check_access_entry_out_via
from ..models.access_entry_out_what import (
    AccessEntryOutWhat,
    check_access_entry_out_what,
)

T = TypeVar("T", bound="AccessEntryOut")


@_attrs_define
class AccessEntryOut:
    """
    Attributes:
        at (datetime.datetime):
        id (UUID):
        reader_org_id (UUID):
        reader_role (str):
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
        via (AccessEntryOutVia):
        what (AccessEntryOutWhat): `tax_figure` whenever the tax figure left, else `rating`.
    """

    at: datetime.datetime
    id: UUID
    reader_org_id: UUID
    reader_role: str
    uscc: str
    via: AccessEntryOutVia
    what: AccessEntryOutWhat
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        id = str(self.id)

        reader_org_id = str(self.reader_org_id)

        reader_role = self.reader_role

        uscc = self.uscc

        via: str = self.via

        what: str = self.what

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "id": id,
                "reader_org_id": reader_org_id,
                "reader_role": reader_role,
                "uscc": uscc,
                "via": via,
                "what": what,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        id = UUID(d.pop("id"))

        reader_org_id = UUID(d.pop("reader_org_id"))

        reader_role = d.pop("reader_role")

        uscc = d.pop("uscc")

        via = check_access_entry_out_via(d.pop("via"))

        what = check_access_entry_out_what(d.pop("what"))

        access_entry_out = cls(
            at=at,
            id=id,
            reader_org_id=reader_org_id,
            reader_role=reader_role,
            uscc=uscc,
            via=via,
            what=what,
        )

        access_entry_out.additional_properties = d
        return access_entry_out

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
