from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BridgeFlows")


@_attrs_define
class BridgeFlows:
    """
    Attributes:
        fees_fen (int): Fees of the loans that started in the period.
        lent_fen (int): Lent, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        loans_out (int): Bridge loans that started in the period.
        loans_returned (int): Bridge loans repaid in the period (the renewal came).
        returned_fen (int): Returned, in fen (分; 100 fen = 1 yuan), an integer, never a float.
    """

    fees_fen: int
    lent_fen: int
    loans_out: int
    loans_returned: int
    returned_fen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fees_fen = self.fees_fen

        lent_fen = self.lent_fen

        loans_out = self.loans_out

        loans_returned = self.loans_returned

        returned_fen = self.returned_fen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fees_fen": fees_fen,
                "lent_fen": lent_fen,
                "loans_out": loans_out,
                "loans_returned": loans_returned,
                "returned_fen": returned_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        fees_fen = d.pop("fees_fen")

        lent_fen = d.pop("lent_fen")

        loans_out = d.pop("loans_out")

        loans_returned = d.pop("loans_returned")

        returned_fen = d.pop("returned_fen")

        bridge_flows = cls(
            fees_fen=fees_fen,
            lent_fen=lent_fen,
            loans_out=loans_out,
            loans_returned=loans_returned,
            returned_fen=returned_fen,
        )

        bridge_flows.additional_properties = d
        return bridge_flows

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
