"""The typed core every stage shares: a document, its pages and words, spans, sections, acts.

Data flows one way: ``load`` builds a :class:`Document` (pages of words and one text),
``segment`` cuts it into :class:`Act` objects made of :class:`Section` spans, extractors
read sections and return rows. Nothing here reads files or knows about an extractor.

Offsets convention (written once, here): every ``start``/``end`` is a half-open
``[start, end)`` character range in :attr:`Document.text`, document-absolute and 0-based.
Page numbers are 1-based.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Iterator


class StrEnum(str, Enum):
    """A str-valued enum (``enum.StrEnum`` needs Python 3.11)."""

    def __str__(self) -> str:
        return str(self.value)


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open ``[start, end)`` character range in ``Document.text`` (absolute, 0-based)."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start

    def shift(self, by: int) -> "Span":
        return Span(self.start + by, self.end + by)

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


class TextSource(StrEnum):
    TEXT_LAYER = "text_layer"
    OCR = "ocr"


@dataclass(frozen=True, slots=True)
class Word:
    """One word on a page, with its box in PDF points (origin top-left) and its text offsets."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    start: int  # offset of the word in Document.text
    line: int  # index of the line on its page (0-based, reading order)
    conf: float | None = None  # OCR confidence 0-100, None for a text layer


@dataclass(frozen=True)
class Page:
    """A page's text and words. ``start``/``end`` locate its text in ``Document.text``."""

    page_no: int
    width: float
    height: float
    source: TextSource
    start: int
    end: int
    words: tuple[Word, ...] = ()
    ocr_confidence: float | None = None
    rotation: int = 0  # degrees the page image was turned before OCR
    skew: float = 0.0  # degrees of skew corrected before OCR


@dataclass(frozen=True)
class Document:
    """One input file read into text. Pages are joined with a form feed ``\\f``."""

    doc_id: str
    source_path: str
    text: str
    pages: tuple[Page, ...]
    furniture: tuple[Span, ...] = ()  # running headers/footers (see pipeline.read.furniture)

    @property
    def n_pages(self) -> int:
        return len(self.pages)

    @cached_property
    def _page_starts(self) -> list[int]:
        return [p.start for p in self.pages]

    @cached_property
    def _furniture_starts(self) -> list[int]:
        return [f.start for f in self.furniture]

    def page_at(self, offset: int) -> int:
        """1-based number of the page holding character ``offset``."""
        if not self.pages:
            return 1
        i = bisect.bisect_right(self._page_starts, offset) - 1
        return self.pages[max(0, min(i, len(self.pages) - 1))].page_no

    def last_text_offset(self, span: Span) -> int:
        """The offset of the last character of ``span`` that is neither blank nor in a
        running header or footer (the span's start when it has none)."""
        k = span.end - 1
        while k > span.start:
            if self.text[k].isspace():
                k -= 1
                continue
            i = bisect.bisect_right(self._furniture_starts, k) - 1
            if i >= 0 and k < self.furniture[i].end:
                k = self.furniture[i].start - 1  # the whole running head at once
                continue
            break
        return max(span.start, k)

    def in_furniture(self, offset: int) -> bool:
        """Whether character ``offset`` belongs to a running header or footer."""
        i = bisect.bisect_right(self._furniture_starts, offset) - 1
        return i >= 0 and offset < self.furniture[i].end

    def page(self, page_no: int) -> Page:
        return self.pages[page_no - 1]

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def page_text(self, page_no: int) -> str:
        p = self.page(page_no)
        return self.text[p.start : p.end]

    @cached_property
    def _furniture_reach(self) -> list[int]:
        """For each running line (sorted by start), the furthest end among it and those before."""
        out, reach = [], -1
        for f in self.furniture:
            reach = max(reach, f.end)
            out.append(reach)
        return out

    def _furniture_over(self, span: Span) -> Iterator[Span]:
        """The running lines that meet ``span``, in order (found by bisection: minutes of
        hundreds of pages ask for thousands of spans)."""
        i = bisect.bisect_right(self._furniture_reach, span.start)
        for f in self.furniture[i:]:
            if f.start >= span.end:
                break
            if f.end > span.start:
                yield f

    def clean(self, span: Span) -> str:
        """Text of ``span`` without running headers/footers (:attr:`furniture`, found by
        :mod:`pipeline.read.furniture`); page breaks become newlines."""
        parts, pos = [], span.start
        for f in self._furniture_over(span):
            parts.append(self.text[pos:max(pos, f.start)])
            pos = max(pos, f.end)
        parts.append(self.text[pos:span.end])
        return "".join(parts).replace("\f", "\n")

    def clean_offset(self, span: Span, k: int) -> int:
        """Document offset of character ``k`` of :meth:`clean` of ``span``: the way back
        from what a reader matched in the text without running headers."""
        pos = span.start
        for f in self._furniture_over(span):
            kept = max(pos, f.start) - pos
            if k < kept:
                return pos + k
            k -= kept
            pos = max(pos, f.end)
        return pos + k

    @cached_property
    def _word_order(self) -> list[tuple[list[int], list[Word]]]:
        """Per page, its words sorted by text offset and their offsets (for bisection)."""
        out = []
        for p in self.pages:
            words = sorted(p.words, key=lambda w: w.start)
            out.append(([w.start for w in words], words))
        return out

    def words_in(self, span: Span) -> Iterator[tuple[int, Word]]:
        """Yield ``(page_no, word)`` for every word whose start lies inside ``span``, page
        by page in text order."""
        first = max(0, bisect.bisect_right(self._page_starts, span.start) - 1)
        for k in range(first, len(self.pages)):
            p = self.pages[k]
            if p.start >= span.end:
                break
            if p.end <= span.start:
                continue
            starts, words = self._word_order[k]
            for i in range(bisect.bisect_left(starts, span.start), bisect.bisect_left(starts, span.end)):
                yield p.page_no, words[i]


