from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.blacklist_out_status import BlacklistOutStatus, check_blacklist_out_status

T = TypeVar("T", bound="BlacklistOut")


@_attrs_define
class BlacklistOut:
    """
    Attributes:
        created_at (datetime.datetime):
        decision_served_on (datetime.date):
        ends_on (datetime.date): Three years after published_on; the entry ends by itself then.
        id (UUID):
        late (bool): Published after the 15th of the month after the decision was served.
        name (str):
        published_on (datetime.date):
        reason (str):
        status (BlacklistOutStatus):
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
    """

    created_at: datetime.datetime
    decision_served_on: datetime.date
    ends_on: datetime.date
    id: UUID
    late: bool
    name: str
    published_on: datetime.date
    reason: str
    status: BlacklistOutStatus
    uscc: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        decision_served_on = self.decision_served_on.isoformat()

        ends_on = self.ends_on.isoformat()

        id = str(self.id)

        late = self.late

        name = self.name

        published_on = self.published_on.isoformat()

        reason = self.reason

        status: str = self.status

        uscc = self.uscc

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "decision_served_on": decision_served_on,
                "ends_on": ends_on,
                "id": id,
                "late": late,
                "name": name,
                "published_on": published_on,
                "reason": reason,
                "status": status,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        decision_served_on = datetime.date.fromisoformat(d.pop("decision_served_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        id = UUID(d.pop("id"))

        late = d.pop("late")

        name = d.pop("name")

        published_on = datetime.date.fromisoformat(d.pop("published_on"))

        reason = d.pop("reason")

        status = check_blacklist_out_status(d.pop("status"))

        uscc = d.pop("uscc")

        blacklist_out = cls(
            created_at=created_at,
            decision_served_on=decision_served_on,
            ends_on=ends_on,
            id=id,
            late=late,
            name=name,
            published_on=published_on,
            reason=reason,
            status=status,
            uscc=uscc,
        )

        blacklist_out.additional_properties = d
        return blacklist_out

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
