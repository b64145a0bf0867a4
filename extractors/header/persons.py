"""Under whom: the president of the session and its secretary, as "Prénom NOM" (the names are
split by :func:`pipeline.normalize.names.parse_person`, the project's one name parser).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from extractors.header.text import fold
from pipeline.model import collapse_ws
from pipeline.normalize.names import parse_person

# ---------------------------------------------------------------------------
# President and secretary
# ---------------------------------------------------------------------------

_CIV = r"(?:Monsieur|Madame|MONSIEUR|MADAME|Mademoiselle|Mme|MME|Mlle|M\.|Mr\.?|M(?=[A-Z][a-zà-ÿ]))"
# A printed name: up to five capitalised words ("Jean-Claude LEROY", "MONNIER Martine",
# "S.MEARY", "Paul LE BIHAN"), on one line or wrapped before a surname in capitals.
_PERSON = r"""(?:[A-ZÀ-Ý][\wÀ-ÿ'’-]*\.?(?:[ \t]+|\n(?=[A-ZÀ-Ý][A-ZÀ-Ý'’-]+\b)|(?<=\.)(?=[A-Z])|(?<=-)\n(?=[A-ZÀ-Ý]))){0,4}[A-ZÀ-Ý][\wÀ-ÿ'’-]*"""
# (a compound first name cut at its hyphen by a line end: "Monsieur Jean-" / "Paul LERAY")

_PERSON_LINE = r"""(?:[A-ZÀ-Ý][\wÀ-ÿ'’-]*\.?(?:[ \t]+|(?<=\.)(?=[A-Z]))){0,4}[A-ZÀ-Ý][\wÀ-ÿ'’-]*"""

#: "PRESIDENCE DE MONSIEUR JEAN-CLAUDE LEROY", "sous la présidence de Mme MONNIER
#: Martine, Maire", "Présidence : M. Julien GUÉRIN, Président", "sous la Présidence de
#: Monsieur le Maire, Philippe SAUREL", "sous la présidence de Christine FOROT, MAIRE".
PRESIDENT_RES: tuple[re.Pattern[str], ...] = (
    # the office first, then the name: "présidence de Monsieur le Maire, Philippe SAUREL"
    re.compile(rf"""(?i:pr[ée]sidence\s*(?:de\s+|:\s*))(?:{_CIV}\s*)?(?i:le\s+maire|le\s+pr[ée]sident)\s*,\s*
                    (?P<name>{_PERSON})""", re.X),
    # the name: "PRESIDENCE DE MADAME VÉRONIQUE LE GALL", "Présidence : M. Julien GUÉRIN"
    re.compile(rf"""(?i:pr[ée]sidence\s*(?:de\s+|:\s*))(?P<name>(?:{_CIV}\s*)?{_PERSON})""", re.X),
)

#: Who convened the assembly, when no "sous la présidence de" is printed: the maire or the
#: président convenes and chairs (CGCT L.2121-10, L.5211-11), so the convener named with
#: that office is the president: "La convocation … a été faite le 22 octobre 2021, … par
#: Yves Nicolin, Président.", "dûment convoqué par Monsieur Jean DUPONT, Maire", "convoqués
#: le 3 mars par M. le Président, Paul MARTIN". The office must follow (or precede) the name:
#: a convocation signed by a director general is no president.
CONVENER_RES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"""(?i:convo(?:cation|qu[ée]e?s?)\b)[^.;]{{0,200}}?\b(?i:par)\s+
                    (?:{_CIV}\s*)?(?i:le\s+maire|le\s+pr[ée]sident(?:e)?)\s*,\s*(?P<name>{_PERSON})""", re.X),
    re.compile(rf"""(?i:convo(?:cation|qu[ée]e?s?)\b)[^.;]{{0,200}}?\b(?i:par)\s+
                    (?P<name>(?:{_CIV}\s*)?{_PERSON})\s*,\s*(?i:(?:l[ea]\s+)?(?:maire|pr[ée]sident(?:e)?))\b""", re.X),
)

#: The secretary's duties named in a sentence: "pour remplir les fonctions de secrétaire de
#: séance", "pour assurer la fonction de secrétaire", "en qualité de secrétaire".
_AS_SECRETARY = r"""(?:(?:en\s+tant\s+que|comme|en\s+qualit[ée]\s+de
                       |pour\s+(?:remplir|assurer|exercer|tenir)\s+(?:les|la)\s+fonctions?\s+de)\s+)?secr[ée]taire"""

