"""Output tables: Arrow schemas (:mod:`schemas.tables`) and row records (:mod:`schemas.rows`)."""

from schemas.rows import (
    ActFieldRow,
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
    WordRow,
)
from schemas.tables import NATURAL_KEYS, PROVENANCE_TABLES, TABLES

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
    "act_fields": ActFieldRow,
    "words": WordRow,
    "quality": QualityRow,
    "errors": ErrorRow,
    "persons": PersonRow,
    "organizations": OrganizationRow,
    "memberships": MembershipRow,
    "beneficiaries": BeneficiaryRow,
}

__all__ = ["TABLES", "ROW_TYPES", "NATURAL_KEYS", "PROVENANCE_TABLES", *[t.__name__ for t in ROW_TYPES.values()]]
