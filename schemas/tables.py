"""Arrow schemas of the output tables: the single source of truth for columns and types.

One ``pa.schema`` per table of ``../shared/CONTRACT.md`` (columns may be added, never
renamed). Dates are ``date32``, money ``decimal128(18, 2)``, counts ``int32``, lists
``list<string>``. Each field's metadata carries a one-line description.
"""

from __future__ import annotations

import pyarrow as pa

MONEY = pa.decimal128(18, 2)
STR_LIST = pa.list_(pa.string())

#: One box of words on a page: the page (1-based) and the box in PDF points, in the page's own
#: coordinates (origin at its top-left corner, y growing downwards, as pypdfium2 renders it).
BOX = pa.struct([
    pa.field("page", pa.int32()),
    pa.field("x0", pa.float64()),
    pa.field("top", pa.float64()),
    pa.field("x1", pa.float64()),
    pa.field("bottom", pa.float64()),
])
#: The boxes of a value's words, one per printed line: a value that wraps over lines or pages
#: has several.
BOXES = pa.list_(BOX)


def _f(name: str, type_: pa.DataType, doc: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"description": doc})


def _provenance(what: str, *, char_start: bool = True) -> list[pa.Field]:
    """Where ``what`` was read: its character range in the document text and its words' boxes.

    ``char_start``/``char_end`` are a half-open range of ``Document.text`` (the ``pages`` table's
    texts joined by a form feed), document-absolute and 0-based; ``x0, top, x1, bottom`` the
    union box of its words on the row's ``page``, in PDF points of the page's own coordinates
    (top-left origin; OCR boxes turned back to the page as it is stored); ``boxes`` one box per
    line of its words, with its page. All null when the value could not be placed
    (docs/provenance.md says when).
    """
    fields = [_f("char_start", pa.int64(), f"start offset of {what} in the document text")] if char_start else []
    return fields + [
        _f("char_end", pa.int64(), f"end offset (exclusive) of {what} in the document text"),
        _f("x0", pa.float64(), f"left edge of the box of {what} on its page, PDF points"),
        _f("top", pa.float64(), f"top edge of the box of {what} on its page, PDF points from the page top"),
        _f("x1", pa.float64(), f"right edge of the box of {what} on its page, PDF points"),
        _f("bottom", pa.float64(), f"bottom edge of the box of {what} on its page, PDF points from the page top"),
        _f("boxes", BOXES, f"one box per printed line of {what} (page, x0, top, x1, bottom): "
           "several when it wraps over lines or pages"),
    ]


DOCUMENTS = pa.schema([
    _f("doc_id", pa.string(), "sha256 hex of the file bytes", False),
    _f("source_path", pa.string(), "path of the input file as given", False),
    _f("n_pages", pa.int32(), "number of pages"),
    _f("n_ocr_pages", pa.int32(), "pages whose text came from OCR"),
    _f("status", pa.string(), "ok | partial | failed", False),
    _f("pipeline_version", pa.string(), "version of the pipeline that wrote the row", False),
    _f("file_size", pa.int64(), "size of the file in bytes"),
    _f("n_acts", pa.int32(), "acts found in the file"),
    _f("n_errors", pa.int32(), "rows of errors (errors and warnings) for the file"),
])

PAGES = pa.schema([
    _f("doc_id", pa.string(), "document", False),
    _f("page", pa.int32(), "1-based page number", False),
    _f("text_source", pa.string(), "text_layer | ocr", False),
    _f("ocr_confidence", pa.float64(), "mean Tesseract word confidence 0-100, null for a text layer"),
    _f("text", pa.string(), "the page's text", False),
    _f("char_start", pa.int64(), "offset of the page's text in the document text", False),
    _f("char_end", pa.int64(), "end offset (exclusive) of the page's text", False),
    _f("width", pa.float64(), "page width in points"),
    _f("height", pa.float64(), "page height in points"),
    _f("rotation", pa.int32(), "degrees the page image was turned before OCR"),
    _f("skew", pa.float64(), "degrees of skew corrected before OCR"),
    _f("n_words", pa.int32(), "words with positions kept for the page"),
])

