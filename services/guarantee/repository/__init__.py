"""All SQL of the guarantee service, one ``Repository`` over the session of a request.

Every method answers typed rows (``services.guarantee.repository.rows``), never mappings keyed by column.
"""

from __future__ import annotations

from services.guarantee.repository.agreements import AgreementQueries
from services.guarantee.repository.base import Scope, Taken
from services.guarantee.repository.bridges import BridgeQueries
from services.guarantee.repository.exposures import ExposureQueries
from services.guarantee.repository.figures import FigureQueries
from services.guarantee.repository.fund_figures import FundFigureQueries
from services.guarantee.repository.institutions import InstitutionQueries
from services.guarantee.repository.pools import PoolQueries

__all__ = ["Repository", "Scope", "Taken"]


class Repository(
    InstitutionQueries,
    AgreementQueries,
    ExposureQueries,
    FigureQueries,
    PoolQueries,
    BridgeQueries,
    FundFigureQueries,
):
    """Institutions, agreements, exposures and the totals over them; policy pools and bridge funds."""
