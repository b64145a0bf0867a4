"""Budget tables rebuilt from a page: header, columns, rows of cells, with their place in the text.

Deliberations print credits as small tables under "imputée sur le budget … comme suit :"::

    Code Opération | Imputation budgétaire | Libellé Opération | CP€        | Dépense €
    C01-020Q01     | 6568/9365             | Mission ESS - …   | 209 285,00 | 57 000,00

or a décision modificative without rules (``Imputation | Libellé | Dépenses | Recettes``,
labels wrapping around the figures, ``TOTAL`` on the next page under a repeated header), or
an annex's "BUDGET PROVISIONNEL" (``AXES | ACTIONS | BP`` with a ``TOTAL`` row).

Two readers, one result (:class:`Table`):

* ruled tables of born-digital pages: pdfplumber's table finder on ``doc.source_path``
  (cells wrapped inside narrow columns — "Disponibl/e", "C02-044A/03", "104/500,00" — are
  rejoined);
* everything else — unruled tables, tables on OCR'd pages — from word positions: a header
  line naming a measure ("CP", "Dépense", "Solde", "BP" …) with the header words wrapped on
  the lines just above and below, columns from the header cells, one row per line holding
  an amount, wrapped labels attached to the nearest such line.

A table continued on the next page under a repeated header stays one table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from statistics import median

from pipeline.model import Document, Span, Word, strip_accents
from pipeline.normalize.money import parse_amount

# ---------------------------------------------------------------------------
# Headers
# ---------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: "Crédits  de Paiement" → "credits de paiement"."""
    return " ".join(strip_accents(text).split())


# A header cell → measure. Compared on the folded header without "€", "(en €)", "euros", years.
_MEASURES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (measure, re.compile(pattern, re.X)) for measure, pattern in (
        # "CP", "CP €", "CP 2023", "Crédits de paiement", OCR "CPE" / "cPe" for "CP€"
        ("cp", r"^(?:cp|cpe|credits?\s+de\s+paiements?|montant\s+cp)$"),
        # "AE", "Autorisation(s) d'engagement"
        ("ae", r"^(?:ae|autorisations?\s+d\s?engagements?)$"),
        # "Disponible", "Crédits disponibles", "Montant disponible"
        ("available", r"^(?:(?:credits?|montants?|cp)\s+)?disponibles?$"),
        # "Proposition", "Montant proposé", "Propositions nouvelles"
        ("proposed", r"^(?:propositions?(?:\s+nouvelles?)?|(?:montants?|credits?)\s+proposes?|proposes?)$"),
        # "Dépense", "Dépenses", "Montant de la dépense"
        ("expense", r"^(?:depenses?|montant\s+de\s+la\s+depense)$"),
        # "Solde", "Solde disponible"
        ("balance", r"^(?:soldes?|solde\s+disponible|reste\s+disponible)$"),
        # "BP", "Budget primitif", "Montant", "Budget", "Budget prévisionnel", "Crédits votés"
        ("budget", r"^(?:bp|budget(?:\s+primitif|\s+previsionnel)?|montants?|montant\s+total"
                   r"|credits?\s+votes?|credits?\s+inscrits?|vote"
                   r"|subventions?(?:\s+(?:accordees?|attribuees?|proposees?|allouees?))?"
                   r"|montant\s+(?:de\s+la\s+subvention|accorde|attribue|alloue)|aide\s+accordee)$"),
        # "Recettes", "Réalisé", "Reste à réaliser", "DM", "Écart"
        ("other", r"^(?:recettes?|realises?|reste\s+a\s+realiser|rar|dm\s?\d*|ecarts?"
                  r"|decision\s+modificative)$"),
    )
)

_HEADER_NOISE_RE = re.compile(r"\(?\s*(?:en\s+)?(?:€|euros?|eur|ttc|ht)\s*\)?|\b20\d\d\b|[:*]", re.I)


