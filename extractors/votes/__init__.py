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
alone gives no vote rows and null counts. ``unanimous`` is false whenever a vote against or
an abstention is counted or named, whatever "unanimité" says beside it ("à l'unanimité moins
deux abstentions", "à l'unanimité des suffrages exprimés (2 abstentions : …)": the answer
sheets mark every act with abstentions not unanimous), and for a decision said to be taken
by a majority ("adoptée à la majorité", "à la majorité absolue"), counted or not.

Members named for a position without a count ("Ont voté contre : M. X, Mme Y.", "M. Z,
intéressé à l'affaire, ne prend pas part au vote.", "Adopté à la majorité, Mme W votant
contre.") give a row whose count is their number — null when proxies are counted beside
them ("M. X et son pouvoir", "Mme Y (représentée)"). A member's position told in the exposé
before the deliberation is not read ("Nathalie ROCA informe que Dominique BARBE ne prend pas
part au vote": no count, as its answer sheet has it). An amendment's vote is not the act's.

The checks ``vote_sum``, ``voters_in_office`` and ``unanimity`` live here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.votes import patterns as V
from extractors.quality import quality_check, result
from extractors.registry import ActFields, Found, extractor
from pipeline.errors import IssueLog
from pipeline.model import Act, SectionKind, Span, strip_accents
from pipeline.normalize.names import PARTICLES, is_person_shaped, parse_person, same_person
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

    #: a position's count: printed, or the number of the members named for it; None when they
    #: are named with proxies counted beside them ("M. X et son pouvoir")
    counts: dict[str, int | None] = field(default_factory=dict)
    groups: dict[str, list[str]] = field(default_factory=dict)
    persons: dict[str, list[str]] = field(default_factory=dict)
    unanimous: bool | None = None
    outcome: str | None = None
    start: int = 0
    end: int = 0
    #: where each position's count is printed: offsets in the text read, then (once
    #: :func:`read_vote` has placed them) in the document
    at: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: the position whose count decided the outcome (a majority for, or against)
    outcome_from: str | None = None
    #: the text says "à l'unanimité" (the decision passed, "moins deux abstentions" or not)
    unanimity_said: bool = False
    #: the counts stand for positions printed ("Pour : 15"), which make vote rows; a ballot
    #: between options prints none (:func:`read_option_ballot`): its counts go to the act only
    rows: bool = True


def position_of(word: str) -> str:
    """The position a label or a verb names: "Pour", "contre", "Abstentions", "s'étant
    abstenue", "ont voté contre", "ne prend pas part au vote" (no word of the others)."""
    w = word.lower()
    if "abst" in w:
        return ABSTAIN
    if re.search(r"\bcontre\b", w):
        return AGAINST
    if re.search(r"\bpour\b", w):
        return FOR
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
    plural = re.match(r"(?i)groupes\s+", flat)
    if plural and not re.search(r"(?i)\bgroupe\b", flat):
        # "Groupes Bretagne Avenir, Hissons haut la Bretagne": the names of several groups
        return [g for g in re.split(r"\s*[;,]\s*|\s+et\s+", flat[plural.end():].strip(" .")) if g], []
    if V.GROUP_RE.search(flat):
        # groups are printed with commas inside their names: split on ";" (OCR: " : "), and
        # before each "groupe" that opens another ("groupe Saint-Martin Avenir, groupe Divers
        # gauche"); a part that lists persons is the group's members ("groupe Ensemble pour
        # Saint-Martin : M. Ronan FAVÉ, Mme Lena PERON")
        groups, persons = [], []
        for part in V.GROUP_SPLIT_RE.split(flat):
            part = part.strip(" .")
            if not part:
                continue
            members = _split_names(part)
            if not V.GROUP_RE.search(part) and all(is_person_shaped(n) and not parse_person(n).unclear
                                                   for n in members):
                persons.extend(_resolve(parse_person(n).full_name or n, attendance) for n in members)
            else:
                groups.append(part)
        return groups, persons
    persons, groups = [], []
    flat = V.PROXY_MENTION_RE.sub("", flat)  # "M. Ronan FAVÉ et son pouvoir": the member only
    for name in _split_names(flat):
        proxy = V.PROXY_VOTER_RE.match(name)
        name = proxy.group("name") if proxy else name  # "pouvoir de monsieur Julien PONS à …"
        p = parse_person(name)
        if not p.last_name or re.search(r"\d", name):
            return [], []
        resolved = _resolve(p.full_name or name, attendance)
        if proxy or is_person_shaped(name) or resolved in attendance or len(name.split()) == 1:
            persons.append(resolved)
        elif V.GROUP_PHRASE_RE.fullmatch(name) and not V.PERSON_INSIDE_RE.search(name):
            groups.append(name)  # "(Les Écologistes de Bretagne)": a group's name, no person's
        elif attendance or not re.fullmatch(r"(?:[A-ZÀ-Ý][\w'’-]*\s?){2,3}", name):
            return [], []  # "Bretagne Avenir" and no such member, "ROCHE absent n'a pas voté": say nothing
        else:
            persons.append(resolved)  # "Yves Nicolin" where no attendance list was read
    return groups, persons


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


@dataclass(frozen=True)
class _Count:
    """One count of a "N voix contre M" duel, read as the position/count matches are."""

    text: str
    span: tuple[int, int]
    n_span: tuple[int, int]
    pos: str
    re: re.Pattern[str] = V.VERSUS_RE

    def group(self, name: str | int = 0) -> str:
        if name == "pos":
            return self.pos
        if name == "n":
            return self.text[self.n_span[0]:self.n_span[1]]
        return self.text[self.span[0]:self.span[1]]

    def start(self, name: str | int = 0) -> int:
        return self.n_span[0] if name == "n" else self.span[0]

    def end(self, name: str | int = 0) -> int:
        return self.n_span[1] if name == "n" else self.span[1]


def _duels(text: str) -> tuple[list[_Count], list[tuple[int, int]]]:
    """Counts of "par 15 voix contre 3" (15 for, 3 against), and the spans of the duels
    read no further: one whose sentence rejects ("rejette, par 12 voix contre 5, …": the
    12 are against the proposal, or for the rejection — a null is better than a guess)."""
    counts: list[_Count] = []
    spans: list[tuple[int, int]] = []
    for m in V.VERSUS_RE.finditer(text):
        spans.append((m.start("n"), m.end()))
        start = max(text.rfind(".", 0, m.start()), text.rfind(";", 0, m.start()), text.rfind("\n\n", 0, m.start()))
        stop = min([k for k in (text.find(".", m.end()), text.find(";", m.end())) if k >= 0] or [len(text)])
        if V.REJECTED_RE.search(text[start + 1:stop]) or re.search(r"\brefus", text[start + 1:stop], re.I):
            continue
        counts.append(_Count(text, (m.start("n"), m.start("against")), (m.start("n"), m.end("n")), "pour"))
        counts.append(_Count(text, (m.start("against"), m.end()), (m.start("m"), m.end("m")), "contre"))
    return counts, spans


def _matches(text: str) -> list[re.Match[str]]:
    """Position/count matches, earliest first, overlaps dropped."""
    duels, duel_spans = _duels(text) if V.VERSUS_RE.search(text) else ([], [])
    counted_first = [m for m in V.COUNT_FIRST_RE.finditer(text)
                     # "soit 25 voix" / "Contre : …", "Votants	29" / "Pour	25": a count does not run
                     # over a line end into the next label
                     if not ("\n" in text[m.start("n"):m.start("pos")]
                             and re.match(r"[^\S\n]*(?::|\t|[^\S\n]\d)", text[m.end():]))]
    found = sorted(list(V.GROUP_LIST_RE.finditer(text)) + list(V.LABEL_FIRST_RE.finditer(text)) + counted_first
                   + list(V.MEMBERS_POSITION_RE.finditer(text))
                   + [m for m in V.GROUP_COUNT_LINE_RE.finditer(text) if V.GROUP_RE.search(m.group("name"))],
                   key=lambda m: (m.start(), -m.end()))
    # a duel's counts stand for the position/count matches inside it
    found = sorted([m for m in found if not any(a <= m.start() < b or a < m.end() <= b for a, b in duel_spans)]
                   + duels, key=lambda m: (m.start(), -m.end()))  # type: ignore[arg-type, operator]
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
    # "décide à la majorité des membres présents (2 abstentions)", "adopté à la majorité (3 contre)"
    after_majority = bool(V.MAJORITY_RE.search(before[-80:]))
    if len(set(positions)) < 2 and not (in_vote_section or after_unanimity or after_majority
                                        or (has_voix and V.TALLY_CONTEXT_RE.search(before))):
        return None
    if not in_vote_section and V.QUOTE_RE.search(before) and not V.TALLY_CONTEXT_RE.search(before):
        return None
    t = Tally(start=cluster[0].start(), end=cluster[-1].end())
    for m, pos in zip(cluster, positions):
        if pos in t.counts:
            continue
        t.counts[pos] = number(m.group("n")) or 0
        t.at[pos] = (m.start("n"), m.end("n"))  # a figure, a number word, or OCR's "O" for 0
        if "groups" in m.re.groupindex:
            # "Pour : Groupe Grand Est Territoires (19), Groupe Grand Est en Commun (6), soit 25 voix"
            t.groups[pos] = [g.group("name").strip(" ,;–—-") for g in V.GROUP_COUNT_RE.finditer(m.group("groups"))]
            continue
        # names right after the count: "Pour : 41 voix (Groupe …)", "2 voix contre (M. X, Mme Y)"
        p = V.PAREN_RE.match(text, m.end())
        if p and not V.NAMES_LABEL_RE.search(p.group("inner")):
            groups, persons = _classify(p.group("inner"), attendance)
            if groups:
                t.groups[pos] = groups
            if persons:
                t.persons[pos] = persons
            t.end = max(t.end, p.end())
        elif text[max(0, m.start() - 2):m.start()].rstrip().endswith("("):
            # "(2 abstentions : M. Paul DURAND, Mme Anne PETIT)": the names after a colon inside
            c = re.match(r"[^\S\n]*:[^\S\n]*(?P<inner>[^()\n]{3,400}?)[^\S\n]*\)", text[m.end():])
            if c:
                groups, persons = _classify(c.group("inner"), attendance)
                if groups:
                    t.groups[pos] = groups
                if persons:
                    t.persons[pos] = persons
    # a names block after the tally: "(Contre : Mme X, … - Abstentions : Mme Y)"
    tail = text[t.end:t.end + 600]
    p = re.match(r"\s*[(\[](?P<inner>[^()\[\]]{1,600})[)\]]", tail)
    if p and _labelled_names(p.group("inner"), t, attendance):
        t.end += p.end()
    return t


def read_vote_table(text: str) -> Tally | None:
    """A vote table by group: a header of positions, one row per group, a total row::

        Ne prend pas
        Groupe	Pour	Contre	Abstention
        part au vote
        Groupe Hauts-de-France en Mouvement	66	–	–	1
        Groupe Rassemblement National	–	32	–	–
        Total	107	32	28	1

    Counts come from the total row (else the sum of the rows); a group stands under each
    position where its cell holds a count. A header cell wrapped around the header line
    ("Ne prend pas" / "part au vote") names the column the header line lacks.
    """
    m = V.VOTE_TABLE_HEADER_RE.search(text)
    if not m:
        return None
    cols = [position_of(c.strip()) for c in m.group(0).split("\t")[1:] if c.strip()]
    # the rest of the header line and the lines around it: "Ne prend pas / part au vote",
    # or OCR's "Ne part prend au vote pas" in one cell
    line_end = text.find("\n", m.end())
    around = text[max(0, m.start() - 60):(line_end if line_end >= 0 else len(text)) + 60]
    rows: list[tuple[str, list[int | None]]] = []
    total: list[int | None] | None = None
    total_at: list[tuple[int, int]] = []  # the total row's cells, where its counts are printed
    end = m.end()
    for line in text[m.end():].split("\n")[:40]:
        pos_after = end + len(line) + 1
        cells = [c for c in line.split("\t")]
        if len(cells) < 2:
            if rows:
                break
            end = pos_after
            continue  # the wrapped end of a header cell ("part au vote")
        values = cells[1:]
        if not all(V.TABLE_CELL_RE.match(v) for v in values):
            break
        nums = [int(v) if v.strip().isdigit() else None for v in values]
        label = cells[0].strip()
        if label.isdigit():
            break  # "29 | 25 | 2 | 2" under "Votants | Pour | …": a boxed tally, no group
        if re.match(r"(?i)total", label):
            total = nums
            a = end + len(cells[0]) + 1
            for v in values:
                lead = len(v) - len(v.lstrip())
                total_at.append((a + lead, a + len(v.rstrip())))
                a += len(v) + 1
            end = pos_after
            break
        rows.append((label, nums))
        end = pos_after
    if not rows:
        return None
    width = max(len(n) for _, n in rows)
    if width == len(cols) + 1 and NOT_VOTING not in cols and (re.search(r"(?i)\bnppv\b", around)
                                                                   or (re.search(r"(?i)\bpart\b", around) and re.search(r"(?i)\bvote\b", around))):
        cols = cols + [NOT_VOTING]
    if width != len(cols):
        return None
    t = Tally(start=m.start(), end=end)
    for k, pos in enumerate(cols):
        groups = [label for label, nums in rows if k < len(nums) and nums[k]]
        count = total[k] if total and k < len(total) and total[k] is not None else \
            sum(nums[k] or 0 for _, nums in rows if k < len(nums))
        if total is not None or count:
            t.counts[pos] = count or 0
            if total and k < len(total) and total[k] is not None:
                t.at[pos] = total_at[k]
        if groups:
            t.groups[pos] = groups
    return t if t.counts else None


def read_boxed_tally(text: str) -> Tally | None:
    """A tally in a box, positions over counts ("Votants	Pour	Contre	Abstentions" /
    "29	25	2	2"), or None."""
    m = V.BOXED_TALLY_RE.search(text)
    if not m:
        return None
    heads = [h.strip() for h in m.group("head").split("\t")]
    counts = [int(c) for c in m.group("counts").split("\t")]
    if len(heads) != len(counts):
        return None
    t = Tally(start=m.start(), end=m.end())
    a = m.start("counts")
    for h, cell in zip(heads, m.group("counts").split("\t")):
        lead = len(cell) - len(cell.lstrip())
        n, at = int(cell), (a + lead, a + len(cell.rstrip()))
        a += len(cell) + 1
        if re.match(r"(?i)pour|contre|abst|ne\s+prend|n['’]ont|non|nppv|refus", h):
            pos = position_of(h) if not h.lower().startswith("nppv") else NOT_VOTING
            if pos not in t.counts:
                t.counts[pos], t.at[pos] = n, at
    return t if len(t.counts) >= 2 else None


def roll_call(text: str, attendance: list[str]) -> dict[str, tuple[int | None, list[str]]]:
    """Names behind each position of a vote by roll call ("Ont voté pour (35) : Mme X (par
    pouvoir), M. Y, …", "Votent contre : M. Ronan FAVÉ, Mme Lena PERON."), with the count
    printed in parentheses — else the number of names when the list names persons plainly
    (every name a person's, no proxy counted: "(par pouvoir)", "représenté"), else None."""
    out: dict[str, tuple[int | None, list[str]]] = {}
    labels = list(V.ROLL_CALL_RE.finditer(text))
    for k, m in enumerate(labels):
        stop = labels[k + 1].start() if k + 1 < len(labels) else len(text)
        body = text[m.end():stop]
        end = re.search(r"(?<!\bM)(?<!\bMM)\.\s*(?:\n|$)", body)  # the list ends with its full stop, not "M."
        body = body[: end.start()] if end else body.split("\n\n")[0]
        plain = not V.PROXY_WORD_RE.search(body)
        # "(par pouvoir)", "(et son pouvoir)", "(représentée)", "et son pouvoir": no name
        body = re.sub(r"\([^()]*\)", lambda a: "" if V.PROXY_WORD_RE.search(a.group()) else a.group(), body)
        body = V.PROXY_MENTION_RE.sub("", body)
        persons = []
        for name in _split_names(body):
            p = parse_person(name)
            if not p.last_name or re.search(r"\d", name) or V.GROUP_RE.search(name) or not is_person_shaped(name) \
                    or _FUNCTION_WORD_RE.search(name):
                persons = []
                break
            plain = plain and not p.unclear
            persons.append(_resolve(p.full_name or name, attendance))
        if persons:
            n = int(m.group("n")) if m.group("n") else (len(persons) if plain else None)
            out[position_of(m.group("pos"))] = (n, persons)
    return out


#: Where the subject of a verb of position starts, read back from the verb: a stop (not the
#: one of "M." or of an initial), a semicolon, a colon, a bracket, a blank line.
_CLAUSE_START_RE = re.compile(r"[;:!?()\[\]]|\n[^\S\n]*\n|(?<!\bM)(?<!\bMM)(?<!\bMme)(?<!\bMmes)(?<!\bMlle)(?<!\b[A-ZÀ-Ý])\.")
#: An aside in parentheses beside a name ("Mme Sophie MORVAN (représentée)"), left out of the
#: subject; one that names a proxy marks the list as counting proxies.
_ASIDE_RE = re.compile(r"[^\S\n]*\([^()\n]{0,60}\)")
_PROXY_MARK = "\x00"
#: Plural civilities, which a bare surname after them shares ("MM. FAVÉ et SALAÜN").
_PLURAL_CIVILITY_RE = re.compile(r"^(?i:MM\.?|Messieurs|Mmes|Mesdames)(?=\s)")
#: A function rather than a name ("Monsieur le Maire", "le rapporteur"): a subject that holds
#: one beside the names is not a list of persons that can be counted.
_FUNCTION_WORD_RE = re.compile(r"(?i)\b(?:maire|pr[ée]sidente?|adjointe?|conseill[eè]re?|rapporteur|d[ée]l[ée]gu[ée]e?|secr[ée]taire)\b")


def _person_name(item: str, attendance: list[str]) -> str | None:
    """``item`` as a person's name (the attendance list's spelling), when it is one plainly."""
    item = item.strip(" ,.")
    if not item or re.search(r"\d", item) or V.GROUP_RE.search(item) or not is_person_shaped(item):
        return None
    p = parse_person(item)
    if not p.last_name or p.unclear or _FUNCTION_WORD_RE.search(item):
        return None
    return _resolve(p.full_name or item, attendance)


def _trailing_name(item: str, attendance: list[str]) -> str | None:
    """The name that ends ``item``, the subject of the verb after it ("Nathalie ROCA informe que
    Dominique BARBE" → Dominique BARBE; "Adopté à l'unanimité M. Yves LE ROUX" → Yves LE ROUX)."""
    words = item.split()
    k = len(words)
    while k > 0 and (words[k - 1][:1].isupper() or words[k - 1].lower() in PARTICLES
                     or V.CIVILITY_WORD_RE.fullmatch(words[k - 1])):
        k -= 1
    while k < len(words) and words[k].lower() in PARTICLES:
        k += 1
    return _person_name(" ".join(words[k:]), attendance) if k < len(words) else None


def _subject(before: str, attendance: list[str]) -> tuple[list[str], bool] | None:
    """The persons named as the subject at the end of ``before`` (the text up to a verb of
    position), and whether the list names them plainly (no proxy counted beside them); None
    when the subject is not a list of persons ("Monsieur le Maire et M. X", a group, a clause).

    An apposition between the names and the verb is left out ("M. Yves LE ROUX, intéressé à
    l'affaire, ne prend pas part au vote"); what stands before the names, after a comma, is
    another clause ("Adopté à l'unanimité, M. Yves LE ROUX ne prenant pas part au vote").
    """
    before = _ASIDE_RE.sub(lambda a: _PROXY_MARK if V.PROXY_WORD_RE.search(a.group()) else "", before)
    cuts = [c.end() for c in _CLAUSE_START_RE.finditer(before)]
    subject = re.sub(r"\s+", " ", before[cuts[-1] if cuts else 0:]).strip()
    subject = re.sub(r",\s*[a-zà-ÿ][^,]*,?$", "", subject).strip(" ,")  # ", intéressé à l'affaire,"
    plain = _PROXY_MARK not in subject
    parts = re.split(r"(\s*,\s*|\s+et\s+)", subject.replace(_PROXY_MARK, ""))
    items, joins = parts[0::2], parts[1::2]
    civility = None
    for k, item in enumerate(items):  # "MM. FAVÉ et SALAÜN": the plural civility is shared
        plural = _PLURAL_CIVILITY_RE.match(item)
        if plural:
            civility = plural.group()
        elif V.CIVILITY_WORD_RE.match(item.split(" ")[0] if item else ""):
            civility = None
        elif civility and re.fullmatch(r"[A-ZÀ-Ý][A-ZÀ-Ý'’-]+", item):  # one surname, in capitals
            items[k] = f"{civility} {item}"
    persons: list[str] = []
    for k in range(len(items) - 1, -1, -1):
        item = items[k].strip()
        if V.PROXY_MENTION_RE.fullmatch(" " + item):  # "M. Ronan FAVÉ et son pouvoir"
            plain = False
            continue
        name = _person_name(item, attendance)
        if name:
            persons.insert(0, name)
            continue
        if k == len(items) - 1:
            tail = _trailing_name(item, attendance)  # "… informe que Dominique BARBE"
            return ([tail], plain) if tail else None
        if "et" in joins[k].split() or V.CIVILITY_WORD_RE.match(item) or _FUNCTION_WORD_RE.search(item):
            return None  # "Monsieur le Maire et M. X": not every one is named
        break  # "Adopté à l'unanimité, M. X": another clause
    return (persons, plain) if persons else None


def positions_said(text: str, attendance: list[str]) -> dict[str, tuple[int | None, list[str]]]:
    """Members named before the verb of their position ("M. Yves LE ROUX ne prend pas part au
    vote.", "Mme Lena PERON votant contre", "MM. Hervé GUILLOU et Alain CORRE … ne prennent pas
    part au vote"), with their number as the count when they are named plainly (None when a
    proxy is counted beside them: "M. X et Mme Y (représentée)")."""
    out: dict[str, tuple[int | None, list[str]]] = {}
    for m in V.POSITION_VERB_RE.finditer(text):
        said = _subject(text[max(0, m.start() - 300):m.start()], attendance)
        if said is None:
            continue
        pos = position_of(m.group())
        n, persons = out.get(pos, (0, []))
        persons = persons + [p for p in said[0] if p not in persons]
        out[pos] = (len(persons) if said[1] and n is not None else None, persons)
    return out


def not_voting_persons(text: str, attendance: list[str]) -> list[str]:
    """Members named in "Madame Corinne CARPENTIER ne prend pas part au vote." sentences."""
    return positions_said(text, attendance).get(NOT_VOTING, (None, []))[1]


def find_unanimity(text: str, in_vote_section: bool, start: int = 0) -> re.Match[str] | None:
    """The first "à l'unanimité" of ``text`` (from ``start``) that states this act's vote."""
    for m in V.UNANIMITY_RE.finditer(text, start):
        before = V.LINE_HYPHEN_RE.sub("", _sentence_before(text, m.start()))  # "délibé-" / "ré, décide"
        deciding = V.DECIDING_LINE_RE.match(before[before.rfind("\n") + 1:])
        if not deciding and V.QUOTE_RE.search(before) and not V.DELIBERATED_RE.search(before):
            continue
        if in_vote_section or V.UNANIMITY_CONTEXT_RE.search(before):
            return m
    return None


def about_amendment(text: str, at: int) -> bool:
    """True when the vote stated at ``at`` is an amendment's, the sentence before it naming
    one ("Un amendement … est soumis au vote : il est rejeté par 4 voix pour …") and not the
    act itself after it ("Après intégration de l'amendement, la délibération est adoptée par
    …") nor the deliberating formula."""
    sentence = _sentence_before(text, at)
    hits = list(V.AMENDMENT_RE.finditer(sentence))
    if not hits or V.DELIBERATED_RE.search(sentence):
        return False
    return not V.ACT_SUBJECT_RE.search(sentence[hits[-1].end():])


#: A vote statement is short: a vote section is read this far (an annex the segmenter left
#: in it must not give its numbers).
VOTE_WINDOW = 800


def _own_sections(act: Act, kinds: tuple[SectionKind, ...], window: int = VOTE_WINDOW) -> list[tuple[Span, str]]:
    out = []
    for s in act.sections:
        if s.kind in kinds and not s.shared:
            span = Span(s.span.start, min(s.span.end, s.span.start + window)) \
                if s.kind is SectionKind.VOTE else s.span
            out.append((span, act.doc.clean(span)))
        elif s.kind is SectionKind.VISAS and SectionKind.DECISION in kinds and not s.shared:
            # the body the segmenter left under the visas ("Vu …;" paragraphs dropped): "Le
            # projet de délibération, mis aux voix, recueille 3 voix pour, 4 voix contre …"
            out.append((s.span, _after_visas(act.doc.clean(s.span))))
    return out


def _after_visas(text: str) -> str:
    """The lines of a visas section that are not part of a "Vu …" paragraph."""
    keep: list[str] = []
    in_visa = False
    for line in text.split("\n"):
        if re.match(r"\W{0,2}vu\b", line, re.I):
            in_visa = True
        if not in_visa:
            keep.append(line)
        if in_visa and re.search(r"[;.]\s*$", line):
            in_visa = False
    return "\n".join(keep)


def _placed(t: Tally, chunks: list[tuple[Span, str]], act: Act) -> Tally:
    """``t`` with its counts' offsets turned from the joined text of ``chunks`` (each a
    section's text without running headers, joined by newlines) to the document. A chunk
    whose text is not its span's clean text (visas left out) gives no offset."""
    doc = act.doc
    placed: dict[str, tuple[int, int]] = {}
    base = 0
    for span, text in chunks:
        mappable = len(text) == len(doc.clean(span))
        for pos, (a, b) in t.at.items():
            if mappable and base <= a and b <= base + len(text):
                placed[pos] = (doc.clean_offset(span, a - base), doc.clean_offset(span, b - base - 1) + 1)
        base += len(text) + 1
    t.at = placed
    return t


def read_vote(act: Act, attendance: list[str] | None = None) -> Tally | None:
    """The act's vote, or None when its text states none."""
    attendance = attendance or []
    for kinds, in_vote in ((_VOTE_KINDS, True), (_OTHER_KINDS, False)):
        chunks = _own_sections(act, kinds)
        if not chunks:
            continue
        text = "\n".join(t for _, t in chunks)
        table = read_vote_table(text) or read_boxed_tally(text)
        if table is not None:
            return _finish(_named(_placed(table, chunks, act), act, kinds, attendance), text)
        # an amendment's vote, before the act's, is no vote of the act: its sentence may open
        # in the section before ("Un amendement … est soumis au vote : il est rejeté" / "par 4
        # voix pour et 14 voix contre.")
        first = chunks[0][0].start
        lead = act.doc.clean(Span(max(act.span.start, first - 250), first))
        tallies = [t for t in find_tallies(text, in_vote, attendance)
                   if not about_amendment(lead + text, len(lead) + t.start)]
        unan = find_unanimity(text, in_vote)
        while unan is not None and about_amendment(lead + text, len(lead) + unan.start()):
            unan = find_unanimity(text, in_vote, unan.end())
        if not tallies and not unan:
            if in_vote and V.ADOPTED_RE.search(text):
                # "La délibération est adoptée à la majorité." after "Ont voté contre : …"
                return _finish(_named(Tally(outcome="adopted"), act, kinds, attendance), text)
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
                tally.at[FOR] = (unan.end() + n.start(1), unan.end() + n.end(1))
            tally.unanimous = tally.unanimity_said = True  # unless a dissent is counted or named: _finish
        return _finish(_named(_placed(tally, chunks, act), act, kinds, attendance), text)
    # no tally, no unanimity: a vote between two options, the decision taking one
    chunks = _own_sections(act, _VOTE_KINDS + _OTHER_KINDS)
    text = "\n".join(t for _, t in chunks)
    ballot = read_option_ballot(text)
    if ballot is not None:
        return _finish(_placed(ballot, chunks, act), text)
    # a decision said to be taken by a majority where the vote is stated, after the deliberating
    # formula ("Décision : adoptée à la majorité absolue."
    # closing the articles) — not unanimous
    said = "\n".join(act.doc.clean(s.span) for s in act.sections if s.kind in _STATEMENT_KINDS and not s.shared)
    majority = V.MAJORITY_DECISION_RE.search(said)
    if majority:
        tally = Tally(start=majority.start(), end=majority.end())
        return _finish(_named(tally, act, _STATEMENT_KINDS, attendance), said)
    # no vote statement in the act's own sections: "Le Conseil Adopte." anywhere in the body
    body = act.doc.clean(act.body_span)
    if re.search(r"^\W{0,3}\(?\s*adopt[ée]e?s?\s*\)?\s*\.?\s*$|\ble\s+conseil\s+(?:\w+\s+)?adopte\s*\.", body, re.I | re.M):
        return Tally(outcome="adopted")
    return None


#: Words that tell no option from another ("Agence postale dans les locaux de la mairie").
_OPTION_FILLERS = frozenset({"dans", "pour", "avec", "sans", "sous", "entre", "cette", "celle", "leur", "leurs", "tout",
                             "tous", "toute", "toutes", "plus", "moins", "elle", "elles", "sont", "etre"})


def _option_words(text: str) -> set[str]:
    """The words that name an option: its words of four letters or more and its figures."""
    folded = strip_accents(text).lower()
    return {w for w in re.findall(r"[a-z]{4,}|\d+", folded) if w not in _OPTION_FILLERS}


#: The positions of a tally: options named so are a vote's tally, not a ballot's options.
_TALLY_WORD_RE = re.compile(r"\b(?:pour|contre|abstentions?|abstenus?|nppv)\b", re.I)


def read_option_ballot(text: str) -> Tally | None:
    """A vote between two options, when the decision takes one ("Il est décidé de procéder à un
    vote à bulletin secret sur le choix entre ces deux possibilités. Il ressort de ce vote les
    résultats suivants : / - Agence postale dans les locaux de la mairie : 15, / - Aucune présence
    postale sur la commune : 2. / Le Conseil municipal … décide à la majorité … de choisir la
    création d'une agence postale dans les locaux de la mairie", Chéméré 2011): the votes of the
    option taken are for the decision, those of the other against it. None for three options or
    more (the others' votes are not against one another), for a choice the decision does not name
    by the option's own words, for candidates (an election: "M. X : 12 voix"), and for a decision
    that rejects or says it was unanimous. The counts go to the act; no position "pour" or
    "contre" is printed, so they make no vote rows."""
    for first in V.OPTION_LINE_RE.finditer(text):
        if not V.BALLOT_CUE_RE.search(text[max(0, first.start() - 300):first.start()]):
            continue
        options = [first]
        for m in V.OPTION_LINE_RE.finditer(text, first.end()):
            if text[options[-1].end():m.start()].strip():
                break  # the options stand one under the other
            options.append(m)
        labels = [o.group("label").strip(" -–—•*·\t") for o in options]
        if any(_TALLY_WORD_RE.search(lb) for lb in labels):
            return None  # a tally, read elsewhere
        # the ballot's own counts printed with the options ("Suffrages exprimés : 17") are no option
        kept = [(o, lb) for o, lb in zip(options, labels) if not V.BALLOT_BOOKKEEPING_RE.search(lb)]
        options, labels = [o for o, _ in kept], [lb for _, lb in kept]
        if len(options) != 2 or any(is_person_shaped(lb) or V.CIVILITY_WORD_RE.match(lb.split(" ")[0])
                                    for lb in labels):
            return None  # three options or more, or candidates
        counts = [int(o.group("n")) for o in options]
        if counts[0] == counts[1]:
            return None
        won = 0 if counts[0] > counts[1] else 1
        after = text[options[-1].end():options[-1].end() + 600]
        choice = V.CHOOSES_RE.search(after)
        if not choice:
            return None
        stop = re.search(r"(?<!\bM)\.(?:\s|$)", after[choice.start():])
        sentence = V.LINE_HYPHEN_RE.sub("", after[choice.start():choice.start() + (stop.start() if stop else 300)])
        if V.REJECTED_RE.search(sentence) or V.NEGATIVE_DECISION_RE.search(sentence) \
                or V.UNANIMITY_RE.search(after[:choice.start()] + sentence):
            return None
        said = _option_words(sentence)
        own = [_option_words(lb) for lb in labels]
        taken = len(said & (own[won] - own[1 - won])), len(said & (own[1 - won] - own[won]))
        if taken[0] == 0 or taken[0] <= taken[1]:
            return None  # the decision does not name the option that won
        t = Tally(start=first.start(), end=options[-1].end(), outcome_from=FOR, rows=False)
        for pos, o in ((FOR, options[won]), (AGAINST, options[1 - won])):
            t.counts[pos] = int(o.group("n"))
            t.at[pos] = (o.start("n"), o.end("n"))
        return t
    return None


def decided_without_vote(act: Act) -> bool:
    """The act decides ("Après en avoir délibéré, … Le conseil municipal désigne :") and
    prints no vote: it was adopted. Not for a report the council takes note of."""
    own = "\n".join(x for _, x in _own_sections(act, _VOTE_KINDS + _OTHER_KINDS))
    return bool(V.DECIDED_RE.search(own)) and not V.NOTED_RE.search(own) and not V.REJECTED_RE.search(own)


#: How far a vote section is read for the names of a roll call (35 names run past
#: :data:`VOTE_WINDOW`).
ROLL_CALL_WINDOW = 6000


#: The sections where a member's position is said beside the vote, after the deliberating
#: formula ("M. X, intéressé à l'affaire, ne prend pas part au vote.", "Adopté à la majorité, Mme
#: Y votant contre."): not the exposé before it, which may tell of it in reported speech
#: ("Nathalie ROCA informe que Dominique BARBE ne prend pas part au vote", Fargues D2018-70: its
#: answer sheet keeps no count).
_STATEMENT_KINDS = (SectionKind.VOTE, SectionKind.DECISION, SectionKind.ARTICLES, SectionKind.SIGNATURE)


def _named(t: Tally, act: Act, kinds: tuple[SectionKind, ...], attendance: list[str]) -> Tally:
    """Add the names of a roll call ("Ont voté contre : M. X, Mme Y.") and of members whose
    position a sentence says ("M. X ne prend pas part au vote."); a position that had no count
    gets the number of names, or None when proxies are counted with them."""
    text = "\n".join(x for _, x in _own_sections(act, kinds, ROLL_CALL_WINDOW))
    named = roll_call(text, attendance)
    said = "\n".join(act.doc.clean(s.span) for s in act.sections if s.kind in _STATEMENT_KINDS and not s.shared)
    for pos, entry in positions_said(said, attendance).items():
        named.setdefault(pos, entry)
    for pos, (n, persons) in named.items():
        if pos not in t.persons:
            t.persons[pos] = persons
        if pos not in t.counts:
            t.counts[pos] = n
    return t


def _dissent(t: Tally) -> bool:
    """A vote against or an abstention, counted or named."""
    return any((t.counts.get(p) or 0) > 0 or t.persons.get(p) or t.groups.get(p) for p in (AGAINST, ABSTAIN))


def _finish(t: Tally, text: str) -> Tally:
    """Unanimity and outcome from the counts and the words around the statement.

    ``unanimous`` is false whenever a vote against or an abstention is counted or named, what
    ever "à l'unanimité" says beside it: "à l'unanimité moins deux abstentions", "à l'unanimité
    des suffrages exprimés (2 abstentions : …)" are not unanimous (the answer sheets mark every
    act with abstentions so). It is false too for a decision said to be taken by a majority
    ("Adopté à la majorité", "adoptée à la majorité absolue"), counted or not; true when every
    vote counted was for ("0 contre, 0 abstention, 13 pour").
    """
    base = max(0, t.start - 200)
    window = text[base:t.end + 200]
    if _dissent(t):
        t.unanimous = False
    elif t.unanimous is None and (t.counts.get(FOR) or 0) > 0 and t.counts.get(AGAINST) == 0 \
            and t.counts.get(ABSTAIN) == 0:
        # "0 contre, 0 abstention, 13 pour": every vote cast was for (the dev sheets' reading)
        t.unanimous = True
    elif t.unanimous is None and V.MAJORITY_DECISION_RE.search(window):
        t.unanimous = False
    votes_for, against = t.counts.get(FOR), t.counts.get(AGAINST, 0)
    if any(not about_amendment(text, base + r.end()) for r in V.REJECTED_RE.finditer(window)):
        t.outcome = "rejected"  # not an amendment's rejection ("l'amendement est rejeté")
    elif votes_for is not None and against is not None and votes_for != against:
        # a majority of the votes cast decides (CGCT L.2121-20); a tie is left unsaid
        t.outcome = "adopted" if votes_for > against else "rejected"
        t.outcome_from = FOR if t.outcome == "adopted" else AGAINST
        if t.outcome == "rejected" and V.NEGATIVE_DECISION_RE.search(text[t.end:t.end + 300]):
            # "11 voix CONTRE" / "- DE DONNER UN AVIS DEFAVORABLE": against the project, and
            # the deliberation that opposes it is what the council adopted — unsure: unsaid
            t.outcome, t.outcome_from = None, None
    elif t.unanimous or t.unanimity_said or V.ADOPTED_RE.search(window) or re.search(r"\bmajorit[ée]", window, re.I):
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
    if tally is None and decided_without_vote(act):
        tally = Tally(outcome="adopted")
    # an election: one result ("La liste A a obtenu 33 voix.", in the proclamation that may
    # close the act after its body) is the votes for the elected, who are proclaimed
    whole = act.doc.text[act.span.start:act.span.end]
    results = list(V.ELECTION_RESULT_RE.finditer(whole)) if "obtenu" in whole else []
    proclaimed = V.PROCLAIMED_RE.search(whole) if len(results) == 1 else None
    if tally is None and proclaimed:
        tally = Tally(outcome="adopted")
        # the outcome is the proclamation ("ONT ETE PROCLAMES", "est élu")
        tally.at["outcome"] = (act.span.start + proclaimed.start(), act.span.start + proclaimed.end())
        tally.outcome_from = "outcome"
    if tally is None:
        return []
    elected: tuple[int, int] | None = None  # where the elected's votes are printed
    if FOR not in tally.counts and len(results) == 1:
        tally.counts[FOR] = int(results[0].group("n"))
        elected = (act.span.start + results[0].start("n"), act.span.start + results[0].end("n"))
    rows: list[VoteRow | ActFields] = []
    page = act.page_end
    if elected:
        tally.at[FOR] = elected
    spans: dict[str, tuple[int, int]] = {}
    for pos in POSITIONS:
        if pos in tally.counts and tally.rows:
            at: tuple[int | None, int | None] = tally.at.get(pos, (None, None))
            rows.append(VoteRow(act.act_id, act.doc.doc_id, pos, tally.counts[pos],
                                tally.groups.get(pos, []), tally.persons.get(pos, []),
                                act.doc.page_at(at[0]) if at[0] is not None else page, at[0], at[1]))
        if pos in tally.counts and pos in tally.at:
            spans[_COLUMN_OF[pos]] = tally.at[pos]
    if tally.outcome and tally.outcome_from in tally.at:
        spans["outcome"] = tally.at[tally.outcome_from]  # type: ignore[index]
    rows.append(ActFields({
        "votes_for": tally.counts.get(FOR), "votes_against": tally.counts.get(AGAINST),
        "votes_abstain": tally.counts.get(ABSTAIN), "votes_not_voting": tally.counts.get(NOT_VOTING),
        "unanimous": tally.unanimous, "outcome": tally.outcome,
    }, spans))
    return rows


_COLUMN_OF = {FOR: "votes_for", AGAINST: "votes_against", ABSTAIN: "votes_abstain", NOT_VOTING: "votes_not_voting"}


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
