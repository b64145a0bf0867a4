"""Tables of a document: every table of money, with its place in the text.

Deliberations print credits as small tables under "imputée sur le budget … comme suit :"::

    Code Opération | Imputation budgétaire | Libellé Opération | CP€        | Dépense €
    C01-020Q01     | 6568/9365             | Mission ESS - …   | 209 285,00 | 57 000,00

or a décision modificative without rules (``Imputation | Libellé | Dépenses | Recettes``,
labels wrapping around the figures, ``TOTAL`` on the next page under a repeated header),
an AP/CP table (``N° AP | Intitulé | AP votée | Affecté ce jour | Reste à affecter | CP
2023 | CP 2024 et suivants``), a financing plan on two sides (``Dépenses | Recettes``), a
list of beneficiaries (``Bénéficiaire | SIRET | Projet | Montant proposé | Montant voté``),
or an annex's "BUDGET PROVISIONNEL" (``AXES | ACTIONS | BP`` with a ``TOTAL`` row).

Two readers, one result (:class:`~pipeline.read.table_cells.Table`):

* ruled tables of born-digital pages: the grids of their drawn rules (:mod:`pipeline.read.ruled_tables`);
* everything else — unruled tables, tables on OCR'd pages — from word positions
  (:mod:`pipeline.read.word_tables`).

What a header means is decided by one vocabulary (:mod:`pipeline.read.table_vocabulary`).
A table continued on the next page under a repeated header stays one table.
"""

from __future__ import annotations

import copy

from pipeline.model import Document, Span
from pipeline.read.figure_reread import check_figures
from pipeline.read.list_tables import titled_lists
from pipeline.read.ruled_tables import ruled_tables
from pipeline.read.table_cells import (TOTAL_RE, Column, Row, Table, has_amount, join_wrapped,  # noqa: F401
                                       whole_header)
from pipeline.read.table_vocabulary import fold, grant_column, measure_of, role_of  # noqa: F401
from pipeline.read.word_tables import continued_table, split_cells, tables_on_page  # noqa: F401

#: The measure a header names (kept under its former name).
classify_header = measure_of
_has_amount = has_amount


def _same_header(a: Table, b: Table) -> bool:
    return [fold(h) for h in a.headers] == [fold(h) for h in b.headers]


def _page_ends_with(doc: Document, table: Table) -> bool:
    """Whether nothing but running furniture (and a page number) follows the table on its page."""
    page = doc.page(doc.page_at(table.spans[-1].start))
    rest = [w for w in page.words if w.start >= table.spans[-1].end and not doc.in_furniture(w.start)]
    return len(rest) <= 3 and not any(w.text.isalpha() and len(w.text) > 3 for w in rest)


def _page_starts_with(doc: Document, table: Table) -> bool:
    page = doc.page(table.page)
    before = [w for w in page.words if w.start < table.start and not doc.in_furniture(w.start)]
    return len(before) <= 3


def _continued_columns(prev: Table, t: Table) -> dict[int, int] | None:
    """Columns of a headerless continuation under the previous table's columns (by their
    boxes), or None when they do not line up one to one."""
    mapping = {}
    for ci, c in enumerate(t.columns):
        overlaps = [min(c.x1, p.x1) - max(c.x0, p.x0) for p in prev.columns]
        best = max(range(len(overlaps)), key=lambda i: overlaps[i])
        if overlaps[best] <= 0.5 * (c.x1 - c.x0) or best in mapping.values():
            return None
        mapping[ci] = best
    return mapping


_CACHE: dict[tuple[str, int, int, int], list[Table]] = {}


def tables_of(doc: Document, span: Span) -> list[Table]:
    """:func:`find_tables` remembered for the last few spans (extractors share one reading)."""
    key = (doc.doc_id, len(doc.text), span.start, span.end)
    if key not in _CACHE:
        if len(_CACHE) > 16:
            _CACHE.clear()
        _CACHE[key] = find_tables(doc, span)
    return _CACHE[key]


_PAGE_CACHE: dict[tuple[str, int, int, bool], list[Table]] = {}
#: Pages whose tables are remembered: the acts of minutes share their pages, and each act
#: asks for the tables of its span.
PAGE_CACHE_SIZE = 64


