"""French sentence boundaries for deliberation text, with offsets.

Deliberations are full of periods that do not end a sentence — "M. Jean DUPONT",
"Mme", "n° 2023-122", "art. 5", "L. 2121-29", "ss.", "cf.", "J.-C.", "3.30 €" — and of
sentences that end without one: items of a list ("- 24 000 € au titre des 3 axes ;"),
a visa per line ("Vu le Code … ;"), headings ("Article 1 :", "DÉCIDE :"). This splitter
is rule-based: measured on the dev corpus it gives the sentence of every amount, where
spaCy's ``fr_core_news_sm`` splits after "M." and "n°" and costs a model load.

>>> text = "Vu l'avis de M. Paul DURAND ;\\nArticle 1 :\\nD'attribuer 57 000 €. Dit que …"
>>> [text[a:b] for a, b in split_sentences(text)]
["Vu l'avis de M. Paul DURAND ;", 'Article 1 :', "D'attribuer 57 000 €.", 'Dit que …']
"""

from __future__ import annotations

import bisect
import re

#: Words after which a period does not end a sentence (compared lower case, without the dot).
ABBREVIATIONS = frozenset("""
    m mm mme mmes mlle mlles me mes dr pr st ste sts stes n no nos art arts al chap cf
    ss sq sqq p pp l r d a o vol éd ed etc ex env av bd boul fg cie ets éts min max
    tél tel fax réf ref coll dép dept mr messrs h hab
""".split())

# A candidate end of sentence.
_END_RE = re.compile(
    r"""
      (?P<stop>[.!?…]+)[»"”)]*(?=\s+[«"“(]?[A-ZÀ-ÖØ-Þ0-9•\-–])   # ". Dit que", "! Le", ". 2°"
    | (?P<semi>[;:])[ \t]*(?=\n)                                # "… ;⏎Vu …", "DÉCIDE :⏎"
    | (?P<nl>)\n(?=[ \t]*(?:[-–•*→▪➢>]\s|(?:ARTICLE|Article)\s+\d|[IVX]+\s*[-–.]\s
                         |(?:Monsieur|Madame|M\.|Mme|MM\.)[ \t]+(?:l[ea][ \t]+)?[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,3}[ \t]*:))
                                                                # a list item or heading starts; a speaker's
                                                                # turn in minutes ("Monsieur PERRAUD : Il faut…")
    | (?P<blank>)\n[ \t]*(?=\n)                                 # an empty line
    """,
    re.X,
)

_WORD_BEFORE_RE = re.compile(r"([\w°]+)\s*$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation or an initial ("M.", "J.-C.")."""
    m = _WORD_BEFORE_RE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    word = m.group(1)
    if word.lower() in ABBREVIATIONS or word.endswith("°"):
        return True
    return len(word) == 1 and word.isalpha()  # an initial: "J. DUPONT", "L. 2121-29"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, leading/trailing whitespace excluded."""
    cuts = [0]
    for m in _END_RE.finditer(text):
        if m.group("stop") is not None:
            if m.group("stop") == "." and _is_abbreviation(text, m.start("stop")):
                continue
            cuts.append(m.end())
        elif m.group("semi") is not None:
            cuts.append(m.end("semi"))
        else:
            cuts.append(m.start())
    cuts.append(len(text))
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


def sentence_at(text: str, offset: int, spans: list[tuple[int, int]] | None = None) -> tuple[int, int]:
    """The span of the sentence holding ``offset`` (pass ``spans`` to reuse a split)."""
    spans = spans if spans is not None else split_sentences(text)
    starts = [a for a, _ in spans]
    i = bisect.bisect_right(starts, offset) - 1
    if 0 <= i < len(spans) and spans[i][0] <= offset < spans[i][1]:
        return spans[i]
    return (offset, offset)
