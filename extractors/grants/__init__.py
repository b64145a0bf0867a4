"""Grants: one row per subsidy, participation or fonds de concours the act awards.

Read from the decision's sentences (:mod:`extractors.grants.text`) and from tables of
beneficiaries in the decision, an annexed list or a bulletin page
(:mod:`extractors.grants.tables`); the wordings are in :mod:`extractors.grants.patterns`.
Quality checks: ``grant_matches_decision`` (the grants add up to the global amount the
decision prints), ``grant_total`` (each grants table's rows add up to its printed total;
one that does not is a sign of a misread figure or row), ``siret_valid``.
"""

from __future__ import annotations

from decimal import Decimal

from extractors.grants.tables import grants_from_tables, in_a_table, table_totals
from extractors.grants.text import decision_sections, grants_from_text, siret_in, sirets_printed
from extractors.grants.patterns import GLOBAL_RE
from extractors.quality import quality_check, result
from extractors.registry import Found, extractor
from pipeline.errors import IssueLog
from pipeline.model import Act
from pipeline.segment.minutes import is_delegation_report
from pipeline.normalize.identifiers import siret_valid
from pipeline.normalize.money import find_amounts
from schemas.rows import GrantRow, QualityRow

__all__ = ["extract_grants", "siret_in", "sirets_printed", "check_grants_total", "check_grant_table_totals",
           "check_sirets"]


@extractor("grants", feeds=("grants",))
def extract_grants(act: Act, found: Found, issues: IssueLog) -> list[GrantRow]:
    """One row per subsidy/participation awarded by the act's decision or its tables — none
    for a report of the decisions taken under delegation (the bureau's or the president's
    subsidies it lists were awarded by them, at their own dates)."""
    if act.preamble is not None and is_delegation_report(act.doc.slice(act.span).lstrip()):
        return []
    return grants_from_text(act, found) + grants_from_tables(act, found)


def _decision_total(act: Act) -> Decimal | None:
    """The sum the decision awards, when printed: "pour un montant global de 44 500 €" (in its
    words: a table's total row is the table's, :func:`check_grant_table_totals`)."""
    for section in decision_sections(act):
        for a in find_amounts(section.text):
            if GLOBAL_RE.search(section.text[max(0, a.start - 80) : a.start]) and \
                    not in_a_table(act, section.span.start + a.start):
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


@quality_check("grant_total")
def check_grant_table_totals(act: Act, found: Found) -> list[QualityRow]:
    """Every grants table: the awarded amounts of its rows add up to the total it prints,
    or — a table printing none, alone in its act — to the global amount the decision
    prints ("pour un montant total de 1 241 000,00 €"). Without either, no row."""
    totals = table_totals(act, found)
    decided = _decision_total(act) if totals and len({t.table for t in totals}) == 1 else None
    out = []
    for t in totals:
        printed, where = (t.printed, "total printed") if t.printed is not None else (decided, "decision says")
        if printed is None or (t.printed is None and len(totals) > 1):
            continue
        out.append(result(act, "grant_total", t.rows_sum == printed,
                          f"grants table {t.table} column {t.column}: {t.n_rows} rows sum to {t.rows_sum}, "
                          f"{where} {printed}"))
    return out


@quality_check("siret_valid")
def check_sirets(act: Act, found: Found) -> list[QualityRow]:
    """Every SIRET printed in the act or its annexes has a valid Luhn key."""
    return [result(act, "siret_valid", siret_valid(s), s) for s in dict.fromkeys(sirets_printed(act.text))]
