from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.exposure import Exposure
    from ..models.parties import Parties


T = TypeVar("T", bound="DefaultResult")


@_attrs_define
class DefaultResult:
    """
    Attributes:
        compensation_fen (int): 代偿 the guarantor pays the bank: outstanding − the bank's loss.
        exposure (Exposure):
        losses_fen (Parties): One amount per party of the chain.
    """

    compensation_fen: int
    exposure: Exposure
    losses_fen: Parties
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        compensation_fen = self.compensation_fen

        exposure = self.exposure.to_dict()

        losses_fen = self.losses_fen.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "compensation_fen": compensation_fen,
                "exposure": exposure,
                "losses_fen": losses_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.exposure import Exposure
        from ..models.parties import Parties

        d = dict(src_dict)
        compensation_fen = d.pop("compensation_fen")

        exposure = Exposure.from_dict(d.pop("exposure"))

        losses_fen = Parties.from_dict(d.pop("losses_fen"))

        default_result = cls(
            compensation_fen=compensation_fen,
            exposure=exposure,
            losses_fen=losses_fen,
        )

        default_result.additional_properties = d
        return default_result

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
