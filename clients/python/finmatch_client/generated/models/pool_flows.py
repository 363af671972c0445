from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PoolFlows")


@_attrs_define
class PoolFlows:
    """What happened in the period, each on its own day.

    Attributes:
        compensation_paid_fen (int): Paid by the pool to the banks for those defaults.
        defaulted_fen (int): The defaulted outstanding of the period's defaults.
        defaults (int):
        loans_registered (int): Pool-covered loans started in the period.
        principal_registered_fen (int): Principal registered, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        recovered_fen (int): Recovered by the banks (追偿) in the period.
        recovered_to_pool_fen (int): Of that, what returned to the pool.
        recoveries (int):
        uncovered_fen (int): compensation_bp × defaulted outstanding the balance did not cover.
    """

    compensation_paid_fen: int
    defaulted_fen: int
    defaults: int
    loans_registered: int
    principal_registered_fen: int
    recovered_fen: int
    recovered_to_pool_fen: int
    recoveries: int
    uncovered_fen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        compensation_paid_fen = self.compensation_paid_fen

        defaulted_fen = self.defaulted_fen

        defaults = self.defaults

        loans_registered = self.loans_registered

        principal_registered_fen = self.principal_registered_fen

        recovered_fen = self.recovered_fen

        recovered_to_pool_fen = self.recovered_to_pool_fen

        recoveries = self.recoveries

        uncovered_fen = self.uncovered_fen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "compensation_paid_fen": compensation_paid_fen,
                "defaulted_fen": defaulted_fen,
                "defaults": defaults,
                "loans_registered": loans_registered,
                "principal_registered_fen": principal_registered_fen,
                "recovered_fen": recovered_fen,
                "recovered_to_pool_fen": recovered_to_pool_fen,
                "recoveries": recoveries,
                "uncovered_fen": uncovered_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        compensation_paid_fen = d.pop("compensation_paid_fen")

        defaulted_fen = d.pop("defaulted_fen")

        defaults = d.pop("defaults")

        loans_registered = d.pop("loans_registered")

        principal_registered_fen = d.pop("principal_registered_fen")

        recovered_fen = d.pop("recovered_fen")

        recovered_to_pool_fen = d.pop("recovered_to_pool_fen")

        recoveries = d.pop("recoveries")

        uncovered_fen = d.pop("uncovered_fen")

        pool_flows = cls(
            compensation_paid_fen=compensation_paid_fen,
            defaulted_fen=defaulted_fen,
            defaults=defaults,
            loans_registered=loans_registered,
            principal_registered_fen=principal_registered_fen,
            recovered_fen=recovered_fen,
            recovered_to_pool_fen=recovered_to_pool_fen,
            recoveries=recoveries,
            uncovered_fen=uncovered_fen,
        )

        pool_flows.additional_properties = d
        return pool_flows

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
