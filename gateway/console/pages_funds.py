"""The 政策资金 (policy funds) page: subsidy programmes, risk pools and bridge funds (CONTRACT §6)."""

from __future__ import annotations

from gateway.console.model import Chart, Column, Figure, Page, Source, Table

# Org names label bank and fund-manager ids (GET /v1/orgs: admin, and so the regulator).
ORGS = Source("orgs", "/v1/orgs?limit=1000", optional=True, names=True)

CLAIM_COLUMNS = (
    Column("claims_filed", "申请笔数", "Claims filed"),
    Column("approved_count", "已批准", "Approved"),
    Column("paid_fen", "拨付金额", "Paid", "fen"),
    Column("refused_count", "已拒绝", "Refused"),
)

FUNDS = Page(
    slug="funds",
    zh="政策资金",
    en="Policy funds",
    intro="GET /v1/match/stats/programmes、/v1/guarantee/reports/pools、/v1/guarantee/reports/bridge-funds"
    " — 贴息补助、风险补偿资金池与续贷转贷基金 (CONTRACT §6).",
    sources=(
        Source("programmes", "/v1/match/stats/programmes", filtered=True),
        Source("pools", "/v1/guarantee/reports/pools", filtered=True),
        Source("bridge", "/v1/guarantee/reports/bridge-funds", filtered=True),
        ORGS,
    ),
    figure_source="programmes",
    figures=(
        Figure("budget_fen", "贴息补助预算", "Subsidy budget", "fen"),
        Figure("paid_to_date_fen", "累计拨付", "Paid to date", "fen"),
        Figure("remaining_budget_fen", "剩余预算", "Remaining budget", "fen"),
        Figure("claims_filed", "申请笔数", "Claims filed"),
        Figure("approved_count", "已批准", "Claims approved"),
        Figure("paid_fen", "期间拨付", "Paid in the period", "fen"),
        Figure("refused_count", "已拒绝", "Claims refused"),
        Figure("pending_count", "待审核", "Awaiting decision"),
        Figure("balance_fen", "资金池余额", "Pools' balance", "fen", source="pools"),
        Figure("compensation_paid_fen", "期间补偿", "Compensation paid", "fen", source="pools"),
        Figure("recovered_to_pool_fen", "期间收回", "Recovered to the pools", "fen", source="pools"),
        Figure("overdue_ratio_bp", "资金池逾期率", "Pools' overdue ratio", "bp", source="pools"),
        Figure("outstanding_fen", "转贷在贷余额", "Bridge loans outstanding", "fen", source="bridge"),
        Figure("loans_out", "期间转贷笔数", "Bridge loans out", source="bridge"),
        Figure("loans_returned", "期间归还笔数", "Bridge loans returned", source="bridge"),
        Figure("overdue_loans", "逾期转贷", "Bridge loans overdue", source="bridge"),
    ),
    charts=(
        Chart("贴息预算与拨付", "Budget and paid", "programmes", ("budget_fen", "paid_to_date_fen"), "fen"),
        Chart(
            "各项目剩余预算",
            "Remaining budget by programme",
            "programmes",
            kind="fen",
            breakdown="by_programme",
            metric="remaining_budget_fen",
        ),
        Chart(
            "拨付按市州", "Paid by 市州", "programmes", kind="fen", breakdown="by_region", metric="paid_fen"
        ),
        Chart("拨付按月", "Paid by month", "programmes", kind="fen", breakdown="by_month", metric="paid_fen"),
        Chart(
            "资金池余额", "Pools' balances", "pools", kind="fen", breakdown="by_pool", metric="balance_fen"
        ),
        Chart(
            "转贷在贷余额",
            "Bridge funds outstanding",
            "bridge",
            kind="fen",
            breakdown="by_fund",
            metric="outstanding_fen",
        ),
    ),
    tables=(
        Table(
            "funds-programmes",
            "贴息与补助项目",
            "Subsidy programmes",
            "programmes",
            "by_programme",
            (
                Column("name", "项目", "Programme", "text"),
                Column("kind", "类型", "Kind", "text"),
                Column("year", "年度", "Year", "text"),
                Column("budget_fen", "预算", "Budget", "fen"),
                Column("paid_to_date_fen", "累计拨付", "Paid to date", "fen"),
                Column("remaining_budget_fen", "剩余预算", "Remaining", "fen"),
                Column("pending_count", "待审核", "Pending"),
                *CLAIM_COLUMNS,
            ),
        ),
        Table(
            "funds-years",
            "各年度预算",
            "Budgets by year",
            "programmes",
            "by_year",
            (
                Column("programmes", "项目数", "Programmes"),
                Column("budget_fen", "预算", "Budget", "fen"),
                Column("paid_to_date_fen", "累计拨付", "Paid to date", "fen"),
                Column("remaining_budget_fen", "剩余预算", "Remaining", "fen"),
            ),
        ),
        Table(
            "funds-refusals",
            "拒绝原因",
            "Refusals by reason",
            "programmes",
            "refused_by_reason",
            (Column("value", "拒绝笔数", "Refused claims"),),
        ),
        Table("funds-region", "贴息按市州", "Claims by 市州", "programmes", "by_region", CLAIM_COLUMNS),
        Table("funds-bank", "贴息按银行", "Claims by bank", "programmes", "by_bank", CLAIM_COLUMNS),
        Table(
            "funds-pools",
            "风险补偿资金池",
            "Risk pools",
            "pools",
            "by_pool",
            (
                Column("name", "资金池", "Pool", "text"),
                Column("region_code", "市州", "Region", "text"),
                Column("initial_balance_fen", "初始规模", "Initial balance", "fen"),
                Column("balance_fen", "余额", "Balance", "fen"),
                Column("compensation_bp", "补偿比例", "Compensation share", "bp"),
                Column("defaults", "代偿笔数", "Defaults"),
                Column("compensation_paid_fen", "补偿金额", "Compensation paid", "fen"),
                Column("uncovered_fen", "未覆盖", "Uncovered", "fen"),
                Column("recovered_to_pool_fen", "收回", "Recovered", "fen"),
                Column("outstanding_fen", "在贷余额", "Outstanding", "fen"),
                Column("overdue_ratio_bp", "逾期率", "Overdue ratio", "bp"),
            ),
        ),
        Table(
            "funds-bridge",
            "续贷转贷基金",
            "Bridge funds",
            "bridge",
            "by_fund",
            (
                Column("name", "基金", "Fund", "text"),
                Column("size_fen", "规模", "Size", "fen"),
                Column("outstanding_fen", "在贷余额", "Outstanding", "fen"),
                Column("available_fen", "可用额度", "Available", "fen"),
                Column("loans_out", "转贷笔数", "Loans out"),
                Column("lent_fen", "转贷金额", "Lent", "fen"),
                Column("loans_returned", "归还笔数", "Returned"),
                Column("fees_fen", "费用", "Fees", "fen"),
                Column("overdue_loans", "逾期笔数", "Overdue"),
                Column("overdue_fen", "逾期金额", "Overdue amount", "fen"),
            ),
        ),
    ),
)
