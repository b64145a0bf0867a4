"""The deliberating bodies of French local authorities as documents print them.

One vocabulary for the contract's ``acts.body`` codes: the header extractor reads a body
from it ("Le Conseil de Communauté, convoqué le …" → ``conseil_communautaire``), and
provenance finds and checks where that body is printed with the same words.
"""

from __future__ import annotations

import re

#: Body code → how it is printed, most specific first: a commission permanente is "of the
#: conseil départemental", so its name must win when both are printed. An EPCI's council is
#: "conseil communautaire", "Conseil de Communauté", "conseil de la Métropole" or
#: "conseil métropolitain" (the Eurométropole de Strasbourg's "Conseil de l'Eurométropole": a
#: métropole, an EPCI like the others); a bureau is "communautaire", "municipal", "syndical" or
#: "délibératif", or heads its own numbered list ("DÉLIBÉRATION DU BUREAU N° …"). A département's
#: council sits as "l'Assemblée départementale". A syndicat's (intercommunal, mixte, SIVOM,
#: SIVU, PETR) deliberating assembly is its "comité syndical", or "conseil syndical": the
#: contract's ``other``.
BODY_PATTERNS: tuple[tuple[str, str], ...] = (
    ("commission_permanente", r"commission\s+permanente"),
    ("bureau", r"bureau\s+(?:communautaire|municipal|syndical|d[ée]lib[ée]ratif)|^\W{0,2}bureau\s+n\s?[°o]"),
    ("conseil_communautaire", r"conseil\s+communautaire|conseillers\s+communautaires|conseil\s+de\s+communaut[ée]"
                              r"|conseil\s+de\s+(?:la\s+|l['’]\s?)(?:euro)?m[ée]tropole|conseil\s+m[ée]tropolitain"),
    ("conseil_municipal", r"conseil\s+municipal|conseillers\s+municipaux"),
    ("conseil_departemental", r"conseil\s+d[ée]partemental|conseil\s+g[ée]n[ée]ral|assembl[ée]e\s+d[ée]partementale"),
    ("conseil_regional", r"conseil\s+r[ée]gional"),
    ("other", r"comit[ée]\s+syndical|conseil\s+syndical"),
)

_COMPILED: dict[str, re.Pattern[str]] = {code: re.compile(rx, re.I) for code, rx in BODY_PATTERNS}


def body_in(text: str) -> str | None:
    """The code of the first body of :data:`BODY_PATTERNS` (in its order) that ``text`` names.

    >>> body_in("Le Conseil de Communauté, convoqué le 19/01/2023")
    'conseil_communautaire'
    >>> body_in("la Commission permanente du Conseil départemental")
    'commission_permanente'
    """
    for code, rx in _COMPILED.items():
        if rx.search(text):
            return code
    return None


def body_words(code: str) -> re.Pattern[str] | None:
    """The pattern of the words that print the body ``code`` ("conseil de communauté" …)."""
    return _COMPILED.get(code)