def classify_header(text: str) -> str | None:
    """The ``measure`` a printed column header stands for, or None for a text column.

    >>> classify_header("CP €"), classify_header("Crédits de paiement"), classify_header("Libellé")
    ('cp', 'cp', None)
    """
    t = fold(_HEADER_NOISE_RE.sub(" ", text))
    t = re.sub(r"[^\w ]", " ", t)
    t = " ".join(t.split())
    if not t:
        return None
    for measure, pattern in _MEASURES:
        if pattern.match(t):
            return measure
    # a word cut by a narrow cell whose last letters OCR misread: "Disponibl" + "7" for
    # "Disponibl" + "e", "Propositi" + "à" for "Propositi" + "on"
    first, _, rest = t.partition(" ")
    if len(first) >= 6 and len(rest.replace(" ", "")) <= 2:
        for word, measure in _CUT_WORDS.items():
            if word.startswith(first) and len(word) - len(first) <= 3:
                return measure
    return None


#: Header words that narrow cells cut, and their measure.
_CUT_WORDS = {"disponible": "available", "proposition": "proposed", "depenses": "expense",
              "recettes": "other", "autorisation": "ae"}


#: Roles of text columns, from their header.
_ROLE_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "Imputation budgétaire", "Chapitre/Article", "Compte", "Nature"
    ("imputation", re.compile(r"^(?:imputation|chapitre|compte|article|nature|fonction)", re.X)),
    # "Code Opération", "Code", "N° opération"
    ("code", re.compile(r"^(?:code|n\s?°|numero)", re.X)),
    # "Bénéficiaire", "Association", "Organisme", "Structure"
    ("beneficiary", re.compile(r"^(?:beneficiaires?|associations?|organismes?|structures?|tiers|porteurs?)", re.X)),
    # "Libellé Opération", "Désignation", "Actions", "Intitulé", "Objet", "Opération"
    ("label", re.compile(r"^(?:libelle|designation|actions?|intitule|objet|operations?|programmes?|postes?|projets?)", re.X)),
)

#: Words of headers, to rejoin words broken inside narrow cells ("Disponibl"+"e").
_VOCAB = frozenset("""
    operation operations imputation budgetaire budgetaires disponible disponibles proposition
    propositions libelle depense depenses recette recettes montant montants credits credit
    paiement engagement autorisation autorisations programme chapitre article fonction nature
    solde designation subvention subventions beneficiaire beneficiaires total realise prevu
    vote inscrits code budget primitif previsionnel investissement fonctionnement compte
    actions intitule objet associations participations proposee proposees
""".split())


def _completion(word: str, max_missing: int) -> str | None:
    """The letters a header word cut short lacks ("Disponibl" → "e"), in its case: the
    shortest word of :data:`_VOCAB` it begins, at most ``max_missing`` letters longer; None
    for a whole word or none."""
    cut = fold(word)
    if cut in _VOCAB:
        return None
    whole = min((w for w in _VOCAB if w.startswith(cut) and 0 < len(w) - len(cut) <= max_missing),
                key=len, default=None)
    if not whole:
        return None
    rest = whole[len(cut):]
    return rest.upper() if word.isupper() else rest


def whole_header(text: str) -> str:
    """A header whose last word a narrow cell cut, and whose end OCR lost, made whole:
    "Disponibl" → "Disponible" (no header prints a word without its last letters)."""
    last = re.search(r"(\w{6,})$", text)
    if not last:
        return text
    rest = _completion(last.group(1), 2)
    if not rest or rest in ("s", "x", "es"):  # "action" is a word, not "actions" cut
        return text
    return text + rest


