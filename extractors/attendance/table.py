"""Absences laid out as a table, one column per case, read from the words' positions.

Large councils list their absent members in a grid (Roannais Agglomération, 2021)::

                         Ni pouvoir
    Absents              Ni suppléant   Suppléant       Pouvoir donné à…
    Jean-Marc Ambroise       X
    Laurence Boyer                      Yves Meunier
    Marie-France Catheland                              Muriel Marcellin

The text alone says "Laurence Boyer⇥Yves Meunier" and "Marie-France Catheland⇥Muriel
Marcellin" alike: which column a name stands in (a substitute, or a proxy) is only in
its position. Cells are the layout's (a tab where words stand a column gap apart); each
goes to the header whose centre is nearest. A holder's name on
the line below an absent member with no other cell ("Gilles Passot" / "Fabien Lambert")
belongs to that member; "(arrivé en cours de séance)" lines are notes.

Statuses: an "X" under "Ni pouvoir ni suppléant" → absent; a substitute → absent (the
substitute sits and votes, and is in the présents list); a name under "Pouvoir donné à"
→ represented, with that holder.

Small councils print every member in such a grid, a mark under their case::

    NOM Prénom          Présent   Excusé   Absent   Pouvoir donné à
    MARCHAND Jean-Pierre   X
    LEMAIRE Sandrine                 X              DUVAL Claire
    COLLIN Régis                              X

(a row ``full``: an "X" under "Présent" → present, "Excusé" → excused, "Absent" → absent, a
name under the proxy column → represented; a row with no mark says nothing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import Document, Span, Word
from pipeline.read.word_tables import split_cells

#: The header line: "Absents" first, then a proxy column ("Pouvoir donné à…",
#: "Procuration à", "Pouvoir à").
HEADER_RE = re.compile(r"^\W{0,2}absents?\b[^\n]*\b(?:pouvoirs?|procurations?)\b[^\n]*$", re.I | re.M)

#: The header line of a grid of every member: the name column first ("NOM Prénom", "Noms",
#: "Membres", "Conseillers municipaux"), then a column of présents and one of absents or
#: excusés.
FULL_HEADER_RE = re.compile(
    r"""^\W{0,2}(?:noms?(?:\s+(?:et\s+)?pr[ée]noms?)?|pr[ée]noms?(?:\s+(?:et\s+)?noms?)?|membres|conseill\w*(?:\s+municipaux)?|[ée]lus)
        [ \t]*\t[^\n]*\bpr[ée]sente?s?\b[^\n]*\b(?:absente?s?|excus[ée]e?s?)\b[^\n]*$""",
    re.I | re.M | re.X,
)

#: What a column header of a grid of every member says, by its words.
_FULL_COLUMN_KINDS = (
    ("present", re.compile(r"^pr[ée]sente?s?\b", re.I)),
    ("excused", re.compile(r"^excus", re.I)),
    ("absent", re.compile(r"^absente?s?\b", re.I)),
    ("proxy", re.compile(r"^(?:pouvoirs?|procurations?|mandats?)\b", re.I)),
    ("name", re.compile(r"^(?:noms?|pr[ée]noms?|membres|conseill|[ée]lus)\b", re.I)),
)

#: What a column header says, by its words.
_COLUMN_KINDS = (
    ("none", re.compile(r"^ni\b", re.I)),                      # "Ni pouvoir ni suppléant", "Ni suppléant"
    ("proxy", re.compile(r"^(?:pouvoirs?|procurations?)\b", re.I)),  # "Pouvoir donné à…"
    ("substitute", re.compile(r"^(?:suppl[ée]ants?|remplac)", re.I)),  # "Suppléant"
    ("name", re.compile(r"^absents?\b", re.I)),
)

#: Notes in the grid, not names: "(arrivé en cours de séance)", "-".
_NOTE_RE = re.compile(r"^\s*(?:\(.*\)|[-–—]+)\s*$")


@dataclass(frozen=True)
class GridRow:
    """One absent member: name as printed, and the column each other cell stands in."""

    name: str
    cells: dict[str, str]  # column kind → text ("none": "X", "substitute"/"proxy": a name)
    page: int
    #: a row of a grid of every member ("present", "excused", "absent" columns of marks)
    full: bool = False


def _cells(doc: Document, words: list[Word]) -> list[tuple[str, float]]:
    """The line's cells (where the layout put a column gap), with their centres."""
    return [(" ".join(w.text for w in c), (c[0].x0 + c[-1].x1) / 2) for c in split_cells(doc, words)]


def _columns(doc: Document, header_words: list[Word],
             vocabulary: tuple[tuple[str, re.Pattern[str]], ...] = _COLUMN_KINDS) -> list[tuple[str, float]]:
    """(kind, centre) of each header cell."""
    out = []
    for text, centre in _cells(doc, header_words):
        for kind, rx in vocabulary:
            if rx.search(text):
                out.append((kind, centre))
                break
    return out


def _nearest(columns: list[tuple[str, float]], x: float) -> str:
    return min(columns, key=lambda c: abs(c[1] - x))[0]


def read_grid(doc: Document, span: Span) -> list[GridRow]:
    """The absences grid within ``span`` of ``doc``, or [] when there is none."""
    text = doc.text[span.start:span.end]
    m = HEADER_RE.search(text)
    full = m is None
    if full:
        m = FULL_HEADER_RE.search(text)  # "NOM Prénom	Présent	Excusé	Absent	Pouvoir donné à"
    if not m:
        return []
    header_start = span.start + m.start()
    header_words = [w for _, w in doc.words_in(Span(header_start, span.start + m.end()))]
    # a header cell wrapped above its line ("Ni pouvoir" over "Ni suppléant")
    columns = _columns(doc, header_words, _FULL_COLUMN_KINDS if full else _COLUMN_KINDS)
    kinds = {k for k, _ in columns}
    wanted = ({"present"}, {"excused", "absent"}) if full else ({"proxy", "substitute"},)
    if "name" not in kinds or not all(w & kinds for w in wanted):
        return []
    rows: list[GridRow] = []
    pos = span.start + m.end() + 1
    for line in doc.text[pos:span.end].split("\n"):
        line_span = Span(pos, pos + len(line))
        pos += len(line) + 1
        if not line.strip() or _NOTE_RE.match(line):
            continue
        placed = list(doc.words_in(line_span))
        if not placed:
            break
        page = placed[0][0]
        cells = [(text_, _nearest(columns, x)) for text_, x in _cells(doc, [w for _, w in placed])]
        if cells[0][1] != "name":
            # a holder's name alone on the line below its member's
            if rows and len(cells) == 1 and cells[0][1] in ("proxy", "substitute") and len(rows[-1].cells) == 0:
                rows[-1] = GridRow(rows[-1].name, {cells[0][1]: cells[0][0]}, rows[-1].page)
                continue
            break
        name = cells[0][0]
        if not re.search(r"[A-Za-zÀ-ÿ]{2,}", name) or re.match(r"(?i)secr[ée]taire|^vu\b|^l['’]an\b", name):
            break
        rows.append(GridRow(name, {kind: t for t, kind in cells[1:] if kind != "name"}, page, full))
    return rows