#: "Secrétaire : Mme Marie-Line PLOUVIEZ", "Secrétaire de séance : Mme MASSON Sylvie",
#: "Secrétaires de Séance : Bertrand DUBOIS ; Marc LEVEQUE", "M. PERRAUD est désigné(e) en
#: tant que secrétaire de séance", "Mme Trefina KERRAIN, ayant obtenu la majorité des
#: suffrages, a été désignée pour remplir ces fonctions", "M. X a été désigné pour remplir
#: les fonctions de secrétaire de séance", "le Conseil municipal a désigné M. X pour remplir
#: les fonctions de secrétaire de séance", "Secrétaire élu : M. X".
SECRETARY_RES: tuple[re.Pattern[str], ...] = (
    # a labelled line, one or two names; the label may follow the list on its line ("…
    # (pouvoir à M. Olivier FOURNIER). Secrétaire : M. Franck BRUNET.") and carry the choice
    # ("Secrétaire élu :", "Secrétaire de séance désignée :")
    re.compile(rf"""(?:^|(?<=\.[ \t]))\W{{0,2}}(?i:secr[ée]taires?(?:\s+de\s+s[ée]ance)?(?:\s+(?:[ée]lue?s?|d[ée]sign[ée]e?s?|nomm[ée]e?s?))?)
                    [ \t]*:[ \t]*(?P<name>(?:{_CIV}[ \t]*)?{_PERSON_LINE}
                    (?:[ \t]*[;,][ \t]*(?:et[ \t]+)?(?:{_CIV}[ \t]*)?{_PERSON_LINE})?)""", re.X | re.M),
    # "A été élue secrétaire de séance : Mme Régine CORMIER.", "Est désigné secrétaire : M. X"
    re.compile(rf"""(?i:(?:a\s+[ée]t[ée]|est|sont|ont\s+[ée]t[ée])\s+(?:[ée]lue?s?|d[ée]sign[ée]e?s?|nomm[ée]e?s?)\s+
                    (?:en\s+qualit[ée]\s+de\s+|comme\s+)?secr[ée]taires?(?:\s+de\s+s[ée]ance)?)[ \t]*:[ \t]*
                    (?P<name>(?:{_CIV}[ \t]*)?{_PERSON_LINE})""", re.X),
    # "M. PERRAUD est désigné(e) en tant que secrétaire de séance", "M. X a été désigné pour
    # remplir les fonctions de secrétaire de séance"
    re.compile(rf"""(?P<name>{_CIV}\s*{_PERSON})\s*,?\s+(?i:(?:est|a\s+[ée]t[ée])\s+(?:d[ée]sign[ée]|nomm[ée]|[ée]lu)
                    (?:\(?e\)?)?\s+{_AS_SECRETARY})""", re.X),
    # the council designates: "le Conseil municipal a désigné M. X pour remplir les
    # fonctions de secrétaire de séance", "désigne Mme Y comme secrétaire de séance"
    re.compile(rf"""(?i:\b(?:a\s+(?:d[ée]sign[ée]|nomm[ée]|[ée]lu)|d[ée]signe|nomme|[ée]lit))\s+(?P<name>{_CIV}\s*{_PERSON})
                    \s*,?\s+(?i:(?:en\s+tant\s+que|comme|en\s+qualit[ée]\s+de
                                  |pour\s+(?:remplir|assurer|exercer|tenir)\s+(?:les|la)\s+fonctions?\s+de)\s+secr[ée]taire)""", re.X),
    # "Désignation d'un secrétaire de séance (article L.2121-15 du CGCT) : Mme Anne-Marie DEFRANCE a été désignée."
    re.compile(rf"""(?i:secr[ée]taire\s+de\s+s[ée]ance)[^:\n]{{0,160}}(?:\n[^:\n]{{0,100}})?:\s*(?P<name>{_CIV}\s*{_PERSON})
                    \s*,?\s+(?i:(?:est|a\s+[ée]t[ée])\s+(?:d[ée]sign[ée]|nomm[ée]|[ée]lu))""", re.X),
    # Lannion: the election of a secretary, then "Mme X, ayant obtenu …, a été désignée
    # pour remplir ces fonctions"
    re.compile(rf"""(?i:secr[ée]taire)[^.]{{0,80}}\.\s*(?P<name>{_CIV}\s*{_PERSON})\s*,[^.]{{0,80}}?
                    (?i:a\s+[ée]t[ée]\s+d[ée]sign[ée]e?\s+pour\s+remplir\s+ces\s+fonctions)""", re.X),
)