ACTS = pa.schema([
    _f("act_id", pa.string(), "stable id: same input, same id", False),
    _f("doc_id", pa.string(), "document", False),
    _f("act_index", pa.int32(), "0-based order of the act in the file", False),
    _f("page_start", pa.int32(), "first page of the act", False),
    _f("page_end", pa.int32(), "last page of the act, annexes included", False),
    _f("authority", pa.string(), "the collectivité, as the document styles it"),
    _f("body", pa.string(), "commission_permanente | conseil_departemental | conseil_regional | "
       "conseil_municipal | conseil_communautaire | bureau | other"),
    _f("act_number", pa.string(), "act number as printed, without N°"),
    _f("session_date", pa.date32(), "date of the meeting"),
    _f("title", pa.string(), "object of the deliberation, one line"),
    _f("president", pa.string(), "who presided, Prénom NOM"),
    _f("secretary", pa.string(), "secrétaire de séance, Prénom NOM"),
    _f("prefecture_date", pa.date32(), "sent to the prefecture (contrôle de légalité)"),
    _f("publication_date", pa.date32(), "published or displayed"),
    _f("members_in_office", pa.int32(), "members en exercice, when printed"),
    _f("members_present", pa.int32(), "members present, when printed"),
    _f("members_voting", pa.int32(), "votants, when printed"),
    _f("votes_for", pa.int32(), "votes for, when printed as a number"),
    _f("votes_against", pa.int32(), "votes against, when printed"),
    _f("votes_abstain", pa.int32(), "abstentions, when printed"),
    _f("votes_not_voting", pa.int32(), "members not taking part in the vote, when printed"),
    _f("unanimous", pa.bool_(), "the text says unanimous (true) or gives votes against/abstentions (false)"),
    _f("outcome", pa.string(), "adopted | rejected"),
    _f("char_start", pa.int64(), "start offset of the act in the document text"),
    _f("char_end", pa.int64(), "end offset (exclusive) of the act, annexes included"),
    _f("actes_id", pa.string(), "@ctes identifier printed on the act, e.g. 034-213401722-20140424-0000071251-DE"),
    _f("authority_siren", pa.string(), "SIREN of the collectivité when the document prints it (@ctes id)"),
    _f("matiere_code", pa.string(), "ACTES level-2 matière code, e.g. 7.5"),
    _f("matiere_name", pa.string(), "ACTES matière label"),
    _f("matiere_confidence", pa.float64(), "confidence 0-1 of the matière classification"),
])

SECTIONS = pa.schema([
    _f("act_id", pa.string(), "act", False),
    _f("doc_id", pa.string(), "document", False),
    _f("section_index", pa.int32(), "0-based order of the section in the act", False),
    _f("kind", pa.string(), "header | attendance | visas | considerants | decision | articles | "
       "vote | signature | annex", False),
    _f("label", pa.string(), "what an annex is (convention, rapport, programme, annexe)"),
    _f("page_start", pa.int32(), "first page", False),
    _f("page_end", pa.int32(), "last page", False),
    _f("char_start", pa.int64(), "start offset in the document text", False),
    _f("char_end", pa.int64(), "end offset (exclusive) in the document text", False),
    _f("shared", pa.bool_(), "session-level section (minutes' preamble) shared by the acts of the meeting"),
])

ATTENDANCE = pa.schema([
    _f("act_id", pa.string(), "act", False),
    _f("doc_id", pa.string(), "document", False),
    _f("position", pa.int32(), "order of appearance, 1-based", False),
    _f("civility", pa.string(), "M. | Mme"),
    _f("first_name", pa.string(), "first name"),
    _f("last_name", pa.string(), "last name, upper case as printed"),
    _f("full_name", pa.string(), "Prénom NOM"),
    _f("status", pa.string(), "present | excused | absent | represented", False),
    _f("voting_rights", pa.bool_(), "false for members sans voix délibérative"),
    _f("proxy_holder", pa.string(), "full name of the proxy holder, for represented"),
    _f("recused", pa.bool_(), "took part neither in the debate nor in the vote"),
    _f("printed", pa.string(), "the name as printed"),
    _f("page", pa.int32(), "page where the name is printed"),
    *_provenance("the name as printed"),
    _f("person_id", pa.string(), "the person across documents (persons table), filled by the linker"),
    _f("proxy_holder_id", pa.string(), "person_id of the proxy holder, filled by the linker"),
])

