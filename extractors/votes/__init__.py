"""Votes: one row per vote position printed, and the tally columns of the act.

Reads the act's own vote statement, whatever its form::

    Pour : 41 voix (Groupe Socialiste, Républicain et Citoyen ; Non-inscrit)
    Contre : 0 voix
    Abstention: 1 voix (Groupe Union pour le Pas-de-Calais)
    (Adopte)

    Adopté à la majorité : 25 pour, 3 contre, 2 abstentions
    (Contre : Mme Céline GAILLARD, Mme Corinne DECOCK - Abstentions : Mme Solène JOLY)

    Le Conseil Municipal, après en avoir délibéré, à l'unanimité, DÉCIDE :
    Vote : 1 ABSTENTION (C.BOURRETTE) — 11 POUR
    POUR	19 / CONTRE	1 (Jean Marie SALANON) / ABSTENTION 1 (Sébastien MAYOR)
    Le Conseil communautaire, après en avoir délibéré, avec 76 voix pour, 0 contre et 2 abstentions :

Only the act's own statement counts: not the visas, not the annexes, not the election
results of a secret ballot ("M. X : 27 voix"), not earlier votes quoted in an exposé.
``unanimous`` and ``outcome`` are set only from what the text says; "à l'unanimité"
alone gives no vote rows and null counts.

The checks ``vote_sum``, ``voters_in_office`` and ``unanimity`` live here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.votes import patterns as V
from extractors.quality import quality_check, result
from extractors.registry import ActFields, Found, extractor
from pipeline.errors import IssueLog
from pipeline.model import Act, SectionKind, Span
from pipeline.normalize.names import parse_person, same_person
from schemas.rows import QualityRow, VoteRow

FOR, AGAINST, ABSTAIN, NOT_VOTING = "for", "against", "abstain", "not_voting"
POSITIONS = (FOR, AGAINST, ABSTAIN, NOT_VOTING)

#: Sections whose text may hold the act's vote, by preference.
_VOTE_KINDS = (SectionKind.VOTE,)
_OTHER_KINDS = (SectionKind.HEADER, SectionKind.CONSIDERANTS, SectionKind.DECISION,
                SectionKind.ARTICLES, SectionKind.SIGNATURE, SectionKind.ATTENDANCE)


@dataclass
class Tally:
    """A vote statement read from the text."""

    counts: dict[str, int] = field(default_factory=dict)
    groups: dict[str, list[str]] = field(default_factory=dict)
    persons: dict[str, list[str]] = field(default_factory=dict)
    unanimous: bool | None = None
    outcome: str | None = None
    start: int = 0
    end: int = 0


def position_of(word: str) -> str:
    w = word.lower()
    if w.startswith("pour"):
        return FOR
    if w.startswith("contre"):
        return AGAINST
    if w.startswith("abst"):
        return ABSTAIN
    return NOT_VOTING


def number(text: str) -> int | None:
    t = text.strip().lower()
    if t == "o":
        return 0  # OCR reads "0 voix" as "O voix"
    if t.isdigit():
        return int(t)
    return V.NUMBER_WORDS.get(t)


# ---------------------------------------------------------------------------
# Names behind a position
# ---------------------------------------------------------------------------


def _split_names(inner: str) -> list[str]:
    inner = re.sub(r"\s+", " ", inner).strip()
    return [p.strip(" .") for p in re.split(r"\s*[;,]\s*|\s+[-–—]+\s+|\s*[–—]+\s*|\s+et\s+", inner) if p.strip(" .")]


def _classify(inner: str, attendance: list[str]) -> tuple[list[str], list[str]]:
    """Groups and persons named in a parenthesis after a position."""
    flat = re.sub(r"\s+", " ", inner).strip()
    if V.GROUP_RE.search(flat):
        # groups are printed with commas inside their names: split on ";" (OCR: " : ")
        return [g.strip(" .") for g in re.split(r"\s*;\s*|\s+:\s+", flat) if g.strip(" .")], []
    persons = []
    for name in _split_names(flat):
        p = parse_person(name)
        if not p.last_name or re.search(r"\d", name):
            return [], []
        persons.append(_resolve(p.full_name or name, attendance))
    return [], persons


def _resolve(name: str, attendance: list[str]) -> str:
    """The attendance list's spelling of ``name`` when exactly one member matches."""
    person = parse_person(name)
    hits = [a for a in attendance if same_person(person, parse_person(a))]
    return hits[0] if len(hits) == 1 else name


