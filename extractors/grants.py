"""Grants: one row per subsidy, participation or fonds de concours the act awards.

Read from the decision's sentences::

    "D'attribuer, à l'association « Acteurs Pour une Economie Solidaire », une
     participation départementale d'un montant global de 57 000 € pour l'année 2023, au
     titre de sa contribution aux politiques départementales …, selon les modalités …"
    "D'attribuer, au titre de l'année 2022, les participations départementales suivantes,
     pour un montant global de 44 500 € : 28 000 € à l'association « Société Historique et
     Archéologique » (SIRET 393 720 388 00502) pour son programme … ; 16 500 € à …"
    "ARTICLE 1 - D'attribuer une subvention de 29 000 € à l'association « Association
     Terres d'Avenir » pour l'action « Accompagnement vers l'emploi des jeunes »."

or from a table of beneficiaries (one row each). The SIRET is the one printed for that
award — in its own clause, or beside the beneficiary's name in an annex ("identifié au
répertoire SIREN sous le n°440 672 020 00037") — and is kept only when its Luhn key holds.
A SIRET printed for another award of the same beneficiary is not borrowed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from extractors.amounts import running_sections
from extractors.quality import quality_check, result
from extractors.registry import Found, extractor
from pipeline.errors import IssueLog
from pipeline.model import Act, Section, SectionKind, collapse_ws
from pipeline.normalize.identifiers import siret_valid
from pipeline.normalize.money import find_amounts, parse_amount
from pipeline.normalize.sentences import split_sentences
from pipeline.read.tables import fold, tables_of
from schemas.rows import GrantRow, QualityRow

# The act awards: "D'attribuer", "accorde", "alloue", "verse", "octroie", "approuve le versement".
_AWARD_RE = re.compile(
    r"\b(?:attribu|accord|allou|octroi|octroy|vers(?:e|er|ement)\b|approuv\w*\s+le\s+versement)", re.I)
# What is awarded: "une subvention", "une participation", "un fonds de concours", "une aide".
_GRANT_RE = re.compile(
    r"\b(?:subventions?|participations?|fonds\s+de\s+concours|aides?\s+financi[eè]res?|aides?\b"
    r"|contributions?\s+financi[eè]res?|dotations?|allocations?|bourses?|primes?)\b", re.I)
# A sum of the awards, not an award: "pour un montant global de 44 500 €", "soit un total de".
_GLOBAL_RE = re.compile(r"(?:montant\s+(?:global|total)|enveloppe(?:\s+globale)?|total(?:e|isant)?|soit\s+au\s+total)"
                        r"\s+(?:de\s+|d['’]\s*)?(?:[\w'’]+\s+){0,3}$", re.I)

# The beneficiary: "à l'association « NOM »", "au profit de la commune de X", "à NOM (SIRET …)".
_BENEFICIARY_RE = re.compile(
    r"""(?:\b[àa]\b|\bau\s+profit\s+d[eu']|\ben\s+faveur\s+d[eu']|\bau\b|\baux\b)\s*
        (?P<kind>(?:l['’]\s*|la\s+|le\s+|les\s+)?
           (?:association|commune|ville|communaut[ée]\s+d['’]agglom[ée]ration|communaut[ée]\s+de\s+communes
            |syndicat|soci[ée]t[ée]|entreprise|structure|organisme|fondation|f[ée]d[ée]ration|club|comit[ée]
            |centre\s+communal\s+d['’]action\s+sociale|[ée]tablissement|coop[ée]rative|SCIC|SCOP|SAS|SARL
            |EPCI|CCAS|GIP|office|agence|mission\s+locale|collège|lycée|[ée]cole)s?\b\s*)?
        (?:
            [«"“]\s*(?P<quoted>[^»"”]{2,150}?)\s*[»"”]          # « Acteurs Pour une Economie Solidaire »
          | (?P<plain>[A-ZÀ-ÖØ-Þ0-9][^,;:()\n]{1,100}?)        # Entreprendre Ensemble (SIRET …)
            (?=\s*(?:\(|,|;|\.|:|\bpour\b|\bau\s+titre\b|\bd['’]un\s+montant\b|\bafin\b|\bdans\b|$))
        )""",
    re.X,
)
_SIRET_RE = re.compile(r"\b(?:SIRE[TN]|siret|siren|Siret|Siren)\b[^0-9\n]{0,30}?(?P<digits>\d[\d\s\u00a0\u202f.()]{8,24}\d)")
# The purpose: "pour son programme …", "au titre de sa contribution …", "pour l'action « … »".
_PURPOSE_RE = re.compile(
    r"""(?:\bau\s+titre\s+d[eu]\s+(?:sa|son|ses|leur|leurs)\s+|\bpour\s+(?!l['’]ann[ée]e|l['’]exercice|un\s+montant
        |une\s+dur[ée]e|un\s+total|la\s+p[ée]riode|\d)|\bafin\s+d[e']\s*|\bdestin[ée]e?s?\s+[àa]\s+)
        (?P<p>(?:[^,;.«]|«[^»]*»)+)""",
    re.X | re.I,
)
_YEAR_RE = re.compile(r"\b(?:ann[ée]e|exercice|programmation|budget(?:\s+\w+)?|saison)\s+(?P<y>(?:19|20)\d\d)\b", re.I)


def siret_in(text: str) -> str | None:
    """The first SIRET of ``text`` whose key holds: "(SIRET 537 751 901 00845)" → "53775190100845"."""
    for m in _SIRET_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group("digits"))
        if len(digits) >= 14 and siret_valid(digits[:14]):
            return digits[:14]
    return None


def sirets_printed(text: str) -> list[str]:
    """Every SIRET-like number printed after "SIRET"/"SIREN" (14 digits), valid or not."""
    out = []
    for m in _SIRET_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group("digits"))
        if len(digits) >= 14:
            out.append(digits[:14])
    return out


def _clauses(sentence: str) -> list[tuple[int, str]]:
    """Clauses of an award sentence: split on ";" and on ":" before a list of awards."""
    out, pos = [], 0
    for m in re.finditer(r";|:(?=\s*(?:\d|-|•))", sentence):
        out.append((pos, sentence[pos:m.start()]))
        pos = m.end()
    out.append((pos, sentence[pos:]))
    return out


def _year(*texts: str | None) -> int | None:
    for t in texts:
        if t:
            m = _YEAR_RE.search(t)
            if m:
                return int(m.group("y"))
    return None


def _purpose(text: str) -> str | None:
    m = _PURPOSE_RE.search(text)
    if not m:
        return None
    p = collapse_ws(m.group("p")).strip(" -")
    return p or None


def _annex_siret(act: Act, name: str) -> str | None:
    """A SIRET printed beside ``name`` in the act's annexes (conventions name the partner)."""
    key = fold(name)
    for s in act.sections_of(SectionKind.ANNEX):
        text = s.text
        folded = fold(text.replace("\n", " "))
        if key not in folded:
            continue
        for m in _SIRET_RE.finditer(text):
            window = fold(text[max(0, m.start() - 400) : m.start()].replace("\n", " "))
            if key in window:
                digits = re.sub(r"\D", "", m.group("digits"))
                if len(digits) >= 14 and siret_valid(digits[:14]):
                    return digits[:14]
    return None


def _session_year(found: Found) -> int | None:
    d = found.field("session_date")
    return getattr(d, "year", None)


def _decision_sections(act: Act) -> list[Section]:
    """Where the act decides: its decision and articles; in minutes, the item's own text."""
    own = running_sections(act)
    decided = [s for s in own if s.kind in (SectionKind.DECISION, SectionKind.ARTICLES)]
    return decided or [s for s in own if s.kind in (SectionKind.HEADER, SectionKind.CONSIDERANTS)]


def grants_from_text(act: Act, found: Found) -> list[GrantRow]:
    rows: list[GrantRow] = []
    title = found.field("title")
    for section in _decision_sections(act):
        text = section.text
        for s, e in split_sentences(text):
            sentence = text[s:e]
            if not (_AWARD_RE.search(sentence) and _GRANT_RE.search(sentence)):
                continue
            for c0, clause in _clauses(sentence):
                every = [a for a in find_amounts(clause) if a.amount > 0]
                amounts = [a for a in every if not _GLOBAL_RE.search(clause[: a.start])]
                if not amounts and len(every) == 1:
                    amounts = every  # "une participation d'un montant global de 57 000 €" to one body
                if len(amounts) != 1:
                    continue
                amount = amounts[0]
                ben = _BENEFICIARY_RE.search(clause)
                if not ben:
                    continue
                name = collapse_ws(ben.group("quoted") or ben.group("plain") or "")
                if not name or parse_amount(name) is not None:
                    continue
                after = clause[max(ben.end(), amount.end):]
                siret = siret_in(clause[ben.end():]) or _annex_siret(act, name)
                year = _year(clause, sentence, text, title) or _session_year(found)
                offset = section.span.start + s + c0 + amount.start
                rows.append(GrantRow(act.act_id, act.doc.doc_id, name, siret, amount.amount,
                                     _purpose(after) or _purpose(clause[ben.end():]), year,
                                     act.doc.page_at(offset)))
    return rows


def grants_from_tables(act: Act, found: Found) -> list[GrantRow]:
    """A table of beneficiaries in the decision or an annex: one grant per row."""
    rows: list[GrantRow] = []
    for table in tables_of(act.doc, act.span):
        ben_cols = table.columns_with("beneficiary")
        money = [i for i, c in enumerate(table.columns) if c.measure]
        if not ben_cols or not money:
            continue
        purpose_cols = table.columns_with("label")
        header_year = _year(*[c.header.replace("€", "") for c in table.columns]) or \
            next((int(y) for c in table.columns for y in re.findall(r"\b(20\d\d)\b", c.header)), None)
        for row in table.rows:
            if table.is_total(row):
                continue
            name = " ".join(row.text(i) for i in ben_cols if row.text(i)).strip()
            amount = next((parse_amount(row.text(i)) for i in money if parse_amount(row.text(i)) is not None), None)
            if not name or amount is None:
                continue
            purpose = " ".join(row.text(i) for i in purpose_cols if row.text(i)).strip() or None
            rows.append(GrantRow(act.act_id, act.doc.doc_id, name, siret_in(" ".join(row.cells.values())),
                                 amount, purpose, header_year or _year(found.field("title")) or _session_year(found),
                                 row.page))
    return rows


@extractor("grants", feeds=("grants",))
def extract_grants(act: Act, found: Found, issues: IssueLog) -> list[GrantRow]:
    """One row per subsidy/participation awarded by the act's decision."""
    return grants_from_text(act, found) + grants_from_tables(act, found)


def _decision_total(act: Act) -> Decimal | None:
    """The sum the decision awards, when printed: "pour un montant global de 44 500 €"."""
    for section in _decision_sections(act):
        for a in find_amounts(section.text):
            if _GLOBAL_RE.search(section.text[max(0, a.start - 80) : a.start]):
                return a.amount
    return None


@quality_check("grant_matches_decision")
def check_grants_total(act: Act, found: Found) -> list[QualityRow]:
    """The grants add up to the global amount the decision prints."""
    grants = [g for g in found.get("grants") if g.amount is not None]
    total = _decision_total(act) if grants else None
    if total is None:
        return []
    s = sum((g.amount for g in grants), Decimal(0))
    return [result(act, "grant_matches_decision", s == total, f"{len(grants)} grants sum to {s}, decision says {total}")]


@quality_check("siret_valid")
def check_sirets(act: Act, found: Found) -> list[QualityRow]:
    """Every SIRET printed in the act or its annexes has a valid Luhn key."""
    return [result(act, "siret_valid", siret_valid(s), s) for s in dict.fromkeys(sirets_printed(act.text))]
