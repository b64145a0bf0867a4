"""Names of organisations as printed (grant beneficiaries) → one key per organisation.

A grant's beneficiary is named differently from one act to the next, and from one year to
the next: "Association « Les Amis de l'Orgue »", "LES AMIS DE L'ORGUE", "Les amis de
l’orgue (association)"; "Comité des Fêtes de Chéméré" and "COMITE DES FETES DE CHEMERE";
"SARL Boulangerie Durand" and "Boulangerie DURAND". :func:`organisation_key` folds what
does not tell two organisations apart — case, accents, quotes, punctuation, the words of a
legal form — and keeps every other word, so two different organisations keep two keys.
"""

from __future__ import annotations

import re

from pipeline.normalize.names import fold

#: Words of a legal form, which the same organisation prints or leaves out: the association
#: law of 1901 ("Association …", "… (association loi 1901)"), companies (SARL, SAS, SASU,
#: SA, EURL, SNC, SCI, SCOP, SCIC, SEM, SPL, EI, EIRL), groupings (GIE, GIP).
LEGAL_FORM_RE = re.compile(
    r"""\b(?:
        associations?(?:\s+(?:de\s+)?loi\s+(?:du\s+1er\s+juillet\s+)?1901)?   # association (loi 1901)
      | asso\b | assoc\b                                                      # abbreviations
      | loi\s+(?:du\s+1er\s+juillet\s+)?1901                                  # "loi 1901" alone
      | s\.?a\.?r\.?l | s\.?a\.?s\.?u? | s\.?a | e\.?u\.?r\.?l | s\.?n\.?c     # companies
      | s\.?c\.?i | s\.?c\.?o\.?p | s\.?c\.?i\.?c | s\.?e\.?m | s\.?p\.?l
      | e\.?i\.?r\.?l | g\.?i\.?e | g\.?i\.?p                                 # groupings
    )\b\.?""",
    re.X,
)

#: Quotes and brackets around a name or a part of it: « », “ ”, " ", ‘ ’, ( ).
_QUOTES_RE = re.compile(r"[«»“”„\"‘()\[\]]")

#: Small words printed or left out ("Comité des fêtes de Chéméré", "Comité des fêtes
#: Chéméré", "L'Amicale"): articles, "de", "et".
_SMALL_WORDS = frozenset({"l", "le", "la", "les", "de", "du", "des", "d", "et"})


def organisation_key(name: str | None) -> str | None:
    """The name folded to what tells organisations apart; None for an empty name.

    >>> organisation_key("Association « Les Amis de l'Orgue »")
    'amis orgue'
    >>> organisation_key("SARL Boulangerie DURAND") == organisation_key("Boulangerie Durand")
    True
    """
    if not name or not name.strip():
        return None
    text = fold(_QUOTES_RE.sub(" ", name)).replace("œ", "oe").replace("æ", "ae")
    text = LEGAL_FORM_RE.sub(" ", text)
    text = re.sub(r"(?<=\b\w)\.(?=\w\b)|(?<=\b\w)\.$", "", text)  # "a.p.e" → "ape"
    words = [w for w in re.split(r"[^\w]+", text) if w and w not in _SMALL_WORDS]
    return " ".join(words) or None


#: How a commune is styled before its name: "Commune de Chéméré", "Ville de Lannion",
#: "Mairie d'Avranches", "Commune du Pouliguen".
_COMMUNE_STYLE_RE = re.compile(r"^(?:commune|ville|mairie)\s+(?:de\s+la\s+|de\s+l'|de\s+|d'|du\s+|des\s+)?")


def slug(text: str) -> str:
    """Folded letters and digits joined by hyphens: ``slug("Jean-Marie") == "jean-marie"``."""
    return "-".join(w for w in re.split(r"[^a-z0-9]+", fold(text).replace("œ", "oe")) if w)


def authority_key(authority: str | None) -> str | None:
    """One key per authority however a document styles it: a commune's "Commune de",
    "Ville de" or "Mairie de" are one ("commune-chemere"); other names are slugged whole.

    >>> authority_key("Commune de Chemere"), authority_key("Ville de Chéméré")
    ('commune-chemere', 'commune-chemere')
    >>> authority_key("Département du Pas-de-Calais")
    'departement-du-pas-de-calais'
    """
    if not authority or not authority.strip():
        return None
    text = fold(" ".join(authority.split()))
    m = _COMMUNE_STYLE_RE.match(text)
    if m:
        return "commune-" + slug(text[m.end():])
    return slug(text) or None


#: How an authority is styled before its name, as the header extractor styles it and as
#: documents print it: "Région Grand Est", "Département du Pas-de-Calais", "Communauté de
#: communes du Pays de Landerneau-Daoulas", "Communauté d'agglomération …", "Métropole de
#: Lyon", "Commune de Saint-Restitut", "Ville de Lannion", "Syndicat mixte du …".
_AUTHORITY_STYLE_RE = re.compile(
    r"""^(?:communaut[ée]\s+(?:de\s+communes|d['’]\s?agglom[ée]ration|urbaine)|d[ée]partement|r[ée]gion
           |m[ée]tropole|commune|ville|mairie|syndicat(?:\s+(?:mixte|intercommunal))?)
        \s*(?:de\s+la\s+|de\s+l['’]\s?|de\s+|d['’]\s?|du\s+|des\s+)?""",
    re.I | re.X,
)


def authority_name(authority: str | None) -> str | None:
    """The name of an authority without its style — what every way of printing it shares
    ("Région Grand Est" is printed "Conseil régional du Grand Est"; "Commune de
    Saint-Restitut", "MAIRIE DE SAINT RESTITUT"). None when nothing is left.

    >>> authority_name("Région Grand Est"), authority_name("Communauté de communes du Pays d'Iroise")
    ('Grand Est', "Pays d'Iroise")
    """
    if not authority:
        return None
    text = " ".join(authority.split())
    m = _AUTHORITY_STYLE_RE.match(text)
    rest = text[m.end():] if m else text
    return rest or None
