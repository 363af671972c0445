"""The closed sets of words loan_match's products, profiles and responses use (CONTRACT §5).

API schemas and the typed rows share them, so a value read from the database is checked
against the same set the API validates it with.
"""

from __future__ import annotations

from typing import Literal

ProductType = Literal["pure_credit", "guaranteed", "collateral", "entrepreneurship"]
RatingLevel = Literal["A", "B", "M"]
SizeName = Literal["micro", "small", "medium"]
Flag = Literal["high_tech", "specialized_sme", "agri_leading"]
Collateral = Literal[
    "ip", "receivables", "inventory", "warehouse_receipt", "real_estate", "equipment", "equity"
]
Decision = Literal["accepted", "declined", "need_info"]
ProgrammeKind = Literal["interest", "fee"]
ClaimStatus = Literal["filed", "approved", "refused"]
