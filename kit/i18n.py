"""The language of an answer's human text (CONTRACT §1 "Language").

With ``Accept-Language: zh-CN`` (or any ``zh``), a problem's ``title`` and ``detail`` and every
validation message are Chinese; otherwise English. The ``type`` slug never changes. The texts live
in one gettext catalogue per language (``kit/locale/<lang>/LC_MESSAGES/messages.po``), read with
Babel, so translators work on ordinary .po files. Keys are ``title:<slug>``, ``detail:<slug>``
and ``validation:<pydantic error type>``; a detail may name ``{members}`` of the problem body.
"""

from __future__ import annotations

import contextvars
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

Language = Literal["en", "zh"]
LANGUAGES: tuple[Language, ...] = ("en", "zh")
LOCALE_DIR = Path(__file__).parent / "locale"
_language: contextvars.ContextVar[Language] = contextvars.ContextVar("language", default="en")


def language_of(accept_language: str | None) -> Language:
    """Chinese when the caller's most preferred language tag is ``zh`` (any region)."""
    best: tuple[float, str] = (-1.0, "en")
    for part in (accept_language or "").split(","):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        if tag and quality > best[0]:
            best = (quality, tag.strip().lower())
    return "zh" if best[1] == "zh" or best[1].startswith("zh-") else "en"


def use_language(accept_language: str | None) -> contextvars.Token[Language]:
    return _language.set(language_of(accept_language))


def reset_language(token: contextvars.Token[Language]) -> None:
    _language.reset(token)


def current_language() -> Language:
    return _language.get()


@cache
def catalogue(language: Language) -> Catalog:
    with (LOCALE_DIR / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale="zh_Hans_CN" if language == "zh" else "en")


def text(key: str, language: Language | None = None) -> str | None:
    """The catalogue's text for ``key`` in ``language`` (default: the request's), or None."""
    message = catalogue(language or current_language()).get(key)
    if message is None or not message.string:
        return None
    return str(message.string)


class _Members(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _format(template: str, members: Mapping[str, Any]) -> str:
    return template.format_map(_Members(members))


def localise_problem(slug: str, title: str, detail: str, members: Mapping[str, Any]) -> tuple[str, str]:
    """The title and detail in the request's language; English answers keep the code's own text."""
    if current_language() == "en":
        return title, detail
    zh_title = text(f"title:{slug}") or text("title:error") or title
    zh_detail = text(f"detail:{slug}")
    return zh_title, _format(zh_detail, members) if zh_detail else detail


def localise(key: str, english: str, members: Mapping[str, Any]) -> str:
    """A text in the request's language: ``english`` as the code made it, or the catalogue's
    template for ``key`` filled with ``members`` (the English text when none is catalogued)."""
    if current_language() == "en":
        return english
    template = text(key)
    return _format(template, members) if template else english


def localise_validation(error_type: str, message: str, context: Mapping[str, Any] | None) -> str:
    """One validation message (pydantic's ``type`` and ``ctx``) in the request's language."""
    if current_language() == "en":
        return message
    template = text(f"validation:{error_type}")
    if template is None:
        return _format(text("validation:other") or "{message}", {"message": message})
    return _format(template, {"message": message, **(context or {})})


class Sentence(str):
    """An English sentence that also knows its catalogue key and the values it names, so the
    answer's edge can give it in the request's language (``localise_sentence``). It is a ``str``:
    the code that makes and compares it needs no change."""

    key: str
    members: Mapping[str, Any]

    def __new__(cls, key: str, english: str, **members: Any) -> Sentence:
        sentence = super().__new__(cls, english)
        sentence.key = key
        sentence.members = members
        return sentence


def localise_sentence(sentence: str) -> str:
    """``sentence`` in the request's language when it is a ``Sentence``, else as it is."""
    if isinstance(sentence, Sentence):
        return localise(sentence.key, str(sentence), sentence.members)
    return sentence
