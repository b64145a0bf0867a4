"""French company identifiers: SIREN (9 digits) and SIRET (14 digits), checked by their key.

Both end with a Luhn check digit ("clé de Luhn"); La Poste's establishments (SIREN
356 000 000) are the one exception, whose SIRET digits add up to a multiple of 5.
"""

from __future__ import annotations

LA_POSTE_SIREN = "356000000"


def luhn_ok(digits: str) -> bool:
    """The Luhn key of a string of digits holds.

    >>> luhn_ok("213401722"), luhn_ok("213401723")
    (True, False)
    """
    if not (digits.isascii() and digits.isdigit()):
        return False  # "²" and Arabic-Indic "٣" pass str.isdigit(): only 0-9 make a number here
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def siren_valid(siren: str) -> bool:
    """A 9-digit SIREN whose key holds."""
    return len(siren) == 9 and luhn_ok(siren)


def siret_key_ok(siret: str) -> bool:
    """A 14-digit SIRET whose own key holds (the check of the SCDL schemas).

    >>> siret_key_ok("21860194600013"), siret_key_ok("21860194600014"), siret_key_ok("35600000000010")
    (True, False, True)
    """
    if len(siret) != 14 or not (siret.isascii() and siret.isdigit()):
        return False
    if siret.startswith(LA_POSTE_SIREN):
        return sum(int(c) for c in siret) % 5 == 0
    return luhn_ok(siret)


def siret_valid(siret: str) -> bool:
    """A SIRET whose key holds, and whose SIREN (first 9 digits) too: what a printed one must be.

    >>> siret_valid("44067202000037"), siret_valid("44067202000038")
    (True, False)
    """
    return siret_key_ok(siret) and (siret.startswith(LA_POSTE_SIREN) or luhn_ok(siret[:9]))
