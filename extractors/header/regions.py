"""The régions of France by their official names: "Conseil régional du Grand Est", "RÉGION
HAUTS-DE-FRANCE", "Région des Pays de la Loire" all name one collectivité, styled "Région Grand
Est", "Région Hauts-de-France", "Région Pays de la Loire" (the name each région gives itself,
without the article the sentence adds).

A closed list: the thirteen metropolitan régions of 2016, the two overseas régions that kept
the name, and the régions before 2016, which older archives print.
"""

from __future__ import annotations

import re

from extractors.header.text import fold

#: Official names, as each région styles itself after "Région".
REGIONS: tuple[str, ...] = (
    "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire", "Grand Est",
    "Hauts-de-France", "Île-de-France", "Normandie", "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire",
    "Provence-Alpes-Côte d'Azur", "Guadeloupe", "Réunion",
    # before 2016
    "Alsace", "Aquitaine", "Auvergne", "Basse-Normandie", "Bourgogne", "Centre", "Champagne-Ardenne",
    "Franche-Comté", "Haute-Normandie", "Languedoc-Roussillon", "Limousin", "Lorraine", "Midi-Pyrénées",
    "Nord-Pas-de-Calais", "Picardie", "Poitou-Charentes", "Rhône-Alpes",
)


def _key(name: str) -> str:
    return re.sub(r"[^a-z]+", " ", fold(name).lower()).strip()


_BY_KEY = {_key(n): n for n in REGIONS}
# "Région Réunion" is printed "Région de La Réunion", "Occitanie / Pyrénées-Méditerranée"
_BY_KEY.update({"la reunion": "Réunion", "occitanie pyrenees mediterranee": "Occitanie"})
# Provence-Alpes-Côte d'Azur has styled itself "Région Sud" since 2017, in full "Région Sud
# Provence-Alpes-Côte d'Azur" on its deliberations: the name as the région prints it
_BY_KEY.update({"sud provence alpes cote d azur": "Sud Provence-Alpes-Côte d'Azur"})
_LONGEST_FIRST = sorted(_BY_KEY, key=len, reverse=True)
#: Names that are a région's only when nothing follows them: "RÉGION SUD" on a letterhead,
#: not "Région Sud-Ouest" nor "la région Sud de …".
_ALONE = {"sud": "Sud"}

#: The article a sentence puts before a région's name: "du Grand Est", "des Hauts-de-France".
_LINK_RE = re.compile(r"^(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)", re.I)


def region_name(printed: str) -> str | None:
    """The official name of the région whose name starts ``printed`` (what follows "Région"
    or "Conseil régional"), or None when it is not one.

    >>> region_name("du Grand Est")
    'Grand Est'
    >>> region_name("HAUTS-DE-FRANCE")
    'Hauts-de-France'
    >>> region_name("des Pays de la Loire, réuni en séance")
    'Pays de la Loire'
    """
    named = _LINK_RE.sub("", printed.strip())
    if not named[:1].isupper():
        return None  # "la région centre de …": a common noun
    rest = _key(named)
    if rest in _ALONE and re.fullmatch(r"[\w\s]+", named.strip()):
        return _ALONE[rest]
    for key in _LONGEST_FIRST:
        if rest == key or rest.startswith(key + " "):
            return _BY_KEY[key]
    return None


#: "Région Hauts-de-France", "RÉGION GRAND EST", "Conseil régional du Grand Est",
#: "CONSEIL RÉGIONAL DES HAUTS-DE-FRANCE", "La Région Bretagne".
REGION_RE = re.compile(r"(?<!\w)(?:conseil\s+r[ée]gional|r[ée]gion)\s+(?P<rest>[^\n,;.()]{2,60})", re.I)


def find_region(text: str) -> str | None:
    """"Région <official name>" for the first région named in ``text``, else None.

    >>> find_region("CONSEIL RÉGIONAL DU GRAND EST\\nExtrait des délibérations")
    'Région Grand Est'
    """
    for m in REGION_RE.finditer(text or ""):
        name = region_name(m.group("rest"))
        if name:
            return f"Région {name}"
    return None