def join_wrapped(a: str, b: str, glue: bool = False) -> str:
    """Rejoin two lines of one cell: "Disponibl" + "e" → "Disponible", "IAE - …" + "aux …" with a space."""
    a, b = a.rstrip(), b.lstrip()
    if not a:
        return b
    if not b:
        return a
    if glue:
        return a + b
    last = re.search(r"(\w+)$", a)
    first = re.match(r"(\w+)", b)
    if last and len(b) <= 2 and len(last.group(1)) >= 6 and fold(b) not in _VOCAB:
        # a header word cut by a narrow cell whose last letters OCR misread ("Disponibl" +
        # "7" for "e", "Propositi" + "à" for "on"): the word is made whole
        rest = _completion(last.group(1), 3)
        if rest:
            return a + rest
    if last and first:
        whole = fold(last.group(1) + first.group(1))
        if whole in _VOCAB and not (fold(last.group(1)) in _VOCAB and fold(first.group(1)) in _VOCAB):
            return a + b
    return a + " " + b


def role_of(header: str) -> str:
    """``measure`` | ``imputation`` | ``code`` | ``beneficiary`` | ``label`` | ``other``."""
    if classify_header(header):
        return "measure"
    h = fold(header)
    for role, pattern in _ROLE_RES:
        if pattern.match(h):
            return role
    return "other"


# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------


@dataclass
class Column:
    header: str
    x0: float
    x1: float

    @property
    def measure(self) -> str | None:
        return classify_header(self.header)

    @property
    def role(self) -> str:
        return role_of(self.header)

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Row:
    """One row: cell text by column index, the page and text offset of its first word."""

    cells: dict[int, str]
    page: int
    start: int

    def text(self, i: int) -> str:
        return self.cells.get(i, "").strip()


_TOTAL_RE = re.compile(r"^\s*(?:sous[- ]?)?total\b|^\s*montant\s+total\b|^\s*total\s+g[ée]n[ée]ral", re.I)


@dataclass
class Table:
    """A table: its columns, its rows under the header, where it stands in the text."""

    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    page: int = 0
    spans: list[Span] = field(default_factory=list)  # header + rows, one span per page
    source: str = "words"  # "words" | "pdfplumber"

    @property
    def start(self) -> int:
        return self.spans[0].start

    def covers(self, offset: int) -> bool:
        return any(s.start <= offset < s.end for s in self.spans)

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    def columns_with(self, role: str) -> list[int]:
        return [i for i, c in enumerate(self.columns) if c.role == role]

    def label(self, row: Row) -> str | None:
        """The row's label: its label column(s), else the other text cells ("TOTAL", "Ingénierie …")."""
        parts = [row.text(i) for i in self.columns_with("label") if row.text(i)]
        if not parts:
            parts = [row.text(i) for i in self.columns_with("other") + self.columns_with("beneficiary")
                     if row.text(i) and not _has_amount(row.text(i))]
        if not parts:
            parts = [row.text(i) for i in self.columns_with("imputation") + self.columns_with("code")
                     if _TOTAL_RE.match(row.text(i))]
        text = " ".join(" ".join(parts).split())
        return text or None

    def is_total(self, row: Row) -> bool:
        return any(_TOTAL_RE.match(row.text(i)) for i in range(len(self.columns)))

    @property
    def is_budget(self) -> bool:
        """A table of credits (a list of beneficiaries with amounts is not)."""
        return bool(self.columns_with("measure")) and not self.columns_with("beneficiary")


# ---------------------------------------------------------------------------
# Lines of words
# ---------------------------------------------------------------------------


@dataclass
class _Cell:
    words: list[Word]

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
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


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


def _page_lines(doc: Document, page_no: int) -> list[_Line]:
    page = doc.page(page_no)
    words = [w for w in page.words if not doc.in_furniture(w.start)]
    if words and page.source.value == "ocr":
        # OCR reads table rules and stamp specks as tiny low-confidence "words" ("es", "|")
        h = median(w.bottom - w.top for w in words)
        words = [w for w in words if not (w.conf is not None and w.conf < 50 and w.bottom - w.top < 0.5 * h)]
        # a figure Tesseract is unsure of is a wrong figure more often than not ("#4590,00" for "44 500,00")
        words = [w for w in words if not (w.conf is not None and w.conf < 60 and re.search(r"\d", w.text)
                                          and parse_amount(w.text) is not None)]
        words = [w for w in words if w.conf is None or w.conf >= 20]
    return [_Line([_Cell(c) for c in split_cells(doc, list(group))])
            for _, group in groupby(words, key=lambda w: w.line)]


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