# What may follow a name and is not part of it: the office, a comma, a bracket.
_NAME_TAIL_RE = re.compile(
    r"""[\s,]+(?:maire|pr[ée]sident(?:e)?|adjoint|conseill|vice|secr[ée]taire|assist|d[ée]l[ée]gu)[\s\S]*$""",
    re.I | re.X,
)

_NOT_A_NAME = {"le", "la", "maire", "président", "présidente", "president", "presidente"}


_CIVILITY_PREFIX_RE = re.compile(
    r"^(?:monsieur|madame|mademoiselle|mme|mlle|mr\.?|m\.(?!\s?[A-Z]\.)|m(?=\s))\s*", re.I)


def _is_upper_name(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def person_name(printed: str) -> str | None:
    """"Prénom NOM" from a name printed alone, in either order, or None when unsure.

    What follows the name (the office, a bracket) and a civility are dropped here; the name
    itself is split by :func:`pipeline.normalize.names.parse_person`, and an order it cannot
    tell (``Person.unclear``), an office word ("Monsieur le Maire") or more than five words
    give None.

    >>> person_name("MONSIEUR JEAN-CLAUDE LEROY")
    'Jean-Claude LEROY'
    >>> person_name("Mme MONNIER Martine")
    'Martine MONNIER'
    >>> person_name("S.MEARY")
    'S. MEARY'
    """
    printed = re.sub(r"(?<=[A-Za-zÀ-ÿ])-[ \t]*\n[ \t]*(?=[A-ZÀ-Ý])", "-", printed)  # "Jean-" / "Paul LERAY"
    if re.search(r"[-‐]\s*$", printed):
        return None  # "Monsieur Jean-" cut at a line end (a margin block read between): unsure
    text = _NAME_TAIL_RE.sub("", collapse_ws(printed)).strip(" ,;.(")
    text = re.sub(r"\s*\(.*$", "", text)
    text = _CIVILITY_PREFIX_RE.sub("", text).strip()
    if not text or fold(text.split()[0]) in _NOT_A_NAME or len(text.split()) > 5:
        return None
    if len(text.split()) == 1 and not _is_upper_name(text):
        return None  # "Monsieur Georges" / (margin block) / "LECLEVE, Maire": a first name alone is cut
    person = parse_person(text)
    return None if person.unclear else person.full_name


def find_person(text: str, patterns: Iterable[re.Pattern[str]]) -> str | None:
    """The first person named by ``patterns`` in ``text`` ("A B, C D" for two secretaries)."""
    if not text:
        return None
    for rx in patterns:
        # a label of the margin block that a two-column layout put after the words
        # ("sous la présidence de Monsieur" / "Procuration : 2	Georges LECLEVE, Maire") is no name
        m = next((m for m in rx.finditer(text) if not re.match(r"[ \t]*:", text[m.end("name"):])), None)
        if not m:
            continue
        printed = m.group("name")
        people = [p for p in re.split(r"\s*(?:;|,\s*(?=(?:M\.|Mme|Monsieur|Madame)\b)|\bet\s+)\s*", printed) if p.strip()]
        names = [person_name(p) for p in people]
        if names and all(names):
            return ", ".join(n for n in names if n)
    return None


# ---------------------------------------------------------------------------
# A president of the session for part of the meeting
# ---------------------------------------------------------------------------

#: The council chooses who chairs while its president is out of the room (the maire or the
#: président may not chair the vote of his own compte administratif, CGCT L.2121-14): "M.
#: GOUPIL est déclaré élu en qualité de Président de séance", "Mme Claire DURAND est désignée
#: présidente de séance", "la présidence de séance est confiée à M. Paul MARTIN", "M. Jean
#: ROUX, doyen d'âge, prend la présidence".
SESSION_CHAIR_RES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"""(?P<name>{_CIV}\s*{_PERSON})\s*,?\s+(?i:(?:est|a\s+[ée]t[ée])\s+(?:d[ée]clar[ée](?:\(?e\)?)?\s+)?
                    (?:[ée]lu|d[ée]sign[ée]|nomm[ée])(?:\(?e\)?)?\s+(?:en\s+qualit[ée]\s+de\s+|comme\s+|pour\s+)?
                    pr[ée]sident(?:e)?\s+de\s+(?:la\s+)?s[ée]ance)""", re.X),
    re.compile(rf"""(?i:pr[ée]sidence\s+de\s+(?:la\s+)?s[ée]ance\s+(?:est\s+)?(?:confi[ée]e|assur[ée]e)\s+(?:à|par)\s+)
                    (?P<name>(?:{_CIV}\s*)?{_PERSON})""", re.X),
    re.compile(rf"""(?P<name>{_CIV}\s*{_PERSON})\s*,\s*[^,\n]{{0,40}},\s*(?i:(?:prend|assure)\s+la\s+pr[ée]sidence)""",
               re.X),
)

