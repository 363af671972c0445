"""The console's vocabulary: a page's sources, figures, charts and tables, as plain data that the
HTML shell (``render``) and the browser script both read (see ``pages``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# count: a plain integer; fen: money in 分 shown as 元; bp: basis points shown as a percentage;
# minutes: a duration in whole minutes, shown as hours and minutes.
Kind = Literal["count", "fen", "bp", "minutes", "text"]

# The 14 市州 of Gansu (GB/T 2260, domain-facts §6.1): the region filter and breakdown names.
REGIONS: tuple[tuple[str, str], ...] = (
    ("620100", "兰州市"),
    ("620200", "嘉峪关市"),
    ("620300", "金昌市"),
    ("620400", "白银市"),
    ("620500", "天水市"),
    ("620600", "武威市"),
    ("620700", "张掖市"),
    ("620800", "平凉市"),
    ("620900", "酒泉市"),
    ("621000", "庆阳市"),
    ("621100", "定西市"),
    ("621200", "陇南市"),
    ("622900", "临夏回族自治州"),
    ("623000", "甘南藏族自治州"),
)


@dataclass(frozen=True)
class Figure:
    """One number of an answer: ``path`` is its dotted place in the JSON (``deliveries.pending``);
    ``alt`` names the field an older service answers instead (shown when ``path`` is absent)."""

    path: str
    zh: str
    en: str
    kind: Kind = "count"
    alt: str = ""
    note: str = ""
    # The source the number is read from, when it is not the page's ``figure_source``.
    source: str = ""


@dataclass(frozen=True)
class Chart:
    """A bar chart of some figures of one answer (``paths``), or of one answer's breakdown.
    ``id`` names it in its page's chart URL (``/console/charts/<page>/<id>.svg``)."""

    id: str
    title_zh: str
    title_en: str
    source: str
    paths: tuple[str, ...] = ()
    kind: Kind = "count"
    # Set for a breakdown chart: "by_region" / "by_bank" draw bars, "by_month" a line.
    breakdown: str = ""
    target_bp: int | None = None
    # The figure of each breakdown entry drawn (default: the first known metric it carries).
    metric: str = ""


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    kind: Kind = "count"


@dataclass(frozen=True)
class Table:
    """Rows of one answer: ``rows`` is the member holding them (an object of objects such as
    ``tiers`` or ``by_region``, or ``items`` of a list). Without columns they are taken from the
    rows themselves (a breakdown carries "the same figures" as its answer)."""

    id: str
    title_zh: str
    title_en: str
    source: str
    rows: str
    columns: tuple[Column, ...] = ()
    optional: bool = False


@dataclass(frozen=True)
class Source:
    """A GET of the public API. ``filtered`` ones take ?from=&to=&region_code= (CONTRACT §1);
    ``each`` is fetched once per listed item (``{id}``) and merged into it."""

    id: str
    path: str
    filtered: bool = False
    each: str = ""
    optional: bool = False
    # Its items' ``name`` labels their ``id`` wherever an id is shown (banks by org id).
    names: bool = False


@dataclass(frozen=True)
class Page:
    slug: str
    zh: str
    en: str
    sources: tuple[Source, ...]
    figures: tuple[Figure, ...]
    charts: tuple[Chart, ...] = ()
    tables: tuple[Table, ...] = ()
    intro: str = ""
    figure_source: str = ""
