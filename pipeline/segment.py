"""Stage 2: a Document → its acts (one per deliberation) → each act's sections.

Two shapes of file exist, and the first page says which:

* **an act** ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS", "DÉLIBÉRATION DE LA COMMISSION
  PERMANENTE"), possibly followed by annexes (programme, convention with its own
  "Article 1…", the president's report), or a *recueil* of such acts, each starting with
  the same kind of header at the top of a page;
* **minutes** ("PROCÈS-VERBAL", "COMPTE RENDU DU CONSEIL MUNICIPAL"): a session
  preamble (date, attendance) shared by every item, then numbered items ("2020-038
  SUBVENTION …", "Délibération D2018-67", "DL-056-07-13 - …", "3 - Délégation …"). An
  item is an act when it holds a decision ("après en avoir délibéré", "DÉCIDE", "adopte",
  "à l'unanimité", a tally); information items and the mayor's decisions are not.

Inside an act, sections are found from line-start markers (``SECTION_MARKERS``) in the
order of the text; everything after the signature block of an act that starts a new
page is annex.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from pipeline.model import Act, Document, Section, SectionKind, Span

# ---------------------------------------------------------------------------
# Vocabulary (French administrative usage)
# ---------------------------------------------------------------------------

#: Minutes of a whole meeting rather than the extract of one act.
MINUTES_RE = re.compile(
    r"""proc[eè]s[\s-]*verbal           # PROCÈS-VERBAL, PROCES VERBAL
      | compte[\s-]*rendu\s+(?:de\s+la\s+s[ée]ance|du\s+conseil|de\s+la\s+r[ée]union|sommaire)
      | r[ée]union\s+du\s+conseil\s+municipal\s+du""",
    re.I | re.X,
)

#: The header of one act, at the top of its first page.
ACT_HEADER_RE = re.compile(
    r"""^(?:
        (?i:extrait\s+du\s+(?:registre|proc[eè]s))      # EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS
      | (?i:registre\s+des\s+d[ée]lib[ée]rations)
      | D[ÉE]LIB[ÉE]RATION\s+(?:DE\s+LA|DU|DES|N[°O])    # DÉLIBÉRATION DE LA COMMISSION PERMANENTE (capitals)
      | (?i:d[ée]lib[ée]ration\s+n[°o])                  # Délibération n° 2023-12
    )""",
    re.X | re.M,
)

#: A deliberation number at the start of an item heading in minutes.
_NUMBER = r"""(?:[A-Z]{1,5}[\s_-]?)?\d{2,4}(?:\s?[-_/.]\s?\d{1,4}){1,3}"""

ITEM_HEADING_RES: tuple[re.Pattern[str], ...] = (
    # "Délibération D2018-67", "DELIBERATION N° 2021-045 : …"
    re.compile(rf"^\W{{0,2}}d[ée]lib[ée]ration\s+(?:n[°o]\s*)?(?P<num>{_NUMBER})\b", re.I),
    # "N° DBC 2021-082 - Stratégies …", "N°2020-12 Objet"
    re.compile(rf"^\W{{0,2}}n[°o]\s*(?P<num>{_NUMBER})\s*[-–:.]?\s+\S", re.I),
    # "2020-038 SUBVENTION …", "DL-056-07-13 - Création …", "2020- 047 REDEVANCE"
    re.compile(rf"^(?P<num>{_NUMBER})\s*[-–:]?\s+[A-ZÀ-Ýa-zà-ÿ«\"]"),
)

#: "3 - Délégation …", "1. Exercice des pouvoirs …", "4.\tCIMETIERE …": plain item numbers,
#: kept only where they form the sequence 1, 2, 3… of an agenda.
NUMBERED_ITEM_RE = re.compile(r"^(?P<n>\d{1,2})\s*(?:[.\-–)]|°)\s*(?=[A-ZÀ-Ý«\"a-zà-ÿ])")

#: Number prefixes that are not deliberations: the president's or mayor's decisions
#: taken under delegation ("N° DP 2021-312", "DM-2020-01").
NOT_AN_ACT_NUMBER_RE = re.compile(r"^(?:DP|DM|DEC|AR|ARR)\b", re.I)

#: A decision is taken in this item.
DECISION_RE = re.compile(
    r"""apr[èe]s\s+en\s+avoir\s+d[ée]lib[ée]r[ée]     # après en avoir délibéré
      | apr[èe]s\s+d[ée]lib[ée]ration
      | \bD[ÉE]CIDE(?:NT)?\b | \bD[ÉE]LIB[ÈE]RE\b      # DÉCIDE, DÉLIBÈRE (capitals)
      | \badopt(?:e|é|ée|ent|és)\b
      | \bapprouv(?:e|é|ée|ent)\b\s+(?:par|à)
      | [àa]\s+l['’\s]*unanimit[ée]
      | \bvoix\s+pour\b | \bvote\s*:
      | \bpour\s*:\s*\d+ | \bd[ée]lib[ée]ration\s+prise\b""",
    re.I | re.X,
)

#: Markers that open a section, tried on each line start. Order matters for ties.
SECTION_MARKERS: tuple[tuple[SectionKind, re.Pattern[str]], ...] = (
    (SectionKind.ATTENDANCE, re.compile(
        r"""^\W{0,2}(?:[ÉE]taient\s+pr[ée]sents?|pr[ée]sents?\s*(?::|\(|$)|pr[ée]sent(?:e|s|es)?\s*:
           |absents?\b|excus[ée]s?\b|pouvoirs?\s*:|procurations?\s*:
           |assistai(?:en)?t\s|secr[ée]taire\s+de\s+s[ée]ance|nombre\s+de\s+(?:conseillers|membres|d[ée]l[ée]gu[ée]s)
           |(?:conseillers|d[ée]l[ée]gu[ée]s|membres)\s+en\s+exercice)""", re.I | re.X)),
    (SectionKind.VISAS, re.compile(r"^\W{0,2}vu\b", re.I)),
    (SectionKind.CONSIDERANTS, re.compile(
        r"^\W{0,2}(?:consid[ée]rant|expos[ée]\s*:|EXPOSE\b|rapport\s+de\s|entendu\s+l['’]expos[ée])", re.I)),
    (SectionKind.DECISION, re.compile(
        r"""^\W{0,2}(?:D[ÉE]CIDE(?:NT)?\b|D[ÉE]LIB[ÈE]RE\b|DECISION\s*:|ARR[ÊE]TE\s*:
           |.{0,120}apr[èe]s\s+en\s+avoir\s+d[ée]lib[ée]r[ée])""", re.I | re.X)),
    (SectionKind.ARTICLES, re.compile(r"^\W{0,2}(?:article|art\.)\s*(?:1\s*(?:er)?\b|premier\b|1\b)", re.I)),
    (SectionKind.VOTE, re.compile(
        r"""^\W{0,2}(?:pour\s*:|contre\s*:|abstentions?\s*:|dans\s+les\s+conditions\s+de\s+vote
           |adopt[ée]e?\s+(?:[àa]\s|par\s+\d)|vote\s*:|\(adopt|le\s+conseil\s+adopte|r[ée]sultat\s+du\s+vote)""",
        re.I | re.X)),
    (SectionKind.SIGNATURE, re.compile(
        r"""^\W{0,2}(?:fait\s+(?:à|a|et\s+d[ée]lib[ée]r[ée])|pour\s+extrait|ont\s+sign[ée]
           |l[ea]\s+pr[ée]sidente?\s+du\s+conseil|l[ea]\s+(?:maire|pr[ée]sidente?)\s*,?\s*$
           |[A-ZÀ-Ý][A-ZÀ-Ý' -]+,\s+le\s+\d|acte\s+rendu\s+ex[ée]cutoire|transmis\s+au\s+contr[ôo]le
           |certifi[ée]\s+ex[ée]cutoire)""", re.I | re.X)),
)

#: Order of the sections in an act; visas and considérants may alternate.
_RANK: dict[SectionKind, int] = {
    SectionKind.HEADER: 0, SectionKind.ATTENDANCE: 1, SectionKind.VISAS: 2,
    SectionKind.CONSIDERANTS: 2, SectionKind.DECISION: 3, SectionKind.ARTICLES: 4,
    SectionKind.VOTE: 5, SectionKind.SIGNATURE: 6, SectionKind.ANNEX: 7,
}

#: What an annex page calls itself on its first lines.
ANNEX_LABEL_RE = re.compile(
    r"""^\W{0,2}(?P<label>annexe|convention|rapport|programme|avenant|r[èe]glement|budget|tableau|plan|cahier)""",
    re.I | re.X,
)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


def _lines(doc: Document, span: Span) -> list[_Line]:
    out, pos = [], span.start
    for raw in doc.text[span.start:span.end].replace("\f", "\n").split("\n"):
        if raw.strip():
            out.append(_Line(pos, pos + len(raw), raw.strip()))
        pos += len(raw) + 1
    return out


def _in_furniture(doc: Document, offset: int) -> bool:
    return any(f.start <= offset < f.end for f in doc.furniture)


def act_id_for(doc_id: str, act_index: int) -> str:
    """Stable act id: same file bytes and same position, same id."""
    return hashlib.sha256(f"{doc_id}:{act_index}".encode()).hexdigest()[:24]


# ---------------------------------------------------------------------------
# Acts
# ---------------------------------------------------------------------------


def is_minutes(doc: Document) -> bool:
    """True when the first page presents the file as the minutes of a whole meeting."""
    first = doc.text[doc.pages[0].start:doc.pages[0].end] if doc.pages else doc.text
    head = "\n".join(first.split("\n")[:25])
    return bool(MINUTES_RE.search(head))


def _act_header_starts(doc: Document) -> list[int]:
    """Offsets of act headers standing in the first lines of a page."""
    starts = []
    for p in doc.pages:
        lines = _lines(doc, Span(p.start, p.end))[:12]
        for ln in lines:
            if ACT_HEADER_RE.match(ln.text):
                starts.append(p.start if p is doc.pages[0] else lines[0].start)
                break
    return starts


def _item_headings(doc: Document, lines: list[_Line]) -> list[tuple[int, str | None]]:
    """(line index, number) of the item headings of minutes."""
    found: list[tuple[int, str | None]] = []
    numbered: list[tuple[int, int]] = []
    for i, ln in enumerate(lines):
        if _in_furniture(doc, ln.start):
            continue
        for rx in ITEM_HEADING_RES:
            m = rx.match(ln.text)
            if m and not re.match(r"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b", ln.text):  # a date, not a number
                found.append((i, m.group("num")))
                break
        else:
            m2 = NUMBERED_ITEM_RE.match(ln.text)
            if m2 and len(ln.text) > 6:
                numbered.append((i, int(m2.group("n"))))
    # Plain numbers count only as the longest run 1, 2, 3… (an agenda), not lists inside items.
    best: list[tuple[int, int]] = []
    for k, (i, n) in enumerate(numbered):
        if n != 1:
            continue
        chain, want = [(i, n)], 2
        for j, m in numbered[k + 1:]:
            if m == want:
                chain.append((j, m))
                want += 1
        if len(chain) > len(best):
            best = chain
    if len(best) >= 2 and len(best) >= len(found):
        found = [(i, str(n)) for i, n in best]
    return sorted(found)


def _minutes_acts(doc: Document) -> tuple[list[Span], Span | None]:
    """Act spans of minutes, and the session preamble before the first item."""
    lines = _lines(doc, Span(0, len(doc.text)))
    heads = _item_headings(doc, lines)
    if not heads:
        return [], None
    bounds = [lines[i].start for i, _ in heads] + [len(doc.text)]
    spans = []
    for k, (i, num) in enumerate(heads):
        span = Span(bounds[k], bounds[k + 1])
        if num and NOT_AN_ACT_NUMBER_RE.match(num):
            continue
        if DECISION_RE.search(doc.text[span.start:span.end]):
            spans.append(span)
    preamble = Span(0, bounds[0]) if bounds[0] > 0 else None
    return spans, preamble


def find_act_spans(doc: Document) -> tuple[list[Span], Span | None]:
    """Spans of the acts of ``doc`` and, for minutes, the shared session preamble."""
    if not doc.text.strip():
        return [], None
    headers = _act_header_starts(doc)
    if is_minutes(doc) or not headers:
        spans, preamble = _minutes_acts(doc)
        if spans:
            return spans, preamble
        if not headers:
            # One act without a recognisable header: keep it if it decides something.
            return ([Span(0, len(doc.text))] if DECISION_RE.search(doc.text) else []), None
    if headers[0] != 0:
        headers = [0] + headers if DECISION_RE.search(doc.text[: headers[0]]) else headers
    bounds = headers + [len(doc.text)]
    spans = [Span(bounds[k], bounds[k + 1]) for k in range(len(headers))]
    # a header-like line inside annexes (a copy of a previous act) is not a new act unless
    # the part decides something on its own
    return [s for s in spans if DECISION_RE.search(doc.text[s.start:s.end])] or spans[:1], None


# ---------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------


def _annex_start(doc: Document, span: Span, signature_at: int | None) -> int | None:
    """Where the annexes of an act begin: the first page after the signature block."""
    if signature_at is None:
        return None
    for p in doc.pages:
        if p.start <= signature_at or p.start >= span.end:
            continue
        first = [ln for ln in _lines(doc, Span(p.start, p.end)) if not _in_furniture(doc, ln.start)][:1]
        if first and SECTION_MARKERS[-1][1].match(first[0].text):
            continue  # the signature block runs on (publication lines…)
        return p.start
    return None


def find_sections(doc: Document, span: Span) -> list[Section]:
    """Sections of the act covering ``span``, in text order, annexes last."""
    lines = [ln for ln in _lines(doc, span) if not _in_furniture(doc, ln.start)]
    marks: list[tuple[int, SectionKind]] = []
    current: SectionKind | None = None
    signature_at: int | None = None
    rank = 0
    for ln in lines:
        for kind, rx in SECTION_MARKERS:
            if rx.match(ln.text):
                # Sections come in order: a "Vu" quoted in the articles, or "adopté par
                # délibération" inside a visa, does not open an earlier kind of section.
                if _RANK[kind] < rank:
                    continue
                rank = _RANK[kind]
                if kind is SectionKind.SIGNATURE and signature_at is None:
                    signature_at = ln.start
                if kind is not current:
                    marks.append((ln.start, kind))
                    current = kind
                break
    annex_at = _annex_start(doc, span, signature_at)
    end_own = annex_at if annex_at is not None else span.end
    sections: list[Section] = []
    first = marks[0][0] if marks else end_own
    if first > span.start:
        sections.append(Section(SectionKind.HEADER, Span(span.start, min(first, end_own)), doc))
    marks = [(o, k) for o, k in marks if o < end_own]
    for k, (start, kind) in enumerate(marks):
        stop = marks[k + 1][0] if k + 1 < len(marks) else end_own
        if stop > start:
            sections.append(Section(kind, Span(start, stop), doc))
    if annex_at is not None:
        sections.extend(_annexes(doc, Span(annex_at, span.end)))
    return sections


def _annexes(doc: Document, span: Span) -> list[Section]:
    """Split the annex part into one section per annex (a new one where a page is titled)."""
    starts: list[tuple[int, str]] = []
    for p in doc.pages:
        if p.end <= span.start or p.start >= span.end:
            continue
        lines = [ln for ln in _lines(doc, Span(max(p.start, span.start), p.end))
                 if not _in_furniture(doc, ln.start)][:4]
        label = None
        for ln in lines:
            m = ANNEX_LABEL_RE.match(ln.text)
            if m:
                label = m.group("label").lower().replace("è", "e")
                break
        if label or not starts:
            starts.append((max(p.start, span.start), label or "annexe"))
    out = []
    for k, (start, label) in enumerate(starts):
        stop = starts[k + 1][0] if k + 1 < len(starts) else span.end
        out.append(Section(SectionKind.ANNEX, Span(start, stop), doc, label=label))
    return out


def _preamble_sections(doc: Document, preamble: Span) -> list[Section]:
    secs = []
    for s in find_sections(doc, preamble):
        if s.kind in (SectionKind.HEADER, SectionKind.ATTENDANCE):
            secs.append(Section(s.kind, s.span, doc, shared=True))
    return secs


def segment_document(doc: Document) -> list[Act]:
    """Cut ``doc`` into acts with their sections."""
    spans, preamble = find_act_spans(doc)
    shared = _preamble_sections(doc, preamble) if preamble else []
    acts = []
    for i, span in enumerate(spans):
        own = find_sections(doc, span)
        acts.append(Act(doc=doc, act_index=i, act_id=act_id_for(doc.doc_id, i), span=span,
                        sections=tuple(shared + own)))
    return acts
