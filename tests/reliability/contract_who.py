"""The "who" column of every operation table in CONTRACT.md, read from the contract itself.

The contract ships in the repository as ``docs/CONTRACT.md``; until it does, the shared copy
(``/work/shared/CONTRACT.md``) is read. ``who_column()`` maps ``(METHOD, path)`` with path
parameters written ``{}`` (the contract and the spec name them differently) to the cell's text;
``roles_named()`` turns that text into the roles it admits.
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CANDIDATES = (REPO / "docs" / "CONTRACT.md", Path("/work/shared/CONTRACT.md"))
ROLES = ("admin", "regulator", "tax_authority", "bank", "guarantor", "partner_app", "fund_manager")
METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"}
# Words of a "who" cell that name a role without its identifier.
ALIASES = {
    "any": ROLES,
    "itself": ("guarantor",),
    "its ancestors": ("guarantor",),
    "national_fund": ("guarantor",),
    "provincial": ("guarantor",),
    "the guarantor": ("guarantor",),
    # §4 Visibility: a guarantor its own (and its subtree's), a bank where it lends, admin all.
    "see visibility": ("admin", "guarantor", "bank"),
}


def contract_text() -> str:
    for path in CANDIDATES:
        if path.exists():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"no CONTRACT.md in {[str(p) for p in CANDIDATES]}")


def template(path: str) -> str:
    """``/v1/x/{sub_id}/y`` -> ``/v1/x/{}/y``: the shape both documents agree on."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def _paths(cell: str) -> list[str]:
    """``/v1/a[/{id}]`` is two paths: the collection and the item."""
    cell = cell.strip().strip("`")
    optional = re.fullmatch(r"(.*)\[(.*)\]", cell)
    if optional:
        return [optional.group(1), optional.group(1) + optional.group(2)]
    return [cell]


def who_column(text: str | None = None) -> dict[tuple[str, str], str]:
    """Every (method, templated path) of a contract table and its "who" cell."""
    found: dict[tuple[str, str], str] = {}
    for line in (text if text is not None else contract_text()).splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not cells[1].startswith("/"):
            continue
        methods = [m.strip() for m in cells[0].split(",")]
        if not methods or not set(methods) <= METHODS:
            continue
        paths = _paths(cells[1])
        for method in methods:
            # "GET, PATCH, DELETE | /x[/{id}]": the list is read only; the others act on the item.
            for path in paths if method == "GET" else paths[-1:]:
                found.setdefault((method, template(path)), cells[2])
    return found


def roles_named(who: str, method: str) -> frozenset[str]:
    """The roles a "who" cell admits; a regulator reads wherever admin reads (§2)."""
    text = who.lower()
    roles = {role for role in ROLES if re.search(rf"\b{role}\b", text)}
    for alias, named in ALIASES.items():
        if re.search(rf"\b{alias}\b", text):
            roles |= set(named)
    if "admin" in roles and method == "GET":
        roles.add("regulator")
    if method != "GET":
        roles.discard("regulator")
    return frozenset(roles)
