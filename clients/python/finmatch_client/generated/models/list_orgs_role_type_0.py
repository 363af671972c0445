from typing import Literal

ListOrgsRoleType0 = Literal[
    "admin",
    "bank",
    "fund_manager",
    "guarantor",
    "partner_app",
    "regulator",
    "tax_authority",
]

LIST_ORGS_ROLE_TYPE_0_VALUES: set[ListOrgsRoleType0] = {
    "admin",
    "bank",
    "fund_manager",
    "guarantor",
    "partner_app",
    "regulator",
    "tax_authority",
}


def check_list_orgs_role_type_0(value: str) -> ListOrgsRoleType0:
    if value in LIST_ORGS_ROLE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_ORGS_ROLE_TYPE_0_VALUES!r}"
    )
