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

from extractors.attendance import patterns as P
from extractors.attendance.table import GridRow, read_grid
from extractors.quality import quality_check, result
from extractors.registry import Found, extractor
from pipeline.errors import IssueLog
from pipeline.model import Act, Section, SectionKind, Span
from pipeline.normalize.names import Person, fold, is_function_label, parse_person, same_person, strip_functions
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


# ---------------------------------------------------------------------------
# Splitting a list into names
# ---------------------------------------------------------------------------

_CAPS_TOKEN_RE = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý'’-]+")
_CIVILITY_ANY_RE = re.compile(r"(?<![\w])(?:Monsieur|Madame|Mademoiselle|Mme|MME|Mlle|MM\.?|M\.)(?=\s|[A-ZÀ-Ý])")
_NAME_WORD_RE = re.compile(r"^(?:[A-ZÀ-Ý][\w'’.-]*|d['’]\w+|[a-z]{1,3}|Mc)$")
_NOT_NAME_WORDS = {
    "commune", "communes", "conseil", "ville", "groupe", "page", "suivante", "cf", "mairie",
    "délégués", "délégué", "présents", "présent", "absents", "excusés", "pouvoir", "pouvoirs",
    "procuration", "séance", "total", "néant", "aucun", "aucune", "objet", "ordre", "jour",
}


def _person_like(cell: str) -> bool:
    """True when a table cell holds a name: a civility, a surname in capitals or "C.FOROT"."""
    return bool(_CIVILITY_ANY_RE.search(cell) or _CAPS_TOKEN_RE.search(cell) or P.INITIAL_TOKEN_RE.search(cell))


_CIVILITY_CELL_RE = re.compile(r"^(?:Monsieur|Madame|Mme|MME|Mlle|MLLE|MM\.?|M\.)$")
_FIRST_NAME_CELL_RE = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)*$")
_SURNAME_CELL_RE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý'’-]+,?$")


def _justified_start(cells: list[str]) -> int | None:
    """Where a list of names starts in a line whose word gaps became tabs (a justified
    line: "M.	Georges	LECLEVE,	Bernard	CHAZELAS,	Jean-Marie", "Karine	FOUQUET,
    Romain	RUNGOAT,	Sabrina"), or None when the line is not one: from there every cell is a
    word or two and one at least ends with a comma, as a list does (a table's cells do not)."""
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
    cells = [c.strip() for c in line.split("\t")]
    if len(cells) >= 5 and sum(1 for c in cells if re.fullmatch(r"[a-zà-ÿ]+", c)) >= 3:
        # a sentence justified by the layout ("A	été	élue	secrétaire	de	séance :	MME
        # Tatiana"): its words, not cells
        return " ".join(cells)
    start = _justified_start(cells)
    if start is not None:
        side = [c for c in cells[:start] if P.LABEL_RE.search(c)]
        return " ".join(side + cells[start:])
    keep = [c for c in cells if _person_like(c) or P.LABEL_RE.search(c)]
    return " ".join(keep) if keep else ""


#: A line that starts a new entry (a civility, "C.FOROT", or in a list of one person per
#: line "Jean-Pierre GRANDJOUAN, Adjoint, pouvoir donné à …") ...
_NEW_ENTRY_RE = re.compile(
    r"(?:Monsieur|Madame|Messieurs|Mesdames|Mme|MME|MLLE|MM\.?\s|M\.?\s(?=[A-ZÀ-Ý])|[A-ZÀ-Ý]\.[A-ZÀ-Ý]{2}"
    r"|[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?\s[A-ZÀ-Ý]{2}[A-ZÀ-Ý'’-]*,)")
#: ... unless the line before it stops on a civility or a word that wants more ("… pouvoir à").
_OPEN_END_RE = re.compile(r"(?:\b(?:M|Mme|MM|Monsieur|Madame)\.?|\b(?:à|a|de|du|des|par|et|le|la|au|aux))\s*$")


