"""Readers of the header columns of a deliberation, one function per column, on plain text.

Each reader takes the text where the column is printed and returns the value in the
contract's format, or None when the text does not say it clearly (precision first: a
wrong value is worse than a null). Examples of what each reads are in its docstring;
:mod:`extractors.header` decides which text each reader gets.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from pipeline.dates import find_dates
from pipeline.identifiers import siren_valid
from pipeline.model import collapse_ws, strip_accents

# ---------------------------------------------------------------------------
# Where the header of an act ends
# ---------------------------------------------------------------------------

#: The first line of the act's reasoning or decision closes its header.
HEADER_END_RE = re.compile(
    r"""^[\W\d]{0,3}(?:
        vu\b                                   # Vu le Code général…
      | consid[ée]rant\b                       # Considérant…
      | apr[èe]s\s+en\s+avoir\s+d[ée]lib[ée]r  # Après en avoir délibéré
      | D[ÉE]CIDE\b | D[ÉE]LIB[ÈE]RE\b          # DÉCIDE :
      | article\s+(?:1|premier)\b               # Article 1er
    )""",
    re.I | re.X | re.M,
)


def header_end(text: str) -> int:
    """Offset in ``text`` where the header stops (first "Vu", "Considérant", "DÉCIDE"…)."""
    m = HEADER_END_RE.search(text)
    return m.start() if m else min(len(text), 6000)


def _fold(text: str) -> str:
    return strip_accents(text).replace("’", "'")


# ---------------------------------------------------------------------------
# Body
# ---------------------------------------------------------------------------

# The deliberating bodies, most specific first: a commission permanente is "of the
# conseil départemental", so its name must win when both are printed.
_BODIES: tuple[tuple[str, str], ...] = (
    ("commission_permanente", r"commission\s+permanente"),
    ("bureau", r"bureau\s+(?:communautaire|municipal|syndical|d[ée]lib[ée]ratif)"),
    ("conseil_communautaire", r"conseil\s+communautaire|conseillers\s+communautaires|conseil\s+de\s+communaut[ée]"),
    ("conseil_municipal", r"conseil\s+municipal|conseillers\s+municipaux"),
    ("conseil_departemental", r"conseil\s+d[ée]partemental|conseil\s+g[ée]n[ée]ral"),
    ("conseil_regional", r"conseil\s+r[ée]gional"),
)

#: "DELIBERATION DE LA COMMISSION PERMANENTE", "REGISTRE DES DÉLIBÉRATIONS DU CONSEIL
#: MUNICIPAL", "PROCÈS-VERBAL DU CONSEIL MUNICIPAL", "COMPTE RENDU DE LA SÉANCE DU CONSEIL
#: MUNICIPAL", "Bureau communautaire du 23 septembre 2021", "Conseil municipal du 4 juin 2021".
_TITLE_OF_BODY_RE = re.compile(
    r"""^[^\n]{0,30}?(?:d[ée]lib[ée]rations?|proc[èe]s[\s-]*verbal|compte[\s-]*rendu|s[ée]ance|r[ée]union|registre)
        [^\n]{0,40}?\b(?:de\s+la|du|des)\s+(?P<body>[^\n]{0,60}(?:\n[^\n]{0,30})?)
      | ^\s*(?P<line>(?:bureau|conseil|commission)[^\n]{0,40}?)\s+du\s+\d""",
    re.I | re.X | re.M,
)

#: "Le Conseil Municipal, après en avoir délibéré", "Le bureau communautaire, après en
#: avoir délibéré à l'unanimité", "La Commission Permanente du Conseil départemental du
#: Pas-de-Calais, … Après en avoir délibéré".
_DELIBERATING_RE = re.compile(
    r"""\b(?:l[ea]\s+)(?P<body>(?:commission|conseil|bureau)[^\n,]{0,80})\s*,?\s*(?:\n\s*)?
        apr[èe]s\s+en\s+avoir\s+d[ée]lib[ée]r""",
    re.I | re.X,
)

#: The council alone on its line, as the subject of the visas that follow: "Le Conseil
#: Municipal,", "La Commission Permanente du Conseil départemental du Calvados,".
_SUBJECT_LINE_RE = re.compile(
    r"^\W{0,2}(?:l[ea]\s+)(?P<body>(?:commission|conseil|bureau)[^\n,]{0,80}),\s*$", re.I | re.M)

#: "Le Conseil Municipal de la commune de LANNION s'étant assemblé", "les conseillers
#: communautaires de Roannais Agglomération, se sont réunis", "le Conseil Municipal … s'est
#: réuni": the council that met.
_MEETING_RE = re.compile(
    r"""\b(?:l[ea]s?\s+)(?P<body>(?:commission|conseil|bureau)\w*\s+\w+)[^.]{0,120}?
        (?:s['’]\s?est|s['’]\s?[ée]tant|se\s+sont)\s+(?:l[ée]galement\s+)?(?:r[ée]uni|assembl)""",
    re.I | re.X,
)


def _body_in(text: str) -> str | None:
    for name, rx in _BODIES:
        if re.search(rx, text, re.I):
            return name
    return None


def find_body(text: str, *, deliberating_only: bool = False) -> str | None:
    """The contract's body code for the deliberating body named in ``text``.

    >>> find_body("DELIBERATION DE LA COMMISSION PERMANENTE DU CONSEIL DEPARTEMENTAL")
    'commission_permanente'
    >>> find_body("Extrait du registre des délibérations du Conseil communautaire")
    'conseil_communautaire'
    """
    if not text:
        return None
    if not deliberating_only:
        for m in _TITLE_OF_BODY_RE.finditer(text[:2500]):
            found = _body_in(m.group("body") or m.group("line") or "")
            if found:
                return found
    for rx in (_DELIBERATING_RE, _SUBJECT_LINE_RE) + (() if deliberating_only else (_MEETING_RE,)):
        m = rx.search(text)
        if m and _body_in(m.group("body")):
            return _body_in(m.group("body"))
    return None


# ---------------------------------------------------------------------------
# Authority
# ---------------------------------------------------------------------------

# Kinds of collectivité as printed (any case, accents optional) → the styled form.
_KINDS: tuple[tuple[str, str], ...] = (
    (r"communaut[ée]\s+d['’]\s?agglom[ée]ration", "Communauté d'agglomération"),
    (r"communaut[ée]\s+de\s+communes", "Communauté de communes"),
    (r"communaut[ée]\s+urbaine", "Communauté urbaine"),
    (r"conseil\s+d[ée]partemental|conseil\s+g[ée]n[ée]ral|d[ée]partement", "Département"),
    (r"conseil\s+r[ée]gional|r[ée]gion", "Région"),
    (r"m[ée]tropole", "Métropole"),
    (r"ville", "Ville"),
    (r"commune|mairie", "Commune"),
)
_KIND_ALT = "|".join(k for k, _ in _KINDS)

# A place name: capitalised words, joined by spaces or hyphens, with lower-case
# particles inside ("Pas-de-Calais", "Saint-Martin-lès-Boulogne", "Preuilly sur Claise",
# "L'Arbresle"), or the same in capitals ("FARGUES SAINT-HILAIRE").
_CAP = r"[A-ZÀ-ÖØ-Ý][\wÀ-ÿ]*(?:['’][A-ZÀ-Ýa-zà-ÿ][\wÀ-ÿ]*)?"
_PARTICLE = r"(?:sur|sous|l[èe]s|lez|les|en|de|du|des|la|le|et|aux|au|SUR|SOUS|L[ÈE]S|LEZ|LES|EN|DE|DU|DES|LA|LE|ET|AUX|AU)"
_NAME = rf"""{_CAP}(?:(?:[ -](?:{_PARTICLE}|[dlDL]['’]?)(?=[ -'’]))*(?:[ -]|(?<=['’])){_CAP})*"""

#: "DEPARTEMENT DU PAS-DE-CALAIS", "Commune de Cognac", "la Ville de Montpellier",
#: "COMMUNAUTÉ D'AGGLOMÉRATION DU BOULONNAIS", "la commune de SAINT RESTITUT (Drôme)",
#: "Conseil départemental du Calvados".
AUTHORITY_RE = re.compile(
    rf"""(?<![\w])(?P<kind>(?i:{_KIND_ALT}))\s+(?P<link>(?i:du\s|de\s+la\s|de\s+l['’]|des\s|de\s|d['’]))\s*
        (?P<name>{_NAME})""",
    re.X,
)

#: "Roannais Agglomération", "Montpellier Méditerranée Métropole": a name styled as a brand,
#: after the council that speaks for it ("les conseillers communautaires de Roannais
#: Agglomération").
BRAND_RE = re.compile(
    rf"""(?i:conseil(?:lers)?\s+(?:communautaires?|m[ée]tropolitains?))\s+d(?:e\s+|['’]\s?)
        (?P<brand>(?:{_CAP}\s+){{1,3}}(?:Agglom[ée]ration|M[ée]tropole|Communaut[ée]))\b""",
    re.X,
)

_LOWER_WORDS = {"de", "du", "des", "la", "le", "les", "lès", "lez", "sur", "sous", "en", "et", "aux", "au", "à",
                "d", "l"}

# Which kinds of collectivité each body belongs to.
_KINDS_OF_BODY = {
    "conseil_municipal": ("Commune", "Ville"),
    "commission_permanente": ("Département", "Région"),
    "conseil_departemental": ("Département",),
    "conseil_regional": ("Région",),
    "conseil_communautaire": ("Communauté d'agglomération", "Communauté de communes", "Communauté urbaine",
                              "Métropole"),
    "bureau": ("Communauté d'agglomération", "Communauté de communes", "Communauté urbaine", "Métropole",
               "Commune", "Ville"),
}


def _kind_of(printed: str) -> str | None:
    for rx, styled in _KINDS:
        if re.fullmatch(rx, printed.strip(), re.I):
            return styled
    return None


def _title_word(word: str, first: bool) -> str:
    """One word of a place name in capitals → title case ("PAS-DE-CALAIS" → "Pas-de-Calais")."""
    if not word.isupper():
        return word
    parts = re.split(r"([-'’])", word)
    out = []
    for i, part in enumerate(parts):
        if part in "-'’" or not part:
            out.append(part)
            continue
        low = part.lower()
        lead = first and i == 0
        # "d'" and "l'" inside a name stay lower case ("Château-d'Olonne"), at its start not ("L'Arbresle")
        if low in _LOWER_WORDS and not lead:
            out.append(low)
        else:
            out.append(low[0].upper() + low[1:])
    return "".join(out)


def title_case_name(name: str) -> str:
    """A place name printed in capitals, styled the French way.

    >>> title_case_name("PAS-DE-CALAIS")
    'Pas-de-Calais'
    >>> title_case_name("SAINT-MARTIN-LÈS-BOULOGNE")
    'Saint-Martin-lès-Boulogne'
    >>> title_case_name("L'ARBRESLE")
    "L'Arbresle"
    """
    words = collapse_ws(name).split(" ")
    return " ".join(_title_word(w, i == 0) for i, w in enumerate(words))


def _link(printed: str) -> str:
    link = collapse_ws(printed).lower().replace("’", "'")
    return link


def _styled(kind: str, link: str, name: str) -> str:
    link = _link(link)
    sep = "" if link.endswith("'") else " "
    return f"{kind} {link}{sep}{title_case_name(name)}"


@dataclass(frozen=True)
class _AuthorityHit:
    kind: str
    styled: str
    key: str  # folded kind + name, to compare printings
    standalone: bool  # the match is a line of its own (a letterhead)
    mixed_case: bool  # printed in mixed case: already styled by the document


#: A mention of the collectivité in a sentence counts only after the council that speaks
#: for it: "le Conseil Municipal de la Commune de Cognac", "La Commission Permanente du
#: Conseil départemental du Calvados", "Conseil Municipal\nDe la Commune de FARGUES…".
_COUNCIL_BEFORE_RE = re.compile(
    r"""(?:conseil\s+(?:municipal|communautaire|m[ée]tropolitain)|commission\s+permanente|conseillers\s+\w+)
        [\s,]*(?:de\s+la|du|de\s+l['’]|de)?\s*$""",
    re.I | re.X,
)


def _hit(m: re.Match[str], standalone: bool) -> _AuthorityHit | None:
    kind = _kind_of(m.group("kind"))
    if kind is None:
        return None
    name = m.group("name")
    words = name.split(" ")
    if _is_caps(words[0]):
        # "PREUILLY SUR CLAISE Séance du…": a name in capitals ends at the first other word
        keep = [words[0]]
        for w in words[1:]:
            if not _is_caps(w):
                break
            keep.append(w)
        name = " ".join(keep)
    printed = m.group(0)[: m.start("name") - m.start()] + name
    mixed = not printed.isupper() and m.group("kind")[0].isupper() and not name.isupper()
    if mixed and not _fold(m.group("kind")).startswith("conseil"):
        styled = collapse_ws(printed).replace("’", "'")
    else:
        # capitals, or "Conseil départemental du Calvados" naming the Département
        styled = _styled(kind, m.group("link"), name)
    key = _fold(f"{kind} {title_case_name(name)}")
    return _AuthorityHit(kind, styled, key, standalone, mixed)


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _authority_hits(text: str) -> list[_AuthorityHit]:
    """Letterhead lines ("COMMUNE DE COGNAC", "Ville de LANNION (Côtes d'Armor)", a footer
    "Département du Pas-de-Calais - Commission permanente…") and mentions after the council."""
    hits: list[tuple[int, _AuthorityHit]] = []
    pos = 0
    for line in text.split("\n"):
        m = AUTHORITY_RE.match(line.strip())
        if m:
            after = line.strip()[m.end():].strip()
            if not after or after[0] in "(-–|\t" or after.startswith(("-", "–")):
                h = _hit(m, True)
                if h:
                    hits.append((pos, h))
        pos += len(line) + 1
    flat = re.sub(r"\s+", " ", text)
    for m in AUTHORITY_RE.finditer(flat):
        if _COUNCIL_BEFORE_RE.search(flat[max(0, m.start() - 60):m.start()]):
            h = _hit(m, False)
            if h:
                hits.append((m.start(), h))
    return [h for _, h in hits]


def find_authority(texts: Sequence[str], body: str | None, whole: str = "") -> str | None:
    """The collectivité whose body deliberates, styled as the document styles it.

    ``texts`` are read in order (own header, preamble, body, footers); a letterhead line
    ("COMMUNE DE COGNAC") is preferred to a mention in a sentence, a kind that fits
    ``body`` to one that does not ("DÉPARTEMENT DE LA CHARENTE" above a commune's
    minutes), and the mixed-case printing found anywhere in ``whole`` ("Département du
    Pas-de-Calais - Commission permanente du 20 mars 2023") to a title-cased capitals one.

    >>> find_authority(["DEPARTEMENT DU PAS-DE-CALAIS\\n"], "commission_permanente")
    'Département du Pas-de-Calais'
    """
    wanted = _KINDS_OF_BODY.get(body or "", None)
    best: _AuthorityHit | None = None
    for text in texts:
        if not text:
            continue
        hits = [h for h in _authority_hits(text) if wanted is None or h.kind in wanted]
        if not hits:
            continue
        standalone = [h for h in hits if h.standalone]
        best = (standalone or hits)[0]
        break
    if best is None:
        for text in texts:
            m = BRAND_RE.search(text or "")
            if m and body in (None, "conseil_communautaire", "bureau"):
                return collapse_ws(m.group("brand"))
        return None
    if not best.mixed_case and whole:
        for h in _authority_hits(whole):
            if h.mixed_case and h.key == best.key and h.kind == best.kind:
                return h.styled
    return best.styled


# ---------------------------------------------------------------------------
# Act number and title
# ---------------------------------------------------------------------------

# A deliberation number: "2023-122", "DEL-2022-112", "D2022_135", "D2018-67",
# "2014 / 139", "DL-056-07-13", "CC-2021-100", "DBC 2021-082".
_NUMBER = r"""(?:[A-Z]{1,5}[\s_-]?)?\d{1,4}(?:\s?[-_/.]\s?\d{1,5}){1,3}"""

#: "(N°2023-122)" on its own line, "Délibération n° DEL-2022-112", "n° 2014 / 139",
#: "DELIBERATION N°2021-045", footers "Délibération n° D2022_135".
ACT_NUMBER_RES: tuple[re.Pattern[str], ...] = (
    # "(N°2023-122)" alone on its line, under the title (départements' layout)
    re.compile(rf"^\s*\(\s*n[°o]\s*(?P<num>{_NUMBER})\s*\)\s*$", re.I | re.M),
    # "Délibération n° DEL-2022-112", "DÉLIBÉRATION N°2021-045", at the start of a line
    re.compile(rf"^\W{{0,2}}d[ée]lib[ée]ration\s+n\s?[°o]\.?\s*(?P<num>{_NUMBER})(?![\w/-])", re.I | re.M),
    # "n° 2014 / 139" alone at the start of a line (left margin column)
    re.compile(rf"^\s*n\s?[°o]\.?\s*(?P<num>{_NUMBER})(?=\s*(?:\t|$))", re.I | re.M),
)

#: A footer naming the act: "Commune de Cognac - Délibération n° DEL-2022-112 1/2".
FOOTER_NUMBER_RE = re.compile(r"d[ée]lib[ée]ration\s+n\s?[°o]\.?\s*(?P<num>[A-Z]{0,5}[-_]?\d{2,4}(?:[-_/.]\d{1,5}){1,3})(?![\w/-])", re.I)


def _clean_number(num: str) -> str:
    """"2014 / 139" → "2014/139": spaces around separators are layout, not the number."""
    return re.sub(r"\s*([-_/.])\s*", r"\1", num.strip())


def find_act_number(head: str, furniture: str = "") -> str | None:
    """The act's number as printed, without "N°".

    >>> find_act_number("SOUTIEN AUX STRUCTURES\\n(N°2022-372)\\nLa Commission")
    '2022-372'
    >>> find_act_number("Délibération n° DEL-2022-112\\nL'an deux mille")
    'DEL-2022-112'
    """
    for rx in ACT_NUMBER_RES:
        m = rx.search(head)
        if m:
            return _clean_number(m.group("num"))
    nums = {_clean_number(m.group("num")) for m in FOOTER_NUMBER_RE.finditer(furniture)}
    if len(nums) == 1:
        return nums.pop()
    return None


@dataclass(frozen=True)
class ItemHeading:
    number: str | None
    title: str | None


#: The heading of an item in minutes, first line of the act:
#: "Délibération D2018-67" (object on the next line), "2020-038 SUBVENTION EXCEPTIONNELLE …",
#: "N° DBC 2021-082 - Stratégies …", "DL-056-07-13 - Création de 5 postes …",
#: "1 - Création et composition des commissions municipales", "3.\tCIMETIERE …",
#: "2017.05.23 - 1  ADOPTION DU COMPTE RENDU …" (session date and rank), "1 Subventions
#: associatives" (a rank without punctuation: only read where minutes start an item).
ITEM_HEADING_RE = re.compile(
    rf"""^\W{{0,2}}(?:
        (?i:d[ée]lib[ée]ration)\s+(?:(?i:n)\s?[°o]\.?\s*)?(?P<num1>{_NUMBER})   # Délibération D2018-67
      | (?i:n)\s?[°o]\.?\s*(?P<num2>{_NUMBER})                                # N° DBC 2021-082
      | (?P<num3>(?:[A-Z]{{1,5}}[\s_-]?)?\d{{2,4}}(?:\s?[-_/]\s?\d{{1,5}}){{1,3}})   # 2020-038, DL-056-07-13
      | (?P<num4>\d{{4}}\.\d{{2}}\.\d{{2}}\s?-\s?\d{{1,3}})(?=\s)                  # 2017.05.23 - 1 (session.item)
      | (?P<bare>\d{{1,2}}(?:\.\d{{1,2}}){{0,2}})\s+(?=[A-ZÀ-Ý][a-zà-ÿA-ZÀ-Ý])       # 1 Subventions, 6.3 Verger
      | (?P<ord>\d{{1,2}}|[IVX]{{1,5}})\s*(?:[.\-–)]|°)                        # 1 - , 3. , IV.
    )\s*[-–:.]?\s*(?P<rest>.*)$""",
    re.X,
)


def find_item_heading(head: str, vocabulary: str = "", full: LineWidths | None = None) -> ItemHeading | None:
    """Number and title of the item of minutes whose text starts ``head``.

    >>> find_item_heading("2020-038 SUBVENTION EXCEPTIONNELLE POUR L’Association\\nMonsieur le Maire rappelle")
    ItemHeading(number='2020-038', title='SUBVENTION EXCEPTIONNELLE POUR L’Association')
    """
    lines = head.split("\n")
    if not lines:
        return None
    m = ITEM_HEADING_RE.match(lines[0].strip())
    if not m:
        # an unnumbered heading in capitals: "VOTE DU COMPTE DE GESTION 2015"
        if is_capitals(lines[0]) and len(lines[0].split()) >= 2:
            return ItemHeading(None, _join_title_lines(lines[:6], vocabulary, full))
        # or a short line of its own, where the minutes start an item: "Vote des 4 taxes"
        # (not a sentence, not "DM1 … approuvé : Vote : 14 pour")
        first = lines[0].strip()
        if 2 <= len(first.split()) and len(first) <= 100 and ":" not in first \
                and not first.endswith((".", ";", ",")) and re.match(r"[A-ZÀ-Ý]", first):
            return ItemHeading(None, clean_title(first))
        return None
    rest = m.group("rest").strip()
    num = m.group("num1") or m.group("num2") or m.group("num3") or m.group("num4")
    # "n° DBC 2019-070 du 3 juin 2019 approuvant…", "R20-53 du Code des Postes": a
    # reference quoted in the text, not a heading
    if num and re.match(r"(?:du|de|des|en|et)\b|[a-zà-ÿ]", rest):
        return None
    number = _clean_number(num) if num and not re.fullmatch(r"\d{1,2}", num.strip()) else None
    if number and re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", number):
        return None  # a date, not a number
    if not rest:
        # "Délibération D2018-67" then "Objet : …" on the next line
        title = find_title("\n".join(lines[1:8]), objet_only=True, vocabulary=vocabulary,
                           full=(full or [])[1:])
    else:
        title = _join_title_lines([rest] + lines[1:6], vocabulary, full)
    return ItemHeading(number, title)


#: "Objet : Budget principal 2022 - Décision modificative n°3", "OBJET - …".
OBJET_RE = re.compile(r"^\W{0,2}objet\s*[:\-–]\s*(?P<rest>.*)$", re.I | re.M)

#: Lines that open the text after a title: a rapporteur, the council, a visa…
_AFTER_TITLE_RE = re.compile(
    r"""^\W{0,2}(?:vu\b|consid[ée]rant|monsieur|madame|mme\b|m\.\s|le\s+(?:conseil|maire|pr[ée]sident)
        |la\s+(?:commission|pr[ée]sidente|maire)|rapporteur|expos[ée]|il\s|elle\s|apr[èe]s\b|sur\s+(?:le\s+)?rapport
        |\(\s*n[°o]|d[ée]lib[ée]ration\b|objet\b|pr[ée]sents?\b|[ée]taient\b|absents?\b)""",
    re.I | re.X,
)

# A line that ends in the middle of a phrase: the title goes on below.
_OPEN_END_RE = re.compile(
    r"""(?:\b(?:à|a|au|aux|de|du|des|d['’]|la|le|les|l['’]|et|ou|pour|par|sur|sous|en|dans|avec|entre|un|une)
        |[-–,:/(])\s*$""",
    re.I | re.X,
)


#: For each line of a text, whether it runs to the right margin (wrapped: the phrase goes
#: on below), or None when the page geometry is unknown.
LineWidths = list[bool | None]


def is_capitals(line: str) -> bool:
    """A line in capitals, as headings are typed: "ADOPTION DU COMPTE RENDU" (a few lower-case
    letters allowed: "2ème", "n°")."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) / len(letters) >= 0.85


def _join_title_lines(lines: list[str], vocabulary: str = "", full: LineWidths | None = None) -> str | None:
    """The first line of a title and the lines that carry on its phrase, joined.

    A line is carried on when the one above runs to the right margin (``full``, from the
    page geometry), ends in the middle of a phrase ("… DES", "… -"), or when it starts in
    lower case. Without geometry, a title also runs on to the line that opens the text
    ("Monsieur X expose :", "Vu …") when that line comes within three lines.
    """
    first = lines[0].strip()
    rest = [ln.strip() for ln in lines[1:6]]
    full = full or []
    if not any(f is not None for f in full[:4]):
        for k, line in enumerate(rest[:3]):
            if not line or "\f" in line:
                break
            if _AFTER_TITLE_RE.match(line):
                middle = rest[:k]
                if all(len(m) < 150 and not m.endswith((".", ";")) for m in middle):
                    return clean_title(_rejoin([first] + middle, vocabulary))
                break
            if line.endswith((".", ";")):
                break
    parts = [first]
    capitals = is_capitals(first)
    if capitals and not any(f is not None for f in full[:4]):
        # no page geometry (a text file): a title in capitals goes on over the lines in
        # capitals below it, across one blank line of a double-spaced text
        blanks = 0
        for line in rest:
            if not line:
                blanks += 1
                if blanks > 1:
                    break
                continue
            if "\f" in line or not is_capitals(line) or len(" ".join(parts)) > 300:
                break
            blanks = 0
            parts.append(line)
        return clean_title(_rejoin(parts, vocabulary))
    for i, line in enumerate(rest):
        if not line or "\f" in line or _AFTER_TITLE_RE.match(line) or len(" ".join(parts)) > 300:
            break
        # a title typed in capitals does not go on with a line that opens in upper case or
        # with a dash: after "ADOPTION DU COMPTE RENDU", "Remarque de C.BOURRETTE …",
        # "Opération : Electrification" or "-approbation budget COMMUNE" is the text below
        if capitals and not is_capitals(line) and re.match(r"[A-ZÀ-Ý\-–•]", line) \
                and not _OPEN_END_RE.search(parts[-1]):
            break
        prev = parts[-1]
        wrapped = full[i] if i < len(full) else None
        # the phrase carries on: the line above is wrapped at the margin or ends open
        # ("… DES", "… - "), or this one starts in lower case ("de l'Agence France
        # Locale") or with a reference (L2122-22)
        # a wrapped line goes on with words, not with a sentence of the text below
        wrapped = bool(wrapped) and not re.search(r",\s|[.:;]$", line)
        if wrapped or _OPEN_END_RE.search(prev) or re.match(r"[a-zà-ÿ(«\"]|[LR]\.?\s?\d", line):
            parts.append(line)
            continue
        break
    return clean_title(_rejoin(parts, vocabulary))


def _rejoin(parts: list[str], vocabulary: str = "") -> str:
    """Join title lines; a word cut at a line end is made whole again.

    "rete-" + "nues" → "retenues"; pdfium marks such cuts with U+0002 ("centre\x02" +
    "ville"). A compound the document prints whole elsewhere keeps its hyphen
    ("centre-ville"), so does any cut before a capital ("Saint-" + "Martin").
    """
    out = parts[0].rstrip()
    for p in parts[1:]:
        m = re.search(r"(\w+)[-\x02]$", out)
        if m and re.match(r"[a-zà-ÿ]", p):
            left = m.group(1)
            right = re.match(r"[\wÀ-ÿ]+", p)
            whole = f"{left}-{right.group(0)}" if right else ""
            if whole and re.search(re.escape(whole), vocabulary, re.I):
                out = out[:-1] + "-" + p
            else:
                out = out[:-1] + p
        elif out.endswith("\x02") or re.search(r"\w-$", out):
            out = out.rstrip("-\x02") + "-" + p  # "Pas-de-" + "Calais": a real hyphen
        else:
            out = out + " " + p
    return out.replace("\x02", "-")


def restore_accents(text: str, vocabulary: str) -> str:
    """Put back the accents OCR dropped from words in capitals, when the document prints
    the same word with them elsewhere ("DEPARTEMENTALES" → "DÉPARTEMENTALES", seen as
    "départementales" in the body). Only for text read by OCR, and only when the text
    itself shows accented capitals (a typist who writes "CIMETIERE" is printed as such)."""
    if not re.search(r"[ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜ]", text):
        return text
    variants: dict[str, dict[str, int]] = {}
    for w in re.findall(r"[^\W\d_]{4,}", vocabulary):
        f = _fold(w)
        if f != w.lower():
            variants.setdefault(f, {}).setdefault(w.upper(), 0)
            variants[f][w.upper()] += 1

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if not word.isupper() or _fold(word) != word.lower():
            return word
        seen = variants.get(word.lower())
        return max(seen, key=lambda k: seen[k]) if seen else word

    return re.sub(r"[^\W\d_]{4,}", fix, text)


def clean_title(title: str) -> str | None:
    """A title on one line: whitespace collapsed, trailing punctuation of the layout dropped."""
    t = collapse_ws(title).strip(" -–:;,")
    return t or None


def find_title(head: str, *, objet_only: bool = False, vocabulary: str = "",
               full: LineWidths | None = None) -> str | None:
    """The object of the deliberation, on one line, without "Objet :".

    >>> find_title("Objet : Politique de la ville - Programmation 2022 du contrat de ville -\\nSubventions aux associations\\nVu le Code")
    'Politique de la ville - Programmation 2022 du contrat de ville - Subventions aux associations'
    """
    m = OBJET_RE.search(head)
    if m and m.group("rest").strip():
        rest_lines = head[m.end():].split("\n")[1:6]
        line_no = head.count("\n", 0, m.start())
        return _join_title_lines([m.group("rest")] + rest_lines, vocabulary, (full or [])[line_no:])
    if objet_only:
        return None
    # Départements: the title in capitals stands just above "(N°2023-122)".
    m = ACT_NUMBER_RES[0].search(head)
    if m:
        above = head[:m.start()].rstrip("\n").split("\n")
        block: list[str] = []
        for line in reversed(above):
            letters = [c for c in line if c.isalpha()]
            if not letters or sum(c.isupper() for c in letters) / len(letters) < 0.8:
                break
            block.insert(0, line.strip())
            if len(block) >= 6:
                break
        if block:
            return clean_title(_rejoin(block, vocabulary))
    # "Modalités et conditions … des élus" just above "Monsieur EL KANDOUSSI rapporte :"
    m = re.search(r"^(?:monsieur|madame|m\.|mme)\s[^\n]{0,60}\brapporte\s*:?\s*$", head, re.I | re.M)
    if m:
        above = head[:m.start()].rstrip("\n").split("\n")
        block = []
        for line in reversed(above):
            s = line.strip()
            if not s or s.endswith((":", ".", ";")) or len(block) >= 3:
                break
            block.insert(0, s)
        if block:
            return clean_title(_rejoin(block, vocabulary))
    return None


# ---------------------------------------------------------------------------
# Session date
# ---------------------------------------------------------------------------

#: Words that announce the meeting date: "REUNION DU 20 MARS 2023", "Séance (publique) du
#: jeudi 7 avril 2022", "CONSEIL MUNICIPAL DU MARDI 12 MARS 2019", "Commission permanente
#: du 20 mars 2023", "L'an deux mille …" (the date itself), "s'est réuni … le jeudi 24 avril 2014".
SESSION_CUE_RE = re.compile(
    r"""(?:r[ée]union|s[ée]ance(?:\s+publique)?|conseil\s+municipal|conseil\s+communautaire
        |conseil\s+d[ée]partemental|conseil\s+r[ée]gional|commission\s+permanente|bureau\s+communautaire)
        \s+(?:du|le)\s*:?\s*$""",
    re.I | re.X,
)
_CONVOCATION_RE = re.compile(r"convo(?:cation|qu[ée]e?s?)[^\n]{0,40}$", re.I)
_MET_RE = re.compile(r"(?:s['’]\s?est|se\s+sont|s['’]\s?étant)\s+(?:r[ée]uni|assembl)[^\n]{0,150}$|ouvrira\s+le\s*:?\s*$", re.I)
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _weekday_score(raw: str, date: dt.date) -> int:
    """+1 when the printed weekday matches the date, -1 when it does not, 0 when none."""
    folded = _fold(raw)
    for i, name in enumerate(_WEEKDAYS):
        if name in folded:
            return 1 if date.weekday() == i else -1
    return 0


def find_session_date(text: str) -> dt.date | None:
    """The meeting date of the header ``text`` (not the convocation, nor the signature).

    >>> find_session_date("Séance du 10 mai 2022\\nDate de convocation : 04/05/2022")
    datetime.date(2022, 5, 10)
    >>> find_session_date("L'an deux mille vingt-deux, le dix mai à vingt heures")
    datetime.date(2022, 5, 10)
    """
    if not text:
        return None
    region = text[:6000]
    candidates: list[tuple[int, int, dt.date]] = []  # (priority, weekday score, date)
    convocation: dt.date | None = None
    for m in find_dates(region):
        before = region[max(0, m.start - 160):m.start]
        line_before = before.split("\n")[-1]
        two_lines = "\n".join(before.split("\n")[-2:])
        if _CONVOCATION_RE.search(line_before):
            convocation = convocation or m.date
            continue
        if re.match(r"\W{0,2}objet\b", line_before, re.I):
            continue  # "Objet : approbation du procès-verbal de la séance du 8 octobre 2018"
        if m.raw.lower().startswith("l'an") or m.raw.lower().startswith("l’an"):
            candidates.append((1, _weekday_score(m.raw, m.date), m.date))
        elif SESSION_CUE_RE.search(line_before) or SESSION_CUE_RE.search(two_lines.replace("\n", " ")):
            candidates.append((0, _weekday_score(m.raw, m.date), m.date))
        elif _MET_RE.search(two_lines.replace("\n", " ")):
            candidates.append((2, _weekday_score(m.raw, m.date), m.date))
    if convocation:
        # a meeting follows its convocation, within weeks
        candidates = [c for c in candidates if 0 <= (c[2] - convocation).days <= 90]
    if not candidates:
        return None
    dates = {c[2] for c in candidates}
    if len(dates) == 1:
        return dates.pop()
    # printed sources disagree: trust the one whose weekday is right, then the cue order
    candidates.sort(key=lambda c: (-c[1], c[0]))
    return candidates[0][2]


# ---------------------------------------------------------------------------
# President and secretary
# ---------------------------------------------------------------------------

_CIV = r"(?:Monsieur|Madame|MONSIEUR|MADAME|Mademoiselle|Mme|MME|Mlle|M\.|Mr\.?|M(?=[A-Z][a-zà-ÿ]))"
# A printed name: up to five capitalised words ("Jean-Claude LEROY", "MONNIER Martine",
# "S.MEARY", "Paul LE BIHAN"), on one line or wrapped before a surname in capitals.
_PERSON = r"""(?:[A-ZÀ-Ý][\wÀ-ÿ'’-]*\.?(?:[ \t]+|\n(?=[A-ZÀ-Ý][A-ZÀ-Ý'’-]+\b)|(?<=\.)(?=[A-Z]))){0,4}[A-ZÀ-Ý][\wÀ-ÿ'’-]*"""

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

#: "Secrétaire : Mme Marie-Line PLOUVIEZ", "Secrétaire de séance : Mme MASSON Sylvie",
#: "Secrétaires de Séance : Bertrand DUBOIS ; Marc LEVEQUE", "M. PERRAUD est désigné(e) en
#: tant que secrétaire de séance", "Mme Trefina KERRAIN, ayant obtenu la majorité des
#: suffrages, a été désignée pour remplir ces fonctions".
SECRETARY_RES: tuple[re.Pattern[str], ...] = (
    # a labelled line, one or two names
    re.compile(rf"""^\W{{0,2}}(?i:secr[ée]taires?(?:\s+de\s+s[ée]ance)?)[ \t]*:[ \t]*(?P<name>(?:{_CIV}[ \t]*)?{_PERSON_LINE}
                    (?:[ \t]*[;,][ \t]*(?:et[ \t]+)?(?:{_CIV}[ \t]*)?{_PERSON_LINE})?)""", re.X | re.M),
    # "M. PERRAUD est désigné(e) en tant que secrétaire de séance"
    re.compile(rf"""(?P<name>{_CIV}\s*{_PERSON})\s*,?\s+(?i:(?:est|a\s+[ée]t[ée])\s+(?:d[ée]sign[ée]|nomm[ée]|[ée]lu)
                    (?:\(?e\)?)?\s+(?:en\s+tant\s+que\s+|comme\s+|en\s+qualit[ée]\s+de\s+)?secr[ée]taire)""", re.X),
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


def person_name(printed: str) -> str | None:
    """"Prénom NOM" from a printed name in either order; first names title-cased when in capitals.

    >>> person_name("MONSIEUR JEAN-CLAUDE LEROY")
    'Jean-Claude LEROY'
    >>> person_name("Mme MONNIER Martine")
    'Martine MONNIER'
    >>> person_name("S.MEARY")
    'S. MEARY'
    """
    text = _NAME_TAIL_RE.sub("", collapse_ws(printed)).strip(" ,;.(")
    text = re.sub(r"\s*\(.*$", "", text)
    text = _CIVILITY_PREFIX_RE.sub("", text).strip()
    if not text or _fold(text.split()[0]) in _NOT_A_NAME:
        return None
    # an initial glued to the surname on scans: "S.MEARY" → "S. MEARY"
    text = re.sub(r"^([A-ZÀ-Ý])\.\s*(?=[A-ZÀ-Ý]{2})", r"\1. ", text)
    tokens = text.split()
    if len(tokens) > 5:
        return None
    upper = [_is_surname_token(t) for t in tokens]
    if all(upper):
        if len(tokens) == 1:
            return tokens[0]  # a surname alone: "Monsieur ARMAND, Maire"
        # "JEAN-CLAUDE LEROY": the first word is the first name
        first = "-".join(p.capitalize() for p in tokens[0].split("-"))
        return f"{first} {' '.join(tokens[1:])}"
    if upper[0]:
        # NOM Prénom: "MONNIER Martine", "CHARRIER Jean-Paul"
        k = next(i for i, u in enumerate(upper) if not u)
        if any(upper[k:]):
            return None
        return f"{' '.join(tokens[k:])} {' '.join(tokens[:k])}"
    # Prénom NOM: "Julien GUÉRIN", "Paul LE BIHAN", "Denis Vanhecke" (no capitals: last word)
    k = len(tokens)
    while k > 0 and upper[k - 1]:
        k -= 1
    if k == len(tokens):
        return " ".join(tokens) if len(tokens) >= 2 else None
    if any(upper[:k]):
        return None
    return f"{' '.join(tokens[:k])} {' '.join(tokens[k:])}"


def _is_surname_token(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def find_person(text: str, patterns: Iterable[re.Pattern[str]]) -> str | None:
    """The first person named by ``patterns`` in ``text`` ("A B, C D" for two secretaries)."""
    if not text:
        return None
    for rx in patterns:
        m = rx.search(text)
        if not m:
            continue
        printed = m.group("name")
        people = [p for p in re.split(r"\s*(?:;|,\s*(?=(?:M\.|Mme|Monsieur|Madame)\b)|\bet\s+)\s*", printed) if p.strip()]
        names = [person_name(p) for p in people]
        if names and all(names):
            return ", ".join(n for n in names if n)
    return None


# ---------------------------------------------------------------------------
# Prefecture and publication dates
# ---------------------------------------------------------------------------

#: Sending to the prefecture ("contrôle de légalité"): "Envoi au contrôle de légalité le :",
#: "Transmis au contrôle de légalité le", "Acte rendu exécutoire après dépôt en Préfecture le",
#: "Envoi Préfecture :", "Réception en Préfecture :", "Date de réception préfecture :",
#: "Reçu en préfecture le", "Télétransmis le". A stamp's bare "REÇU LE" / "ARRIVÉE LE" is not
#: matched: it carries no "en préfecture".
PREFECTURE_RE = re.compile(
    r"""(?:contr[ôo]le\s+de\s+l[ée]galit[ée]
        |d[ée]p[ôo]t\s+en\s+pr[ée]fecture|d[ée]pos[ée]e?\s+en\s+pr[ée]fecture
        |(?:envoi|transmise?|transmission|r[ée]ception|re[çc]ue?|arriv[ée]e?)\s+(?:en\s+|[àa]\s+la\s+)?pr[ée]fecture
        |date\s+de\s+r[ée]ception\s+(?:en\s+)?pr[ée]fecture
        |transmise?\s+au\s+repr[ée]sentant\s+de\s+l['’][ÉE]tat
        |t[ée]l[ée]transmise?|date\s+de\s+t[ée]l[ée]transmission)
        [^\n\d]{0,25}?(?:\s+le|\s*:)?\s*$""",
    re.I | re.X,
)

#: "Publication électronique le :", "et publication le", "Publié sur le site internet de la
#: Communauté le", "Publiée le :", "Affiché le", "Date d'affichage :", "Mis en ligne le".
PUBLICATION_RE = re.compile(
    r"""(?:publication|publi[ée]e?s?|affich[ée]e?s?|affichage|mise?\s+en\s+ligne)
        (?:[^\n\d.;]{0,60}?)(?:\s+le|\s*:)\s*:?\s*$""",
    re.I | re.X,
)


def _labelled_date(text: str, label: re.Pattern[str], max_gap: int = 100) -> dt.date | None:
    """The first date whose preceding words on its line (or the line above) match ``label``."""
    if not text:
        return None
    values = []
    for m in find_dates(text):
        before = text[max(0, m.start - max_gap):m.start]
        line = before.split("\n")[-1]
        if label.search(line) or (not line.strip() and label.search(before.rstrip("\n").split("\n")[-1])):
            values.append(m.date)
    return values[0] if values else None


def find_prefecture_date(text: str) -> dt.date | None:
    """Date the act was sent to (or received by) the prefecture.

    >>> find_prefecture_date("Acte rendu exécutoire après dépôt en Préfecture le 14/05/2022 et publication le 15/05/2022")
    datetime.date(2022, 5, 14)
    """
    # in a two-column layout, the label may stand in another column: only the last cell counts
    return _labelled_date(text, PREFECTURE_RE)


def find_publication_date(text: str) -> dt.date | None:
    """Date the act was published or posted.

    >>> find_publication_date("Publication électronique le : 19 avril 2023")
    datetime.date(2023, 4, 19)
    """
    return _labelled_date(text, PUBLICATION_RE)


# ---------------------------------------------------------------------------
# Members in office, present, voting
# ---------------------------------------------------------------------------

_N = r"(?P<n>\d{1,3})(?![\d/.,])"
# "en exercice : 29", "Conseillers Municipaux en exercice : 23", "Délégués en exercice : 34"
IN_OFFICE_RES = (re.compile(rf"en\s+exercice\s*[:=]?[ \t]*\n?[ \t]*{_N}", re.I),)
# "Présents : 22", "Présents 14", "Nombre de conseillers présents : 21", "32 présents"
PRESENT_RES = (
    re.compile(rf"pr[ée]sents?\s*[:=]?[ \t]*\n?[ \t]*{_N}", re.I),
    re.compile(rf"(?<![\w/]){_N}[ \t]+pr[ée]sents?\b", re.I),
)
# "Votants : 25", "Nombre de conseillers votants : 28", "33 votants"
VOTING_RES = (
    re.compile(rf"votants?\s*[:=]?[ \t]*\n?[ \t]*{_N}", re.I),
    re.compile(rf"(?<![\w/]){_N}[ \t]+votants\b", re.I),
)


def _count(text: str, patterns: tuple[re.Pattern[str], ...]) -> int | None:
    values = {int(m.group("n")) for rx in patterns for m in rx.finditer(text)}
    # several different counts (per group of questions in Lannion's minutes): none is *the* count
    return values.pop() if len(values) == 1 else None


def find_counts(text: str) -> tuple[int | None, int | None, int | None]:
    """(in office, present, voting) when printed as numbers in the header ``text``.

    >>> find_counts("Nombre de conseillers en exercice : 29 / Présents : 22 / Votants : 25")
    (29, 22, 25)
    >>> find_counts("Nombre de Conseillers en exercice : 15- Présents 14 - Votants 14")
    (15, 14, 14)
    """
    if not text:
        return None, None, None
    region = text[:6000]
    office = _count(region, IN_OFFICE_RES)
    present = _count(region, PRESENT_RES)
    voting = _count(region, VOTING_RES)
    if office is not None and present is not None and present > office:
        present = None
    if office is not None and voting is not None and voting > office:
        voting = None
    if present is not None and voting is not None and voting < present:
        present = voting = None
    if office is not None and office == 0:
        office = None
    return office, present, voting


# ---------------------------------------------------------------------------
# @ctes identifier
# ---------------------------------------------------------------------------

#: "034-213401722-20140424-0000071251-DE": department, SIREN, date, local id, nature
#: (DE délibération, AR/AI arrêtés, CC contrat, BF budget, AU autre).
ACTES_ID_RE = re.compile(
    r"""(?<![\w-])(?P<dept>\d{3}|0?2[AB]|\d{2}[AB]?)\s?-\s?(?P<siren>\d{9})\s?-\s?(?P<date>\d{8})\s?-\s?
        (?P<local>[\w.]{1,30}?)\s?-\s?(?P<nature>DE|AR|AI|CC|BF|AU)(?![\w])""",
    re.X,
)


def find_actes_id(text: str) -> tuple[str | None, str | None]:
    """(@ctes identifier, SIREN of the authority) when printed.

    >>> find_actes_id("Accusé de réception\\n034-213401722-20140424-0000071251-DE\\n")
    ('034-213401722-20140424-0000071251-DE', '213401722')
    """
    for m in ACTES_ID_RE.finditer(text or ""):
        siren = m.group("siren")
        if not siren_valid(siren):
            continue
        ident = "-".join(m.group(k) for k in ("dept", "siren", "date", "local", "nature"))
        return ident, siren
    return None, None
