"""Budget lines: every amount cell of the act's budget tables, in long format.

One row per (table row × amount column)::

    Code Opération | Imputation budgétaire | Libellé Opération        | CP€        | Dépense €
    C01-020Q01     | 6568/9365             | Mission ESS - Autres …   | 209 285,00 | 57 000,00

gives two rows (``column`` "CP€" → ``measure`` cp, "Dépense €" → expense), with the
operation code, the imputation, the label; ``section`` says where the table stands
(``decision``, the president's ``report``, or another ``annex``); total rows
("TOTAL", "Sous-total") are kept and marked ``is_total``.

The measure comes from the column's header (:mod:`pipeline.read.table_vocabulary`); a
generic money column takes the side it stands on: "Vote" beside "RECETTES", "Montant"
beside "Financeurs", or a "FONCTIONNEMENT 2025" box whose lines say "Dépenses :" /
"Recettes :" — recettes and financing are ``other``, spending is ``expense``.

Décisions modificatives written as lines rather than tables ("Recettes : c/ 238R/041
8 512.00 €", "compte 238/041 = 8511.01 €") are read by :mod:`extractors.budget_text`.

Quality checks: ``budget_balance`` (disponible − proposition = solde) and ``table_total``
(the lines add up to the printed total).
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from extractors.budget_text import reread_results, result_triples, text_budget_lines, two_sided_spans
from extractors.quality import quality_check, result
from extractors.registry import Found, extractor
from pipeline.errors import IssueLog
from pipeline.model import Act, SectionKind
from pipeline.normalize.money import parse_amount
from pipeline.read.table_vocabulary import (names_an_operation_code, names_the_budget, prices_a_contract, result_column,
                                            side_named)
from pipeline.read.tables import Table, fold, tables_of
from schemas.rows import BudgetLineRow, QualityRow

# An operation code: "C01-020Q01", "C02-044A03", "OP2023-15", "P23-653", "AP23-146",
# "2023-OP-015", "OPE 12-A".
_CODE_RE = re.compile(r"^(?:[A-Z]{1,4}\d{1,4}[-_ ]?[0-9A-Z]{2,8}|[A-Z]{1,4}\d{0,4}[-_][0-9A-Z]{1,6}(?:[-_][0-9A-Z]{1,6})?"
                      r"|\d{4}[-_][A-Z]{1,4}[-_]?\d{1,4})$")
# An operation numbered rather than coded, as a column of operations prints it: its year and
# its rank ("2024-03", "2021-01", "2023_015": the year the programme was opened), or the
# authorisation or operation and its number ("AP 12", "AP n°12", "OP 15"). Only under a header
# naming the operation (:func:`~pipeline.read.table_vocabulary.names_an_operation_code`,
# "Opération"): elsewhere "2024-03" is a month and "AP 12" anything. Not a period ("2024-2026").
_NUMBERED_CODE_RE = re.compile(r"^(?:(?:19|20)\d\d[-_]\d{1,3}|(?:AP|AE|OP|OPE|PROG)\s?(?:n\s?°\s?)?\d{1,4})$")
# An imputation: "6568/9365", "65/6574", "011/615221", "204-2041582", "6574 - 93564",
# "238R/041", "21534D/041", "D 21534", "c/ 6574", "6574"; the article of an order operation
# followed by its chapter in brackets, kept as printed: "D 2313-163 (Chap 041)", "R 722
# (040)", "D 2762-008 (D 041)", "D 6811 (Chapitre 042)".
_IMPUTATION_RE = re.compile(r"^(?:[DR]\s?)?\d{2,6}[DR]?(?:\s?[/-]\s?\d{2,8}[DR]?(?:\s?[/-]\s?\d{1,8})?)?"
                            r"(?:\s?\((?:[Cc]hap(?:itre|\.)?\s?|[DR]\s?)?\d{3}\))?$")
# OCR reads "€" as "e"/"E" after a short header: "CPE", "cPe" → "CP€".
_OCR_EURO_RE = re.compile(r"^(CP|AE|BP)\s?[eE]$", re.I)
# A table printed under a heading "ANNEXE", "Annexe 1 :", "ANNEXE : Plan de financement".
_ANNEX_HEADING_RE = re.compile(r"^\s*ANNEXE\b|^\s*Annexe\s+(?:n°\s*)?\d*\s*[:–-]", re.M)


def section_of(act: Act, offset: int) -> str:
    """``decision``, ``report`` (the president's report) or ``annex`` for a text offset."""
    for s in act.sections:
        if s.span.start <= offset < s.span.end and s.kind is SectionKind.ANNEX:
            return "report" if s.label and "rapport" in fold(s.label) else "annex"
    # a table under its own "ANNEXE …" heading, a few lines above it, inside the act
    before = act.doc.text[max(act.span.start, offset - 300):offset]
    lines = [l for l in before.split("\n") if l.strip()][-3:]
    if any(_ANNEX_HEADING_RE.match(l) for l in lines):
        return "annex"
    return "decision"


def printed_header(header: str) -> str:
    """The header as printed, whitespace collapsed; an OCR'd "CPE" read back as "CP€"."""
    m = _OCR_EURO_RE.match(header.strip())
    if m:
        return m.group(1).upper() + "€"
    # a lone letter at the end is an OCR speck ("Affecté ce jour À"); "Budget N" keeps its N
    return re.sub(r"\s+[^\W\dNn€]$", "", " ".join(header.split()))


#: A header naming the operation or programme alone ("Opération", "Programme", "Projet"): its
#: cells may be names ("Voirie") or codes ("OP-14", "P-2025-011"); a cell of a code's shape is
#: the row's code.
_OPERATION_HEADER_RE = re.compile(r"^\W*(?:n\s?°\s*)?(?:d['’]\s*)?(?:op[ée]rations?|programmes?|projets?)\W*$", re.I)


#: A cell that prints a code and then the words it stands for: "011 - Charges à caractère
#: général", "011 Charges de personnel", "65 : Autres charges de gestion courante", "D 2313 –
#: Constructions" under "Chapitre" / "Imputation"; "AP 2024-01 Groupe scolaire", "OP-14 :
#: Voirie" under "Opération". The code is the row's imputation or operation code, the words its
#: label. The words begin with a letter ("65 6574" is two numbers, and no label).
_CODE_THEN_WORDS_RE = re.compile(r"^(?P<code>\S+(?:\s\S+)??)\s*(?:\s[-–—:]\s*|\s|:\s*)(?P<label>[^\W\d_][^\n]*)$")


def _clean_imputation(text: str) -> str:
    text = re.sub(r"\s*([/-])\s*", r"\1", text.strip())
    return re.sub(r"^(?:c\s?/\s?|compte\s+)", "", text, flags=re.I)


def _code_then_words(text: str, pattern: re.Pattern[str], glue: bool, numbered: bool = False) -> tuple[str, str] | None:
    """(code, label) of a cell printing a code of ``pattern``'s shape before its words, or None;
    with ``numbered``, an operation numbered (:data:`_NUMBERED_CODE_RE`) too."""
    m = _CODE_THEN_WORDS_RE.match(" ".join(text.split()))
    if not m:
        return None
    if glue and numbered and _NUMBERED_CODE_RE.match(m.group("code")):
        return m.group("code"), m.group("label").strip()  # "AP 12 Piscine", "2024-03 Toiture"
    code = "".join(m.group("code").split()) if glue else _clean_imputation(m.group("code"))
    if glue and not re.search(r"[-_]", code):
        return None  # "RD 123 Réfection de chaussée": a road, not an operation's code
    return (code, m.group("label").strip()) if pattern.match(code) else None


def _code(table: Table, row_cells: dict[int, str], role: str,
          pattern: re.Pattern[str]) -> tuple[str | None, str | None]:
    """The row's code of ``role`` (``code``: the operation; ``imputation``: chapter, article,
    nature…) and the words its cell prints after it, if any.

    Imputations printed in several columns ("Chapitre | Article": "011 | 60632") are one
    imputation, chapter first, in the form one cell prints them: "011/60632". A column
    numbering something else than operations ("N° de titre": "T-412") gives no code."""
    columns = table.columns_with(role)
    names = False  # the operations' names, no column of codes
    if role == "code":
        columns = [i for i in columns if names_an_operation_code(table.columns[i].header)]
        names = not columns
        if names:
            columns = [i for i, c in enumerate(table.columns)
                       if c.role == "label" and _OPERATION_HEADER_RE.match(c.header)]
    parts: list[str] = []
    label: str | None = None
    for i in columns:
        cell = row_cells.get(i, "")
        if role == "code" and _NUMBERED_CODE_RE.match(" ".join(cell.split())):
            return " ".join(cell.split()), None  # "AP 12", "2024-03": as printed
        text = "".join(cell.split()) if role == "code" else _clean_imputation(cell)
        if pattern.match(text):
            if role == "code":
                return text, None
            parts.append(text)
            continue
        # under the operations' names ("Projets": "AP 1019 - Construction 12 avenue de Paris",
        # "1016 - Investissements …"), a number before the name is part of it (Roannais 2021)
        split = _code_then_words(cell, pattern, glue=role == "code", numbered=not names)
        if split:
            if role == "code":
                return split
            parts.append(split[0])
            label = label or split[1]
    if len(parts) > 1 and not any("/" in p for p in parts) and pattern.match("/".join(parts)):
        return "/".join(parts), label
    return (parts[0] if parts else None), label


def is_contract_prices(table: Table) -> bool:
    """A table of a contract's prices — the avenants of a marché, the orders signed under
    delegation, the offers compared, the lots awarded
    (:func:`pipeline.read.table_vocabulary.prices_a_contract`): no credits."""
    return table.is_contract or prices_a_contract(table.headers, [table.label(r) for r in table.rows])


def budget_tables(act: Act) -> list[Table]:
    """The act's tables of credits (lists of beneficiaries and contract prices excluded), in order."""
    return [t for t in tables_of(act.doc, act.span) if t.is_budget and not is_contract_prices(t)]


# A row that states a result in a table whose columns are budget sections ("Résultat
# cumulé", "Solde des réalisations de l'exercice", "Excédent/déficit", "Résultats
# antérieurs reportés", "Différence entre les restes à réaliser"): a balance.
_RESULT_ROW_RE = re.compile(r"\b(?:r[ée]sultats?|soldes?|exc[ée]dents?|d[ée]ficits?|diff[ée]rences?)\b", re.I)


#: Column roles that never hold money (:func:`pipeline.read.table_vocabulary.role_of`).
_TEXT_ROLES = frozenset({"imputation", "code", "label", "beneficiary", "siret", "rate"})


def measure_in(table: Table, ci: int, row_index: int, label: str | None = None) -> str | None:
    """The measure of one cell: its column's; a generic money column ("Fonctionnement",
    "Montant") takes its row's side ("Recettes – Prévision budgétaire totale" → other,
    "Dépenses réalisées" → expense) or, for a row stating a result, ``balance``; a column
    that names the budget ("BP 2021", "Crédits votés") keeps ``budget``."""
    measure = table.columns[ci].measure
    if measure is None and table.columns[ci].role in _TEXT_ROLES:
        return None  # a chapter, an article, a code, a label: "011" under "Chapitre" is no amount
    if measure is None or (measure == "budget" and not names_the_budget(table.columns[ci].header)):
        # "BP 2021" under "DEPENSES" is the budget voted, on the spending side: no side taken
        side = table.side(ci, table.rows[row_index]) or (side_named(label) if label else None)
        if side:
            return "expense" if side == "expense" else "other"
        if measure == "budget" and label and _RESULT_ROW_RE.search(label) and table.section_of(ci):
            return "balance"
    return measure


#: A percent sign printed just after a cell's figure ("Écart | + 2,05 %", "Évolution | - 1,24
#: %"): the figure is a share, whatever the header says, even when the table reader kept the
#: figure apart from its sign.
_PERCENT_AFTER_RE = re.compile(r"[ \u00a0\u202f]?%")


#: The décision modificative an act adopts, by its number: "Décision modificative - Exercice
#: 2021 – Budget général – DM2", "Décision modificative n° 3", "DM n°1 du budget annexe".
_DM_RE = re.compile(r"\b(?:DM|d[ée]cision\s+modificative)\s*(?:n\s?[°o]\s*)?(?P<n>\d{1,2})\b", re.I)


def _adopted_dm(title: str | None) -> str | None:
    m = _DM_RE.search(title or "")
    return m.group("n").lstrip("0") if m else None


def _is_adopted_dm(header: str, adopted: str | None) -> bool:
    """The column of the décision modificative the act adopts ("DM 2" in the act "… – DM2"):
    its credits are the ones put to the vote (``proposed``); earlier DMs' stay ``other``."""
    m = _DM_RE.fullmatch(" ".join(header.split()))
    return adopted is not None and m is not None and m.group("n").lstrip("0") == adopted


@extractor("budget_lines", feeds=("budget_lines",))
def extract_budget_lines(act: Act, found: Found, issues: IssueLog) -> list[BudgetLineRow]:
    """One row per amount cell of every budget table of the act (annexes included)."""
    rows: list[BudgetLineRow] = []
    tables = budget_tables(act)
    dm = two_sided_spans(act)
    if dm:  # a two-column décision modificative is read from its lines, not from a word table over it
        tables = [t for t in tables if not any(sp.start <= b.start < sp.end for sp in t.spans for b in dm)]
    adopted = _adopted_dm(found.field("title"))
    for ti, table in enumerate(tables):
        section = section_of(act, table.start)
        for ri, row in enumerate(table.rows, start=1):
            total = table.is_total(row)
            code, code_words = _code(table, row.cells, "code", _CODE_RE)
            imputation, account = _code(table, row.cells, "imputation", _IMPUTATION_RE)
            for ci, col in enumerate(table.columns):
                label = table.label_for(row, ci)
                if code_words and label and label.endswith(code_words):
                    label = code_words  # "AP 2024-01 Groupe scolaire": the code is not the label
                label = label or account  # "011 - Charges à caractère général" under "Chapitre"
                measure = measure_in(table, ci, ri - 1, label)
                if not measure:
                    continue
                if measure == "other" and _is_adopted_dm(col.header, adopted):
                    measure = "proposed"
                amount = parse_amount(row.text(ci))
                if amount is None:
                    continue
                start, end = row.span(ci, act.doc.text)
                if end is not None and _PERCENT_AFTER_RE.match(act.doc.text, end):
                    continue  # "+ 2,05 %" under "Écart": a share, the sign cut off as the cell's words
                rows.append(BudgetLineRow(act.act_id, act.doc.doc_id, row.page, ti, ri, section,
                                          code, imputation, label, printed_header(col.header),
                                          measure, amount, total, char_start=start, char_end=end))
    # the lines of a table of prices are read neither as a table nor as text budget lines
    covered = [s for t in tables for s in t.spans] + \
        [s for t in tables_of(act.doc, act.span) if t.is_budget and is_contract_prices(t) for s in t.spans]
    rows += text_budget_lines(act, len(tables), covered)
    return reread_results(act, rows)


@quality_check("budget_balance")
def check_budget_balance(act: Act, found: Found) -> list[QualityRow]:
    """Disponible − Proposition = Solde, on every row printing the three."""
    by_row: dict[tuple[int, int], dict[str, Decimal]] = defaultdict(dict)
    for r in found.get("budget_lines"):
        by_row[(r.table_index, r.row_index)][r.measure] = r.amount
    out = []
    for (ti, ri), m in sorted(by_row.items()):
        if {"available", "proposed", "balance"} <= set(m):
            ok = m["available"] - m["proposed"] == m["balance"]
            out.append(result(act, "budget_balance", ok,
                              f"table {ti} row {ri}: {m['available']} - {m['proposed']} = {m['balance']}"
                              + ("" if ok else f" (computed {m['available'] - m['proposed']})")))
    return out


def _ordered_results(cells: list[tuple[str, int | None, Decimal]]) -> tuple[Decimal, Decimal, Decimal] | None:
    """(closing N-1, year N, closing N) of a row's result columns in printed order — kind,
    year, amount (:func:`~pipeline.read.table_vocabulary.result_column`) —, or None when
    they are not the three, in that order: "Résultat de clôture 2023 | Résultat de
    l'exercice 2024 | Résultat de clôture 2024", "Résultat 2023 | Résultat 2024 | Résultat
    cumulé" (the years say which is last year's)."""
    if len(cells) != 3:
        return None
    (k0, y0, a0), (k1, y1, a1), (k2, y2, a2) = cells
    if k0 not in ("closing", "carried", "dated") or k1 not in ("year", "dated") or k2 != "closing":
        return None
    if "dated" in (k0, k1) and not (y0 and y1):
        return None  # "Résultat 2023" beside "Résultat de l'exercice": which year is whose?
    if (y0 and y1 and y0 >= y1) or (y0 and y2 and y0 >= y2) or (y1 and y2 and y1 != y2):
        return None
    return a0, a1, a2


@quality_check("results_balance")
def check_results_balance(act: Act, found: Found) -> list[QualityRow]:
    """Closing result of last year + the year's result = closing result of this year, per
    budget section, where an act prints the three (a figure misread on a scan and not
    repaired by :func:`extractors.budget_text.reread_results` shows here). In a table of
    results by section ("Section | Résultat de clôture 2023 | Part affectée à
    l'investissement | Résultat de l'exercice 2024 | Résultat de clôture 2024"), the part of
    last year's surplus allocated to investment (compte 1068) comes off it first."""
    out = []
    for ti, section, (c0, y, c1) in result_triples(list(found.get("budget_lines"))):
        ok = c0.amount + y.amount == c1.amount
        out.append(result(act, "results_balance", ok, f"table {ti} {section}: {c0.amount} + {y.amount} = {c1.amount}"
                          + ("" if ok else f" (computed {c0.amount + y.amount})")))
    by_row: dict[tuple[int, int], list[BudgetLineRow]] = defaultdict(list)
    for r in found.get("budget_lines"):
        if r.column:
            by_row[(r.table_index, r.row_index)].append(r)
    for (ti, ri), rs in sorted(by_row.items()):
        kinds = [(result_column(r.column or ""), r) for r in rs]
        allocated = sum((abs(r.amount) for k, r in kinds if k and k[0] == "allocated"), Decimal(0))
        triple = _ordered_results([(k[0], k[1], r.amount) for k, r in kinds if k and k[0] != "allocated"])
        if triple is None:
            continue
        c0, y, c1 = triple
        ok = c0 - allocated + y == c1
        out.append(result(act, "results_balance", ok, f"table {ti} row {ri} {rs[0].label or ''}: {c0} - {allocated} + {y} = {c1}"
                          + ("" if ok else f" (computed {c0 - allocated + y})")))
    return out


#: A row that details the one above it: "dont participation du budget général", "dont
#: emprunts", "- dont remboursement avance".
_DETAIL_ROW_RE = re.compile(r"^\W{0,3}dont\b", re.I)


@quality_check("table_total")
def check_table_total(act: Act, found: Found) -> list[QualityRow]:
    """Each total row of a table, column by column: the rows since the previous total add
    up to it (a subtotal per section, "Total fonctionnement" / "Total investissement"), or
    every row above does, or the subtotals above do (a grand total), or the subtotals and
    the rows since ("Total des recettes réelles" + "042 - Amortissements" = "TOTAL DES
    RECETTES"). A row "dont …" details the row above it and adds nothing."""
    lines: dict[tuple[int, str, str], list[BudgetLineRow]] = defaultdict(list)
    for r in found.get("budget_lines"):
        lines[(r.table_index, r.column or "", r.measure)].append(r)
    out = []
    for (ti, column, _), rs in sorted(lines.items()):
        rs = sorted(rs, key=lambda r: r.row_index)
        if len(rs) < 2 or not any(r.is_total for r in rs):
            continue
        since, above, subtotals = Decimal(0), Decimal(0), Decimal(0)
        for r in rs:
            if not r.is_total and _DETAIL_ROW_RE.match(r.label or ""):
                continue
            if not r.is_total:
                since += r.amount
                above += r.amount
                continue
            ok = r.amount in (since, above) or (subtotals and r.amount in (subtotals, subtotals + since))
            out.append(result(act, "table_total", ok, f"table {ti} column {column}: {r.label or 'total'} {r.amount}, "
                              f"lines {since}" + ("" if since == above else f" (all above {above})")))
            if since:
                subtotals += r.amount
            since = Decimal(0)
    return out