def _labelled_names(inner: str, tally: Tally, attendance: list[str]) -> bool:
    """Read "(Contre : Mme X, Mme Y - Abstentions : Mme Z)" into ``tally``; True if it was one."""
    labels = list(V.NAMES_LABEL_RE.finditer(inner))
    if not labels:
        return False
    for k, m in enumerate(labels):
        stop = labels[k + 1].start() if k + 1 < len(labels) else len(inner)
        pos = position_of(m.group("pos"))
        groups, persons = _classify(inner[m.end():stop].strip(" -–—\n"), attendance)
        if groups:
            tally.groups.setdefault(pos, []).extend(groups)
        if persons:
            tally.persons.setdefault(pos, []).extend(persons)
    return True


# ---------------------------------------------------------------------------
# Finding the statement
# ---------------------------------------------------------------------------


def _sentence_before(text: str, at: int, size: int = 250) -> str:
    chunk = text[max(0, at - size):at]
    cut = max(chunk.rfind("."), chunk.rfind(";"), chunk.rfind("!"), chunk.rfind("?"))
    return chunk[cut + 1:] if cut >= 0 else chunk


def _matches(text: str) -> list[re.Match[str]]:
    """Position/count matches, earliest first, overlaps dropped."""
    found = sorted(list(V.LABEL_FIRST_RE.finditer(text)) + list(V.COUNT_FIRST_RE.finditer(text)),
                   key=lambda m: (m.start(), -m.end()))
    out: list[re.Match[str]] = []
    for m in found:
        if out and m.start() < out[-1].end():
            continue
        if number(m.group("n")) is None:
            continue
        out.append(m)
    return out


def _gap(text: str) -> int:
    """Length of the text between two tally matches, parentheses (names) left out."""
    return len(re.sub(r"\([^()]*\)", "", text).strip(" \t\n,;.:-–—/et"))


def find_tallies(text: str, in_vote_section: bool, attendance: list[str]) -> list[Tally]:
    """Every vote tally of ``text`` that stands in a vote statement."""
    tallies: list[Tally] = []
    cluster: list[re.Match[str]] = []
    for m in _matches(text) + [None]:  # type: ignore[list-item]
        if m is not None and cluster and _gap(text[cluster[-1].end():m.start()]) <= 25:
            cluster.append(m)
            continue
        if cluster:
            t = _tally_of(text, cluster, in_vote_section, attendance)
            if t:
                tallies.append(t)
        cluster = [m] if m is not None else []
    return tallies


