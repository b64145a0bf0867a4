"""Who deliberates: the body ("commission permanente", "conseil municipal", "bureau") and the
collectivité it belongs to, styled as the document styles it ("Département du Pas-de-Calais",
"Commune de Saint-Restitut", "Communauté d'agglomération …").

Each reader takes the text where the column is printed and returns the value in the
contract's format, or None when the text does not say it clearly (precision first).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from extractors.header.regions import region_name
from extractors.header.text import fold
from pipeline.model import collapse_ws
from pipeline.normalize.bodies import body_in

# ---------------------------------------------------------------------------
# Body
# ---------------------------------------------------------------------------

#: The nouns a deliberating body is named by: "Conseil municipal", "Bureau communautaire",
#: "Commission permanente", a syndicat's "Comité syndical", a département's "Assemblée
#: départementale" (:mod:`pipeline.normalize.bodies` says which body each names).
_BODY_NOUN = r"(?:bureau|conseil|commission|comit[ée]|assembl[ée]e)"

#: "DELIBERATION DE LA COMMISSION PERMANENTE", "REGISTRE DES DÉLIBÉRATIONS DU CONSEIL
#: MUNICIPAL", "PROCÈS-VERBAL DU CONSEIL MUNICIPAL", "COMPTE RENDU DE LA SÉANCE DU CONSEIL
#: MUNICIPAL", "Bureau communautaire du 23 septembre 2021", "Conseil municipal du 4 juin 2021",
#: the body alone on a line above its meeting: "CONSEIL MUNICIPAL" / "SEANCE DU 20 JUIN 2012".
_TITLE_OF_BODY_RE = re.compile(
    rf"""^[^\n]{{0,30}}?(?:d[ée]lib[ée]rations?|proc[èe]s[\s-]*verbal|compte[\s-]*rendu|s[ée]ance|r[ée]union|registre)
        [^\n]{{0,40}}?\b(?:de\s+la|du|des)\s+(?P<body>[^\n]{{0,60}}(?:\n[^\n]{{0,30}})?)
      | ^\s*(?P<line>{_BODY_NOUN}[^\n]{{0,40}}?)\s+du\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?\d
                                                               # Conseil municipal du vendredi 24 juillet 2015
      | ^\s*(?P<above>{_BODY_NOUN}[^\n]{{0,40}}?)\s*\n\s*(?:s[ée]ance|r[ée]union)\s+du\s+\d  # "CONSEIL MUNICIPAL" above "SEANCE DU 20 JUIN 2012"
      | ^\s*(?P<head>{_BODY_NOUN}\s[^\n–—]{{0,40}}?)\s+[-–—]\s   # Conseil régional – Délibération de …
      | ^\s*(?P<alone>{_BODY_NOUN}\s+[\w-]+)\s*$                 # "Conseil Communautaire", "COMITÉ SYNDICAL" as a letterhead
    """,
    re.I | re.X | re.M,
)

#: "Le Conseil Municipal, après en avoir délibéré", "Le bureau communautaire, après en
#: avoir délibéré à l'unanimité", "La Commission Permanente du Conseil départemental du
#: Pas-de-Calais, … Après en avoir délibéré", "L'Assemblée départementale, après en avoir
#: délibéré"; the body after the words: "Après en avoir délibéré, le Conseil de la Métropole,
#: à l'unanimité", "Après en avoir délibéré, le Comité syndical décide".
_DELIBERATING_RE = re.compile(
    rf"""\b(?:l[ea]\s+|l['’]\s?)(?P<body>{_BODY_NOUN}[^\n,]{{0,80}})\s*,?\s*(?:\n\s*)?
        apr[èe]s\s+en\s+avoir\s+d[ée]lib[ée]r""",
    re.I | re.X,
)
_DELIBERATED_RE = re.compile(
    rf"""apr[èe]s\s+en\s+avoir\s+d[ée]lib[ée]r[ée]\s*,?\s*(?:\n\s*)?(?:l[ea]\s+|l['’]\s?)
        (?P<body>{_BODY_NOUN}[^\n,]{{0,80}})""",
    re.I | re.X,
)

#: The council alone on its line, as the subject of the visas or of the dispositif that
#: follow: "Le Conseil Municipal,", "La Commission Permanente du Conseil départemental du
#: Calvados,", "Le Conseil communautaire :" (then "- prend acte du rapport …").
_SUBJECT_LINE_RE = re.compile(
    rf"^\W{{0,2}}(?:l[ea]\s+|l['’]\s?)(?P<body>{_BODY_NOUN}[^\n,:]{{0,80}}?)\s*[,:]\s*$", re.I | re.M)

#: "Le Conseil Municipal de la commune de LANNION s'étant assemblé", "les conseillers
#: communautaires de Roannais Agglomération, se sont réunis", "le Conseil Municipal … s'est
#: réuni", "le Conseil de l'Eurométropole de Strasbourg, dûment convoqué …, s'est réuni": the
#: council that met.
_MEETING_RE = re.compile(
    rf"""\b(?:l[ea]s?\s+|l['’]\s?|(?<=membres\s)du\s+)
        (?P<body>{_BODY_NOUN}\w*\s+(?:d[eu]\s+(?:la\s+|l['’]\s?)?)?\w+)[^.]{{0,120}}?
        (?:s['’]\s?est|s['’]\s?[ée]tant|se\s+sont)\s+(?:l[ée]galement\s+)?(?:r[ée]uni|assembl)""",
    re.I | re.X,
)


def deliberating_bodies(text: str) -> set[str]:
    """Every body ``text`` has deliberate or decide ("Le bureau communautaire, après en avoir
    délibéré", "Le Conseil communautaire :"): a council's item that reports its bureau's
    deliberations names both."""
    found = set()
    for rx in (_DELIBERATING_RE, _DELIBERATED_RE, _SUBJECT_LINE_RE):
        for m in rx.finditer(text or ""):
            body = body_in(m.group("body"))
            if body:
                found.add(body)
    return found


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
            found = body_in(m.group("body") or m.group("line") or m.group("above") or m.group("head")
                             or m.group("alone") or "")
            if found:
                return found
    for rx in (_DELIBERATING_RE, _DELIBERATED_RE, _SUBJECT_LINE_RE) + (() if deliberating_only else (_MEETING_RE,)):
        m = rx.search(text)
        if m and body_in(m.group("body")):
            return body_in(m.group("body"))
    return None


# ---------------------------------------------------------------------------
# Authority
# ---------------------------------------------------------------------------

# Kinds of collectivité as printed (any case, accents optional) → the styled form. The
# Eurométropole de Strasbourg is a métropole styled its own way; a pôle d'équilibre territorial
# et rural (a syndicat mixte of EPCI, CGCT art. L5741-1) is styled by its acronym, as these
# pôles name themselves ("PETR du Pays de Langres").
_KINDS: tuple[tuple[str, str], ...] = (
    (r"communaut[ée]\s+d['’]\s?agglom[ée]ration", "Communauté d'agglomération"),
    (r"communaut[ée]\s+de\s+communes", "Communauté de communes"),
    (r"communaut[ée]\s+urbaine", "Communauté urbaine"),
    (r"conseil\s+d[ée]partemental|conseil\s+g[ée]n[ée]ral|d[ée]partement", "Département"),
    (r"conseil\s+r[ée]gional|r[ée]gion", "Région"),
    (r"eurom[ée]tropole", "Eurométropole"),
    (r"m[ée]tropole", "Métropole"),
    (r"p[ôo]le\s+d['’]\s?[ée]quilibre\s+territorial\s+et\s+rural|petr", "PETR"),
    (r"ville", "Ville"),
    (r"commune|mairie", "Commune"),
)
_KIND_ALT = "|".join(k for k, _ in _KINDS)

# A place name: capitalised words, joined by spaces or hyphens, with lower-case
# particles inside ("Pas-de-Calais", "Saint-Martin-lès-Boulogne", "Preuilly sur Claise",
# "L'Arbresle"), or the same in capitals ("FARGUES SAINT-HILAIRE").
_CAP = r"[A-ZÀ-ÖØ-ÝŒ][\wÀ-ÿ]*(?:['’][A-ZÀ-ÝŒa-zà-ÿ][\wÀ-ÿ]*)?"   # "Cœur de Savoie": Œ is past Ý
_PARTICLE = r"(?:sur|sous|l[èe]s|lez|les|en|de|du|des|la|le|et|aux|au|SUR|SOUS|L[ÈE]S|LEZ|LES|EN|DE|DU|DES|LA|LE|ET|AUX|AU)"
_NAME = rf"""{_CAP}(?:(?:[ -]{_PARTICLE}(?=[ -]))*[ -](?:[dlDL]['’])?{_CAP})*"""

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
                              "Métropole", "Eurométropole"),
    "bureau": ("Communauté d'agglomération", "Communauté de communes", "Communauté urbaine", "Métropole",
               "Eurométropole", "Commune", "Ville", "PETR", "Syndicat"),
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


#: The article that opens a commune's name and stays apart from it ("La Roche-sur-Yon",
#: "Les Sables-d'Olonne", "Le Portel").
_LEADING_ARTICLE_RE = re.compile(r"^(?:L[ea]s?|L['’])(?:\s+|(?<=['’]))")


def commune_name(styled: str) -> str:
    """A commune's name, title-cased from capitals, with the hyphens of the official
    toponymy: the words of a compound name are joined ("SAINT RESTITUT" → "Saint-Restitut",
    "PREUILLY SUR CLAISE" → "Preuilly-sur-Claise", "LA ROCHE SUR YON" → "La Roche-sur-Yon"),
    the leading article stays apart (Code officiel géographique's rule). Only for a name the
    document printed in capitals: a name printed in mixed case is kept as printed.

    >>> commune_name("Saint Restitut")
    'Saint-Restitut'
    >>> commune_name("Le Portel")
    'Le Portel'
    """
    m = _LEADING_ARTICLE_RE.match(styled)
    head, rest = (styled[:m.end()], styled[m.end():]) if m else ("", styled)
    return head + re.sub(r"\s+", "-", rest.strip())


def _styled(kind: str, link: str, name: str) -> str:
    link = _link(link)
    sep = "" if link.endswith("'") else " "
    styled = title_case_name(name)
    if kind in ("Commune", "Ville") and _is_caps(name):
        styled = commune_name(styled)
    return f"{kind} {link}{sep}{styled}"


@dataclass(frozen=True)
class _AuthorityHit:
    kind: str
    styled: str
    key: str  # folded kind + name, to compare printings
    standalone: bool  # the match is a line of its own (a letterhead)
    mixed_case: bool  # printed in mixed case: already styled by the document
    # a letterhead in capitals whose name the document may print in mixed case elsewhere:
    # the styled words before the name, and the name as printed ("Communauté d'agglomération ",
    # "GRANDANGOULÊME"), see :func:`_document_printing`
    restyle: tuple[str, str] | None = None


#: A mention of the collectivité in a sentence counts only after the council that speaks
#: for it: "le Conseil Municipal de la Commune de Cognac", "La Commission Permanente du
#: Conseil départemental du Calvados", "Conseil Municipal\nDe la Commune de FARGUES…".
_COUNCIL_BEFORE_RE = re.compile(
    r"""(?:conseil\s+(?:municipal|communautaire|m[ée]tropolitain)|commission\s+permanente|conseillers\s+\w+)
        [\s,]*(?:de\s+la|du|de\s+l['’]|de)?\s*$""",
    re.I | re.X,
)


#: A sentence opening on the council: "Le Conseil départemental du Gers, réuni …".
_SUBJECT_BEFORE_RE = re.compile(r"(?:^|[.:;]\s)\s*l[ea]\s+$", re.I)


def _hit(m: re.Match[str], standalone: bool) -> _AuthorityHit | None:
    kind = _kind_of(m.group("kind"))
    if kind is None:
        return None
    name = m.group("name")
    if kind == "Région":
        # "CONSEIL RÉGIONAL DU GRAND EST" is the "Région Grand Est": a région's own name
        region = region_name(m.group(0)[m.start("link") - m.start():])
        if region:
            return _AuthorityHit(kind, f"Région {region}", fold(f"Région {region}"), standalone, True)
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
    # The document styles the name itself when it prints it in mixed case: "Commune de
    # CHEMERE", "Ville de LANNION" (a capitalised kind before a name in capitals), "commune de
    # Preuilly-sur-Claise" (a name in mixed case after a kind in lower case, which takes its
    # capital); a line all in capitals ("COMMUNE DE PREUILLY SUR CLAISE", "commune de SAINT
    # RESTITUT") is styled here.
    kind_word = m.group("kind")
    mixed = not printed.isupper() and ((kind_word[0].isupper() and not kind_word.isupper()) or not _is_caps(name))
    if mixed and not fold(kind_word).startswith("conseil"):
        styled = collapse_ws(printed).replace("’", "'")
        styled = styled[0].upper() + styled[1:]
    else:
        # capitals, or "Conseil départemental du Calvados" naming the Département
        styled = _styled(kind, m.group("link"), name)
    key = fold(f"{kind} {title_case_name(name)}").replace("-", " ")
    return _AuthorityHit(kind, styled, key, standalone, mixed)


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


#: A letterhead naming the collectivité without a link word: "RÉGION HAUTS-DE-FRANCE",
#: "Métropole Rouen Normandie", "MÉTROPOLE NICE CÔTE D'AZUR" (a line of its own); an EPCI
#: whose name is a brand or a pays ("Communauté de communes Cœur de Savoie", "COMMUNAUTÉ
#: D'AGGLOMÉRATION PAYS BASQUE", "COMMUNAUTÉ D'AGGLOMÉRATION GRANDANGOULÊME", "Communauté
#: urbaine Caen la mer").
BARE_LETTERHEAD_RE = re.compile(
    rf"""^(?P<kind>(?i:r[ée]gion|m[ée]tropole|communaut[ée]\s+d['’]\s?agglom[ée]ration|communaut[ée]\s+de\s+communes
                     |communaut[ée]\s+urbaine))
        \s+(?!(?i:du|de|des|d['’]|la|le|les)\b)(?P<name>{_NAME})\s*$""",
    re.X,
)

#: A letterhead cut after its link word, the name on the next line: "COMMUNE DE" / "CEYZÉRIAT".
_KIND_AND_LINK_RE = re.compile(rf"""^(?i:{_KIND_ALT})\s+(?i:du|de\s+la|de\s+l['’]|des|de|d['’])$""", re.X)

#: A brand-styled name alone on its line: "Roannais Agglomération", "Bordeaux Métropole",
#: "Brest métropole" (not "La Métropole", "Cette agglomération").
BRAND_LINE_RE = re.compile(rf"""^(?!(?i:la|le|les|l['’]|une?|cette|notre|votre)\s)
                                (?P<brand>(?:{_CAP}\s+){{1,3}}(?P<kind>[Aa]gglom[ée]ration|[Mm][ée]tropole))\s*$""", re.X)

#: A syndicate's letterhead, its name as long as it runs: "SYNDICAT INTERCOMMUNAL DES EAUX DE
#: LA VALLÉE DU LOIR", "Syndicat mixte du bassin de la Sèvre Nantaise", "Syndicat
#: départemental d'énergie", and its acronyms ("SIVOM de la région de Chevreuse", "SIVU du
#: collège", "SMICTOM du Centre Ouest", "SIAEP de la Région de …").
SYNDICATE_LINE_RE = re.compile(
    r"""^(?P<name>(?:(?i:syndicat)(?:\s+(?i:intercommunal|mixte|d[ée]partemental|ferm[ée]|ouvert|[àa]\s+vocation\s+(?:unique|multiple)s?))*
                  |S[IM][A-Z]{2,6})
        \s+(?i:d['’]\s?|de\s|du\s|des\s)[^\n\t]{3,100}?)\s*$""",
    re.X,
)

#: The cells of a running head or footer: "Recueil des actes du Bureau n° 2023-07 –
#: Communauté de communes du Val d'Ille-Aubigné	page 1/5".
_CELL_SPLIT_RE = re.compile(r"\t|\s[–—|-]\s")


def _letterhead_hit(line: str) -> _AuthorityHit | None:
    """The collectivité a line of its own names, or None."""
    m = AUTHORITY_RE.match(line)
    if m:
        after = line[m.end():].strip()
        if not after or after[0] in "(-–|\t" or after.startswith(("-", "–")):
            return _hit(m, True)
        return None
    m = BARE_LETTERHEAD_RE.match(line)
    if m:
        kind = _kind_of(m.group("kind"))
        if kind == "Région":
            region = region_name(m.group("name"))
            return _AuthorityHit(kind, f"Région {region}", fold(f"Région {region}"), True, True) if region else None
        name = collapse_ws(m.group("name"))
        mixed = not line.isupper()
        styled = collapse_ws(line) if mixed else f"{kind} {title_case_name(name)}"
        return _AuthorityHit(kind, styled, fold(f"{kind} {title_case_name(name)}").replace("-", " "), True, mixed,
                             None if mixed else (f"{kind} ", name))
    m = SYNDICATE_LINE_RE.match(line.strip())
    if m and not re.search(r"[.;:]\s*$|\d", m.group("name")):
        name = collapse_ws(m.group("name")).replace("’", "'")
        styled, restyle = name, None
        if name.isupper():
            first, _, rest = name.partition(" ")
            # an acronym stays in capitals ("SIAEP DE LA RÉGION DE GIEN" → "SIAEP de la Région de Gien")
            styled = f"{first} {title_case_name(rest)}" if fold(first) != "syndicat" else title_case_name(name)
            styled = re.sub(r"^(\S+) (De|Du|Des|D')\b", lambda m: f"{m.group(1)} {m.group(2).lower()}", styled)
            restyle = (f"{first} ", rest) if fold(first) != "syndicat" else ("", name)
        return _AuthorityHit("Syndicat", styled, fold(styled).replace("-", " "), True, not name.isupper(), restyle)
    m = BRAND_LINE_RE.match(line)
    if m:
        kind = "Métropole" if fold(m.group("kind")).startswith("metropole") else "Communauté d'agglomération"
        return _AuthorityHit(kind, collapse_ws(m.group("brand")), fold(collapse_ws(m.group("brand"))), True, True)
    return None


def _authority_hits(text: str, running: bool = False) -> list[_AuthorityHit]:
    """Letterhead lines ("COMMUNE DE COGNAC", "Ville de LANNION (Côtes d'Armor)", a footer
    "Département du Pas-de-Calais - Commission permanente…") and mentions after the council.
    In running heads and footers (``running``), each cell of a line is read as a line."""
    hits: list[tuple[int, _AuthorityHit]] = []
    pos = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        cells = [c.strip() for c in _CELL_SPLIT_RE.split(line)] if running else [line.strip()]
        if not running and i + 1 < len(lines) and _KIND_AND_LINK_RE.match(cells[0]):
            # "COMMUNE DE" / "CEYZÉRIAT": one letterhead over two lines
            cells = [cells[0] + ("" if cells[0].endswith(("'", "’")) else " ") + lines[i + 1].strip()]
        for cell in cells:
            h = _letterhead_hit(cell)
            if h:
                hits.append((pos, h))
                break
        pos += len(line) + 1
    flat = re.sub(r"\s+", " ", text)
    for m in AUTHORITY_RE.finditer(flat):
        before = flat[max(0, m.start() - 60):m.start()]
        # "Le Conseil régional des Pays de la Loire, réuni …": the council as the subject
        subject = fold(m.group("kind")).startswith("conseil") and bool(_SUBJECT_BEFORE_RE.search(before))
        if _COUNCIL_BEFORE_RE.search(before) or subject:
            h = _hit(m, False)
            if h:
                hits.append((m.start(), h))
    return [h for _, h in hits]


def find_authority(texts: Sequence[str], body: str | None, whole: str = "",
                   running: Sequence[str] = ()) -> str | None:
    """The collectivité whose body deliberates, styled as the document styles it.

    ``texts`` are read in order (own header, preamble, body, footers); a letterhead line
    ("COMMUNE DE COGNAC") is preferred to a mention in a sentence, a kind that fits
    ``body`` to one that does not ("DÉPARTEMENT DE LA CHARENTE" above a commune's
    minutes), and the mixed-case printing found anywhere in ``whole`` ("Département du
    Pas-de-Calais - Commission permanente du 20 mars 2023") to a title-cased capitals one.
    ``running`` (running heads and footers) are read last, each of their cells as a line
    ("Recueil des actes du Bureau – Communauté de communes du Val d'Ille-Aubigné  page 3/5").

    >>> find_authority(["DEPARTEMENT DU PAS-DE-CALAIS\\n"], "commission_permanente")
    'Département du Pas-de-Calais'
    """
    wanted = _KINDS_OF_BODY.get(body or "", None)
    best: _AuthorityHit | None = None
    for text, is_running in [(t, False) for t in texts] + [(t, True) for t in running]:
        if not text:
            continue
        hits = [h for h in _authority_hits(text, is_running) if wanted is None or h.kind in wanted]
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
        return _most_named(whole, wanted) if whole and wanted else None
    if whole:
        # the document's own style of a name read in a sentence, the one it prints most
        # ("Lisières de l'Oise" twelve times, "de L'Oise" three); a letterhead keeps its own
        # ("Ville de LANNION"), or takes the document's when in capitals
        styles = Counter(h.styled for _, h in _mentions(whole) if h.mixed_case and h.key == best.key
                         and h.kind == best.kind)
        if styles and not best.standalone:
            top = max(styles.values())
            return best.styled if best.mixed_case and styles.get(best.styled) == top else styles.most_common(1)[0][0]
        if not best.mixed_case:
            for h in _document_hits(whole):
                if h.mixed_case and h.key == best.key and h.kind == best.kind:
                    return h.styled
            printed = _document_printing(best.restyle[1], whole) if best.restyle else None
            if printed:
                return best.restyle[0] + printed  # type: ignore[index]
    return best.styled


@lru_cache(maxsize=8)  # the acts of minutes share their letterhead and their document
def _document_printing(name: str, whole: str) -> str | None:
    """The name a letterhead prints in capitals as the document prints it in mixed case, the
    printing met most: "GRANDANGOULÊME" → "GrandAngoulême" ("le Bureau communautaire de
    GrandAngoulême"), "EUROPÉENNE DE LILLE" → "européenne de Lille", "SYNDICAT INTERCOMMUNAL
    D'ÉNERGIE … DE L'AIN" → "Syndicat intercommunal d'énergie … de l'Ain". None when the
    document prints it in capitals only (title case is then the reader's own styling)."""
    words = collapse_ws(name).split(" ")
    if not words or not words[0]:
        return None
    rx = re.compile(r"(?<![\w])" + r"\s+".join(re.sub("['’]", "['’]", re.escape(w)) for w in words) + r"(?![\w])",
                    re.I)
    printings = Counter(collapse_ws(m.group(0)).replace("’", "'") for m in rx.finditer(whole)
                        if not _is_caps(m.group(0)) and any(c.isupper() for c in m.group(0)))
    return printings.most_common(1)[0][0] if printings else None


#: A document that never names its collectivité where the readers above look (no letterhead,
#: a deliberating sentence without it) still names it through its text, and more often than
#: any other of its kind: "la Communauté de Communes des Lisières de l'Oise" on a dozen pages
#: of its council's minutes. The name is taken only when it is named this many times at
#: least, on two pages or more, and twice as often as the next one of a fitting kind.
MOST_NAMED_MIN = 3


@lru_cache(maxsize=8)
def _document_hits(whole: str) -> tuple[_AuthorityHit, ...]:
    """:func:`_authority_hits` of the whole document, read once for all its acts (each act
    asked for it again, a reading of the whole text per act)."""
    return tuple(_authority_hits(whole))


@lru_cache(maxsize=8)
def _mentions(whole: str) -> tuple[tuple[int, _AuthorityHit], ...]:
    """Every collectivité named in the document's text, in any sentence, with its page
    (0-based), in order; computed once per document (the acts of a file share it)."""
    out: list[tuple[int, _AuthorityHit]] = []
    for page, text in enumerate(whole.split("\f")):
        for m in AUTHORITY_RE.finditer(re.sub(r"\s+", " ", text)):
            h = _hit(m, False)
            if h:
                out.append((page, h))
    return tuple(out)


def _most_named(whole: str, wanted: Sequence[str]) -> str | None:
    """The collectivité of a fitting kind the document names most (:data:`MOST_NAMED_MIN`),
    in its most printed style, or None."""
    named = [(page, h) for page, h in _mentions(whole) if h.kind in wanted]
    counts = Counter(h.key for _, h in named)
    if not counts:
        return None
    ranked = counts.most_common(2)
    key, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    pages = {page for page, h in named if h.key == key}
    if n < MOST_NAMED_MIN or len(pages) < 2 or n < 2 * second:
        return None
    styles = Counter(h.styled for _, h in named if h.key == key)
    mixed = Counter(h.styled for _, h in named if h.key == key and h.mixed_case)
    return (mixed or styles).most_common(1)[0][0]
