"""A financing demand's state, from its routes and the banks' responses. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

Status = Literal["unmatched", "open", "responded", "accepted"]
FINAL_DECISIONS = ("accepted", "declined")


@dataclass(frozen=True)
class Answer:
    bank_org_id: str
    decision: str


def status(routed_to: Sequence[str], answers: Sequence[Answer]) -> Status:
    """unmatched: routed to no bank; accepted: some bank accepted; responded: every routed
    bank has answered; open: otherwise."""
    if not routed_to:
        return "unmatched"
    if any(a.decision == "accepted" for a in answers):
        return "accepted"
    answered = {a.bank_org_id for a in answers}
    return "responded" if set(routed_to) <= answered else "open"


def is_overdue(routed_to: Sequence[str], answers: Sequence[Answer], respond_by: date, today: date) -> bool:
    """Past ``respond_by`` with a routed bank that has not accepted or declined (CONTRACT §5):
    asking for more information (``need_info``) does not stop the clock."""
    decided = {a.bank_org_id for a in answers if a.decision in FINAL_DECISIONS}
    return today > respond_by and any(bank not in decided for bank in routed_to)


def has_decided(bank_org_id: str, answers: Sequence[Answer]) -> bool:
    """A bank that accepted or declined has decided; asking for information has not."""
    return any(a.bank_org_id == bank_org_id and a.decision in FINAL_DECISIONS for a in answers)
