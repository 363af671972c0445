"""The guarantee chain's vocabulary. Pure.

国办发〔2019〕6号: three layers 国家融资担保基金 → 省级再担保 → 辖内融担机构 (the tiers), and the four
parties that share a guaranteed loan's risk: the bank, the local guarantor, the provincial
re-guarantor and the national fund."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

# Every split lists the parties in this order: it is also the tie order of the allocation rule.
PARTIES = ("bank", "guarantor", "provincial", "national")
Split = dict[str, int]

# The three tiers of the chain, top down, and the life of an exposure.
Tier = Literal["national_fund", "provincial", "local"]
Status = Literal["active", "repaid", "compensated"]


def ordered(shares: Mapping[str, int]) -> Split:
    return {party: shares[party] for party in PARTIES}
