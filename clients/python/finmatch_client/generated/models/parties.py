from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Parties")


@_attrs_define
class Parties:
    """One amount per party of the chain.

    Attributes:
        bank (int):
        guarantor (int):
        national (int):
        provincial (int):
    """

    bank: int
    guarantor: int
    national: int
    provincial: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bank = self.bank

        guarantor = self.guarantor

        national = self.national

        provincial = self.provincial

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bank": bank,
                "guarantor": guarantor,
                "national": national,
                "provincial": provincial,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        bank = d.pop("bank")

        guarantor = d.pop("guarantor")

        national = d.pop("national")

        provincial = d.pop("provincial")

        parties = cls(
            bank=bank,
            guarantor=guarantor,
            national=national,
            provincial=provincial,
        )

        parties.additional_properties = d
        return parties

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
