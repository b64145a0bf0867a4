"""Output tables: Arrow schemas (:mod:`schemas.tables`) and row records (:mod:`schemas.rows`)."""

from schemas.rows import (
    ActRow,
    AmountRow,
    ArticleRow,
    AttendanceRow,
    BeneficiaryRow,
    BudgetLineRow,
    DocumentRow,
    ErrorRow,
    GrantRow,
    GrantTermsRow,
    LegalReferenceRow,
    MembershipRow,
    OrganizationRow,
    PageRow,
    PersonRow,
    QualityRow,
    SectionRow,
    VoteRow,
)
from schemas.tables import TABLES

ROW_TYPES = {
    "documents": DocumentRow,
    "pages": PageRow,
    "acts": ActRow,
    "sections": SectionRow,
    "attendance": AttendanceRow,
    "legal_references": LegalReferenceRow,
    "articles": ArticleRow,
    "votes": VoteRow,
    "budget_lines": BudgetLineRow,
    "amounts": AmountRow,
    "grants": GrantRow,
    "grant_terms": GrantTermsRow,
    "quality": QualityRow,
    "errors": ErrorRow,
    "persons": PersonRow,
    "organizations": OrganizationRow,
    "memberships": MembershipRow,
    "beneficiaries": BeneficiaryRow,
}

__all__ = ["TABLES", "ROW_TYPES", *[t.__name__ for t in ROW_TYPES.values()]]
