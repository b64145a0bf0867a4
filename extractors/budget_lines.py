"""Budget lines: every amount cell of the act's budget tables, in long format.

One row per (table row × amount column)::

    Code Opération | Imputation budgétaire | Libellé Opération        | CP€        | Dépense €
    C01-020Q01     | 6568/9365             | Mission ESS - Autres …   | 209 285,00 | 57 000,00

gives two rows (``column`` "CP€" → ``measure`` cp, "Dépense €" → expense), with the
operation code, the imputation, the label; ``section`` says where the table stands
(``decision``, the president's ``report``, or another ``annex``); total rows
("TOTAL", "Sous-total") are kept and marked ``is_total``. Quality checks:
``budget_balance`` (disponible − proposition = solde) and ``table_total`` (the lines add
up to the printed total).
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from extractors.quality import quality_check, result
from extractors.registry import Found, extractor
from pipeline.errors import IssueLog
from pipeline.model import Act, SectionKind
from pipeline.normalize.money import parse_amount
from pipeline.read.tables import Table, classify_header, fold, tables_of
from schemas.rows import BudgetLineRow, QualityRow

# An operation code: "C01-020Q01", "C02-044A03", "OP2023-15".
_CODE_RE = re.compile(r"^[A-Z]{1,4}\d{1,4}[-_ ]?[0-9A-Z]{2,8}$")
# An imputation: "6568/9365", "65/6574", "011/615221", "204-2041582", "6574 - 93564".
_IMPUTATION_RE = re.compile(r"^\d{2,6}\s?[/-]\s?\d{2,8}(?:\s?[/-]\s?\d{1,8})?$")
# OCR reads "€" as "e"/"E" after a short header: "CPE", "cPe" → "CP€".
_OCR_EURO_RE = re.compile(r"^(CP|AE|BP)\s?[eE]$", re.I)


def section_of(act: Act, offset: int) -> str:
    """``decision``, ``report`` (the president's report) or ``annex`` for a text offset."""
    for s in act.sections:
        if s.span.start <= offset < s.span.end and s.kind is SectionKind.ANNEX:
            return "report" if s.label and "rapport" in fold(s.label) else "annex"
    return "decision"


def printed_header(header: str) -> str:
    """The header as printed, whitespace collapsed; an OCR'd "CPE" read back as "CP€"."""
    m = _OCR_EURO_RE.match(header.strip())
    if m:
        return m.group(1).upper() + "€"
    return " ".join(header.split())


def _code(table: Table, row_cells: dict[int, str], role: str, pattern: re.Pattern[str]) -> str | None:
    for i in table.columns_with(role):
        text = "".join(row_cells.get(i, "").split()) if role == "code" else row_cells.get(i, "").strip()
        text = re.sub(r"\s*([/-])\s*", r"\1", text)
        if pattern.match(text):
            return text
    return None


def budget_tables(act: Act) -> list[Table]:
    """The act's tables of credits (lists of beneficiaries excluded), in order."""
    return [t for t in tables_of(act.doc, act.span) if t.is_budget]


@extractor("budget_lines", feeds=("budget_lines",))
def extract_budget_lines(act: Act, found: Found, issues: IssueLog) -> list[BudgetLineRow]:
    """One row per amount cell of every budget table of the act (annexes included)."""
    rows: list[BudgetLineRow] = []
    for ti, table in enumerate(budget_tables(act)):
        section = section_of(act, table.start)
        for ri, row in enumerate(table.rows, start=1):
            total = table.is_total(row)
            label = table.label(row)
            code = _code(table, row.cells, "code", _CODE_RE)
            imputation = _code(table, row.cells, "imputation", _IMPUTATION_RE)
            for ci, col in enumerate(table.columns):
                measure = classify_header(col.header)
                if not measure:
                    continue
                amount = parse_amount(row.text(ci))
                if amount is None:
                    continue
                rows.append(BudgetLineRow(act.act_id, act.doc.doc_id, row.page, ti, ri, section,
                                          code, imputation, label, printed_header(col.header),
                                          measure, amount, total))
    return rows


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


@quality_check("table_total")
def check_table_total(act: Act, found: Found) -> list[QualityRow]:
    """Each column of a table with a total row: the other rows add up to the total."""
    lines: dict[tuple[int, str], list[BudgetLineRow]] = defaultdict(list)
    for r in found.get("budget_lines"):
        lines[(r.table_index, r.column)].append(r)
    out = []
    for (ti, column), rs in sorted(lines.items()):
        totals = [r for r in rs if r.is_total]
        if len(totals) != 1 or len(rs) < 2:
            continue
        total = totals[0]
        parts = sum((r.amount for r in rs if not r.is_total and r.row_index < total.row_index), Decimal(0))
        ok = parts == total.amount
        out.append(result(act, "table_total", ok, f"table {ti} column {column}: lines {parts}, total {total.amount}"))
    return out
