"""Legal references: one row per visa ("Vu …") of the deliberation, in order.

Reads every form met in deliberations, on one line or wrapped over lines and pages::

    Vu le Code Général des Collectivités Territoriales et, notamment, ses articles L.3121-14,
    L.3121-14-1, L.3211-1 et L.3211-2 ;
    Vu la Loi n°2014-856 du 31 juillet 2014 relative à l'Economie Sociale et Solidaire, et
    notamment son article 15 ;
    Vu la délibération n°2021-257 du Conseil départemental en date du 01/07/2021 « Délégation
    d'attributions à la Commission Permanente » ;
    Vu le Schéma Régional de Développement Economique, d'Innovation et d'Internationalisation
    (SRDEII), adopté par délibération du Conseil Régional des Hauts-de-France le 30 mars 2017 :
    Vu l'arrêté du Préfet du Pas-de-Calais n° 2019-09-390 en date du 9 septembre 2019 portant …
    Vu l'avis de la 1ère commission « Attractivité départementale et emploi » rendu lors de sa
    réunion en date du 06/03/2023 ;
    VU l'article L2121-22 du code général des collectivités territoriales,
    VU sa délibération du 14 décembre 2020 adoptant les tarifs pour l'année 2021,
    Vu le décret n° 2011-984 du 23/08/2011 modifiant la nomenclature des installations classées

Only the act's own visas count: not those of an annexed convention or report (annex
sections are skipped), not a "vu" inside a sentence (a visa starts a line). Each row gets
``kind``, ``number``, ``date``, ``articles`` (normalised: "L. 2121-29" → "L.2121-29"),
``title`` (quoted, trailing "relative à …"/"portant …", or the name of a code, règlement,
schéma; null for a rapport or an avis), ``issuer`` (the council of a délibération, the
préfet of an arrêté, the president of a report, the commission of an avis, the council
that adopted a schéma), ``eli`` for lois, ordonnances and décrets with number and date,
and ``text``: the visa as printed, whitespace collapsed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from extractors.legal_references import patterns as P
from extractors.registry import Found, extractor
from extractors.textlines import TextLine, body_lines, join_lines, repair_ocr
from pipeline.normalize.dates import find_dates
from pipeline.errors import IssueLog
from pipeline.model import Act, SectionKind, TextSource
from pipeline.normalize.sentences import ABBREVIATIONS
from schemas.rows import LegalReferenceRow

#: A visa longer than this many lines is not a visa (a runaway paragraph).
MAX_VISA_LINES = 12

#: Kinds whose title is the name of the text itself ("Code général des …").
NAMED_KINDS = ("code", "reglement", "schema")

#: Kinds with an ELI path when number and date are known.
ELI_KINDS = ("loi", "ordonnance", "decret")

#: Kinds whose author is recorded (codes, lois, décrets, règlements have none).
ISSUER_KINDS = ("deliberation", "avis", "rapport", "arrete")


@dataclass
class Visa:
    """A visa as found in the text: its lines and where it starts."""

    start: int
    page: int
    lines: list[str] = field(default_factory=list)


@dataclass
class Reference:
    """What a visa cites."""

    kind: str = "other"
    number: str | None = None
    date: dt.date | None = None
    articles: list[str] = field(default_factory=list)
    title: str | None = None
    issuer: str | None = None
    eli: str | None = None


# ---------------------------------------------------------------------------
# Finding the visas
# ---------------------------------------------------------------------------


def _ends_sentence(text: str) -> bool:
    return text.endswith(";") or (text.endswith(".") and not P.ABBREV_END_RE.search(text))


def _continues(cur: TextLine, nxt: TextLine, in_list: bool) -> tuple[bool, bool]:
    """Whether ``nxt`` is the continuation of the visa whose last line is ``cur``; and
    whether the visa now runs through a list of items."""
    if P.VISA_START_RE.match(nxt.text) or P.AFTER_VISAS_RE.match(nxt.text):
        return False, in_list
    text = cur.text
    if in_list:
        # "- La chambre d'agriculture le 27 juillet … ;" items, and their wrapped lines
        if P.BULLET_RE.match(nxt.text):
            return True, True
        return bool(P.CONTINUES_RE.match(nxt.text)) and not _ends_sentence(text), True
    if text.endswith(":"):
        # "…, à savoir : les avis favorables :" + "- La chambre d'agriculture …"
        if P.BULLET_RE.match(nxt.text):
            return True, True
        return bool(re.match(r"[a-zà-ÿ]", nxt.text)), False
    if _ends_sentence(text):
        return False, False
    if text.endswith(","):
        # "ses articles L.3121-14, L.3121-14-1," + "L.3211-1 et L.3211-2 ;"
        return bool(P.CONTINUES_RE.match(nxt.text)
                    or (cur.full and P.CAPITALS_START_RE.match(nxt.text))), False
    if P.BULLET_RE.match(nxt.text) and not cur.full:
        return False, False  # a full line runs on even into "- Education Nationale qui …"
    # no punctuation: a wrapped line unless it stops short of the margin before a capital
    return bool(P.CONTINUES_RE.match(nxt.text) or cur.full or P.RUNS_ON_RE.search(text)), False


def _split_list_heads(lines: list[TextLine]) -> list[TextLine]:
    """Lines cut where a list under "Vu :" starts on the head's line: "Vu : - le Code …" is
    the head and its first item."""
    out: list[TextLine] = []
    for line in lines:
        head = P.VISA_LIST_HEAD_RE.match(line.text)
        if not head or head.end() == len(line.text):
            out.append(line)
            continue
        item = line.text[head.end():]
        at = head.end() + len(item) - len(item.lstrip())
        out.append(TextLine(line.start, line.start + len(line.text[:head.end()].rstrip()),
                            line.text[:head.end()].rstrip(), line.page, False))
        out.append(TextLine(line.start + at, line.end, line.text[at:], line.page, line.full))
    return out


def _cut_run_on(lines: list[TextLine]) -> list[Visa]:
    """The visas of a paragraph that opens on "Vu": one, or one per "Vu" run on inside it
    ("Vu le Code … ; Vu la loi n° 2015-991 du 7 août" + "2015 ; Vu la délibération …")."""
    out: list[Visa] = []
    for line in lines:
        bounds = [0] + [m.end() for m in P.VISA_RUN_ON_RE.finditer(line.text)] + [len(line.text)]
        for k, (a, b) in enumerate(zip(bounds, bounds[1:])):
            piece = line.text[a:b].strip()
            if not piece:
                continue
            if out and k == 0:
                out[-1].lines.append(piece)
            else:
                out.append(Visa(line.start + a, line.page, [piece]))
    return out


def _list_items(lines: list[TextLine], i: int) -> tuple[list[Visa], int]:
    """The visas listed under "Vu :" (``lines[i]``), one per item, and the index of the line
    after the list. Items are bulleted ("- le Code …,") or, printed without bullets, open on
    a determiner after an item that ended ("le Code …," + "la loi …,"); then the first must
    name a text of a known kind (not "Vu :" + "Le Préfet," of a stamp)."""
    items: list[Visa] = []
    if i + 1 >= len(lines):
        return items, i + 1
    bulleted = bool(P.BULLET_RE.match(lines[i + 1].text))
    if not bulleted and parse_visa(lines[i + 1].text).kind == "other":
        return items, i + 1
    j = i + 1
    while j < len(lines):
        line = lines[j]
        if P.VISA_START_RE.match(line.text) or P.AFTER_VISAS_RE.match(line.text):
            break
        bullet = P.BULLET_RE.match(line.text)
        if bulleted:
            new = bool(bullet)
        else:
            new = bool(P.LIST_ITEM_RE.match(line.text)) and (not items or re.search(r"[,;]$", lines[j - 1].text))
        if new:
            text = line.text[bullet.end():].lstrip() if bullet else line.text
            items.append(Visa(line.start + len(line.text) - len(text), line.page, [text]))
        elif not items or len(items[-1].lines) >= MAX_VISA_LINES \
                or not _continues(lines[j - 1], line, False)[0]:
            break
        else:
            items[-1].lines.append(line.text)
        j += 1
    return items, j


def find_visas(lines: list[TextLine]) -> list[Visa]:
    """The visas among ``lines``: each from a line starting "Vu …" to where it ends, or each
    item of a list under "Vu :"."""
    visas: list[Visa] = []
    lines = _split_list_heads(lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        if P.VISA_LIST_HEAD_RE.match(line.text):
            items, after = _list_items(lines, i)
            if items:
                visas += items
                i = after
                continue
        if not P.VISA_START_RE.match(line.text):
            i += 1
            continue
        in_list = False
        j = i
        while j + 1 < len(lines) and j + 1 - i < MAX_VISA_LINES:
            more, in_list = _continues(lines[j], lines[j + 1], in_list)
            if not more:
                break
            j += 1
        visas += _cut_run_on(lines[i:j + 1])
        i = j + 1
    return visas


# ---------------------------------------------------------------------------
# Reading one visa
# ---------------------------------------------------------------------------


def normalise_article(ref: str) -> str:
    """ "L. 2121-29" → "L.2121-29", "L 2121-33" → "L.2121-33", "L2122- 1- 4" →
    "L.2122-1-4", "R. 2122-8" → "R.2122-8", "15" → "15", "1609 nonies C" kept."""
    m = re.match(r"(?P<prefix>(?:L\.?\s?O|LO|[LRDA]))?\s?\.?\s?(?P<num>\d.*)$", ref.strip())
    if not m:
        return ref.strip()
    num = re.sub(r"\s*[-‑]\s*", "-", m.group("num"))
    num = " ".join(num.split())
    prefix = (m.group("prefix") or "").replace(".", "").replace(" ", "")
    return f"{prefix}.{num}" if prefix else num


def _articles(refs: str) -> list[str]:
    """The articles of a list, without their paragraphs ("L. 2121-29 alinéa 1er" → "L.2121-29").

    After an article of a code, a number without its letter is that code's article printed
    short: "L2224-7 à 12-5" is L.2224-7 to L.2224-12-5 (the rank within the same chapter,
    the code's numbering: chapter "2224", then the article's rank), "L.2121-29 et 2121-30"
    is L.2121-30 (the letter left out); a short number without a hyphen ("L.2122-22 et
    23") cannot be completed surely and is left out."""
    refs = P.ARTICLE_TAIL_RE.sub(" ", refs)
    out: list[str] = []
    for m in P.ARTICLE_REF_RE.finditer(refs):
        ref = normalise_article(m.group(0))
        prev = re.match(r"(?P<prefix>LO|[LRDA])\.(?P<head>\d+)-", out[-1]) if out else None
        if prev and ref[0].isdigit():
            first = ref.split("-")[0]
            if "-" not in ref:
                continue
            ref = f"{prev['prefix']}.{ref}" if len(first) >= len(prev["head"]) else \
                f"{prev['prefix']}.{prev['head']}-{ref}"
        out.append(ref)
    return out


def _quote_span(text: str, start: int) -> tuple[int, int] | None:
    """The first «…» after ``start`` (nested guillemets kept inside)."""
    open_at = text.find("«", start)
    if open_at < 0:
        return None
    depth = 0
    for k in range(open_at, len(text)):
        if text[k] == "«":
            depth += 1
        elif text[k] == "»":
            depth -= 1
            if depth == 0:
                return open_at, k + 1
    return None


def _strip_end(text: str) -> str:
    text = re.sub(r"\s*,?\s*ci[-\s]?(?:annex|joint)[ée]e?s?\s*$", "", text.strip(), flags=re.I)
    text = text.strip(" \t;,:")
    if text.endswith(".") and not re.search(r"\b[A-Z]\.$", text):
        text = text[:-1]  # not the dot of "S.E.E.D.R."
    return text.strip(" \t;,:")


def _before_trailing_date(text: str, start: int, stop: int) -> int:
    """Where a title ends when the text's date follows it ("la Loi Relative à la Solidarité au
    Renouvellement Urbain (SRU) du 13 décembre 2000": the date is the loi's, not the title's)."""
    for d in find_dates(text[start:stop]):
        before = text[start:start + d.start]
        m = re.search(r"(?<!compter)(?<!partir)\s+(?:du|en\s+date\s+du)\s*$", before)
        if m and not text[start + d.end:stop].strip(" ,;."):
            return start + m.start()
    return stop


def _dated_before(text: str, start: int, stop: int) -> bool:
    """Whether the text cited prints its own date before its title: then a date at the end of
    the title is the title's ("le décret n° 88-145 du 15 février 1988 modifié, pris pour
    l'application de l'article 136 de la loi du 26 janvier 1984")."""
    return any(d.start >= start for d in find_dates(text[:stop]))


def _outside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= a or start >= b for a, b in spans)


