from typing import Literal

ListOrgsV1OrgsGetRoleType0 = Literal[
    "admin",
    "bank",
    "fund_manager",
    "guarantor",
    "partner_app",
    "regulator",
    "tax_authority",
]

LIST_ORGS_V1_ORGS_GET_ROLE_TYPE_0_VALUES: set[ListOrgsV1OrgsGetRoleType0] = {
    "admin",
    "bank",
    "fund_manager",
    "guarantor",
    "partner_app",
    "regulator",
    "tax_authority",
}


def check_list_orgs_v1_orgs_get_role_type_0(value: str) -> ListOrgsV1OrgsGetRoleType0:
    if value in LIST_ORGS_V1_ORGS_GET_ROLE_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_ORGS_V1_ORGS_GET_ROLE_TYPE_0_VALUES!r}"
    )