def _has_amount(text: str) -> bool:
    """A cell holding money: "209 285,00", "4500 €", "104" — not a stray OCR digit ("7")."""
    if not re.search(r"\d", text) or parse_amount(text) is None:
        return False
    return bool(re.search(r"\d{3}|[,.]\d|€|\d[ \u00a0\u202f]\d", text))


def _is_header_line(line: _Line) -> bool:
    if len(line.cells) < 2 or any(_has_amount(c.text) for c in line.cells):
        return False
    return any(classify_header(c.text) for c in line.cells)


def _band_neighbour(line: _Line, band_top: float, band_bottom: float, height: float) -> bool:
    """A line wrapped from a header: touching the header band, short, no figures, no sentence."""
    close = line.top <= band_bottom + 0.45 * height and line.bottom >= band_top - 0.45 * height
    if not close or any(_has_amount(c.text) for c in line.cells):
        return False
    text = line.text.strip()
    return len(text.split()) <= 8 and not text.endswith((":", ".", ";"))


def _columns_from_band(band: list[_Line]) -> list[Column]:
    cells = sorted((c for line in band for c in line.cells), key=lambda c: c.x0)
    groups: list[list[_Cell]] = []
    for c in cells:
        if groups and c.x0 < max(g.x1 for g in groups[-1]) - 1:
            groups[-1].append(c)
        else:
            groups.append([c])
    columns = []
    for g in groups:
        parts: list[str] = []
        for c in sorted(g, key=lambda c: (round(c.top), c.x0)):
            parts = [join_wrapped(parts[0], c.text)] if parts else [c.text]
        columns.append(Column(whole_header(" ".join(parts[0].split())), min(c.x0 for c in g), max(c.x1 for c in g)))
    return columns


def _column_of(columns: list[Column], x0: float, x1: float) -> int:
    overlaps = [min(x1, c.x1) - max(x0, c.x0) for c in columns]
    best = max(range(len(columns)), key=lambda i: overlaps[i])
    if overlaps[best] > 0:
        return best
    center = (x0 + x1) / 2
    return min(range(len(columns)), key=lambda i: abs(columns[i].center - center))


def _assign(columns: list[Column], line: _Line) -> dict[int, str]:
    out: dict[int, str] = {}
    for c in line.cells:
        i = _column_of(columns, c.x0, c.x1)
        out[i] = (out[i] + " " + c.text) if i in out else c.text
    return out


def _is_prose(columns: list[Column], line: _Line, width: float) -> bool:
    """A sentence under the table: one long cell crossing columns, or a line ending with ':'."""
    if line.text.rstrip().endswith(":") and len(line.text.split()) > 3:
        return True
    left, right = columns[0].x0, columns[-1].x1
    for c in line.cells:
        spanned = [col for col in columns if min(c.x1, col.x1) - max(c.x0, col.x0) > 2]
        if len(spanned) >= 3 or (c.x1 - c.x0) > 0.7 * max(right - left, width * 0.5):
            return True
    return False


def _measure_amount(columns: list[Column], cells: dict[int, str]) -> bool:
    return any(columns[i].measure and _has_amount(t) for i, t in cells.items())


_PART_FIGURE_RE = re.compile(r"^[-–]?\d{1,3}$")