def _tally_of(text: str, cluster: list[re.Match[str]], in_vote_section: bool,
              attendance: list[str]) -> Tally | None:
    positions = [position_of(m.group("pos")) for m in cluster]
    before = _sentence_before(text, cluster[0].start())
    has_voix = any(re.search(r"voix|\t", m.group(0), re.I) for m in cluster)
    after_unanimity = bool(re.search(r"unanimit", before, re.I))  # "A L'UNANIMITE des votants (31 voix), 8 abstentions"
    if len(set(positions)) < 2 and not (in_vote_section or after_unanimity
                                        or (has_voix and V.TALLY_CONTEXT_RE.search(before))):
        return None
    if not in_vote_section and V.QUOTE_RE.search(before) and not V.TALLY_CONTEXT_RE.search(before):
        return None
    t = Tally(start=cluster[0].start(), end=cluster[-1].end())
    for m, pos in zip(cluster, positions):
        if pos in t.counts:
            continue
        t.counts[pos] = number(m.group("n")) or 0
        # names right after the count: "Pour : 41 voix (Groupe …)", "2 voix contre (M. X, Mme Y)"
        p = V.PAREN_RE.match(text, m.end())
        if p and not V.NAMES_LABEL_RE.search(p.group("inner")):
            groups, persons = _classify(p.group("inner"), attendance)
            if groups:
                t.groups[pos] = groups
            if persons:
                t.persons[pos] = persons
            t.end = max(t.end, p.end())
    # a names block after the tally: "(Contre : Mme X, … - Abstentions : Mme Y)"
    tail = text[t.end:t.end + 600]
    p = re.match(r"\s*[(\[](?P<inner>[^()\[\]]{1,600})[)\]]", tail)
    if p and _labelled_names(p.group("inner"), t, attendance):
        t.end += p.end()
    return t


def find_unanimity(text: str, in_vote_section: bool) -> re.Match[str] | None:
    """The first "à l'unanimité" of ``text`` that states this act's vote."""
    for m in V.UNANIMITY_RE.finditer(text):
        before = _sentence_before(text, m.start())
        if V.QUOTE_RE.search(before) and not re.search(r"apr[èe]s\s+(?:en\s+)?avoir\s+d[ée]lib[ée]r", before, re.I):
            continue
        if in_vote_section or V.UNANIMITY_CONTEXT_RE.search(before):
            return m
    return None


#: A vote statement is short: a vote section is read this far (an annex the segmenter left
#: in it must not give its numbers).
VOTE_WINDOW = 800


def _own_sections(act: Act, kinds: tuple[SectionKind, ...]) -> list[tuple[Span, str]]:
    out = []
    for s in act.sections:
        if s.kind in kinds and not s.shared:
            span = Span(s.span.start, min(s.span.end, s.span.start + VOTE_WINDOW)) \
                if s.kind is SectionKind.VOTE else s.span
            out.append((span, act.doc.clean(span)))
    return out


def read_vote(act: Act, attendance: list[str] | None = None) -> Tally | None:
    """The act's vote, or None when its text states none."""
    attendance = attendance or []
    for kinds, in_vote in ((_VOTE_KINDS, True), (_OTHER_KINDS, False)):
        chunks = _own_sections(act, kinds)
        if not chunks:
            continue
        text = "\n".join(t for _, t in chunks)
        tallies = find_tallies(text, in_vote, attendance)
        unan = find_unanimity(text, in_vote)
        if not tallies and not unan:
            if in_vote and V.ADOPTED_RE.search(text):
                return _finish(Tally(outcome="adopted"), text)
            continue
        if tallies and unan and abs(tallies[0].start - unan.start()) > 300:
            # two statements far apart (an item the segmenter did not split): the first wins
            if tallies[0].start < unan.start():
                unan = None
            else:
                tallies = []
        tally = tallies[0] if tallies else Tally(start=unan.start(), end=unan.end())  # type: ignore[union-attr]
        if unan:
            after = text[unan.end():unan.end() + 60]
            n = re.match(r"\s*(?:des?\s+[\w\s]{0,30}?)?\(\s*(\d{1,3})\s*voix\s*\)", after)
            if n and FOR not in tally.counts:
                tally.counts[FOR] = int(n.group(1))
            tally.unanimous = tally.counts.get(AGAINST, 0) == 0 or None
        return _finish(tally, text)
    # no vote statement in the act's own sections: "Le Conseil Adopte." anywhere in the body
    body = act.doc.clean(act.body_span)
    if re.search(r"^\W{0,3}\(?\s*adopt[ée]e?s?\s*\)?\s*\.?\s*$|\ble\s+conseil\s+(?:\w+\s+)?adopte\s*\.", body, re.I | re.M):
        return Tally(outcome="adopted")
    return None


