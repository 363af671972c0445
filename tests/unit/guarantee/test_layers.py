"""Below the routes, guarantee knows no HTTP: use cases raise kit.errors, kit.problems answers them."""

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