def _merge_broken_figures(columns: list[Column], body: list[tuple[_Line, dict[int, str], bool]],
                          anchors: list[int], height: float) -> list[int]:
    """Rejoin a row whose figures wrap inside narrow cells ("104" above "500,00").

    The line below is folded into the row when it touches it and the row holds a
    thousands group alone in a column the line below continues.
    """
    kept: list[int] = []
    for k in anchors:
        if kept:
            prev_line, prev_cells, _ = body[kept[-1]]
            line, cells, _ = body[k]
            broken = [ci for ci, t in prev_cells.items()
                      if columns[ci].measure and _PART_FIGURE_RE.match(t.strip()) and ci in cells]
            if broken and line.top - prev_line.bottom < 0.5 * height:
                for ci, t in cells.items():
                    old = prev_cells.get(ci, "")
                    role = columns[ci].role
                    prev_cells[ci] = join_wrapped(old, t, role in ("code", "imputation"))
                continue
        kept.append(k)
    return kept


def _tables_on_page(doc: Document, page_no: int) -> list[Table]:
    lines = _page_lines(doc, page_no)
    if not lines:
        return []
    height = median(l.bottom - l.top for l in lines) or 10.0
    width = doc.page(page_no).width
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if not _is_header_line(lines[i]):
            i += 1
            continue
        band = [lines[i]]
        lo, hi = i, i
        while lo - 1 >= 0 and _band_neighbour(lines[lo - 1], band[0].top, band[-1].bottom, height) \
                and lo > i - 2:
            lo -= 1
            band.insert(0, lines[lo])
        while hi + 1 < len(lines) and _band_neighbour(lines[hi + 1], band[0].top, band[-1].bottom, height) \
                and hi < i + 2 and not _is_header_line(lines[hi + 1]):
            hi += 1
            band.append(lines[hi])
        columns = _columns_from_band(band)
        body: list[tuple[_Line, dict[int, str], bool]] = []
        j = hi + 1
        last_bottom = band[-1].bottom
        while j < len(lines):
            line = lines[j]
            if line.top - last_bottom > 2.6 * height or _is_header_line(line) or _is_prose(columns, line, width):
                break
            cells = _assign(columns, line)
            body.append((line, cells, _measure_amount(columns, cells)))
            last_bottom = line.bottom
            j += 1
        while body and not body[-1][2]:
            # a line without figures after the last row: a wrapped label when it touches that row
            prev_bottom = body[-2][0].bottom if len(body) > 1 else band[-1].bottom
            roles = {columns[ci].role for ci in body[-1][1]}
            if body[-1][0].top - prev_bottom < 0.6 * height and roles <= {"label", "code", "imputation"}:
                break
            body.pop()
        table = Table(columns, page=page_no, source="words")
        anchors = [k for k, (_, _, has) in enumerate(body) if has]
        if not anchors:
            i = hi + 1
            continue
        merged = set(anchors)
        anchors = _merge_broken_figures(columns, body, anchors, height)
        pieces: dict[int, dict[int, list[tuple[int, str]]]] = {
            k: {ci: [(k, t)] for ci, t in body[k][1].items()} for k in anchors}
        for k, (line, cells, has) in enumerate(body):
            if k in merged:
                continue
            near = min(anchors, key=lambda a: (abs(body[a][0].center - line.center), -a))
            for ci, text in cells.items():
                role = columns[ci].role
                if role in ("label", "imputation", "code", "beneficiary") or \
                        (role == "other" and ci not in pieces[near]):
                    pieces[near].setdefault(ci, []).append((k, text))
        table.rows = []
        for k in anchors:
            cells_out: dict[int, str] = {}
            for ci, parts in pieces[k].items():
                glue = columns[ci].role in ("imputation", "code")
                text = ""
                for _, t in sorted(parts):
                    text = join_wrapped(text, t, glue)
                cells_out[ci] = text
            table.rows.append(Row(cells_out, page_no, body[k][0].words[0].start))
        first = min(w.start for line in band for w in line.words)
        last_line = body[max(anchors)][0] if anchors else band[-1]
        end_words = [w for k in range(len(body)) for w in body[k][0].words]
        end = max(w.start + len(w.text) for w in end_words + last_line.words)
        table.spans = [Span(first, end)]
        tables.append(table)
        i = j
    return tables


# ---------------------------------------------------------------------------
# Ruled tables: pdfplumber
# ---------------------------------------------------------------------------


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


