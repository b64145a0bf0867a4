"""Lists of beneficiaries printed without a header, under a title: a bulletin's page
"SUBVENTIONS ASSOCIATIONS 2013", a minutes' "Liste des subventions accordées"::

    SUBVENTIONS
    ASSOCIATIONS 2013
    AEP La Saint Jean                                  64 018,97 €
    Fournitures scolaires école publique                9 969,75 €
    Association pour le développement du Bassin Versant
    de la Baie de Bourgneuf                               195,05 €

One row per name and amount (a name wrapped over lines keeps the lines just above its
amount). The list may stand in one column of a page set in two (a municipal bulletin):
its column is the part of the page right of the gutter nearest the title, and its lines
are rebuilt from the words' boxes (a text layer may join the two columns' lines or split
one line in two).
"""

from __future__ import annotations

import re
from statistics import median

from pipeline.model import Document, Span, Word
from pipeline.read.table_cells import Column, Row, Table, has_amount, words_span
from pipeline.read.table_vocabulary import fold
from pipeline.read.word_tables import _split_figures

# A list's title: "SUBVENTIONS ASSOCIATIONS 2013", "Subventions aux associations",
# "Liste des subventions (accordées / attribuées / votées)", "SUBVENTIONS 2024".
_TITLE_RE = re.compile(r"^(?:liste\s+des\s+)?subventions?(?:\s+(?:aux\s+|des\s+)?associations?)?"
                       r"(?:\s+(?:accordees|attribuees|votees|versees|municipales))?(?:\s+(?:19|20)\d\d)?\s*:?$")


def _lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into lines by their boxes (a word joins the line its box overlaps by
    half its height), top to bottom, each left to right."""
    lines: list[tuple[float, float, list[Word]]] = []
    for w in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        for k in range(len(lines) - 1, max(-1, len(lines) - 3), -1):
            top, bottom, ws = lines[k]
            if min(bottom, w.bottom) - max(top, w.top) >= 0.5 * min(w.bottom - w.top, bottom - top):
                ws.append(w)
                break
        else:
            lines.append((w.top, w.bottom, [w]))
    return [sorted(ws, key=lambda w: w.x0) for _, _, ws in sorted(lines, key=lambda t: t[0])]


def _gutter(words: list[Word], right: float) -> float:
    """The x of the blank strip nearest left of ``right`` that no word crosses (a page's
    column gutter), or 0."""
    x = right
    while x > 0:
        if not any(w.x0 < x < w.x1 + 2 for w in words):
            return x
        x -= 2
    return 0.0


def titled_lists(doc: Document, page_no: int) -> list[Table]:
    """Lists of names and amounts under a grants title on one page."""
    page = doc.page(page_no)
    words = [w for w in page.words if not doc.in_furniture(w.start)]
    if not words:
        return []
    out = []
    for line in _lines(words):
        # the title may wrap: "SUBVENTIONS" / "ASSOCIATIONS 2013"
        for k in range(len(line)):
            run = line[k:]
            if not run[0].text.lower().startswith(("subvention", "liste")):
                continue
            head = fold(" ".join(w.text for w in run))
            below = [w for w in words if w.top > run[0].bottom and w.top < run[0].bottom + 40 and
                     w.x0 >= run[0].x0 - 5 and w.x1 <= run[-1].x1 + 80]
            nxt = _lines(below)[:1]
            title = None
            if nxt:
                joined = fold(head + " " + " ".join(w.text for w in nxt[0]))
                if _TITLE_RE.match(joined):
                    title, run = joined, run + nxt[0]
            if not title and _TITLE_RE.match(head):
                title = head
            if not title:
                continue
            table = _read_list(page_no, words, run)
            if table:
                out.append(table)
            break
    return out


def _read_list(page_no: int, words: list[Word], title: list[Word]) -> Table | None:
    bottom = max(w.bottom for w in title)
    band = [w for w in words if w.top > bottom]
    gutter = _gutter([w for w in band if w.top < bottom + 200], min(w.x0 for w in title))
    region = [w for w in band if w.x0 >= gutter]
    lines = _lines(region)
    if not lines:
        return None
    height = median(w.bottom - w.top for w in region)
    rows: list[Row] = []
    spans: list[Span] = []
    pending: list[str] = []
    last_bottom = bottom
    figure_right: list[float] = []
    for line in lines:
        cells = _split_figures(line)
        figures = [c for c in cells if c.amount]
        if line[0].top - last_bottom > 0.8 * height:
            pending = []  # a wrapped name is printed close to its amount
        last_bottom = max(w.bottom for w in line)
        if not figures:
            text = " ".join(c.text for c in cells)
            if len(text.split()) > 12:
                break  # running text: the list is over
            pending.append(text)
            continue
        fig = figures[-1]
        name = " ".join(c.text for c in cells if c is not fig and c.x1 <= fig.x0 + 1).strip()
        if not name and not pending:
            continue
        figure_right.append(fig.x1)
        name = " ".join(pending + [name]).strip()
        pending = []
        rows.append(Row({0: name, 1: fig.text}, page_no, line[0].start,
                        spans={1: span} if (span := words_span(fig.words, fig.text)) else {}))
        spans.append(Span(min(w.start for w in line), max(w.start + len(w.text) for w in line)))
    if len(rows) < 3:
        return None
    # the amounts of a list line up on the right: lines whose figure does not are not its rows
    right = median(figure_right)
    kept = [k for k, x in enumerate(figure_right) if abs(x - right) < 20 and not has_amount(rows[k].cells[0])]
    rows, spans = [rows[k] for k in kept], [spans[k] for k in kept]
    if len(rows) < 3:
        return None
    header = " ".join(w.text for w in title)
    columns = [Column("", gutter, right - 60, forced_role="beneficiary"), Column(header, right - 60, right,
                                                                                  forced_role="measure")]
    table = Table(columns, rows, page=page_no, source="list", title=header)
    table.spans = [Span(min(w.start for w in title), max(w.start + len(w.text) for w in title))] + spans
    return table
