"""Amounts: every money amount printed in the running text of the act itself.

Read from the exposé, the visas and considérants, the decision and its articles — not
from table cells, not from annexed conventions, programmes or reports. One row per amount,
as printed, with the sentence it stands in::

    "La décision modificative présentée est équilibrée en dépenses et en recettes à
     hauteur de 40 500,00 €."          → amount 40500.00, raw "40 500,00 €"
    "D'attribuer une subvention de 29 000 € à l'association « Association Terres
     d'Avenir » …"                      → 29000.00
    "cinquante-sept mille euros (57 000 €)" → one row, 57000.00
"""

from __future__ import annotations

import re

from extractors.budget_text import text_budget_spans
from extractors.registry import Found, extractor
from pipeline.errors import IssueLog
from pipeline.model import Act, Section, SectionKind, Span, collapse_ws
from pipeline.normalize.money import AmountMatch, find_amounts
from pipeline.normalize.sentences import sentence_at, split_sentences
from pipeline.read.tables import tables_of
from schemas.rows import AmountRow

#: Sections whose text is not running text of the act (names, tallies, signatures). The
#: header stays: in minutes it is the item's heading and its whole exposé.
_SKIPPED = {SectionKind.ATTENDANCE, SectionKind.VOTE, SectionKind.SIGNATURE, SectionKind.ANNEX}

# Dot leaders before a figure: "Devis BERTHOULY Chemin de la Croze ...….\t4.327.96 € HT".
_LEADERS_RE = re.compile(r"(?:[.·]{3,}|…[.…·]*|[.·]+…)[ .…·,]*\t?\s*$")


# A figure the words before its column gap lead to: a colon ("- budget VILLE :\t3.812.635,00 €",
# "Travaux :\t54 699,05 € HT") or a word that asks for an amount ("un déficit de\t72 769,89 €",
# "soit\t1 200 €"): a line of a list in the prose, its figure aligned by a tab — when the line
# is that label and that figure only (a table's row has more cells: "SYDELA (44701\tTravaux
# … : Extension de\t2 842,81 €", "… plaque destinée à\t51,00 €\t52,00 €").
_INTRODUCED_RE = re.compile(r"(?:\w[\w)]*\s*:|\b(?:de|d['’]|à|soit|pour|environ|=))[ \t]*$", re.I)


def running_sections(act: Act) -> list[Section]:
    """The act's own prose: every section but attendance, vote, signature, annexes and shared ones."""
    return [s for s in act.sections if s.kind not in _SKIPPED and not s.shared]


def _is_cell(text: str, a: AmountMatch) -> bool:
    """An amount alone between column gaps of a tabular line ("… fragilité\\t4500 €\\t")."""
    line_start = text.rfind("\n", 0, a.start) + 1
    line_end = text.find("\n", a.end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    if "\t" not in line or _LEADERS_RE.search(text[line_start:a.start]):
        return False  # "15 ans ....\t200 €": a list in the text, its dots led to the figure
    cells = [c for c in line.split("\t") if c.strip()]
    if cells and re.fullmatch(r"\W{1,2}", cells[0].strip()):
        cells = cells[1:]  # the bullet of a list line ("-\tSection d'investissement : …")
    if len(cells) == 2 and _INTRODUCED_RE.search(text[line_start:a.start]):
        return False  # "- Section d'investissement : un déficit de\t72 769,89 €": the sentence leads to it
    cell_start = text.rfind("\t", line_start, a.start)
    before = text[(cell_start + 1 if cell_start >= 0 else line_start) : a.start]
    next_tab = text.find("\t", a.end, line_end)
    after = text[a.end : next_tab if next_tab >= 0 else line_end]
    return not before.strip() and not re.sub(r"\b(?:HT|TTC)\b|[.;,]", "", after).strip()


#: The longest context kept for an amount: its sentence, or the words around it within this
#: many characters when the sentence has no end (a list of contracts printed without stops).
CONTEXT_MAX = 400


def _window(text: str, start: int, end: int, s: int, e: int) -> tuple[int, int]:
    """[s, e) cut to :data:`CONTEXT_MAX` characters around the amount, at word boundaries."""
    half = (CONTEXT_MAX - (end - start)) // 2
    a, b = max(s, start - half), min(e, end + half)
    if a > s:
        sp = text.find(" ", a, start)
        a = sp + 1 if sp >= 0 else a
    if b < e:
        sp = text.rfind(" ", end, b)
        b = sp if sp >= 0 else b
    return a, b


def amounts_in(act: Act) -> list[AmountRow]:
    """Amount rows of ``act`` (used by the extractor and by the grants checks)."""
    doc = act.doc
    tables = tables_of(doc, act.span)
    budget_text = [b.span for b in text_budget_spans(act)]
    rows: list[AmountRow] = []
    for section in running_sections(act):
        text = section.text
        spans = split_sentences(text)
        for a in find_amounts(text):
            offset = section.span.start + a.start
            if doc.in_furniture(offset) or any(t.covers(offset) for t in tables) or _is_cell(text, a) or \
                    any(b.start <= offset < b.end for b in budget_text):
                continue
            s, e = sentence_at(text, a.start, spans)
            if e - s > CONTEXT_MAX:  # a "sentence" with no full stop (a list, a table's text)
                s, e = _window(text, a.start, a.end, s, e)
            context = collapse_ws(doc.clean(Span(section.span.start + s, section.span.start + e)))
            rows.append(AmountRow(act.act_id, doc.doc_id, doc.page_at(offset), a.amount,
                                  " ".join(a.raw.split()), context, a.qualifier, offset))
    return rows


@extractor("amounts", feeds=("amounts",))
def extract_amounts(act: Act, found: Found, issues: IssueLog) -> list[AmountRow]:
    """One row per money amount of the act's running text."""
    return amounts_in(act)