def _finish(t: Tally, text: str) -> Tally:
    if t.unanimous is None and (t.counts.get(AGAINST, 0) > 0 or t.counts.get(ABSTAIN, 0) > 0):
        t.unanimous = False
    window = text[max(0, t.start - 200):t.end + 200]
    if V.REJECTED_RE.search(window):
        t.outcome = "rejected"
    elif FOR in t.counts and t.counts[FOR] != t.counts.get(AGAINST, 0):
        # a majority of the votes cast decides (CGCT L.2121-20); a tie is left unsaid
        t.outcome = "adopted" if t.counts[FOR] > t.counts.get(AGAINST, 0) else "rejected"
    elif t.unanimous or V.ADOPTED_RE.search(window) or re.search(r"\bmajorit[ée]", window, re.I):
        t.outcome = t.outcome or "adopted"
    return t


# ---------------------------------------------------------------------------
# The extractor
# ---------------------------------------------------------------------------


@extractor("votes", feeds=("votes", "acts"))
def extract_votes(act: Act, found: Found, issues: IssueLog) -> list[VoteRow | ActFields]:
    """Vote rows of the act, and its columns votes_for … outcome."""
    names = [r.full_name for r in found.get("attendance") if r.full_name]
    tally = read_vote(act, names)
    if tally is None:
        return []
    rows: list[VoteRow | ActFields] = []
    page = act.page_end
    for pos in POSITIONS:
        if pos in tally.counts:
            rows.append(VoteRow(act.act_id, act.doc.doc_id, pos, tally.counts[pos],
                                tally.groups.get(pos, []), tally.persons.get(pos, []), page))
    rows.append(ActFields({
        "votes_for": tally.counts.get(FOR), "votes_against": tally.counts.get(AGAINST),
        "votes_abstain": tally.counts.get(ABSTAIN), "votes_not_voting": tally.counts.get(NOT_VOTING),
        "unanimous": tally.unanimous, "outcome": tally.outcome,
    }))
    return rows


# ---------------------------------------------------------------------------
# Quality checks
# ---------------------------------------------------------------------------


def _counts(found: Found) -> tuple[int | None, int | None, int | None, int | None]:
    return (found.field("votes_for"), found.field("votes_against"), found.field("votes_abstain"),
            found.field("votes_not_voting"))


@quality_check("vote_sum")
def check_vote_sum(act: Act, found: Found) -> list[QualityRow]:
    """For + against + abstentions equal the printed number of voters."""
    voting = found.field("members_voting")
    f, a, ab, nv = _counts(found)
    if voting is None or f is None:
        return []
    total = f + (a or 0) + (ab or 0)
    ok = total == voting or (nv is not None and total + nv == voting)
    return [result(act, "vote_sum", ok, f"for {f} + against {a or 0} + abstain {ab or 0} = {total}; "
                   f"members voting {voting}" + (f"; not voting {nv}" if nv is not None else ""))]


@quality_check("voters_in_office")
def check_voters_in_office(act: Act, found: Found) -> list[QualityRow]:
    """No more voters (or votes) than members in office."""
    office = found.field("members_in_office")
    f, a, ab, nv = _counts(found)
    voting = found.field("members_voting")
    votes = None if f is None else f + (a or 0) + (ab or 0) + (nv or 0)
    if office is None or (voting is None and votes is None):
        return []
    worst = max(v for v in (voting, votes) if v is not None)
    return [result(act, "voters_in_office", worst <= office,
                   f"members voting {voting}, votes counted {votes}, members in office {office}")]


@quality_check("unanimity")
def check_unanimity(act: Act, found: Found) -> list[QualityRow]:
    """A unanimous vote has no vote against."""
    unanimous = found.field("unanimous")
    if unanimous is not True:
        return []
    against = found.field("votes_against")
    return [result(act, "unanimity", not against,
                   f"unanimous with {against or 0} votes against")]
