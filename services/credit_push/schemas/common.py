"""Field types the bodies of several resources of credit_push share."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import StringConstraints

Level = Literal["A", "B", "M", "C", "D"]
Evidence = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
