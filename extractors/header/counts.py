"""How many: members in office, present and voting, as the header prints them: labelled
numbers ("en exercice : 29 / Présents : 22 / Votants : 25"), numbers in words ("en exercice :
onze / Présents : huit / Votants : dix"), a sentence ("Le nombre de conseillers en exercice
étant de 11, 8 conseillers étaient présents et 10 ont pris part au vote"), or a table (a row of
labels "En exercice | Présents | Représentés | Votants" over a row of figures "11 | 8 | 2 | 10").
"""

from __future__ import annotations

import functools
import re

from pipeline.normalize.frenchnum import NUMBER_WORDS_IN_DATE, parse_french_number

Span = tuple[int, int]

# ---------------------------------------------------------------------------
# Members in office, present, voting
# ---------------------------------------------------------------------------

# a count, not a date, a decimal or a part of a list of figures ("19, présents : 15" is a count)
_FIG = r"\d{1,3}(?![\d/]|[.,]\d)"
_N = rf"(?P<n>{_FIG})"
# A figure printed right after another label's colon is that label's ("Représentés : 2\tVotants
# : 14": the 2 is no count of votants): the patterns that read the count before its label
# ("32 présents") never take one.
_NOT_LABELLED = r"(?<![:=])(?<![:=][ \t])"
# A count after its label, unless the number is the next count's own ("32 présents" /
# "1 procuration", "présents\n33 votants") — when that next label has no figure after it:
# in "Présents 15 Votants 17" the 15 is the présents'.
_LABELS = r"(?:procurations?|pouvoirs?|votants?|absents?|excus[ée]s?|repr[ée]sent[ée]s?|pr[ée]sents?)\b"
# (the next label's own figure is one after a colon — "En exercice : 15\tPrésents : 12\t
# Représentés : 2\tVotants : 14": each label its figure —, or one not followed by a label in
# turn: "1 procuration\t33 votants" reads the 1 as the procurations' and the 33 as the votants')
_NEXT = (rf"(?![ \t]*{_LABELS}(?![ \t]*[:=][ \t]*{_FIG}|[ \t]*{_FIG}(?![ \t]*{_LABELS})))")
# A count in words after its label and colon, the label's only words: "en exercice : onze",
# "Présents : huit", "Votants : dix" (not "Présents : une majorité").
_W = rf"(?P<n>{NUMBER_WORDS_IN_DATE})(?![\w-])(?=[ \t]*(?:$|[,;/()–-]))"
# The members a sentence counts: "8 conseillers", "8 membres", "10 délégués", "élus".
_MEMBERS = r"(?:conseillers?|membres?|d[ée]l[ée]gu[ée]s?|[ée]lus?)(?:[ \t]+(?:municipaux|communautaires|titulaires))?"
# "en exercice : 29", "Conseillers Municipaux en exercice : 23", "Délégués en exercice : 34",
# "Le nombre de conseillers en exercice étant de 11", "… en exercice est de 11"; the count
# first: "19 conseillers en exercice", "23 membres en exercice"
IN_OFFICE_RES = (
    re.compile(rf"en\s+exercice\s*(?:[:=]|\s(?:[ée]tant|est)\s+de\s)?[ \t]*\n?[ \t]*{_N}", re.I),
    re.compile(rf"(?<![\w/]){_NOT_LABELLED}{_N}[ \t]+(?:(?:conseillers?|membres?|d[ée]l[ée]gu[ée]s?|[ée]lus?)(?:[ \t]+\w+)?[ \t]+)?"
               r"en\s+exercice\b", re.I),
    re.compile(rf"en\s+exercice\s*:[ \t]*{_W}", re.I | re.M),
)
# "Présents : 22", "Présents 14", "Nombre de conseillers présents : 21", "32 présents"; in a
# sentence: "8 conseillers étaient présents", "le quorum étant atteint avec 8 membres présents"
PRESENT_RES = (
    re.compile(rf"pr[ée]sents?\s*[:=]?[ \t]*\n?[ \t]*{_N}{_NEXT}", re.I),
    re.compile(rf"(?<![\w/]){_NOT_LABELLED}{_N}[ \t]+pr[ée]sents?\b", re.I),
    re.compile(rf"pr[ée]sents?\s*\({_N}\)", re.I),  # "Présents (12) : M. DUPONT …"
    re.compile(rf"(?<![\w/]){_N}[ \t]+{_MEMBERS}[ \t]+(?:(?:[ée]taient|sont|[ée]tant)[ \t]+)?pr[ée]sents?\b", re.I),
    re.compile(rf"(?<![\w-])pr[ée]sents?\s*:[ \t]*{_W}", re.I | re.M),
)
# "Votants : 25", "Nombre de conseillers votants : 28", "33 votants"
VOTING_RES = (
    re.compile(rf"votants?\s*[:=]?[ \t]*\n?[ \t]*{_N}{_NEXT}", re.I),
    re.compile(rf"(?<![\w/]){_NOT_LABELLED}{_N}[ \t]+votants\b", re.I),
    # "Qui ont pris part à la délibération : 12", "ayant pris part au vote : 25"
    re.compile(rf"(?:qui\s+ont|ayant)\s+pris\s+part\s+(?:au\s+vote|[àa]\s+la\s+d[ée]lib[ée]ration|aux\s+votes?)\s*[:=]?[ \t]*{_N}",
               re.I),
    # in a sentence: "10 ont pris part au vote", "10 membres ont pris part au vote"
    re.compile(rf"(?<![\w/]){_N}[ \t]+(?:{_MEMBERS}[ \t]+)?ont\s+pris\s+part\s+(?:au\s+vote|[àa]\s+la\s+d[ée]lib[ée]ration|aux\s+votes?)",
               re.I),
    re.compile(rf"votants?\s*:[ \t]*{_W}", re.I | re.M),
)


