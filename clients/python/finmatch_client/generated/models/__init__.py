"""Contains all the data models used in inputs/outputs"""

from .a_list_item import AListItem
from .access_entry_out import AccessEntryOut
from .access_entry_out_via import AccessEntryOutVia
from .access_entry_out_what import AccessEntryOutWhat
from .agreement import Agreement
from .agreement_create import AgreementCreate
from .answers import Answers
from .authorisation_in import AuthorisationIn
from .authorisation_out import AuthorisationOut
from .authorisation_out_status import AuthorisationOutStatus
from .bank_breakdown import BankBreakdown
from .bank_figures import BankFigures
from .blacklist_in import BlacklistIn
from .blacklist_out import BlacklistOut
from .blacklist_out_status import BlacklistOutStatus
from .bridge_flows import BridgeFlows
from .bridge_fund import BridgeFund
from .bridge_fund_create import BridgeFundCreate
from .bridge_fund_figures import BridgeFundFigures
from .bridge_loan import BridgeLoan
from .bridge_loan_create import BridgeLoanCreate
from .bridge_loan_create_size import BridgeLoanCreateSize
from .bridge_loan_status import BridgeLoanStatus
from .bridge_position import BridgePosition
from .bridge_report import BridgeReport
from .bridge_report_by_bank import BridgeReportByBank
from .bridge_report_by_fund import BridgeReportByFund
from .bridge_report_by_month import BridgeReportByMonth
from .bridge_report_by_region import BridgeReportByRegion
from .calendar import Calendar
from .calendar_in import CalendarIn
from .calendar_source import CalendarSource
from .capacity import Capacity
from .capacity_guarantor import CapacityGuarantor
from .claim import Claim
from .claim_figures import ClaimFigures
from .claim_in import ClaimIn
from .claim_status import ClaimStatus
from .consent_in import ConsentIn
from .consent_out import ConsentOut
from .consent_out_status import ConsentOutStatus
from .criterion_result import CriterionResult
from .decision_in import DecisionIn
from .decision_in_decision import DecisionInDecision
from .decision_out import DecisionOut
from .decision_out_status import DecisionOutStatus
from .default import Default
from .default_report import DefaultReport
from .default_result import DefaultResult
from .delivery_counts import DeliveryCounts
from .delivery_out import DeliveryOut
from .delivery_out_status import DeliveryOutStatus
from .demand import Demand
from .demand_figures import DemandFigures
from .demand_in import DemandIn
from .demand_response import DemandResponse
from .demand_response_decision import DemandResponseDecision
from .demand_status import DemandStatus
from .eligibility import Eligibility
from .eligibility_collateral_item import EligibilityCollateralItem
from .eligibility_product_types_item import EligibilityProductTypesItem
from .eligibility_sizes_item import EligibilitySizesItem
from .enterprise_summary import EnterpriseSummary
from .event_out import EventOut
from .event_out_data import EventOutData
from .event_out_type import EventOutType
from .excluded import Excluded
from .exposure import Exposure
from .exposure_create import ExposureCreate
from .exposure_status import ExposureStatus
from .feed_page import FeedPage
from .figure import Figure
from .get_health_response_gethealth import GetHealthResponseGethealth
from .ingest_out import IngestOut
from .institution import Institution
from .institution_create import InstitutionCreate
from .institution_create_tier import InstitutionCreateTier
from .institution_tier import InstitutionTier
from .institution_update import InstitutionUpdate
from .internal_rating_out import InternalRatingOut
from .internal_rating_out_rating import InternalRatingOutRating
from .key_info_out import KeyInfoOut
from .key_out import KeyOut
from .list_deliveries_status_type_0 import ListDeliveriesStatusType0
from .list_exposures_status_type_0 import ListExposuresStatusType0
from .list_institutions_tier_type_0 import ListInstitutionsTierType0
from .list_orgs_role_type_0 import ListOrgsRoleType0
from .loan_type_figures import LoanTypeFigures
from .match import Match
from .match_facts_out import MatchFactsOut
from .match_facts_out_refusal_type_0 import MatchFactsOutRefusalType0
from .me_out import MeOut
from .me_out_role import MeOutRole
from .month_breakdown import MonthBreakdown
from .org_in import OrgIn
from .org_in_role import OrgInRole
from .org_out import OrgOut
from .org_out_role import OrgOutRole
from .outcome_in import OutcomeIn
from .outcome_in_credit_type import OutcomeInCreditType
from .outcome_out import OutcomeOut
from .overdue_report import OverdueReport
from .page_a_list_item import PageAListItem
from .page_access_entry_out import PageAccessEntryOut
from .page_agreement import PageAgreement
from .page_authorisation_out import PageAuthorisationOut
from .page_blacklist_out import PageBlacklistOut
from .page_bridge_fund import PageBridgeFund
from .page_bridge_loan import PageBridgeLoan
from .page_consent_out import PageConsentOut
from .page_delivery_out import PageDeliveryOut
from .page_demand import PageDemand
from .page_exposure import PageExposure
from .page_institution import PageInstitution
from .page_key_info_out import PageKeyInfoOut
from .page_org_out import PageOrgOut
from .page_outcome_out import PageOutcomeOut
from .page_pool import PagePool
from .page_product import PageProduct
from .page_subscription_out import PageSubscriptionOut
from .page_upload_out import PageUploadOut
from .parties import Parties
from .pool import Pool
from .pool_bank import PoolBank
from .pool_create import PoolCreate
from .pool_default import PoolDefault
from .pool_flows import PoolFlows
from .pool_loan import PoolLoan
from .pool_loan_create import PoolLoanCreate
from .pool_loan_status import PoolLoanStatus
from .pool_position import PoolPosition
from .pool_position_by_bank import PoolPositionByBank
from .pool_position_figures import PoolPositionFigures
from .pool_recovery import PoolRecovery
from .pool_report import PoolReport
from .pool_report_by_bank import PoolReportByBank
from .pool_report_by_month import PoolReportByMonth
from .pool_report_by_pool import PoolReportByPool
from .pool_report_by_region import PoolReportByRegion
from .position import Position
from .position_tier import PositionTier
from .problem import Problem
from .problem_errors_item import ProblemErrorsItem
from .product import Product
from .product_accepted_collateral_item import ProductAcceptedCollateralItem
from .product_create import ProductCreate
from .product_create_accepted_collateral_item import ProductCreateAcceptedCollateralItem
from .product_create_min_rating_type_0 import ProductCreateMinRatingType0
from .product_create_product_type import ProductCreateProductType
from .product_create_required_flags_item import ProductCreateRequiredFlagsItem
from .product_create_sizes_item import ProductCreateSizesItem
from .product_min_rating_type_0 import ProductMinRatingType0
from .product_patch import ProductPatch
from .product_patch_accepted_collateral_type_0_item import (
    ProductPatchAcceptedCollateralType0Item,
)
from .product_patch_min_rating_type_0 import ProductPatchMinRatingType0
from .product_patch_product_type_type_0 import ProductPatchProductTypeType0
from .product_patch_required_flags_type_0_item import ProductPatchRequiredFlagsType0Item
from .product_patch_sizes_type_0_item import ProductPatchSizesType0Item
from .product_product_type import ProductProductType
from .product_required_flags_item import ProductRequiredFlagsItem
from .product_sizes_item import ProductSizesItem
from .profile import Profile
from .profile_collateral_item import ProfileCollateralItem
from .profile_flags_item import ProfileFlagsItem
from .profile_in import ProfileIn
from .profile_in_collateral_item import ProfileInCollateralItem
from .profile_in_flags_item import ProfileInFlagsItem
from .profile_size import ProfileSize
from .programme import Programme
from .programme_figures import ProgrammeFigures
from .programme_in import ProgrammeIn
from .programme_in_kind import ProgrammeInKind
from .programme_kind import ProgrammeKind
from .programme_stats import ProgrammeStats
from .programme_stats_by_bank import ProgrammeStatsByBank
from .programme_stats_by_month import ProgrammeStatsByMonth
from .programme_stats_by_programme import ProgrammeStatsByProgramme
from .programme_stats_by_region import ProgrammeStatsByRegion
from .programme_stats_by_year import ProgrammeStatsByYear
from .programme_stats_refused_by_reason import ProgrammeStatsRefusedByReason
from .query_in import QueryIn
from .query_result import QueryResult
from .rating_out import RatingOut
from .rating_out_rating import RatingOutRating
from .rating_shown import RatingShown
from .recover_in import RecoverIn
from .recover_out import RecoverOut
from .recovery import Recovery
from .recovery_result import RecoveryResult
from .region_breakdown import RegionBreakdown
from .rejected_item import RejectedItem
from .repaid import Repaid
from .repayment import Repayment
from .response_in import ResponseIn
from .response_in_decision import ResponseInDecision
from .secret_out import SecretOut
from .standing_out import StandingOut
from .stats import Stats
from .stats_by_bank import StatsByBank
from .stats_by_month import StatsByMonth
from .stats_by_region import StatsByRegion
from .stats_out import StatsOut
from .stats_out_by_bank import StatsOutByBank
from .stats_out_by_month import StatsOutByMonth
from .stats_out_by_region import StatsOutByRegion
from .stats_out_loans_by_credit_type import StatsOutLoansByCreditType
from .stats_out_rated_by_level import StatsOutRatedByLevel
from .stats_out_rated_by_year import StatsOutRatedByYear
from .stats_products_by_type import StatsProductsByType
from .status_counts import StatusCounts
from .subscription_created import SubscriptionCreated
from .subscription_created_min_rating_type_0 import SubscriptionCreatedMinRatingType0
from .subscription_created_status import SubscriptionCreatedStatus
from .subscription_in import SubscriptionIn
from .subscription_in_min_rating_type_0 import SubscriptionInMinRatingType0
from .subscription_out import SubscriptionOut
from .subscription_out_min_rating_type_0 import SubscriptionOutMinRatingType0
from .subscription_out_status import SubscriptionOutStatus
from .subscription_patch import SubscriptionPatch
from .subscription_patch_min_rating_type_0 import SubscriptionPatchMinRatingType0
from .subscription_patch_status_type_0 import SubscriptionPatchStatusType0
from .summary import Summary
from .summary_by_bank import SummaryByBank
from .summary_by_region import SummaryByRegion
from .summary_figures import SummaryFigures
from .summary_tiers import SummaryTiers
from .tax_multiple import TaxMultiple
from .tier_figures import TierFigures
from .upload_accepted import UploadAccepted
from .upload_out import UploadOut
from .upload_out_status import UploadOutStatus
from .upload_ratings_json_ratings_upload import UploadRatingsJsonRatingsUpload
from .upload_ratings_json_ratings_upload_rating_item import (
    UploadRatingsJsonRatingsUploadRatingItem,
)
from .upload_ratings_json_ratings_upload_rating_item_rating import (
    UploadRatingsJsonRatingsUploadRatingItemRating,
)
from .year_figures import YearFigures
from .year_ratings import YearRatings
from .year_ratings_by_level import YearRatingsByLevel