LEGAL_REFERENCES = pa.schema([
    _f("act_id", pa.string(), "act", False),
    _f("doc_id", pa.string(), "document", False),
    _f("position", pa.int32(), "order of the visa, 1-based", False),
    _f("kind", pa.string(), "code | loi | ordonnance | decret | arrete | deliberation | reglement | "
       "schema | rapport | avis | other", False),
    _f("number", pa.string(), "number of the text"),
    _f("date", pa.date32(), "date of the text"),
    _f("articles", STR_LIST, "normalised article references"),
    _f("title", pa.string(), "quoted or trailing title"),
    _f("issuer", pa.string(), "author of the text when said"),
    _f("eli", pa.string(), "European Legislation Identifier path, for national texts"),
    _f("text", pa.string(), "the whole visa as printed", False),
    _f("page", pa.int32(), "page where the visa starts"),
    *_provenance("the visa"),
])

ARTICLES = pa.schema([
    _f("act_id", pa.string(), "act", False),
    _f("doc_id", pa.string(), "document", False),
    _f("number", pa.int32(), "article number", False),
    _f("text", pa.string(), "article text without its label", False),
    _f("page", pa.int32(), "page where the article starts"),
    *_provenance("the article's text"),
])

VOTES = pa.schema([
    _f("act_id", pa.string(), "act", False),
    _f("doc_id", pa.string(), "document", False),
    _f("position", pa.string(), "for | against | abstain | not_voting", False),
    _f("count", pa.int32(), "number of votes for that position"),
    _f("groups", STR_LIST, "political groups named for that position"),
    _f("persons", STR_LIST, "persons named for that position, Prénom NOM"),
    _f("page", pa.int32(), "page of the vote block"),
    *_provenance("the count (or the position) as printed"),
    _f("person_ids", STR_LIST, "person_id of each of persons, same order (null where unresolved), "
       "filled by the linker"),
])

BUDGET_LINES = pa.schema([
    _f("act_id", pa.string(), "act", False),
    _f("doc_id", pa.string(), "document", False),
    _f("page", pa.int32(), "page of the cell", False),
    _f("table_index", pa.int32(), "0-based table number within the act", False),
    _f("row_index", pa.int32(), "1-based row under the header", False),
    _f("section", pa.string(), "decision | report | annex", False),
    _f("operation_code", pa.string(), "operation code, e.g. C01-020Q01"),
    _f("imputation", pa.string(), "budget imputation, e.g. 6568/9365"),
    _f("label", pa.string(), "row label"),
    _f("column", pa.string(), "column header as printed (null for a table printed without a header)"),
    _f("measure", pa.string(), "cp | ae | available | proposed | expense | balance | budget | other", False),
    _f("amount", MONEY, "amount in euros", False),
    _f("is_total", pa.bool_(), "the row is a total of the rows above"),
    *_provenance("the amount cell"),
])

AMOUNTS = pa.schema([
    _f("act_id", pa.string(), "act", False),
    _f("doc_id", pa.string(), "document", False),
    _f("page", pa.int32(), "page", False),
    _f("amount", MONEY, "amount in euros", False),
    _f("raw", pa.string(), "as printed", False),
    _f("context", pa.string(), "the sentence it stands in", False),
    _f("qualifier", pa.string(), "HT | TTC when printed"),
    _f("char_start", pa.int64(), "offset in the document text"),
    *_provenance("the amount as printed", char_start=False),
])

GRANTS = pa.schema([
    _f("act_id", pa.string(), "act", False),
    _f("doc_id", pa.string(), "document", False),
    _f("beneficiary", pa.string(), "beneficiary as named in the decision"),
    _f("beneficiary_siret", pa.string(), "14-digit SIRET when printed"),
    _f("amount", MONEY, "amount awarded"),
    _f("purpose", pa.string(), "what the grant is for"),
    _f("year", pa.int32(), "year of the grant"),
    _f("page", pa.int32(), "page of the award"),
    *_provenance("the award"),
    _f("beneficiary_id", pa.string(), "the beneficiary across documents (beneficiaries table): its SIRET, "
       "else a normalised name; filled by the linker"),
])