def _join_lines(lines: list[str]) -> str:
    """Join the lines of a list; a word cut by a hyphen at a line end is rejoined."""
    out = ""
    for ln in lines:
        # text layers print the hyphen of "Jean-\nClaude" as U+0002 or a soft hyphen
        ln = ln.replace("\x02", "-").replace("\u00ad", "-").strip()
        if not ln:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha():
            # "Conseil-|lers", "Nico-|las": a word cut by the line break (a compound name
            # goes on with a capital: "Marie-|Josèphe", "PENNETIER-|BIGOT")
            out = out[:-1] + ln if ln[0].islower() else out + ln
        elif out and _NEW_ENTRY_RE.match(ln) and not _OPEN_END_RE.search(out):
            out = f"{out} ; {ln}"  # one entry per line: "W.AUGUSTE : procuration à C.FOROT"
        else:
            out = f"{out} {ln}" if out else ln
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


def _continues(line: str, cut: bool = False) -> bool:
    """True when ``line`` can continue a list of names (not a title, not a sentence);
    ``cut``: the line before ends with a word cut by a hyphen, whose rest ("paux délégués"
    after "Conseillers munici-") this line starts with."""
    if cut:
        line = line.split(maxsplit=1)[1] if len(line.split(maxsplit=1)) > 1 else ""
    line = re.sub(r"\b[a-zà-ÿ]+-\s*$", "", line)  # "Conseillers munici-": a word cut at the end
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


def _opens_group(line: str) -> bool:
    """True when ``line`` opens a group of names with a civility ("M. MMES Sylviane GIBET")."""
    return bool(P.PLURAL_CIVILITY_RE.match(line) or _CIVILITY_ANY_RE.match(line))


def _closes_group(line: str) -> bool:
    """True when the full stop that ends ``line`` closes one group of a list by role, after
    its function label ("…, Anthony LATOUCHE, Conseillers municipaux délégués."): the list
    goes on when the next line opens another group with a civility ("M. MMES Sylviane GIBET")."""
    m = re.search(r"(?:^|,)\s*([^,]+?)\.\s*$", line)
    return bool(m) and is_function_label(m.group(1))


def _is_name(text: str) -> bool:
    """True when ``text`` reads as one person's name (no digits, no sentence words)."""
    if not text or re.search(r"\d", text) or len(text) > 60:
        return False
    if P.INITIAL_TOKEN_RE.fullmatch(text.strip()):
        return True
    words = re.sub(r"^(?:Monsieur|Madame|Mademoiselle|Mme|Mlle|MM\.?|M\.)\s*", "", text).split()
    if not 1 <= len(words) <= 6:
        return False
    if any(fold(w.strip(".,")) in {fold(x) for x in _NOT_NAME_WORDS} for w in words):
        return False
    if not all(_NAME_WORD_RE.match(w) for w in words):
        return False
    has_caps = any(_CAPS_TOKEN_RE.fullmatch(w.strip(".,")) for w in words)
    has_civility = text != " ".join(words)
    if not has_caps and len(words) > 3:
        return False  # "Yves Nicolin Mahdi Nouibat": two names run together, not one
    return has_caps or has_civility or len(words) >= 2


def _token_class(tok: str) -> str:
    if _CAPS_TOKEN_RE.fullmatch(tok):
        return "U"  # a surname in capitals
    if _FIRST_NAME_CELL_RE.match(tok):
        return "C"  # a first name
    return "x"


def _two_names(piece: str) -> list[str] | None:
    """Two names run together where a comma was left out: "Jean-Marie GATARD Alain GUILBAUD"
    (Prénom NOM Prénom NOM), "DUPONT Jean MARTIN Paul" (NOM Prénom NOM Prénom); None when
    ``piece`` is not exactly that shape."""
    tokens = piece.split()
    m = re.fullmatch(r"(C+U+)(C+U+)|(U+C+)(U+C+)", "".join(_token_class(t) for t in tokens))
    if not m:
        return None
    cut = len(m.group(1) or m.group(3))
    return [" ".join(tokens[:cut]), " ".join(tokens[cut:])]


