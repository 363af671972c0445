"""What counts as non-public data leaving credit_push, for the access log (CONTRACT §3). Pure.

Tax detail is taxpayer information protected by 税收征管法 第八条 and 纳税人涉税保密信息管理暂行办法
(国税发〔2008〕93号), which asks that every use of it be recorded; the yearly A list is published
(纳税信用A级纳税人名单), so a current A rating without the tax figure is public and not logged.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from services.credit_push.rules.entitlement import PUBLIC_LEVEL, PUBLISHED

What = Literal["rating", "tax_figure"]
Via = Literal["rating_read", "feed", "webhook", "match_query"]


def what_left(rating: str, tax_figure: int | None) -> What | None:
    """What non-public data an answer carrying ``rating`` (and ``tax_figure``, when set) gives away."""
    if tax_figure is not None:
        return "tax_figure"
    if rating != PUBLIC_LEVEL:
        return "rating"
    return None


def what_event_carries(event_type: str, data: Mapping[str, Any]) -> What | None:
    """A `published` event carries its rating (and maybe the figure); a `withdrawn` only says it ended."""
    if event_type != PUBLISHED:
        return None
    return what_left(str(data.get("rating")), data.get("avg_annual_tax_fen"))
