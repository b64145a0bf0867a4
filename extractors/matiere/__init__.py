"""ACTES level-2 matière of an act, from its title and its decision.

Reads the title the header extractor found ("Budget principal 2022 - Décision
modificative n°3" → ``7.1`` Décisions budgétaires; "Politique de la ville -
Programmation 2022 du contrat de ville" → ``8.5``; "Attribution de subventions aux
associations culturelles" → ``7.5``) and the operative part ("DÉCIDE : d'attribuer une
subvention de 5 000 € …"). The title's words are reduced to lemmas (spaCy
``fr_core_news_sm`` when installed, else a plain accent-and-plural normaliser) and taken as
written too; the decision's are taken as written, normalised alike (its lemmas cost a fifth
of a run and changed one code of 1 375 acts, on the dev, real and archive corpora of
5 December 2026). Both are matched against the vocabulary of
:mod:`extractors.matiere.vocabulary`; a term found in the title weighs three
times a term found in the decision. No code when nothing matches well enough, or when two
codes tie: a wrong matière is worse than none.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from extractors.matiere.vocabulary import VOCABULARY
from schemas.actes import LEVEL2, matiere_name
from extractors.registry import ActFields, Found, extractor
from pipeline.errors import IssueLog
from pipeline.model import Act, SectionKind

#: The themes (8.x "domaines de compétences par thèmes", 9.x others): ACTES files an act
#: under them only when it is none of the kinds of act of 1.x–7.x (a contract, a post, a
#: sale, a budget, a grant …).
THEMES = ("8.", "9.")
TITLE_WEIGHT = 3.0
MIN_SCORE = 4.0  # a term of weight 2 in the title, or strong terms in the decision
DECISION_CHARS = 4000  # the operative part is short; long tables add only noise

_WORD = re.compile(
    r"""[^\W\d_]+   # a run of letters: "subventions", "l'" is split at the apostrophe
    """, re.VERBOSE)

_STOP = frozenset(
    "a au aux d de des du en et l la le les pour par sur un une the n o son sa ses leur leurs "
    "dans avec".split())


def _plain(word: str) -> str:
    """Lower case, accents removed, "œ" spelt out, a final plural "s"/"x" dropped."""
    word = word.lower().replace("œ", "oe").replace("æ", "ae")
    word = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    if len(word) > 3 and word[-1] in "sx" and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


@functools.lru_cache(maxsize=1)
def _nlp():  # noqa: ANN202 - spaCy Language or None
    try:
        import spacy

        return spacy.load("fr_core_news_sm", disable=["parser", "ner"])
    except (ImportError, OSError):
        return None


def lemmas(text: str) -> list[str]:
    """Normalised lemmas of ``text`` without stop words.

    >>> lemmas("Attribution de subventions aux associations")
    ['attribution', 'subvention', 'association']
    """
    nlp = _nlp()
    if nlp is not None:
        words = []
        for t in nlp(text[:20000].lower()):
            if _WORD.fullmatch(t.text):
                words.append(t.lemma_ or t.text)
            else:  # "non-valeur", "centre-ville": the words of a compound, as written
                words.extend(_WORD.findall(t.text))
    else:
        words = _WORD.findall(text)
    out = []
    for w in words:
        for part in _WORD.findall(w):  # "l'association" as one token with some models
            p = _plain(part)
            if p not in _STOP and len(p) > 1:
                out.append(p)
    return out


def words(text: str) -> list[str]:
    """The words of ``text`` as written, normalised like lemmas, without stop words."""
    return [p for p in (_plain(w) for w in _WORD.findall(text)) if p not in _STOP and len(p) > 1]


@functools.lru_cache(maxsize=1)
def _terms() -> dict[str, list[tuple[tuple[str, ...], float]]]:
    return {code: [(tuple(_plain(w) for w in term.split() if _plain(w) not in _STOP), weight)
                   for term, weight in terms]
            for code, terms in VOCABULARY.items()}


def _grams(seq: list[str], sizes: frozenset[int]) -> set[tuple[str, ...]]:
    """Every run of ``sizes`` consecutive words of ``seq``: a term is met when it is one."""
    return {tuple(seq[i:i + n]) for n in sizes for i in range(len(seq) - n + 1)}


@functools.lru_cache(maxsize=1)
def _term_sizes() -> frozenset[int]:
    return frozenset(len(term) for terms in _terms().values() for term, _ in terms)


@dataclass(frozen=True)
class Matiere:
    code: str
    name: str  # SCDL DELIB_MATIERE_NOM, e.g. "finances locales/subventions"
    confidence: float  # 0-1


def classify(title: str | None, decision: str | None = None) -> Matiere | None:
    """The ACTES matière of an act from its title and decision text, or None.

    >>> classify("Budget principal 2022 - Décision modificative n°3").code
    '7.1'
    """
    # a term is met in the lemmas or in the words as written: the small model's lemmas
    # slip on administrative words ("déclassement" → "déclassemer")
    sizes = _term_sizes()
    in_title = _grams(lemmas(title or ""), sizes) | _grams(words(title or ""), sizes)
    # the decision on its words as written: lemmatising its 4 000 characters was a fifth of
    # a run's time; without it, one code of the 1 375 acts of the dev, real and archive
    # corpora changed (7.1 -> 7.5 for a "subvention d'équilibre au budget annexe") and the
    # confidence of 23; the matière sheet of the real corpus scores the same
    in_decision = _grams(words((decision or "")[:DECISION_CHARS]), sizes)
    scores: dict[str, float] = {}
    for code, terms in _terms().items():
        score = 0.0
        for term, weight in terms:
            if term in in_title:
                score += weight * TITLE_WEIGHT
            elif term in in_decision:
                score += weight
        if score:
            scores[code] = score
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    # what the act does before the policy area it serves: a works contract for the sewers
    # is 1.1 (not 8.8), a budget of the water service 7.1, a seasonal post 4.2
    acting = [kv for kv in ranked if not kv[0].startswith(THEMES) and kv[1] >= MIN_SCORE]
    if acting:
        rivals = acting[1:]  # a tie between two kinds of act is a doubt; a theme is not a rival
    else:
        rivals = ranked[1:]
    best_code, best = acting[0] if acting else ranked[0]
    second = rivals[0][1] if rivals else 0.0
    if best < MIN_SCORE or best == second:
        return None
    # a theme that scores close still lowers the confidence
    nearest = max((v for c, v in ranked if c != best_code), default=0.0)
    confidence = round((best / (best + nearest)) * min(1.0, best / (2 * MIN_SCORE)), 3)
    return Matiere(best_code, matiere_name(best_code), confidence)


@extractor("matiere", feeds=("acts",))
def extract_matiere(act: Act, found: Found, issues: IssueLog) -> list[ActFields]:
    """ActFields(matiere_code, matiere_name, matiere_confidence) of the act, when classified."""
    decision = " ".join(s.text for s in act.sections_of(SectionKind.DECISION, SectionKind.ARTICLES)
                        if not s.shared)
    result = classify(found.field("title"), decision)
    if result is None:
        return []
    assert result.code in LEVEL2
    return [ActFields({"matiere_code": result.code, "matiere_name": result.name,
                       "matiere_confidence": result.confidence})]
