from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="BlacklistIn")


@_attrs_define
class BlacklistIn:
    """
    Attributes:
        decision_served_on (datetime.date): The day the 税务处理决定书 was served.
        name (str):
        published_on (datetime.date): The day the entry was published (today or earlier).
        reason (str): The 重大税收违法失信 case, as published.
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
    """

    decision_served_on: datetime.date
    name: str
    published_on: datetime.date
    reason: str
    uscc: str

    def to_dict(self) -> dict[str, Any]:
        decision_served_on = self.decision_served_on.isoformat()

        name = self.name

        published_on = self.published_on.isoformat()

        reason = self.reason

        uscc = self.uscc

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision_served_on": decision_served_on,
                "name": name,
                "published_on": published_on,
                "reason": reason,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        decision_served_on = datetime.date.fromisoformat(d.pop("decision_served_on"))

        name = d.pop("name")

        published_on = datetime.date.fromisoformat(d.pop("published_on"))

        reason = d.pop("reason")

        uscc = d.pop("uscc")

        blacklist_in = cls(
            decision_served_on=decision_served_on,
            name=name,
            published_on=published_on,
            reason=reason,
            uscc=uscc,
        )

        return blacklist_in