#: The count closing a list of names: "Etaient présents : Titulaires : Mme Agnès BACHELART, …,
#: Mme Sylvie VALENTE-LE HIR (27)" (before the next list of the attendance).
PRESENT_LIST_COUNT_RE = re.compile(
    r"""(?:[ée]taient\s+)?pr[ée]sents?\s*:(?:(?!absent|excus|procuration|pouvoir|repr[ée]sent)[^()]|\([^()\d]{0,60}\)){20,3000}?
        \((?P<n>\d{1,3})\)""",
    re.I | re.X,
)


#: The patterns that read a count before its label ("32 présents"): their figure may be the
#: count of the label before it ("En exercice 19 Présents 15"), read by that label's pattern.
_COUNT_FIRST = {IN_OFFICE_RES[1], PRESENT_RES[1], PRESENT_RES[3], VOTING_RES[1], VOTING_RES[3]}
_LABEL_FIRST = tuple(rx for rx in IN_OFFICE_RES + PRESENT_RES + VOTING_RES if rx not in _COUNT_FIRST)


def _count_at(text: str, patterns: tuple[re.Pattern[str], ...], base: int = 0) -> tuple[int | None, Span | None]:
    """The count ``patterns`` find in ``text`` and where its first printing stands (offsets
    from ``base``); (None, None) when none or several different ones."""
    mine = [rx for rx in patterns if rx not in _COUNT_FIRST]
    taken = ({(m.start("n"), m.end("n")) for rx in _LABEL_FIRST if rx not in mine for m in rx.finditer(text)}
             if len(mine) < len(patterns) else set())
    hits = sorted(((m.start("n"), m.end("n"), _number(m.group("n"))) for rx in patterns for m in rx.finditer(text)
                   if rx in mine or (m.start("n"), m.end("n")) not in taken))
    hits = [h for h in hits if h[2] is not None]
    values = {v for _, _, v in hits}
    # several different counts (per group of questions in Lannion's minutes): none is *the* count
    if len(values) != 1:
        return None, None
    s, e, v = hits[0]
    return v, (base + s, base + e)


def _number(printed: str) -> int | None:
    """A count as printed: figures, or words ("onze")."""
    return int(printed) if printed.isdigit() else parse_french_number(printed)


def _count(text: str, patterns: tuple[re.Pattern[str], ...]) -> int | None:
    return _count_at(text, patterns)[0]


