"""French number words → integers, as deliberations spell out years, days and hours.

Minutes open with the date in words ("L'an deux mille vingt-deux, le dix mai à vingt
heures", "Le vingt trois Juillet deux mille vingt", "L'an deux mil dix-huit, le treize
décembre", "L'an deux mille DIX NEUF"). This module reads such numbers:

>>> parse_french_number("deux mille vingt-deux")
2022
>>> parse_french_number("quatre-vingt-dix-sept")
97
>>> parse_french_number("soixante-et-onze")
71
>>> parse_french_number("1er")
1

Spelling variants met in real documents are accepted: case and accents ("DIX NEUF",
"deuxieme"), hyphens or spaces between parts (1990 and 2016 spellings), "mil" for
"mille" in years, plurals "quatre-vingts", "cents", and "premier"/"première"/"1er".
:data:`NUMBER_WORDS_RE` finds runs of number words in a text, so that callers keep
offsets into the original text.
"""

from __future__ import annotations

import re

from pipeline.model import strip_accents

#: Value of every simple number word, keyed without accents and in lower case.
_WORDS: dict[str, int] = {
    "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
    "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "cent": 100, "cents": 100, "mille": 1000, "mil": 1000, "milles": 1000,
    "million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9,
}

#: Ordinals used for the first day of a month ("le premier juillet", "1er", OCR "ler").
_FIRST = {"premier", "premiere", "1er", "1ere", "ler", "1°"}

# One number word, accents optional, any case (the words of _WORDS plus "premier").
_WORD = r"""(?:z[ée]ro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize
             |quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mil(?:les?)?
             |millions?|milliards?)"""

#: A run of number words joined by spaces, hyphens and "et": "deux mille vingt-deux",
#: "vingt et un", "soixante-et-onze", "quatre-vingt-dix-sept".
NUMBER_WORDS_RE = re.compile(
    rf"""(?<![\w-])
        (?:premi[eè]re?|{_WORD}(?:(?:[\s-]+et)?[\s-]+{_WORD})*)
        (?![\w])""",
    re.I | re.X,
)

#: The words of a day or a year in a date, at most ten ("mil neuf cent quatre-vingt-dix-neuf"
#: is seven): a bound, so that a long run of number words is not rescanned from each word.
NUMBER_WORDS_IN_DATE = rf"""(?:premi[eè]re?|{_WORD}(?:(?:[\s-]+et)?[\s-]+{_WORD}){{0,9}})"""


def parse_french_number(text: str) -> int | None:
    """The integer written by ``text`` in French words or digits, or None.

    >>> parse_french_number("vingt et un")
    21
    >>> parse_french_number("deux mil dix-huit")
    2018
    >>> parse_french_number("cheval") is None
    True
    """
    raw = strip_accents(text.strip())
    if not raw:
        return None
    if raw in _FIRST:
        return 1
    if re.fullmatch(r"\d{1,6}", raw):
        return int(raw)
    tokens = [t for t in re.split(r"[\s\-]+", raw) if t and t != "et"]
    if not tokens or any(t not in _WORDS for t in tokens):
        return None
    total = 0  # thousands already closed
    group = 0  # the current group below one thousand
    last = None  # value of the previous simple word inside the group, for order checks
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        value = _WORDS[tok]
        # "quatre-vingt(s)" is 80, and "soixante-dix", "quatre-vingt-dix" add teens below.
        if tok == "quatre" and i + 1 < len(tokens) and tokens[i + 1] in ("vingt", "vingts"):
            value, i = 80, i + 1
        # "dix-sept", "dix-huit", "dix-neuf" are one part (17-19), also after 60 and 80.
        elif tok == "dix" and i + 1 < len(tokens) and tokens[i + 1] in ("sept", "huit", "neuf"):
            value, i = 10 + _WORDS[tokens[i + 1]], i + 1
        if value >= 10**6:
            # "deux millions", "un milliard deux cents millions": a higher tier closes
            # what came before it below that tier
            below = total % value if total >= value else total
            total = total - below + ((below + group) or 1) * value
            group, last = 0, None
        elif value == 1000:
            total += (group or 1) * 1000
            group, last = 0, None
        elif value == 100:
            if group >= 10:
                return None  # "vingt cent" is not a number: hundreds count 1 to 9
            group = (group or 1) * 100
            last = 100
        else:
            # inside a group, each added part must be smaller than the one before:
            # "vingt trois" (20 + 3), "soixante dix" (60 + 10), never "trois vingt"
            if last is not None and last != 100 and value >= last:
                return None
            if last is not None and last != 100 and last < 20:
                return None  # "dix trois" is not a number
            group += value
            last = value
        i += 1
    return total + group


def replace_number_words(text: str) -> str:
    """``text`` with every run of number words written in digits (offsets change).

    >>> replace_number_words("le dix mai deux mille vingt-deux")
    'le 10 mai 2022'
    """

    def sub(m: re.Match[str]) -> str:
        value = parse_french_number(m.group(0))
        return str(value) if value is not None else m.group(0)

    return NUMBER_WORDS_RE.sub(sub, text)
