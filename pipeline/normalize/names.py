"""Person names as printed in deliberations → civility, first name, LAST NAME, "Prénom NOM".

French minutes print names in several ways, and this module reads them all:

* "M. Jean-Claude LEROY", "Madame Sylvie MEYFROIDT" (Prénom NOM: the surname is the
  part in capitals);
* "Mme MONNIER Martine", "M.CHARRIER Jean-Paul Maire" (NOM Prénom, civility glued to
  the name, a function label after it);
* "C.FOROT", "Y.ARMAND" (initial and surname, Saint-Restitut's minutes);
* "Christine Aranéo", "Jean-Luc Chervin" (no capitals at all: the last word is the
  surname);
* "Sheila Mc CARRON", "Cédric DE SAINT JOUAN", "Véronique LE GALL", "Anne-Claire Le ROUX"
  (particles kept with the surname, hyphens kept as printed);
* "de LA FOSSE Guy", "d'ALMEIDA Sandrine" (NOM Prénom whose surname opens on a particle);
* "VASSEUR J.", "BAILLY B." (surname and an initial: the initial is the first name);
* "Jean-Pierre", "Adeline" (a first name alone, as informal minutes list the members: no
  surname; with a civility, "M. Dupont", a lone word is the surname).

:func:`parse_person` splits one printed name; :func:`strip_functions` removes the
function labels councils print next to names ("Maire", "Adjoints", "Délégué",
"Vice-Président"); :func:`same_person` compares two names loosely (accents, case, an
initial against a first name).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Civilities as printed, mapped to the contract's two values.
CIVILITIES: dict[str, str] = {
    "m": "M.", "mr": "M.", "monsieur": "M.", "mm": "M.", "messieurs": "M.",
    "mme": "Mme", "madame": "Mme", "mlle": "Mme", "mademoiselle": "Mme", "mmes": "Mme",
    "mesdames": "Mme",
}

CIVILITY_RE = re.compile(
    r"""^(?:
        (?P<word>(?i:Monsieur|Madame|Mademoiselle|Messieurs|Mesdames))\b\s*   # spelled out, any case
      | (?P<abbr>(?i:Mmes|Mme|Mlle)|MM|Mr|M)(?:\.\s*|\s+)                # "Mme ", "MME ", "M. ", "M.CHARRIER"
    )""",
    re.X,
)

#: Function labels printed next to a name: "M. ROBERT Henri Adjoints", "M. JALON Benjamin
#: Délégué", "Mme MONNIER Martine, Maire", "M. Arnaud MARÉCHAL, Vice-Président",
#: "1er adjoint", "Conseillère municipale déléguée".
FUNCTION_RE = re.compile(
    r"""(?:,\s*|\s+|^)(?:
        (?:\d+\s*(?:er|ère|e|ème)\s+)?                       # "1er adjoint", "2ème Adjointe"
        (?:vice[\s-]*)?pr[ée]sident(?:e)?s?                   # Président, Vice-Présidente
      | (?:\d+\s*(?:er|ère|e|ème)\s+)?adjoint(?:e)?s?(?:\s+au\s+maire)?   # Adjoint(e)(s)
      | maire(?:\s+adjoint(?:e)?)?s?                          # Maire, Maire adjoint
      | conseill[eè]re?s?(?:\s+(?:municipa(?:l|le|ux|les)|communautaires?|d[ée]partementa(?:l|le|ux)
                              |d[ée]l[ée]gu[ée](?:e)?s?))*    # Conseiller municipal délégué
      | d[ée]l[ée]gu[ée](?:e)?s?(?:\s+(?:titulaires?|suppl[ée]ant(?:e)?s?))?   # Délégué
      | suppl[ée]ant(?:e)?s? | titulaires?                    # Suppléant, titulaire
      | rapporteur(?:e)?
    )(?=\s*$|\s*[,;)]|\s+(?:[A-ZÀ-Ý]|$))""",
    re.I | re.X,
)

#: Lower-case particles that belong to the surname when they stand right before it.
PARTICLES = {"de", "du", "des", "d'", "d’", "le", "la", "van", "von", "der", "den", "mc", "mac", "di", "da", "del"}

#: "C.FOROT", "N. VERDON", "Y.ARMAND": an initial glued to a surname in capitals; the
#: initials of a compound first name ("J.-P. MARTIN", "M-C. PETIT", "J.P. DUPONT", "A. M. LEROY").
INITIAL_NAME_RE = re.compile(r"^(?P<init>[A-ZÀ-Ý](?:\.\s*-?\s*|-|\s+)(?:[A-ZÀ-Ý](?:\.\s*-?\s*|-|\s+))?(?:[A-ZÀ-Ý]\.\s*)?)"
                             r"(?P<last>[A-ZÀ-Ý][A-ZÀ-Ý'’-]+)$")


def _initials(printed: str) -> str:
    """Initials as one writes them: a point after each letter, the hyphen of a compound
    first name kept ("M-C" → "M.-C.", "J.P" → "J.P.", "A. M." → "A.M.", "C" → "C.")."""
    out = ""
    for ch in printed:
        if ch.isalpha():
            out += ch + "."
        elif ch == "-" and out:
            out += "-"
    return out.rstrip("-")


@dataclass(frozen=True)
class Person:
    civility: str | None
    first_name: str | None
    last_name: str | None
    printed: str
    #: The order of first name and surname cannot be told from the print: capitals on both
    #: sides of a word in lower case ("DUPONT Jean MARTIN"), or one word in lower case alone.
    #: The split above is a guess; readers that must not guess (a president) abstain.
    unclear: bool = False

    @property
    def full_name(self) -> str | None:
        parts = [p for p in (self.first_name, self.last_name) if p]
        return " ".join(parts) if parts else None


#: A lone initial: "J.", "B", "J.-P." (the first name of "VASSEUR J.").
_INITIAL_RE = re.compile(r"^[A-ZÀ-Ý]\.?(?:-[A-ZÀ-Ý]\.?)?$")


def _is_upper_token(tok: str) -> bool:
    # "d'ALMEIDA", "D'HALLUIN": an elided particle glued to a surname in capitals
    tok = re.sub(r"^[dD]['’](?=\w)", "", tok)
    letters = [c for c in tok if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and (len(letters) > 1 or tok.endswith("'"))


def _initial(tok: str) -> str:
    """ "B" → "B.", "J.-P" → "J.-P." """
    return tok if tok.endswith(".") else tok + "."


def fold(text: str) -> str:
    """Lower case without accents: ``fold("Élodie PRÉVOST") == "elodie prevost"``."""
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).lower().replace("’", "'")


def _drop_label(m: re.Match[str]) -> str:
    # A label in capitals right after a first name is a surname ("Mme Marie MAIRE")
    word = m.group(0).strip(" ,")
    return m.group(0) if word.isupper() and not m.group(0).lstrip().startswith(",") else ""


def strip_functions(text: str) -> str:
    """Remove function labels printed around a name.

    >>> strip_functions("M.CHARRIER Jean-Paul Maire")
    'M.CHARRIER Jean-Paul'
    >>> strip_functions("M. Arnaud MARÉCHAL, Vice-Président")
    'M. Arnaud MARÉCHAL'
    """
    previous = None
    out = text
    while previous != out:
        previous = out
        out = FUNCTION_RE.sub(_drop_label, out).strip(" ,;:-–—")
    return out if out else text


def is_function_label(text: str) -> bool:
    """True when ``text`` is only a function label, no name.

    >>> is_function_label("Conseillers municipaux délégués"), is_function_label("Adjoint")
    (True, True)
    >>> is_function_label("Jean MAIRE")
    False
    """
    text = text.strip(" ,;.:-–—")
    return bool(text) and not FUNCTION_RE.sub("", text).strip(" ,;.:-–—")


def is_person_shaped(printed: str) -> bool:
    """True when ``printed`` is written the way persons are, whoever reads it: with a civility
    ("Mme Martin", "M. X"), or a surname in capitals beside a given name or an initial ("Gérard
    BAUDRY", "BAUDRY Gérard", "G. BAUDRY"). "Bretagne Avenir", "Les Écologistes" or "Hissons
    haut la Bretagne" (groups, lists) are not; nor is a surname in capitals alone.

    >>> is_person_shaped("Gérard BAUDRY"), is_person_shaped("Mme Martin"), is_person_shaped("Les Écologistes de Bretagne")
    (True, True, False)
    """
    text = printed.strip(" ,;.")
    if CIVILITY_RE.match(text):
        return bool(CIVILITY_RE.sub("", text).strip())
    words = text.split()
    if not 2 <= len(words) <= 6:
        return False
    upper = [w for w in words if _is_upper_token(w.strip(",."))]
    other = [w for w in words if w not in upper]
    return bool(upper) and bool(other) and all(
        w.lower() in PARTICLES or re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ'’]*(?:-[A-ZÀ-Ý][a-zà-ÿ'’]*)*\.?|[A-ZÀ-Ý]\.(?:-[A-ZÀ-Ý]\.)?", w)
        for w in other)


def parse_person(printed: str) -> Person:
    """Split a printed name into civility, first name and last name (upper case as printed).

    >>> parse_person("Mme MONNIER Martine").full_name
    'Martine MONNIER'
    >>> parse_person("M. Jean-Claude LEROY").last_name
    'LEROY'
    >>> parse_person("C.FOROT").full_name
    'C. FOROT'
    """
    text = re.sub(r"\s+", " ", printed).strip(" ,;.:-–—")
    text = strip_functions(text)
    civility = None
    # "M.DENISE" alone is an initial and a surname, not "Monsieur DENISE" ("M. DENISE" is)
    if not INITIAL_NAME_RE.match(text) or re.match(r"M\.?\s", text):
        m = CIVILITY_RE.match(text)
        if m:
            key = (m.group("word") or m.group("abbr")).lower()
            civility = CIVILITIES.get(key, "M.")
            text = text[m.end():].strip()
    m = INITIAL_NAME_RE.match(text)
    if m:
        return Person(civility, _initials(m.group("init")), m.group("last"), printed)
    tokens = text.split()
    if not tokens:
        return Person(civility, None, None, printed)
    if len(tokens) >= 2 and _INITIAL_RE.match(tokens[-1]) and all(_is_upper_token(t) or t.lower() in PARTICLES
                                                                   for t in tokens[:-1]):
        # "VASSEUR J.", "de LA FOSSE O.": surname, then the initial of the first name
        return Person(civility, _initial(tokens[-1]), " ".join(tokens[:-1]), printed)
    if len(tokens) >= 2 and _INITIAL_RE.match(tokens[0]) and all(_is_upper_token(t) for t in tokens[1:]):
        # "J. DUPONT", "J.-P. MARTIN"
        return Person(civility, _initial(tokens[0]), " ".join(tokens[1:]), printed)
    if len(tokens) == 1 and civility is None and not _is_upper_token(tokens[0]):
        # "Adeline", "Jean-Pierre": a first name alone (informal minutes name members so)
        return Person(None, tokens[0], None, printed)
    upper = [_is_upper_token(t) for t in tokens]
    lead = 0
    while lead < len(tokens) - 1 and tokens[lead].lower() in PARTICLES and not upper[lead]:
        lead += 1
    if lead and upper[lead] and not all(upper[lead:]):
        # "de LA FOSSE Guy", "d' ALMEIDA Sandrine": NOM Prénom whose surname opens on a particle
        k = lead
        while k < len(tokens) and upper[k]:
            k += 1
        if k < len(tokens):
            return Person(civility, " ".join(tokens[k:]), " ".join(tokens[:k]), printed, unclear=any(upper[k:]))
    if all(upper):
        # "JEAN-CLAUDE LEROY": first token is the first name only when there are several
        if len(tokens) == 1:
            return Person(civility, None, tokens[0], printed)
        return Person(civility, tokens[0].title(), " ".join(tokens[1:]), printed)
    if upper[0]:
        # NOM Prénom: leading capitals are the surname
        k = 0
        while k < len(tokens) and upper[k]:
            k += 1
        return Person(civility, " ".join(tokens[k:]) or None, " ".join(tokens[:k]), printed,
                      unclear=any(upper[k:]))
    # Prénom NOM: trailing capitals are the surname, with the particles before them
    k = len(tokens)
    while k > 0 and upper[k - 1]:
        k -= 1
    unclear = any(upper[:k])
    if k == len(tokens):
        # no capitals at all: "Jean-Luc Chervin" → the last word is the surname
        k = len(tokens) - 1
        unclear = len(tokens) == 1
    while k > 1 and tokens[k - 1].lower() in PARTICLES:
        k -= 1
    return Person(civility, " ".join(tokens[:k]) or None, " ".join(tokens[k:]), printed, unclear=unclear)


# ---------------------------------------------------------------------------
# Keys for matching a person across documents (pipeline/link)
# ---------------------------------------------------------------------------

#: Glyphs OCR takes for others in first names ("Bemard" for "Bernard", "Jean-Pau1"): a first
#: name compared through these is the same name, never another one.
_OCR_GLYPHS = (("rn", "m"), ("0", "o"), ("1", "l"), ("5", "s"), ("|", "l"))


def surname_key(last: str | None) -> str:
    """The surname folded to its letters: hyphens, spaces, apostrophes, case and accents
    do not tell two surnames apart ("PENNETIER-BIGOT", "Pennetier Bigot"; "BIC-ZYSKO", the
    line break's hyphen, and "BICZYSKO").

    >>> surname_key("PENNETIER-BIGOT"), surname_key("d'Auberville"), surname_key("LE GALL")
    ('pennetierbigot', 'dauberville', 'legall')
    """
    return "".join(c for c in fold(last or "") if c.isalnum())


def given_key(first: str | None) -> str | None:
    """The first name folded, compounds written one way ("Jean-Marie", "Jean Marie",
    "JEAN-MARIE" → "jean marie"); OCR's usual glyph slips read back; None when there is
    none. Initials keep their dots ("J.-M." → "j.m.").

    >>> given_key("Jean-Marie"), given_key("Marie  Josèphe"), given_key("J.-M."), given_key(None)
    ('jean marie', 'marie josephe', 'j.m.', None)
    """
    if not first or not first.strip():
        return None
    key = fold(first).replace("-", " ")
    if is_initial(first):
        return "".join(f"{c}." for c in key if c.isalpha())
    for wrong, right in _OCR_GLYPHS:
        key = key.replace(wrong, right)
    return " ".join(key.split())


def is_initial(first: str | None) -> bool:
    """True when a first name is only initials: "J.", "J.-M.", "J-M", "B".

    >>> is_initial("J."), is_initial("J.-M."), is_initial("Jo"), is_initial(None)
    (True, True, False, False)
    """
    if not first:
        return False
    letters = [t for t in re.split(r"[\s.\-]+", first) if t]
    return bool(letters) and all(len(t) == 1 and t.isalpha() for t in letters)


def initials(first: str | None) -> str:
    """The initials of a first name, folded: "Jean-Marie" → "jm", "J.-M." → "jm", "Élodie" → "e"."""
    return "".join(t[0] for t in re.split(r"[\s.\-]+", fold(first or "")) if t)


def same_person(a: Person, b: Person) -> bool:
    """True when two printed names designate the same person.

    Surnames must be equal (accents and case aside); first names must agree when both
    are known, an initial matching a first name ("C. FOROT" ~ "Christine FOROT").
    """
    if not a.last_name and not b.last_name and a.first_name and b.first_name:
        # members named by their first name alone ("Adeline (procuration à Mario)")
        return fold(a.first_name).replace(" ", "-") == fold(b.first_name).replace(" ", "-")
    if not a.last_name or not b.last_name or fold(a.last_name) != fold(b.last_name):
        return False
    if not a.first_name or not b.first_name:
        return True
    fa, fb = fold(a.first_name).replace(" ", "-"), fold(b.first_name).replace(" ", "-")
    if fa.endswith(".") or fb.endswith("."):
        return fa[0] == fb[0]
    return fa == fb