#: What may stand between a noun and its author: an adjective ("favorable",
#: "préfectoral"), a number ("n° 2019-09-390"), a date ("du 28 mai 2021", "en date du 38
#: juin 2020" even when misread).
_QUALIFIER_RE = re.compile(
    r"""\s*(?:,\s*)?(?:
        (?:favorables?|d[ée]favorables?|pr[ée]fectora(?:le?|ux)|municipa(?:l|le|ux)|minist[ée]riel(?:le)?
          |conforme|simple|motiv[ée]e?|modifi[ée]e?s?|susvis[ée]e?s?|organique|cadre|interminist[ée]riel)\b
      | """ + P.NUMBER + r"""
      | (?:en\s+date\s+)?du\s+\d{1,2}(?:er)?[\s/.-]+(?:\w+)[\s/.-]+\d{2,4}
      | en\s+date\s+(?:du\s+)?\d{1,2}(?:er)?[\s/.-]+(?:\w+)[\s/.-]+\d{2,4}
    )""",
    re.X,
)


def _skip_qualifiers(text: str, pos: int) -> int:
    """Position after the adjectives, number and date that follow the noun."""
    for _ in range(5):
        m = _QUALIFIER_RE.match(text, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    return pos


def _issuer_at(text: str, pos: int) -> str | None:
    m = P.ISSUER_RE.match(text, pos)
    if not m:
        return None
    return _issuer_name(m.group("issuer"))


def _after_author(text: str, pos: int) -> int:
    """Position after the qualifiers of a noun, its author and the qualifiers after that:
    where the number of "la décision du Maire n° 2024-12 du 3 février 2024" or of "la
    circulaire IOCB1015077C" may end."""
    pos = _skip_qualifiers(text, pos)
    bare = P.BARE_NUMBER_RE.match(text, pos)
    if bare:
        pos = _skip_qualifiers(text, bare.end())
    m = P.ISSUER_RE.match(text, pos)
    name = _issuer_name(m.group("issuer")) if m else None
    if m and name:
        at = text.find(name, m.start("issuer"))
        if at >= 0:
            pos = _skip_qualifiers(text, at + len(name))
    return pos


def _issuer_name(raw: str, words: re.Pattern[str] = P.BODY_WORD_RE) -> str | None:
    quote = _quote_span(raw, 0)
    end_m = None
    for m in P.ISSUER_END_RE.finditer(raw):
        if quote and quote[0] <= m.start() < quote[1]:
            continue  # "« Solidarités et insertion »": inside the commission's name
        end_m = m
        break
    name = raw[:end_m.start()] if end_m else raw
    title_at = P.TITLE_START_RE.search(name)
    if title_at:
        name = name[:title_at.start()]  # "bureau du SDIS" of "… du SDIS constatant la …"
    name = re.sub(r"^(?:Monsieur|Madame|M\.|Mme)\s+(?:le|la|l['’])\s*", "", name.strip())
    name = _strip_end(name)
    if not name or not (P.BODY_WORD_RE.match(name) or words.match(name)):
        return None
    return name


def parse_visa(text: str) -> Reference:
    """What a visa (collapsed text, "Vu" included) cites.

    >>> r = parse_visa("Vu la Loi n°2014-856 du 31 juillet 2014 relative à l'Economie Sociale "
    ...                "et Solidaire, et notamment son article 15 ;")
    >>> (r.kind, r.number, r.date.isoformat(), r.articles, r.title, r.eli)
    ('loi', '2014-856', '2014-07-31', ['15'], "relative à l'Economie Sociale et Solidaire", '/eli/loi/2014/7/31/2014-856/jo/texte')
    """
    ref = Reference()
    head = P.HEAD_RE.match(text)
    pos = head.end() if head else len(re.match(r"^\W*(?:V[uU]\s*[:,]?\s*)?", text).group(0))
    articles: list[str] = []
    lead = P.LEADING_ARTICLES_RE.match(text, pos)
    if lead:
        # "l'article L.1612-1 du Code …": the articles first, then the text they belong to
        articles += _articles(lead.group("refs"))
        pos = lead.end()
    noun_start, noun_end = pos, pos
    acronym = None
    for kind, pattern in P.KIND_WORDS:
        m = pattern.match(text, pos)
        if m:
            ref.kind, noun_end = kind, m.end()
            acronym = m.groupdict().get("acronym")
            break
    act_noun = None
    if ref.kind == "other":
        # "la décision du Maire n° 2024-12": an act with a number and an author, as an arrêté
        act_noun = P.OTHER_ACT_RE.match(text, pos)
        if act_noun:
            noun_end = act_noun.end()
    excluded: list[tuple[int, int]] = []  # title and quote: not the visa's own number/date/articles
    quote = _quote_span(text, noun_end)
    if ref.kind in NAMED_KINDS:
        end = P.NAME_END_RE.search(text, noun_end)
        stop = end.start() if end else len(text)
        if ref.kind == "code":
            # a code's name has no comma and no title of its own ("… relatif aux opérations")
            for pattern in (re.compile(r","), P.TITLE_START_RE, P.CODE_NAME_END_RE):
                m2 = pattern.search(text, noun_end, stop)
                if m2:
                    stop = m2.start()
        ref.title = _strip_end(text[noun_start:stop]) or None
        if ref.kind == "code" and ref.title:
            # "code général des collectivités territoriales (CGCT)": the name, not its acronym
            ref.title = re.sub(r"\s*\((?-i:[A-Z]{2,8})\)$", "", ref.title) or ref.title
        if acronym:
            ref.title = acronym.rstrip(".")  # "du CGCT", "du C.G.C.T.": the code as printed
        if ref.kind != "code" and quote and noun_end <= quote[0] < stop:
            # "le règlement d'intervention « Biodiversité et trames vertes et bleues »": the quoted title
            ref.title = " ".join(text[quote[0] + 1:quote[1] - 1].split()) or ref.title
        excluded.append((noun_start, stop))
    else:
        title_at = P.TITLE_START_RE.search(text, noun_end)
        if title_at and quote and quote[0] < title_at.start():
            title_at = None  # the quoted title comes first
        if quote:
            excluded.append(quote)
            if ref.kind not in ("rapport", "avis", "other") and title_at is None:
                ref.title = " ".join(text[quote[0] + 1:quote[1] - 1].split()) or None
        if title_at:
            notamment = P.NOTAMMENT_RE.search(text, title_at.start())
            stop = notamment.start() if notamment else len(text)
            after = P.TITLE_STOP_RE.search(text, title_at.start(), stop)
            stop = after.start() if after else stop
            if ref.kind in ELI_KINDS and not _dated_before(text, noun_end, title_at.start()):
                stop = _before_trailing_date(text, title_at.start(), stop)
            excluded.append((title_at.start(), stop))
            if ref.kind not in ("rapport", "avis", "other") and ref.title is None:
                ref.title = _strip_end(text[title_at.start():stop]) or None
        elif ref.kind == "loi" and ref.title is None and not P.NUMBER_RE.search(text, noun_end, noun_end + 12):
            # "la Loi Climat et Résilience du 17 décembre 2021": the loi by its name
            name = P.LOI_NAME_RE.match(text, noun_end)
            if name:
                ref.title = _strip_end(name.group("name")) or None
                excluded.append((name.start("name"), name.end("name")))
        elif ref.kind == "other" and P.NAMED_OTHER_RE.match(text, noun_start):
            # "les statuts de la Communauté de Communes …": their name is their title
            end = P.NAMED_OTHER_END_RE.search(text, noun_start)
            stop = end.start() if end else len(text)
            ref.title = _strip_end(text[noun_start:stop]) or None
            excluded.append((noun_start, stop))
    head_end = min([a for a, _ in excluded if a >= noun_end] + [len(text)])
    if act_noun:
        # "la décision du Maire n° 2024-12": after the noun or its author, not "… la parcelle AB n° 123"
        head_end = min(head_end, _after_author(text, noun_end))
    elif ref.kind == "other":
        # not "… de la parcelle E n°1094" further on
        head_end = min(head_end, _skip_adjectives(text, noun_end) + 6)
    if ref.kind != "code":
        num = P.NUMBER_RE.search(text, noun_end, head_end)
        if num:
            ref.number = P.SPACED_HYPHEN_RE.sub("-", num.group("num").rstrip(".,"))
            excluded.append((num.start(), num.end()))
        else:
            bare = P.BARE_NUMBER_RE.match(text, _skip_adjectives(text, noun_end))
            if bare and bare.end() <= head_end:
                ref.number = bare.group("num")
                excluded.append((bare.start(), bare.end()))
    if ref.kind != "code":
        for d in find_dates(text):
            if d.start >= noun_end and _outside(excluded, d.start, d.end):
                ref.date = d.date
                break
    for m in P.ARTICLES_RE.finditer(text):
        if _outside(excluded, m.start(), m.end()) and not (lead and m.start() < lead.end()):
            articles += _articles(m.group("refs"))
    ref.articles = list(dict.fromkeys(articles))
    if ref.kind in ISSUER_KINDS or act_noun:
        ref.issuer = _issuer_at(text, _skip_qualifiers(text, noun_end))
    elif ref.kind == "schema":
        adopted = P.ADOPTED_BY_RE.search(text, noun_end)
        if adopted:
            ref.issuer = _issuer_name(adopted.group("issuer"))
    elif ref.kind == "other":
        by = P.REQUESTED_BY_RE.match(text, noun_start)
        if by:
            ref.issuer = _issuer_name(by.group("issuer"), P.REQUESTER_WORD_RE)
    if ref.issuer is None and ref.kind in ("arrete", "other"):
        adjective = P.ISSUER_ADJECTIVE_RE.match(text, noun_end)
        if adjective:
            ref.issuer = P.ISSUER_OF_ADJECTIVE[adjective.group("adj")[:2].lower()]
    if ref.issuer and ref.issuer.lower() in P.OFFICE_ISSUERS:
        ref.issuer = ref.issuer[0].upper() + ref.issuer[1:]
    if ref.kind in ELI_KINDS and ref.number and ref.date and re.fullmatch(r"\d{2,4}-\d+", ref.number):
        d = ref.date
        ref.eli = f"/eli/{ref.kind}/{d.year}/{d.month}/{d.day}/{ref.number}/jo/texte"
    return ref


_ADJECTIVES_RE = re.compile(r"\s*(?:organique|pr[ée]fectoral|municipal|modifi[ée]e?)?\s*")


def _skip_adjectives(text: str, pos: int) -> int:
    """Position after an adjective of the noun: "la loi organique 2001-692"."""
    m = _ADJECTIVES_RE.match(text, pos)
    return m.end() if m else pos


# ---------------------------------------------------------------------------
# The extractor
# ---------------------------------------------------------------------------


#: The last acts' own lines: the visas and the articles of an act both read them. Keyed by the
#: document object (held in the value, so its id is not reused while the entry lives) and the
#: act's sections.
_OWN_LINES: dict[tuple, tuple[object, list[TextLine]]] = {}  # type: ignore[type-arg]


def own_lines(act: Act) -> list[TextLine]:
    """Body lines of the act's own sections (no annex, no session-wide preamble)."""
    key = (id(act.doc), tuple((s.span.start, s.span.end, s.kind, s.shared) for s in act.sections))
    if key not in _OWN_LINES:
        if len(_OWN_LINES) >= 8:
            _OWN_LINES.clear()
        _OWN_LINES[key] = (act.doc, _own_lines(act))
    return list(_OWN_LINES[key][1])


def _own_lines(act: Act) -> list[TextLine]:
    seen: set[int] = set()
    out: list[TextLine] = []
    for section in sorted(act.sections, key=lambda s: s.span.start):
        if section.kind is SectionKind.ANNEX or section.shared:
            continue
        for line in body_lines(act.doc, section.span):
            if line.start not in seen:
                seen.add(line.start)
                out.append(line)
    return out


def cut_at_sentence_end(text: str) -> str:
    """A visa is one sentence: what follows a period inside it is the next paragraph's
    ("… égale à 50 mètres. Preuilly sur Claise est concerné …")."""
    for m in P.SENTENCE_END_RE.finditer(text):
        word = re.search(r"([\w°]+)$", text[:m.start()])
        if word and word.group(1).lower() in ABBREVIATIONS:
            continue
        return text[:m.start() + 1]
    return text


def _repair_ocr_visas(act: Act, visas: list[Visa], texts: list[str]) -> list[str]:
    """Undo OCR slips in the visas of scanned pages: the thin space French typography puts
    before a final ";" that OCR drops ("… 18, 20 et 29;" for "… 29 ;", put back when most
    visas of the act print it), a garbled ordinal ("1°'° commission"), "£" for "€"."""
    ends = [re.search(r"(\s?)[;:]$", t) for t in texts]
    spaced = sum(1 for e in ends if e and e.group(1)) > sum(1 for e in ends if e and not e.group(1))
    out = []
    for visa, text in zip(visas, texts):
        if act.doc.page(visa.page).source is TextSource.OCR:
            if spaced:
                text = re.sub(r"(?<=\S)([;:])$", r" \1", text)
            text = repair_ocr(restore_ordinals(text, act.doc.text))
        out.append(text)
    return out


#: An ordinal whose superscript OCR misread: "1°'° commission" for "1ère commission".
_GARBLED_ORDINAL_RE = re.compile(r"\b(?P<n>\d{1,2})[°º][^\s\w]{0,3}\s+(?P<word>[A-Za-zÀ-ÿ]{3,})")


def restore_ordinals(text: str, vocabulary: str) -> str:
    """Put back an ordinal OCR garbled ("1°'° commission") when the document prints the
    same ordinal before the same word elsewhere ("La 1ère Commission - Attractivité …")."""

    def fix(m: re.Match[str]) -> str:
        found = re.search(rf"\b{m.group('n')}(?P<suffix>[èe]re|re|[èe]me|e|er)\s+{re.escape(m.group('word'))}\b",
                          vocabulary, re.I)
        return f"{m.group('n')}{found.group('suffix')} {m.group('word')}" if found else m.group(0)

    return _GARBLED_ORDINAL_RE.sub(fix, text)


@extractor("legal_references", feeds=("legal_references",))
def legal_references(act: Act, found: Found, issues: IssueLog) -> list[LegalReferenceRow]:
    """One :class:`LegalReferenceRow` per visa of ``act``, in order."""
    rows = []
    vocabulary = act.doc.text
    visas = find_visas(own_lines(act))
    texts = _repair_ocr_visas(act, visas, [cut_at_sentence_end(join_lines(v.lines, vocabulary)) for v in visas])
    for position, (visa, text) in enumerate(zip(visas, texts), start=1):
        ref = parse_visa(text)
        rows.append(LegalReferenceRow(
            act_id=act.act_id, doc_id=act.doc.doc_id, position=position, kind=ref.kind,
            number=ref.number, date=ref.date, articles=ref.articles, title=ref.title,
            issuer=ref.issuer, eli=ref.eli, text=text, page=visa.page,
        ))
    return rows