def _holder_name(raw: str) -> str | None:
    holder = P.REMARK_RE.sub("", raw).strip(" .,;)")
    holder = re.sub(r"^(?:de\s+|d['’])", "", holder)
    return parse_person(holder).full_name if _is_name(holder) else None


def split_entries(text: str, status: str, voting: bool) -> list[Entry]:
    """Read the names of one list (the text after its label) with their proxies.

    >>> [e.person.full_name for e in split_entries("M. DUPONT Jean, Mme MARTIN Sophie", "present", True)]
    ['Jean DUPONT', 'Sophie MARTIN']
    """
    entries: list[Entry] = []
    carry: str | None = None  # civility of a plural "MMES FAUVEL, PAYEN"
    text = P.MIXED_PLURAL_COMMA_RE.sub(r"\1\2 ", text)
    for piece in _split_outside_parens(text, P.SEPARATOR_RE):
        piece = re.sub(r"^(?:et|puis)\s+", "", piece.strip(" .:"))
        plural = P.PLURAL_CIVILITY_RE.match(piece)
        if plural:
            carry = None if plural.group("x") is not None else "Mme" if plural.group("f") is not None else "M."
            piece = piece[plural.end():]
        elif _CIVILITY_ANY_RE.match(piece):
            carry = None
        if not piece or is_function_label(piece):
            continue  # "Adjoint", "Conseillère municipale" between a name and its proxy
        alone = P.PROXY_ALONE_RE.match(piece)
        if alone:
            # "X, Adjoint, pouvoir donné à Y": the proxy of the name before
            holder = _holder_name(alone.group("holder"))
            if entries and holder and entries[-1].proxy_holder is None:
                entries[-1] = replace(entries[-1], status=REPRESENTED, proxy_holder=holder)
            continue
        holder = None
        m = P.PROXY_RE.search(piece)
        if m:
            holder = _holder_name(m.group("holder"))
            piece = piece[: m.start()]
        piece = P.REMARK_RE.sub("", piece)
        piece = re.sub(r"\s*:\s*\w+\s*$", "", piece) if ":" in piece else piece  # "T.BUSIN : adjoints"
        piece = piece.strip(" .,;:-–—[]()")
        names = [piece]
        initials = P.INITIAL_TOKEN_RE.findall(piece)
        if len(initials) >= 2 and all(P.INITIAL_TOKEN_RE.fullmatch(t) for t in piece.split()):
            names = initials  # "T.BUSIN S.MEARY" run together over a line break
        elif len(_CIVILITY_ANY_RE.findall(piece)) >= 2:
            names = [n.strip() for n in P.CIVILITY_START_RE.split(piece) if n.strip()]
        else:
            names = _two_names(piece) or names
        for k, name in enumerate(names):
            person = parse_person(name)
            if not _is_name(strip_functions(name)) or not person.last_name:
                continue
            if person.civility is None and carry:
                person = replace(person, civility=carry)
            last = k == len(names) - 1
            st = REPRESENTED if (holder and last) or status == REPRESENTED else status
            entries.append(Entry(person, st, voting, holder if last else None))
    return entries


# ---------------------------------------------------------------------------
# Reading the labelled lists of a block
# ---------------------------------------------------------------------------


def classify_label(label: str) -> tuple[str, bool] | None:
    """Status and voting rights a label gives, or None for a label that ends the lists.

    >>> classify_label("Absents excusés ayant donné procuration")
    ('represented', True)
    >>> classify_label("Excusé(s) sans voix délibérative")
    ('excused', False)
    """
    text = fold(label)
    no_vote = bool(P.NO_VOTE_RE.search(label))
    if P.STOP_LABEL_RE.search(label):
        return None
    if "assist" in text and not no_vote and "present" not in text:
        return None  # staff attending ("Assistaient : M. GALLEN, Directeur Général des Services")
    if P.EXCUSED_AND_PROXIES_RE.search(label):
        return EXCUSED, not no_vote
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


