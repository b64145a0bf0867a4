"""The records of a table read from a page (:class:`Table`, :class:`Column`, :class:`Row`)
and the cell text helpers every table reader shares.

A table is its columns (header as printed, box, what the header says: a measure, a text
role, a side), its rows (cell text by column, page, text offset) and where it stands in
the document text (one span per page). Readers: :mod:`pipeline.read.word_tables` (word
positions: unruled tables, OCR'd pages) and :mod:`pipeline.read.ruled_tables` (ruled
tables of a text layer, from their rules).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.model import Span
from pipeline.normalize.money import parse_amount
from pipeline.read.table_vocabulary import (fold, grant_column, is_contract_lot, measure_of, role_of, section_word,
                                            side_named, side_of)

# ---------------------------------------------------------------------------
# Cell text
# ---------------------------------------------------------------------------


def words_span(words: list, text: str | None = None) -> tuple[int, int] | None:  # type: ignore[type-arg]
    """[start, end) text offsets of a cell's words, when they stand on one line (so nothing
    else lies between them in the text) and, given the cell's ``text`` as read, spell it
    (whitespace aside); None otherwise — a cell wrapped over lines ("104" above "500,00"),
    a cell whose text was rebuilt from other words: no offsets rather than wrong ones."""
    if not words or len({w.line for w in words}) > 1:
        return None
    if text is not None and "".join(w.text for w in sorted(words, key=lambda w: w.start)).replace(" ", "") \
            != "".join(text.split()):
        return None
    return min(w.start for w in words), max(w.start + len(w.text) for w in words)


def leading_figure(cell: str, printed: str) -> bool:
    """Whether ``printed`` (the text of a cell's first line) is the figure that opens the
    cell, and the cell reads on with something else than more of that figure: "5 700,00 €"
    of "5 700,00 € (Acompte : 3 000,00 € …)" — not "104" of "104 500,00", a figure wrapped
    over two lines."""
    fig, whole = "".join(printed.split()), "".join(cell.split())
    if not fig or parse_amount(printed) is None or not whole.startswith(fig):
        return False
    rest = whole[len(fig):]
    return not rest or not (rest[0].isdigit() or rest[0] in ",.€")


def figure_span(words: list, text: str) -> tuple[int, int] | None:  # type: ignore[type-arg]
    """[start, end) of the figure that opens a money cell printed over several lines (its
    first line, when :func:`leading_figure`), or None."""
    if not words:
        return None
    first = min(words, key=lambda w: w.start).line
    line = sorted((w for w in words if w.line == first), key=lambda w: w.start)
    printed = " ".join(w.text for w in line)
    if not leading_figure(text, printed):
        return None
    return line[0].start, max(w.start + len(w.text) for w in line)


#: A header cell naming a year ("2014", "Exercice 2025"), which is no amount however it reads.
_HEADER_YEAR_RE = re.compile(r"\s*(?:(?:ann[ée]e|exercice)\s+)?(?:19[5-9]\d|20\d\d)\s*", re.I)


def is_header_year(text: str) -> bool:
    """A cell that names a year, as the headers of multi-year tables print them."""
    return bool(_HEADER_YEAR_RE.fullmatch(text))


def has_amount(text: str) -> bool:
    """A cell holding money: "209 285,00", "4500 €", "104", "0,00 €" — not a stray OCR
    digit ("7"), a rate ("40 %") or a count ("16")."""
    if not re.search(r"\d", text) or parse_amount(text) is None:
        return False
    if re.fullmatch(r"\s*\d{9,}\s*", text):
        return False  # "21749605800199": a SIRET, a phone number, never money printed so
    return bool(re.search(r"\d{3}|[,.]\d|€|\d[ \u00a0\u202f]\d", text))


#: Words of headers, to rejoin words broken inside narrow cells ("Disponibl"+"e").
_VOCAB = frozenset("""
    operation operations imputation budgetaire budgetaires disponible disponibles proposition
    propositions libelle depense depenses recette recettes montant montants credits credit
    paiement engagement autorisation autorisations programme chapitre article fonction nature
    solde designation subvention subventions beneficiaire beneficiaires total realise prevu
    vote inscrits code budget primitif previsionnel investissement fonctionnement compte
    actions intitule objet associations participations proposee proposees affecter affecte
    sollicite demande attribue attribuee accordee financement financements financeurs
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
    # a word cut by a hyphen at a cell's line end: "Associa-" + "tion" → "Association"
    # (a compound keeps it: "Cuise-" + "la-Motte")
    if re.search(r"[a-zà-ÿ]{2}-$", a) and re.match(r"[a-zà-ÿ]+(?:[\s,.;)]|$)", b):
        return a[:-1] + b
    if re.search(r"\w-$", a) and re.match(r"\w", b):
        return a + b  # "Cuise-" + "la-Motte"; a spaced dash ("Bouland -" + "asso") is not a hyphen
    return a + " " + b


# ---------------------------------------------------------------------------
# Row kinds
# ---------------------------------------------------------------------------

# A total or subtotal row: "TOTAL", "Total HT", "Sous-total", "Total général", "Montant
# total", "Totaux", "Cotisations totales", "Total fonctionnement".
TOTAL_RE = re.compile(
    r"""^\s*(?:sous[- ]?)?tota(?:l|ux)\b | ^\s*montant\s+total\b | ^\s*total\s+g[ée]n[ée]ral
      | ^\s*\w+\s+totales?\s*$""",
    re.I | re.X,
)

# A heading row inside a table, holding no money: "SECTION DE FONCTIONNEMENT", "Section
# d'investissement", "FONCTIONNEMENT", "INVESTISSEMENT", "DÉPENSES", "RECETTES",
# "Chapitre 011 – Charges à caractère général".
SECTION_ROW_RE = re.compile(
    r"""^\s*(?:(?i:section\s+(?:de\s+|d['’]\s*)?(?:fonctionnement|investissement))   # any case
        |(?:FONCTIONNEMENT|INVESTISSEMENT|D[ÉE]PENSES|RECETTES)(?:\s+\d{4})?          # capitals only
        |(?i:chapitre)\s+\d{2,3}\b.*)\s*:?\s*$""",
    re.X,
)


# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------


@dataclass
class Column:
    """A column: its header as printed and its horizontal extent in PDF points."""

    header: str
    x0: float
    x1: float
    #: set by a reader when the cells contradict the header ("DEPENSES" over labels)
    forced_role: str | None = None
    #: the measure the table's title gives a header the vocabulary leaves without one (a
    #: year under "Autorisation de programme et crédits de paiement" is a CP, see
    #: :func:`pipeline.read.table_vocabulary.programme_measure`)
    measure_hint: str | None = None

    @property
    def measure(self) -> str | None:
        if self.forced_role and self.forced_role != "measure":
            return None
        if self.forced_role == "measure":  # money under no money header (a titled list)
            return measure_of(self.header) or "budget"
        return measure_of(self.header) or self.measure_hint

    @property
    def role(self) -> str:
        return self.forced_role or role_of(self.header)

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Row:
    """One row: cell text by column index, the page and text offset of its first word.

    ``pairs`` holds, for a money column whose cells print their own label before the figure
    ("Installations chantier  3 000 € ht" under "Dépenses"), that label.
    """

    cells: dict[int, str]
    page: int
    start: int
    pairs: dict[int, str] = field(default_factory=dict)
    #: where a figure or identifier cell stands on its page (x0, top, x1, bottom), when known
    boxes: dict[int, tuple[float, float, float, float]] = field(default_factory=dict)
    #: where a cell's text stands in the document text ([start, end) offsets of its first and
    #: last word; for a money cell, of its figure), when the reader knows its words: the
    #: provenance of the rows read from the cell
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)

    def text(self, i: int) -> str:
        return self.cells.get(i, "").strip()

    def span(self, i: int, doc_text: str) -> tuple[int | None, int | None]:
        """Offsets of cell ``i`` in ``doc_text`` when the text there still spells the cell
        (whitespace aside): a cell rejoined or read again after the words were placed has
        none rather than the offsets of what it was."""
        s = self.spans.get(i)
        if s and ("".join(doc_text[s[0]:s[1]].split()) == "".join(self.text(i).split())
                  or leading_figure(self.text(i), doc_text[s[0]:s[1]])):  # the figure of a money cell
            return s
        return None, None


