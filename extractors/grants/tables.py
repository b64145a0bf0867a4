"""Grants read from a table of beneficiaries: one grant per beneficiary and awarded amount.

    Bénéficiaire | SIRET | Projet | Montant proposé (€) | Montant voté (€)

The amount is the one the act awards: the column whose header says so ("voté",
"attribué", "accordé", "Décision"), else a proposed amount ("Montant proposé") when
nothing is voted, else a generic money column ("Montant", "Subvention"); never an amount
requested ("sollicité", "demandé"), a cost, a rate, or last year's amount; an awarded cell
of "0,00 €", "-" or "néant" awards nothing, and is no grant ("Moto Club 72 | 1 500,00 € |
0,00 €" under "Montant demandé | Montant attribué"). When headers
name years ("Montants votés en 2024" | "Montants votés en 2025"), only the latest year's
columns and the undated ones count ("Montants 2007 | Montants 2008 sollicités |
Proposition | Vote": the vote), and the grant's ``year`` is the column's year, else the
title's, else the session's.

**Two awarded columns, fonctionnement and investissement** ("Investissement |
Fonctionnement" under "Montants votés en 2025"): a beneficiary gets one grant per
non-empty cell — two grants when both are filled — and the column's section
("Fonctionnement" / "Investissement") is the grant's ``purpose`` when the table has no
purpose column of its own (with one, the purpose is that column's text, and the section
follows it in brackets).

The SIRET comes from a SIRET / SIREN / RNA column (a valid SIRET only) or from a
"SIRET …" printed in the row. Total rows are not grants: :func:`table_totals` gives them
to the ``grant_total`` quality check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from extractors.grants.text import siret_in, year_in
from extractors.registry import Found
from pipeline.model import Act
from pipeline.normalize.identifiers import siret_valid
from pipeline.normalize.money import parse_amount
from pipeline.read.table_vocabulary import grant_column, prices_a_contract, year_of
from pipeline.read.tables import Table, tables_of
from schemas.rows import GrantRow

_RANK = {"awarded": 3, "proposed": 2, "generic": 1}


def grant_tables(act: Act) -> list[Table]:
    """The act's tables of beneficiaries — not the companies of a contract's prices ("ENTREPRISES
    | Prix unitaire m2 HT | MONTANT H.T. | MONTANT T.T.C.": the offers received, not grants;
    :func:`pipeline.read.table_vocabulary.prices_a_contract`)."""
    return [t for t in tables_of(act.doc, act.span)
            if t.is_grants and not prices_a_contract(t.headers, [t.label(r) for r in t.rows])]


def in_a_table(act: Act, offset: int) -> bool:
    """Whether ``offset`` stands in one of the act's tables (a total row's "TOTAL 10 000,00 €
    5 800,00 €" is the table's, not a sum the decision prints in its words)."""
    return any(t.covers(offset) for t in tables_of(act.doc, act.span))


def awarded_columns(table: Table, session_year: int | None = None) -> list[int]:
    """The columns holding the amounts the act awards (see the module's docstring)."""
    kinds = {i: grant_column(table.columns[i].header) for i in table.money_columns()}
    # a column the measure vocabulary missed but whose header says it is proposed or awarded
    # ("Fixe Montant proposé 2025": a header on two lines, read as one) is money too
    for i, c in enumerate(table.columns):
        if i not in kinds and grant_column(c.header) in ("awarded", "proposed"):
            kinds[i] = grant_column(c.header)
    kept = [i for i, k in kinds.items() if k in _RANK]
    # years of every money column, the requested ones too: "Montants 2007 | Montants 2008
    # sollicités | Proposition | Vote" dates the 2007 column as last year's
    years = {i: year_of(table.columns[i].header) for i in kinds}
    dated = [y for y in years.values() if y]
    if dated:
        # "Montants votés en 2024 | … en 2025": the year the act votes, the latest printed;
        # an undated column ("Vote", "Proposition") stays in the running
        usable = [y for y in dated if session_year is None or y <= session_year + 1] or dated
        kept = [i for i in kept if years[i] in (None, max(usable))]
    if not kept:
        return []
    best = max(_RANK[kinds[i]] for i in kept)
    kept = [i for i in kept if _RANK[kinds[i]] == best]
    sections = {table.section_of(i) for i in kept}
    if len(kept) > 1 and None not in sections and len(sections) == len(kept):
        return kept  # "Investissement | Fonctionnement": both are awarded
    return [kept[-1]]


