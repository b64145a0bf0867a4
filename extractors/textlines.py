"""Lines of running text, as a reader sees them: without page furniture, with their page
and whether they run to the right margin; and the joining of wrapped lines.

Shared by the visa and article extractors. A visa or an article wraps over lines and
pages; to read it whole, the running header/footer of the page break must go
("Département du Pas-de-Calais - Commission permanente du 20 mars 2023	1 / 15",
"Commune de Cognac - Délibération n° DEL-2022-112	1/2", a bare "4"), and a word cut
at a line end must be made whole again ("« Dé-" + "légation d'attributions" →
"« Délégation d'attributions") while a real compound keeps its hyphen ("Pas-de-" +
"Calais", "L.3121-" + "14", "ci-" + "annexé").

Whether a line is *full* (runs from the left to the right margin of its text column) tells a wrapped
line ("… par la Société PARC" + "EOLIEN DES VENTS DE L'OUEST") from the last line of a
paragraph ("Vu la délibération … en date du 16 juillet 2020" + "Le conseil municipal
désigne :"). It is read from the words' boxes; for a document without words (tests
built from strings) from the line's length against the longest line of its page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.read.furniture import PAGE_NUMBER_RE
from pipeline.model import Document, Span

#: A line reaching this close to the right margin (fraction of the column width) is full.
FULL_TOLERANCE = 0.10

#: Without word boxes: a line this long relative to its page's longest line is full.
FULL_CHARS = 0.85

#: Words that, before a line-end hyphen, make a real compound ("ci-" + "annexé",
#: "vice-" + "président", "sous-" + "préfet"): the hyphen stays.
COMPOUND_LEFT = frozenset("""
    ci ex vice sous non anti demi semi mi auto extra inter intra multi post pré pro quasi
    super ultra après avant arrière contre entre haut bas nord sud est ouest franco euro
    socio porte garde peut c'est est-ce là au-dessus
""".split())

#: Words that, after a line-end hyphen, make a real compound ("celle-" + "ci").
COMPOUND_RIGHT = frozenset("""
    ci là même mêmes être dessus dessous delà t-il t-elle il elle ils elles on
