"""kit.i18n: every problem slug and validation message has English and Chinese texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kit import i18n

ROOT = Path(__file__).resolve().parents[2]
# Slugs as the code writes them: slug="...", Problem(<status>, "...", default_slug = "...".
_SLUG = re.compile(r'(?:slug=|Problem\(\d+,\s*|default_slug = )"([a-z]+(?:-[a-z0-9]+)+|[a-z]+)"')


def _slugs_in_code() -> set[str]:
    found: set[str] = set()
    for folder in ("kit", "gateway", "services"):
        for path in (ROOT / folder).rglob("*.py"):
            if "console" in path.parts:  # page slugs, not problem slugs
                continue
            found |= set(_SLUG.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_slug_in_the_code_has_both_languages() -> None:
    missing = {
        (lang, slug)
        for slug in _slugs_in_code()
        for lang in i18n.LANGUAGES
        for kind in ("title", "detail")
        if i18n.text(f"{kind}:{slug}", lang) is None
    }
    assert not missing, f"add these to kit/locale/*/LC_MESSAGES/messages.po: {sorted(missing)}"


def test_both_catalogues_hold_the_same_keys() -> None:
    keys = [{str(m.id) for m in i18n.catalogue(lang) if m.id} for lang in i18n.LANGUAGES]
    assert keys[0] == keys[1]
    assert len(keys[0]) > 100


@pytest.mark.parametrize(
    ("header", "language"),
    [
        (None, "en"),
        ("zh-CN", "zh"),
        ("zh", "zh"),
        ("zh-Hans-CN,zh;q=0.9,en;q=0.8", "zh"),
        ("en-US,zh;q=0.5", "en"),
        ("fr, zh-TW;q=0.9", "en"),
        ("de;q=0.2, zh-TW;q=0.9", "zh"),
        ("zh;q=bad", "en"),
    ],
)
def test_the_most_preferred_tag_decides(header: str | None, language: str) -> None:
    assert i18n.language_of(header) == language


def test_a_chinese_detail_names_the_problem_members() -> None:
    token = i18n.use_language("zh-CN")
    try:
        title, detail = i18n.localise_problem(
            "leverage-limit-exceeded", "x", "y", {"limit_fen": 10, "current_fen": 3, "requested_fen": 8}
        )
        assert title == "超出放大倍数上限"
        assert "上限 10 分" in detail
        assert i18n.localise_validation("greater_than_equal", "x", {"ge": 1}) == "应大于或等于 1"
        assert i18n.localise_validation("no_such_type", "bad", None) == "字段无效：bad"
    finally:
        i18n.reset_language(token)
    assert i18n.localise_problem("not-found", "Not found", "No such thing.", {}) == (
        "Not found",
        "No such thing.",
    )
