"""French dates as deliberations print them → :class:`datetime.date`.

Every form met in real documents, born-digital or OCR'd:

* numeric: "20/03/2023", "20.03.2023", "20-03-23", "14/05/ 2022" (OCR space), "2022-05-10";
* month names, any case, with or without accents and weekday: "1er juillet 2021",
  "20 MARS 2023", "jeudi 7 avril 2022", "13 decembre 2018", "5 aout 2020", "12 févr. 2021";
* spelled out: "le douze décembre deux mille vingt-deux", "Le vingt trois Juillet deux
  mille vingt";
* the formal opening of minutes, year first: "L'an deux mille vingt-deux, le dix mai à
  vingt heures" (→ 2022-05-10), "L'an deux mil dix-huit, le treize décembre", "L'an deux
  mille DIX NEUF, le 12 MARS", "L'an deux mille vingt et un, le 28 octobre à 18 h 00".

:func:`find_dates` yields every date of a text with its offsets (so callers can look at
the words around it: "Séance du", "Envoi au contrôle de légalité le"); :func:`parse_date_fr`
reads the first date of a string. Impossible dates (31/02, month 13) and years outside
1900–2100 are not dates.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterator

from pipeline.normalize.frenchnum import NUMBER_WORDS_IN_DATE, parse_french_number
from pipeline.model import strip_accents

# Month names and their usual abbreviations; accents optional (OCR and ASCII typing drop
# them: "fevrier", "aout", "decembre"). "sept" alone is the number seven, so the
# abbreviation needs its dot.
_MONTH = r"""(?:janv(?:ier|\.)|f[ée]v(?:rier|r?\.)|mars|avr(?:il|\.)|mai|juin|juil(?:let|\.)
            |ao[uûü]t|sept(?:embre|\.)|oct(?:obre|\.)|nov(?:embre|\.)|d[ée]c(?:embre|\.))"""

_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"

_NUMBER_WORDS = NUMBER_WORDS_IN_DATE

# A day: digits, "1er" (OCR "ler", "1 er", "1°"), or words ("dix", "vingt trois", "premier").
_DAY = rf"""(?:\d{{1,2}}(?!\d)(?:\s?er\b|°)?|\bler\b|{_NUMBER_WORDS})"""

# A year: four digits or words ("deux mille vingt-deux", "deux mil dix-huit").
_YEAR = rf"""(?:\d{{4}}(?!\d)|{_NUMBER_WORDS})"""

#: "L'an deux mille vingt-deux, le dix mai": the year comes first in the formal opening of
#: minutes; "le … du mois de mai" also occurs.
L_AN_RE = re.compile(
    rf"""\bl['’]\s?an\s+(?P<year>{_YEAR})\s*[,.]?\s*(?:et\s+)?(?:le\s+)?(?:{_WEEKDAY}\s+)?
        (?P<day>{_DAY})\s+(?:(?:du\s+)?mois\s+d(?:e\s+|['’]\s*))?(?P<month>{_MONTH})(?![\w])""",
    re.I | re.X,
)

#: "jeudi 7 avril 2022", "20 MARS 2023", "1er juillet 2021", "le vingt trois Juillet deux
#: mille vingt": day, month name and year, optionally after a weekday.
TEXTUAL_RE = re.compile(
    rf"""(?<![\w])(?:{_WEEKDAY}\s*,?\s+)?(?P<day>{_DAY})\s*(?P<month>{_MONTH})(?![\w])[\s,]*(?P<year>{_YEAR})(?![\w])""",
    re.I | re.X,
)

#: "20/03/2023", "20.03.2023", "20-03-23": the same separator twice; OCR may put a space
#: after it.
NUMERIC_RE = re.compile(
    r"""(?<![\d/.,-])(?P<day>\d{1,2})\s?(?P<sep>[/.-])\s?(?P<month>\d{1,2})\s?(?P=sep)\s?
        (?P<year>\d{4}|\d{2})(?![\d/]|[.,-]\d)""",
    re.X,
)

#: ISO dates "2022-05-10" (exports, @ctes identifiers are not matched: no separators there).
ISO_RE = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d{2}|2100)-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])")

_MONTH_BY_PREFIX = {
    "jan": 1, "fev": 2, "mar": 3, "avr": 4, "mai": 5, "juin": 6, "juil": 7,
    "aou": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text: the value, its ``[start, end)`` offsets and the text as printed."""

    date: dt.date
    start: int
    end: int
    raw: str


def month_number(name: str) -> int | None:
    """1–12 for a French month name or abbreviation ("Février", "aout", "déc."), else None."""
    folded = strip_accents(name).rstrip(".").replace("ü", "u")
    for prefix in ("juin", "juil"):
        if folded.startswith(prefix):
            return _MONTH_BY_PREFIX[prefix]
    return _MONTH_BY_PREFIX.get(folded[:3])


def _day(text: str) -> int | None:
    t = re.sub(r"\s+", "", text).lower()
    if t in ("ler", "1er", "1°"):
        return 1
    t = t.removesuffix("er").removesuffix("°")
    return parse_french_number(text if not t.isdigit() else t)


def _year(text: str) -> int | None:
    if text.isdigit():
        y = int(text)
        if len(text) == 2:
            y += 2000 if y < 70 else 1900
        return y
    return parse_french_number(text)


def _make(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if year is None or month is None or day is None or not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> Iterator[DateMatch]:
    """Yield every date of ``text`` in reading order, with offsets into ``text``.

    >>> [m.date.isoformat() for m in find_dates("Séance du 10 mai 2022, convocation du 04/05/2022")]
    ['2022-05-10', '2022-05-04']
    """
    found: list[DateMatch] = []
    starts: list[int] = []  # the spans taken, disjoint and sorted: a bisection finds a clash
    ends: list[int] = []

    def free(start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, start)
        return not ((i > 0 and ends[i - 1] > start) or (i < len(starts) and starts[i] < end))

    def take(m: DateMatch) -> None:
        i = bisect.bisect_left(starts, m.start)
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        found.append(m)

    # most specific first: a year-first opening, then month names, then numbers
    for m in L_AN_RE.finditer(text):
        d = _make(_year(m.group("year")), month_number(m.group("month")), _day(m.group("day")))
        if d:
            take(DateMatch(d, m.start(), m.end(), m.group(0)))
    for m in TEXTUAL_RE.finditer(text):
        d = _make(_year(m.group("year")), month_number(m.group("month")), _day(m.group("day")))
        if d and free(m.start(), m.end()):
            take(DateMatch(d, m.start(), m.end(), m.group(0)))
    for m in NUMERIC_RE.finditer(text):
        d = _make(_year(m.group("year")), int(m.group("month")), int(m.group("day")))
        if d and free(m.start(), m.end()):
            take(DateMatch(d, m.start(), m.end(), m.group(0)))
    for m in ISO_RE.finditer(text):
        d = _make(int(m.group("year")), int(m.group("month")), int(m.group("day")))
        if d and free(m.start(), m.end()):
            take(DateMatch(d, m.start(), m.end(), m.group(0)))
    yield from sorted(found, key=lambda m: m.start)


def parse_date_fr(text: str | None) -> dt.date | None:
    """The first date written in ``text``, or None.

    >>> parse_date_fr("L'an deux mille vingt-deux, le dix mai à vingt heures")
    datetime.date(2022, 5, 10)
    >>> parse_date_fr("20/03/2023")
    datetime.date(2023, 3, 20)
    """
    if not text:
        return None
    for m in find_dates(text):
        return m.date
    return None