def _siret(table: Table, cells: dict[int, str]) -> str | None:
    for i in table.columns_with("siret"):
        digits = re.sub(r"\D", "", cells.get(i, ""))
        if len(digits) == 14 and siret_valid(digits):
            return digits
    return siret_in(" ".join(cells.values()))


@dataclass(frozen=True)
class TableTotal:
    """A total row of a grants table, for the ``grant_total`` check."""

    table: int
    column: str
    printed: Decimal | None  # None: the table prints no total
    rows_sum: Decimal
    n_rows: int


#: A cell's amount followed by a note in brackets: "5 700,00 € (Acompte : 3 000,00 € Solde en
#: fonction du résultat)", "44 922,50 € (528,50*85 élèves)" — the payment schedule or the
#: reckoning of one voted amount, not amounts of their own.
_NOTE_RE = re.compile(r"\s*\(.*$", re.S)


def cell_amount(text: str | None) -> Decimal | None:
    """The amount of a cell, or the one before its bracketed note; None when the cell holds
    anything else ("44 088,00 € 82 élèves + 6 extérieurs", "2,44 €/heure")."""
    amount = parse_amount(text)
    if amount is None and text and "(" in text:
        amount = parse_amount(_NOTE_RE.sub("", text))
    return amount


def _beneficiary(table: Table, cells: dict[int, str]) -> str:
    return " ".join(" ".join(cells.get(i, "").split()) for i in table.columns_with("beneficiary") if cells.get(i)).strip()


def grants_from_tables(act: Act, found: Found) -> list[GrantRow]:
    """One grant per beneficiary row and awarded column of the act's grants tables."""
    rows: list[GrantRow] = []
    session = found.field("session_date")
    session_year = getattr(session, "year", None)
    for table in grant_tables(act):
        columns = awarded_columns(table, session_year)
        purpose_cols = table.columns_with("label")
        two = len(columns) > 1
        for row in table.rows:
            if table.is_total(row):
                continue
            name = _beneficiary(table, row.cells)
            if not name:
                continue
            for ci in columns:
                amount = cell_amount(row.text(ci))
                if amount is None or amount == 0:
                    continue  # "0,00 €" awarded (beside "1 500,00 €" requested): nothing is
                purpose = " ".join(row.text(i) for i in purpose_cols if row.text(i)).strip() or None
                section = table.section_of(ci) if two else None
                if section:
                    purpose = f"{purpose} ({section})" if purpose else section
                year = year_of(table.columns[ci].header) or year_in(found.field("title")) or session_year
                start, end = row.span(ci, act.doc.text)
                rows.append(GrantRow(act.act_id, act.doc.doc_id, name, _siret(table, row.cells), amount,
                                     purpose, year, row.page, start, end))
    return rows


def table_totals(act: Act, found: Found) -> list[TableTotal]:
    """For every grants table: each awarded column's printed total (None when the table
    prints none) and the sum of its rows above it."""
    out = []
    session_year = getattr(found.field("session_date"), "year", None)
    for ti, table in enumerate(grant_tables(act)):
        for ci in awarded_columns(table, session_year):
            total, parts, n = None, Decimal(0), 0
            for row in table.rows:
                value = cell_amount(row.text(ci))
                if table.is_total(row):
                    if value is not None:
                        total = value
                    break
                if value and _beneficiary(table, row.cells):  # a 0,00 award is no grant
                    parts += value
                    n += 1
            out.append(TableTotal(ti, " ".join(table.columns[ci].header.split()), total, parts, n))
    return out
