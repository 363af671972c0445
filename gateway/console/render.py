"""The console's HTML shell, rendered on the server: labels, navigation, filters and empty slots.

The shell holds no data and no key: the script (static/console.js) fetches the figures, and the
charts the server draws (gateway.console.charts), with the key the person typed, kept in the
tab's sessionStorage. Every text is escaped here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from html import escape

from gateway.console.pages import PAGES, REGIONS, Chart, Figure, Page, Table

ASSET_VERSION = "5"
TIER_NAMES = {
    "national_fund": "国家融资担保基金 National fund",
    "provincial": "省级再担保 Provincial",
    "local": "市县担保 Local",
}
ROW_KEY_LABELS = {
    "tiers": "层级 Tier",
    "by_region": "市州 Region",
    "by_month": "月份 Month",
    "by_bank": "银行 Bank",
    "by_programme": "项目编号 Programme id",
    "by_year": "年度 Year",
    "by_pool": "资金池编号 Pool id",
    "by_fund": "基金编号 Fund id",
    "refused_by_reason": "拒绝原因 Reason",
    "rated_by_level": "评级 Level",
    "rated_by_year": "评价年度 Evaluation year",
    "loans_by_credit_type": "贷款方式 Credit type",
}
READ_ONLY_ZH = "只读视图，数据来自公开接口。"
SIGN_IN_HINT = "输入 admin 或 regulator 的 API 密钥 Enter an admin or regulator API key"


def bilingual(zh: str, en: str) -> str:
    return f'<span lang="zh-CN">{escape(zh)}</span> <span lang="en" class="en">{escape(en)}</span>'


def _data_block(element_id: str, value: object) -> str:
    # A JSON data block is not executed, so the strict CSP allows it; "<" is escaped so the
    # text can never close the element.
    text = json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def _nav(current: str) -> str:
    links = [f'<a href="/console"{_current(current == "")}>{bilingual("首页", "Home")}</a>']
    for page in PAGES.values():
        here = _current(current == page.slug)
        links.append(f'<a href="/console/{page.slug}"{here}>{bilingual(page.zh, page.en)}</a>')
    links.append(f'<a href="/docs">{bilingual("接口文档", "API docs")}</a>')
    return '<nav aria-label="console">' + "".join(links) + "</nav>"


def _current(yes: bool) -> str:
    return ' aria-current="page"' if yes else ""


def _header(current: str) -> str:
    return (
        '<header><div class="brand">finmatch · '
        + bilingual("监管控制台", "Regulator console")
        + "</div>"
        + _nav(current)
        + '<div id="who" class="who" hidden><span id="who-name"></span>'
        + f' <button type="button" id="sign-out">{bilingual("退出", "Sign out")}</button></div>'
        + "</header>"
    )


def _sign_in() -> str:
    # The input has no name: should the script not run, submitting the form cannot put the key
    # into a URL. The script sends it only in the Authorization header.
    return (
        '<section id="sign-in" class="sign-in" hidden><h2>'
        + bilingual("登录", "Sign in")
        + '</h2><form id="sign-in-form" action="/console" method="get" autocomplete="off">'
        + f'<label for="api-key">{bilingual("API 密钥", "API key")}</label>'
        + '<input id="api-key" type="password" autocomplete="off" spellcheck="false" required>'
        + f'<button type="submit" id="sign-in-button">{bilingual("登录", "Sign in")}</button>'
        + f'<p class="hint">{escape(SIGN_IN_HINT)}</p>'
        + '<p id="sign-in-error" class="error" role="alert" hidden></p></form></section>'
    )


def _filters(page: Page, values: dict[str, str]) -> str:
    options = ['<option value="">全省 All</option>']
    for code, name in REGIONS:
        selected = " selected" if values.get("region_code") == code else ""
        options.append(f'<option value="{code}"{selected}>{escape(name)} {code}</option>')
    return (
        f'<form id="filters" class="filters" action="/console/{page.slug}" method="get">'
        + _date_input("from", "起始", "From", values)
        + _date_input("to", "截止", "To", values)
        + f'<label>{bilingual("市州", "Region")} <select name="region_code" id="region-select">'
        + "".join(options)
        + "</select></label>"
        + f'<button type="submit">{bilingual("筛选", "Apply")}</button>'
        + f'<a href="/console/{page.slug}">{bilingual("清除", "Clear")}</a></form>'
    )


def _date_input(name: str, zh: str, en: str, values: dict[str, str]) -> str:
    value = escape(values.get(name, ""))
    return f'<label>{bilingual(zh, en)} <input type="date" name="{name}" value="{value}"></label>'


def _figure(page: Page, figure: Figure) -> str:
    note = f'<small class="note">{escape(figure.note)}</small>' if figure.note else ""
    return (
        f'<div class="figure" data-source="{figure.source or page.figure_source}"'
        f' data-path="{escape(figure.path)}"'
        f' data-alt="{escape(figure.alt)}" data-kind="{figure.kind}">'
        f'<span class="label">{bilingual(figure.zh, figure.en)}</span>'
        f'<output class="value">—</output>{note}</div>'
    )


def _chart(page: Page, chart: Chart) -> str:
    # The server draws the chart (gateway.console.charts); the script fetches it with the key.
    return (
        f'<figure class="chart" id="chart-{page.slug}-{chart.id}" data-chart="{chart.id}"'
        f' data-breakdown="{escape(chart.breakdown)}" data-metric="{escape(chart.metric)}">'
        f"<figcaption>{bilingual(chart.title_zh, chart.title_en)}</figcaption>"
        '<div class="plot"><p class="muted">—</p></div></figure>'
    )


def _table(table: Table) -> str:
    head = ""
    if table.columns:
        cells = (
            [f'<th data-key="@key">{escape(ROW_KEY_LABELS[table.rows])}</th>']
            if table.rows in ROW_KEY_LABELS
            else []
        )
        cells += [
            f'<th data-key="{escape(c.key)}" data-kind="{c.kind}">{bilingual(c.zh, c.en)}</th>'
            for c in table.columns
        ]
        head = "<tr>" + "".join(cells) + "</tr>"
    return (
        f'<section class="table" id="{table.id}" data-source="{table.source}" data-rows="{table.rows}"'
        f' data-optional="{str(table.optional).lower()}"><h3>{bilingual(table.title_zh, table.title_en)}'
        f' <button type="button" class="csv" data-table="{table.id}">CSV</button></h3>'
        f'<div class="scroll"><table><thead>{head}</thead><tbody></tbody></table></div>'
        '<p class="muted empty">—</p></section>'
    )


def labels_of(page: Page | None) -> dict[str, str]:
    """What a key of an answer is called: 市州 codes, tiers, figures and columns (every page's
    when ``page`` is None)."""
    labels = {code: f"{name} {code}" for code, name in REGIONS}
    labels.update(TIER_NAMES)
    for one in PAGES.values() if page is None else (page,):
        for figure in one.figures:
            labels[figure.path] = f"{figure.zh} {figure.en}"
            if figure.alt:
                labels[figure.alt] = f"{figure.zh} {figure.en}"
        for table in one.tables:
            labels.update({c.key: f"{c.zh} {c.en}" for c in table.columns if c.key not in labels})
    labels.update({f"@{rows}": name for rows, name in ROW_KEY_LABELS.items()})
    for tier, name in TIER_NAMES.items():
        labels[f"tiers.{tier}.outstanding_share_fen"] = name
    return labels


def _document(title: str, current: str, body: Iterable[str], page: Page | None = None) -> str:
    sources = [asdict(source) for source in page.sources] if page else []
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} · finmatch</title>"
        f'<link rel="stylesheet" href="/console/static/console.css?v={ASSET_VERSION}">'
        f'<script defer src="/console/static/format.js?v={ASSET_VERSION}"></script>'
        f'<script defer src="/console/static/console.js?v={ASSET_VERSION}"></script></head>'
        f'<body data-page="{page.slug if page else ""}">'
        + _header(current)
        + "<main>"
        + _sign_in()
        + '<div id="notice" class="notice" role="status" hidden></div>'
        + "".join(body)
        + "</main>"
        + _data_block("console-sources", sources)
        + _data_block("console-labels", labels_of(page))
        + "</body></html>"
    )


def render_page(page: Page, filters: dict[str, str]) -> str:
    content = [
        f'<div id="content" class="content" hidden><h1>{bilingual(page.zh, page.en)}</h1>',
        f'<p class="intro">{escape(page.intro)}</p>',
        _filters(page, filters),
        '<section class="figures">' + "".join(_figure(page, f) for f in page.figures) + "</section>",
        '<section class="charts">' + "".join(_chart(page, c) for c in page.charts) + "</section>",
        "".join(_table(t) for t in page.tables),
        "</div>",
    ]
    return _document(f"{page.zh} {page.en}", page.slug, content, page)


def render_home() -> str:
    cards = "".join(
        f'<li><a href="/console/{p.slug}">{bilingual(p.zh, p.en)}</a><p>{escape(p.intro)}</p></li>'
        for p in PAGES.values()
    )
    content = [
        f'<div id="content" class="content" hidden><h1>{bilingual("监管控制台", "Regulator console")}</h1>',
        f'<p class="intro">{bilingual(READ_ONLY_ZH, "Read-only, over the public API.")}</p>',
        f'<ul class="cards">{cards}</ul></div>',
    ]
    return _document("监管控制台 Regulator console", "", content)