def parse_block(text: str) -> list[Entry]:
    """Every person of an attendance block, in order of appearance."""
    segments: list[tuple[tuple[str, bool], list[str]]] = []
    current: tuple[tuple[str, bool], list[str]] | None = None
    # a list closed by the full stop after a group's function label, which the next line
    # may open again with another group ("M. MMES Sylviane GIBET, …")
    paused: tuple[tuple[str, bool], list[str]] | None = None

    def close(line: str) -> None:
        nonlocal current, paused
        if _closes(line):
            # the label may have wrapped: "…, Conseillers" / "municipaux délégués."
            tail = " ".join(current[1][-2:]) if current else line
            paused = current if _closes_group(tail) else None
            current = None

    for raw in _join_wrapped_labels(text.split("\n")):
        if P.TABLE_HEADER_RE.match(raw):
            continue
        line = _drop_side_cells(raw)
        if raw.strip() and not line.strip() and not _continues(raw.replace("\t", " ")):
            # cells of a sentence and no name ("A été élu secrétaire de séance :	M.	Dominique"):
            # the list is over
            current = paused = None
            continue
        labels = list(P.LABEL_RE.finditer(line))
        resumed, paused = paused, None
        if not labels:
            if current is None and resumed is not None and _opens_group(line):
                current = resumed
            if current is None:
                continue
            cut = bool(current[1]) and current[1][-1].rstrip().endswith("-")
            if P.STOP_LINE_RE.match(line) or not _continues(line, cut):
                current = None
                continue
            current[1].append(line)
            close(line)
            continue
        if current is not None and labels[0].start() > 0:
            current[1].append(line[: labels[0].start()])
        labels = [m for m in labels if _real_label(m)]
        if not labels:
            if current is not None and not P.STOP_LINE_RE.match(line) and _continues(line):
                current[1].append(line)
                close(line)
            continue
        for k, m in enumerate(labels):
            rest_end = labels[k + 1].start() if k + 1 < len(labels) else len(line)
            kind = classify_label(m.group("label"))
            current = (kind, [line[m.end():rest_end]]) if kind else None
            if current:
                segments.append(current)
                close(line)
    entries: list[Entry] = []
    seen: set[str] = set()
    for (status, voting), lines in segments:
        for e in split_entries(_join_lines(lines), status, voting):
            key = fold(e.person.full_name or "")
            if key in seen:
                continue  # listed twice (present, then in an absences table): keep the first
            seen.add(key)
            entries.append(e)
    return entries


# ---------------------------------------------------------------------------
# Recusals, arrivals and departures
# ---------------------------------------------------------------------------


def _match(entries: list[Entry], name: str) -> int | None:
    """Index of the one entry ``name`` designates, or None when none or several do."""
    person = parse_person(name)
    hits = [i for i, e in enumerate(entries) if same_person(person, e.person)]
    return hits[0] if len(hits) == 1 else None


def apply_recusals(entries: list[Entry], text: str) -> list[Entry]:
    """Mark ``recused`` the persons the act says took no part in the debate or the vote."""
    out = list(entries)
    for m in P.RECUSAL_RE.finditer(text):
        names = re.split(r"\s+et\s+|\s*,\s*", m.group("name"))
        for name in names:
            i = _match(out, name)
            if i is not None:
                out[i] = replace(out[i], recused=True)
    return out


