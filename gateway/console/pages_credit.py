"""The 银税互动 page: ``GET /v1/credit/stats`` (CONTRACT §3) as figures, charts and tables.

Ratings stand as they are now; pushes, deliveries, authorisations, consents and loans are those
of the period; the 市州 filter narrows everything but banks subscribed and deliveries.
"""

from __future__ import annotations

from gateway.console.model import Chart, Column, Figure, Page, Source, Table
from gateway.console.pages_funds import ORGS

LOAN_COLUMNS = (
    Column("loans_count", "贷款笔数", "Loans"),
    Column("loans_total_fen", "贷款金额", "Loan amount", "fen"),
    Column("pure_credit_total_fen", "纯信用贷款金额", "Pure-credit amount", "fen"),
    Column("pure_credit_ratio_bp", "纯信用贷款比例", "Pure-credit ratio", "bp"),
    Column("enterprises_with_loans", "获贷企业", "Enterprises with loans"),
)
REGION_COLUMNS = (
    Column("enterprises_rated", "已评级企业", "Rated"),
    Column("enterprises_pushed", "已推送企业", "Pushed"),
    Column("small_micro_pushed", "推送小微企业", "Small-micro pushed"),
    Column("small_micro_with_loans", "获贷小微企业", "Small-micro with loans"),
    Column("beneficiary_ratio_bp", "受益户数比例", "Beneficiary ratio", "bp"),
    *LOAN_COLUMNS,
)
MONTH_COLUMNS = (
    *LOAN_COLUMNS,
    Column("small_micro_pushed_to_date", "累计推送小微", "Small-micro pushed to date"),
    Column("small_micro_with_loans_to_date", "累计获贷小微", "Small-micro with loans to date"),
    Column("beneficiary_ratio_to_date_bp", "累计受益户数比例", "Beneficiary ratio to date", "bp"),
)
BANK_COLUMNS = (
    *LOAN_COLUMNS,
    Column("deliveries.pending", "待投递", "Pending"),
    Column("deliveries.failed", "投递失败", "Failed"),
    Column("deliveries.delivered", "已投递", "Delivered"),
    Column("oldest_pending_age_seconds", "最久待投递(秒)", "Oldest pending (s)"),
)
COUNT = (Column("value", "企业数", "Enterprises"),)
YEAR_COLUMNS = (
    Column("enterprises", "企业数", "Enterprises"),
    *(Column(f"by_level.{level}", f"{level}级", f"Level {level}") for level in "ABMCD"),
)
TYPE_COLUMNS = (
    Column("loans_count", "贷款笔数", "Loans"),
    Column("loans_total_fen", "贷款金额", "Loan amount", "fen"),
)


def _statuses(member: str, zh: str, en: str) -> tuple[Figure, ...]:
    return (
        Figure(f"{member}.active", f"{zh}有效", f"{en} active"),
        Figure(f"{member}.revoked", f"{zh}已撤回", f"{en} revoked"),
        Figure(f"{member}.expired", f"{zh}已过期", f"{en} expired"),
    )


CREDIT = Page(
    slug="credit",
    zh="银税互动",
    en="Bank-tax credit",
    intro="GET /v1/credit/stats — 纳税信用评级、推送、授权、投递与贷款 (CONTRACT §3).",
    sources=(Source("stats", "/v1/credit/stats", filtered=True), ORGS),
    figure_source="stats",
    figures=(
        Figure("enterprises_rated", "已评级企业", "Enterprises rated"),
        Figure("enterprises_pushed", "已推送企业", "Enterprises pushed"),
        Figure("banks_subscribed", "订阅银行", "Banks subscribed"),
        Figure("deliveries.pending", "待投递", "Deliveries pending"),
        Figure("deliveries.failed", "投递失败", "Deliveries failed"),
        Figure("deliveries.delivered", "已投递", "Deliveries delivered"),
        Figure("oldest_pending_age_seconds", "最久待投递(秒)", "Oldest pending (seconds)"),
        *_statuses("authorisations", "企业授权", "Authorisations"),
        *_statuses("consents", "查询同意", "Consents"),
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
            "delivery-health",
            "投递状态",
            "Delivery health",
            "stats",
            ("deliveries.pending", "deliveries.delivered", "deliveries.failed"),
        ),
        Chart("rated-by-level", "评级分布", "Rated by level", "stats", breakdown="rated_by_level"),
        Chart(
            "loan-amounts",
            "贷款金额",
            "Loan amounts",
            "stats",
            ("loans_total_fen", "pure_credit_total_fen"),
            "fen",
        ),
        Chart(
            "loans-by-credit-type",
            "贷款方式",
            "Loans by credit type",
            "stats",
            kind="fen",
            breakdown="loans_by_credit_type",
            metric="loans_total_fen",
        ),
        Chart("by-region", "按市州", "By 市州", "stats", breakdown="by_region"),
        Chart("by-month", "按月", "By month", "stats", breakdown="by_month"),
        Chart(
            "beneficiary-ratio-by-month",
            "受益户数比例(按月累计)",
            "Beneficiary ratio to date, by month",
            "stats",
            kind="bp",
            breakdown="by_month",
            metric="beneficiary_ratio_to_date_bp",
        ),
        Chart(
            "pure-credit-ratio-by-month",
            "纯信用贷款比例(按月)",
            "Pure-credit ratio by month",
            "stats",
            kind="bp",
            breakdown="by_month",
            metric="pure_credit_ratio_bp",
        ),
        Chart(
            "beneficiary-ratio-by-region",
            "受益户数比例(按市州)",
            "Beneficiary ratio by 市州",
            "stats",
            kind="bp",
            breakdown="by_region",
            metric="beneficiary_ratio_bp",
        ),
        Chart(
            "pure-credit-ratio-by-region",
            "纯信用贷款比例(按市州)",
            "Pure-credit ratio by 市州",
            "stats",
            kind="bp",
            breakdown="by_region",
            metric="pure_credit_ratio_bp",
        ),
        Chart(
            "pending-by-bank",
            "各银行待投递",
            "Pending deliveries by bank",
            "stats",
            breakdown="by_bank",
            metric="deliveries.pending",
        ),
    ),
    tables=(
        Table("credit-region", "按市州", "By 市州", "stats", "by_region", REGION_COLUMNS, optional=True),
        Table("credit-month", "按月", "By month", "stats", "by_month", MONTH_COLUMNS, optional=True),
        Table("credit-bank", "按银行", "By bank", "stats", "by_bank", BANK_COLUMNS, optional=True),
        Table("credit-levels", "评级分布", "Rated by level", "stats", "rated_by_level", COUNT, optional=True),
        Table(
            "credit-years",
            "按评价年度",
            "By evaluation year",
            "stats",
            "rated_by_year",
            YEAR_COLUMNS,
            optional=True,
        ),
        Table(
            "credit-types",
            "按贷款方式",
            "By credit type",
            "stats",
            "loans_by_credit_type",
            TYPE_COLUMNS,
            optional=True,
        ),
    ),
)
