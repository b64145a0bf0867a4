"""Figures of a scanned table checked, and read again when they do not hold.

Tesseract reads a page in one pass; in a table, a figure it misreads ("51567676500181" for
the SIRET 51567676500131, "1 24I 000,00") is still a figure. Two checks tell:

* a column of amounts with a total row whose rows do not add up to it;
* a SIRET whose Luhn key fails, or a SIRET column cell without its 14 digits.

Either is a sign to read again, not a value to keep: the cells are cropped from the page
image (rendered again from the PDF) and read one by one by Tesseract as a single line
restricted to the characters of a figure (``--psm 7``, a whitelist). The new reading
replaces the old only when it passes the check that failed — the column then adds up to
its total, the SIRET's key then holds; otherwise the cells stay as first read (and the
``table_total`` / ``grant_total`` checks say so).
"""

from __future__ import annotations

import os
import re
import tempfile
from decimal import Decimal
from typing import Callable

from pipeline.model import Document
from pipeline.normalize.identifiers import siret_valid
from pipeline.normalize.money import parse_amount
from pipeline.read.table_cells import Table

Box = tuple[float, float, float, float]
#: (document, page, cell boxes in PDF points, "figure" | "digits") → one reading per box
Reader = Callable[[Document, int, list[Box], str], list[str | None]]

#: At most this many cells of one table are read again (a bound on Tesseract calls).
MAX_CELLS = 40
_DPI = 300
_WHITELIST = {"figure": "0123456789 ,.-€", "digits": "0123456789 "}


def tesseract_cells(doc: Document, page_no: int, boxes: list[Box], kind: str) -> list[str | None]:
    """Read each box of a page again with Tesseract, as one line of figures."""
    import pypdfium2 as pdfium

    from pipeline.read.ocr import _run_tesseract

    if not doc.source_path.lower().endswith(".pdf") or not os.path.isfile(doc.source_path):
        return [None] * len(boxes)
    pdf = pdfium.PdfDocument(doc.source_path)
    try:
        image = pdf[page_no - 1].render(scale=_DPI / 72, grayscale=True).to_pil()
    finally:
        pdf.close()
    out: list[str | None] = []
    scale = _DPI / 72
    with tempfile.TemporaryDirectory() as tmp:
        for k, (x0, top, x1, bottom) in enumerate(boxes):
            pad_x, pad_y = 3 + 0.4 * (bottom - top), 2 + 0.25 * (bottom - top)
            crop = image.crop((int((x0 - pad_x) * scale), int((top - pad_y) * scale),
                               int((x1 + pad_x) * scale), int((bottom + pad_y) * scale)))
            path = os.path.join(tmp, f"cell{k}.png")
            crop.save(path)
            try:
                text = _run_tesseract(path, ["-l", "fra", "--psm", "7", "--dpi", str(_DPI),
                                             "-c", f"tessedit_char_whitelist={_WHITELIST[kind]}"], 30.0)
            except Exception:  # noqa: BLE001 - a cell that cannot be read again keeps its reading
                text = None
            out.append(" ".join(text.split()) if text else None)
    return out


def _ocr_page(doc: Document, page_no: int) -> bool:
    page = doc.page(page_no)
    return page.source.value == "ocr" and not page.rotation


def check_figures(doc: Document, table: Table, read: Reader = tesseract_cells) -> None:
    """Read again, in place, the figures of ``table`` that fail their check (see the module)."""
    budget = MAX_CELLS
    # SIRETs whose key fails
    for ci in table.columns_with("siret"):
        todo = [r for r in table.rows if ci in r.boxes and _ocr_page(doc, r.page) and re.search(r"\d{5}", r.text(ci))
                and not _siret_ok(r.text(ci))]
        for row in todo[:budget]:
            [again] = read(doc, row.page, [row.boxes[ci]], "digits")
            digits = re.sub(r"\D", "", again or "")
            if len(digits) == 14 and siret_valid(digits):
                row.cells[ci] = digits
        budget -= len(todo)
    # columns that do not add up to their total
    for ci in table.money_columns():
        rows, total = _column(table, ci)
        if total is None or not rows or budget <= 0:
            continue
        values = [parse_amount(r.text(ci)) for r in rows]
        printed = parse_amount(total.text(ci))
        if None not in values and printed is not None and sum(values, Decimal(0)) == printed:  # type: ignore[arg-type]
            continue
        cells = [r for r in rows + [total] if ci in r.boxes and _ocr_page(doc, r.page)]
        if len(cells) != len(rows) + 1 or len(cells) > budget:
            continue
        budget -= len(cells)
        again: list[str | None] = []
        for page in sorted({r.page for r in cells}):
            on_page = [r for r in cells if r.page == page]
            again += read(doc, page, [r.boxes[ci] for r in on_page], "figure")
        order = [r for page in sorted({r.page for r in cells}) for r in cells if r.page == page]
        new = {id(r): parse_amount(t) if t else None for r, t in zip(order, again)}
        if any(v is None for v in new.values()):
            continue
        if sum((new[id(r)] for r in rows), Decimal(0)) == new[id(total)]:  # type: ignore[misc]
            for r, t in zip(order, again):
                r.cells[ci] = t or r.cells[ci]


def _siret_ok(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    return len(digits) == 14 and siret_valid(digits)


def _column(table: Table, ci: int):  # type: ignore[no-untyped-def]
    """The rows of column ``ci`` above its first total, and that total row (or None)."""
    rows = []
    for r in table.rows:
        if table.is_total(r):
            return (rows, r) if r.text(ci) else (rows, None)
        if r.text(ci):
            rows.append(r)
    return rows, None
