from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.parties import Parties


T = TypeVar("T", bound="RecoveryResult")


@_attrs_define
class RecoveryResult:
    """
    Attributes:
        allocation_fen (Parties): One amount per party of the chain.
        total_recovered_fen (int): Total recovered, in fen (分; 100 fen = 1 yuan), an integer, never a float.
    """

    allocation_fen: Parties
    total_recovered_fen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        allocation_fen = self.allocation_fen.to_dict()

        total_recovered_fen = self.total_recovered_fen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allocation_fen": allocation_fen,
                "total_recovered_fen": total_recovered_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.parties import Parties

        d = dict(src_dict)
        allocation_fen = Parties.from_dict(d.pop("allocation_fen"))

        total_recovered_fen = d.pop("total_recovered_fen")

        recovery_result = cls(
            allocation_fen=allocation_fen,
            total_recovered_fen=total_recovered_fen,
        )

        recovery_result.additional_properties = d
        return recovery_result

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