#: …until the president takes the chair again: "M. SUPERBI réintègre le Conseil et reprend la
#: présidence de séance", "Monsieur le Maire reprend la présidence", "redevient Président".
CHAIR_RETURN_RE = re.compile(r"\breprend\s+la\s+pr[ée]sidence|\bredevient\s+pr[ée]sident", re.I)


@lru_cache(maxsize=8)
def chair_changes(text: str) -> tuple[tuple[int, int, str | None], ...]:
    """Where the chair changes hands in minutes ``text``: (start, end, name printed) of each
    choice of a president of the session, (start, end, None) where the president takes the
    chair again; in order, read once per document."""
    events: list[tuple[int, int, str | None]] = []
    for rx in SESSION_CHAIR_RES:
        events += [(m.start("name"), m.end("name"), m.group("name")) for m in rx.finditer(text)]
    events += [(m.start(), m.end(), None) for m in CHAIR_RETURN_RE.finditer(text)]
    return tuple(sorted(events))


def session_chair(text: str, before: int, names_text: str = "") -> tuple[str, tuple[int, int] | None] | None:
    """The president of the session chosen before offset ``before`` of minutes ``text`` and
    still in the chair there (no "reprend la présidence" since), as "Prénom NOM" — a surname
    alone is the one member of ``names_text`` (the attendance) bearing it — with where it
    is printed (None when the list named him in full: the value is not printed at the choice);
    None when the president chairs."""
    last = None
    for event in chair_changes(text):
        if event[0] >= before:
            break
        last = event
    if last is None or last[2] is None:
        return None
    printed = last[2]
    name = person_name(printed)
    at: tuple[int, int] | None = (last[0], last[1])
    if name and " " not in name:
        full = _known_by_surname(name, names_text)
        if full:
            name, at = full, None  # named in full by the list: printed there, not at "M. GOUPIL"
    return (name, at) if name else None


# ---------------------------------------------------------------------------
# The president as signatory
# ---------------------------------------------------------------------------

#: The president's office on the signature line: "Le Président,", "La Présidente de la
#: Communauté de communes,", "Le Maire,", "Le Maire :", "Le Président du Conseil régional" (not
#: "Pour le Président et par délégation, le Vice-Président").
_OFFICE_LINE_RE = re.compile(
    r"""^\W{0,2}(?:l[ea]\s+)?(?:pr[ée]sident(?:e)?|maire)
        (?:\s+(?:du|de\s+la|de\s+l['’]|des)\s+(?=[^,\t\n]{0,20}(?:conseil|communaut|m[ée]tropole|d[ée]partement|r[ée]gion
                                                            |syndicat|agglom|commune|ville))[^,:\t\n]{3,60})?\s*[,:]?\s*$""",
    re.I | re.X,
)

#: "Signé électroniquement par : Patrick LE GALL" (then "Qualité : Président du Conseil régional").
_SIGNED_BY_RE = re.compile(rf"sign[ée]\s+[ée]lectroniquement\s+par\s*:?\s*(?P<name>{_PERSON_LINE})\s*$", re.I | re.M)
_QUALITY_PRESIDENT_RE = re.compile(r"^\W{0,2}qualit[ée]\s*:\s*(?:l[ea]\s+)?(?:pr[ée]sident(?:e)?|maire)\b", re.I)


