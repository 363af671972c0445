"""What the guarantee rules' tests share: the common 2:4:2:2 split and hypothesis strategies."""

from __future__ import annotations

from hypothesis import strategies as st

S2422 = {"bank": 2000, "guarantor": 4000, "provincial": 2000, "national": 2000}


@st.composite
def valid_shares(draw: st.DrawFn) -> dict[str, int]:
    national = draw(st.integers(2000, 4000))
    bank = draw(st.integers(2000, 10_000 - 2 * national))
    provincial = draw(st.integers(national, 10_000 - bank - national))
    return {
        "bank": bank,
        "guarantor": 10_000 - bank - national - provincial,
        "provincial": provincial,
        "national": national,
    }


amounts = st.integers(0, 10**12)
