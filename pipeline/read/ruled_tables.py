"""Ruled tables of born-digital pages: the grids of their rules (:mod:`pipeline.read.rules`),
read cell by cell.

Cells come whole, with their wrapped lines: words broken inside narrow columns
("Disponibl/e", "C02-044A/03", "104/500,00") are rejoined. Columns the grid makes of a
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
from pipeline.read.table_cells import (SECTION_ROW_RE, Column, Row, Table, figure_span, has_amount, is_header_year,
                                       join_wrapped, words_span)
from pipeline.read.rules import EDGE_MIN_LENGTH_PREFILTER, Grid, bbox_of, extract, grids, page_edges
from pipeline.read.table_vocabulary import (heads_unnamed_money, is_programme_table, measure_of, programme_measure,
                                            section_word, side_of)

#: A page with fewer drawn paths than this has no ruled table (a frame, an underline…).
MIN_RULE_PATHS = 4


@lru_cache(maxsize=4)
def _pdfium(path: str, doc_id: str):  # type: ignore[no-untyped-def]  # doc_id: a changed file is reopened
    import pypdfium2 as pdfium

    return pdfium.PdfDocument(path)


def _grids(path: str, doc_id: str, page_no: int) -> list[Grid]:
    """The ruled grids of page ``page_no`` (1-based): none on a page drawing fewer than
    :data:`MIN_RULE_PATHS` paths (a frame, an underline…)."""
    page = _pdfium(path, doc_id)[page_no - 1]
    try:
        # the edges grids() would keep (its first filter), and only those
        edges = page_edges(page, min_paths=MIN_RULE_PATHS, min_length=EDGE_MIN_LENGTH_PREFILTER)
    finally:
        page.close()
    return grids(edges)


def _clean_cell(text: str | None, glue: bool) -> str:
    if not text:
        return ""
    parts = text.split("\n")
    out = parts[0]
    for p in parts[1:]:
        out = join_wrapped(out, p, glue)
    return " ".join(out.split())


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


Box = tuple[float, float, float, float]

#: A header cell of this many words or more, over the row labels and the columns, is the
#: table's title, not a group of columns.
TITLE_WORDS = 4


def _leaf_columns(raw: list[list[str | None]], boxes: list[list[Box | None]], n_head: int) -> list[Column]:
    """The columns of a ruled table, from its header rows and cell boxes.

    The header row with the most cells gives the columns ("Investissement |
    Fonctionnement | Investissement | Fonctionnement"); a wider cell of another header row
    ("Montants votés en 2024" over two of them) heads every column under it, its text first.
    A ruled column with words in the body and no header ("" over the beneficiaries) is a
    column too. The grid may hold more ruled columns than the header has cells
    (rules of the body that the header does not share): they are not columns of their own.
    """
    rows = [[(_clean_cell(c, False), b) for c, b in zip(r, bs) if c and c.strip() and b] for r, bs in
            zip(raw[:n_head], boxes[:n_head])]
    if not any(rows):
        return []
    leaf_row = max(range(len(rows)), key=lambda k: (len(rows[k]), k))
    leaves = [(text, box) for text, box in rows[leaf_row]]

    def covers(g: Box, leaf: Box) -> bool:
        return min(leaf[2], g[2]) - max(leaf[0], g[0]) > 0.5 * (leaf[2] - leaf[0])

    # a heading row inside the table ("SECTION DE FONCTIONNEMENT") heads no column; a phrase
    # over the column of row labels and two columns more is the table's title ("autorisation
    # de programme et crédits pluriannuels de paiement (maj février 2016)" over "nature |
    # 2014 | 2015 …"), read with the title (programme hints), not put before each column's
    # header — a short group ("2014" over "Investissement | Subvention") still heads them
    def is_title(text: str, box: Box) -> bool:
        return (len(text.split()) >= TITLE_WORDS and covers(box, leaves[0][1])
                and sum(covers(box, lb) for _, lb in leaves) >= 3)

    groups = [cell for k, r in enumerate(rows) if k != leaf_row for cell in r if not SECTION_ROW_RE.match(cell[0])
              and not is_title(*cell)]
    columns = []
    for text, box in leaves:
        over = [g for g, gb in groups if covers(gb, box)]
        header = " ".join(over + [text]) if over and text not in over else text
        columns.append(Column(header, box[0], box[2]))
    # body columns no header cell stands over (the unheaded column of names)
    for r, bs in zip(raw[n_head:], boxes[n_head:]):
        for c, b in zip(r, bs):
            if not (c and c.strip() and b):
                continue
            if not any(min(b[2], col.x1) - max(b[0], col.x0) > 0 for col in columns):
                columns.append(Column("", b[0], b[2]))
    columns.sort(key=lambda c: c.x0)
    return columns


def _column_index(columns: list[Column], box: Box) -> int:
    overlaps = [min(box[2], c.x1) - max(box[0], c.x0) for c in columns]
    best = max(range(len(columns)), key=lambda i: overlaps[i])
    if overlaps[best] > 0:
        return best
    center = (box[0] + box[2]) / 2
    return min(range(len(columns)), key=lambda i: abs(columns[i].center - center))


def _union(a: Box | None, b: Box) -> Box:
    """The box covering ``a`` (none yet) and ``b``."""
    return b if a is None else (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _money_lines(cell: str) -> bool:
    """A cell of several figures, one per line: rows of the body with no rule between — not
    one figure a narrow cell wraps ("104" / "500,00" is 104 500,00)."""
    lines = [ln for ln in cell.split("\n") if ln.strip()]
    return len(lines) >= 2 and all(_money_cell(ln) for ln in lines) and not _money_cell(_clean_cell(cell, False))


def _stacked(cells: list[str | None], headers: list[Column], boxes: list[Box | None]) -> bool:
    """A ruled row that holds several rows of the table: no rule between them, so a money
    cell holds a figure per line ("311 000,00\n124 600,00\n571 110,00" beside "70 - Produits
    des services\n74 - Dotations, …")."""
    return any(c and b and headers[_column_index(headers, b)].measure and _money_lines(c) for c, b in zip(cells, boxes))


def _line_rows(ri: int, row_box: Box, headers: list[Column], words: list  # type: ignore[type-arg]
               ) -> list[tuple[int, dict[int, str], dict[int, str], dict[int, Box]]]:
    """The rows a stacked ruled row (:func:`_stacked`) holds, one per line of its words: each
    word in the column it stands under, lines aligned by their height on the page (a column
    may be blank on a line: "77 - Produits exceptionnels" has no BP figure). A line without
    a figure goes on the label of the line above (a wrapped label)."""
    x0, top, x1, bottom = row_box
    inside = sorted((w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom),
                    key=lambda w: ((w.top + w.bottom) / 2, w.x0))
    lines: list[list] = []  # type: ignore[type-arg]
    for w in inside:
        cy = (w.top + w.bottom) / 2
        if lines:
            # against the line's tallest word: a dash is a sliver of a line's height
            tall = max(lines[-1], key=lambda x: x.bottom - x.top)
            if abs(cy - (tall.top + tall.bottom) / 2) <= 0.45 * max(tall.bottom - tall.top, w.bottom - w.top):
                lines[-1].append(w)
                continue
        lines.append([w])
    out: list[tuple[int, dict[int, str], dict[int, str], dict[int, Box]]] = []
    for line in lines:
        placed: dict[int, list] = {}  # type: ignore[type-arg]
        for w in sorted(line, key=lambda w: w.x0):
            placed.setdefault(_column_index(headers, (w.x0, w.top, w.x1, w.bottom)), []).append(w)
        cells = {ci: " ".join(w.text for w in ws) for ci, ws in placed.items()}
        cell_boxes: dict[int, Box] = {}
        for ci, ws in placed.items():
            for w in ws:
                cell_boxes[ci] = _union(cell_boxes.get(ci), (w.x0, w.top, w.x1, w.bottom))
        if any(headers[ci].measure and has_amount(v) for ci, v in cells.items()) or not out:
            out.append((ri, cells, {}, cell_boxes))
        else:
            _, prev, _, prev_boxes = out[-1]
            for ci, v in cells.items():
                prev[ci] = f"{prev[ci]} {v}" if ci in prev else v
                prev_boxes[ci] = _union(prev_boxes.get(ci), cell_boxes[ci])
    return out


def _body_rows(raw: list[list[str | None]], boxes: list[list[Box | None]], n_head: int,
               headers: list[Column], row_boxes: list[Box] | None = None, words: list | None = None  # type: ignore[type-arg]
               ) -> list[tuple[int, dict[int, str], dict[int, str], dict[int, Box]]]:
    """Rows under the header: each cell's text in the column its box stands under, and the
    cell's box (none for a money cell of "label : figure" lines, which gives one row per
    line); a ruled row holding several rows of the table is read line by line."""
    out: list[tuple[int, dict[int, str], dict[int, str], dict[int, Box]]] = []
    for ri in range(n_head, len(raw)):
        if row_boxes is not None and words and _stacked(raw[ri], headers, boxes[ri]):
            out.extend(_line_rows(ri, row_boxes[ri], headers, words))
            continue
        placed: dict[int, list[str]] = {}
        raws: dict[int, str] = {}
        cell_boxes: dict[int, Box] = {}
        for c, b in zip(raw[ri], boxes[ri]):
            if not (c and c.strip() and b):
                continue
            ci = _column_index(headers, b)
            placed.setdefault(ci, []).append(c)
            raws[ci] = c
            cell_boxes[ci] = _union(cell_boxes.get(ci), b)
        labelled = {ci: _labelled_lines(raws[ci]) for ci in raws if headers[ci].measure and len(placed[ci]) == 1}
        if any(labelled.values()):
            n = max(len(v) for v in labelled.values() if v)
            for k in range(n):
                cells, pairs = {}, {}
                for ci, lines in labelled.items():
                    if lines and k < len(lines):
                        pairs[ci], cells[ci] = lines[k]
                out.append((ri, cells, pairs, {}))
            continue
        cells = {ci: " ".join(_clean_cell(c, headers[ci].role in ("code", "imputation", "siret")) for c in cs)
                 for ci, cs in placed.items()}
        out.append((ri, cells, {}, cell_boxes))
    return out


def _cell_spans(words: list, cell_boxes: dict[int, Box], cells: dict[int, str]) -> dict[int, tuple[int, int]]:  # type: ignore[type-arg]
    """Text offsets of each cell: the words whose centre lies in its box, when they spell
    the cell as read."""
    out = {}
    for ci, (x0, top, x1, bottom) in cell_boxes.items():
        inside = [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom]
        # a money cell over several lines ("5 700,00 €" over "(Acompte : 3 000,00 € …)"): its figure
        span = words_span(inside, cells.get(ci, "")) or figure_span(inside, cells.get(ci, ""))
        if span:
            out[ci] = span
    return out


def _near_top(doc: Document, page_no: int, top: float) -> bool:
    """Nothing but running furniture stands above ``top`` on the page."""
    return not [w for w in doc.page(page_no).words if w.bottom <= top and not doc.in_furniture(w.start)]


def _money_cell(text: str) -> bool:
    """A cell of the body: money, not a header's year ("2014 | 2015 | 2016 | total HT")."""
    return has_amount(text) and not is_header_year(text)


def _fill_header_cells(raw: list[list[str | None]], boxes: list[list[Box | None]], row_boxes: list[Box],
                       n_head: int, words: list) -> None:  # type: ignore[type-arg]
    """Header cells the grid leaves out where a rule of the header is missing (a table
    pasted from a spreadsheet: "nature de la prestation", "total TTC" read as no cell) are
    the words standing in that column of the header row, when the body has cells there."""
    width = max(map(len, boxes))
    grid = [next((b for bs in boxes[n_head:] for b in bs[gi:gi + 1] if b), None) for gi in range(width)]
    printed = [b for bs in boxes[:n_head] for b in bs if b]  # words of a merged header cell are its own

    def in_printed(w) -> bool:  # type: ignore[no-untyped-def]
        cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
        return any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in printed)

    for k in range(n_head):
        top, bottom = row_boxes[k][1], row_boxes[k][3]
        used: set[int] = set()
        for gi, col in enumerate(grid):
            if col is None or gi >= len(raw[k]) or (raw[k][gi] or "").strip() or boxes[k][gi] is not None:
                continue
            inside = [w for w in words if col[0] <= (w.x0 + w.x1) / 2 <= col[2] and top <= (w.top + w.bottom) / 2 <= bottom
                      and id(w) not in used and not in_printed(w)]
            used.update(id(w) for w in inside)
            if inside and not any(_money_cell(w.text) for w in inside):
                raw[k][gi] = " ".join(w.text for w in sorted(inside, key=lambda w: (round(w.top), w.x0)))
                boxes[k][gi] = (col[0], top, col[2], bottom)


def _programme_hints(headers: list[Column], head: list[list[str | None]], words: list, bbox: Box) -> None:  # type: ignore[type-arg]
    """In a table of programme authorisations and payment credits — its title printed in
    its headers or on the lines just above it —, year columns are CP and totals the AP."""
    x0, top, x1, _ = bbox
    above = [w.text for w in words if top - 40 <= w.bottom <= top + 1 and w.x1 >= x0 and w.x0 <= x1]
    title = " ".join([c for r in head for c in r if c] + above)
    if is_programme_table(title):
        for col in headers:
            col.measure_hint = programme_measure(col.header)


def _side_groups_above(headers: list[Column], words: list, bbox: Box) -> None:  # type: ignore[type-arg]
    """Sides printed over the columns just above the grid, outside its rules: "Dépenses" and
    "Recettes" over "Diminution de crédits | Augmentation de crédits" twice (a décision
    modificative's two-level header). Each side heads the money columns from the one it
    stands over up to the next side's, its word before theirs ("Recettes Augmentation de
    crédits"), as a group cell inside the grid would. Only a line of two sides or more
    ("Dépenses", "Recettes", "Fonctionnement", "Investissement") is read so: a title above
    a table heads none of its columns."""
    x0, top, x1, _ = bbox
    # the words whose middle stands within a line or two above the grid's top rule
    line = sorted((w for w in words if top - 18 <= (w.top + w.bottom) / 2 <= top and w.x1 >= x0 and w.x0 <= x1),
                  key=lambda w: w.x0)
    if not line or max(w.bottom for w in line) - min(w.top for w in line) > 1.6 * min(w.bottom - w.top for w in line):
        return  # more than one line of words
    phrases: list[list] = []  # type: ignore[type-arg]
    for w in line:
        if phrases and w.x0 - phrases[-1][-1].x1 < 1.5 * (w.bottom - w.top):
            phrases[-1].append(w)
        else:
            phrases.append([w])
    texts = [" ".join(w.text for w in p) for p in phrases]
    if len(phrases) < 2 or not all(side_of(t) or section_word(t) == t.strip().capitalize() for t in texts):
        return  # a title, or words that name no side
    starts = [_column_index(headers, (p[0].x0, p[0].top, p[-1].x1, p[0].bottom)) for p in phrases]
    if starts != sorted(set(starts)):
        return
    for k, (text, first) in enumerate(zip(texts, starts)):
        last = starts[k + 1] if k + 1 < len(starts) else len(headers)
        for col in headers[first:last]:
            if col.measure and not (side_of(col.header) or section_word(col.header)):
                col.header = f"{text} {col.header}"


def _money_row(cells: list[str | None]) -> bool:
    """A row of the body: some cell holds money, or a figure per line."""
    return any(_money_cell(_clean_cell(c, False)) or _money_lines(c) for c in cells if c)


def _heads_columns(cells: list[str | None]) -> bool:
    """A row of headers: two cells or more that name a measure or a year ("recettes | 2014 |
    2015 | 2016 | total | total encaissé"), and no figure."""
    if _money_row(cells):
        return False
    texts = [_clean_cell(c, False) for c in cells if c and c.strip()]
    return sum(1 for t in texts if is_header_year(t) or measure_of(t)) >= 2


def _stacked_tables(raw: list[list[str | None]], boxes: list[list[Box | None]], row_boxes: list[Box]
                    ) -> list[tuple[list[list[str | None]], list[list[Box | None]], list[Box]]]:
    """One ruled grid holding several tables one under the other — the rules run on, a new
    header row starts the next table ("recettes | 2014 | 2015 | total" under the rows of
    the expenses) — as one (cells, boxes, row boxes) per table."""
    starts = [0]
    seen_money = False
    for ri, cells in enumerate(raw):
        if seen_money and _heads_columns(cells):
            starts.append(ri)
            seen_money = False
        elif _money_row(cells):
            seen_money = True
    bounds = list(zip(starts, starts[1:] + [len(raw)]))
    return [(raw[a:b], boxes[a:b], row_boxes[a:b]) for a, b in bounds]


def ruled_tables(doc: Document, page_no: int) -> list[Table]:
    """Tables with rules on a text-layer page of ``doc`` (a PDF file), in order."""
    path = doc.source_path
    if not path.lower().endswith(".pdf") or not Path(path).is_file():
        return []
    try:
        if not _has_amount_cell(doc.page_text(page_no)):
            return []
        found = _grids(path, doc.doc_id, page_no)
    except Exception:  # noqa: BLE001 - pdfium on a hostile page: fall back to words
        return []
    page_words = list(doc.page(page_no).words)
    words = [w for w in page_words if not doc.in_furniture(w.start)]
    tables = []
    segments = [seg for t in found for seg in _stacked_tables(extract(t, page_words), t.rows, t.row_boxes)]
    for raw, boxes, row_boxes in segments:
        if not raw or len(boxes) != len(raw):
            continue
        bbox = bbox_of(row_boxes)
        n_head = 0
        while n_head < len(raw) and not _money_row(raw[n_head]):
            n_head += 1
        if n_head == len(raw):
            continue
        # at the top of a page, a first row holding one word-cell and nothing else is the end
        # of a label wrapped over the page break ("Amicale des donneurs de" / "sang"), not a header
        tail = n_head == 1 and sum(1 for c in raw[0] if c and c.strip()) == 1 and _near_top(doc, page_no, bbox[1])
        if n_head == 0 or tail:
            # rows under no header: the end of a table from the page before, if any
            # (tables.find_tables gives them that table's header, or drops them)
            grid = [next((b for bs in boxes for b in bs[gi:gi + 1] if b), None) for gi in range(max(map(len, boxes)))]
            headers = [Column("", b[0], b[2]) for gi, b in enumerate(grid)
                       if b and any(gi < len(r) and r[gi] and r[gi].strip() for r in raw)]
            continues = True
            n_head = 0
        else:
            _fill_header_cells(raw, boxes, row_boxes, n_head, words)
            headers = _leaf_columns(raw, boxes, n_head)
            continues = False
            _programme_hints(headers, raw[:n_head], words, bbox)
            _side_groups_above(headers, words, bbox)
            if not any(c.measure for c in headers):
                continue
        x0, top, x1, bottom = bbox
        inside = [w for w in words if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1 and top - 1 <= (w.top + w.bottom) / 2 <= bottom + 1]
        if not inside or not headers:
            continue
        table = Table(headers, page=page_no, source="rules", continues=continues)
        body_rows = _body_rows(raw, boxes, n_head, headers, row_boxes, inside)
        # a year or a bare total over money heads money ("recettes | 2014 | 2015 | total"),
        # of a kind the header does not say (a table's title may have said it: programme hints)
        for ci, col in enumerate(headers):
            if col.measure is None and heads_unnamed_money(col.header) and any(
                    _money_cell(cells.get(ci, "")) for _, cells, _, _ in body_rows):
                col.measure_hint = "other"
        # a money header over words only ("DEPENSES" over "Fonctionnement") heads labels
        for ci, col in enumerate(headers):
            values = [cells[ci] for _, cells, _, _ in body_rows if cells.get(ci)]
            if col.measure and values and not any(has_amount(v) for v in values):
                col.forced_role = "label"
        for ri, cells, pairs, cell_boxes in body_rows:
            if not any((headers[ci].measure or continues) and has_amount(v) for ci, v in cells.items()):
                if not (continues and ri == 0 and len(cells) == 1):
                    continue  # (the wrapped label's end is kept: find_tables joins it to the row above)
            rtop = min((b[1] for b in cell_boxes.values()), default=row_boxes[ri][1])
            starts = [w.start for w in inside if w.bottom >= rtop]
            table.rows.append(Row(cells, page_no, min(starts) if starts else inside[0].start, pairs,
                                  spans=_cell_spans(inside, cell_boxes, cells)))
        table.spans = [Span(min(w.start for w in inside), max(w.start + len(w.text) for w in inside))]
        if table.rows:
            tables.append(table)
    return tables
