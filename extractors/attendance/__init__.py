"""Attendance: one row per person named in an act's attendance block.

Reads the lists councils print before their deliberations, whatever the order of the
names and the wording of the labels::

    Étaient présents: M. Jean-Claude LEROY, Mme Mireille HINGREZ-CÉRÉDA, …
    Présents : Mme MONNIER Martine, M. CARPENTIER Bruno, …
    Absents excusés ayant donné procuration : Mme DUBOIS Gaëlle à M. ROCHE Hugues, …
    Absent(s) ayant donné pouvoir : Mme Céline LEFEBVRE (pouvoir à M. Rémi MASSON),
    Assistant également sans voix délibérative : M. Didier TOURNIER
    Etaient présents : C.FOROT — N.VERDON -— T.BUSIN : adjoints
    Commune	Délégués présents            (a table: the commune column is not a person)
    Wimereux	Mme Céline GAILLARD, Mme Ghislaine SIMONET

then marks recusals stated in the act ("Madame Sylvie MEYFROIDT, intéressée à l'affaire,
n'a pris part ni au débat, ni au vote") and, in minutes holding many acts, applies the
arrivals and departures announced before each act's vote ("Arrivée de Gilles Passot",
"M. X quitte la séance et donne pouvoir à M. Y").

The checks ``present_count`` and ``proxy_holder_present`` live here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Callable, TypeVar

from rapidfuzz.distance import Levenshtein

from extractors.attendance import patterns as P
from extractors.attendance.table import GridRow, read_grid
from extractors.item_rank import item_rank
from extractors.quality import quality_check, result
from extractors.registry import Found, extractor
from pipeline.errors import IssueLog
from pipeline.model import Act, Document, Section, SectionKind, Span
from pipeline.normalize.names import (FUNCTION_RE, Person, fold, is_function_label, is_person_shaped, parse_person, same_person,
                                      strip_functions)
from schemas.rows import AttendanceRow, QualityRow

PRESENT, EXCUSED, ABSENT, REPRESENTED = "present", "excused", "absent", "represented"


@dataclass(frozen=True)
class Entry:
    """One person of an attendance list, before it becomes a row."""

    person: Person
    status: str
    voting_rights: bool = True
    proxy_holder: str | None = None
    recused: bool = False
    #: the item from which the member sits, or after which they left, when a remark in the
    #: list says so ("Myriam TRAVERSA (arrivée au début de la délibération n°03)")
    arrives_at: int | None = None
    leaves_after: int | None = None
    #: listed among the présents, but their arrival is announced after this act's vote
    listed_present: bool = False
    #: the proxy was given to an office, not to a name ("pouvoir à Monsieur le Maire"):
    #: "chair" (the maire or président, the president of the session: see
    #: :func:`office_holders`), "office" (another: "au 1er adjoint", named by nobody)
    holder_office: str | None = None


# ---------------------------------------------------------------------------
# Splitting a list into names
# ---------------------------------------------------------------------------

_CAPS_TOKEN_RE = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý'’-]+")
# (not the second initial of "A.-M. LEROY", "J.M. DUPONT")
_CIVILITY_ANY_RE = re.compile(r"(?<![\w.-])(?:Monsieur|Madame|Mademoiselle|Mme|MME|Mlle|MM\.?|M\.)(?=\s|[A-ZÀ-Ý])")
_NAME_WORD_RE = re.compile(r"^(?:[A-ZÀ-Ý][\w'’.-]*|d['’]\w+|[a-z]{1,3}|Mc)$")
_NOT_NAME_WORDS = {
    "commune", "communes", "conseil", "ville", "groupe", "page", "suivante", "cf", "mairie",
    "délégués", "délégué", "présents", "présent", "absents", "excusés", "pouvoir", "pouvoirs",
    "procuration", "séance", "total", "néant", "aucun", "aucune", "objet", "ordre", "jour",
}
_NOT_NAME_FOLDED = frozenset(fold(x) for x in _NOT_NAME_WORDS)


def _person_like(cell: str) -> bool:
    """True when a table cell holds a name: a civility, a surname in capitals or "C.FOROT"."""
    return bool(_CIVILITY_ANY_RE.search(cell) or _CAPS_TOKEN_RE.search(cell) or P.INITIAL_TOKEN_RE.search(cell))


_CIVILITY_CELL_RE = re.compile(r"^(?:Monsieur|Madame|Mme|MME|Mlle|MLLE|MM\.?|M\.)$")
_FIRST_NAME_CELL_RE = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)*$")
_SURNAME_CELL_RE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý'’-]+,?$")


def _justified_start(cells: list[str]) -> int | None:
    """Where a list of names starts in a line whose word gaps became tabs, after a margin
    cell ("8 octobre 2008	M.	Bernard CHAZELAS,	Philippe GAILLARD,	Jean-Marie"), or None
    when the line is not one: from there every cell is a word or two and one at least ends
    with a comma, as a list does (a table's cells do not)."""
    start = next((k for k, c in enumerate(cells) if _CIVILITY_CELL_RE.match(c) or _person_like(c)), None)
    if start is None:
        return None
    rest = cells[start:]
    if len(rest) < 3 or any(len(c.split()) > 2 for c in rest) or not any(c.endswith(",") for c in rest):
        return None
    if start > 0 and _SURNAME_CELL_RE.match(cells[start]) and _FIRST_NAME_CELL_RE.match(cells[start - 1]):
        start -= 1  # "Karine	FOUQUET,": the first name before a surname alone
    return start


def _drop_side_cells(line: str) -> str:
    """Drop the cells of a tabbed line that hold no name (the commune column of a table,
    the margin of a two-column page: "Wimereux	Mme Céline GAILLARD"); a justified line of
    names keeps its words (:func:`_justified_start`)."""
    if "\t" not in line:
        return line
    cells = line.split("\t")
    if len(cells) >= 4 and all(1 <= len(c.split()) <= 2 for c in cells):
        return " ".join(c.strip() for c in cells)  # a justified line: "Karine	FOUQUET,	Romain	RUNGOAT,"
    start = _justified_start([c.strip() for c in cells])
    if start is not None:
        # the same beside a margin cell: "8 octobre 2008	M.	Bernard CHAZELAS,	…"
        side = [c.strip() for c in cells[:start] if P.LABEL_RE.search(c)]
        return " ".join(side + [c.strip() for c in cells[start:]])
    keep = [c for c in cells if _person_like(c) or P.LABEL_RE.search(c)]
    return " ".join(keep) if keep else ""


#: A line that starts a new entry (a civility, "C.FOROT") ...
_NEW_ENTRY_RE = re.compile(r"(?:Monsieur|Madame|Mademoiselle|Messieurs|Mesdames|Mme|MME|Mlle|MLLE|MM\.?\s|M\.\s|M\s(?=[A-ZÀ-Ý][a-zà-ÿ])|[A-ZÀ-Ý]\.[A-ZÀ-Ý]{2})")
#: ... unless the line before it stops on a civility or a word that wants more ("… pouvoir à").
_OPEN_END_RE = re.compile(r"(?:\b(?:M|Mme|MME|Mlle|MLLE|MM|Monsieur|Madame|Mademoiselle)\.?|\b(?:à|a|de|du|des|par|et|le|la|au|aux))\s*$")


def _list_heading(label: str, rest: str) -> bool:
    """True when ``label`` heads the names after its colon without being one of them: a
    commune or a group ("Montjean : ROBERT Alain", "Groupe Agir : Luc PETIT"), not a status
    label (read before), not a member whose remark follows ("W.AUGUSTE : procuration à …",
    "T.BUSIN : adjoints": what follows is no name)."""
    if _CIVILITY_ANY_RE.search(label) or P.PROXY_LABEL_RE.search(label) or classify_label(label):
        return False
    rest = P.REMARK_RE.sub("", rest)
    m = P.PROXY_VERB_RE.search(rest)
    rest = (rest[: m.start()] if m else rest).strip(" .,;:-–—")
    return _is_name(strip_functions(rest))


def _drop_heading(m: re.Match[str]) -> str:
    """The commune or group heading the names after it ("Le Pin : M. Jean NOIR") left out; a
    person before the colon ("Jean DUPONT : M. Paul MARTIN") is kept."""
    label = m.group("label")
    if is_person_shaped(label) or classify_label(label) or P.PROXY_LABEL_RE.search(label) or P.STOP_LABEL_RE.search(label):
        return m.group(0)
    return m.group("lead")


def _heading_line(line: str) -> bool:
    """A line of a list that opens under its commune or group: "Saint-Florent : GIRARD Pierre,
    MOREL Sylvie" (a new entry, whatever the line before ended on)."""
    m = P.ROLE_LABEL_RE.match(line)
    if not m:
        return False
    first = P.SEPARATOR_RE.split(line[m.end():], maxsplit=1)[0]
    return is_function_label(m.group("label")) or _list_heading(m.group("label"), first)


def _cut_word(left: str, right: str, seen: Callable[[str], bool] | None) -> bool:
    """True when the hyphen ending ``left`` cut one word that ``right`` ends, rather than
    joining two names: "Ludo-" + "vic" (a lower-case end), "BOU-" + "VIER" when the
    document prints "BOUVIER" elsewhere and never "BOU-VIER"; "HINGREZ-" + "CÉRÉDA" and
    "Jean-" + "Claude" keep their hyphen."""
    head = re.search(r"([\wÀ-ÿ'’]+)-$", left)
    tail = re.match(r"([\wÀ-ÿ'’]+)", right)
    if not head or not tail:
        return False
    if tail.group(1)[0].islower():
        return True
    if seen is None or not (head.group(1).isupper() and tail.group(1).isupper()):
        return False
    whole, hyphenated = head.group(1) + tail.group(1), f"{head.group(1)}-{tail.group(1)}"
    return seen(whole) and not seen(hyphenated)


def _whole_entry(line: str) -> bool:
    """A line that holds one entry by itself: "Karine ESMIOL donne pouvoir à Danielle DAUBE",
    "Myriam TRAVERSA" (lists printed one member per line, without separators)."""
    bare = line.strip(" .,;")
    if not bare or not bare[0].isupper() or len(bare.split()) < 2:
        return False  # "LECLEVE" alone ends the holder's name of the line before
    m = P.PROXY_VERB_RE.search(bare)
    return _is_name(strip_functions(bare[: m.start()].strip(" ,:(") if m else bare))


def _names_line(line: str) -> bool:
    """A line that holds names only, with their functions: "M. MMES Sylviane GIBET, Anne
    BRUNETEAU, Conseillers municipaux." (a list that goes on after a full stop)."""
    pieces = [P.PLURAL_CIVILITY_RE.sub("", p.strip(" .")) for p in P.SEPARATOR_RE.split(line) if p.strip(" .")]
    names = [p for p in pieces if not FUNCTION_RE.sub("", p).strip(" ,;:-") or _is_name(p)]
    if pieces and len(names) == len(pieces) - 1 and not line.rstrip().endswith(".") \
            and re.fullmatch(r"(?:M\.|Mme)?\s*[A-ZÀ-Ý][\wÀ-ÿ'’-]*", pieces[-1]):
        names.append(pieces[-1])  # "…, Anne BRUNETEAU, Philippe" / "BRIAND, …": a name cut by the line end
    return bool(pieces) and len(names) == len(pieces) and any(_is_name(strip_functions(p)) for p in pieces)


def _entry_complete(out: str, prev: str) -> bool:
    """The entry ``out`` ends with is whole: a proxy with its holder's full name ("Karine
    ESMIOL donne pouvoir à Danielle DAUBE", "… pouvoir donné à M. Georges" / "LECLEVE"), or
    a name closed by a full stop."""
    last = re.split(r"[,;]", out)[-1]
    m = P.PROXY_VERB_RE.search(last)
    if m:
        return len(re.findall(r"[A-ZÀ-Ý][\wÀ-ÿ'’-]+", last[m.end():])) >= 2
    return prev.rstrip().endswith(".") and _whole_entry(prev)


def _join_lines(lines: list[str], seen: Callable[[str], bool] | None = None) -> str:
    """Join the lines of a list; a word cut by a hyphen at a line end is rejoined."""
    out = ""
    prev = ""
    for ln in lines:
        # text layers print the hyphen of "Jean-\nClaude" as U+0002 or a soft hyphen
        row = ln.startswith(_ROW)
        ln = ln.replace(_ROW, "").replace("\x02", "-").replace("\u00ad", "-").strip()
        if not ln:
            continue
        if row and out and not _OPEN_END_RE.search(out) and not re.search(r"[,;-]\s*$", out):
            last = strip_functions(re.split(r"[,;]", out)[-1].strip())
            if _is_name(last) and (_CAPS_TOKEN_RE.search(last) or len(last.split()) >= 2 + bool(_CIVILITY_ANY_RE.match(last))):
                out = f"{out} ; {ln}"  # "ARQUES	Luc MARTIN" after "… Mme Anne PETIT"
                prev = ln
                continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha():
            out = out[:-1] + ln if _cut_word(out, ln, seen) else out + ln
        elif out and not _OPEN_END_RE.search(out) and (_NEW_ENTRY_RE.match(ln) or _heading_line(ln)):
            out = f"{out} ; {ln}"  # one entry per line: "W.AUGUSTE : procuration à C.FOROT"
        elif out and not _OPEN_END_RE.search(out) and not re.search(r"[,;]\s*$", out) \
                and _whole_entry(ln) and _entry_complete(out, prev):
            out = f"{out} ; {ln}"  # "Karine ESMIOL donne pouvoir à Danielle DAUBE" / "Philippe PERRODO …"
        else:
            out = f"{out} {ln}" if out else ln
        prev = ln
    return out


def _split_outside_parens(text: str, rx: re.Pattern[str]) -> list[str]:
    """Split ``text`` at matches of ``rx`` that are not inside parentheses."""
    parts, depth, last = [], 0, 0
    spans = [(m.start(), m.end()) for m in rx.finditer(text)]
    cut_at = []
    pos = 0
    for start, end in spans:
        while pos < start:
            depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(text[pos], 0)
            depth = max(depth, 0)
            pos += 1
        if depth == 0 and end > start:
            cut_at.append((start, end))
    for start, end in cut_at:
        parts.append(text[last:start])
        last = end
    parts.append(text[last:])
    return [p.strip() for p in parts if p.strip()]


def _continues(line: str, after_hyphen: bool = False) -> bool:
    """True when ``line`` can continue a list of names (not a title, not a sentence);
    ``after_hyphen``: the line before ended on a cut word, whose end ("vic" of "Ludo-vic")
    opens this one."""
    if after_hyphen:
        line = re.sub(r"^\s*[\wÀ-ÿ'’]+", "", line)
    line = re.sub(r"[\wÀ-ÿ'’]+-\s*$", "", line)  # "Conseillers munici-": a word cut at the line end
    bare = P.REMARK_RE.sub(" ", line)
    bare = re.sub(r"[(\[][^()\[\]]*$|^[^()\[\]]*[)\]]", " ", bare)  # a remark cut by the line break
    words = re.findall(r"[\wÀ-ÿ'’-]+", bare)
    if not words:
        return True
    for w in words:
        if w.upper() == w and w in P.TITLE_WORDS:
            return False
        if w[0].islower() and w.lower().replace("’", "'") not in P.LIST_WORDS and not w.startswith("d'"):
            return False
    return True


def _closes(line: str) -> bool:
    """True when ``line`` ends the list with a full stop ("… M. Ludovic PAJOT.")."""
    m = re.search(r"(\S+)\.\s*$", line)
    return bool(m) and len(m.group(1)) > 2 and m.group(1) not in {"Mme", "Mlle", "MM"}


def _is_name(text: str) -> bool:
    """True when ``text`` reads as one person's name (no digits, no sentence words)."""
    if not text or re.search(r"\d", text) or len(text) > 60:
        return False
    if P.INITIAL_TOKEN_RE.fullmatch(text.strip()):
        return True
    words = re.sub(r"^(?:Monsieur|Madame|Mademoiselle|Mme|Mlle|MM\.?|M\.)\s*", "", text).split()
    if not 1 <= len(words) <= 6:
        return False
    if any(fold(w.strip(".,")) in _NOT_NAME_FOLDED for w in words):
        return False
    if not all(_NAME_WORD_RE.match(w) for w in words):
        return False
    has_caps = any(_CAPS_TOKEN_RE.fullmatch(w.strip(".,")) for w in words)
    has_civility = text != " ".join(words)
    if not has_caps and len(_PARTICLES_RE.sub(" ", " ".join(words)).split()) > 3:
        # "Yves Nicolin Mahdi Nouibat": two names run together, not one ("Henri de La
        # Rochefoucauld" is one: its particles are not words of a name)
        return False
    return has_caps or has_civility or len(words) >= 2


#: The particles of a surname in mixed case: "de La" of "Henri de La Rochefoucauld", "du",
#: "d'" ("Hélène d'Argent").
_PARTICLES_RE = re.compile(r"(?<!\S)(?:d[eu]|des)\s+(?:L[ae]\s+)?|(?<!\S)d['’](?=\w)")


def _bare_holder(raw: str) -> str:
    holder = P.REMARK_RE.sub("", raw).strip(" .,;)")
    holder = P.HOLDER_TAIL_RE.sub("", holder).strip(" .,;)")  # "… SCHODET jusqu'à son arrivée"
    return re.sub(r"^(?:de\s+|d['’])", "", holder)


def _holder_office(raw: str) -> str | None:
    """The office a proxy is given to instead of a name: "chair" for the maire or the
    président ("Monsieur le Maire", "M. le Maire", "au Président", "Mme la Maire"), "office"
    for another ("au 1er adjoint"), None for a name ("M. LE GALL", "M. Paul MAIRE")."""
    holder = _bare_holder(raw)
    article = P.OFFICE_ARTICLE_RE.match(holder)
    if article:
        office = holder[article.end():]
    elif _CIVILITY_ANY_RE.match(holder) or not holder or _CAPS_TOKEN_RE.fullmatch(holder.split()[0]):
        return None  # a name, or "MAIRE" in capitals (a surname)
    else:
        office = holder  # "pouvoir au Président"
    if not P.OFFICE_HOLDER_RE.match(office):
        return None
    return "chair" if P.CHAIR_OFFICE_RE.fullmatch(office) else "office"


def _holder_name(raw: str, first_names: bool = False) -> str | None:
    holder = _bare_holder(raw)
    if _holder_office(raw) or P.OFFICE_ARTICLE_RE.match(holder):
        return None  # "Monsieur le Maire", "M. le Maire de Vaas": an office, never "le"
    if _is_name(holder) or (first_names and _LONE_FIRST_NAME_RE.fullmatch(holder)):
        return parse_person(holder).full_name
    return None


#: Two "Prénom Nom" in mixed case run together, no particle, no capitals: "Yves Nicolin Mahdi
#: Nouibat" (Roannais 2021: the dash between them was lost).
_TWO_NAMES_RE = re.compile(r"(?:[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?\s){3}[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?")


#: Marks a line that is a row of a delegates' table (joined to the row before only when
#: that one was cut: "M. Michel" / "Boulogne-sur-Mer	SCHMITT").
_ROW = "\x1e"

#: Two "Prénom NOM" run together: "Jean-Marie GATARD Alain GUILBAUD".
_TWO_FULL_NAMES_RE = re.compile(
    r"(?P<a>[A-ZÀ-Ý][a-zà-ÿ'’]+(?:[- ][A-ZÀ-Ý][a-zà-ÿ'’]+)?\s+[A-ZÀ-Ý][A-ZÀ-Ý'’-]+)"
    r"\s+(?P<b>[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?\s+[A-ZÀ-Ý][A-ZÀ-Ý'’-]+)")

def _token_class(tok: str) -> str:
    if _CAPS_TOKEN_RE.fullmatch(tok):
        return "U"  # a surname in capitals
    if _FIRST_NAME_CELL_RE.match(tok):
        return "C"  # a first name
    return "x"


def _two_names(piece: str) -> list[str] | None:
    """Two names run together where a comma was left out: "DUPONT Jean MARTIN Paul" (NOM
    Prénom NOM Prénom), "Jean Marie GATARD Alain GUILBAUD" (Prénom NOM Prénom NOM); None
    when ``piece`` is not exactly that shape."""
    tokens = piece.split()
    m = re.fullmatch(r"(C+U+)(C+U+)|(U+C+)(U+C+)", "".join(_token_class(t) for t in tokens))
    if not m:
        return None
    cut = len(m.group(1) or m.group(3))
    return [" ".join(tokens[:cut]), " ".join(tokens[cut:])]


#: The header of a table's commune column: "Commune", "Communes", "Collectivité".
_COMMUNE_HEAD_RE = re.compile(r"(?i)^(?:communes?|collectivit[ée]s?)$")


#: A first name alone, as informal minutes list their members: "Jean-Pierre", "Adeline".
_LONE_FIRST_NAME_RE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?")


def first_names_list(text: str) -> bool:
    """True when a list names its members by their first name alone ("Jean-Pierre, Yves,
    Jacques, Mathieu, … David & Adeline (procuration à Mario)"): every piece one word in
    lower case with a capital, three pieces at least."""
    pieces = [P.REMARK_RE.sub("", p).strip(" .:&") for p in _split_outside_parens(text, _FIRST_NAMES_SEP_RE)]
    pieces = [p for p in pieces if p]
    return len(pieces) >= 3 and all(_LONE_FIRST_NAME_RE.fullmatch(p) for p in pieces)


_FIRST_NAMES_SEP_RE = re.compile(r"\s*[,;&]\s*|\s+et\s+")


def split_entries(text: str, status: str, voting: bool, first_names: bool = False,
                  substituted: bool = False) -> list[Entry]:
    """Read the names of one list (the text after its label) with their proxies.

    ``first_names``: the block names its members by first name alone, so that a lone word
    is a person ("Hélène" under "Absent"). ``substituted``: the label says its members sit
    through their substitutes ("Absents suppléés : M. X (Vaas) par M. Y"): the substitute,
    after "par", is present (:func:`_substitute`).

    >>> [e.person.full_name for e in split_entries("M. DUPONT Jean, Mme MARTIN Sophie", "present", True)]
    ['Jean DUPONT', 'Sophie MARTIN']
    """
    entries: list[Entry] = []
    carry: str | None = None  # civility of a plural "MMES FAUVEL, PAYEN"
    sep = P.SEPARATOR_RE if not first_names else _FIRST_NAMES_SEP_RE
    text = P.MIXED_PLURAL_COMMA_RE.sub(r"\1\2 ", text)  # "Messieurs, Mesdames Anne DURAND, …"
    text = P.HEADING_BEFORE_CIVILITY_RE.sub(_drop_heading, text)  # "Le Pin : M. Jean NOIR"
    for piece in _split_outside_parens(text, sep):
        piece = re.sub(r"^(?:et|puis)\s+", "", piece.strip(" .:"))
        piece = re.sub(r"^de\s+(?=(?:M\.|Mme|MM\.?|Monsieur|Madame)\s)", "", piece)  # "…, et de Mme X" (à l'exception de)
        piece = P.GROUP_PREFIX_RE.sub("", piece)  # "Non-inscrits : Luc MARTIN"
        role = P.ROLE_LABEL_RE.match(piece)
        if role and is_function_label(role.group("label")):
            piece = piece[role.end():]  # "les Adjoints : Marie MARTIN": the list goes on under a role
        elif role and _list_heading(role.group("label"), piece[role.end():]):
            piece = piece[role.end():]  # "Montjean : ROBERT Alain": the list goes on under a commune
        if P.OFFICE_MENTION_RE.match(piece) and is_function_label(P.OFFICE_MENTION_RE.sub("", piece)):
            continue  # "M. le Maire", "Madame la Présidente": the office, its holder is named apart
        if P.GROUP_NAME_RE.match(piece):
            continue  # a group is never a person
        piece = P.COUNT_REMARK_RE.sub("", piece)  # "… Mme Nicole TUAL donne procuration à M. Etienne FRERE (7)"
        plural = P.PLURAL_CIVILITY_RE.match(piece)
        if plural:
            carry = ("Mme" if plural.group("f") is not None else
                     "M." if plural.group("m") is not None else None)
            piece = piece[plural.end():]
            if not piece.strip():
                continue  # "M. MMES, Michel GRAVOUIL, …": the plural civility is a piece alone
        elif _CIVILITY_ANY_RE.match(piece):
            carry = None
        if is_function_label(piece):
            continue  # "Conseiller Municipal" between a name and its proxy
        if P.STATUS_REMARK_RE.fullmatch(piece):
            if entries and _excused_by_remark(piece, entries[-1].status):
                entries[-1] = replace(entries[-1], status=EXCUSED)  # "M. Régis COLLIN, excusé, …"
            continue
        sub = P.SUBSTITUTE_RE.search(piece) or (P.SUBSTITUTE_PAR_RE.search(piece) if substituted else None)
        if sub:
            entries += _substitute(piece[: sub.start()], sub.group("sub"), status, voting, carry)
            continue
        lead = P.LEADING_PROXY_RE.match(piece)
        if lead and entries and entries[-1].proxy_holder is None and entries[-1].holder_office is None:
            holder, office = _holder_name(lead.group("holder"), first_names), _holder_office(lead.group("holder"))
            if holder or office:  # "M. Michel GRAVOUIL, Adjoint, pouvoir donné à M. Georges LECLEVE"
                entries[-1] = replace(entries[-1], status=REPRESENTED, proxy_holder=holder, holder_office=office)
            continue
        holder = office = None
        tail = P.TRAILING_REMARK_RE.search(piece)
        if tail and not P.PROXY_LABEL_RE.search(tail.group(0)) and P.PROXY_RE.search(piece[: tail.start()]):
            # "M. Gilles RENOU (Le Lude) à Mme Martine PASQUIER (Le Lude)": the holder's commune
            piece = piece[: tail.start()]
        m = P.PROXY_RE.search(piece)
        if m is None and status == REPRESENTED:
            m = P.PAR_HOLDER_RE.search(piece)  # "Étaient représentés : Mme X par Mme Y"
        remark = ""
        if m:
            holder, office = _holder_name(m.group("holder"), first_names), _holder_office(m.group("holder"))
            piece = piece[: m.start()]
            opened = re.search(r"\s*[(\[](?P<remark>[^()\[\]]*)$", piece)
            if opened:  # "Mme Laure BERTIN (excusée, pouvoir à …)": the remark the proxy closed
                remark, piece = opened.group("remark"), piece[: opened.start()]
            if entries and entries[-1].proxy_holder is None and entries[-1].holder_office is None \
                    and entries[-1].status != PRESENT and is_function_label(P.REMARK_RE.sub("", piece)):
                # "Mme Isabelle MOREAU, adjointe (pouvoir à M. Didier CARON)": the function
                # between the member and the proxy, which is the member's
                if holder or office:
                    entries[-1] = replace(entries[-1], status=REPRESENTED, proxy_holder=holder, holder_office=office)
                continue
        arrives, leaves = _item_moves(piece)
        remark = " ".join([remark] + [r.group(0) for r in P.REMARK_RE.finditer(piece)])
        piece = P.REMARK_RE.sub("", piece)
        piece = re.sub(r"\s*:\s*\w+\s*$", "", piece) if ":" in piece else piece  # "T.BUSIN : adjoints"
        piece = piece.strip(" .,;:-–—[]()")
        names = [piece]
        initials = P.INITIAL_TOKEN_RE.findall(piece)
        if len(initials) >= 2 and all(P.INITIAL_TOKEN_RE.fullmatch(t) for t in piece.split()):
            names = initials  # "T.BUSIN S.MEARY" run together over a line break
        elif len(_CIVILITY_ANY_RE.findall(piece)) >= 2:
            names = [n.strip() for n in P.CIVILITY_START_RE.split(piece) if n.strip()]
        elif (mid := _CIVILITY_ANY_RE.search(piece)) and mid.start() > 0 and not _is_name(piece[: mid.start()].strip()):
            # "Wimereux Mme Céline GAILLARD": what stands before the civility is not the person
            names = [piece[mid.start():]]
        elif _TWO_NAMES_RE.fullmatch(piece):
            # "Yves Nicolin Mahdi Nouibat": the separator between two "Prénom Nom" was lost
            words = piece.split()
            names = [" ".join(words[:2]), " ".join(words[2:])]
        elif two := _TWO_FULL_NAMES_RE.fullmatch(piece):
            # "Jean-Marie GATARD Alain GUILBAUD": two "Prénom NOM", the comma lost
            names = [two.group("a"), two.group("b")]
        elif two_upper_first := _two_names(piece):
            # "DUPONT Jean MARTIN Paul": two "NOM Prénom", the comma lost
            names = two_upper_first
        for k, name in enumerate(names):
            person = parse_person(name)
            lone = first_names and bool(_LONE_FIRST_NAME_RE.fullmatch(name.strip()))
            if not lone and (not _is_name(strip_functions(name)) or not person.last_name):
                continue
            if person.civility is None and carry:
                person = replace(person, civility=carry)
            last = k == len(names) - 1
            st = REPRESENTED if ((holder or office) and last) or status == REPRESENTED else status
            if last and _excused_by_remark(remark, st):
                st = EXCUSED  # "Absents : M. Régis COLLIN (excusé), …"
            entries.append(Entry(person, st, voting, holder if last else None,
                                 arrives_at=arrives if last else None, leaves_after=leaves if last else None,
                                 holder_office=office if last else None))
    return entries


def _substitute(titular: str, substitute: str, status: str, voting: bool, carry: str | None) -> list[Entry]:
    """The titular delegate and the substitute who sits for them ("M. Jacques TESSIER (Vaas)
    suppléé par M. Rémy BODIN"): the titular keeps the status of the list, absent when that
    would be present or represented (a substitute holds no proxy: they vote in their own
    right), the substitute is present; either name unread, neither row."""
    names = [P.REMARK_RE.sub("", t).strip(" .,;:-–—") for t in (titular, substitute)]
    if not all(_is_name(strip_functions(n)) for n in names):
        return []
    people = [parse_person(strip_functions(n)) for n in names]
    if not all(p.last_name for p in people):
        return []
    if people[0].civility is None and carry:
        people[0] = replace(people[0], civility=carry)
    absent = ABSENT if status in (PRESENT, REPRESENTED) else status
    return [Entry(people[0], absent, voting), Entry(people[1], PRESENT, voting)]


def _excused_by_remark(remark: str, status: str) -> bool:
    """A member of a list of absents whose remark says excused ("Absents : M. Régis COLLIN
    (excusé), Mme Julie ROCHE", "M. X, excusé"): excused, not absent; "(non excusé)" keeps
    the absence."""
    return status == ABSENT and bool(re.search(r"\bexcus[ée]", remark, re.I)) and not P.UNEXCUSED_RE.search(remark)


def _item_moves(piece: str) -> tuple[int | None, int | None]:
    """(item of arrival, item after which the member left) from the remarks of an entry."""
    return _moves_told([r.group(0) for r in P.REMARK_RE.finditer(piece)])


def _moves_told(texts: list[str]) -> tuple[int | None, int | None]:
    """(item of arrival, item after which the member left) that ``texts`` tell: "(arrivé
    à 20h45, à partir du point 3)" (the hour is no item), "a pris part au vote à partir du
    point 3", "(parti après la délibération n°7)"."""
    arrives = leaves = None
    for text in texts:
        m = P.ITEM_MOVE_RE.search(P.HOUR_RE.sub(" ", text))
        if not m:
            continue
        n = int(m.group("n"))
        w = P.ITEM_WHEN_RE.search(m.group(0))
        when = fold(w.group(0) if w else "")
        if m.group("arrives"):
            arrives = n + 1 if when.startswith("apr") else n
        else:
            leaves = n - 1 if when.startswith(("avant", "a partir", "des", "au debut")) else n
    return arrives, leaves


def apply_item_moves(entries: list[Entry], rank: int | None) -> list[Entry]:
    """Members who arrived at a later item, or left before this one, are absent from it;
    a member listed absent who arrived at this item or before ("Absents excusés : M. X" /
    "M. X, arrivé à 20h45, a pris part au vote à partir du point 3") is present."""
    if rank is None:
        return entries
    out = []
    for e in entries:
        if e.status == PRESENT and ((e.arrives_at is not None and rank < e.arrives_at)
                                    or (e.leaves_after is not None and rank > e.leaves_after)):
            e = replace(e, status=ABSENT)
        elif e.status != PRESENT and e.arrives_at is not None and rank >= e.arrives_at \
                and (e.leaves_after is None or rank <= e.leaves_after):
            e = replace(e, status=PRESENT, proxy_holder=None)
        out.append(e)
    return out


def _sentence_moves(text: str, entries: list[Entry]) -> list[Entry]:
    """Arrivals and departures by item that a sentence of the block tells of a listed
    member, the sentence opening on the name: "M. Hervé GAUTHIER, arrivé à 20h45, a pris
    part au vote à partir du point 3.", "Mme X a quitté la séance après le point 5."."""
    if not P.MOVEMENT_WORD_RE.search(text) and "part" not in text:
        return entries
    out = list(entries)
    for sentence in P.SENTENCE_END_RE.split(text):
        name = P.NAME_RE.match(sentence.strip())
        if not name or not P.ITEM_MOVE_RE.search(P.HOUR_RE.sub(" ", sentence)):
            continue
        i = _match(out, name.group(0))
        if i is None or out[i].arrives_at is not None or out[i].leaves_after is not None:
            continue
        arrives, leaves = _moves_told([sentence[name.end():]])
        out[i] = replace(out[i], arrives_at=arrives, leaves_after=leaves)
    return out


# ---------------------------------------------------------------------------
# Reading the labelled lists of a block
# ---------------------------------------------------------------------------


def classify_label(label: str) -> tuple[str, bool] | None:
    """Status and voting rights a label gives, or None for a label that ends the lists.

    >>> classify_label("Absents excusés ayant donné procuration")
    ('represented', True)
    >>> classify_label("Excusé(s) sans voix délibérative")
    ('excused', False)
    >>> classify_label("Absents non représentés")
    ('absent', True)
    >>> classify_label("Délégués titulaires excusés et représentés par leur suppléant")
    ('excused', True)
    """
    # "Absent non représenté", "Excusés sans pouvoir": the proxy is denied, the rest of the
    # label says the status; a substitute ("Absents suppléés") holds no proxy either
    label = P.SUBSTITUTE_LABEL_RE.sub(" ", P.NO_PROXY_LABEL_RE.sub(" ", label))
    text = fold(label)
    no_vote = bool(P.NO_VOTE_RE.search(label))
    if P.STOP_LABEL_RE.search(label):
        return None
    if "assist" in text and not no_vote and "present" not in text:
        return None  # staff attending ("Assistaient : M. GALLEN, Directeur Général des Services")
    if P.MIXED_LABEL_RE.search(label) and not P.UNEXCUSED_RE.search(label):
        # "Excusés / pouvoirs", "Absent(s) et absent(s) excusé(s)": an entry with a proxy
        # holder is represented (split_entries), the others are of the first case
        # "Absent(s) et absent(s) excusé(s)", "Absents / Excusés": who is which is not said
        either = re.search(r"absent\w*(?:\([es]+\))*\s*(?:/|\bet\b|\bou\b)\s*(?:absent\w*(?:\([es]+\))*\s+)?excus", text)
        return (ABSENT if either or "excus" not in text else EXCUSED), not no_vote
    if P.PROXY_LABEL_RE.search(label):
        return REPRESENTED, not no_vote
    if P.UNEXCUSED_RE.search(label):
        return ABSENT, not no_vote
    if "excus" in text:
        return EXCUSED, not no_vote
    if "absent" in text:
        return ABSENT, not no_vote
    if "present" in text or "assist" in text:
        return PRESENT, not no_vote
    return None


def _real_label(m: re.Match[str]) -> bool:
    """A label holds no name: "procuration à CHEVALARD Paul) ; DELAHAYE" at a line start is
    the end of a wrapped entry, not a label; a label without colon is a few words."""
    label = re.sub(r"\((?:e|s|es)\)", "", m.group("label"))
    label = P.LABEL_COUNT_RE.sub("", label)  # "Présents (5) :"
    if _CIVILITY_ANY_RE.search(label) or re.search(r"[()]", label):
        return False
    if not m.group(0).rstrip().endswith(":") and len(label.split()) > 4:
        return False
    return True


def _join_wrapped_labels(lines: list[str]) -> list[str]:
    """Rejoin a long label wrapped before its colon: "Absents ayant voté par procuration en
    application de l'article L 2121-20 du Code" / "Général des Collectivités Territoriales :"."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        if (":" not in line and P.LABEL_RE.match(line) and nxt.rstrip().endswith(":")
                and not P.LABEL_RE.match(nxt) and len(line.split()) > 4):
            out.append(f"{line.rstrip()} {nxt.strip()}")
            k += 2
            continue
        out.append(line)
        k += 1
    return out


def _sentence_lists(text: str) -> list[tuple[tuple[str, bool], str]]:
    """Lists written inside one sentence, after their counts: "Représentés : 3 (Mme Anne PETIT
    par M. Paul DURAND, …) – Absents : 2 (M. Jean NOIR, Mme Marie BLEU)" (see
    :data:`patterns.SENTENCE_LIST_RE`). A parenthesis that holds no name gives nothing."""
    out = []
    for m in P.SENTENCE_LIST_RE.finditer(text):
        label = m.group("label1") or m.group("label2")
        kind = classify_label(label)
        names = re.sub(r"\s+", " ", m.group("names"))
        if kind and any(_is_name(strip_functions(p.strip(" .")))
                        for p in _split_outside_parens(names, P.SEPARATOR_RE)):
            out.append((kind, names))
    return out


def _status_sentences(text: str) -> list[tuple[tuple[str, bool], str]]:
    """Members whose attendance a sentence states ("Mme Anne LEROY a donné pouvoir à M. Jean
    DUPONT.", "M. Luc PETIT est absent.", "… est représenté par …"), as one-name lists for
    :func:`split_entries`. A member a list named already keeps the list's reading."""
    out: list[tuple[tuple[str, bool], str]] = []
    for rx in (P.PROXY_SENTENCE_RE, P.PROXY_FROM_RE):
        for m in rx.finditer(text):
            out.append(((REPRESENTED, True), f"{m.group('name')} pouvoir à {m.group('holder')}"))
    for m in P.STATUS_SENTENCE_RE.finditer(text):
        word = m.group("status").lower()
        if word.startswith("repr"):
            if m.group("holder"):
                out.append(((REPRESENTED, True), f"{m.group('name')} pouvoir à {m.group('holder')}"))
            continue
        excused = word.startswith("excus") or "excus" in m.group(0)[m.end("status") - m.start():].lower()
        out.append(((EXCUSED if excused else ABSENT, True), m.group("name")))
    return out


def parse_block(text: str, seen: Callable[[str], bool] | None = None) -> list[Entry]:
    """Every person of an attendance block, in order of appearance.

    ``seen(word)`` tells whether the document prints ``word`` elsewhere: it decides whether
    a hyphen at a line end cut a surname ("BOU-" / "VIER") or joins two ("HINGREZ-" / "CÉRÉDA").
    """
    return _read_block(text, seen)[0]


def block_counts(text: str) -> dict[str, int]:
    """Counts printed after the lists of a block, by status: "… VALENTE-LE HIR (27)" after
    the présents gives ``{"present": 27}``."""
    return _read_block(text, None)[1]


def _read_block(text: str, seen: Callable[[str], bool] | None) -> tuple[list[Entry], dict[str, int]]:
    segments: list[tuple[tuple[str, bool], list[str]]] = []
    substituted: set[int] = set()  # the segments whose label says their members sit through substitutes
    current: tuple[tuple[str, bool], list[str]] | None = None
    closed: tuple[tuple[str, bool], list[str]] | None = None  # a list ended by a full stop
    commune_col: int | None = None  # the commune column of a delegates' table, after its header
    for raw in _join_wrapped_labels(text.split("\n")):
        if P.TABLE_HEADER_RE.match(raw):
            heads = [c.strip() for c in raw.split("\t")]
            commune_col = next((k for k, c in enumerate(heads) if _COMMUNE_HEAD_RE.match(c)), None)
            continue
        if commune_col is not None and "\t" in raw and not P.LABEL_RE.search(raw):
            cells = raw.split("\t")
            if len(cells) >= 2 and commune_col < len(cells):
                # "SAINT-OMER	M. Jean DUPONT": the commune column of a delegates' table, even
                # in capitals, is never glued to a name
                raw = "\t".join(c for k, c in enumerate(cells) if k != commune_col)
        elif P.LABEL_RE.search(raw):
            commune_col = None
        line = _drop_side_cells(raw)
        all_but = P.ALL_BUT_RE.search(line)
        if all_but and P.ALL_BUT_PRESENT_RE.search(line[: all_but.end()]):
            line = f"Absents : {line[all_but.end():]}"  # "Tous … étaient présents, à l'exception de M. X, …"
        if commune_col is not None and line.strip():
            line = _ROW + line  # a row of the table: a new entry unless the row before was cut
        if raw.strip() and not line.strip() and not _continues(raw.replace("\t", " ")):
            current = closed = None  # "A été élu secrétaire de séance :	M.	Dominique": no list line
            continue
        labels = list(P.LABEL_RE.finditer(line))
        if not labels:
            if current is None and closed is not None and (_whole_entry(line) or _names_line(line)) \
                    and not P.STOP_LINE_RE.match(line):
                current = closed  # "Julien PONS donne pouvoir à Bernard BRUNO." / "Myriam TRAVERSA"
            closed = None
            if current is None:
                continue
            cut = bool(current[1]) and current[1][-1].rstrip().endswith("-")
            if P.STOP_LINE_RE.match(line) or not _continues(line, cut):
                current = None
                continue
            current[1].append(line)
            if _closes(line):
                current, closed = None, current
            continue
        closed = None
        if current is not None and labels[0].start() > 0:
            current[1].append(line[: labels[0].start()])
        labels = [m for m in labels if _real_label(m)]
        if not labels:
            cut = current is not None and bool(current[1]) and current[1][-1].rstrip().endswith("-")
            if current is not None and not P.STOP_LINE_RE.match(line) and _continues(line, cut):
                current[1].append(line)
                if _closes(line):
                    current, closed = None, current
            continue
        for k, m in enumerate(labels):
            rest_end = labels[k + 1].start() if k + 1 < len(labels) else len(line)
            kind = classify_label(m.group("label"))
            current = (kind, [line[m.end():rest_end]]) if kind else None
            if current:
                segments.append(current)
                if P.SUBSTITUTE_LABEL_RE.search(m.group("label")):
                    substituted.add(len(segments) - 1)  # "Absents suppléés :"
                if _closes(line):
                    current, closed = None, current
    joined = [((status, voting), _join_lines(lines, seen), k in substituted)
              for k, ((status, voting), lines) in enumerate(segments)]
    joined += [(kind, names, False) for kind, names in _sentence_lists(text) + _status_sentences(text)]
    first_names = any(status == PRESENT and first_names_list(t) for (status, _), t, _ in joined)
    entries: list[Entry] = []
    counts: dict[str, int] = {}
    seen_keys: set[str] = set()
    for (status, voting), flat, subst in joined:
        n = P.COUNT_REMARK_RE.search(flat)
        if n and voting:
            counts[status] = counts.get(status, 0) + int(n.group("n"))
        for e in split_entries(flat, status, voting, first_names, subst):
            key = fold(e.person.full_name or "")
            if key in seen_keys:
                continue  # listed twice (present, then in an absences table): keep the first
            seen_keys.add(key)
            entries.append(e)
    return _sentence_moves(text, _holders_in_full(entries)), counts


def _holders_in_full(entries: list[Entry]) -> list[Entry]:
    """A proxy holder named by the surname alone ("Mme LEROY Anne (procuration à Mme
    MARTIN)") is the one member of the list with that surname and a first name: the holder
    in full ("Marie MARTIN"). Two members of that name, or none, leave it as printed."""
    out = []
    for e in entries:
        holder = parse_person(e.proxy_holder) if e.proxy_holder else None
        if holder and holder.last_name and not holder.first_name:
            same = {x.person.full_name for x in entries if x is not e and x.person.first_name
                    and fold(x.person.last_name or "") == fold(holder.last_name)}
            if len(same) == 1:
                e = replace(e, proxy_holder=same.pop())
        out.append(e)
    return out


# ---------------------------------------------------------------------------
# Recusals, arrivals and departures
# ---------------------------------------------------------------------------


def _match(entries: list[Entry], name: str) -> int | None:
    """Index of the one entry ``name`` designates, or None when none or several do."""
    person = parse_person(name)
    hits = [i for i, e in enumerate(entries) if same_person(person, e.person)]
    if not hits and person.last_name is None and person.first_name:
        # a lone word in running text ("Mesdames Fauvel, Labbe et Monsieur Siri") is a
        # surname when no member has it as a first name
        as_surname = replace(person, first_name=None, last_name=person.first_name)
        hits = [i for i, e in enumerate(entries) if same_person(as_surname, e.person)]
    return hits[0] if len(hits) == 1 else None


#: How far before a recusal cue its subject is looked for: one sentence of a name, its
#: civility and an apposition ("Monsieur Philippe Pouleau, concerné professionnellement, sort
#: de la salle et …").
_RECUSAL_LOOKBACK = 160


#: The chair named by office: "Monsieur le Maire quitte la salle et ne prend pas part au
#: vote", "Le Président sort de la séance pendant l'examen de ce point".
_CHAIR_RE = re.compile(r"\b(?:le|la)\s{1,3}(?:maire|pr[ée]sidente?)\b(?!\s{1,3}(?:de\s|du\s|d['’]))", re.I)


def apply_recusals(entries: list[Entry], text: str, president: str | None = None,
                   cues: re.Pattern[str] = P.RECUSAL_RE) -> list[Entry]:
    """Mark ``recused`` the persons the act says took no part in the debate or the vote.

    The cue is found first (:data:`patterns.RECUSAL_RE`); its subject is the last member of
    the list named in the sentence before it, with those joined to that one by "et" or a
    comma ("MM. X et Y ne prennent pas part au vote"). The person spoken of is never the
    speaker: "Nathalie ROCA informe que Dominique BARBE ne prend pas part au vote" marks BARBE.
    The mayor leaving the room for one item ("Monsieur le Maire quitte la salle et ne prend
    pas part au vote") is the act's ``president``, when known and listed. ``cues``: the
    extract of one deliberation also reads a member leaving the room
    (:data:`patterns.ONE_ACT_RECUSAL_RE`).
    """
    out = list(entries)
    for m in cues.finditer(text):
        window = text[max(0, m.start() - _RECUSAL_LOOKBACK):m.start()]
        cut = max(window.rfind("."), window.rfind(";"), window.rfind("\n\n"))
        # a civility's own full stop ("M. X") does not end the sentence
        while cut > 0 and re.search(r"(?:^|\s)(?:M|MM|Mme|Mlle)$", window[:cut]):
            cut = max(window.rfind(".", 0, cut), window.rfind(";", 0, cut))
        window = window[cut + 1:] if cut >= 0 else window
        hits: list[tuple[int, int, int]] = []  # (start, end, entry index)
        for nm in P.NAME_RE.finditer(window):
            i = _match(out, nm.group(0))
            if i is not None:
                hits.append((nm.start(), nm.end(), i))
        if not hits:
            chair = _match(out, president) if president and _CHAIR_RE.search(window) else None
            if chair is not None:
                out[chair] = replace(out[chair], recused=True)
            continue
        chosen = [hits[-1]]
        for h in reversed(hits[:-1]):
            if re.fullmatch(r"\s*(?:,|et|,\s*et)\s*", window[h[1]:chosen[0][0]]):
                chosen.insert(0, h)
            else:
                break
        for _, _, i in chosen:
            out[i] = replace(out[i], recused=True)
    return out


def apply_void_proxies(entries: list[Entry], text: str) -> list[Entry]:
    """A proxy this act does not count ("le pouvoir de madame Fabienne Salado à monsieur
    Philippe Pouleau n'est pas pris en compte", its holder being recused): the member it
    represented is excused, without holder, for this act."""
    out = list(entries)
    for m in P.VOID_PROXY_RE.finditer(text):
        i = _match(out, m.group("name"))
        if i is not None and out[i].status == REPRESENTED:
            out[i] = replace(out[i], status=EXCUSED, proxy_holder=None)
    return out


_T = TypeVar("_T")


def _once_per_document(cache: dict[tuple[Any, ...], _T], key: tuple[Any, ...], compute: Callable[[], _T],
                       keep: int = 8) -> _T:
    """``compute()`` once per ``key`` (a document, by its id and its text's hash, and a place
    in it): what every item of minutes asks for again is read once; the last few are kept."""
    if key not in cache:
        if len(cache) > keep:
            cache.clear()
        cache[key] = compute()
    return cache[key]


#: A movement event: (start, end of the match, "in" | "out", name, holder of the proxy
#: given on leaving, end of that holder's match) — offsets in the text read.
_Event = tuple[int, int, str, str, str | None, int]


def _movement_events(text: str, pos_in: int = 0, pos_out: int = 0) -> list[_Event]:
    """The arrivals (from ``pos_in`` on) and departures (from ``pos_out`` on) announced in
    ``text``, in order."""
    events: list[_Event] = []
    for m in P.ARRIVAL_RE.finditer(text, pos_in):
        events.append((m.start(), m.end(), "in", m.group("name1") or m.group("name2"), None, m.end()))
    for m in P.DEPARTURE_RE.finditer(text, pos_out):
        pm = P.LEAVING_PROXY_RE.search(text[m.end(): m.end() + 120])
        holder = parse_person(pm.group("holder")).full_name if pm else None
        events.append((m.start(), m.end(), "out", m.group("name1") or m.group("name2"), holder,
                       m.end() + pm.end() if pm else m.end()))
    return sorted(events)


def _apply_events(entries: list[Entry], events: list[_Event]) -> list[Entry]:
    out = list(entries)
    for _, _, kind, name, holder, _ in events:
        i = _match(out, name)
        if i is None:
            continue
        if kind == "in":
            out[i] = replace(out[i], status=PRESENT, proxy_holder=None)
        elif out[i].status == PRESENT:
            out[i] = replace(out[i], status=REPRESENTED if holder else ABSENT, proxy_holder=holder)
    return out


def apply_movements(entries: list[Entry], text: str) -> list[Entry]:
    """Apply, in order, the arrivals and departures announced in ``text``."""
    if not P.MOVEMENT_WORD_RE.search(text):
        return list(entries)  # neither pattern can match without one of their verbs
    return _apply_events(entries, _movement_events(text))


#: How far past a match its patterns look (the longest name, a lookahead, the proxy given
#: on leaving): a match ending this far before the end of a text is the same in any longer
#: text that starts at the same place.
_MOVE_HORIZON = 400
#: The longest match the movement patterns can make (a bound, with room).
_MOVE_SPAN = 1000

_MOVES: dict[tuple[str, int, int], tuple[str, list[_Event]]] = {}


def apply_movements_until(entries: list[Entry], doc: Document, start: int, stop: int) -> list[Entry]:
    """:func:`apply_movements` on the text from ``start`` (the minutes' preamble end) to
    ``stop`` (the act's vote), the text read once per document: in minutes of a hundred
    items, reading each item's whole past again made the cost grow as the square of the
    items. The events of the whole text that end well before ``stop`` are those of the
    text cut there; only its last stretch is read again."""
    def read() -> tuple[str, list[_Event]]:
        text = doc.clean(Span(start, len(doc.text)))
        return text, _movement_events(text) if P.MOVEMENT_WORD_RE.search(text) else []

    text, events = _once_per_document(_MOVES, (doc.doc_id, hash(doc.text), start), read)
    if not events:
        return list(entries)
    cut = len(doc.clean(Span(start, stop)))  # the clean text of the span is a prefix of the whole
    safe = [e for e in events if e[5] + _MOVE_HORIZON <= cut]
    # each pattern's scan goes on from its last safe match, or from where no match of the
    # cut text can have started before
    pos_in, pos_out = (max([cut - _MOVE_SPAN, 0] + [e[1] for e in safe if e[2] == kind]) for kind in ("in", "out"))
    return _apply_events(entries, sorted(safe + _movement_events(text[:cut], pos_in, pos_out)))


_LATE: dict[tuple[str, int, int], list[tuple[int, str]]] = {}


def late_arrivals(doc_text: str, doc_id: str, start: int) -> list[tuple[int, str]]:
    """(offset, name) of the members whose first movement after ``start`` (the end of the
    minutes' preamble) is an arrival, not a return ("ARRIVEE DE NADIA GALIANA" after item 1,
    no "Départ de" before it); read once per document."""
    return _once_per_document(_LATE, (doc_id, hash(doc_text), start), lambda: _late_arrivals(doc_text, start))


def _late_arrivals(doc_text: str, start: int) -> list[tuple[int, str]]:
    # "Retour de M. X" is a return; "Arrivée de M. X" and "M. X rejoint la séance" (no word
    # before the name) an arrival
    events = sorted([(m.start(), "back" if (m.group("word") or "").lower().startswith("r") else "in",
                      m.group("name1") or m.group("name2")) for m in P.ARRIVAL_RE.finditer(doc_text, start)]
                    + [(m.start(), "out", m.group("name1") or m.group("name2"))
                       for m in P.DEPARTURE_RE.finditer(doc_text, start)])
    seen: set[str] = set()
    out = []
    for at, kind, name in events:
        person = parse_person(name).full_name or name
        if person in seen:
            continue
        seen.add(person)
        if kind == "in":
            out.append((at, name))
    return out


def apply_late_arrivals(entries: list[Entry], arrivals: list[tuple[int, str]], vote_at: int) -> list[Entry]:
    """A member the présents list names whose arrival is announced after this act's vote
    ("Etaient présents : … N.GALIANA …" / "ARRIVEE DE NADIA GALIANA" after item 1) was not
    there yet: absent from this act."""
    out = list(entries)
    for at, name in arrivals:
        if at <= vote_at:
            continue
        i = _match(out, name)
        if i is not None and out[i].status == PRESENT:
            out[i] = replace(out[i], status=ABSENT, proxy_holder=None, listed_present=True)
    return out


# ---------------------------------------------------------------------------
# The extractor
# ---------------------------------------------------------------------------


def block_sections(act: Act) -> list[Section]:
    """Sections holding the act's attendance: the session's shared ones in minutes, the
    act's own header and attendance sections otherwise."""
    shared = [s for s in act.sections if s.shared and s.kind in (SectionKind.HEADER, SectionKind.ATTENDANCE)]
    if shared:
        return shared
    return [s for s in act.sections if s.kind in (SectionKind.HEADER, SectionKind.ATTENDANCE)]


def _own_text(act: Act, stop: int | None = None, start: int | None = None) -> str:
    """The act's own text (no shared preamble, no annexes), from ``start`` and up to
    ``stop`` when given."""
    parts = []
    for s in act.sections:
        if s.shared or s.kind in (SectionKind.ANNEX, SectionKind.ATTENDANCE):
            continue
        begin = s.span.start if start is None else max(s.span.start, start)
        end = s.span.end if stop is None else min(s.span.end, stop)
        if end > begin:
            parts.append(act.doc.clean(Span(begin, end)))
    return "\n".join(parts)


def next_item_recusals(act: Act) -> tuple[str, str]:
    """(the item's own text less what it announces for the next item, that announcement).

    In minutes, a member who leaves the room after an item's vote leaves for the item that
    follows: "Adopté à l'unanimité. / Le Maire quitte la salle et ne prend pas part au vote.
    / 5. Compte administratif", "Avant l'examen du point suivant, M. X quitte la salle"
    (:data:`patterns.NEXT_ITEM_RE`). A recusal told after the vote in the past ("M. X n'a
    pas pris part au vote") is of the item just voted, and stays.
    """
    own = _own_text(act)
    votes = act.sections_of(SectionKind.VOTE)
    if not votes or not P.RECUSAL_RE.search(own):
        return own, ""
    line_end = act.doc.text.find("\n", votes[0].span.start)
    if line_end < 0:
        return own, ""
    before, after = _own_text(act, stop=line_end), _own_text(act, start=line_end)
    kept, ahead, pos = [], [], 0
    for sep in [*P.SENTENCE_END_RE.finditer(after), None]:
        end = sep.end() if sep else len(after)
        sentence = after[pos:end]
        (ahead if P.RECUSAL_RE.search(sentence) and P.NEXT_ITEM_RE.search(sentence) else kept).append(sentence)
        pos = end
    if not ahead:
        return own, ""
    return before + "".join(kept), "".join(ahead)


def vote_point(act: Act) -> int:
    """Where the act's vote is taken: its first vote section, else where its (last) decision
    opens ("Le Conseil communautaire : - prend acte …", an item without a tally), else the
    end of its body. A movement announced after it ("Arrivée de Gilles Passot" closing item
    1) is for the next items."""
    votes = act.sections_of(SectionKind.VOTE)
    if votes:
        return votes[0].span.start
    decisions = [s for s in act.sections_of(SectionKind.DECISION) if not s.shared]
    return decisions[-1].span.start if decisions else act.body_span.end


def _page_of(act: Act, sections: list[Section], person: Person) -> int | None:
    key = person.last_name or ""
    for s in sections:
        at = act.doc.text.find(key, s.span.start, s.span.end) if key else -1
        if at >= 0:
            return act.doc.page_at(at)
    return sections[0].page_start if sections else None


def grid_entries(grid: list[GridRow], listed: list[Entry]) -> list[Entry]:
    """Entries of an absences grid (:mod:`extractors.attendance.table`) for the members the
    lists do not name already (one who arrived later is in the présents list); in a grid of
    every member, the case the row's mark stands under (no mark: no row)."""
    out: list[Entry] = []
    for row in grid:
        person = parse_person(row.name)
        if not person.last_name or any(same_person(person, e.person) for e in listed + out):
            continue
        holder = row.cells.get("proxy")
        if row.full and "present" in row.cells:
            out.append(Entry(person, PRESENT))
        elif holder:
            out.append(Entry(person, REPRESENTED, proxy_holder=_holder_name(holder)))
        elif row.full and ("excused" in row.cells or "absent" in row.cells):
            out.append(Entry(person, EXCUSED if "excused" in row.cells else ABSENT))
        elif not row.full:
            out.append(Entry(person, ABSENT))
    return out


def _with_grid(entries: list[Entry], grid: list[GridRow]) -> list[Entry]:
    """The lists' entries and the grid's: an absences grid completes lists (none read, none
    added), a grid of every member stands alone."""
    return entries + grid_entries(grid, entries) if entries or any(r.full for r in grid) else entries


_SESSION_LISTS: dict[tuple[str, int, int, int], list[Entry]] = {}


def _session_list(doc: Document, start: int, end: int) -> list[Entry]:
    """The members listed in the minutes' shared preamble (``start``–``end``), its absences
    grid included: the same for every item of the meeting, read once per meeting."""
    def read() -> list[Entry]:
        entries = parse_block(doc.clean(Span(start, end)), _seen_in(doc.text))
        return _with_grid(entries, read_grid(doc, Span(start, end)))

    # a str caches its hash; a copy is returned: the caller adds and replaces entries
    return list(_once_per_document(_SESSION_LISTS, (doc.doc_id, hash(doc.text), start, end), read, keep=32))


def read_attendance(act: Act, preamble_end: int | None = None, president: str | None = None,
                    carried: str = "", ordinal: int | None = None) -> list[Entry]:
    """The act's attendance, arrivals, departures and recusals applied.

    In minutes, the list is read from the session's preamble: its shared sections and,
    when ``preamble_end`` (where the first act starts) is known, everything up to there;
    ``carried`` is what the item before announced for this one after its vote (a recusal:
    :func:`next_item_recusals`); ``ordinal``, the item's place among the minutes' items,
    stands for its rank when no heading of the minutes prints one ("Délibération n°
    2024-012": "à partir du point 3" is the third item).
    """
    sections = block_sections(act)
    if not sections:
        return []
    shared = [s for s in sections if s.shared]
    if shared:
        start = min(s.span.start for s in shared)
        end = max([s.span.end for s in shared] + ([preamble_end] if preamble_end else []))
        entries = _session_list(act.doc, start, end)
    else:
        text = "\n".join(act.doc.clean(s.span) for s in sections)
        entries = parse_block(text, _seen_in(act.doc.text))
        span = Span(min(s.span.start for s in sections), max(s.span.end for s in sections))
        entries = _with_grid(entries, read_grid(act.doc, span))
    if not entries:
        return []
    if shared:
        rank = item_rank(act)
        entries = apply_item_moves(entries, rank if rank is not None else ordinal)
        stop = vote_point(act)
        if stop > end:
            entries = apply_movements_until(entries, act.doc, end, stop)
        entries = apply_late_arrivals(entries, late_arrivals(act.doc.text, act.doc.doc_id, end), stop)
    entries = office_holders(entries, president, "\n".join(act.doc.clean(s.span) for s in sections))
    own = next_item_recusals(act)[0] if shared else _own_text(act)
    if carried:
        own = f"{carried}\n{own}"
    cues = P.RECUSAL_RE if shared else P.ONE_ACT_RECUSAL_RE
    return apply_void_proxies(apply_recusals(entries, own, president, cues), own)


#: The president named with an office that is not the maire's or the président's: "sous la
#: présidence de M. Olivier FOURNIER, premier adjoint, le Maire étant empêché".
_DEPUTY_AFTER_NAME = r"\s*,?\s*(?:(?:\d+\s*(?:er|[èe]re|e|[èe]me)|premi[eè]re?|deuxi[eè]me|troisi[eè]me)\s+)?(?:adjoint|vice|doyen|conseill)"


def office_holders(entries: list[Entry], president: str | None, block: str) -> list[Entry]:
    """A proxy given to the chair by its office ("pouvoir à Monsieur le Maire", "au
    Président") is held by the president of the session, when known, not listed otherwise
    than present (who presides is there) and not printed as a deputy in ``block`` ("M. X,
    premier adjoint": the maire is away); any other office ("au 1er adjoint") names nobody:
    represented, holder unknown."""
    if not any(e.holder_office for e in entries):
        return entries
    person = parse_person(president) if president else None
    name = person.full_name if person and person.last_name and person.first_name else None
    if person and name:
        k = _match(entries, name)
        if k is not None:
            name = entries[k].person.full_name if entries[k].status == PRESENT else None  # the list's spelling
        if re.search(re.escape(person.last_name or "") + _DEPUTY_AFTER_NAME, block, re.I):
            name = None
    out = []
    for e in entries:
        if e.holder_office:
            chair = e.holder_office == "chair" and person is not None and not same_person(e.person, person)
            e = replace(e, proxy_holder=name if chair else None, holder_office=None)
        out.append(e)
    return out


def _seen_in(text: str) -> Callable[[str], bool]:
    """``seen(word)``: ``word`` stands in ``text`` as a whole word (one scan per question,
    asked only for a surname cut at a line end)."""
    def seen(word: str) -> bool:
        return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None
    return seen


def president_entry(entries: list[Entry], president: str | None, printed_present: int | None) -> Entry | None:
    """The president of the meeting when the présents list leaves them out and the printed
    count of présents says one more: who presides is present ("sous la présidence de
    Monsieur Yves ARMAND, Maire", then "Etaient présents" naming the nine others of "Présents
    : 10"). Without the count to confirm it, nobody is added."""
    if not president or printed_present is None or not entries:
        return None
    person = parse_person(president)
    if not person.last_name or any(same_person(person, e.person) for e in entries):
        return None
    # the list as printed: a member who arrives later is in it
    listed = sum(1 for e in entries if (e.status == PRESENT or e.listed_present) and e.voting_rights)
    return Entry(person, PRESENT) if listed + 1 == printed_present else None


def _slips(a: str, b: str) -> int:
    """Letters one may miss or double in a name and still mean it: 1 from 5 letters, 2 from 9
    ("Sylvianne" / "Sylviane", "Danièle" / "Danielle")."""
    n = min(len(a), len(b))
    return 0 if n < 5 else 1 if n < 9 else 2


def holders_as_listed(entries: list[Entry]) -> list[Entry]:
    """A proxy holder printed with a slip of spelling ("Marion JUSTRABO donne pouvoir à
    Sylvianne LAURO" beside "Présents : … Sylviane LAURO …") is the one member present whose
    name is that slip away: the holder takes the list's spelling, so that it names a present
    member; one printed with an initial ("Y. ARMAND") is the one present member it fits,
    named in full ("Yves ARMAND"). No present member, or two, that close: the holder stays as
    printed."""
    present = [e.person for e in entries if e.status == PRESENT and e.person.last_name]
    out = []
    for e in entries:
        if e.status == REPRESENTED and e.proxy_holder:
            h = parse_person(e.proxy_holder)
            same = {p.full_name for p in present if same_person(h, p) and p.first_name
                    and not p.first_name.endswith(".")}
            if h.first_name and h.first_name.endswith(".") and len(same) == 1:
                # "P.MATHIAS : procuration à Y. ARMAND" beside the mayor "Yves ARMAND", present:
                # an initial names the one present member it fits, in full
                e = replace(e, proxy_holder=same.pop())
            elif h.last_name and h.first_name and not any(same_person(h, p) for p in present):
                close = [p for p in present if p.first_name
                         and Levenshtein.distance(fold(h.last_name), fold(p.last_name)) <= _slips(h.last_name, p.last_name)
                         and Levenshtein.distance(fold(h.first_name), fold(p.first_name))
                         <= _slips(h.first_name, p.first_name)]
                if len(close) == 1 and close[0].full_name:
                    e = replace(e, proxy_holder=close[0].full_name)
        out.append(e)
    return out


@extractor("attendance", feeds=("attendance",))
def extract_attendance(act: Act, found: Found, issues: IssueLog) -> list[AttendanceRow]:
    """One :class:`AttendanceRow` per person of the act's attendance block."""
    # In minutes, the preamble (date, attendance) runs from the top of the file to the first
    # act: the first act records where that is, later acts find it through found.previous.
    preamble_end = act.span.start if not found.previous else \
        found.previous[0].state.get("attendance_preamble_end")
    found.state["attendance_preamble_end"] = preamble_end
    if found.state.get("other_meeting"):
        # the bureau's deliberation reported in the council's minutes: the council's
        # attendance is not the bureau's, and the minutes do not give the bureau's
        return []
    # in minutes, the president of the session: the one of their first item, not a member
    # chosen to chair one item ("Mme Claire DUVAL, première adjointe, prend la présidence pour
    # ce point": "le Maire" who leaves, or holds a proxy, is still the maire)
    president = found.field("president")
    if any(s.shared for s in act.sections):
        session = found.previous[-1].state.get("attendance_session") if found.previous else None
        if session and session[0] == preamble_end:
            president = session[1]
        found.state["attendance_session"] = (preamble_end, president)
    carried, ordinal = "", None
    if any(s.shared for s in act.sections):
        before = found.previous[-1].state if found.previous else {}
        ahead = before.get("attendance_next_item")
        carried = ahead[1] if ahead and ahead[0] == preamble_end else ""  # the same minutes' item before
        found.state["attendance_next_item"] = (preamble_end, next_item_recusals(act)[1])
        # (preamble, items so far, whether one printed its rank): the ordinal of an item
        # stands for its rank only in minutes whose headings print none
        items = before.get("attendance_items")
        count, ranked = (items[1], items[2]) if items and items[0] == preamble_end else (0, False)
        count, ranked = count + 1, ranked or item_rank(act) is not None
        found.state["attendance_items"] = (preamble_end, count, ranked)
        ordinal = None if ranked else count
    entries = read_attendance(act, preamble_end, president, carried, ordinal)
    chair = president_entry(entries, found.field("president"), found.field("members_present"))
    if chair is not None:
        entries = [*entries, chair]
    entries = holders_as_listed(entries)
    sections = block_sections(act)
    rows = []
    for k, e in enumerate(entries, start=1):
        p = e.person
        rows.append(AttendanceRow(
            act_id=act.act_id, doc_id=act.doc.doc_id, position=k, civility=p.civility,
            first_name=p.first_name, last_name=p.last_name, full_name=p.full_name,
            status=e.status, voting_rights=e.voting_rights, proxy_holder=e.proxy_holder,
            recused=e.recused, printed=re.sub(r"\s+", " ", p.printed).strip(),
            page=_page_of(act, sections, p)))
    return rows


# ---------------------------------------------------------------------------
# Quality checks
# ---------------------------------------------------------------------------


@quality_check("present_count")
def check_present_count(act: Act, found: Found) -> list[QualityRow]:
    """Present voting members listed against the printed number of présents."""
    printed = found.field("members_present")
    rows = found.get("attendance")
    if printed is None or not rows:
        return []
    listed = sum(1 for r in rows if r.status == PRESENT and r.voting_rights)
    return [result(act, "present_count", listed == printed,
                   f"{listed} present members listed, {printed} printed")]


@quality_check("proxy_holder_present")
def check_proxy_holder_present(act: Act, found: Found) -> list[QualityRow]:
    """Every proxy holder is among the members present."""
    rows = found.get("attendance")
    holders = [r.proxy_holder for r in rows if r.status == REPRESENTED and r.proxy_holder]
    if not holders:
        return []
    present = [parse_person(r.full_name or "") for r in rows if r.status == PRESENT]
    missing = [h for h in holders if not any(same_person(parse_person(h), p) for p in present)]
    detail = (f"all {len(holders)} proxy holders present" if not missing
              else f"proxy holders not listed present: {', '.join(missing)}")
    return [result(act, "proxy_holder_present", not missing, detail)]