def apply_movements(entries: list[Entry], text: str) -> list[Entry]:
    """Apply, in order, the arrivals and departures announced in ``text``."""
    events: list[tuple[int, str, str, str | None]] = []
    for m in P.ARRIVAL_RE.finditer(text):
        events.append((m.start(), "in", m.group("name1") or m.group("name2"), None))
    for m in P.DEPARTURE_RE.finditer(text):
        pm = P.LEAVING_PROXY_RE.search(text[m.end(): m.end() + 120])
        holder = parse_person(pm.group("holder")).full_name if pm else None
        events.append((m.start(), "out", m.group("name1") or m.group("name2"), holder))
    out = list(entries)
    for _, kind, name, holder in sorted(events):
        i = _match(out, name)
        if i is None:
            continue
        if kind == "in":
            out[i] = replace(out[i], status=PRESENT, proxy_holder=None)
        elif out[i].status == PRESENT:
            out[i] = replace(out[i], status=REPRESENTED if holder else ABSENT, proxy_holder=holder)
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


def _own_text(act: Act, stop: int | None = None) -> str:
    """The act's own text (no shared preamble, no annexes), up to ``stop`` when given."""
    parts = []
    for s in act.sections:
        if s.shared or s.kind in (SectionKind.ANNEX, SectionKind.ATTENDANCE):
            continue
        end = s.span.end if stop is None else min(s.span.end, stop)
        if end > s.span.start:
            parts.append(act.doc.clean(Span(s.span.start, end)))
    return "\n".join(parts)


def vote_point(act: Act) -> int:
    """Where the act's vote is taken: its first vote section, else the end of its body."""
    votes = act.sections_of(SectionKind.VOTE)
    return votes[0].span.start if votes else act.body_span.end


def _page_of(act: Act, sections: list[Section], person: Person) -> int | None:
    key = person.last_name or ""
    for s in sections:
        at = act.doc.text.find(key, s.span.start, s.span.end) if key else -1
        if at >= 0:
            return act.doc.page_at(at)
    return sections[0].page_start if sections else None


def grid_entries(grid: list[GridRow], listed: list[Entry]) -> list[Entry]:
    """Entries of an absences grid (:mod:`extractors.attendance.table`) for the members the
    lists do not name already (one who arrived later is in the présents list)."""
    out: list[Entry] = []
    for row in grid:
        person = parse_person(row.name)
        if not person.last_name or any(same_person(person, e.person) for e in listed + out):
            continue
        holder = row.cells.get("proxy")
        if holder:
            out.append(Entry(person, REPRESENTED, proxy_holder=_holder_name(holder)))
        else:
            out.append(Entry(person, ABSENT))
    return out


def read_attendance(act: Act, preamble_end: int | None = None) -> list[Entry]:
    """The act's attendance, arrivals, departures and recusals applied.

    In minutes, the list is read from the session's preamble: its shared sections and,
    when ``preamble_end`` (where the first act starts) is known, everything up to there.
    """
    sections = block_sections(act)
    if not sections:
        return []
    shared = [s for s in sections if s.shared]
    if shared:
        start = min(s.span.start for s in shared)
        end = max([s.span.end for s in shared] + ([preamble_end] if preamble_end else []))
        text = act.doc.clean(Span(start, end))
    else:
        text = "\n".join(act.doc.clean(s.span) for s in sections)
    entries = parse_block(text)
    if not entries:
        return []
    grid_span = Span(start, end) if shared else Span(min(s.span.start for s in sections),
                                                    max(s.span.end for s in sections))
    entries += grid_entries(read_grid(act.doc, grid_span), entries)
    if shared:
        stop = vote_point(act)
        if stop > end:
            entries = apply_movements(entries, act.doc.clean(Span(end, stop)))
    return apply_recusals(entries, _own_text(act))


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
    listed = sum(1 for e in entries if e.status == PRESENT and e.voting_rights)
    return Entry(person, PRESENT) if listed + 1 == printed_present else None


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
    entries = read_attendance(act, preamble_end)
    chair = president_entry(entries, found.field("president"), found.field("members_present"))
    if chair is not None:
        entries = [*entries, chair]
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
