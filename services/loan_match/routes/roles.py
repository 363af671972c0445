"""Who may call loan_match's operations (CONTRACT §5, §6), as route parameters."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from kit.principal import Principal, require_roles

Bank = Annotated[Principal, Depends(require_roles("bank"))]
PartnerApp = Annotated[Principal, Depends(require_roles("partner_app"))]
Admin = Annotated[Principal, Depends(require_roles("admin"))]
FundManager = Annotated[Principal, Depends(require_roles("fund_manager"))]
AppOrBank = Annotated[Principal, Depends(require_roles("partner_app", "bank"))]
# CONTRACT §5 "any": every role of the platform, the fund managers of §6 included.
AnyRole = Annotated[
    Principal,
    Depends(
        require_roles(
            "admin", "regulator", "tax_authority", "bank", "guarantor", "partner_app", "fund_manager"
        )
    ),
]
Filer = Annotated[Principal, Depends(require_roles("bank", "partner_app"))]
# Claims are read by their programme's fund manager, by their filer, and by admin and regulator.
ClaimReader = Annotated[
    Principal, Depends(require_roles("fund_manager", "bank", "partner_app", "admin", "regulator"))
]
ProgrammeReader = Annotated[Principal, Depends(require_roles("admin", "fund_manager"))]
