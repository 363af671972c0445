"""The roles an org may have (CONTRACT §2). The gateway owns identity, so it owns this list.

Services name the roles they let in as plain strings (``require_roles("bank")``); kit knows
only that a principal has a role, and the role of a calling service (``SERVICE_ROLE``).
"""

from __future__ import annotations

from typing import Literal, get_args

Role = Literal["admin", "regulator", "tax_authority", "bank", "guarantor", "partner_app", "fund_manager"]
ROLES: tuple[str, ...] = get_args(Role)
# The platform operator: manages orgs and keys; the bootstrap FINMATCH_ADMIN_KEY acts as one.
ADMIN: Role = "admin"
