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
title's, else the session's. Columns headed by a year alone ("Bénéficiaire | 2023 | 2024 |
2025") award only when the latest is the act's year (its title's, else its session's).

**Two awarded columns, fonctionnement and investissement** ("Investissement |
Fonctionnement" under "Montants votés en 2025"): a beneficiary gets one grant per
non-empty cell — two grants when both are filled — and the column's section
("Fonctionnement" / "Investissement") is the grant's ``purpose`` when the table has no
purpose column of its own (with one, the purpose is that column's text, and the section
follows it in brackets).

The beneficiary is the text of the columns naming it, without a column of places beside
them ("Bénéficiaire | Commune | Objet": the commune is where it is) and without a SIRET
printed after the name in its cell ("Régie de quartier (321 654 980 00010)"). The SIRET
comes from a SIRET / SIREN / RNA column (a valid SIRET only), from the name's cell, or from
a "SIRET …" printed in the row. Total rows are not grants: :func:`table_totals` gives them
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
from pipeline.read.table_vocabulary import grant_column, is_year_alone, names_a_place, prices_a_contract, year_of
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


def awarded_columns(table: Table, session_year: int | None = None, act_year: int | None = None) -> list[int]:
    """The columns holding the amounts the act awards (see the module's docstring).

    Columns headed by a year alone ("Bénéficiaire | 2023 | 2024 | 2025") say nothing of what
    they hold: the latest is the award only when it is ``act_year``, the year the act awards
    for (its title's, else its session's) — the others recall the years before."""
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
    alone = [i for i in kept if is_year_alone(table.columns[i].header)]
    if alone:
        sure = act_year is not None and max(years[i] for i in alone) == act_year == max(dated)
        kept = [i for i in kept if i not in alone or (sure and years[i] == act_year)]
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
    for i in table.columns_with("beneficiary"):
        printed = name_and_siret(cells.get(i, ""))[1]
        if printed:
            return printed  # "Régie de quartier (321 654 980 00010)"
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


#: A SIRET printed in the beneficiary's cell after the name, labelled ("Chantier d'insertion
#: Val de Loire / SIRET : 789 456 126 00018", "… SIRET 789 456 126 00018", "…, N° SIRET
#: 78945612600018", "… (SIREN 789 456 126)") or alone in brackets, in its 14 digits
#: ("Régie de quartier de l'Argonne (321 654 980 00010)"): the name stops before it.
_ID_AFTER_NAME_RE = re.compile(
    r"""\s*[-–/,;:]?\s*
        (?:\(\s*)?(?:(?:N\s?°|n°|num[ée]ro)\s*)?(?:SIRE[TN]|Sire[tn]|sire[tn])\b\s*(?:n\s?°)?\s*:?\s*
           (?P<labelled>\d[\d \u00a0\u202f.]{7,20}\d)\s*\)?
      \s*$
    | \s*[-–/,;]?\s*\(\s*(?P<bare>\d{3}[ \u00a0\u202f.]?\d{3}[ \u00a0\u202f.]?\d{3}[ \u00a0\u202f.]?\d{5})\s*\)\s*$""", re.X)


def name_and_siret(cell: str) -> tuple[str, str | None]:
    """A beneficiary's cell as its name and the SIRET printed after it (:data:`_ID_AFTER_NAME_RE`;
    a SIRET only when its key holds): "Régie de quartier (321 654 980 00010)" → ("Régie de
    quartier", "32165498000010")."""
    text = " ".join(cell.split())
    m = _ID_AFTER_NAME_RE.search(text)
    if not m or not text[:m.start()].strip():
        return text, None
    digits = re.sub(r"\D", "", m.group("labelled") or m.group("bare"))
    if len(digits) not in (9, 14):
        return text, None  # a number of another length is no identifier the name may lose
    return text[:m.start()].rstrip(" -–/,;:"), digits if len(digits) == 14 and siret_valid(digits) else None


def _beneficiary_columns(table: Table) -> list[int]:
    """The columns naming the beneficiary: a column of places beside a column of names
    ("Bénéficiaire | Commune | Objet": "AS Gien Basket | Gien") says where it is, not who
    (:func:`~pipeline.read.table_vocabulary.names_a_place`); alone, the commune is the one."""
    columns = table.columns_with("beneficiary")
    named = [i for i in columns if not names_a_place(table.columns[i].header)]
    return named or columns


def _beneficiary(table: Table, cells: dict[int, str]) -> str:
    return " ".join(name_and_siret(cells[i])[0] for i in _beneficiary_columns(table) if cells.get(i)).strip()


def grants_from_tables(act: Act, found: Found) -> list[GrantRow]:
    """One grant per beneficiary row and awarded column of the act's grants tables."""
    rows: list[GrantRow] = []
    session = found.field("session_date")
    session_year = getattr(session, "year", None)
    act_year = year_of(found.field("title") or "") or session_year
    for table in grant_tables(act):
        columns = awarded_columns(table, session_year, act_year)
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
    act_year = year_of(found.field("title") or "") or session_year
    for ti, table in enumerate(grant_tables(act)):
        for ci in awarded_columns(table, session_year, act_year):
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
