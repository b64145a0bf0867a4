"""Words with boxes → lines in reading order → page text, for text layers and OCR alike.

Lines are built geometrically (words whose vertical extents overlap enough belong to one
line, like pdfplumber's ``extract_text``) so that a table row reads as one line. Within a
line, a horizontal gap wider than :data:`COLUMN_GAP_EM` em becomes a tab: later stages
read tabs as column breaks (budget tables, two-column headers, right-aligned footers).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.model import Word

#: A gap between two words wider than this many line-heights is a column break (tab).
COLUMN_GAP_EM = 1.6


@dataclass
class RawWord:
    """A word before layout: text and box in points, origin at the top-left of the page."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float | None = None
    unit: int | None = None  # words of one OCR line share a unit: never split across lines


def _line_of(words: list[RawWord]) -> tuple[float, float]:
    return min(w.top for w in words), max(w.bottom for w in words)


def group_lines(words: list[RawWord]) -> list[list[RawWord]]:
    """Group words into lines sorted top to bottom, each sorted left to right."""
    # Units first: OCR already knows which words make a line even on a skewed page.
    units: dict[object, list[RawWord]] = {}
    for i, w in enumerate(words):
        units.setdefault(w.unit if w.unit is not None else ("w", i), []).append(w)
    blocks = sorted(units.values(), key=lambda ws: (_line_of(ws)[0] + _line_of(ws)[1]) / 2)
    lines: list[tuple[float, float, list[RawWord]]] = []
    for ws in blocks:
        top, bottom = _line_of(ws)
        height = max(bottom - top, 1.0)
        placed = False
        # compare with the last few lines only: lines are sorted by centre
        for k in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            ltop, lbottom, lws = lines[k]
            overlap = min(bottom, lbottom) - max(top, ltop)
            if overlap >= 0.5 * min(height, lbottom - ltop):
                lines[k] = (min(ltop, top), max(lbottom, bottom), lws + ws)
                placed = True
                break
        if not placed:
            lines.append((top, bottom, list(ws)))
    lines.sort(key=lambda t: t[0])
    return [sorted(lws, key=lambda w: w.x0) for _, _, lws in lines]


def lay_out(words: list[RawWord]) -> tuple[str, list[Word]]:
    """Return the page text and its words with offsets relative to the page text."""
    parts: list[str] = []
    out: list[Word] = []
    pos = 0
    for li, line in enumerate(group_lines(words)):
        if li:
            parts.append("\n")
            pos += 1
        height = max(1.0, sorted(w.bottom - w.top for w in line)[len(line) // 2])
        prev: RawWord | None = None
        for w in line:
            if prev is not None:
                gap = w.x0 - prev.x1
                sep = "\t" if gap > COLUMN_GAP_EM * height else " "
                parts.append(sep)
                pos += 1
            parts.append(w.text)
            out.append(Word(w.text, w.x0, w.top, w.x1, w.bottom, pos, li, w.conf))
            pos += len(w.text)
            prev = w
    return "".join(parts), out