@dataclass
class Table:
    """A table: its columns, its rows under the header, where it stands in the text."""

    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    page: int = 0
    spans: list[Span] = field(default_factory=list)  # header + rows, one span per page
    source: str = "words"  # "words" | "rules" (a ruled grid) | "lines"
    title: str | None = None  # the heading printed just above, when the reader knows it
    continues: bool = False  # rows without a header: the end of the table on the page before

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

    def money_columns(self) -> list[int]:
        """Columns whose cells hold amounts (a measure header, or money in the cells)."""
        return [i for i, c in enumerate(self.columns) if c.measure]

    def label(self, row: Row) -> str | None:
        """The row's label: its label column(s), else the other text cells ("TOTAL", "Ingénierie …")."""
        parts = [row.text(i) for i in sorted(self.columns_with("label") + self.columns_with("beneficiary"))
                 if row.text(i)]
        if not parts:
            parts = [row.text(i) for i in self.columns_with("other")
                     if row.text(i) and not has_amount(row.text(i))]
        if not parts:
            parts = [row.text(i) for i in self.columns_with("imputation") + self.columns_with("code")
                     if TOTAL_RE.match(row.text(i))]
        parts = [" ".join(p.split()) for p in parts]
        parts = [p for k, p in enumerate(parts) if p not in parts[:k]]
        text = " – ".join(parts)
        return text or None

    def label_for(self, row: Row, ci: int) -> str | None:
        """The label of one money cell: its own pair label, else the label of the side the
        column stands on (a two-sided plan), else the row's label."""
        if row.pairs.get(ci):
            return " ".join(row.pairs[ci].split()).rstrip(" :") or None
        side_cols = self._side_label_columns(ci)
        if side_cols:
            parts = [row.text(i) for i in side_cols if row.text(i)]
            text = " ".join(" ".join(parts).split())
            if text:
                return text
        return self.label(row)

    def _side_label_columns(self, ci: int) -> list[int]:
        """Text columns on the side of money column ``ci`` when the table has two sides
        ("DEPENSES | Vote | RECETTES | Vote", "Désignation | Coût | Financeurs | Montant")."""
        labels = [i for i, c in enumerate(self.columns) if c.role == "label" or c.forced_role == "label"]
        if len(labels) < 2:
            return []
        left = [i for i in labels if i < ci]
        return [left[-1]] if left else []

    def side(self, ci: int, row: Row | None = None) -> str | None:
        """``expense`` / ``income`` for money column ``ci``: its own header ("Dépenses",
        "Coût", "Recettes"), the side header of the text column before it ("RECETTES |
        Vote", "Financeurs | Montant"), or the row's own label when it names a side
        ("Dépenses :" in a "FONCTIONNEMENT 2025" box; not a chapter's name, "Charges
        financières": :func:`~pipeline.read.table_vocabulary.side_named`)."""
        own = side_of(self.columns[ci].header)
        if own:
            return own
        for i in range(ci - 1, -1, -1):
            c = self.columns[i]
            if c.measure and not c.forced_role:
                break
            s = side_of(c.header)
            if s:
                return s
        if row is not None:
            label = self.label_for(row, ci)
            if label:
                return side_named(label)
        return None

    def section_of(self, ci: int) -> str | None:
        """``Fonctionnement`` / ``Investissement`` when the column's header names one."""
        return section_word(self.columns[ci].header)

    def is_total(self, row: Row) -> bool:
        return any(TOTAL_RE.match(row.text(i)) for i in range(len(self.columns))) or \
            any(TOTAL_RE.match(p) for p in row.pairs.values())

    @property
    def is_grants(self) -> bool:
        """A list of beneficiaries with the money each receives (its rows are grants) — not
        the lots of a public contract, whose companies are its holders."""
        if self.is_contract:
            return False
        return bool(self.columns_with("beneficiary")) and any(
            grant_column(self.columns[i].header) in ("awarded", "proposed", "generic") for i in self.money_columns())

    @property
    def is_contract(self) -> bool:
        """The lots of a public contract ("Lot | Entreprise | Nature des travaux | Montant
        H.T. | TTC"): its prices are neither grants nor budget credits."""
        return any(is_contract_lot(c.header) for c in self.columns)

    @property
    def is_budget(self) -> bool:
        """A table of credits (a list of beneficiaries with amounts is not, nor a contract's lots)."""
        return bool(self.money_columns()) and not self.is_grants and not self.is_contract
