"""Every relative link of README.md, ARCHITECTURE.md and docs/*.md resolves in a fresh clone: the
file is in the repository and, for ``file.md#anchor``, the heading is in that file (issue 14: the
README once linked ``../shared/CONTRACT.md``, outside the repository)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", ROOT / "ARCHITECTURE.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")
FENCE = re.compile(r"```.*?```", re.S)


def anchors(page: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces become hyphens."""
    headings = re.findall(r"^#+ (.+)$", FENCE.sub("", page.read_text(encoding="utf-8")), re.M)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


def links(page: Path) -> list[str]:
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    text = re.sub(r"`[^`\n]*`", "", text)  # `a](b)` inside inline code is not a link
    return [link for link in LINK.findall(text) if not re.match(r"^[a-z]+:", link)]


def test_the_guides_the_readme_promises_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for guide in ("bank", "guarantor", "partner-app", "tax-authority", "operations", "CONTRACT"):
        assert f"](docs/{guide}.md)" in readme, guide
    assert "shared/" not in readme


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_every_relative_link_resolves_in_the_repository(page: Path) -> None:
    broken = []
    for link in links(page):
        target, _, anchor = link.partition("#")
        path = (page.parent / target).resolve() if target else page
        inside = path.exists() and ROOT in (path, *path.parents)
        if not inside or (anchor and path.suffix == ".md" and anchor not in anchors(path)):
            broken.append(link)
    assert not broken, broken
