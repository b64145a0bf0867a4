"""Row records, one frozen dataclass per output table (what extractors return).

Field names and order are those of the matching Arrow schema in :mod:`schemas.tables`
(``tests/test_schemas.py`` holds them equal). Money is :class:`~decimal.Decimal`, never a
float; dates are :class:`datetime.date`; unknown values are ``None``.
"""

from __future__ import annotations

import datetime as dt
import dataclasses
import functools
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Box:
    """A box of words on a page (``schemas.tables.BOX``): PDF points, the page's own
    coordinates, top-left origin."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class DocumentRow:
    doc_id: str
    source_path: str
    n_pages: int | None
    n_ocr_pages: int | None
    status: str  # ok | partial | failed
    pipeline_version: str
    file_size: int | None = None
    n_acts: int | None = None
    n_errors: int | None = None


@dataclass(frozen=True)
class PageRow:
    doc_id: str
    page: int
    text_source: str  # text_layer | ocr
    ocr_confidence: float | None
    text: str
    char_start: int
    char_end: int
    width: float | None = None
    height: float | None = None
    rotation: int | None = None
    skew: float | None = None
    n_words: int | None = None


@dataclass(frozen=True)
class ActRow:
    act_id: str
    doc_id: str
    act_index: int
    page_start: int
    page_end: int
    authority: str | None = None
    body: str | None = None
    act_number: str | None = None
    session_date: dt.date | None = None
    title: str | None = None
    president: str | None = None
    secretary: str | None = None
    prefecture_date: dt.date | None = None
    publication_date: dt.date | None = None
    members_in_office: int | None = None
    members_present: int | None = None
    members_voting: int | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    votes_not_voting: int | None = None
    unanimous: bool | None = None
    outcome: str | None = None
    char_start: int | None = None
    char_end: int | None = None
    actes_id: str | None = None  # @ctes identifier "034-213401722-20140424-…-DE"
    authority_siren: str | None = None
    matiere_code: str | None = None
    matiere_name: str | None = None
    matiere_confidence: float | None = None


@dataclass(frozen=True)
class SectionRow:
    act_id: str
    doc_id: str
    section_index: int
    kind: str
    label: str | None
    page_start: int
    page_end: int
    char_start: int
    char_end: int
    shared: bool = False


@dataclass(frozen=True)
class AttendanceRow:
    act_id: str
    doc_id: str
    position: int
    civility: str | None
    first_name: str | None
    last_name: str | None
    full_name: str | None
    status: str  # present | excused | absent | represented
    voting_rights: bool = True
    proxy_holder: str | None = None
    recused: bool = False
    printed: str | None = None  # the name as printed
    page: int | None = None
    char_start: int | None = None  # provenance (schemas.tables._provenance): filled by
    char_end: int | None = None  # pipeline.runner.provenance from the offsets an extractor gives
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    boxes: list[Box] | None = None
    person_id: str | None = None  # filled by the linker (pipeline/link)
    proxy_holder_id: str | None = None


@dataclass(frozen=True)
class LegalReferenceRow:
    act_id: str
    doc_id: str
    position: int
    kind: str
    number: str | None
    date: dt.date | None
    articles: list[str] = field(default_factory=list)
    title: str | None = None
    issuer: str | None = None
    eli: str | None = None
    text: str = ""
    page: int | None = None
    char_start: int | None = None  # provenance (schemas.tables._provenance): filled by
    char_end: int | None = None  # pipeline.runner.provenance from the offsets an extractor gives
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    boxes: list[Box] | None = None


@dataclass(frozen=True)
class ArticleRow:
    act_id: str
    doc_id: str
    number: int
    text: str
    page: int | None = None
    char_start: int | None = None  # provenance (schemas.tables._provenance): filled by
    char_end: int | None = None  # pipeline.runner.provenance from the offsets an extractor gives
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    boxes: list[Box] | None = None


@dataclass(frozen=True)
class VoteRow:
    act_id: str
    doc_id: str
    position: str  # for | against | abstain | not_voting
    count: int | None
    groups: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    page: int | None = None
    char_start: int | None = None  # provenance (schemas.tables._provenance): filled by
    char_end: int | None = None  # pipeline.runner.provenance from the offsets an extractor gives
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    boxes: list[Box] | None = None
    person_ids: list[str | None] = field(default_factory=list)  # filled by the linker


@dataclass(frozen=True)
class BudgetLineRow:
    act_id: str
    doc_id: str
    page: int
    table_index: int
    row_index: int
    section: str  # decision | report | annex
    operation_code: str | None
    imputation: str | None
    label: str | None
    column: str | None  # null for a table printed without a header
    measure: str
    amount: Decimal
    is_total: bool = False
    char_start: int | None = None  # provenance (schemas.tables._provenance): filled by
    char_end: int | None = None  # pipeline.runner.provenance from the offsets an extractor gives
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    boxes: list[Box] | None = None


@dataclass(frozen=True)
class AmountRow:
    act_id: str
    doc_id: str
    page: int
    amount: Decimal
    raw: str
    context: str
    qualifier: str | None = None  # HT | TTC
    char_start: int | None = None
    char_end: int | None = None  # provenance (schemas.tables._provenance)
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    boxes: list[Box] | None = None


@dataclass(frozen=True)
class GrantRow:
    act_id: str
    doc_id: str
    beneficiary: str | None
    beneficiary_siret: str | None
    amount: Decimal | None
    purpose: str | None
    year: int | None
    page: int | None = None
    char_start: int | None = None  # provenance (schemas.tables._provenance): filled by
    char_end: int | None = None  # pipeline.runner.provenance from the offsets an extractor gives
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    boxes: list[Box] | None = None
    beneficiary_id: str | None = None  # filled by the linker


@dataclass(frozen=True)
class GrantTermsRow:
    act_id: str
    doc_id: str
    source: str  # "convention" (an annexed convention) | "decision" (the act's own words)
    beneficiary: str | None  # the convention's partner, as named there
    beneficiary_siret: str | None
    convention_date: dt.date | None  # the date on its signature line, when filled in
    period_start: dt.date | None  # the period the convention applies to
    period_end: dt.date | None
    payment_terms: str | None  # "unique" | "échelonné" (SCDL conditionsVersement)
    payment_start: dt.date | None  # payment date(s) printed
    payment_end: dt.date | None
    de_minimis: bool | None  # aid under the EU de minimis regulation (SCDL notificationUE)
    page: int | None = None
    char_start: int | None = None  # provenance (schemas.tables._provenance): filled by
    char_end: int | None = None  # pipeline.runner.provenance from the offsets an extractor gives
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    boxes: list[Box] | None = None
    beneficiary_id: str | None = None  # filled by the linker


@dataclass(frozen=True)
class ActFieldRow:
    """Where one value of an act's ``acts`` row was read (one row per act and column)."""

    act_id: str
    doc_id: str
    column: str
    value: str
    page: int | None = None
    char_start: int | None = None
    char_end: int | None = None
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    boxes: list[Box] | None = None


