"""Ruled tables of born-digital pages, read by pdfplumber's table finder.

Cells come whole, with their wrapped lines: words broken inside narrow columns
("Disponibl/e", "C02-044A/03", "104/500,00") are rejoined. Columns pdfplumber makes of a
merged cell (no header, nothing in the body) are dropped; a header spanning two ruled
columns ("Financeurs" over two cells) heads the first one. A money cell that prints its
own label ("Dépenses : 12 040 000,00 €" / "Recettes : …" in a "FONCTIONNEMENT 2025" box)
gives one row per line, each with its label.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pipeline.model import Document, Span
from pipeline.read.table_cells import Column, Row, Table, has_amount, join_wrapped

#: A page with fewer drawn paths than this has no ruled table (a frame, an underline…).
MIN_RULE_PATHS = 4


@lru_cache(maxsize=4)
def _pdf(path: str, doc_id: str):  # type: ignore[no-untyped-def]  # doc_id: a changed file is reopened
    import pdfplumber

    return pdfplumber.open(path)


def _clean_cell(text: str | None, glue: bool) -> str:
    if not text:
        return ""
    parts = text.split("\n")
    out = parts[0]
    for p in parts[1:]:
        out = join_wrapped(out, p, glue)
    return " ".join(out.split())


@lru_cache(maxsize=8)
def _ruled_pages(path: str, doc_id: str) -> frozenset[int]:
    """Pages (1-based) with enough drawn paths to hold a ruled table, counted by pdfium.

    pdfplumber parses every character of a page before it looks for rules: asking it
    only about pages that draw lines saves most of its cost on text pages.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pages = set()
    pdf = pdfium.PdfDocument(path)
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            n = sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2))
            if n >= MIN_RULE_PATHS:
                pages.add(i + 1)
            page.close()
    finally:
        pdf.close()
    return frozenset(pages)


def _has_amount_cell(page_text: str) -> bool:
    """Some line of the page holds a figure with a column gap or a currency: a table of
    money may be there."""
    for line in page_text.split("\n"):
        if ("\t" in line and any(has_amount(cell) for cell in line.split("\t"))) or re.search(r"\d\s?€", line):
            return True
    return False


# "Dépenses : 12 040 000,00 €" — a label and its figure on one line of a cell.
_LABELLED_FIGURE_RE = re.compile(r"^(?P<label>[^\d:]{2,60}?)\s*:?\s+(?P<fig>[-–(]?\d[\d\s\u00a0\u202f.,']*\d(?:\s?€)?)\s*$")


def _labelled_lines(raw: str | None) -> list[tuple[str, str]] | None:
    """A cell of several "label : figure" lines → [(label, figure)…], else None."""
    if not raw or "\n" not in raw:
        return None
    out = []
    for line in raw.split("\n"):
        m = _LABELLED_FIGURE_RE.match(line.strip())
        if not m or not has_amount(m.group("fig")):
            return None
        out.append((m.group("label").strip(), m.group("fig").strip()))
    return out if len(out) >= 2 else None


def _drop_empty_columns(raw: list[list[str | None]], xs: list) -> tuple[list[list[str | None]], list]:  # type: ignore[type-arg]
    """Columns pdfplumber made of merged cells: nothing in them anywhere → dropped."""
    n = max(len(r) for r in raw)
    keep = [ci for ci in range(n) if any(ci < len(r) and r[ci] and r[ci].strip() for r in raw)]
    return [[r[ci] if ci < len(r) else None for ci in keep] for r in raw], [xs[ci] if ci < len(xs) else None for ci in keep]


def ruled_tables(doc: Document, page_no: int) -> list[Table]:
    """Tables with rules on a text-layer page of ``doc`` (a PDF file), in order."""
    path = doc.source_path
    if not path.lower().endswith(".pdf") or not Path(path).is_file():
        return []
    try:
        if page_no not in _ruled_pages(path, doc.doc_id) or not _has_amount_cell(doc.page_text(page_no)):
            return []
        page = _pdf(path, doc.doc_id).pages[page_no - 1]
        found = page.find_tables()
    except Exception:  # noqa: BLE001 - pdfplumber on a hostile page: fall back to words
        return []
    words = [w for w in doc.page(page_no).words if not doc.in_furniture(w.start)]
    tables = []
    for t in found:
        raw = t.extract()
        if len(raw) < 2:
            continue
        xs = [c for c in t.rows[0].cells] if t.rows else []
        raw, xs = _drop_empty_columns(raw, xs)
        if not raw or not raw[0]:
            continue
        n_head = 0
        while n_head < len(raw) and not any(has_amount(_clean_cell(c, False)) for c in raw[n_head] if c):
            n_head += 1
        if n_head == 0 or n_head == len(raw):
            continue
        headers = []
        for ci in range(len(raw[0])):
            text = ""
            for r in raw[:n_head]:
                text = join_wrapped(text, _clean_cell(r[ci] if ci < len(r) else None, False))
            box = xs[ci] if ci < len(xs) and xs[ci] else (0, 0, 0, 0)
            headers.append(Column(text, box[0], box[2]))
        if not any(c.measure for c in headers):
            continue
        x0, top, x1, bottom = t.bbox
        inside = [w for w in words if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1 and top - 1 <= (w.top + w.bottom) / 2 <= bottom + 1]
        if not inside:
            continue
        table = Table(headers, page=page_no, source="pdfplumber")
        row_objs = t.rows
        body_rows: list[tuple[int, dict[int, str], dict[int, str]]] = []
        for ri, r in enumerate(raw[n_head:], start=n_head):
            labelled = {ci: _labelled_lines(c) for ci, c in enumerate(r) if ci < len(headers) and headers[ci].measure}
            if any(labelled.values()):
                # one row per labelled line: "Dépenses : …" / "Recettes : …"
                n = max(len(v) for v in labelled.values() if v)
                for k in range(n):
                    cells, pairs = {}, {}
                    for ci, lines in labelled.items():
                        if lines and k < len(lines):
                            pairs[ci], cells[ci] = lines[k]
                    body_rows.append((ri, cells, pairs))
                continue
            cells = {ci: _clean_cell(c, headers[ci].role in ("code", "imputation", "siret"))
                     for ci, c in enumerate(r) if c and ci < len(headers)}
            body_rows.append((ri, cells, {}))
        # a money header over words only ("DEPENSES" over "Fonctionnement") heads labels
        for ci, col in enumerate(headers):
            values = [cells[ci] for _, cells, _ in body_rows if cells.get(ci)]
            if col.measure and values and not any(has_amount(v) for v in values):
                col.forced_role = "label"
        for ri, cells, pairs in body_rows:
            if not any(headers[ci].measure and has_amount(v) for ci, v in cells.items()):
                continue
            rtop = row_objs[ri].bbox[1] if ri < len(row_objs) else top
            starts = [w.start for w in inside if w.bottom >= rtop]
            table.rows.append(Row(cells, page_no, min(starts) if starts else inside[0].start, pairs))
        table.spans = [Span(min(w.start for w in inside), max(w.start + len(w.text) for w in inside))]
        if table.rows:
            tables.append(table)
    return tables
