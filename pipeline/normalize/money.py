"""Money: French amounts as printed → exact ``Decimal`` euros (never a float).

What real deliberations print, and what it gives:

* ``"209 285,00"``, ``"57 000 €"``, ``"57 000,00 EUR"``, ``"12 500 euros"`` → 209285.00, 57000 …
* ``"1.250.000,00 €"``, ``"15.766.362 €"`` (dots as thousands), ``"850.56€"``, ``"3.30€"``
  (a dot before two digits is a decimal point)
* thin and non-breaking spaces (U+202F, U+2009, U+00A0) as thousands separators,
  apostrophes (``"20'000 €"``, ``"1’697€"``)
* ``"-2 350,00"``, ``"– 1’697€"``, ``"(12,50)"`` → negative; ``"+20'000 €"`` → positive; in
  running text a spaced dash after a colon or opening a line, and brackets, are a minus only
  in a list of movements of credits ("Entretien de bâtiments : - 3 500 €" beside "+ 3 500 €",
  "virements de crédits", "diminution"); elsewhere a bullet, an aside
* ``"9.100 € HT"``, ``"84 254 € TTC"``, ``"12 500 euros hors taxes"``, ``"toutes taxes
  comprises"``, ``"un montant HT de 40 000 €"`` → the qualifier ``HT`` / ``TTC`` kept apart
* ``"1 000,- €"`` (no cents) → 1000.00
* ``"1,5 million d'euros"``, ``"2,3 M€"``, ``"15 k€"``
* ``"cinquante-sept mille euros (57 000 €)"`` → one amount, not two; ``"mille euros"`` alone
  is read from the words.
* OCR slips on scans: ``"-152.877.17 €"`` (a comma read as a dot) → -152877.17.

:func:`parse_amount` reads one cell or string (``None`` when it is not an amount);
:func:`find_amounts` finds amounts in running text, where a currency word is required so
that dates (``31.12.2021``), article numbers (``L.2121-29``), SIRET numbers, phone numbers,
years and account numbers (``au 21.32``) are never read as money.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pipeline.normalize.frenchnum import parse_french_number

#: Characters printed between groups of three digits.
_GROUP_SEPS = " \u00a0\u202f\u2009'’."
_MINUS = "-–—−"

# A number as printed: groups of digits with thousands separators and an optional decimal part.
_NUMBER = r"""
    (?:
        \d{1,3}(?:(?:[ \u00a0\u202f\u2009'’.]|[ ]?\n)\d{3}(?!\d)){1,8}  # grouped thousands: "209 285", "1.250.000",
                                                    # "20'000", and a figure a line end cut ("117 / 950 €");
                                                    # at most 27 digits: more is no amount, and an
                                                    # unbounded run would be rescanned from each group
      | \d+                                         # plain digits: "4500", "57000"
    )
    (?:(?:,[ ]?\d{1,2}|\.\d{1,2})(?!\d)         # decimals: ",00", ".56", OCR ", 60"
      | ,-(?=[ \u00a0]?(?:€|[Ee]uros?|EUR))       # no cents, the commercial way: "1 000,- €"
    )?
"""

#: One number alone (a table cell), with its sign or parentheses, currency and qualifier.
CELL_RE = re.compile(
    rf"""^\s*
    (?P<open>\()?                                   # accounting negative: "(12,50)"
    (?P<sign>[{_MINUS}+])?\s*                       # "-2 350,00", "- 43.828,17", "+20'000"
    (?P<cur1>€\s*)?                                 # currency before the figure: "€ 1 500"
    (?P<num>{_NUMBER})
    \s*(?P<scale>k|K|M|Md|millions?|milliards?)?    # "2,3 M€", "15 k€", "1,5 million"
    \s*(?:d['’]\s*)?
    (?P<cur>€|euros?|EUR|Euros?|EUROS?)?            # "57 000 €", "12 500 euros", "3 750 EUR"
    \s*(?P<qual>H\.?T\.?|T\.?T\.?C\.?|HT|TTC|ht|ttc|h\.t\.|t\.t\.c\.)?   # "€ HT", "€ TTC", "€ ht"
    \s*(?P<close>\))?
    \s*$""",
    re.X,
)

# The qualifier spelled out: "hors taxes", "hors TVA" (HT); "toutes taxes comprises", "TVA
# comprise", "TVA incluse" (TTC).
_QUAL_WORDS = r"""(?i:hors[ ]taxes?\b|hors[ ]T\.?V\.?A\b\.?|toutes[ ]taxes[ ]comprises\b
    |T\.?V\.?A\.?[ ](?:comprise|incluse)\b)"""

# The qualifier printed before the amount, on the noun it measures: "pour un montant HT de
# 165 500 €", "un montant TTC de 48 000 €", "un coût hors taxes de 12 000 €", "le montant total
# HT : 3 000 €" — the noun, its qualifier, then "de"/":"/"=" and the figure.
_QUAL_BEFORE_RE = re.compile(
    rf"""\b(?:montant|co[uû]t|prix|total|somme|enveloppe|budget|estimation|d[ée]pense)s?
        (?:\s+(?:total|global|estimatif|estim[ée]|pr[ée]visionnel|maximum|plafond)e?s?)?
        \s+(?P<qual>H\.T\.?|T\.T\.C\.?|HT\b|TTC\b|{_QUAL_WORDS})
        \s*(?:de\s+|d['’]\s*|:\s*|=\s*)$""",
    re.I | re.X,
)

#: Amounts in running text: a number followed (or preceded) by a currency word.
AMOUNT_RE = re.compile(
    rf"""
    (?<![\w,.'’/-])                                # not the tail of another number or code,
    (?!(?<=\d\t)\d{{3}}(?!\d))                         # nor a group of three after a gap ("de 16<tab>500 €":
                                                   # justified text split it); "Groupe 1<tab>36 210 €" is whole
    (?:(?P<sign>[{_MINUS}+])[ ]?(?=\d))?           # "-8'355,59€", "+20'000 €", "soit – 1’697€"
    (?P<num>{_NUMBER})
    (?![\d/])
    [ \t\n\u00a0\u202f]?(?P<scale>k|K(?=€|E\b)|M|Md|millions?|milliards?)?   # "2,3 M€", "1,5 million d'euros"
    [ \t\n\u00a0\u202f]?(?:d['’]\s?)?                          # (never across a page break "\f")
    (?P<cur>€|euros?\b|EUR\b|Euros?\b|EUROS?\b      # the currency is required in prose
      |£(?!\s?\d)                                  # OCR reads "€" as "£" (no pound in deliberations)
      |(?<=[kKM])E\b                                # … and as "E" after a scale: "800 KE", "2 ME", "0,5 ME"
      |(?:(?<=\d[ \u00a0.]\d{{3}}[ \u00a0])|(?<=,\d\d[ \u00a0]))E(?=[ \t]*(?:[;,.:)]|HT\b|TTC\b|$))
                                                   # … or after a figure with thousands or cents that ends
                                                   # a clause: "4 400 000 E ;", "120,97 E." (not "Lot 2 E",
                                                   # "100 E rue", "le local 100 E.")
    )
    (?:\s?(?P<qual>H\.T\.?|T\.T\.C\.?|HT\b|TTC\b  # "€ HT", "euros TTC"
      |{_QUAL_WORDS}))?                             # "12 500 euros hors taxes", "toutes taxes comprises"
    """,
    re.X,
)

# Amounts spelled out: "cinquante-sept mille euros", "mille cinq cents euros".
_WORDS_RE = re.compile(
    r"""(?<![\w-])
    (?P<words>(?:(?:z[ée]ro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize
        |quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille|millions?|milliards?)
        (?:[\s-]+et)?[\s-]+){1,30})               # words, each followed by a space or hyphen (30 at
                                                   # most: "neuf cent quatre-vingt-dix-neuf millions …" is 20)
    (?:d['’]\s?)?(?P<cur>euros?)\b
    (?P<bracket>\s*\(\s*(?P<fig>[^()]{1,30}?)\s*\))?   # figures in brackets: "(57 000 €)"
    """,
    re.X | re.I,
)

_SCALE = {"k": Decimal(1000), "m": Decimal(10) ** 6, "million": Decimal(10) ** 6,
          "millions": Decimal(10) ** 6, "md": Decimal(10) ** 9, "milliard": Decimal(10) ** 9,
          "milliards": Decimal(10) ** 9}


@dataclass(frozen=True)
class AmountMatch:
    """One amount found in a text: offsets relative to that text."""

    start: int
    end: int
    raw: str
    amount: Decimal
    qualifier: str | None = None  # "HT" | "TTC"


def _number(num: str) -> Decimal | None:
    """Digits as printed → Decimal: decide which separator (if any) is the decimal point."""
    s = re.sub(r"\s+(?=[,.])|(?<=[,.])\s+", "", num.strip())  # "2 429, 60" → "2 429,60"
    s = s.removesuffix(",-")  # "1 000,-": no cents
    s = s.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    s = s.replace("'", "").replace("’", "").replace(" ", "").replace("\n", "")
    if not s or not s[0].isdigit():
        return None
    if "," in s and "." in s:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        other = "." if dec == "," else ","
        s = s.replace(other, "")
        s = s.replace(dec, ".")
    elif "," in s:
        if s.count(",") > 1:
            return None
        s = s.replace(",", ".")
    elif "." in s:
        parts = s.split(".")
        if len(parts[-1]) == 3 and all(len(p) == 3 for p in parts[1:]) and len(parts[0]) <= 3:
            s = "".join(parts)  # "15.766.362", "9.100": dots are thousands
        elif len(parts[-1]) <= 2:
            s = "".join(parts[:-1]) + "." + parts[-1]  # "850.56", OCR "152.877.17"
        else:
            return None
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _scaled(value: Decimal, scale: str | None) -> Decimal:
    if not scale:
        return value
    return value * _SCALE.get(scale.lower(), Decimal(1))


def _qualifier(text: str | None) -> str | None:
    if not text:
        return None
    return "HT" if text.lstrip().upper().startswith("H") else "TTC"  # "HT", "H.T.", "hors taxes" | "TTC", "toutes taxes …"


def _cents(value: Decimal) -> Decimal | None:
    """``value`` to the cent; None for a number too long to be exact in 28 digits (no amount)."""
    try:
        return value.quantize(Decimal("0.01"))
    except InvalidOperation:
        return None


def parse_amount(text: str | None) -> Decimal | None:
    """One amount as printed (a table cell, a value) → Decimal with two decimals, or None.

    >>> parse_amount("1.250.000,00 €")
    Decimal('1250000.00')
    >>> parse_amount("(12,50)")
    Decimal('-12.50')
    >>> parse_amount("L.2121-29") is None
    True
    """
    if text is None:
        return None
    m = CELL_RE.match(text)
    if not m:
        return None
    if bool(m.group("open")) != bool(m.group("close")):
        return None
    value = _number(m.group("num"))
    if value is None:
        return None
    value = _scaled(value, m.group("scale"))
    if m.group("open") or (m.group("sign") and m.group("sign") in _MINUS):
        value = -value
    return _cents(value)  # None past 28 digits: "9999…9 €" of 30 nines is no amount


def amount_qualifier(text: str) -> str | None:
    """``"HT"`` or ``"TTC"`` when a cell says so: ``"9.100 € HT"`` → ``"HT"``."""
    m = CELL_RE.match(text or "")
    return _qualifier(m.group("qual")) if m else None


# What says a passage lists movements of credits, where a spaced dash before a figure is a
# minus: another figure printed with its "+" ("Article 60632 - Fournitures : + 3 500 €"), or
# words of a decrease or a transfer ("virements de crédits", "une diminution de", "réduction").
# A dash before an award in a list ("- 3 500 € à l'association …") is a bullet.
_PLUS_FIGURE_RE = re.compile(r"(?<![\w+])\+[ ]?\d[\d \u00a0\u202f'’.,]*[ \u00a0]?(?:€|euros?\b|EUR\b)", re.I)
_DECREASE_RE = re.compile(r"\b(?:diminution|diminu(?:er|[ée]e?s?)|r[ée]duction|r[ée]duire|virements?\s+de\s+cr[ée]dits?"
                          r"|en\s+moins)\b", re.I)

# What says a passage gives a budget's balance by section, where a figure after a colon may be
# negative: "Cette DM n°3 s'équilibre, tant en recettes qu'en dépenses, de la façon suivante :
# - Section de fonctionnement : 4 388,00 € - Section d'investissement : - 3 382,00 €" (a
# décision modificative that lowers a section's credits). Only after a colon that follows a
# section's name: elsewhere a dash of such a passage may still be a bullet ("La décision
# modificative n°2 prévoit les dépenses suivantes : - 6 000 € pour l'achat de mobilier").
_BALANCE_RE = re.compile(r"\bs['’]\s?[ée]quilibr(?:e|ent)\b|\bd[ée]cisions?\s+modificatives?\b"
                         r"|\bDM\s*(?:n\s*°|n[o°]|\d)", re.I)

#: How far around a figure its passage is read for those signs (cut at a blank line).
_PASSAGE = 400


def _passage(text: str, start: int, end: int) -> tuple[int, int]:
    """Up to :data:`_PASSAGE` characters either side of ``text[start:end]``, within its paragraph."""
    a, b = max(0, start - _PASSAGE), min(len(text), end + _PASSAGE)
    cut = max(text.rfind("\n\n", a, start), text.rfind("\f", a, start))
    a = cut + 1 if cut >= 0 else a
    for stop in (text.find("\n\n", end, b), text.find("\f", end, b)):
        if stop >= 0:
            b = min(b, stop)
    return a, b


def _in_movements(text: str, start: int, end: int) -> bool:
    """True when the passage around ``text[start:end]`` lists movements of credits (:data:`_PLUS_FIGURE_RE`,
    :data:`_DECREASE_RE`) in :func:`_passage`."""
    a, b = _passage(text, start, end)
    passage = text[a:start] + " " + text[end:b]
    return bool(_PLUS_FIGURE_RE.search(passage) or _DECREASE_RE.search(text[a:b]))


def _glued_negative(text: str, m: re.Match[str]) -> bool:
    """A minus counts when glued to the figure, or after "soit", "=" or a column gap ("soit – 1’697€");
    a spaced dash after a colon or at a line's start counts in a list of movements of credits
    ("Article 615221 - Entretien de bâtiments : - 3 500 €" beside "+ 3 500 €"; a line "- 3 500,00 €"
    under an account in "les virements suivants"), :func:`_in_movements`.

    Elsewhere a dash at the start of a line followed by a space is a bullet: "- 24 000 € au titre …".
    """
    sign = m.group("sign")
    if not sign or sign not in _MINUS:
        return False
    after = text[m.start("sign") + 1 : m.start("num")]
    if not after:
        line_start = text.rfind("\n", 0, m.start()) + 1
        return text[line_start : m.start()].strip() != "" or not text[m.start() + 1 : m.start() + 2].isspace()
    before = text[: m.start()].rstrip(" \t")
    # "soit – 1’697€", "= - 500 €", "le delta était de - 1.697€": a minus after a word that
    # introduces the amount; elsewhere a spaced dash links or lists
    if re.search(r"(?:\bsoit|\bde|\bdu|\bà|=|\t)$", before, re.I):
        return True
    if re.search(r"\b(?:section|fonctionnement|investissement|exploitation)\b[^:\n]{0,40}:$", before, re.I):
        a, b = _passage(text, m.start(), m.end())
        if _BALANCE_RE.search(text[a:b]):
            return True  # a section's balance in a décision modificative: "Section d'investissement : - 3 382,00 €"
    return bool(re.search(r"(?:^|\n|:)$", before)) and _in_movements(text, m.start(), m.end())


def _bracketed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The brackets around an amount that is alone in them, when they are the accountant's
    minus: in a list of movements of credits ("- chapitre 022 : (4 700 €) ;" beside "-3 500 €"
    and "une diminution"), after a colon, a tab or at a line's start. Elsewhere brackets
    restate or comment ("une subvention (500 €)"): the sign is left alone."""
    o = re.search(r"\(\s*$", text[max(0, start - 3):start])
    c = re.match(r"\s*\)", text[end:end + 3])
    if not (o and c):
        return None
    a, b = max(0, start - 3) + o.start(), end + c.end()
    # a line's start counts when the line before ends a statement: a sentence wrapped at the
    # bracket ("… et provision pour Compte Epargne Temps\n(73 k€).") is no list of movements
    lead = text[max(0, a - 40):a]
    if not re.search(r"(?:^|[:;.!?]\s*\n|\n[ \t]*\n|:|\t)[ \t]*$", lead) or not _in_movements(text, a, b):
        return None
    return a, b


def find_amounts(text: str) -> list[AmountMatch]:
    """Every money amount of a running text, in order, with offsets into ``text``.

    A number counts only with a currency word ("€", "euros", "EUR"); an amount written in
    words with its figures in brackets gives one match (the figures).

    >>> [a.raw for a in find_amounts("une participation de 57 000 € pour l'année 2023")]
    ['57 000 €']
    """
    found: list[AmountMatch] = []
    taken: list[tuple[int, int]] = []
    for m in _WORDS_RE.finditer(text):
        fig = m.group("fig")
        if fig:
            inner = AMOUNT_RE.search(fig) or re.fullmatch(rf"\s*{_NUMBER}\s*", fig, re.X)
            value = parse_amount(fig if inner else "")
            if value is not None:
                off = m.start("fig")
                found.append(AmountMatch(off, off + len(fig), fig.strip(), value, amount_qualifier(fig)))
                taken.append((m.start(), m.end()))
                continue
        words = m.group("words").strip(" -")
        if re.search(r"\d[\s\u00a0]*$", text[max(0, m.start() - 3):m.start()]):
            continue  # "1,5 million d'euros": a figure's scale word, read with the figure
        n = parse_french_number(words)
        cents = _cents(Decimal(n)) if n is not None and n > 0 else None
        if cents is not None:
            end = m.end("cur")
            found.append(AmountMatch(m.start("words"), end, text[m.start("words"):end], cents))
            taken.append((m.start(), end))
    for m in AMOUNT_RE.finditer(text):
        if any(a <= m.start("num") < b for a, b in taken):
            continue
        value = _number(m.group("num"))
        if value is None:
            continue
        value = _cents(_scaled(value, m.group("scale")))
        if value is None:
            continue  # a run of 28 digits and more is no amount
        start = m.start()
        if _glued_negative(text, m):
            value = -value
        elif m.group("sign"):
            start = m.start("num") if m.group("sign") in _MINUS else start
        end = m.end("cur")
        if not m.group("sign") and (paren := _bracketed(text, start, m.end())):
            start, end = paren  # "chapitre 022 : (4 700 €)" among movements: the accountant's minus
            value = -value
        qual = m.group("qual")
        if not qual and (before := _QUAL_BEFORE_RE.search(text[max(0, start - 60):start])):
            qual = before.group("qual")  # "un montant HT de 40 000 €"
        found.append(AmountMatch(start, end, text[start:end], value, _qualifier(qual)))
        if not m.group("sign"):  # a signed movement is not the end of a range
            found.extend(_listed_before(text, start, m.group("scale"), value))
    found.sort(key=lambda a: a.start)
    return _without_restatements(text, found)


#: An amount restated in words in brackets after its figures: "25 000 € (vingt-cinq mille
#: euros)", "1 500 euros (soit mille cinq cents euros)" — one amount, the figures.
_RESTATED_BEFORE_RE = re.compile(r"^\s*\(\s*(?:soit\s+)?$", re.I)
_RESTATED_AFTER_RE = re.compile(r"^\s*\)")


def _without_restatements(text: str, found: list[AmountMatch]) -> list[AmountMatch]:
    out: list[AmountMatch] = []
    for a in found:
        prev = out[-1] if out else None
        if prev is not None and a.amount == prev.amount and not any(c.isdigit() for c in a.raw) \
                and _RESTATED_BEFORE_RE.match(text[prev.end:a.start]) and _RESTATED_AFTER_RE.match(text[a.end:]):
            continue
        out.append(a)
    return out


# A bare number listed before an amount, sharing its currency: "entre 15 000 et 20 000 €
# HT", "de 60 à 400 €", "15 000, 20 000 et 25 000 €", "1 ou 2 M€", "300 - 500 €".
_LISTED_RE = re.compile(
    rf"""(?<![\w,.'’/\-–])(?P<num>{_NUMBER})(?!\d|[,.]\d)   # the bare number: "15 000", "60"
        [ ]?(?P<scale>k|M|Md|millions?|milliards?)?         # "1 ou 2 millions"
        \s*(?:,|\bet\b|\bà\b|\bou\b|–|-)\s*$               # its link to the next: ",", "et", "à", "ou", "-"
    """,
    re.X,
)


# Words before an account or article number: "au 21.32", "du 28.156", "compte 6574", "n° 12".
_ACCOUNT_BEFORE_RE = re.compile(r"(?:\b(?:au|du|compte|comptes|article|articles|art\.|chapitre|n°|no)|c/)\s*$", re.I)


def _listed_before(text: str, start: int, scale: str | None, value: Decimal) -> list[AmountMatch]:
    """Bare numbers listed before the amount at ``start`` ("entre 15 000 et 20 000 €"): the
    same currency and scale, each of a size near the amount's (not a year, not a count)."""
    out: list[AmountMatch] = []
    pos = start
    for _ in range(6):  # "15 000, 20 000, 25 000 et 30 000 €": a short list
        m = _LISTED_RE.search(text[max(0, pos - 40):pos])
        if not m:
            break
        offset = max(0, pos - 40)
        n = _number(m.group("num"))
        if n is None or n == 0:
            break
        n = _scaled(n, m.group("scale") or scale)
        if value and not (abs(value) / 1000 <= n <= abs(value) * 100):
            break
        if re.fullmatch(r"(?:19|20)\d\d", m.group("num")) and not scale:
            break  # "en 2023 et 2024 : 40 000 €"
        if _ACCOUNT_BEFORE_RE.search(text[max(0, offset + m.start() - 12):offset + m.start()]):
            break  # "du 10.222 au 10.68", "compte 6574 et 500 €": account numbers
        a, b = offset + m.start("num"), offset + m.end("num")
        if m.group("scale"):
            b = offset + m.end("scale")
        cents = _cents(n)
        if cents is None:
            break
        out.append(AmountMatch(a, b, text[a:b], cents))
        pos = a
    return out