#: Counts given per range of items in minutes: "Questions 1 à 10 :", "Points 11 à 17 :",
#: "Questions 18 à la fin :", "Délibérations n° 3 à 5 :", "Question 25 :" (one item).
ITEM_RANGE_RE = re.compile(
    r"""(?:^|[\n\f])[ \t]*(?:questions?|points?|dossiers?|d[ée]lib[ée]rations?|rapports?|affaires?)\s*(?:n\s*[°o]s?\s*)?
        (?P<a>\d{1,3})(?:\s*(?:[àa]|au|-|–)\s*(?:(?P<b>\d{1,3})|(?P<end>la\s+fin|fin)))?[ \t]*:""",
    re.I | re.X,
)


def _range_block(region: str, rank: int) -> tuple[str, int] | None:
    """The text under the range of items holding ``rank`` that prints a count of present
    members ("Questions 11 à 17 :" / "31 présents" / "2 procurations 33 votants"), and its
    offset in ``region``."""
    heads = list(ITEM_RANGE_RE.finditer(region))
    for k, m in enumerate(heads):
        a = int(m.group("a"))
        b = 10**6 if m.group("end") else int(m.group("b") or a)
        block = region[m.end(): heads[k + 1].start() if k + 1 < len(heads) else len(region)]
        if a <= rank <= b and _count(block, PRESENT_RES) is not None:
            return block, m.end()
    return None


def find_counts(text: str, rank: int | None = None) -> tuple[int | None, int | None, int | None]:
    r"""(in office, present, voting) when printed as numbers in the header ``text``; where
    minutes print them per range of items, those of the range holding the item ``rank``.

    >>> find_counts("Nombre de conseillers en exercice : 29 / Présents : 22 / Votants : 25")
    (29, 22, 25)
    >>> find_counts("Nombre de Conseillers en exercice : 15- Présents 14 - Votants 14")
    (15, 14, 14)
    >>> find_counts("Questions 1 à 10 :\n32 présents\n33 votants\nQuestions 11 à la fin :\n31 présents\n33 votants", 12)
    (None, 31, 33)
    """
    values, _ = placed_counts(text, rank)
    return values


#: What a column of a counts table counts, by its header cell: "En exercice", "Nombre de
#: conseillers en exercice", "Présents", "Votants", "Ayant pris part au vote"; the columns
#: the acts table does not hold (None): "Représentés", "Pouvoirs", "Absents", "Afférents"
#: (the seats of the council), a vote's "Pour", "Contre", "Abstentions".
_TABLE_COLUMNS: tuple[tuple[str | None, re.Pattern[str]], ...] = (
    ("members_in_office", re.compile(r"en\s+exercice", re.I)),
    ("members_present", re.compile(r"(?<![\w])pr[ée]sents?\b", re.I)),
    ("members_voting", re.compile(r"votants?|pris\s+part", re.I)),
    (None, re.compile(r"repr[ée]sent[ée]s?|pouvoirs?|procurations?|absents?|excus[ée]s?|exprim[ée]s?|aff[ée]rents?"
                      r"|pour|contre|abstentions?|blancs?|nuls?", re.I)),
)
#: A cell of a table row: cells are parted by tabs, bars or runs of spaces.
_CELL_RE = re.compile(r"(?:(?!\t| {2,}|\|).)+")
_UNKNOWN = "?"


def _cells(line: str, base: int) -> list[tuple[str, Span]]:
    out = []
    for m in _CELL_RE.finditer(line):
        stripped = m.group(0).strip()
        if stripped:
            s = base + m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            out.append((stripped, (s, s + len(stripped))))
    return out


def _column(label: str) -> str | None:
    for column, rx in _TABLE_COLUMNS:
        if rx.search(label):
            return column
    return _UNKNOWN