@dataclass(frozen=True)
class WordRow:
    """One word of a page as read (text layer or OCR), its box in the page's own coordinates."""

    doc_id: str
    page: int
    word_index: int
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    char_start: int
    line: int
    conf: float | None = None
    furniture: bool = False


@dataclass(frozen=True)
class QualityRow:
    act_id: str
    doc_id: str
    check: str
    passed: bool
    detail: str


@dataclass(frozen=True)
class ErrorRow:
    doc_id: str | None
    source_path: str
    stage: str
    severity: str  # error | warning
    code: str
    message: str
    page: int | None = None


# ---------------------------------------------------------------------------
# Rows of the linker (pipeline/link): across the documents of a run
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonRow:
    person_id: str
    authority: str | None
    civility: str | None
    first_name: str | None
    last_name: str | None
    full_name: str
    spellings: list[str] = field(default_factory=list)
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    n_meetings: int | None = None
    n_mentions: int | None = None


@dataclass(frozen=True)
class OrganizationRow:
    organization_id: str
    name: str
    classification: str
    authority: str | None
    parent_id: str | None = None
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None


@dataclass(frozen=True)
class MembershipRow:
    membership_id: str
    person_id: str
    organization_id: str
    kind: str  # council | group
    term_start: dt.date | None
    term_end: dt.date | None
    first_meeting: dt.date | None
    last_meeting: dt.date | None
    meetings: int | None = None
    present: int | None = None
    represented: int | None = None
    excused: int | None = None
    absent: int | None = None
    attendance_rate: float | None = None


@dataclass(frozen=True)
class BeneficiaryRow:
    beneficiary_id: str
    siret: str | None
    name: str
    normalized_name: str
    spellings: list[str] = field(default_factory=list)
    authorities: list[str] = field(default_factory=list)
    n_grants: int | None = None
    total_amount: Decimal | None = None
    first_year: int | None = None
    last_year: int | None = None


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def row_dict(row: Any) -> dict[str, Any]:
    """A row record as the dict Arrow reads: :func:`dataclasses.asdict`'s result, without its
    deep copy of every value (the rows are frozen and read once here; on an archive the copy
    cost more than extracting). Nested records (a value's ``boxes``) become dicts too."""
    out = {}
    for name in _field_names(type(row)):
        value = getattr(row, name)
        if isinstance(value, list) and value and dataclasses.is_dataclass(value[0]):
            value = [row_dict(v) for v in value]
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            value = row_dict(value)
        out[name] = value
    return out