""".split())


@dataclass(frozen=True)
class TextLine:
    """One non-blank line of body text: offsets in ``Document.text``, stripped text."""

    start: int
    end: int
    text: str
    page: int
    full: bool


def _right_margins(doc: Document, page_no: int) -> tuple[float, float] | None:
    words = doc.page(page_no).words
    if not words:
        return None
    rights = sorted(w.x1 for w in words)
    lefts = sorted(w.x0 for w in words)
    return lefts[int(0.02 * (len(lefts) - 1))], rights[int(0.99 * (len(rights) - 1))]


#: Each page's margins and longest line, remembered for the pages of the last few documents:
#: the acts of minutes share their pages, and each act asks for the lines of its sections.
#: Keyed by the document object itself (held in the value, so its id is not reused while the
#: entry lives): documents built in memory may share a doc_id.
_PAGE_MEASURES: dict[tuple[int, int], tuple[Document, tuple[float, float] | None, int]] = {}
PAGE_MEASURES_SIZE = 256


def _page_measures(doc: Document, page_no: int) -> tuple[tuple[float, float] | None, int]:
    key = (id(doc), page_no)
    if key not in _PAGE_MEASURES:
        if len(_PAGE_MEASURES) >= PAGE_MEASURES_SIZE:
            _PAGE_MEASURES.clear()
        _PAGE_MEASURES[key] = (doc, _right_margins(doc, page_no),
                               max((len(s.strip()) for s in doc.page_text(page_no).split("\n")), default=1))
    _, margins, longest = _PAGE_MEASURES[key]
    return margins, longest


def body_lines(doc: Document, span: Span) -> list[TextLine]:
    """Non-blank lines of ``span`` that are not page furniture, in reading order."""
    out: list[TextLine] = []
    margins: dict[int, tuple[float, float] | None] = {}
    longest: dict[int, int] = {}
    pos = span.start
    for raw in doc.text[span.start:span.end].replace("\f", "\n").split("\n"):
        text = raw.strip()
        start = pos + len(raw) - len(raw.lstrip())
        end = start + len(text)
        pos += len(raw) + 1
        if not text or doc.in_furniture(start) or PAGE_NUMBER_RE.match(text):
            continue
        page = doc.page_at(start)
        if page not in margins:
            margins[page], longest[page] = _page_measures(doc, page)
        full = _is_full(doc, start, end, margins[page], longest[page])
        out.append(TextLine(start, end, text, page, full))
    return out


def _is_full(doc: Document, start: int, end: int, margin: tuple[float, float] | None, longest: int) -> bool:
    if margin is not None:
        words = [w for _, w in doc.words_in(Span(start, end))]
        if words:
            left, right = margin
            width = max(right - left, 1.0)
            # from the left margin to the right one: a right-aligned heading is not full
            return (min(w.x0 for w in words) <= left + FULL_TOLERANCE * width
                    and max(w.x1 for w in words) >= right - FULL_TOLERANCE * width)
    return end - start >= FULL_CHARS * max(longest, 1)


_CUT_RE = re.compile(r"(?P<left>[\wÀ-ÿ'’]+)-$")
_NEXT_WORD_RE = re.compile(r"[a-zà-ÿ][\wÀ-ÿ-]*")


def join_lines(lines: list[str], vocabulary: str = "") -> str:
    """Join wrapped lines into one string, whitespace collapsed.

    A word cut by a hyphen at a line end before a lower-case letter is rejoined ("rete-"
    + "nues" → "retenues") unless the hyphenated word is printed elsewhere in
    ``vocabulary`` or is a known compound ("ci-" + "annexé"); before a capital or a digit
    the hyphen is real and kept without a space ("Pas-de-" + "Calais", "L.3121-" + "14").
    """
    # The text joined so far is ``done`` (pieces, each ending in a space) + ``tail`` (what
    # follows its last space): a cut word is always in the tail, so each line costs its own
    # length, never that of the text before it.
    done: list[str] = []
    tail = ""

    def add(piece: str) -> None:
        nonlocal tail
        joined = tail + piece
        space = joined.rfind(" ")
        if space >= 0:
            done.append(joined[:space + 1])
            joined = joined[space + 1:]
        tail = joined

    for line in lines:
        line = " ".join(line.split())
        if not line:
            continue
        if not done and not tail:
            add(line)
            continue
        cut = _CUT_RE.search(tail)
        if cut and not (tail == "-" and done):  # not a dash standing alone: "… -"
            nxt = _NEXT_WORD_RE.match(line)
            if nxt:
                left = cut.group("left")
                word = nxt.group(0)
                whole = f"{left}-{word}"
                real = (left.lower() in COMPOUND_LEFT or word.lower().split("-")[0] in COMPOUND_RIGHT
                        or (vocabulary and re.search(rf"(?<![\w-]){re.escape(whole)}", vocabulary, re.I)))
                if not real:
                    tail = tail[:-1]
                add(line)
            else:
                add(line)
            continue
        add(" " + line)
    return " ".join(("".join(done) + tail).split())


#: OCR misreadings that the French context settles: "57 000 £" is "57 000 €" (the euro
#: sign read as a pound sign after an amount).
_OCR_EURO_RE = re.compile(r"(?<=\d)(\s?)£")


def repair_ocr(text: str) -> str:
    """Undo OCR misreadings of text read from a scan: "57 000 £" → "57 000 €", and a
    parenthesis opened twice between digits and closed once ("(SIRET 335 207 734 (00948)"
    → "(SIRET 335 207 734 00948)": a stain or a serif read as "(")."""
    text = _OCR_EURO_RE.sub(r"\1€", text)
    if text.count("(") > text.count(")"):
        out, depth = [], 0
        for k, ch in enumerate(text):
            if ch == "(":
                if depth and k > 0 and text[k - 1] == " " and text[k - 2:k - 1].isdigit() \
                        and text[k + 1:k + 2].isdigit():
                    continue
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            out.append(ch)
        text = "".join(out)
    return text
