from typing import Literal

OrgInRole = Literal[
    "admin",
    "bank",
    "fund_manager",
    "guarantor",
    "partner_app",
    "regulator",
    "tax_authority",
]

ORG_IN_ROLE_VALUES: set[OrgInRole] = {
    "admin",
    "bank",
    "fund_manager",
    "guarantor",
    "partner_app",
    "regulator",
    "tax_authority",
}


def check_org_in_role(value: str) -> OrgInRole:
    if value in ORG_IN_ROLE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ORG_IN_ROLE_VALUES!r}"
    )
