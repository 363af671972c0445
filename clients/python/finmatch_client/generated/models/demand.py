from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.demand_status import DemandStatus, check_demand_status

if TYPE_CHECKING:
    from ..models.demand_response import DemandResponse
    from ..models.enterprise_summary import EnterpriseSummary


T = TypeVar("T", bound="Demand")


@_attrs_define
class Demand:
    """
    Attributes:
        amount_fen (int): Amount, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        created_at (datetime.datetime):
        enterprise (EnterpriseSummary):
        id (str):
        overdue (bool):
        purpose (str):
        respond_by (datetime.date):
        responses (list[DemandResponse]):
        routed_to (list[str]):
        status (DemandStatus):
        term_months (int):
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
    """

    amount_fen: int
    created_at: datetime.datetime
    enterprise: EnterpriseSummary
    id: str
    overdue: bool
    purpose: str
    respond_by: datetime.date
    responses: list[DemandResponse]
    routed_to: list[str]
    status: DemandStatus
    term_months: int
    uscc: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_fen = self.amount_fen

        created_at = self.created_at.isoformat()

        enterprise = self.enterprise.to_dict()

        id = self.id

        overdue = self.overdue

        purpose = self.purpose

        respond_by = self.respond_by.isoformat()

        responses = []
        for responses_item_data in self.responses:
            responses_item = responses_item_data.to_dict()
            responses.append(responses_item)

        routed_to = self.routed_to

        status: str = self.status

        term_months = self.term_months

        uscc = self.uscc

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_fen": amount_fen,
                "created_at": created_at,
                "enterprise": enterprise,
                "id": id,
                "overdue": overdue,
                "purpose": purpose,
                "respond_by": respond_by,
                "responses": responses,
                "routed_to": routed_to,
                "status": status,
                "term_months": term_months,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.demand_response import DemandResponse
        from ..models.enterprise_summary import EnterpriseSummary

        d = dict(src_dict)
        amount_fen = d.pop("amount_fen")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        enterprise = EnterpriseSummary.from_dict(d.pop("enterprise"))

        id = d.pop("id")

        overdue = d.pop("overdue")

        purpose = d.pop("purpose")

        respond_by = datetime.date.fromisoformat(d.pop("respond_by"))

        responses = []
        _responses = d.pop("responses")
        for responses_item_data in _responses:
            responses_item = DemandResponse.from_dict(responses_item_data)

            responses.append(responses_item)

        routed_to = cast(list[str], d.pop("routed_to"))

        status = check_demand_status(d.pop("status"))

        term_months = d.pop("term_months")

        uscc = d.pop("uscc")

        demand = cls(
            amount_fen=amount_fen,
            created_at=created_at,
            enterprise=enterprise,
            id=id,
            overdue=overdue,
            purpose=purpose,
            respond_by=respond_by,
            responses=responses,
            routed_to=routed_to,
            status=status,
            term_months=term_months,
            uscc=uscc,
        )

        demand.additional_properties = d
        return demand

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
