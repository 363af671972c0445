"""What each console page shows: its API sources, figures, charts and tables, with their labels.

Plain data, so the HTML shell (``render``) and the browser script read the same definitions:
the shell prints the labels and marks each slot with the answer field it shows; the script
fetches the source with the signed-in key and fills the slots. Figures follow CONTRACT §1
(statistics), §3 (/v1/credit/stats), §4 (/v1/guarantee/reports/summary, positions), §5
(/v1/match/stats) and §6 (programmes, pools).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# count: a plain integer; fen: money in 分 shown as 元; bp: basis points shown as a percentage.
Kind = Literal["count", "fen", "bp", "text"]

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


@dataclass(frozen=True)
class Chart:
    """A bar chart of some figures of one answer (``bars``), or of one answer's breakdown."""

    title_zh: str
    title_en: str
    source: str
    paths: tuple[str, ...] = ()
    kind: Kind = "count"
    # Set for a breakdown chart: "by_region" / "by_bank" draw bars, "by_month" a line.
    breakdown: str = ""
    target_bp: int | None = None


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


CREDIT = Page(
    slug="credit",
    zh="银税互动",
    en="Bank-tax credit",
    intro="GET /v1/credit/stats — 纳税信用推送、投递与贷款 (CONTRACT §3).",
    sources=(Source("stats", "/v1/credit/stats", filtered=True),),
    figure_source="stats",
    figures=(
        Figure("enterprises_rated", "已评级企业", "Enterprises rated"),
        Figure("enterprises_pushed", "已推送企业", "Enterprises pushed"),
        Figure("banks_subscribed", "订阅银行", "Banks subscribed"),
        Figure("deliveries.pending", "待投递", "Deliveries pending"),
        Figure("deliveries.failed", "投递失败", "Deliveries failed"),
        Figure("deliveries.delivered", "已投递", "Deliveries delivered"),
        Figure("loans_count", "贷款笔数", "Loans reported"),
        Figure("loans_total_fen", "贷款金额", "Loan amount", "fen"),
        Figure("pure_credit_total_fen", "纯信用贷款金额", "Pure-credit amount", "fen"),
        Figure("pure_credit_ratio_bp", "纯信用贷款比例", "Pure-credit ratio (amount)", "bp"),
        Figure("pure_credit_count_ratio_bp", "纯信用贷款笔数比例", "Pure-credit ratio (count)", "bp"),
        Figure("enterprises_with_loans", "获贷企业", "Enterprises with loans"),
        Figure("small_micro_pushed", "推送小微企业", "Small-micro pushed"),
        Figure("small_micro_with_loans", "获贷小微企业", "Small-micro with loans"),
        Figure(
            "beneficiary_ratio_bp",
            "受益户数比例",
            "Beneficiary ratio",
            "bp",
            note="获贷小微 ÷ 推送小微 small-micro with loans ÷ small-micro pushed",
        ),
    ),
    charts=(
        Chart(
            "投递状态",
            "Delivery health",
            "stats",
            ("deliveries.pending", "deliveries.delivered", "deliveries.failed"),
        ),
        Chart("贷款金额", "Loan amounts", "stats", ("loans_total_fen", "pure_credit_total_fen"), "fen"),
        Chart("按市州", "By 市州", "stats", breakdown="by_region"),
        Chart("按月", "By month", "stats", breakdown="by_month"),
    ),
    tables=(
        Table("credit-region", "按市州", "By 市州", "stats", "by_region", optional=True),
        Table("credit-month", "按月", "By month", "stats", "by_month", optional=True),
        Table("credit-bank", "按银行", "By bank", "stats", "by_bank", optional=True),
    ),
)

TIER_COLUMNS = (
    Column("outstanding_share_fen", "在保余额份额", "Outstanding share", "fen"),
    Column("active_exposures", "在保笔数", "Active exposures"),
    Column("compensated_fen", "代偿额", "Compensated", "fen"),
    Column("recovered_fen", "追偿额", "Recovered", "fen"),
)