def _table_counts(region: str) -> tuple[dict[str, tuple[int, Span]], list[Span]]:
    """The counts of a table printed as a row of labels over a row of figures ("En exercice |
    Présents | Représentés | Votants" / "11 | 8 | 2 | 10"), read column by column, and the
    spans of both rows (which the labelled readers must not read: "Votants" at a line end
    would take the figure below "En exercice"). A table with a column of unknown label, or
    a column twice, gives none of its counts."""
    lines = region.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    found: dict[str, tuple[int, Span]] = {}
    rows: list[Span] = []
    for i in range(len(lines) - 1):
        labels, figures = _cells(lines[i], starts[i]), _cells(lines[i + 1], starts[i + 1])
        if len(labels) < 2 or any(re.search(r"\d", label) for label, _ in labels) \
                or not figures or not all(re.fullmatch(r"\d{1,3}", f) for f, _ in figures):
            continue
        columns = [_column(label) for label, _ in labels]
        if not any(c not in (None, _UNKNOWN) for c in columns):
            continue
        rows += [(starts[i], starts[i] + len(lines[i])), (starts[i + 1], starts[i + 1] + len(lines[i + 1]))]
        if _UNKNOWN in columns or len(labels) != len(figures):
            continue  # which figure is whose is not sure: none
        for column, (figure, span) in zip(columns, figures):
            if column is not None and columns.count(column) == 1:
                found[column] = (int(figure), span)
    return found, rows


@functools.lru_cache(maxsize=32)
def _counts_read(text: str) -> tuple[str, dict[str, tuple[int, Span]], tuple[int | None, Span | None],
                                     tuple[int | None, Span | None], tuple[int | None, Span | None]]:
    """The opening's counts before any per-item choice: the region read, the counts table's,
    and the labelled counts (in office, present, voting). Remembered: every item of minutes
    reads the same preamble."""
    region = text[:6000]
    table, rows = _table_counts(region)
    for s, e in rows:  # the table's rows are read by column only
        region = region[:s] + " " * (e - s) + region[e:]
    office = _count_at(region, IN_OFFICE_RES)
    present = _count_at(region, PRESENT_RES)
    if present[0] is None:
        present = _count_at(region, (PRESENT_LIST_COUNT_RE,))
    voting = _count_at(region, VOTING_RES)
    return region, table, office, present, voting


def placed_counts(text: str, rank: int | None = None) -> tuple[tuple[int | None, int | None, int | None],
                                                               dict[str, Span]]:
    """:func:`find_counts`, and where each count is printed in ``text`` (by column of ``acts``)."""
    if not text:
        return (None, None, None), {}
    region, table, (office, at_office), (present, at_present), (voting, at_voting) = _counts_read(text)
    block = _range_block(region, rank) if rank is not None and (present is None or voting is None) else None
    if block is not None:
        present, at_present = _count_at(block[0], PRESENT_RES, block[1])
        voting, at_voting = _count_at(block[0], VOTING_RES, block[1])
    if table:
        # the table's count, unless the text prints another one for the same column
        merged = []
        for column, value, at in (("members_in_office", office, at_office), ("members_present", present, at_present),
                                  ("members_voting", voting, at_voting)):
            if column in table and value in (None, table[column][0]):
                value, at = table[column]
            elif column in table:
                value, at = None, None
            merged.append((value, at))
        (office, at_office), (present, at_present), (voting, at_voting) = merged
    if office is not None and present is not None and present > office:
        present = None
    if office is not None and voting is not None and voting > office:
        voting = None
    if present is not None and voting is not None and voting < present:
        present = voting = None
    if office is not None and office == 0:
        office = None
    values = (office, present, voting)
    spans = {col: at for col, v, at in zip(("members_in_office", "members_present", "members_voting"), values,
                                           (at_office, at_present, at_voting)) if v is not None and at is not None}
    return values, spans


def placed_vote_voting(text: str) -> tuple[bool, int | None, Span | None]:
    """The number of voters an act's own vote prints ("M. X ne prend pas part au vote. /
    Votants : 16 / Pour : 16"): whether it prints one, the count (None when it prints several
    different ones: the rounds of an election) and where. It counts the voters of this act,
    where the header's "Votants : 18" counts the meeting's."""
    if not text or not any(rx.search(text) for rx in VOTING_RES):
        return False, None, None
    voting, at = _count_at(text, VOTING_RES)
    return True, voting, at