#: A page with fewer drawn paths than this has no ruled table (a frame, an underline…).
MIN_RULE_PATHS = 4


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
    """Some line of the page has a column gap next to an amount: a table of money may be there."""
    for line in page_text.split("\n"):
        if "\t" in line and any(_has_amount(cell) for cell in line.split("\t")):
            return True
    return False


def _ruled_tables(doc: Document, page_no: int) -> list[Table]:
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
        n_head = 0
        while n_head < len(raw) and not any(_has_amount(_clean_cell(c, False)) for c in raw[n_head] if c):
            n_head += 1
        if n_head == 0 or n_head == len(raw):
            continue
        headers = []
        xs = [c for c in t.rows[0].cells] if t.rows else []
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
        for ri, r in enumerate(raw[n_head:], start=n_head):
            cells = {ci: _clean_cell(c, headers[ci].role in ("code", "imputation"))
                     for ci, c in enumerate(r) if c and ci < len(headers)}
            if not any(headers[ci].measure and _has_amount(v) for ci, v in cells.items()):
                continue
            rtop = row_objs[ri].bbox[1] if ri < len(row_objs) else top
            starts = [w.start for w in inside if w.bottom >= rtop]
            table.rows.append(Row(cells, page_no, min(starts) if starts else inside[0].start))
        table.spans = [Span(min(w.start for w in inside), max(w.start + len(w.text) for w in inside))]
        if table.rows:
            tables.append(table)
    return tables


# ---------------------------------------------------------------------------
# All tables of a span
# ---------------------------------------------------------------------------


def _same_header(a: Table, b: Table) -> bool:
    return [fold(h) for h in a.headers] == [fold(h) for h in b.headers]


def _page_ends_with(doc: Document, table: Table) -> bool:
    """Whether nothing but running furniture follows the table on its page."""
    page = doc.page(doc.page_at(table.spans[-1].start))
    rest = [w for w in page.words if w.start >= table.spans[-1].end and not doc.in_furniture(w.start)]
    return not rest


def _page_starts_with(doc: Document, table: Table) -> bool:
    page = doc.page(table.page)
    before = [w for w in page.words if w.start < table.start and not doc.in_furniture(w.start)]
    return not before


_CACHE: dict[tuple[str, int, int, int], list[Table]] = {}


def tables_of(doc: Document, span: Span) -> list[Table]:
    """:func:`find_tables` remembered for the last few spans (extractors share one reading)."""
    key = (doc.doc_id, len(doc.text), span.start, span.end)
    if key not in _CACHE:
        if len(_CACHE) > 16:
            _CACHE.clear()
        _CACHE[key] = find_tables(doc, span)
    return _CACHE[key]


def find_tables(doc: Document, span: Span | None = None, use_pdfplumber: bool = True) -> list[Table]:
    """Budget-like tables whose header lies in ``span`` (the whole document by default), in order.

    A table whose page ends with it, continued at the top of the next page under the same
    header, is merged into one table (rows keep their own page).
    """
    span = span or Span(0, len(doc.text))
    found: list[Table] = []
    for page in doc.pages:
        if page.end <= span.start or page.start >= span.end:
            continue
        ruled = _ruled_tables(doc, page.page_no) if use_pdfplumber and page.source.value == "text_layer" else []
        words = [t for t in _tables_on_page(doc, page.page_no)
                 if not any(r.covers(t.start) or t.covers(r.start) for r in ruled)]
        for t in sorted(ruled + words, key=lambda t: t.start):
            if span.start <= t.start < span.end:
                found.append(t)
    merged: list[Table] = []
    for t in found:
        prev = merged[-1] if merged else None
        if prev and t.page == prev.rows[-1].page + 1 and _same_header(prev, t) \
                and _page_ends_with(doc, prev) and _page_starts_with(doc, t):
            prev.rows.extend(t.rows)
            prev.spans.extend(t.spans)
            continue
        merged.append(t)
    return merged
