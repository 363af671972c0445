"""The layers of guarantee: the house layout (issue 8); below the routes no HTTP (use cases raise
kit.errors, kit.problems answers them); the routes reach the data only through the service."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[3] / "services" / "guarantee"
HTTP_MODULES = ("fastapi", "starlette", "kit.problems")
# The web layer: app.py and the routes/ package; everything else (service, repository, rules,
# schemas...) is below it.
WEB = {"app.py", *(p.relative_to(PACKAGE).as_posix() for p in (PACKAGE / "routes").glob("*.py"))}


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


BELOW_ROUTES = sorted(
    p
    for p in PACKAGE.rglob("*.py")
    if p.relative_to(PACKAGE).as_posix() not in WEB and "migrations" not in p.parts
)


@pytest.mark.parametrize("path", BELOW_ROUTES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_http_below_the_routes(path: Path) -> None:
    http = {name for name in _imported(path) if name.startswith(HTTP_MODULES)}
    assert not http, f"{path.name} imports {sorted(http)}"


# Issue 8 "one house style": the entries every service has at its top level, and no others.
LAYOUT = {
    "__init__.py",
    "app.py",
    "tables.py",
    "migrations",
    "routes",
    "schemas",
    "service",
    "repository",
    "rules",
}


def test_the_top_level_is_the_house_layout() -> None:
    entries = {p.name for p in PACKAGE.iterdir() if p.name != "__pycache__"}
    assert entries == LAYOUT


def test_rules_init_holds_no_rules() -> None:
    tree = ast.parse((PACKAGE / "rules" / "__init__.py").read_text(encoding="utf-8"))
    assert all(isinstance(node, ast.Import | ast.ImportFrom | ast.Expr) for node in tree.body)


@pytest.mark.parametrize("path", sorted((PACKAGE / "routes").glob("*.py")), ids=lambda p: p.name)
def test_routes_reach_the_data_only_through_the_service(path: Path) -> None:
    # The Repo dependency (routes/common.py) and type names are the routes' only repository imports.
    reached = {name for name in _imported(path) if name.startswith("services.guarantee.repository")}
    allowed = {"services.guarantee.repository", "services.guarantee.repository.Repository"}
    assert reached <= allowed, f"{path.name} imports {sorted(reached - allowed)}"
