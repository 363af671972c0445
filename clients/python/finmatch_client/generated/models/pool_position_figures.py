from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PoolPositionFigures")


@_attrs_define
class PoolPositionFigures:
    """
    Attributes:
        balance_fen (int): As of the snapshot day.
        compensation_bp (int): Compensation, in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer.
        compensation_paid_fen (int): Paid by the pool to the banks for those defaults.
        defaulted_fen (int): The defaulted outstanding of the period's defaults.
        defaults (int):
        initial_balance_fen (int): Initial balance, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        loans_registered (int): Pool-covered loans started in the period.
        name (str):
        outstanding_fen (int): Today's (pool loans keep no history of it).
        overdue_fen (int): Today's outstanding of overdue or defaulted loans.
        overdue_ratio_bp (int): Overdue ratio, in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer.
        principal_registered_fen (int): Principal registered, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        recovered_fen (int): Recovered by the banks (追偿) in the period.
        recovered_to_pool_fen (int): Of that, what returned to the pool.
        recoveries (int):
        region_code (str):
        stop_overdue_bp (int): Stop overdue, in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer.
        uncovered_fen (int): compensation_bp × defaulted outstanding the balance did not cover.
    """

    balance_fen: int
    compensation_bp: int
    compensation_paid_fen: int
    defaulted_fen: int
    defaults: int
    initial_balance_fen: int
    loans_registered: int
    name: str
    outstanding_fen: int
    overdue_fen: int
    overdue_ratio_bp: int
    principal_registered_fen: int
    recovered_fen: int
    recovered_to_pool_fen: int
    recoveries: int
    region_code: str
    stop_overdue_bp: int
    uncovered_fen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balance_fen = self.balance_fen

        compensation_bp = self.compensation_bp

        compensation_paid_fen = self.compensation_paid_fen

        defaulted_fen = self.defaulted_fen

        defaults = self.defaults

        initial_balance_fen = self.initial_balance_fen

        loans_registered = self.loans_registered

        name = self.name

        outstanding_fen = self.outstanding_fen

        overdue_fen = self.overdue_fen

        overdue_ratio_bp = self.overdue_ratio_bp

        principal_registered_fen = self.principal_registered_fen

        recovered_fen = self.recovered_fen

        recovered_to_pool_fen = self.recovered_to_pool_fen

        recoveries = self.recoveries

        region_code = self.region_code

        stop_overdue_bp = self.stop_overdue_bp

        uncovered_fen = self.uncovered_fen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balance_fen": balance_fen,
                "compensation_bp": compensation_bp,
                "compensation_paid_fen": compensation_paid_fen,
                "defaulted_fen": defaulted_fen,
                "defaults": defaults,
                "initial_balance_fen": initial_balance_fen,
                "loans_registered": loans_registered,
                "name": name,
                "outstanding_fen": outstanding_fen,
                "overdue_fen": overdue_fen,
                "overdue_ratio_bp": overdue_ratio_bp,
                "principal_registered_fen": principal_registered_fen,
                "recovered_fen": recovered_fen,
                "recovered_to_pool_fen": recovered_to_pool_fen,
                "recoveries": recoveries,
                "region_code": region_code,
                "stop_overdue_bp": stop_overdue_bp,
                "uncovered_fen": uncovered_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        balance_fen = d.pop("balance_fen")

        compensation_bp = d.pop("compensation_bp")

        compensation_paid_fen = d.pop("compensation_paid_fen")

        defaulted_fen = d.pop("defaulted_fen")

        defaults = d.pop("defaults")

        initial_balance_fen = d.pop("initial_balance_fen")

        loans_registered = d.pop("loans_registered")

        name = d.pop("name")

        outstanding_fen = d.pop("outstanding_fen")

        overdue_fen = d.pop("overdue_fen")

        overdue_ratio_bp = d.pop("overdue_ratio_bp")

        principal_registered_fen = d.pop("principal_registered_fen")

        recovered_fen = d.pop("recovered_fen")

        recovered_to_pool_fen = d.pop("recovered_to_pool_fen")

        recoveries = d.pop("recoveries")

        region_code = d.pop("region_code")

        stop_overdue_bp = d.pop("stop_overdue_bp")

        uncovered_fen = d.pop("uncovered_fen")

        pool_position_figures = cls(
            balance_fen=balance_fen,
            compensation_bp=compensation_bp,
            compensation_paid_fen=compensation_paid_fen,
            defaulted_fen=defaulted_fen,
            defaults=defaults,
            initial_balance_fen=initial_balance_fen,
            loans_registered=loans_registered,
            name=name,
            outstanding_fen=outstanding_fen,
            overdue_fen=overdue_fen,
            overdue_ratio_bp=overdue_ratio_bp,
            principal_registered_fen=principal_registered_fen,
            recovered_fen=recovered_fen,
            recovered_to_pool_fen=recovered_to_pool_fen,
            recoveries=recoveries,
            region_code=region_code,
            stop_overdue_bp=stop_overdue_bp,
            uncovered_fen=uncovered_fen,
        )

        pool_position_figures.additional_properties = d
        return pool_position_figures

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
