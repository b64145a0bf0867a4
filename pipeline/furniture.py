"""Running headers and footers ("page furniture") to cut out of text that spans pages.

A visa or an article that runs over a page break reads, in the document text, with the
footer of one page and the header of the next in its middle ("Département du
Pas-de-Calais - Commission permanente du 20 mars 2023	1 / 15"). Lines near the top or
bottom of pages that repeat on several pages (digits ignored), and bare page numbers
("1/2", "Page 4/5", "- 3 -"), are furniture.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.model import Document, Span

#: How many lines at the top and at the bottom of a page may be furniture.
ZONE_LINES = 3

PAGE_NUMBER_RE = re.compile(
    r"""^\s*(?:
        (?:page|p\.)?\s*\d{1,4}\s*(?:/|sur)\s*\d{1,4}   # "1/2", "Page 4/5", "3 sur 12"
      | (?:page|p\.)\s*\d{1,4}                          # "Page 3"
      | [-–—]?\s*\d{1,4}\s*[-–—]?                       # "3", "- 3 -"
    )\s*$""",
    re.I | re.X,
)


def _key(line: str) -> str:
    return re.sub(r"[^a-z#]", "", re.sub(r"\d+", "#", line.lower()))


def _zone_lines(doc: Document) -> list[list[tuple[int, int, str]]]:
    """Per page, (start, end, text) of the lines in its top and bottom zones."""
    zones = []
    for p in doc.pages:
        text = doc.text[p.start:p.end]
        lines, pos = [], p.start
        for raw in text.split("\n"):
            lines.append((pos, pos + len(raw), raw))
            pos += len(raw) + 1
        lines = [ln for ln in lines if ln[2].strip()]
        picked = lines[:ZONE_LINES] + lines[-ZONE_LINES:] if len(lines) > 2 * ZONE_LINES else lines
        zones.append(list(dict.fromkeys(picked)))
    return zones


def detect_furniture(doc: Document) -> tuple[Span, ...]:
    """Spans of running header/footer lines, each including its line break when it has one."""
    zones = _zone_lines(doc)
    counts: Counter[str] = Counter()
    for z in zones:
        counts.update({_key(t) for _, _, t in z if len(_key(t)) >= 6})
    min_pages = 2 if len(doc.pages) <= 6 else max(2, len(doc.pages) // 4)
    spans = []
    for z in zones:
        for start, end, text in z:
            k = _key(text)
            if PAGE_NUMBER_RE.match(text) or (len(k) >= 6 and counts[k] >= min_pages):
                nl = end + 1 if end < len(doc.text) and doc.text[end:end + 1] == "\n" else end
                spans.append(Span(start, nl))
    return tuple(sorted(spans, key=lambda s: s.start))


def strip_furniture(doc: Document, span: Span) -> str:
    """Text of ``span`` without furniture lines and form feeds (page breaks become newlines)."""
    parts, pos = [], span.start
    for f in doc.furniture:
        if f.end <= span.start or f.start >= span.end:
            continue
        parts.append(doc.text[pos:max(pos, f.start)])
        pos = max(pos, f.end)
    parts.append(doc.text[pos:span.end])
    return "".join(parts).replace("\f", "\n")
