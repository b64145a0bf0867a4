"""Tables rebuilt from word positions: unruled tables of a text layer, and every table of
an OCR'd page.

A table starts at a header line naming money (:mod:`pipeline.read.table_vocabulary`:
"CP", "Dépenses", "AP votée", "Montant voté (€)" …), with the header's words wrapped on
the lines just above and below ("Montant" / "proposé (€)", "Reste à" / "affecter"). Its
columns are the header's cells; each line below is cut into cells at column gaps and at
the edges of its figures, and each cell goes to the column it stands under. A line with
a figure under a money column is a row; lines without figures are wrapped labels, given
to the row they belong to — the row above when the table prints each row from its top
line (a cell that wraps continues downwards), the nearest row when cells are centred
vertically (the wrapped lines of a name sit above and below the figures). Heading rows
("SECTION DE FONCTIONNEMENT") belong to no row.

Two-sided tables are read too: under "Dépenses | Recettes" each side prints its own label
before its figure ("Installations chantier  3 000 € ht   État (DETR 2014)  96 940 €"),
and that label is kept with the figure (``Row.pairs``).

On a scanned page, Tesseract sometimes makes one line of two (a two-line header read as
"proposé Montant (€)", a wrapped name as "Association Zones Humides Les Amis des"): the
words are put back into lines from their boxes before the table is read. A scanned table's
rules were erased before OCR (they make Tesseract drop rows), so its words no longer show
where a cell ends: a SIRET a few points from the label beside it reads "50283741600025
gymnastique pour la", one run of words. The rules are still in the page image: found there
again (:func:`page_cells`), they cut such a run at the rule, and they say which row of the
grid each line stands in — the lines of one ruled row are one row of the table, a ruled
row without figures is no wrapped line of its neighbour.
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from statistics import median

from pipeline.model import Document, Span, Word
from pipeline.normalize.money import parse_amount
from pipeline.read.imageprep import deskew, find_rules, ruled_grids
from pipeline.read.table_cells import (SECTION_ROW_RE, Column, Row, Table, has_amount, is_header_year,
                                       join_wrapped, whole_header, words_span)
from pipeline.read.table_vocabulary import fold, measure_of, role_of

# ---------------------------------------------------------------------------
# Lines and cells
# ---------------------------------------------------------------------------


@dataclass
class _Cell:
    words: list[Word]
    amount: bool = False  # a figure cut out of its line (see _split_figures)
    ocr: bool = False  # read by OCR: Tesseract reads a spaced en dash "–" as an em dash "—"
    run: int = 0  # which run of its line it was cut from (runs are parted by column gaps)
    row: tuple[int, int] | None = None  # the ruled row (grid, row) its words stand in, on a scan

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def center(self) -> float:
        return (self.top + max(w.bottom for w in self.words)) / 2

    @property
    def center_x(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def text(self) -> str:
        words = [w.text for w in _reading_order(self.words)]
        return " ".join(_ocr_clean(words) if self.ocr else words)

    @property
    def glued(self) -> str:
        """The text of a code cell whose lines a narrow column cut ("C02-044A" / "03"):
        its lines joined without a space."""
        return "".join(" ".join(w.text for w in sub) for sub in _sublines(self.words))


def _ocr_clean(words: list[str]) -> list[str]:
    """A table rule read as a glyph ("| Recettes (€)", "|Total") left out, an en dash read as
    "—" put back."""
    return ["–" if t == "—" else t.strip("|¦") for t in words if not _RULE_GLYPH_RE.fullmatch(t)]


def _reading_order(words: list[Word]) -> list[Word]:
    """Words of one cell line by line, left to right: OCR sometimes gives the two lines of a
    wrapped cell as one line sorted left to right ("Association Zones Humides Les Amis
    des" for "Association Les Amis des" / "Zones Humides")."""
    subs = _sublines(words)
    if len(subs) == 1:
        return words
    return [w for sub in subs for w in sub]


def _sublines(words: list[Word]) -> list[list[Word]]:
    """The words of a cell in lines (by their boxes), each left to right."""
    if len(words) < 2:
        return [words]
    height = median(w.bottom - w.top for w in words)
    ordered = sorted(words, key=lambda w: (w.top + w.bottom) / 2)
    sublines: list[list[Word]] = [[ordered[0]]]
    for w in ordered[1:]:
        last = sublines[-1]
        if (w.top + w.bottom) / 2 - median((x.top + x.bottom) / 2 for x in last) > 0.6 * height:
            sublines.append([w])
        else:
            last.append(w)
    return [sorted(sub, key=lambda w: w.x0) for sub in sublines]


@dataclass
class _Line:
    cells: list[_Cell]

    @property
    def words(self) -> list[Word]:
        return [w for c in self.cells for w in c.words]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def center(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def text(self) -> str:
        return "\t".join(c.text for c in self.cells)

    @property
    def row(self) -> tuple[int, int] | None:
        """The ruled row all its cells stand in (None off a ruled table, or across rows)."""
        rows = {c.row for c in self.cells}
        return rows.pop() if len(rows) == 1 else None


def split_cells(doc: Document, words: list[Word]) -> list[list[Word]]:
    """The words of one line (in text order) in cells: a new cell where the layout put a
    tab between two words (a column gap, :mod:`pipeline.read.layout`)."""
    cells: list[list[Word]] = []
    for a, b in zip([None, *words], words):
        if a is None or "\t" in doc.text[a.start + len(a.text) : b.start]:
            cells.append([b])
        else:
            cells[-1].append(b)
    return cells


_FIGURE_START_RE = re.compile(r"^[-–−+(]?\d")
_RULE_GLYPH_RE = re.compile(r"[|\[\]_!¦]+")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")  # "CP 2023", "Biodiversité 2024": a year, not a figure
_FIGURE_TAIL_RE = re.compile(r"^(?:€|euros?|EUR|HT|TTC|ht|ttc|H\.T\.?|T\.T\.C\.?)[.,;]?$")


#: Words after which a number is a code, not an amount: "Compte 023", "article 6574",
#: "chapitre 65", "c/ 238", "n° 12", "lot 3", "parcelle 482".
_CODE_WORD_RE = re.compile(r"(?i)(?:comptes?|articles?|art\.|chapitres?|chap\.|c/|n°|no|imputations?|lots?"
                           r"|parcelles?|op[ée]rations?|fonctions?|natures?)")
_CURRENCY_RE = re.compile(r"€|\beuros?\b|\bEUR\b", re.I)


#: Numbers cut by a slash are a budget imputation (chapter / article: "21 / 2135", "65/ 6574",
#: "c/ 238"), whichever side of the slash a word boundary falls.
_SLASH_PART_RE = re.compile(r"^/|/$")


def _is_code_part(words: list[Word], i: int, n: int, text: list[Word]) -> bool:
    """The figure of ``words[i:i + n]`` touches a slash: a part of an imputation code."""
    if (text and _SLASH_PART_RE.search(text[-1].text)) or _SLASH_PART_RE.search(words[i].text):
        return True
    last = words[i + n - 1].text
    return bool(_SLASH_PART_RE.search(last)) or (i + n < len(words) and words[i + n].text.startswith("/"))


#: A sign printed alone before its figure: a hyphen, an en dash, a minus (reductions of a
#: décision modificative, a deficit: "- 4 600,00", "– 123 330,80").
_SIGN_RE = re.compile(r"[-–−]")


def _spaced_sign(words: list[Word], i: int) -> bool:
    """``words[i]`` is a sign alone opening a cell, and the rest of the cell is one figure
    ("- 4 600,00 €"): the figure's sign. A dash before words ("- 1 500 € pour …", a dash
    setting a label off its figure inside one run) is no sign: the cell must be the figure."""
    if not _SIGN_RE.fullmatch(words[i].text) or i + 1 >= len(words) or not words[i + 1].text[:1].isdigit():
        return False
    figure = " ".join(w.text for w in words[i:])
    return len(words) - i <= 7 and has_amount(figure) and parse_amount(figure) is not None \
        and not _YEAR_RE.fullmatch(" ".join(w.text for w in words[i + 1:]))


def _split_figures(words: list[Word]) -> list[_Cell]:
    """Cut the figures out of one cell's words: "Installations chantier 3 000 € ht État
    (DETR 2014)" → "Installations chantier" | "3 000 € ht" | "État (DETR 2014)". A figure in
    brackets ("(80 % sur 121 175 € ht)") stays text."""
    out: list[_Cell] = []
    text: list[Word] = []
    depth = 0
    i = 0
    while i < len(words):
        w = words[i]
        best = 0
        if depth == 0 and not text and _spaced_sign(words, i):
            # "- 4 600,00", "– 1 500,00": a sign set apart from its figure, opening the cell
            out.append(_Cell(words, amount=True))
            return out
        if depth == 0 and _FIGURE_START_RE.match(w.text):
            parts = []
            for j in range(i, min(len(words), i + 7)):
                parts.append(words[j].text)
                joined = " ".join(parts)
                if parse_amount(joined) is not None:
                    best = j - i + 1
                elif not (_FIGURE_TAIL_RE.match(words[j].text) or re.fullmatch(r"\d{1,3}(?:[,.]\d{1,2})?", words[j].text)):
                    break
        figure = " ".join(x.text for x in words[i:i + best])
        if best and text and _CODE_WORD_RE.fullmatch(text[-1].text) and not _CURRENCY_RE.search(figure):
            best = 0  # "Compte 023 :", "article 6574": the number of an account, not an amount
        if best and _is_code_part(words, i, best, text):
            best = 0  # "21 / 2135", "65/ 6574": a chapter and its article, not an amount
        if best and has_amount(figure) and not _YEAR_RE.fullmatch(figure):
            if text:
                out.append(_Cell(text))
                text = []
            out.append(_Cell(words[i:i + best], amount=True))
            i += best
            continue
        depth = max(0, depth + w.text.count("(") - w.text.count(")"))
        text.append(w)
        i += 1
    if text:
        out.append(_Cell(text))
    return out


def page_lines(doc: Document, page_no: int) -> list[_Line]:
    """The page's lines (furniture left out) cut into cells, figures cut out of their cells."""
    page = doc.page(page_no)
    words = [w for w in page.words if not doc.in_furniture(w.start)]
    if not words:
        return []
    if page.source.value == "ocr":
        # OCR reads table rules and stamp specks as tiny low-confidence "words" ("es", "|")
        h = median(w.bottom - w.top for w in words)
        words = [w for w in words if not (w.conf is not None and w.conf < 50 and w.bottom - w.top < 0.5 * h)]
        # a figure Tesseract is unsure of is a wrong figure more often than not ("#4590,00" for "44 500,00")
        # (an identifier of 9 digits or more stays: its key is checked, and it is read again)
        words = [w for w in words if not (w.conf is not None and w.conf < 60 and re.search(r"\d", w.text)
                                          and parse_amount(w.text) is not None and not re.fullmatch(r"\d{9,}", w.text))]
        words = [w for w in words if w.conf is None or w.conf >= 20]
    grouped = [split_cells(doc, list(g)) for _, g in groupby(words, key=lambda w: w.line)]
    ruled = page_cells(doc, page_no) if page.source.value == "ocr" and any(
        measure_of(" ".join(w.text for w in cell)) for cells in grouped for cell in cells) else []
    lines = []
    for cells in grouped:
        line = _Line([])
        if ruled:
            cells = [part for cell in cells for part in _cut_at_rules(cell, ruled)]
        for k, cell in enumerate(cells):
            for c in _split_figures(cell):
                c.run = k
                c.row = _ruled_row(c.words, ruled) if ruled else None
                line.cells.append(c)
        lines.append(line)
    if page.source.value == "ocr":
        for line in lines:
            for c in line.cells:
                c.ocr = True
    return lines


# ---------------------------------------------------------------------------
# Rules of a scanned page
# ---------------------------------------------------------------------------

#: A scanned page is rendered again as for OCR to find its rules (at a lower resolution, a
#: scan's faint rules break into pieces), within this many pixels (a poster-sized page at
#: less, as for OCR).
RULES_DPI = 300
MAX_RULES_PIXELS = 40_000_000


@dataclass(frozen=True)
class RuledCell:
    box: tuple[float, float, float, float]  # in points, as the page's words
    row: tuple[int, int] | None  # (grid, row of the grid); None in a grid whose rows are uncertain


def page_cells(doc: Document, page_no: int) -> list[RuledCell]:
    """The cells of the ruled grids of a scanned page, from the rules its image shows
    (:func:`pipeline.read.imageprep.ruled_grids`), in the frame of its words (the image
    turned by the skew the OCR corrected); none for a page turned to be read, or when the
    file cannot be rendered."""
    page = doc.page(page_no)
    path = doc.source_path
    if page.source.value != "ocr" or page.rotation or not path.lower().endswith(".pdf") or not os.path.isfile(path):
        return []
    return list(_page_cells(path, doc.doc_id, page_no, page.skew))


@lru_cache(maxsize=8)
def _page_cells(path: str, doc_id: str, page_no: int, skew: float) -> tuple[RuledCell, ...]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(path)
        try:
            page = pdf[page_no - 1]
            width, height = page.get_size()
            dpi = min(RULES_DPI, 72 * (MAX_RULES_PIXELS / max(width * height, 1.0)) ** 0.5)
            image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        finally:
            pdf.close()
    except Exception:  # noqa: BLE001 - no image, no rules: the words alone, as before
        return ()
    if abs(skew) >= 0.05:
        image = deskew(image, skew)
    rules = find_rules(image, dpi, factor=2 if dpi >= 225 else 1)
    out = []
    for g, grid in enumerate(ruled_grids(rules, dpi)):
        regular = all(box and abs(box[1] - cells[0][1]) < 1 and abs(box[3] - cells[0][3]) < 1  # type: ignore[index]
                      for cells in grid.rows for box in cells)
        out += [RuledCell(tuple(float(v) for v in box), (g, r) if regular else None)  # type: ignore[arg-type]
                for r, cells in enumerate(grid.rows) for box in cells if box]
    return tuple(out)


def _cell_at(w: Word, ruled: list[RuledCell]) -> int | None:
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return next((k for k, c in enumerate(ruled) if c.box[0] <= cx < c.box[2] and c.box[1] <= cy < c.box[3]), None)


def _cut_at_rules(words: list[Word], ruled: list[RuledCell]) -> list[list[Word]]:
    """A run of words cut where a rule parts two of them (their centres in two cells)."""
    out: list[list[Word]] = []
    last: int | None = None
    for w in words:
        k = _cell_at(w, ruled)
        if out and not (k is not None and last is not None and k != last):
            out[-1].append(w)
        else:
            out.append([w])
        last = k if k is not None else last
    return out


def _ruled_row(words: list[Word], ruled: list[RuledCell]) -> tuple[int, int] | None:
    """The ruled row of a cell's words, when they all stand in one. A grid with a cell
    over two rows (or two rows' cells not level) may have lost a rule (a scan's faint rule
    is found in pieces): its rows say nothing."""
    rows = {ruled[k].row if k is not None else None for k in (_cell_at(w, ruled) for w in words)}
    return rows.pop() if len(rows) == 1 else None


# ---------------------------------------------------------------------------
# Header
# ---------------------------------------------------------------------------


def _is_header_line(line: _Line) -> bool:
    if len(line.cells) < 2 or any(c.amount for c in line.cells):
        return False
    return any(measure_of(c.text) for c in line.cells) or _heads_years(line)


def _heads_years(line: _Line) -> bool:
    """A header of years with no money word beside a column of beneficiaries: "Bénéficiaire
    | 2023 | 2024 | 2025", "Associations | 2024 | 2025" (the grants of each year, the latest
    perhaps the act's: :func:`extractors.grants.tables.awarded_columns`). Beside labels
    ("Nature de la prestation | 2024 | 2025 | Total TTC") years say nothing of the money,
    no credits a budget votes: no header."""
    texts = [c.text for c in line.cells]
    return sum(1 for t in texts if is_header_year(t)) >= 2 and \
        any(role_of(t) == "beneficiary" for t in texts if not is_header_year(t))


def _wraps_beside(lines: list[_Line], i: int, height: float) -> bool:
    """A header line whose money column's header is wrapped round it: the cells of a ruled
    header are centred, and a header on two lines stands above and below a line of
    one-line headers ("Montant" / "Bénéficiaire | N° SIRET | Objet" / "attribué (€)"), so
    no line names money alone. The line (two cells or more, no figure) heads a table when a
    line wrapped from a header (:func:`_band_neighbour`) just above or below it names a
    measure in a column of its own, beside the line's cells, not over any of them."""
    line = lines[i]
    if len(line.cells) < 2 or any(c.amount for c in line.cells):
        return False
    for j in (i - 1, i + 1):
        if not 0 <= j < len(lines):
            continue
        other = lines[j]
        if _band_neighbour(other, line.top, line.bottom, height) and any(measure_of(c.text) for c in other.cells) \
                and not any(min(c.x1, d.x1) - max(c.x0, d.x0) > 0 for c in other.cells for d in line.cells):
            return True
    return False


def _band_neighbour(line: _Line, band_top: float, band_bottom: float, height: float) -> bool:
    """A line wrapped from a header: touching the header band, short, no figures, no sentence."""
    # a header's wrapped words sit tight below it; a line above ("Reste à" over "affecter")
    # may stand a little further off, as the header's first line is set apart
    close = line.top <= band_bottom + 0.45 * height and line.bottom >= band_top - 0.8 * height
    if not close or any(c.amount for c in line.cells):
        return False
    text = line.text.strip()
    return len(text.split()) <= 8 and not text.endswith((":", ".", ";"))


def _wraps_under(line: _Line, header: _Line) -> bool:
    """A line naming money that is the second line of some of the header's cells, not a
    header of its own: fewer cells than the header, each under one of the header's cells
    ("Code | Intitulé | AE votée | Affectation | Reste à" over "proposée | affecter";
    "Montant | Avis de la | Montant" over "demandé | commission | voté")."""
    if len(line.cells) >= len(header.cells):
        return False
    for c in line.cells:
        over = [h for h in header.cells if min(c.x1, h.x1) - max(c.x0, h.x0) > 0]
        if len(over) != 1:
            return False
    return True


def _spans_header_cells(line: _Line, header: _Line) -> bool:
    """A line above the header with a cell over two or more of the header's cells is a title
    ("Section d'investissement - Dépenses" over "Chapitre / Article", "Libellé"), or a
    heading grouping columns: not words of one column's header wrapped above it."""
    for c in line.cells:
        if sum(1 for h in header.cells if min(c.x1, h.x1) - max(c.x0, h.x0) > 1) >= 2:
            return True
    return False


def _group_headings(line: _Line, header: _Line, height: float) -> list[tuple[str, float, float]] | None:
    """The headings of groups of columns printed over a header that repeats its cells under
    each ("Exploitation | Investissement" over "Dépenses | Recettes | Dépenses | Recettes";
    "2024 | 2025" over "BP | DM | BP | DM"): each heading centred over one group, the
    groups alike, side by side at the header's right. Their text and extents (those of
    their groups), or None. (Read as wrapped words of the header cell below each, the
    headings would name one column of each group — "Exploitation Recettes" over the
    figures of "Dépenses".)"""
    cells = line.cells
    if len(cells) < 2 or any(c.amount for c in cells) or line.top < header.top - 2.2 * height \
            or any(len(c.text.split()) > 4 for c in cells):
        return None
    n = len(cells)
    for k in range(2, len(header.cells) // n + 1):
        under = header.cells[len(header.cells) - n * k:]
        groups = [under[g * k:(g + 1) * k] for g in range(n)]
        if any([fold(c.text) for c in g] != [fold(c.text) for c in groups[0]] for g in groups[1:]):
            continue
        if all(g[0].x0 - 1 <= h.center_x <= g[-1].x1 + 1 and
               not any(min(h.x1, c.x1) - max(h.x0, c.x0) > 0 for o in groups if o is not g for c in o)
               for h, g in zip(cells, groups)):
            return [(h.text, g[0].x0, g[-1].x1) for h, g in zip(cells, groups)]
    return None


def _head_groups(columns: list[Column], groups: list[tuple[str, float, float]]) -> None:
    """Each column of a group headed by its heading ("Exploitation Dépenses"); a heading the
    vocabulary reads as no money over a header naming money keeps the header's measure."""
    for col in columns:
        for text, x0, x1 in groups:
            if x0 - 1 <= col.center <= x1 + 1:
                sub = col.header
                col.header = f"{text} {sub}"
                if not measure_of(col.header) and measure_of(sub):
                    col.measure_hint = measure_of(sub)


def _header_text(cells: list[_Cell], height: float) -> str:
    """The words of one header column read line by line, left to right on each line."""
    words = sorted((w for c in cells for w in c.words), key=lambda w: (w.top + w.bottom) / 2)
    sublines: list[list[Word]] = []
    for w in words:
        center = (w.top + w.bottom) / 2
        if sublines and abs(center - median((x.top + x.bottom) / 2 for x in sublines[-1])) <= 0.5 * height:
            sublines[-1].append(w)
        else:
            sublines.append([w])
    ocr = any(c.ocr for c in cells)
    text = ""
    for sub in sublines:
        texts = [w.text for w in sorted(sub, key=lambda w: w.x0)]
        text = join_wrapped(text, " ".join(_ocr_clean(texts) if ocr else texts))
    return whole_header(" ".join(text.split()))


def _columns_from_band(band: list[_Line], height: float) -> list[Column]:
    cells = sorted((c for line in band for c in line.cells), key=lambda c: c.x0)
    groups: list[list[_Cell]] = []
    for c in cells:
        if groups and c.x0 < max(g.x1 for g in groups[-1]) - 1:
            groups[-1].append(c)
        else:
            groups.append([c])
    return [Column(_header_text(g, height), min(c.x0 for c in g), max(c.x1 for c in g)) for g in groups]


# ---------------------------------------------------------------------------
# Body
# ---------------------------------------------------------------------------


def _column_of(columns: list[Column], x0: float, x1: float) -> int:
    """The column a cell stands under: the one it overlaps most, else the nearest by centre."""
    overlaps = [min(x1, c.x1) - max(x0, c.x0) for c in columns]
    best = max(range(len(columns)), key=lambda i: overlaps[i])
    if overlaps[best] > 0:
        return best
    center = (x0 + x1) / 2
    return min(range(len(columns)), key=lambda i: abs(columns[i].center - center))


def _assign(columns: list[Column], line: _Line,
            bands: list[tuple[float, float, int]] | None = None) -> dict[int, list[_Cell]]:
    """The line's cells by column; a figure within one of ``bands`` goes to its column.

    A figure cut out of the middle of a run of words (no column gap on either side) that
    stands under no money column is a number of the text ("Plantation de 4,5 kilomètres de
    haies", "Achat de 250 ouvrages pour la médiathèque"): it stays one cell with the words
    on either side, in the column they stand under — the words after it would otherwise go
    to the nearest header, which may be a money column's.
    """
    def place(c: _Cell) -> int:
        ci = next((col for x0, x1, col in bands or () if c.amount and x0 <= c.x0 and c.x1 <= x1), None)
        return _column_of(columns, c.x0, c.x1) if ci is None else ci

    out: dict[int, list[_Cell]] = {}
    for run in _runs(line):
        cells: list[_Cell] = []
        i = 0
        while i < len(run):
            c = run[i]
            if c.amount and cells and not cells[-1].amount and i + 1 < len(run) and not run[i + 1].amount \
                    and not columns[place(c)].measure:
                before = cells.pop()
                rows = {before.row, c.row, run[i + 1].row}
                cells.append(_Cell(before.words + c.words + run[i + 1].words, ocr=c.ocr, run=c.run,
                                   row=rows.pop() if len(rows) == 1 else None))
                i += 2
                continue
            cells.append(c)
            i += 1
        for c in cells:
            out.setdefault(place(c), []).append(c)
    return out


def _bands(cells: list[_Cell]) -> list[tuple[float, float]]:
    """The vertical bands the figures of a table stand in: their extents merged where they
    overlap (figures of one column share their right edge, or their left)."""
    out: list[list[float]] = []
    for c in sorted(cells, key=lambda c: c.x0):
        if out and c.x0 <= out[-1][1]:
            out[-1][1] = max(out[-1][1], c.x1)
        else:
            out.append([c.x0, c.x1])
    return [(a, b) for a, b in out]


def _place_figure_bands(columns: list[Column], body: list[_BodyLine]) -> None:
    """Give the figures standing under no header's words to the columns they belong to, in
    order, and read the body's cells again.

    A header is narrower than its figures, and may stand off them: "Propositions" over
    right-aligned figures ending well right of it, "Vote" far right of its own. Figures
    under no header word went to the nearest header by centre, which may be the next
    column's — both columns' figures in one, the first dropped. Each band of figures goes
    instead to a money column, bands and columns in the same order, one band a column, the
    bands standing under a header's words keeping theirs, nearest first; when no such
    placing exists (more bands than columns), the figures stay where they stood.
    """
    bands = _bands([c for b in body for c in b.line.cells if c.amount])
    if not bands:
        return
    fixed: list[int | None] = []
    for x0, x1 in bands:
        over = [i for i, col in enumerate(columns) if min(x1, col.x1) - max(x0, col.x0) > 0]
        if len(over) > 1:
            return
        fixed.append(over[0] if over else None)
    if None not in fixed:
        _assign_bands(columns, body, bands, fixed)
        return
    money = [i for i, col in enumerate(columns) if col.measure]

    def gap(k: int, i: int) -> float:
        x0, x1 = bands[k]
        return max(0.0, columns[i].x0 - x1, x0 - columns[i].x1)

    # placings of bands k… after column `last`, cheapest first (a few bands, a few columns)
    memo: dict[tuple[int, int], tuple[float, list[int]] | None] = {}

    def place(k: int, last: int) -> tuple[float, list[int]] | None:
        if k == len(bands):
            return 0.0, []
        if (k, last) not in memo:
            options = [fixed[k]] if fixed[k] is not None else [i for i in money if i > last]
            best: tuple[float, list[int]] | None = None
            for i in options:
                if i <= last:
                    continue
                rest = place(k + 1, i)
                if rest is not None and (best is None or gap(k, i) + rest[0] < best[0]):
                    best = (gap(k, i) + rest[0], [i, *rest[1]])
            memo[(k, last)] = best
        return memo[(k, last)]

    found = place(0, -1)
    if found is None:
        return
    _assign_bands(columns, body, bands, found[1])


def _assign_bands(columns: list[Column], body: list[_BodyLine], bands: list[tuple[float, float]],
                  placed: list[int | None]) -> None:
    """Read the body's cells again, each band's figures in its money column: a figure of a
    band standing off the header's words (right-aligned figures wider than a short header,
    "12 500,00" under "Dépenses") is the band's, not the nearest header's by centre."""
    within = [(x0, x1, ci) for (x0, x1), ci in zip(bands, placed) if ci is not None and columns[ci].measure]
    for b in body:
        b.cells = _assign(columns, b.line, within)
        b.figures = _figures(columns, b.cells)


#: The heading of an article of the decision — "Article 2 :", "ARTICLE 3 -", "Article 1er.",
#: "Article premier :", "Art. 4 –", or the words alone on their line: the act's text goes on,
#: and the table above it has ended. (An article of the budget is a number of four digits or
#: more, "Article 6574 - Subventions", and no heading.)
_ARTICLE_HEADING_RE = re.compile(r"^\s*(?:article|art\.)\s+(?:\d{1,2}(?:er)?|premier|unique)\s*(?:[:.–—-]|$)", re.I)

#: How a sentence ends; a table's label seldom ends so.
_SENTENCE_END_RE = re.compile(r"[.;:!?]$")

#: Words a run must hold to be read as a sentence crossing the columns.
PROSE_WORDS = 5


def _runs(line: _Line) -> list[list[_Cell]]:
    """The line's cells by the run of words they were cut from (column gaps part runs)."""
    return [list(g) for _, g in groupby(line.cells, key=lambda c: c.run)]


def _is_prose(columns: list[Column], line: _Line, width: float,
              extents: dict[int, tuple[float, float]] | None = None) -> bool:
    """Running text under the table: a line ending with ':'; one long cell crossing columns;
    an article's heading ("Article 2 : Les crédits sont inscrits à l'article 6574 du
    budget."); a sentence run on without a column gap over two columns (``extents``: each
    column's header and its cells in the rows above, left to right), its figures or account
    numbers inside it ("Les crédits nécessaires sont inscrits au budget." under
    "Bénéficiaire | Projet | Montant"; "Le critère de jugement des offres est le prix." after
    the last company's name). Not a cell wider than its header, centred under it ("Service
    de médecine préventive :" under "Objet du marché"): the rows above hold it."""
    text = " ".join(line.text.split())
    if text.endswith(":") and len(text.split()) > 3:
        return True
    if _ARTICLE_HEADING_RE.match(text):
        return True
    left, right = columns[0].x0, columns[-1].x1
    for c in line.cells:
        spanned = [col for col in columns if min(c.x1, col.x1) - max(c.x0, col.x0) > 2]
        if len(spanned) >= 3 or (c.x1 - c.x0) > 0.7 * max(right - left, width * 0.5):
            return True
    for run in _runs(line):
        words = " ".join(c.text for c in run).split()
        if len(words) < PROSE_WORDS or not _SENTENCE_END_RE.search(words[-1]):
            continue
        x0, x1 = min(c.x0 for c in run), max(c.x1 for c in run)
        if sum(1 for a, b in (extents or {}).values() if min(x1, b) - max(x0, a) > 2) >= 2:
            return True
    return False


def _extend(extents: dict[int, tuple[float, float]], cells: dict[int, list[_Cell]]) -> None:
    """Each column's extent (its header's, at first), widened to its cells on one more line."""
    for ci, cs in cells.items():
        a, b = min(c.x0 for c in cs), max(c.x1 for c in cs)
        old = extents.get(ci)
        extents[ci] = (min(a, old[0]), max(b, old[1])) if old else (a, b)


def _is_section_row(line: _Line) -> bool:
    return not any(c.amount for c in line.cells) and bool(SECTION_ROW_RE.match(" ".join(line.text.split())))


@dataclass
class _BodyLine:
    line: _Line
    cells: dict[int, list[_Cell]]
    figures: bool  # a figure under a money column: a row of its own


def _figures(columns: list[Column], cells: dict[int, list[_Cell]]) -> bool:
    return any(columns[i].measure and any(c.amount for c in cs) for i, cs in cells.items())


_PART_FIGURE_RE = re.compile(r"^[-–]?\d{1,3}$")


def _money_text(cells: list[_Cell]) -> tuple[str, str]:
    """(label, figure) of a money column's cells on one line: "Installations chantier",
    "3 000 € ht"; the figure is the last one printed."""
    figures = [c for c in cells if c.amount]
    if not figures:
        return " ".join(c.text for c in cells), ""
    last = figures[-1]
    label = " ".join(c.text for c in cells if c is not last and c.x0 < last.x0 and not c.amount)
    return label, last.text


def _apart(a: _Line, b: _Line) -> bool:
    """Two lines in two ruled rows: never one row of the table."""
    return a.row is not None and b.row is not None and a.row != b.row


def _merge_broken_figures(columns: list[Column], body: list[_BodyLine], anchors: list[int],
                          height: float) -> list[int]:
    """Rejoin a row whose figures wrap inside narrow cells ("104" above "500,00").

    The lines below are folded into the row when each touches the one above, the last
    continues a column where the row holds a thousands group alone, and those between
    hold figures of other columns only: the row's single-line cells, centred between the
    two lines of the broken figure ("104" / "46 000,00 | 44 500,00" / "500,00").
    """

    def broken(row: _BodyLine) -> set[int]:
        return {ci for ci, cs in row.cells.items() if columns[ci].measure and
                _PART_FIGURE_RE.match(_money_text(cs)[1].strip() or " ".join(c.text for c in cs))}

    def fold(row: _BodyLine, cur: _BodyLine) -> None:
        for ci, cs in cur.cells.items():
            old = row.cells.get(ci, [])
            if columns[ci].measure and old and cs:
                glued = " ".join(c.text for c in old) + " " + " ".join(c.text for c in cs)
                row.cells[ci] = [_Cell([w for c in old + cs for w in c.words], amount=has_amount(glued))]
            else:
                row.cells[ci] = old + cs

    kept: list[int] = []
    i = 0
    while i < len(anchors):
        row = body[anchors[i]]
        kept.append(anchors[i])
        bottom = row.line.bottom
        i += 1
        while i < len(anchors) and (parts := broken(row)):
            money = {ci for ci, cs in row.cells.items() if columns[ci].measure and any(c.amount for c in cs)}
            j, b = i, bottom
            while j < len(anchors) and body[anchors[j]].line.top - b < 0.5 * height \
                    and not _apart(row.line, body[anchors[j]].line) \
                    and not parts & body[anchors[j]].cells.keys() \
                    and not money & {ci for ci in body[anchors[j]].cells if columns[ci].measure}:
                b = body[anchors[j]].line.bottom
                j += 1
            if j == len(anchors) or body[anchors[j]].line.top - b >= 0.5 * height \
                    or _apart(row.line, body[anchors[j]].line) or not parts & body[anchors[j]].cells.keys():
                break
            for m in anchors[i:j + 1]:
                fold(row, body[m])
                bottom = max(bottom, body[m].line.bottom)
            i = j + 1
    return kept


def _left_labels(columns: list[Column], b: _BodyLine) -> list[_Cell]:
    """The words of a line standing left of every header, in a run of their own."""
    runs = {c.run for c in b.line.cells if c.amount}
    return [c for c in b.line.cells if not c.amount and c.x1 < columns[0].x0 and c.run not in runs]


def _label_column_unheaded(columns: list[Column], body: list[_BodyLine]) -> bool:
    """A table whose top-left header cell is empty: its labels stand left of every header,
    the first of which names money (" | Dépenses | Recettes | Résultat" over "Fonctionnement
    - réalisé  1 254 300,00 …"). The labels would go to the first money column as the
    label of its figure, and the other columns' figures would have none: they are a column
    of their own, headed by nothing. Every row with figures has such a label, and there are
    two rows at least."""
    rows = [b for b in body if b.figures]
    if not columns[0].measure or len(rows) < 2 or not all(_left_labels(columns, b) for b in rows):
        return False
    # the money columns hold figures alone: labels beside figures under a money header are a
    # side's own (a two-sided plan, "Dépenses | Recettes": "État (DETR 2014)  96 940 €")
    return not any(not c.amount and c.x1 >= columns[0].x0 for b in body for c in b.line.cells)


def _demote_label_columns(columns: list[Column], body: list[_BodyLine]) -> None:
    """A money header over cells holding only words ("DEPENSES" over "Fonctionnement",
    "Restes à réaliser"…) heads a label column: its figures are in the next column."""
    for ci, col in enumerate(columns):
        if not col.measure:
            continue
        cells = [c for b in body for c in b.cells.get(ci, [])]
        if cells and not any(c.amount for c in cells):
            col.forced_role = "label"


def _read_body(columns: list[Column], body: list[_BodyLine], height: float, page_no: int,
               demote: bool = True) -> list[Row]:
    if demote:
        _demote_label_columns(columns, body)
    for b in body:
        b.figures = _figures(columns, b.cells)
    anchors = [k for k, b in enumerate(body) if b.figures]
    if not anchors:
        return []
    figure_lines = set(anchors)
    anchors = _merge_broken_figures(columns, body, anchors, height)
    sections = {k for k, b in enumerate(body) if not b.figures and _is_section_row(b.line)}
    # cells printed from their top line, or centred on the row's figures?
    top_aligned = not any(k < anchors[0] and k not in sections for k in range(len(body)))
    pieces: dict[int, dict[int, list[tuple[int, list[_Cell]]]]] = {
        a: {ci: [(a, cs)] for ci, cs in body[a].cells.items()} for a in anchors}
    for k, b in enumerate(body):
        if k in figure_lines or k in sections:
            continue
        ruled = b.line.row is not None and any(body[a].line.row is not None for a in anchors)
        if ruled:  # a line of a ruled row belongs to that row's figures, or to none
            same = [a for a in anchors if body[a].line.row == b.line.row]
            if not same:
                continue  # a ruled row without figures (a heading, a row left blank)
            near = min(same, key=lambda a: (abs(body[a].line.center - b.line.center), -a))
        elif top_aligned:
            before = [a for a in anchors if a < k]
            near = before[-1] if before else anchors[0]
        else:
            near = min(anchors, key=lambda a: (abs(body[a].line.center - b.line.center), -a))
        for ci, cs in b.cells.items():
            role = columns[ci].role
            if ruled or columns[ci].measure or role in ("label", "imputation", "code", "beneficiary", "siret") or \
                    (role == "other" and ci not in pieces[near]):
                pieces[near].setdefault(ci, []).append((k, cs))
    rows = []
    for a in anchors:
        cells_out: dict[int, str] = {}
        pairs: dict[int, str] = {}
        for ci, parts in pieces[a].items():
            glue = columns[ci].role in ("imputation", "code", "siret")
            text = ""
            label = ""
            for k, cs in sorted(parts, key=lambda p: p[0]):
                if columns[ci].measure:
                    lab, fig = _money_text(cs)
                    # a label beside the figure is the cell's own ("Installations chantier
                    # 3 000 € ht"); words wrapped below it continue it; words under a money
                    # column of a row without such a label are a neighbour's overflow
                    if k == a or label:
                        label = join_wrapped(label, lab)
                    if fig:
                        text = fig if not text else text
                else:
                    piece = _Cell([w for c in cs for w in c.words]).glued if glue else " ".join(c.text for c in cs)
                    text = join_wrapped(text, piece, glue)
            if text:
                cells_out[ci] = text
            if label:
                pairs[ci] = label
        rows.append(Row(cells_out, page_no, body[a].line.words[0].start, pairs, _boxes(columns, body[a]),
                        _spans(columns, body[a], cells_out)))
    return rows


def _boxes(columns: list[Column], line: _BodyLine) -> dict[int, tuple[float, float, float, float]]:
    """Boxes of a row's figures and identifiers on its own line (to read them again)."""
    out = {}
    for ci, cs in line.cells.items():
        if columns[ci].measure:
            figures = [c for c in cs if c.amount]
            cs = figures[-1:]
        elif columns[ci].role != "siret":
            continue
        words = [w for c in cs for w in c.words]
        if words:
            out[ci] = (min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words),
                       max(w.bottom for w in words))
    return out


def _spans(columns: list[Column], line: _BodyLine, cells: dict[int, str]) -> dict[int, tuple[int, int]]:
    """Text offsets of a row's cells on its own line: a money cell's last figure (the one
    read), a text cell's words — when they spell the cell as read (``cells``)."""
    out = {}
    for ci, cs in line.cells.items():
        if columns[ci].measure:
            cs = [c for c in cs if c.amount][-1:]
        span = words_span([w for c in cs for w in c.words], cells.get(ci, ""))
        if span:
            out[ci] = span
    return out


def tables_on_page(doc: Document, page_no: int) -> list[Table]:
    """Tables of one page read from word positions, in order."""
    lines = page_lines(doc, page_no)
    if not lines:
        return []
    height = median(l.bottom - l.top for l in lines) or 10.0
    width = doc.page(page_no).width
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if not (_is_header_line(lines[i]) or _wraps_beside(lines, i, height)):
            i += 1
            continue
        band = [lines[i]]
        lo, hi = i, i
        groups = _group_headings(lines[i - 1], lines[i], height) if i else None
        while lo - 1 >= 0 and lo > i - 2 and not groups \
                and _band_neighbour(lines[lo - 1], band[0].top, band[-1].bottom, height) \
                and not _spans_header_cells(lines[lo - 1], lines[i]):
            lo -= 1
            band.insert(0, lines[lo])
        while hi + 1 < len(lines) and hi < i + 2 \
                and (not _is_header_line(lines[hi + 1]) or _wraps_under(lines[hi + 1], lines[i])) \
                and _band_neighbour(lines[hi + 1], band[0].top, band[-1].bottom, height):
            hi += 1
            band.append(lines[hi])
        columns = _columns_from_band(band, height)
        if _heads_years(lines[i]):
            for col in columns:  # money of a kind the header does not say
                if col.measure is None and is_header_year(col.header):
                    col.measure_hint = "other"
        if groups:
            _head_groups(columns, groups)
        body: list[_BodyLine] = []
        extents = {ci: (c.x0, c.x1) for ci, c in enumerate(columns)}
        j = hi + 1
        last_bottom = band[-1].bottom
        while j < len(lines):
            line = lines[j]
            if line.top - last_bottom > 2.6 * height or _is_header_line(line) or \
                    _is_prose(columns, line, width, extents):
                break
            cells = _assign(columns, line)
            _extend(extents, cells)
            body.append(_BodyLine(line, cells, _figures(columns, cells)))
            last_bottom = line.bottom
            j += 1
        if _label_column_unheaded(columns, body):
            columns.insert(0, Column("", min(c.x0 for b in body for c in _left_labels(columns, b)),
                                     max(c.x1 for b in body for c in _left_labels(columns, b))))
            for b in body:
                b.cells = _assign(columns, b.line)
                b.figures = _figures(columns, b.cells)
        _place_figure_bands(columns, body)
        # lines without figures after the last row: wrapped labels while each touches the
        # line above it, from that row down; the first one standing apart begins something
        # else (the text after the table, whose own lines touch each other)
        keep = max((k + 1 for k, b in enumerate(body) if b.figures), default=0)
        last_row = body[keep - 1].line.row if keep else None
        while keep and keep < len(body):
            row = body[keep].line.row
            if row is not None and row == last_row:  # the last ruled row's wrapped lines
                keep += 1
                continue
            if row is not None and last_row is not None:
                break  # the next ruled row, without figures
            roles = {columns[ci].role for ci in body[keep].cells}
            if not (body[keep].line.top - body[keep - 1].line.bottom < 0.6 * height and
                    roles <= {"label", "code", "imputation", "beneficiary", "siret"} and
                    not _is_section_row(body[keep].line)):
                break
            keep += 1
        del body[keep:]
        rows = _read_body(columns, body, height, page_no)
        if not rows:
            i = hi + 1
            continue
        table = Table(columns, rows, page=page_no, source="words")
        first = min(w.start for line in band for w in line.words)
        end = max(w.start + len(w.text) for b in body for w in b.line.words)
        table.spans = [Span(first, max(end, first + 1))]
        tables.append(table)
        i = j
    return tables


# ---------------------------------------------------------------------------
# A table going on over the next page without its header
# ---------------------------------------------------------------------------


def _figure_bands(table: Table) -> dict[int, tuple[float, float]]:
    """Where each money column's figures stood on the page before (their boxes' extent)."""
    out: dict[int, tuple[float, float]] = {}
    for row in table.rows:
        for ci, (x0, _, x1, _) in row.boxes.items():
            if table.columns[ci].measure:
                a, b = out.get(ci, (x0, x1))
                out[ci] = (min(a, x0), max(b, x1))
    return out


def continued_table(doc: Document, page_no: int, prev: Table) -> Table | None:
    """The rows opening page ``page_no`` that carry on ``prev`` (an unruled table ending the
    page before) under no repeated header: "6226  Honoraires  6 000,00" … "Total chapitre
    011  607 800,00" at the top of the next page. A table with ``continues`` set (merged by
    :func:`pipeline.read.tables.find_tables`), or None.

    The lines are read under ``prev``'s columns from the page's first line down, as the
    body of a table is; every figure must stand where that column's figures stood (its
    box overlapping theirs, and no other column's): a page opening with figures elsewhere
    is something else, and gives nothing (a number under a text column, "6226" under
    "Article", stays there)."""
    lines = page_lines(doc, page_no)
    bands = _figure_bands(prev)
    if not lines or not bands or _is_header_line(lines[0]):
        return None
    columns = copy.deepcopy(prev.columns)
    height = median(l.bottom - l.top for l in lines) or 10.0
    width = doc.page(page_no).width
    extents = {ci: (c.x0, c.x1) for ci, c in enumerate(columns)}
    body: list[_BodyLine] = []
    for k, line in enumerate(lines):
        if (k and line.top - lines[k - 1].bottom > 2.6 * height) or _is_header_line(line) or \
                _is_prose(columns, line, width, extents):
            break
        cells = _assign(columns, line)
        moved: dict[int, list[_Cell]] = {}
        for ci, cs in cells.items():
            for c in cs:
                under = [bi for bi, (x0, x1) in bands.items() if min(c.x1, x1) - max(c.x0, x0) > 0]
                if c.amount and len(under) == 1:
                    ci = under[0]
                elif c.amount and (under or columns[ci].measure):
                    return None  # a figure under two columns' figures, or under none of them
                moved.setdefault(ci, []).append(c)
        _extend(extents, moved)
        body.append(_BodyLine(line, moved, _figures(columns, moved)))
    keep = max((k + 1 for k, b in enumerate(body) if b.figures), default=0)
    if not keep or not body[0].figures and not (len(body) > 1 and body[1].figures):
        return None
    rows = _read_body(columns, body[:keep], height, page_no, demote=False)
    if not rows:
        return None
    table = Table(columns, rows, page=page_no, source="words", continues=True)
    first = min(w.start for w in body[0].line.words)
    end = max(w.start + len(w.text) for b in body[:keep] for w in b.line.words)
    table.spans = [Span(first, end)]
    return table
