"""The guarantee chain's rules, as pure functions on integers (fen and bp), one module a topic. No I/O.

- ``chain``: the tiers and parties of 国办发〔2019〕6号 (国家融资担保基金 → 省级再担保 → 辖内融担机构).
- ``shares``: an agreement's risk shares (国办发〔2019〕6号: bank and national fund ≥ 20% each,
  provincial ≥ national, the fund at most 40% in the 2024 科创 plan).
- ``allocation``: splitting amounts, losses and recoveries by the shares, to the fen (CONTRACT §4).
- ``limits``: leverage and single-client limits (融资担保公司监督管理条例, 国务院令第683号).
- ``weights``: the client's weights (融资担保责任余额计量办法, 银保监发〔2018〕1号) and the judgement
  of a registration, with the policy scope of 财金〔2025〕11号.
- ``funds``: risk-compensation pools and bridge (续贷转贷) funds.

Sources: ``reference/domain-facts.md`` §3–4.
"""
