"""Grant terms: what an annexed convention (or the decision) says of how a grant is paid.

One row per convention found in the act's annexes — its partner, the partner's SIRET,
its signature date, its period, whether payment is single or staged, the payment dates
it prints, and whether the aid falls under the EU de minimis regulation — and one row for
the decision itself when it says how its grants are paid ("La subvention sera versée en
une seule fois"). Nothing is inferred: a convention whose signature line is blank in the
annexed copy ("Fait à Caen, le") has no date; "Les versements seront effectués au compte
bancaire de l'association" says neither single nor staged.

The SCDL export (:mod:`pipeline.export.scdl`) joins these rows to the act's grants by the
partner's SIRET or name. Wording: :mod:`extractors.grant_terms.patterns`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from extractors.amounts import running_sections
from extractors.grant_terms.patterns import (
    ARTICLE_RE,
    CONVENTION_HEADING_RE,
    DE_MINIMIS_RE,
    DECISION_PAYMENT_RE,
    OTHER_PART_RE,
    PARTIES_RE,
    PARTNER_RE,
    PAYMENT_ARTICLE_RE,
    PAYMENT_DATE_RE,
    PERIOD_RE,
    SIGNED_RE,
    SINGLE_RE,
    STAGED_RE,
)
from extractors.grants import siret_in
from extractors.registry import Found, extractor
from pipeline.normalize.dates import parse_date_fr
from pipeline.errors import IssueLog
from pipeline.model import Act, Section, SectionKind, collapse_ws
from pipeline.normalize.sentences import split_sentences
from schemas.rows import GrantTermsRow

#: Values of SCDL ``conditionsVersement``.
SINGLE, STAGED = "unique", "échelonné"


@dataclass(frozen=True)
class Convention:
    """A convention's text inside an annex section, at ``offset`` in the section's text."""

    section: Section
    offset: int
    text: str
    parties_at: int | None  # offset of the parties' clause in ``text``


def find_conventions(section: Section) -> list[Convention]:
    """The conventions an annex section holds: each starts at a heading followed by the
    parties' clause ("CONVENTION DE PARTENARIAT 2022" … "Entre le Département …"), or at
    the parties' clause itself near the top of the section ("Entre les soussignés")."""
    text = section.text
    starts: list[tuple[int, int]] = []  # (start, parties_at)
    for m in CONVENTION_HEADING_RE.finditer(text):
        parties = PARTIES_RE.search(text, m.end(), m.end() + 1500)
        if parties and not any(p == parties.start() for _, p in starts):
            starts.append((m.start(), parties.start()))
    if not starts:
        parties = PARTIES_RE.search(text, 0, 2500)
        if parties:
            starts.append((parties.start(), parties.start()))
    out = []
    for i, (start, parties_at) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        out.append(Convention(section, start, text[start:end], parties_at - start))
    return out


def _partner(conv: Convention) -> tuple[str | None, str | None]:
    """Name and SIRET of the convention's second party ("Et l'association X, identifiée au
    répertoire SIRET sous le n° …, … d'autre part")."""
    if conv.parties_at is None:
        return None, None
    zone_end = OTHER_PART_RE.search(conv.text, conv.parties_at)
    zone = conv.text[conv.parties_at: zone_end.end() if zone_end else conv.parties_at + 2500]
    # the second party: the last "Et" before "d'autre part"
    matches = list(PARTNER_RE.finditer(zone))
    if not matches:
        return None, None
    m = matches[-1]
    name = collapse_ws(m.group("name")).strip(" «»\"“”:")
    if zone_end is None and len(matches) > 1:
        return None, None
    siret = siret_in(collapse_ws(zone[m.start():]))
    return (name or None), siret


def _period(text: str) -> tuple[dt.date | None, dt.date | None]:
    for m in PERIOD_RE.finditer(text):
        start, end = parse_date_fr(m.group("start")), parse_date_fr(m.group("end"))
        if start and end and start < end:
            return start, end
    return None, None


