"""Person names as printed in deliberations → civility, first name, LAST NAME, "Prénom NOM".

French minutes print names both ways: "M. Jean-Claude LEROY" (Prénom NOM) and
"Mme MONNIER Martine" (NOM Prénom); the surname is the part in capitals. Particles
("LE GALL", "DE LA TOUR") and hyphens are kept as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Civilities as printed, mapped to the contract's two values.
CIVILITIES: dict[str, str] = {
    "m": "M.", "mr": "M.", "monsieur": "M.",
    "mme": "Mme", "madame": "Mme", "mlle": "Mme", "mademoiselle": "Mme",
}
CIVILITY_RE = re.compile(r"^(?:Monsieur|Madame|Mademoiselle|Mlle|Mme|Mr|M)\b\.?\s*", re.I)


@dataclass(frozen=True)
class Person:
    civility: str | None
    first_name: str | None
    last_name: str | None
    printed: str

    @property
    def full_name(self) -> str | None:
        parts = [p for p in (self.first_name, self.last_name) if p]
        return " ".join(parts) if parts else None


def _is_upper_token(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and (len(letters) > 1 or tok.endswith("'"))


def parse_person(printed: str) -> Person:
    """Split a printed name into civility, first name and last name (upper case as printed).

    >>> parse_person("Mme MONNIER Martine").full_name
    'Martine MONNIER'
    >>> parse_person("M. Jean-Claude LEROY").last_name
    'LEROY'
    """
    text = re.sub(r"\s+", " ", printed).strip(" ,;.")
    civility = None
    m = CIVILITY_RE.match(text)
    if m:
        civility = CIVILITIES.get(m.group(0).strip().lower().rstrip("."), "M.")
        text = text[m.end():]
    tokens = text.split()
    if not tokens:
        return Person(civility, None, None, printed)
    upper = [_is_upper_token(t) for t in tokens]
    if all(upper):
        # "JEAN-CLAUDE LEROY": first token(s) are the first name only when several tokens
        if len(tokens) == 1:
            return Person(civility, None, tokens[0], printed)
        return Person(civility, tokens[0].title(), " ".join(tokens[1:]), printed)
    if upper[0]:
        # NOM Prénom: leading capitals are the surname
        k = 0
        while k < len(tokens) and upper[k]:
            k += 1
        return Person(civility, " ".join(tokens[k:]) or None, " ".join(tokens[:k]), printed)
    # Prénom NOM: trailing capitals are the surname
    k = len(tokens)
    while k > 0 and upper[k - 1]:
        k -= 1
    if k == len(tokens):
        # no capitals at all: "Jean Dupont" → last token is the surname
        return Person(civility, " ".join(tokens[:-1]) or None, tokens[-1], printed)
    return Person(civility, " ".join(tokens[:k]) or None, " ".join(tokens[k:]), printed)
