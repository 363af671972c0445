from typing import Literal

OrgOutRole = Literal[
    "admin",
    "bank",
    "fund_manager",
    "guarantor",
    "partner_app",
    "regulator",
    "tax_authority",
]

ORG_OUT_ROLE_VALUES: set[OrgOutRole] = {
    "admin",
    "bank",
    "fund_manager",
    "guarantor",
    "partner_app",
    "regulator",
    "tax_authority",
}


def check_org_out_role(value: str) -> OrgOutRole:
    if value in ORG_OUT_ROLE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ORG_OUT_ROLE_VALUES!r}"
    )