GRANT_TERMS = pa.schema([
    _f("act_id", pa.string(), "act", False),
    _f("doc_id", pa.string(), "document", False),
    _f("source", pa.string(), "convention (annexed to the act) | decision (the act's own words)", False),
    _f("beneficiary", pa.string(), "the convention's partner, as named there"),
    _f("beneficiary_siret", pa.string(), "14-digit SIRET of the partner when printed (Luhn-checked)"),
    _f("convention_date", pa.date32(), "date on the convention's signature line, when filled in"),
    _f("period_start", pa.date32(), "first day the convention applies to"),
    _f("period_end", pa.date32(), "last day the convention applies to"),
    _f("payment_terms", pa.string(), "unique | échelonné, when the text says which"),
    _f("payment_start", pa.date32(), "first payment date printed"),
    _f("payment_end", pa.date32(), "last payment date printed"),
    _f("de_minimis", pa.bool_(), "true when the act cites the EU de minimis regulation"),
    _f("page", pa.int32(), "page of the convention or of the decision's clause"),
    *_provenance("the convention or clause"),
    _f("beneficiary_id", pa.string(), "the beneficiary across documents (beneficiaries table), filled by "
       "the linker"),
])

#: The columns of ``acts`` read from the page, each given a row of ``act_fields``.
ACT_FIELD_COLUMNS: tuple[str, ...] = (
    "authority", "body", "act_number", "actes_id", "session_date", "title", "president", "secretary",
    "prefecture_date", "publication_date", "members_in_office", "members_present", "members_voting",
    "votes_for", "votes_against", "votes_abstain", "votes_not_voting", "unanimous", "outcome",
)

ACT_FIELDS = pa.schema([
    _f("act_id", pa.string(), "act", False),
    _f("doc_id", pa.string(), "document", False),
    _f("column", pa.string(), "column of the acts table (authority, act_number, title, session_date …)", False),
    _f("value", pa.string(), "the acts value as text (dates ISO, booleans true/false)", False),
    _f("page", pa.int32(), "page where the value is printed"),
    *_provenance("the value as printed"),
])

WORDS = pa.schema([
    _f("doc_id", pa.string(), "document", False),
    _f("page", pa.int32(), "1-based page number", False),
    _f("word_index", pa.int32(), "0-based order of the word on its page (reading order)", False),
    _f("text", pa.string(), "the word as read", False),
    _f("x0", pa.float64(), "left edge, PDF points, the page's own coordinates", False),
    _f("top", pa.float64(), "top edge, PDF points from the page top", False),
    _f("x1", pa.float64(), "right edge, PDF points", False),
    _f("bottom", pa.float64(), "bottom edge, PDF points from the page top", False),
    _f("char_start", pa.int64(), "offset of the word in the document text", False),
    _f("line", pa.int32(), "0-based line of the word on its page", False),
    _f("conf", pa.float64(), "OCR confidence 0-100, null for a text layer"),
    _f("furniture", pa.bool_(), "the word belongs to a running header or footer"),
])

QUALITY = pa.schema([
    _f("act_id", pa.string(), "act", False),
    _f("doc_id", pa.string(), "document", False),
    _f("check", pa.string(), "name of the check", False),
    _f("passed", pa.bool_(), "whether the check passed", False),
    _f("detail", pa.string(), "readable detail", False),
])

ERRORS = pa.schema([
    _f("doc_id", pa.string(), "document (null when the file could not be read at all)"),
    _f("source_path", pa.string(), "input path", False),
    _f("stage", pa.string(), "stage that met the problem", False),
    _f("severity", pa.string(), "error | warning", False),
    _f("code", pa.string(), "stable error code", False),
    _f("message", pa.string(), "readable message", False),
    _f("page", pa.int32(), "page, when the problem is on one page"),
])

# ---------------------------------------------------------------------------
# Tables written by the linker (pipeline/link), across the documents of a run
# ---------------------------------------------------------------------------

PERSONS = pa.schema([
    _f("person_id", pa.string(), "stable id: the authority and the person's normalised name, "
       "e.g. commune-de-chemere/lecleve-georges", False),
    _f("authority", pa.string(), "the authority whose documents name the person"),
    _f("civility", pa.string(), "M. | Mme, the one printed most often"),
    _f("first_name", pa.string(), "first name, the spelling printed most often"),
    _f("last_name", pa.string(), "last name, upper case as printed most often"),
    _f("full_name", pa.string(), "Prénom NOM", False),
    _f("spellings", STR_LIST, "every Prénom NOM spelling met, sorted"),
    _f("first_seen", pa.date32(), "first meeting date the person is named at"),
    _f("last_seen", pa.date32(), "last meeting date the person is named at"),
    _f("n_meetings", pa.int32(), "meetings the person is named at (attendance lists)"),
    _f("n_mentions", pa.int32(), "rows that name the person (attendance, proxies, named votes)"),
])

