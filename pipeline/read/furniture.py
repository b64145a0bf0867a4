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

Repeating is not always enough: in a recueil of acts printed from one template, two-page
acts break their first page alike, and "Après en avoir délibéré," ⏎ "DÉCIDE :" ⏎ "Article
1 : d'approuver …," stand at the same height at the foot of every other page. A running
line stands on most pages, or carries the page's number; a line on fewer pages is
furniture only from the edge of the page inwards, and never a line of a paragraph that
runs over the page break (see :func:`detect_furniture`).

Cost: each zone line is compared with the zone lines of the other pages, up to
:data:`COMPARED_PAGES` of them. A longer document compares each line with that many pages
spread evenly over it (and asks for the repeat on 40%, or more than half, of those): a
running line is on nearly every page, so a sample finds it, and the work grows with the
pages instead of their square (2 000 distinct pages: 4 million comparisons at most instead of 144 million).
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


#: A line that carries the page's number at its end: "Recueil des actes administratifs n° 3 –
#: page 12", "Délibération n° 2024-046 – page 1/2", "Conseil du 26/01/2023\t3/4", "… Page 2 sur 5".
PAGE_NUMBERED_RE = re.compile(r"(?:\bpage\s*\d{1,4}(?:\s*(?:/|sur)\s*\d{1,4})?|\s(?P<k>\d{1,3})\s*/\s*(?P<n>\d{1,3}))\s*$",
                              re.I)


def _page_numbered(text: str) -> bool:
    """:data:`PAGE_NUMBERED_RE`, a bare fraction counting as "page k of n" only when k ≤ n: "… 3/4"
    is, "Séance du 15/03" and "Délibération n° 2024/12" are not."""
    m = PAGE_NUMBERED_RE.search(text)
    return bool(m) and (m.group("k") is None or int(m.group("k")) <= int(m.group("n")))

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


#: A line that ends with a comma, a semicolon or a colon runs on into the next.
RUNS_ON_RE = re.compile(r"[,;:]\s*$")

#: A line that opens in lower case goes on with a sentence a line before left open.
GOES_ON_RE = re.compile(r"^\W*[a-zà-ÿ]")


def _runs_over_the_break(ln: _ZoneLine) -> bool:
    """A line of a paragraph that runs on: it ends with a comma, a semicolon or a colon
    ("Article 1 : d'approuver les dispositions présentées dans le rapport de la Présidente,",
    "Après en avoir délibéré,", "DÉCIDE :"), or, at the head of a page, goes on with the
    sentence the page before left open ("et les montants figurant dans le tableau annexé …").
    A running head or footer is a line of its own and does neither."""
    return bool(RUNS_ON_RE.search(ln.text)) or (ln.zone == "top" and bool(GOES_ON_RE.match(ln.text)))


def _repeats(ln: _ZoneLine, i: int, zones: list[list[_ZoneLine]], enough: int, at_least: int) -> int:
    """On how many of the pages compared with page ``i`` ``ln`` stands, this one counted,
    counting no further than ``enough`` nor on once fewer than ``at_least`` can be reached."""
    compared = _compared(i, len(zones))
    repeated, left = 1, len(compared) - 1
    for j in compared:
        if repeated >= enough or repeated + left < at_least:
            break  # enough pages carry it, or too few are left to: no need to look further
        if j != i:
            left -= 1
            if any(_same_running_line(ln, o) for o in zones[j]):
                repeated += 1
    return repeated


def _compared(i: int, n: int) -> range | list[int]:
    """The pages a line of page ``i`` is compared with: all of them, or a spread sample
    with page ``i`` counted in."""
    if n <= COMPARED_PAGES:
        return range(n)
    return sorted({i} | {k * n // COMPARED_PAGES for k in range(COMPARED_PAGES)})


def _running_lines(zones: list[list[_ZoneLine]], i: int) -> tuple[set[int], set[int]]:
    """The zone lines of page ``i`` (by start) that stand on most pages (more than half) or
    are page numbers, and those that stand on fewer but 40% at least."""
    compared = len(_compared(i, len(zones)))
    min_pages = max(2, -(-compared * 2 // 5))
    most_pages = max(min_pages, compared // 2 + 1)
    most: set[int] = set()
    fewer: set[int] = set()
    for ln in zones[i]:
        if PAGE_NUMBER_RE.match(ln.text):
            most.add(ln.start)
        elif not SENTENCE_RE.search(ln.text):
            repeated = _repeats(ln, i, zones, most_pages, min_pages)
            # a line on most pages is furniture however it ends ("Mairie de Villeneuve, 1 place
            # de la Mairie,", "www.ville-exemple.fr"); on fewer, only when it carries the page's
            # number or is no line of a paragraph running over the break
            if repeated >= most_pages or (repeated >= min_pages and _page_numbered(ln.text)):
                most.add(ln.start)
            elif repeated >= min_pages and not _runs_over_the_break(ln):
                fewer.add(ln.start)
    return most, fewer


def _peeled(edge_first: list[_ZoneLine], most: set[int], fewer: set[int]) -> set[int]:
    """The furniture of one zone, read from the edge of the page inwards: the lines on most
    pages wherever they stand; the lines on fewer pages while every line before them is
    furniture."""
    cut = {ln.start for ln in edge_first if ln.start in most}
    for ln in edge_first:
        if ln.start in fewer:
            cut.add(ln.start)
        elif ln.start not in most:
            break
    return cut


def _first_body_line(doc: Document, page: Page, cut: set[int]) -> str:
    """The first line of ``page`` that is not furniture."""
    pos = page.start
    for raw in doc.text[page.start:page.end].split("\n"):
        if raw.strip() and pos not in cut:
            return raw
        pos += len(raw) + 1
    return ""


def detect_furniture(doc: Document) -> tuple[Span, ...]:
    """Spans of running header/footer lines, each including its line break when it has one.

    A line that stands on most pages (more than half) is a running line wherever it is in its
    zone. A line on fewer of them (40% at least) may be a line of the body that the acts of a
    recueil printed from one template put at the same height: the acts break their pages
    alike ("Après en avoir délibéré," ⏎ "DÉCIDE :" ⏎ "Article 1 : d'approuver …," at the foot
    of the first page of each two-page act). Such a line is furniture only when every line
    between it and the edge of the page is, and it is no line of a paragraph that runs over
    the break (:func:`_runs_over_the_break`; at the foot of a page, also a line the next page
    goes on with, in lower case): the footer "Recueil des actes administratifs n° 3 – page 12"
    below those lines is still cut, the lines above it are not.
    """
    zones = _zone_lines(doc)
    running = [_running_lines(zones, i) for i in range(len(zones))]
    cut: set[int] = set()
    for i, z in enumerate(zones):  # the heads first: the body of a page begins below its head
        cut |= _peeled([ln for ln in z if ln.zone == "top"], *running[i])
    for i, z in enumerate(zones):
        foot = [ln for ln in z if ln.zone == "bottom"][::-1]
        most, fewer = running[i]
        if i + 1 < len(zones) and GOES_ON_RE.match(_first_body_line(doc, doc.pages[i + 1], cut)):
            fewer = set()  # the next page goes on with a sentence this one left open: its foot is body
        cut |= _peeled(foot, most, fewer)
    spans = []
    for z in zones:
        for ln in z:
            if ln.start in cut:
                nl = ln.end + 1 if ln.end < len(doc.text) and doc.text[ln.end:ln.end + 1] == "\n" else ln.end
                spans.append(Span(ln.start, nl))
    return tuple(sorted(spans, key=lambda s: s.start))