def _known_by_surname(surname: str, names_text: str) -> str | None:
    """The one person of ``names_text`` (an attendance list) whose surname is ``surname``
    ("DELATTRE" in "Mme DELATTRE Sandrine, M. BAILLY Pierre-Yves" → "Sandrine DELATTRE")."""
    first = r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?"
    found = {m.group(1) for m in re.finditer(rf"\b({first})\s+{re.escape(surname)}\b", names_text)}
    # "NOM Prénom" on one line: after a line end comes the next line's first word ("- Monsieur
    # Sylvain GOUPIL" / "Le vote à main levée …"), not a first name
    found |= {m.group(1) for m in re.finditer(rf"\b{re.escape(surname)}[ \t]+({first})\b", names_text)}
    found -= {"Mme", "Madame", "Monsieur", "Mlle", "Mademoiselle", "Mr", "Me", "Maître", "Docteur"}
    return f"{found.pop()} {surname}" if len(found) == 1 else None


def find_by_surname(text: str, patterns: Iterable[re.Pattern[str]], names_text: str) -> str | None:
    """The person ``patterns`` name by a civility and a surname only ("M. PERRAUD est
    désigné(e) en tant que secrétaire de séance"), as the one member of ``names_text`` (the
    attendance) with that surname ("Jean-Claude PERRAUD"); None when the list has none or
    several."""
    if not text or not names_text:
        return None
    for rx in patterns:
        m = next((m for m in rx.finditer(text) if not re.match(r"[ \t]*:", text[m.end("name"):])), None)
        if not m:
            continue
        printed = _CIVILITY_PREFIX_RE.sub("", _NAME_TAIL_RE.sub("", collapse_ws(m.group("name")))).strip(" ,;.")
        if re.fullmatch(r"[A-ZÀ-Ý][A-ZÀ-Ý'’-]+", printed):
            return _known_by_surname(printed, names_text)
        return None
    return None


def in_full(surname: str, *candidates: str | None) -> str | None:
    """The first of ``candidates`` ("Prénom NOM") that names in full the person ``surname``
    names ("ARMAND", "Yves ARMAND" → "Yves ARMAND"), or None.

    >>> in_full("ARMAND", None, "Yves ARMAND")
    'Yves ARMAND'
    >>> in_full("ARMAND", "Yves BUSIN") is None
    True
    """
    key = fold(surname).strip(" .,")
    for c in candidates:
        if c and " " in c.strip() and fold(c.split()[-1]) == key:
            return c
    return None


def find_signatory(text: str, names_text: str = "") -> str | None:
    """The president or mayor who signs ``text`` (a signature block), as "Prénom NOM".

    The office stands alone on its line and the name on the next, in the same column of a
    two-column block ("Le maire,\\tLe secrétaire de séance" / "Daniel JUGY\\tJulien PONS");
    a signature by delegation ("Pour le Président et par délégation") gives None. Where a
    scribble over the name leaves only the surname legible on a scan ("sn LEBLANC"), the
    one member of ``names_text`` (the attendance) with that surname is the signatory.

    >>> find_signatory("Pour extrait conforme,\\nLe Président de la Communauté de communes,\\nNicolas LEBLANC")
    'Nicolas LEBLANC'
    >>> find_signatory("Le maire,\\tLe secrétaire de séance\\nDaniel JUGY\\tJulien PONS")
    'Daniel JUGY'
    """
    if not text:
        return None
    lines = [ln for ln in text.split("\n") if ln.strip()]
    for k, line in enumerate(lines):
        m = _SIGNED_BY_RE.search(line)
        if m and any(_QUALITY_PRESIDENT_RE.match(x) for x in lines[k + 1:k + 3]):
            return person_name(m.group("name"))
    for k, line in enumerate(lines[:-1]):
        cells = [c.strip() for c in line.split("\t")]
        col = next((i for i, c in enumerate(cells) if _OFFICE_LINE_RE.match(c)), None)
        if col is None or re.search(r"d[ée]l[ée]gation|^\W{0,2}pour\b", line, re.I):
            continue
        if k and re.match(r"^\W{0,2}pour\s+l[ea]\s+(?:pr[ée]sident|maire)", lines[k - 1], re.I):
            continue
        below = [c.strip() for c in lines[k + 1].split("\t")]
        if len(below) != len(cells) or not re.fullmatch(_PERSON_LINE, below[col]):
            caps = re.findall(r"\b[A-ZÀ-Ý][A-ZÀ-Ý'-]{2,}\b", lines[k + 1])
            known = _known_by_surname(caps[-1], names_text) if caps and names_text and len(cells) == 1 else None
            if known:
                return known
            continue
        name = person_name(below[col])
        if name and len(name.split()) >= 2:
            return name
    return None
