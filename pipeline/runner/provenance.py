"""Where every value was read: its page and its words' boxes, from its character offsets.

An extractor says *what* it read and, with ``char_start``/``char_end``, *where* in
``Document.text`` (document-absolute, half-open). Everything else is filled here, once, for
every table: the page, and the boxes of the words the reading stage placed in that range
(text layer or OCR), in PDF points of the page's own coordinates. An extractor only gives
offsets; rows that come without them are placed by :mod:`pipeline.runner.locate` where
their printed text can be found, and left null otherwise (``docs/provenance.md``).

::

    row  char_start=1204 char_end=1215 ("57 000,00 €")
      →  page 2, x0=312.4 top=401.0 x1=371.9 bottom=412.3,
         boxes=[Box(page=2, x0=312.4, top=401.0, x1=371.9, bottom=412.3)]

A value that wraps over lines gets one box per line (``boxes``); ``x0 … bottom`` are the
union of its boxes on ``page`` (its first page).

OCR words are kept by the reading stage in the frame it read them in — the scan
straightened (``Page.skew``) and turned upright (``Page.rotation``) — which is what the
readers of word positions need. The page as stored (and as pypdfium2 renders it for a
reviewer) is neither: :func:`to_page` turns a box back.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
from typing import Any, Iterable

from pipeline.model import Document, Page, TextSource, Word
from schemas.rows import ActFieldRow, Box, WordRow


def to_page(page: Page, x0: float, top: float, x1: float, bottom: float) -> tuple[float, float, float, float]:
    """A word box read on the straightened, upright scan → the page's own coordinates.

    ``pipeline.read.ocr`` turns the page image counter-clockwise by its skew (measured
    positive clockwise) about its centre, then by ``rotation`` degrees (PIL's
    ``rotate(rotation, expand=True)``, counter-clockwise) when Tesseract found it upside
    down or sideways. Both are undone here: the skew about the centre of the turned frame
    (rotations about the centre commute with the quarter turn, so the whole skew is undone
    at once), then the quarter turns. A text layer's boxes are already the page's.
    """
    if page.source is not TextSource.OCR or (not page.rotation and abs(page.skew) < 0.05):
        return x0, top, x1, bottom
    w, h = page.width, page.height
    rot = page.rotation % 360
    fw, fh = (w, h) if rot in (0, 180) else (h, w)  # the frame the words were read in
    cx, cy = (x0 + x1) / 2, (top + bottom) / 2
    hw, hh = (x1 - x0) / 2, (bottom - top) / 2
    if abs(page.skew) >= 0.05:
        a = math.radians(page.skew)  # clockwise on a y-down page: the skew put back
        cos, sin = math.cos(a), math.sin(a)
        dx, dy = cx - fw / 2, cy - fh / 2
        cx, cy = fw / 2 + dx * cos - dy * sin, fh / 2 + dx * sin + dy * cos
    if rot == 90:  # the image had been turned a quarter counter-clockwise
        cx, cy, hw, hh = w - cy, cx, hh, hw
    elif rot == 180:
        cx, cy = w - cx, h - cy
    elif rot == 270:
        cx, cy, hw, hh = cy, h - cx, hh, hw
    return cx - hw, cy - hh, cx + hw, cy + hh


class WordIndex:
    """The words of a document by text offset, to find those of a character range quickly."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._items: list[tuple[Page, Word]] = [(p, w) for p in doc.pages for w in p.words]
        self._starts = [w.start for _, w in self._items]

    def words(self, start: int, end: int) -> list[tuple[Page, Word]]:
        """Words overlapping ``[start, end)``, running headers and footers left out (unless
        the range lies in one)."""
        i = max(0, bisect.bisect_right(self._starts, start) - 1)
        out: list[tuple[Page, Word]] = []
        while i < len(self._items) and self._starts[i] < end:
            page, w = self._items[i]
            if w.start + len(w.text) > start:
                out.append((page, w))
            i += 1
        own = [(p, w) for p, w in out if not self.doc.in_furniture(w.start)]
        return own or out


def _r(v: float) -> float:
    return round(v, 2)


def boxes_of(index: WordIndex, start: int, end: int) -> list[Box]:
    """One box per (page, line) of the words in ``[start, end)``, in reading order."""
    groups: dict[tuple[int, int], list[float]] = {}
    for page, w in index.words(start, end):
        x0, top, x1, bottom = to_page(page, w.x0, w.top, w.x1, w.bottom)
        key = (page.page_no, w.line)
        g = groups.get(key)
        if g is None:
            groups[key] = [x0, top, x1, bottom]
        else:
            g[0], g[1], g[2], g[3] = min(g[0], x0), min(g[1], top), max(g[2], x1), max(g[3], bottom)
    return [Box(p, _r(g[0]), _r(g[1]), _r(g[2]), _r(g[3])) for (p, _), g in sorted(groups.items())]


def place(row: Any, index: WordIndex) -> Any:
    """``row`` with its page and boxes filled from its ``char_start``/``char_end`` (unchanged
    when it has no offsets). The page becomes that of the value's first word."""
    start, end = getattr(row, "char_start", None), getattr(row, "char_end", None)
    if start is None or end is None or end <= start:
        return row
    boxes = boxes_of(index, start, end)
    if not boxes:  # a plain-text input has no words: the page only
        return dataclasses.replace(row, page=index.doc.page_at(start))
    first = [b for b in boxes if b.page == boxes[0].page]
    return dataclasses.replace(
        row, page=boxes[0].page, boxes=boxes,
        x0=min(b.x0 for b in first), top=min(b.top for b in first),
        x1=max(b.x1 for b in first), bottom=max(b.bottom for b in first))


def place_all(rows: Iterable[Any], index: WordIndex) -> list[Any]:
    return [place(r, index) for r in rows]


def act_field_value(value: Any) -> str:
    """An ``acts`` value as the text of ``act_fields.value``: dates ISO, booleans lower case."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def act_field_rows(act_id: str, doc_id: str, values: dict[str, Any],
                   spans: dict[str, tuple[int, int]], columns: Iterable[str]) -> list[ActFieldRow]:
    """One ``act_fields`` row per column of ``columns`` with a value, offsets from ``spans``."""
    out = []
    for col in columns:
        value = values.get(col)
        if value is None:
            continue
        start, end = spans.get(col, (None, None))
        out.append(ActFieldRow(act_id, doc_id, col, act_field_value(value), None, start, end))
    return out


def word_rows(doc: Document) -> list[WordRow]:
    """Every word of every page as read, its box in the page's own coordinates."""
    out = []
    for p in doc.pages:
        for i, w in enumerate(p.words):
            x0, top, x1, bottom = to_page(p, w.x0, w.top, w.x1, w.bottom)
            out.append(WordRow(doc.doc_id, p.page_no, i, w.text, _r(x0), _r(top), _r(x1), _r(bottom),
                               w.start, w.line, None if w.conf is None else round(w.conf, 1),
                               doc.in_furniture(w.start)))
    return out
