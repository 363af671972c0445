from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="InstitutionUpdate")


@_attrs_define
class InstitutionUpdate:
    """
    Attributes:
        leverage_multiple (int | None | Unset):
        net_assets_fen (int | None | Unset): Net assets, in fen (分; 100 fen = 1 yuan), an integer, never a float.
    """

    leverage_multiple: int | None | Unset = UNSET
    net_assets_fen: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        leverage_multiple: int | None | Unset
        if isinstance(self.leverage_multiple, Unset):
            leverage_multiple = UNSET
        else:
            leverage_multiple = self.leverage_multiple

        net_assets_fen: int | None | Unset
        if isinstance(self.net_assets_fen, Unset):
            net_assets_fen = UNSET
        else:
            net_assets_fen = self.net_assets_fen

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if leverage_multiple is not UNSET:
            field_dict["leverage_multiple"] = leverage_multiple
        if net_assets_fen is not UNSET:
            field_dict["net_assets_fen"] = net_assets_fen

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_leverage_multiple(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        leverage_multiple = _parse_leverage_multiple(d.pop("leverage_multiple", UNSET))

        def _parse_net_assets_fen(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        net_assets_fen = _parse_net_assets_fen(d.pop("net_assets_fen", UNSET))

        institution_update = cls(
            leverage_multiple=leverage_multiple,
            net_assets_fen=net_assets_fen,
        )

        return institution_update
