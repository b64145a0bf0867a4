"""The calendar of French general local elections: where one council's term ends and the next begins.

A council's term (mandature) runs from one general election to the next; the members
named in its attendance lists between two elections are that term's members, and the
renewal after an election is a new term even when most members are re-elected. Terms are
read from this calendar rather than guessed from the lists: an election is national, its
date is known, and a council that re-elects three quarters of its members would otherwise
look like one term.

Each date is the first round of the general election (Code électoral; decrees convening
the electors): a council elected in full at the first round sits within the week (CGCT
L2121-7), and the few meetings of an outgoing council between the two rounds are a rare
exception the linker accepts. 2020 is the one year the new councils did not sit at once:
those elected on 15 March took office on 18 May 2020 (décret n° 2020-571 du 14 mai 2020),
so that date opens their term.

Intercommunal councils (communautés, métropoles, syndicats) are renewed after each
municipal election; départements and régions have their own calendars (conseils généraux
were renewed by halves until 2015: each half renewal opens a new term of the assembly).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from pipeline.normalize.names import fold

D = dt.date

#: Municipal general elections (and so intercommunal councils): first round.
MUNICIPAL = (D(1983, 3, 6), D(1989, 3, 12), D(1995, 6, 11), D(2001, 3, 11), D(2008, 3, 9),
             D(2014, 3, 23), D(2020, 5, 18), D(2026, 3, 15))
#: Cantonal elections (half renewals of the conseils généraux), then départementales.
DEPARTMENTAL = (D(1998, 3, 15), D(2001, 3, 11), D(2004, 3, 21), D(2008, 3, 9), D(2011, 3, 20),
                D(2015, 3, 22), D(2021, 6, 20))
#: Regional elections.
REGIONAL = (D(1998, 3, 15), D(2004, 3, 21), D(2010, 3, 14), D(2015, 12, 6), D(2021, 6, 20))

CALENDARS: dict[str, tuple[dt.date, ...]] = {
    "municipal": MUNICIPAL, "departmental": DEPARTMENTAL, "regional": REGIONAL,
}

#: The kind of authority, from the words of its name: a commune ("Commune de Chéméré",
#: "Ville de Lannion", "Mairie de …"), an intercommunality ("Communauté d'agglomération …",
#: "Métropole …", "Syndicat …"), a département, a région (or a collectivité territoriale
#: unique, elected with the régions).
_KIND_RE = (
    ("municipal", re.compile(r"\b(?:commune|ville|mairie|communaute|metropole|agglomeration|syndicat"
                             r"|pole\s+metropolitain|etablissement\s+public\s+territorial|sivom|sivu)\b")),
    ("departmental", re.compile(r"\b(?:departement|conseil\s+(?:departemental|general))\b")),
    ("regional", re.compile(r"\b(?:region|conseil\s+regional|collectivite\s+(?:territoriale\s+)?de"
                            r"\s+(?:corse|guyane|martinique))\b")),
)

#: The calendar of a body when the authority's name does not tell.
_BODY_KIND = {
    "conseil_municipal": "municipal", "conseil_communautaire": "municipal",
    "conseil_departemental": "departmental", "conseil_regional": "regional",
}


def calendar_of(authority: str | None, body: str | None) -> str | None:
    """The election calendar a council follows: "municipal", "departmental", "regional" or None.

    >>> calendar_of("Commune de Chemere", "conseil_municipal"), calendar_of("Département du Nord", "commission_permanente")
    ('municipal', 'departmental')
    """
    text = fold(authority or "")
    for kind, rx in _KIND_RE:
        if rx.search(text):
            return kind
    return _BODY_KIND.get(body or "")


def term_of(calendar: str | None, day: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """The term a meeting held on ``day`` belongs to: (start, end), the elections around it.

    >>> term_of("municipal", dt.date(2014, 4, 22))
    (datetime.date(2014, 3, 23), datetime.date(2020, 5, 18))
    >>> term_of("municipal", dt.date(2014, 2, 26))
    (datetime.date(2008, 3, 9), datetime.date(2014, 3, 23))
    >>> term_of(None, dt.date(2014, 2, 26))
    (None, None)
    """
    dates = CALENDARS.get(calendar or "")
    if not dates or day is None:
        return None, None
    i = bisect_right(dates, day)
    start = dates[i - 1] if i > 0 else None
    end = dates[i] if i < len(dates) else None
    return start, end
