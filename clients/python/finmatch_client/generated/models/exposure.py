from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.exposure_status import ExposureStatus, check_exposure_status

if TYPE_CHECKING:
    from ..models.parties import Parties


T = TypeVar("T", bound="Exposure")


@_attrs_define
class Exposure:
    """
    Attributes:
        agreement_id (str):
        agri (bool):
        bank_org_id (str): The lending bank (the agreement's).
        compensation_fen (int | None): 代偿 paid by the guarantor to the bank.
        created_at (datetime.datetime):
        defaulted_fen (int | None): The outstanding amount at default (代偿 basis).
        ended_on (datetime.date | None): When it was repaid in full or defaulted.
        fee_rate_bp (int): Annual guarantee fee rate in bp (policy target ≤ 100, 国办发〔2019〕6号).
        guaranteed_fen (int): Outstanding minus the bank's share: what the chain answers for.
        guarantor_id (str): The local guarantor that registered it.
        id (str):
        loan_ref (str): The bank's own loan reference; one guarantee per bank loan.
        losses_fen (None | Parties): Losses, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        maturity_date (datetime.date):
        outstanding_fen (int): Outstanding, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        principal_fen (int): Principal, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        recovered_fen (Parties): One amount per party of the chain.
        shares_bp (Parties): One amount per party of the chain.
        shares_fen (Parties): One amount per party of the chain.
        small_micro (bool):
        start_date (datetime.date):
        status (ExposureStatus): `active` while outstanding, `repaid` in full, or `compensated` after a default (代偿).
        total_recovered_fen (int): Total recovered, in fen (分; 100 fen = 1 yuan), an integer, never a float.
        uscc (str): 统一社会信用代码: the enterprise's 18-character Unified Social Credit Code (GB 32100-2015; the last
            character is its MOD 31 check character).
        weighted_liability_fen (int): 融资担保责任余额 weighted per the 计量办法 (银保监发〔2018〕1号): 75% for a small-micro client whose
            单户在保余额 is ≤ 5,000,000 yuan, otherwise 100%.
    """

    agreement_id: str
    agri: bool
    bank_org_id: str
    compensation_fen: int | None
    created_at: datetime.datetime
    defaulted_fen: int | None
    ended_on: datetime.date | None
    fee_rate_bp: int
    guaranteed_fen: int
    guarantor_id: str
    id: str
    loan_ref: str
    losses_fen: None | Parties
    maturity_date: datetime.date
    outstanding_fen: int
    principal_fen: int
    recovered_fen: Parties
    shares_bp: Parties
    shares_fen: Parties
    small_micro: bool
    start_date: datetime.date
    status: ExposureStatus
    total_recovered_fen: int
    uscc: str
    weighted_liability_fen: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.parties import Parties

        agreement_id = self.agreement_id

        agri = self.agri

        bank_org_id = self.bank_org_id

        compensation_fen: int | None
        compensation_fen = self.compensation_fen

        created_at = self.created_at.isoformat()

        defaulted_fen: int | None
        defaulted_fen = self.defaulted_fen

        ended_on: None | str
        if isinstance(self.ended_on, datetime.date):
            ended_on = self.ended_on.isoformat()
        else:
            ended_on = self.ended_on

        fee_rate_bp = self.fee_rate_bp

        guaranteed_fen = self.guaranteed_fen

        guarantor_id = self.guarantor_id

        id = self.id

        loan_ref = self.loan_ref

        losses_fen: dict[str, Any] | None
        if isinstance(self.losses_fen, Parties):
            losses_fen = self.losses_fen.to_dict()
        else:
            losses_fen = self.losses_fen

        maturity_date = self.maturity_date.isoformat()

        outstanding_fen = self.outstanding_fen

        principal_fen = self.principal_fen

        recovered_fen = self.recovered_fen.to_dict()

        shares_bp = self.shares_bp.to_dict()

        shares_fen = self.shares_fen.to_dict()

        small_micro = self.small_micro

        start_date = self.start_date.isoformat()

        status: str = self.status

        total_recovered_fen = self.total_recovered_fen

        uscc = self.uscc

        weighted_liability_fen = self.weighted_liability_fen

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agreement_id": agreement_id,
                "agri": agri,
                "bank_org_id": bank_org_id,
                "compensation_fen": compensation_fen,
                "created_at": created_at,
                "defaulted_fen": defaulted_fen,
                "ended_on": ended_on,
                "fee_rate_bp": fee_rate_bp,
                "guaranteed_fen": guaranteed_fen,
                "guarantor_id": guarantor_id,
                "id": id,
                "loan_ref": loan_ref,
                "losses_fen": losses_fen,
                "maturity_date": maturity_date,
                "outstanding_fen": outstanding_fen,
                "principal_fen": principal_fen,
                "recovered_fen": recovered_fen,
                "shares_bp": shares_bp,
                "shares_fen": shares_fen,
                "small_micro": small_micro,
                "start_date": start_date,
                "status": status,
                "total_recovered_fen": total_recovered_fen,
                "uscc": uscc,
                "weighted_liability_fen": weighted_liability_fen,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.parties import Parties

        d = dict(src_dict)
        agreement_id = d.pop("agreement_id")

        agri = d.pop("agri")

        bank_org_id = d.pop("bank_org_id")

        def _parse_compensation_fen(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        compensation_fen = _parse_compensation_fen(d.pop("compensation_fen"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_defaulted_fen(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        defaulted_fen = _parse_defaulted_fen(d.pop("defaulted_fen"))

        def _parse_ended_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_on_type_0 = datetime.date.fromisoformat(data)

                return ended_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ended_on = _parse_ended_on(d.pop("ended_on"))

        fee_rate_bp = d.pop("fee_rate_bp")

        guaranteed_fen = d.pop("guaranteed_fen")

        guarantor_id = d.pop("guarantor_id")

        id = d.pop("id")

        loan_ref = d.pop("loan_ref")

        def _parse_losses_fen(data: object) -> None | Parties:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                losses_fen_type_0 = Parties.from_dict(data)

                return losses_fen_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Parties, data)

        losses_fen = _parse_losses_fen(d.pop("losses_fen"))

        maturity_date = datetime.date.fromisoformat(d.pop("maturity_date"))

        outstanding_fen = d.pop("outstanding_fen")

        principal_fen = d.pop("principal_fen")

        recovered_fen = Parties.from_dict(d.pop("recovered_fen"))

        shares_bp = Parties.from_dict(d.pop("shares_bp"))

        shares_fen = Parties.from_dict(d.pop("shares_fen"))

        small_micro = d.pop("small_micro")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        status = check_exposure_status(d.pop("status"))

        total_recovered_fen = d.pop("total_recovered_fen")

        uscc = d.pop("uscc")

        weighted_liability_fen = d.pop("weighted_liability_fen")

        exposure = cls(
            agreement_id=agreement_id,
            agri=agri,
            bank_org_id=bank_org_id,
            compensation_fen=compensation_fen,
            created_at=created_at,
            defaulted_fen=defaulted_fen,
            ended_on=ended_on,
            fee_rate_bp=fee_rate_bp,
            guaranteed_fen=guaranteed_fen,
            guarantor_id=guarantor_id,
            id=id,
            loan_ref=loan_ref,
            losses_fen=losses_fen,
            maturity_date=maturity_date,
            outstanding_fen=outstanding_fen,
            principal_fen=principal_fen,
            recovered_fen=recovered_fen,
            shares_bp=shares_bp,
            shares_fen=shares_fen,
            small_micro=small_micro,
            start_date=start_date,
            status=status,
            total_recovered_fen=total_recovered_fen,
            uscc=uscc,
            weighted_liability_fen=weighted_liability_fen,
        )

        exposure.additional_properties = d
        return exposure

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