class SectionKind(StrEnum):
    """The parts of a deliberation, in the order they usually come."""

    HEADER = "header"  # authority, body, session, number, title
    ATTENDANCE = "attendance"  # présents, excusés, pouvoirs, absents, secrétaire
    VISAS = "visas"  # "Vu …"
    CONSIDERANTS = "considerants"  # exposé, "Considérant …"
    DECISION = "decision"  # "DÉCIDE :", "DÉLIBÈRE", the operative part
    ARTICLES = "articles"  # "Article 1 : …"
    VOTE = "vote"  # "à l'unanimité", "Pour : 41 voix …"
    SIGNATURE = "signature"  # "Fait à …", "Pour extrait conforme", the signatory
    ANNEX = "annex"  # convention, programme, report, budget detail appended to the act


class _OnPages:
    """Text and pages of something that has a ``doc`` and a ``span``."""

    doc: Document
    span: Span

    @property
    def text(self) -> str:
        return self.doc.slice(self.span)

    @property
    def page_start(self) -> int:
        return self.doc.page_at(self.span.start)

    @property
    def page_end(self) -> int:
        """The page of the last character that is text of its own: the running head of the
        next page and the blank lines before it, which a span ending where the next act
        starts takes in, do not move it there."""
        return self.doc.page_at(self.doc.last_text_offset(self.span))


@dataclass(frozen=True)
class Section(_OnPages):
    """A typed span of an act. ``text`` is a view over the document, never a copy kept apart."""

    kind: SectionKind
    span: Span
    doc: Document = field(repr=False, compare=False)
    label: str | None = None  # e.g. "rapport", "convention" for annexes
    shared: bool = False  # a session-level section (minutes' preamble) shared by every act


@dataclass(frozen=True)
class Act(_OnPages):
    """One deliberation found in a document, with its sections (annexes included)."""

    doc: Document = field(repr=False, compare=False)
    act_index: int
    act_id: str
    span: Span
    sections: tuple[Section, ...]
    preamble: Span | None = None  # minutes: the session preamble before the first item, shared by all

    def sections_of(self, *kinds: SectionKind) -> list[Section]:
        return [s for s in self.sections if s.kind in kinds]

    def first(self, kind: SectionKind) -> Section | None:
        for s in self.sections:
            if s.kind is kind:
                return s
        return None

    @property
    def body_span(self) -> Span:
        """The act without its annexes: from its start to the end of its last non-annex section."""
        own = [s for s in self.sections if s.kind is not SectionKind.ANNEX and not s.shared]
        if not own:
            return self.span
        return Span(self.span.start, max(s.span.end for s in own))

    @property
    def body_text(self) -> str:
        return self.doc.slice(self.body_span)

    def page_of(self, offset: int) -> int:
        return self.doc.page_at(offset)


WS_RE = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    """Lower case without accents (canonical decomposition): "Février" → "fevrier"."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def collapse_ws(text: str) -> str:
    """Collapse every run of whitespace (newlines, form feeds included) to one space."""
    return WS_RE.sub(" ", text).strip()
