"""Running headers and footers ("page furniture") to cut out of text that spans pages.

A visa or an article that runs over a page break reads, in the document text, with the
footer of one page and the header of the next in its middle ("Département du
Pas-de-Calais - Commission permanente du 20 mars 2023	1 / 15"). A line near the top or
bottom of a page is furniture when a similar line (digits ignored, OCR slips tolerated:
"Délibération n° D2022_135	M y A7”" ~ "Délibération n° D2022 135	2/2") stands at the same
height on other pages; bare page numbers ("1/2", "Page 4/5", "- 3 -") always are.

Height matters: "ARTICLE 1 - D'attribuer une subvention de 29 000 €" at the foot of page 1
and "ARTICLE 2 - D'attribuer une subvention de 33 500 €" at the head of page 2 have the
same letters but are body text, not a running line.

Cost: each zone line is compared with the zone lines of the other pages, up to
:data:`COMPARED_PAGES` of them. A longer document compares each line with that many pages
spread evenly over it (and asks for the repeat on 40% of those): a running line is on
nearly every page, so a sample finds it, and the work grows with the pages instead of
their square (2 000 distinct pages: 4 million comparisons at most instead of 144 million).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from pipeline.model import Document, Page, Span

#: How many lines at the top and at the bottom of a page may be furniture.
ZONE_LINES = 3

#: Shortest letter key of a running line ("CM – 23.05.2017" → "cm###").
MIN_KEY = 5

#: Two running lines are "the same" above this similarity of their letter keys.
SIMILARITY = 0.85

#: ... and when they stand within this fraction of the page height of each other.
HEIGHT_TOLERANCE = 0.03

#: Pages a zone line is compared with: all of them up to this many, else as many spread
#: evenly over the document.
COMPARED_PAGES = 60

PAGE_NUMBER_RE = re.compile(
    r"""^\s*(?:
        (?:page|p\.)?\s*\d{1,4}\s*(?:/|sur)\s*\d{1,4}   # "1/2", "Page 4/5", "3 sur 12"
      | (?:page|p\.)\s*\d{1,4}                          # "Page 3"
      | [-–—]?\s*\d{1,4}\s*[-–—]?                       # "3", "- 3 -"
    )\s*$""",
    re.I | re.X,
)


#: A sentence that repeats ("Approuvé par 2 ABSTENTIONS (M.DENISE - C.BOURRETTE) et 11 voix
#: POUR." after each budget) is body text even when it falls at the foot of several pages.
SENTENCE_RE = re.compile(r"^(?:\S+\s+){4,}.*[a-zà-ÿA-ZÀ-Ý)»]\s*\.$")


@dataclass(frozen=True)
class _ZoneLine:
    start: int
    end: int
    text: str
    key: str
    top: float | None  # fraction of the page height, None without word boxes
    zone: str  # "top" or "bottom"


def _key(line: str) -> str:
    return re.sub(r"[^a-z#]", "", re.sub(r"\d+", "#", line.lower()))


def _line_top(page: Page, start: int, end: int) -> float | None:
    tops = [w.top for w in page.words if start <= w.start < end]
    if not tops or not page.height:
        return None
    return min(tops) / page.height


def _zone_lines(doc: Document) -> list[list[_ZoneLine]]:
    """Per page, the lines of its top and bottom zones."""
    zones = []
    for p in doc.pages:
        text = doc.text[p.start:p.end]
        lines, pos = [], p.start
        for raw in text.split("\n"):
            if raw.strip():
                lines.append((pos, pos + len(raw), raw))
            pos += len(raw) + 1
        if len(lines) > 2 * ZONE_LINES:
            picked = [(ln, "top") for ln in lines[:ZONE_LINES]] + [(ln, "bottom") for ln in lines[-ZONE_LINES:]]
        else:
            picked = [(ln, "top" if i < len(lines) / 2 else "bottom") for i, ln in enumerate(lines)]
        zones.append([_ZoneLine(s, e, t, _key(t), _line_top(p, s, e), z) for (s, e, t), z in picked])
    return zones


def _same_running_line(a: _ZoneLine, b: _ZoneLine) -> bool:
    if a.zone != b.zone or len(a.key) < MIN_KEY or len(b.key) < MIN_KEY:
        return False
    if a.top is not None and b.top is not None and abs(a.top - b.top) > HEIGHT_TOLERANCE:
        return False
    if a.key == b.key:
        return True
    if min(len(a.key), len(b.key)) < SIMILARITY * max(len(a.key), len(b.key)):
        return False  # lengths alone rule it out (ratio ≤ 2·min/(min+max))
    sm = SequenceMatcher(None, a.key, b.key)
    return sm.quick_ratio() >= SIMILARITY and sm.ratio() >= SIMILARITY


def detect_furniture(doc: Document) -> tuple[Span, ...]:
    """Spans of running header/footer lines, each including its line break when it has one."""
    zones = _zone_lines(doc)
    n = len(zones)
    spans = []
    for i, z in enumerate(zones):
        if n <= COMPARED_PAGES:
            compared = range(n)
        else:  # a spread sample of the other pages, this one counted in
            compared = sorted({i} | {k * n // COMPARED_PAGES for k in range(COMPARED_PAGES)})
        min_pages = max(2, -(-len(compared) * 2 // 5))  # on 40% of the pages at least
        for ln in z:
            repeated, left = 1, len(compared) - 1
            for j in compared:
                if repeated >= min_pages or repeated + left < min_pages:
                    break  # enough pages carry it, or too few are left to: no need to look further
                if j != i:
                    left -= 1
                    if any(_same_running_line(ln, o) for o in zones[j]):
                        repeated += 1
            if PAGE_NUMBER_RE.match(ln.text) or (repeated >= min_pages and not SENTENCE_RE.search(ln.text)):
                nl = ln.end + 1 if ln.end < len(doc.text) and doc.text[ln.end:ln.end + 1] == "\n" else ln.end
                spans.append(Span(ln.start, nl))
    return tuple(sorted(spans, key=lambda s: s.start))