def _signed(text: str) -> dt.date | None:
    """The date on the signature line; None when it is left blank. The last one counts
    (the signature closes the convention; an earlier "fait" line may be an annex's)."""
    signed = None
    for m in SIGNED_RE.finditer(text):
        d = parse_date_fr(m.group("date"))
        if d:
            signed = d
    return signed


def _payment_text(text: str) -> str:
    """The convention's articles on payment, or its sentences that speak of payment."""
    parts = []
    for m in PAYMENT_ARTICLE_RE.finditer(text):
        nxt = ARTICLE_RE.search(text, m.end())
        parts.append(text[m.end(): nxt.start() if nxt else len(text)])
    if parts:
        return "\n".join(parts)
    return "\n".join(text[s:e] for s, e in split_sentences(text) if DECISION_PAYMENT_RE.search(text[s:e]))


def payment_terms(text: str) -> str | None:
    """"unique" or "échelonné" when the text says one and not the other, else None.

    >>> payment_terms("Un premier versement de 16 800 € interviendra après la signature. Le solde, soit 11 200 €, sera versé sur production du bilan final.")
    'échelonné'
    >>> payment_terms("Un versement de 57 000 € interviendra après la signature de la présente convention.")
    'unique'
    >>> payment_terms("Les versements seront effectués au compte bancaire de l'association.") is None
    True
    """
    staged, single = bool(STAGED_RE.search(text)), bool(SINGLE_RE.search(text))
    if staged == single:
        return None
    return STAGED if staged else SINGLE


def _payment_dates(text: str, terms: str | None) -> tuple[dt.date | None, dt.date | None]:
    dates = sorted({d for d in (parse_date_fr(m.group("date")) for m in PAYMENT_DATE_RE.finditer(text)) if d})
    if terms == SINGLE and len(dates) == 1:
        return dates[0], dates[0]
    if terms == STAGED and len(dates) >= 2:
        return dates[0], dates[-1]
    return None, None


def convention_row(act: Act, conv: Convention, de_minimis: bool | None) -> GrantTermsRow:
    name, siret = _partner(conv)
    start, end = _period(conv.text)
    pay = _payment_text(conv.text)
    terms = payment_terms(pay)
    pay_start, pay_end = _payment_dates(pay, terms)
    page = act.doc.page_at(conv.section.span.start + conv.offset)
    return GrantTermsRow(act.act_id, act.doc.doc_id, "convention", name, siret, _signed(conv.text), start, end,
                         terms, pay_start, pay_end, de_minimis, page)


def decision_row(act: Act, de_minimis: bool | None) -> GrantTermsRow | None:
    """The decision's own word on payment: "La subvention sera versée en une seule fois"."""
    for section in running_sections(act):
        if section.kind not in (SectionKind.DECISION, SectionKind.ARTICLES):
            continue
        text = section.text
        for s, e in split_sentences(text):
            sentence = text[s:e]
            if not DECISION_PAYMENT_RE.search(sentence):
                continue
            terms = payment_terms(sentence)
            if terms:
                pay_start, pay_end = _payment_dates(sentence, terms)
                return GrantTermsRow(act.act_id, act.doc.doc_id, "decision", None, None, None, None, None, terms,
                                     pay_start, pay_end, de_minimis, act.doc.page_at(section.span.start + s))
    return None


@extractor("grant_terms", feeds=("grant_terms",))
def extract_grant_terms(act: Act, found: Found, issues: IssueLog) -> list[GrantTermsRow]:
    """Terms of the act's grants: one row per annexed convention, one for the decision's own."""
    if not found.get("grants"):
        return []
    de_minimis = True if DE_MINIMIS_RE.search(act.text) else None
    rows = [convention_row(act, conv, de_minimis)
            for section in act.sections_of(SectionKind.ANNEX) for conv in find_conventions(section)]
    own = decision_row(act, de_minimis)
    if own is not None:
        rows.append(own)
    elif de_minimis and not rows:
        rows.append(GrantTermsRow(act.act_id, act.doc.doc_id, "decision", None, None, None, None, None, None,
                                  None, None, True, act.page_start))
    return rows