__all__ = (
    "AListItem",
    "AccessEntryOut",
    "AccessEntryOutVia",
    "AccessEntryOutWhat",
    "Agreement",
    "AgreementCreate",
    "Answers",
    "AuthorisationIn",
    "AuthorisationOut",
    "AuthorisationOutStatus",
    "BankBreakdown",
    "BankFigures",
    "BlacklistIn",
    "BlacklistOut",
    "BlacklistOutStatus",
    "BridgeFlows",
    "BridgeFund",
    "BridgeFundCreate",
    "BridgeFundFigures",
    "BridgeLoan",
    "BridgeLoanCreate",
    "BridgeLoanCreateSize",
    "BridgeLoanStatus",
    "BridgePosition",
    "BridgeReport",
    "BridgeReportByBank",
    "BridgeReportByFund",
    "BridgeReportByMonth",
    "BridgeReportByRegion",
    "Calendar",
    "CalendarIn",
    "CalendarSource",
    "Capacity",
    "CapacityGuarantor",
    "Claim",
    "ClaimFigures",
    "ClaimIn",
    "ClaimStatus",
    "ConsentIn",
    "ConsentOut",
    "ConsentOutStatus",
    "CriterionResult",
    "DecisionIn",
    "DecisionInDecision",
    "DecisionOut",
    "DecisionOutStatus",
    "Default",
    "DefaultReport",
    "DefaultResult",
    "DeliveryCounts",
    "DeliveryOut",
    "DeliveryOutStatus",
    "Demand",
    "DemandFigures",
    "DemandIn",
    "DemandResponse",
    "DemandResponseDecision",
    "DemandStatus",
    "Eligibility",
    "EligibilityCollateralItem",
    "EligibilityProductTypesItem",
    "EligibilitySizesItem",
    "EnterpriseSummary",
    "EventOut",
    "EventOutData",
    "EventOutType",
    "Excluded",
    "Exposure",
    "ExposureCreate",
    "ExposureStatus",
    "FeedPage",
    "Figure",
    "GetHealthResponseGethealth",
    "IngestOut",
    "Institution",
    "InstitutionCreate",
    "InstitutionCreateTier",
    "InstitutionTier",
    "InstitutionUpdate",
    "InternalRatingOut",
    "InternalRatingOutRating",
    "KeyInfoOut",
    "KeyOut",
    "ListDeliveriesStatusType0",
    "ListExposuresStatusType0",
    "ListInstitutionsTierType0",
    "ListOrgsRoleType0",
    "LoanTypeFigures",
    "Match",
    "MatchFactsOut",
    "MatchFactsOutRefusalType0",
    "MeOut",
    "MeOutRole",
    "MonthBreakdown",
    "OrgIn",
    "OrgInRole",
    "OrgOut",
    "OrgOutRole",
    "OutcomeIn",
    "OutcomeInCreditType",
    "OutcomeOut",
    "OverdueReport",
    "PageAListItem",
    "PageAccessEntryOut",
    "PageAgreement",
    "PageAuthorisationOut",
    "PageBlacklistOut",
    "PageBridgeFund",
    "PageBridgeLoan",
    "PageConsentOut",
    "PageDeliveryOut",
    "PageDemand",
    "PageExposure",
    "PageInstitution",
    "PageKeyInfoOut",
    "PageOrgOut",
    "PageOutcomeOut",
    "PagePool",
    "PageProduct",
    "PageSubscriptionOut",
    "PageUploadOut",
    "Parties",
    "Pool",
    "PoolBank",
    "PoolCreate",
    "PoolDefault",
    "PoolFlows",
    "PoolLoan",
    "PoolLoanCreate",
    "PoolLoanStatus",
    "PoolPosition",
    "PoolPositionByBank",
    "PoolPositionFigures",
    "PoolRecovery",
    "PoolReport",
    "PoolReportByBank",
    "PoolReportByMonth",
    "PoolReportByPool",
    "PoolReportByRegion",
    "Position",
    "PositionTier",
    "Problem",
    "ProblemErrorsItem",
    "Product",
    "ProductAcceptedCollateralItem",
    "ProductCreate",
    "ProductCreateAcceptedCollateralItem",
    "ProductCreateMinRatingType0",
    "ProductCreateProductType",
    "ProductCreateRequiredFlagsItem",
    "ProductCreateSizesItem",
    "ProductMinRatingType0",
    "ProductPatch",
    "ProductPatchAcceptedCollateralType0Item",
    "ProductPatchMinRatingType0",
    "ProductPatchProductTypeType0",
    "ProductPatchRequiredFlagsType0Item",
    "ProductPatchSizesType0Item",
    "ProductProductType",
    "ProductRequiredFlagsItem",
    "ProductSizesItem",
    "Profile",
    "ProfileCollateralItem",
    "ProfileFlagsItem",
    "ProfileIn",
    "ProfileInCollateralItem",
    "ProfileInFlagsItem",
    "ProfileSize",
    "Programme",
    "ProgrammeFigures",
    "ProgrammeIn",
    "ProgrammeInKind",
    "ProgrammeKind",
    "ProgrammeStats",
    "ProgrammeStatsByBank",
    "ProgrammeStatsByMonth",
    "ProgrammeStatsByProgramme",
    "ProgrammeStatsByRegion",
    "ProgrammeStatsByYear",
    "ProgrammeStatsRefusedByReason",
    "QueryIn",
    "QueryResult",
    "RatingOut",
    "RatingOutRating",
    "RatingShown",
    "RecoverIn",
    "RecoverOut",
    "Recovery",
    "RecoveryResult",
    "RegionBreakdown",
    "RejectedItem",
    "Repaid",
    "Repayment",
    "ResponseIn",
    "ResponseInDecision",
    "SecretOut",
    "StandingOut",
    "Stats",
    "StatsByBank",
    "StatsByMonth",
    "StatsByRegion",
    "StatsOut",
    "StatsOutByBank",
    "StatsOutByMonth",
    "StatsOutByRegion",
    "StatsOutLoansByCreditType",
    "StatsOutRatedByLevel",
    "StatsOutRatedByYear",
    "StatsProductsByType",
    "StatusCounts",
    "SubscriptionCreated",
    "SubscriptionCreatedMinRatingType0",
    "SubscriptionCreatedStatus",
    "SubscriptionIn",
    "SubscriptionInMinRatingType0",
    "SubscriptionOut",
    "SubscriptionOutMinRatingType0",
    "SubscriptionOutStatus",
    "SubscriptionPatch",
    "SubscriptionPatchMinRatingType0",
    "SubscriptionPatchStatusType0",
    "Summary",
    "SummaryByBank",
    "SummaryByRegion",
    "SummaryFigures",
    "SummaryTiers",
    "TaxMultiple",
    "TierFigures",
    "UploadAccepted",
    "UploadOut",
    "UploadOutStatus",
    "UploadRatingsJsonRatingsUpload",
    "UploadRatingsJsonRatingsUploadRatingItem",
    "UploadRatingsJsonRatingsUploadRatingItemRating",
    "YearFigures",
    "YearRatings",
    "YearRatingsByLevel",
)
