"""What each console page shows: its API sources, figures, charts and tables, with their labels.

Plain data, so the HTML shell (``render``) and the browser script read the same definitions:
the shell prints the labels and marks each slot with the answer field it shows; the script
fetches the source with the signed-in key and fills the slots. Figures follow CONTRACT §1
(statistics), §3 (/v1/credit/stats), §4 (/v1/guarantee/reports/summary, positions), §5
(/v1/match/stats) and §6 (programmes, pools).
"""

from __future__ import annotations

from gateway.console.model import REGIONS, Chart, Column, Figure, Page, Source, Table
from gateway.console.pages_credit import CREDIT
from gateway.console.pages_funds import FUNDS, ORGS

__all__ = ["PAGES", "REGIONS", "Chart", "Figure", "Page", "Table"]

TIER_COLUMNS = (
    Column("outstanding_share_fen", "在保余额份额", "Outstanding share", "fen"),
    Column("active_exposures", "在保笔数", "Active exposures"),
    Column("compensated_fen", "代偿额", "Compensated", "fen"),
    Column("recovered_fen", "追偿额", "Recovered", "fen"),
)

# A 市州's or a bank's row: each tier's outstanding share, then the policy figures (CONTRACT §4).
SCOPE_COLUMNS = (
    Column("tiers.national_fund.outstanding_share_fen", "国家基金在保", "National fund outstanding", "fen"),
    Column("tiers.provincial.outstanding_share_fen", "省级再担保在保", "Provincial outstanding", "fen"),
    Column("tiers.local.outstanding_share_fen", "市县担保在保", "Local outstanding", "fen"),
    Column("active_exposures", "在保笔数", "Active exposures"),
    Column("guaranteed_balance_fen", "在保余额", "Guaranteed balance", "fen"),
    Column("avg_fee_rate_bp", "平均担保费率", "Average fee rate", "bp"),
    Column("small_micro_agri_share_bp", "支小支农占比", "Small-micro & agri share", "bp"),
)

GUARANTEE = Page(
    slug="guarantee",
    zh="担保",
    en="Guarantee",
    intro="GET /v1/guarantee/reports/summary 与机构头寸 positions (CONTRACT §4, §6).",
    sources=(
        Source("summary", "/v1/guarantee/reports/summary", filtered=True),
        ORGS,
        Source(
            "positions",
            "/v1/guarantee/institutions?limit=100",
            each="/v1/guarantee/institutions/{id}/position",
            optional=True,
        ),
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
            "outstanding-by-tier",
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
            "fee-vs-target",
            "平均费率与1%目标",
            "Average fee vs 1% target",
            "summary",
            ("avg_fee_rate_bp",),
            "bp",
            target_bp=100,
        ),
        Chart("by-region", "按市州", "By 市州", "summary", breakdown="by_region"),
        Chart("by-month", "按月", "By month", "summary", breakdown="by_month"),
    ),
    tables=(
        Table("guarantee-tiers", "分级", "By tier", "summary", "tiers", TIER_COLUMNS),
        Table("guarantee-region", "按市州", "By 市州", "summary", "by_region", SCOPE_COLUMNS, optional=True),
        Table("guarantee-bank", "按银行", "By bank", "summary", "by_bank", SCOPE_COLUMNS, optional=True),
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
    ),
)

ANSWER_COLUMNS = (
    Column("routes", "推送笔数", "Routes"),
    Column("answered", "已决定", "Decided"),
    Column("accepted", "受理", "Accepted"),
    Column("declined", "拒绝", "Declined"),
    Column("need_info", "待补充材料", "Need info"),
    Column("overdue", "逾期", "Overdue"),
    Column("answered_in_time_bp", "按时答复率", "Answered in time", "bp"),
    Column("median_answer_minutes", "答复用时中位数", "Median answer time", "minutes"),
    Column("p90_answer_minutes", "答复用时P90", "90th percentile", "minutes"),
)

FUNNEL_COLUMNS = (
    Column("demands", "融资需求", "Demands"),
    Column("routed", "已推送银行", "Routed"),
    Column("responded", "已响应", "Responded"),
    Column("accepted", "已受理", "Accepted"),
    Column("overdue", "逾期未响应", "Overdue"),
    Column("answers.routes", "推送笔数", "Routes"),
    Column("answers.answered", "已决定", "Decided"),
    Column("answers.answered_in_time_bp", "按时答复率", "Answered in time", "bp"),
    Column("answers.median_answer_minutes", "答复用时中位数", "Median answer time", "minutes"),
    Column("answers.p90_answer_minutes", "答复用时P90", "90th percentile", "minutes"),
)

MATCH = Page(
    slug="match",
    zh="产融对接",
    en="Matching",
    intro="GET /v1/match/stats、/v1/match/products — 需求漏斗与银行答复时效 (CONTRACT §5).",
    sources=(
        Source("stats", "/v1/match/stats", filtered=True),
        Source("products", "/v1/match/products?limit=1000"),
        ORGS,
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
        Figure(
            "overdue", "逾期未响应", "Overdue", note="10个工作日内未受理或拒绝 no decision in 10 working days"
        ),
        Figure(
            "answers.answered_in_time_bp",
            "按时答复率",
            "Answered in time",
            "bp",
            note="10个工作日内决定 ÷ 已决定或已逾期 decided in time ÷ decided or overdue",
        ),
        Figure("answers.median_answer_minutes", "答复用时中位数", "Median answer time", "minutes"),
        Figure("answers.p90_answer_minutes", "答复用时P90", "90th percentile answer time", "minutes"),
    ),
    charts=(
        Chart(
            "funnel",
            "需求漏斗",
            "Demand funnel",
            "stats",
            ("demands", "routed", "responded", "accepted", "overdue"),
        ),
        Chart("products-by-type", "产品类型", "Products by type", "products", breakdown="count:product_type"),
        Chart(
            "products-by-bank",
            "各银行在架产品",
            "Products by bank",
            "stats",
            breakdown="by_bank",
            metric="products",
        ),
        Chart(
            "median-answer-by-bank",
            "各银行答复用时中位数",
            "Median answer time by bank",
            "stats",
            kind="minutes",
            breakdown="by_bank",
            metric="median_answer_minutes",
        ),
        Chart(
            "overdue-by-bank",
            "各银行逾期需求",
            "Overdue by bank",
            "stats",
            breakdown="by_bank",
            metric="overdue",
        ),
        Chart("by-region", "按市州", "By 市州", "stats", breakdown="by_region", metric="demands"),
        Chart("by-month", "按月", "By month", "stats", breakdown="by_month", metric="demands"),
    ),
    tables=(
        Table(
            "match-bank",
            "各银行答复时效",
            "Answer times by bank",
            "stats",
            "by_bank",
            (Column("products", "在架产品", "Products"), *ANSWER_COLUMNS),
        ),
        Table("match-region", "按市州", "By 市州", "stats", "by_region", FUNNEL_COLUMNS, optional=True),
        Table(
            "match-month",
            "按月",
            "By month",
            "stats",
            "by_month",
            (Column("queries", "匹配查询", "Queries"), *FUNNEL_COLUMNS),
            optional=True,
        ),
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
    ),
)

PAGES: dict[str, Page] = {page.slug: page for page in (CREDIT, GUARANTEE, MATCH, FUNDS)}