ORGANIZATIONS = pa.schema([
    _f("organization_id", pa.string(), "stable id: authority and body, or authority and group name", False),
    _f("name", pa.string(), "e.g. Commune de Chemere — conseil municipal, Groupe Communistes et Républicains",
       False),
    _f("classification", pa.string(), "the body (conseil_municipal, bureau …) or group (a political group)",
       False),
    _f("authority", pa.string(), "the authority"),
    _f("parent_id", pa.string(), "for a group, the council it sits in"),
    _f("first_seen", pa.date32(), "first meeting date of the organization in the run"),
    _f("last_seen", pa.date32(), "last meeting date of the organization in the run"),
])

MEMBERSHIPS = pa.schema([
    _f("membership_id", pa.string(), "stable id: organization, term and person", False),
    _f("person_id", pa.string(), "the member", False),
    _f("organization_id", pa.string(), "the council (or group)", False),
    _f("kind", pa.string(), "council (inferred from attendance) | group (named with the person in a vote)",
       False),
    _f("term_start", pa.date32(), "first round of the general election that opened the term (null when "
       "the body's election calendar is not known)"),
    _f("term_end", pa.date32(), "first round of the next general election (null for the current term)"),
    _f("first_meeting", pa.date32(), "first meeting of the term the person is named at"),
    _f("last_meeting", pa.date32(), "last meeting of the term the person is named at"),
    _f("meetings", pa.int32(), "meetings of the organization with an attendance list, first to last meeting"),
    _f("present", pa.int32(), "of those, meetings the person was listed present at (at least for one act)"),
    _f("represented", pa.int32(), "meetings absent having given a proxy"),
    _f("excused", pa.int32(), "meetings absent, excused"),
    _f("absent", pa.int32(), "meetings absent, not excused"),
    _f("attendance_rate", pa.float64(), "present / meetings"),
])

BENEFICIARIES = pa.schema([
    _f("beneficiary_id", pa.string(), "its SIRET (14 digits) when known, else nom:<normalised name>", False),
    _f("siret", pa.string(), "14-digit SIRET when printed for one of its grants"),
    _f("name", pa.string(), "the name printed most often", False),
    _f("normalized_name", pa.string(), "name without legal form words, quotes, case or accents", False),
    _f("spellings", STR_LIST, "every name printed for it, sorted"),
    _f("authorities", STR_LIST, "authorities that awarded it grants"),
    _f("n_grants", pa.int32(), "grants rows"),
    _f("total_amount", MONEY, "sum of the grants' amounts"),
    _f("first_year", pa.int32(), "first year of its grants"),
    _f("last_year", pa.int32(), "last year of its grants"),
])

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "pages": PAGES,
    "acts": ACTS,
    "sections": SECTIONS,
    "attendance": ATTENDANCE,
    "legal_references": LEGAL_REFERENCES,
    "articles": ARTICLES,
    "votes": VOTES,
    "budget_lines": BUDGET_LINES,
    "amounts": AMOUNTS,
    "grants": GRANTS,
    "grant_terms": GRANT_TERMS,
    "act_fields": ACT_FIELDS,
    "words": WORDS,
    "quality": QUALITY,
    "errors": ERRORS,
    "persons": PERSONS,
    "organizations": ORGANIZATIONS,
    "memberships": MEMBERSHIPS,
    "beneficiaries": BENEFICIARIES,
}

#: Each table's natural key: the columns (with ``act_id``) that tell its rows apart across
#: reruns of ``delib extract`` — by content, never by a file position. A correction
#: (:mod:`pipeline.review.corrections`) names its row by these; rows alike in them are told
#: apart by their order among themselves.
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "acts": ("act_id",),
    "act_fields": ("act_id", "column"),
    "attendance": ("act_id", "printed", "full_name"),
    "legal_references": ("act_id", "text"),
    "articles": ("act_id", "number"),
    "votes": ("act_id", "position"),
    "budget_lines": ("act_id", "table_index", "row_index", "column"),
    "amounts": ("act_id", "raw", "context"),
    "grants": ("act_id", "beneficiary", "amount"),
    "grant_terms": ("act_id", "source", "beneficiary"),
}

#: The tables whose rows carry the provenance columns of :func:`_provenance`.
PROVENANCE_TABLES: tuple[str, ...] = (
    "attendance", "legal_references", "articles", "votes", "budget_lines", "amounts", "grants",
    "grant_terms", "act_fields",
)