GUARANTEE = Page(
    slug="guarantee",
    zh="担保",
    en="Guarantee",
    intro="GET /v1/guarantee/reports/summary 与机构头寸 positions (CONTRACT §4, §6).",
    sources=(
        Source("summary", "/v1/guarantee/reports/summary", filtered=True),
        Source(
            "positions",
            "/v1/guarantee/institutions?limit=100",
            each="/v1/guarantee/institutions/{id}/position",
            optional=True,
        ),
        Source(
            "pools", "/v1/guarantee/pools?limit=100", each="/v1/guarantee/pools/{id}/position", optional=True
        ),
        Source("bridge", "/v1/guarantee/bridge-funds?limit=100", optional=True),
    ),
    figure_source="summary",
    figures=(
        Figure("avg_fee_rate_bp", "平均担保费率", "Average fee rate", "bp", note="目标 ≤ 1% target"),
        Figure(
            "small_micro_agri_share_bp",
            "支小支农占比",
            "Small-micro & agri share",
            "bp",
            alt="small_micro_share_bp",
            note="目标 ≥ 80% target",
        ),
        Figure(
            "upto_5m_client_share_bp",
            "单户500万元以下占比",
            "Clients ≤ 5m yuan share",
            "bp",
            alt="upto_5m_share_bp",
            note="目标 ≥ 50% target",
        ),
        Figure("active_exposures", "在保笔数", "Active exposures"),
        Figure("active_principal_fen", "在保本金", "Active principal", "fen"),
        Figure("compensation_rate_bp", "代偿率", "Compensation rate", "bp", note="代偿额 ÷ 解除担保额"),
    ),
    charts=(
        Chart(
            "各级在保余额",
            "Outstanding by tier",
            "summary",
            (
                "tiers.national_fund.outstanding_share_fen",
                "tiers.provincial.outstanding_share_fen",
                "tiers.local.outstanding_share_fen",
            ),
            "fen",
        ),
        Chart(
            "平均费率与1%目标",
            "Average fee vs 1% target",
            "summary",
            ("avg_fee_rate_bp",),
            "bp",
            target_bp=100,
        ),
        Chart("按市州", "By 市州", "summary", breakdown="by_region"),
        Chart("按月", "By month", "summary", breakdown="by_month"),
    ),
    tables=(
        Table("guarantee-tiers", "分级", "By tier", "summary", "tiers", TIER_COLUMNS),
        Table("guarantee-region", "按市州", "By 市州", "summary", "by_region", optional=True),
        Table(
            "guarantee-positions",
            "机构头寸与代偿率",
            "Institutions' positions and 代偿率",
            "positions",
            "items",
            (
                Column("name", "机构", "Institution", "text"),
                Column("tier", "层级", "Tier", "text"),
                Column("capacity_fen", "担保能力", "Capacity", "fen"),
                Column("liability_fen", "责任余额", "Liability", "fen"),
                Column("headroom_fen", "剩余额度", "Headroom", "fen"),
                Column("active_exposures", "在保笔数", "Active exposures"),
                Column("compensated_fen", "代偿额", "Compensated", "fen"),
                Column("recovered_fen", "追偿额", "Recovered", "fen"),
                Column("compensation_rate_bp", "代偿率(累计)", "代偿率 cumulative", "bp"),
                Column("compensation_rate_year_bp", "代偿率(本年)", "代偿率 this year", "bp"),
            ),
            optional=True,
        ),
        Table(
            "guarantee-pools",
            "风险补偿资金池",
            "Risk pools",
            "pools",
            "items",
            (
                Column("name", "资金池", "Pool", "text"),
                Column("region_code", "市州", "Region", "text"),
                Column("balance_fen", "余额", "Balance", "fen"),
                Column("paid_fen", "已补偿", "Paid", "fen"),
                Column("recovered_fen", "已收回", "Recovered", "fen"),
                Column("outstanding_fen", "在贷余额", "Outstanding", "fen"),
                Column("overdue_ratio_bp", "逾期率", "Overdue ratio", "bp"),
            ),
            optional=True,
        ),
        Table(
            "guarantee-bridge",
            "应急转贷资金",
            "Bridge funds",
            "bridge",
            "items",
            (
                Column("name", "资金", "Fund", "text"),
                Column("size_fen", "规模", "Size", "fen"),
                Column("max_days", "最长天数", "Max days"),
                Column("daily_fee_bp", "日费率", "Daily fee", "bp"),
            ),
            optional=True,
        ),
    ),
)

MATCH = Page(
    slug="match",
    zh="产融对接",
    en="Matching",
    intro="GET /v1/match/stats、/v1/match/products、/v1/match/programmes (CONTRACT §5, §6).",
    sources=(
        Source("stats", "/v1/match/stats", filtered=True),
        Source("products", "/v1/match/products?limit=1000"),
        Source("programmes", "/v1/match/programmes?limit=100", optional=True),
    ),
    figure_source="stats",
    figures=(
        Figure("products", "在架产品", "Products"),
        Figure("enterprises", "企业画像", "Enterprises"),
        Figure("queries", "匹配查询", "Queries"),
        Figure("demands", "融资需求", "Demands"),
        Figure("routed", "已推送银行", "Routed"),
        Figure("responded", "已响应", "Responded"),
        Figure("accepted", "已受理", "Accepted"),
        Figure("overdue", "逾期未响应", "Overdue"),
    ),
    charts=(
        Chart(
            "需求漏斗", "Demand funnel", "stats", ("demands", "routed", "responded", "accepted", "overdue")
        ),
        Chart("产品类型", "Products by type", "products", breakdown="count:product_type"),
        Chart("按市州", "By 市州", "stats", breakdown="by_region"),
        Chart("按月", "By month", "stats", breakdown="by_month"),
    ),
    tables=(
        Table(
            "match-products",
            "贷款产品",
            "Loan products",
            "products",
            "items",
            (
                Column("name", "产品", "Product", "text"),
                Column("product_type", "类型", "Type", "text"),
                Column("bank_org_id", "银行", "Bank", "text"),
                Column("min_amount_fen", "最低额度", "Min amount", "fen"),
                Column("max_amount_fen", "最高额度", "Max amount", "fen"),
                Column("annual_rate_bp", "年利率", "Annual rate", "bp"),
            ),
        ),
        Table(
            "match-programmes",
            "贴息与补贴项目",
            "Subsidy programmes",
            "programmes",
            "items",
            (
                Column("name", "项目", "Programme", "text"),
                Column("kind", "类型", "Kind", "text"),
                Column("year", "年度", "Year", "text"),
                Column("budget_fen", "预算", "Budget", "fen"),
                Column("paid_fen", "已拨付", "Paid", "fen"),
                Column("approved_count", "已批准", "Approved"),
                Column("refused_count", "已拒绝", "Refused"),
                Column("remaining_budget_fen", "剩余预算", "Remaining budget", "fen"),
            ),
            optional=True,
        ),
        Table("match-region", "按市州", "By 市州", "stats", "by_region", optional=True),
    ),
)

PAGES: dict[str, Page] = {page.slug: page for page in (CREDIT, GUARANTEE, MATCH)}