def _page_tables(doc: Document, page_no: int, use_rules: bool) -> list[Table]:
    """The tables of one page, in order: ruled ones, then those rebuilt from word positions
    where no ruled table stands, then titled lists where neither does. Read once per page;
    each caller gets its own copy (merging a table continued over a page break, naming a
    column or re-reading figures changes the tables)."""
    key = (doc.doc_id, len(doc.text), page_no, use_rules)
    if key not in _PAGE_CACHE:
        if len(_PAGE_CACHE) >= PAGE_CACHE_SIZE:
            _PAGE_CACHE.clear()
        page = doc.page(page_no)
        ruled = ruled_tables(doc, page_no) if use_rules and page.source.value == "text_layer" else []
        words = [t for t in tables_on_page(doc, page_no)
                 if not any(r.covers(t.start) or t.covers(r.start) for r in ruled)]
        lists = [t for t in titled_lists(doc, page_no)
                 if not any(r.covers(t.start) or r.covers(t.rows[0].start) for r in ruled + words)]
        _PAGE_CACHE[key] = sorted(ruled + words + lists, key=lambda t: t.start)
    return copy.deepcopy(_PAGE_CACHE[key])


def find_tables(doc: Document, span: Span | None = None, use_rules: bool = True,
                reread: bool = True) -> list[Table]:
    """Tables of money whose header lies in ``span`` (the whole document by default), in order.

    A table whose page ends with it, continued at the top of the next page under the same
    header, is merged into one table (rows keep their own page). On scanned pages, figures
    that fail their check are read again (:mod:`pipeline.read.figure_reread`).
    """
    span = span or Span(0, len(doc.text))
    found: list[Table] = []
    for page in doc.pages:
        if page.end <= span.start or page.start >= span.end:
            continue
        for t in _page_tables(doc, page.page_no, use_rules):
            if span.start <= t.start < span.end:
                found.append(t)
    found = _with_continuations(doc, span, found, use_rules)
    merged: list[Table] = []
    for t in found:
        prev = merged[-1] if merged else None
        if t.continues:
            # rows under no header at the top of a page: the previous page's table goes on
            mapping = _continued_columns(prev, t) if prev and t.page == prev.rows[-1].page + 1 else None
            if mapping and _page_starts_with(doc, t):
                for k, row in enumerate(t.rows):
                    row.cells = {mapping[ci]: v for ci, v in row.cells.items()}
                    if k == 0 and prev.rows and len(row.cells) == 1 and not has_amount(next(iter(row.cells.values()))):
                        # "Amicale des donneurs de" / (page break) / "sang": the label goes on
                        ci, v = next(iter(row.cells.items()))
                        last = prev.rows[-1]
                        last.cells[ci] = join_wrapped(last.cells.get(ci, ""), v) if last.cells.get(ci) else v
                        continue
                    prev.rows.append(row)
                prev.spans.extend(t.spans)
            continue
        if prev and t.page == prev.rows[-1].page + 1 and _same_header(prev, t) \
                and _page_ends_with(doc, prev) and _page_starts_with(doc, t):
            prev.rows.extend(t.rows)
            prev.spans.extend(t.spans)
            continue
        merged.append(t)
    for t in merged:
        _name_column(t)
        if reread and any(doc.page(r.page).source.value == "ocr" for r in t.rows):
            check_figures(doc, t)
    return merged


def _with_continuations(doc: Document, span: Span, found: list[Table], use_rules: bool) -> list[Table]:
    """``found`` with, after an unruled table ending its page, the rows opening the next
    page under no repeated header (:func:`pipeline.read.word_tables.continued_table`), when
    no other table stands there and they lie in ``span``."""
    out: list[Table] = []
    for k, t in enumerate(found):
        out.append(t)
        last = t.rows[-1].page if t.rows else t.page
        if t.source != "words" or (k + 1 < len(found) and found[k + 1].page == last) \
                or last + 1 > len(doc.pages) or not _page_ends_with(doc, t):
            continue
        cont = continued_table(doc, last + 1, t)
        if cont is None or not span.start <= cont.start < span.end:
            continue
        if any(o.covers(cont.start) or cont.covers(o.start) for o in _page_tables(doc, last + 1, use_rules)):
            continue
        out.append(cont)
    return out


def _name_column(table: Table) -> None:
    """A list of names under no header, beside amounts "votés" / "attribués": the names
    are the beneficiaries ("" | Montants votés en 2024 | Montants votés en 2025)."""
    if table.columns_with("beneficiary") or not table.columns or table.columns[0].header.strip():
        return
    names = [r.text(0) for r in table.rows if r.text(0) and not has_amount(r.text(0))]
    if len(names) >= 2 and any(grant_column(table.columns[i].header) == "awarded" for i in table.money_columns()):
        table.columns[0].forced_role = "beneficiary"
