"""Where each act of a file of extracts opens: recueils, and extracts printed one after the other.

A file of several extracts (a *recueil des actes*, or the extracts of one meeting put
together) prints, for each act, a heading that carries its number::

    DÉLIBÉRATION DU BUREAU N° DB-2023-035                       (a recueil's heading)
    Bureau communautaire du 2 mai 2024 — Délibération B2024-046 (the number ends the line)
    N° M-2023-134                                               (under "EXTRAIT DU REGISTRE…")
    Délibération n° 24.SP.0576

each act on a new page or after the signature of the one before, often under a box of
stamps ("Envoyé en préfecture le 07/05/2024", "Reçu en préfecture le …", "Publié le …",
"ID : 029-200046159-20240502-B2024_047-DE") and a letterhead that the next pages repeat.
The act's identity is its number: a heading repeated at the top of every page of one act
(a running head "Délibération n° D2022_135  1/2", the letterhead read as page furniture)
names the same act, a heading with another number opens the next. A sommaire ("SOMMAIRE",
"N° | Séance | Objet | Page") lists the numbers without opening anything.

A heading in the middle of a page opens an act only when the act before is closed (its
signature, "Pour extrait conforme", "Délibéré en séance…" stand between): minutes, whose
items follow each other without signatures, are cut elsewhere (:mod:`.minutes`). The act
opens at the first line of its header block — the stamps and letterhead lines just above
its heading — or at the top of its page when the act before ended on an earlier page.

A recueil des actes administratifs prints the executive's arrêtés among the deliberations
("ARRÊTÉ DU MAIRE N° AR-2024-031" … "Le Maire de …," … "ARRÊTE :"): an arrêté's heading ends
the act before it, and opens no deliberation.

Stamps printed between two acts on one page close the act above or head the act below: their
@ctes identifier, else the file's habit, says which (:func:`_settle_stamps`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import Document, Span
from pipeline.segment.minutes import Line, lines_of

# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

#: An act number in any scheme: letters, years, sequence numbers, separated by "-", "/",
#: ".", "_" ("24.SP.0576", "CP-2023-0673", "B2024-046", "DB-2023-035", "DEL2025-17",
#: "M-2023-134", "2014/139", "D.2024.14", "2024-DEL-012", "DBC 2021-082").
ACT_NUMBER = r"""(?:[A-Z]{1,6}[\s_./-]?)?\d{1,4}(?:\s?[-_/.]\s?(?:[A-Z]{1,6}[-_/.])*(?:[A-Z]{1,4})?\d{1,5}){1,3}(?:bis|ter|quater)?"""

#: The heading of one act of a file of extracts, with its number.
OPENING_RES: tuple[re.Pattern[str], ...] = (
    # "DÉLIBÉRATION DU BUREAU N° DB-2023-035", "DELIBERATION DU CONSEIL MUNICIPAL N° 2024-12",
    # "Délibération n° 24.SP.0576", "DÉLIBÉRATION N°2021-045"
    re.compile(rf"""^\W{{0,2}}D(?i:[ée]lib[ée]ration)(?:\s+(?i:du|de\s+la|de\s+l['’]|des)\s+[^\n]{{3,60}}?)?
                    \s+(?i:n\s?[°o]|no\.?|num[ée]ro)\s*(?P<num>{ACT_NUMBER})\s*(?:[:–—-]\s*(?P<title>\S.*))?$""", re.X),
    # "Bureau communautaire du 2 mai 2024 — Délibération B2024-046": the number ends the line
    re.compile(rf"""^.{{0,80}}[–—-]\s*D(?i:[ée]lib[ée]ration)\s+(?:(?i:n\s?[°o])\s*)?(?P<num>{ACT_NUMBER})\s*$""",
               re.X),
    # "N° M-2023-134", "N° DEL-2023-064" alone on its line (under the letterhead)
    re.compile(rf"^\W{{0,2}}(?i:n\s?[°o]|no\.)\s*(?P<num>{ACT_NUMBER})\s*$"),
)

#: "du 3 juin 2019 approuvant…" after a number: a reference in a sentence, not a heading.
_REFERENCE_TAIL_RE = re.compile(r"^\s*du\s+[^\n]{4,25}?\d{4}\s+[a-zà-ÿ]")

#: The title of a sommaire page (its lines list acts, they open none).
SOMMAIRE_RE = re.compile(r"^\W{0,2}(?:sommaire|table\s+des\s+mati[èe]res|liste\s+des\s+(?:d[ée]lib[ée]rations|actes))\b",
                         re.I)

#: A sommaire entry: the page number after a tab ends the line ("B2024-046	02/05/2024	Marché …	3").
_SOMMAIRE_ENTRY_RE = re.compile(r"\t\s*\d{1,3}\s*$")

#: Lines of the header block above an act's heading: stamps of transmission and
#: publication, the @ctes identifier, the letterhead and the session line.
HEADER_BLOCK_RES: tuple[re.Pattern[str], ...] = (
    # "Envoyé en préfecture le 07/05/2024", "Reçu en préfecture le …", "Transmis en préfecture"
    re.compile(r"^\W{0,2}(?:envoy[ée]e?|re[çc]ue?|transmise?|d[ée]pos[ée]e?)\s+(?:en|[àa]\s+la|au)\s+"
               r"(?:pr[ée]fecture|sous-pr[ée]fecture|contr[ôo]le)", re.I),
    # "Publié le 09/05/2024", "Mis en ligne le …", "Affiché le …", "Date de publication : …"
    re.compile(r"^\W{0,2}(?:publi[ée]e?|affich[ée]e?|mise?\s+en\s+ligne)\s+le\b|^\W{0,2}date\s+d[e']\s*"
               r"(?:publication|affichage|r[ée]ception|transmission|mise\s+en\s+ligne)", re.I),
    # "ID : 029-200046159-20240502-B2024_047-DE", "Accusé de réception en préfecture"
    re.compile(r"^\W{0,2}(?:ID\s*:|accus[ée]\s+de\s+r[ée]ception)", re.I),
    # "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS …", "REGISTRE DES DÉLIBÉRATIONS", "RÉPUBLIQUE FRANÇAISE"
    re.compile(r"^\W{0,2}(?:extrait\s+d[ue]s?\s|registre\s+des\s+d[ée]lib|r[ée]publique\s+fran[çc]aise"
               r"|libert[ée]\s*[-–,]?\s*[ée]galit[ée])", re.I),
    # the letterhead: "MÉTROPOLE ROUEN NORMANDIE", "Communauté urbaine d'Arras", "Département du Gers"
    re.compile(r"^\W{0,2}(?:r[ée]gion|d[ée]partement|commune|ville|mairie|m[ée]tropole|communaut[ée]|syndicat"
               r"|conseil\s+(?:r[ée]gional|d[ée]partemental|municipal|communautaire|de\s+la\s+\w+|de\s+communaut[ée]))\b"
               r"[^.;]{0,90}$", re.I),
    # the session: "Séance du lundi 3 avril 2023", "Bureau communautaire du 2 mai 2024", "Réunion du …"
    re.compile(r"^\W{0,2}(?:s[ée]ance|r[ée]union|session|bureau|commission)\b[^.;]{0,60}\b(?:du|le)\s+\w[^.;]{0,40}$",
               re.I),
    # the deliberating body named alone on its line, over the session's date: "COMMISSION
    # PERMANENTE", "Commission permanente du Conseil départemental", "BUREAU COMMUNAUTAIRE",
    # "Comité syndical" (the councils are the letterhead's, above)
    re.compile(r"^\W{0,2}(?:commission\s+permanente|bureau\s+(?:communautaire|municipal|syndical|d[ée]lib[ée]ratif)"
               r"|comit[ée]\s+syndical)(?:\s+(?:du|de\s+la|de\s+l['’])\s*[^.;:\n]{0,60})?\s*$", re.I),
)

#: The lines of that block that are the act's stamps: its transmission, publication and @ctes
#: identifier (the first three of :data:`HEADER_BLOCK_RES`). Between two acts they may close the
#: act above as well as head the act below: see :func:`_settle_stamps`.
_STAMP_RES = HEADER_BLOCK_RES[:3]

#: The closing of an act in a file of extracts: its signature or certification.
CLOSED_RE = re.compile(
    r"""^\W{0,2}(?:pour\s+extrait\s+conforme | pour\s+copie\s+conforme | d[ée]lib[ée]r[ée]\s+en\s+s[ée]ance
      | fait\s+(?:[àa]|et\s+d[ée]lib[ée]r[ée]) | ainsi\s+fait | sign[ée]\s+[ée]lectroniquement
      | l[ea]\s+(?:pr[ée]sidente?|maire)\b[^.]{0,60},?\s*$ | acte\s+certifi[ée] | certifi[ée]\s+ex[ée]cutoire)""",
    re.I | re.X,
)

#: An act heading stands in the first lines of its page (furniture included).
TOP_LINES = 12

#: The heading of an arrêté of the authority's executive, which a recueil des actes
#: administratifs prints among its deliberations: "ARRÊTÉ N° 24-DSOL-0112", "ARRÊTÉ DU MAIRE
#: N° AR-2024-031", "Arrêté du Président du Conseil départemental n° 2024-12", "ARRÊTÉ DE LA
#: PRÉSIDENTE N° …", "ARRÊTÉ MUNICIPAL N° 2024/031". An arrêté is no deliberation: the executive
#: decides it alone. Not the prefect's ("ARRÊTÉ PRÉFECTORAL N° …"), which a deliberation annexes.
ARRETE_HEADING_RE = re.compile(
    rf"""^\W{{0,2}}A(?i:rr[êe]t[ée])
        (?:\s+(?i:du|de\s+la|de\s+l['’])\s*(?i:maire|pr[ée]sident(?:e)?)(?:\s+[^\n]{{0,60}}?)?|\s+(?i:municipal))?
        \s+(?i:n\s?[°o]|no\.?|num[ée]ro)\s*(?P<num>{ACT_NUMBER})\s*(?:[:–—-]\s*\S.*)?$""",
    re.X,
)
#: Its formula: the executive who decrees ("Le Maire de la commune de …,", "La Présidente du
#: Conseil départemental de la Drôme,", "Nous, Maire de …"), then "ARRÊTE" (alone, or ending
#: the executive's line: "Le Maire de …, ARRÊTE :"; "ARRÊTONS" after "Nous, Maire"). A
#: prefect's ("Le Préfet de …") is not the authority's.
_DECREEING_RE = re.compile(r"^\W{0,2}(?:(?:le|la)\s+maire|(?:le|la)\s+pr[ée]sidente?|nous,?\s+(?:le\s+)?maire)\b",
                           re.I)
_DECREES_RE = re.compile(r"(?:^|,\s*)\W{0,2}(?:ARR[ÊE]TE|Arr[êe]te|ARR[ÊE]TONS|Arr[êe]tons)\s*:?\s*$")
#: How many lines after its heading an arrêté's formula may come (its object, visas, considérants).
_DECREE_REACH = 60


@dataclass(frozen=True)
class Opening:
    """A heading that opens an act: where the act starts, its heading line, its number."""

    start: int
    line: int  # offset of the heading line
    number: str
    deliberation: bool = True  # False for an arrêté (:data:`ARRETE_HEADING_RE`): it ends the act before


def number_of_opening(text: str) -> str | None:
    """The act number of a heading line that opens an act of a file of extracts.

    >>> number_of_opening("DÉLIBÉRATION DU BUREAU N° DB-2023-035")
    'DB-2023-035'
    >>> number_of_opening("Bureau communautaire du 2 mai 2024 — Délibération B2024-046")
    'B2024-046'
    """
    for rx in OPENING_RES:
        m = rx.match(text)
        if m and not _REFERENCE_TAIL_RE.match(text[m.end("num"):]):
            num = re.sub(r"\s*([-_/.])\s*", r"\1", m.group("num").strip())
            if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", num):
                return None  # a date
            return num
    return None


def title_of_opening(text: str) -> str | None:
    """What a heading line that opens an act prints after its number, its title or its
    object: "DÉLIBÉRATION N° 2024-015 : TARIFS DE LA RESTAURATION SCOLAIRE" → "TARIFS DE LA
    RESTAURATION SCOLAIRE", "Délibération n°2024-15 – Objet : Tarifs …" → "Objet : Tarifs …".

    >>> title_of_opening("DÉLIBÉRATION N° 2024-015 : TARIFS DE LA RESTAURATION SCOLAIRE")
    'TARIFS DE LA RESTAURATION SCOLAIRE'
    """
    if number_of_opening(text) is None:
        return None
    m = OPENING_RES[0].match(text)
    return m.group("title").strip() if m and m.group("title") else None


def is_header_block(text: str) -> bool:
    """A line of the header block above an act's heading: a stamp, the letterhead, the session."""
    return any(rx.match(text) for rx in HEADER_BLOCK_RES)


def _sommaire_pages(doc: Document) -> set[int]:
    pages = set()
    for p in doc.pages:
        first = lines_of(doc, Span(p.start, p.end))[:6]
        if any(SOMMAIRE_RE.match(ln.text) for ln in first):
            pages.add(p.page_no)
    return pages


def find_openings(doc: Document) -> list[Opening]:
    """The act headings of a file of extracts, one per act, in order (empty for none).

    A heading repeating the number of the act before (its running head) opens nothing; a
    heading below the middle of a page opens an act only after the act before is closed.
    """
    sommaire = _sommaire_pages(doc)
    out: list[Opening] = []
    closed_since = False  # a closing line stands after the last opening
    for p in doc.pages:
        lines = lines_of(doc, Span(p.start, p.end))
        for k, ln in enumerate(lines):
            if CLOSED_RE.match(ln.text):
                closed_since = True
            if p.page_no in sommaire or _SOMMAIRE_ENTRY_RE.search(ln.text):
                continue
            num = number_of_opening(ln.text)
            deliberation = num is not None
            if num is None:
                num = _arrete_number(doc, ln)
            if num is None:
                continue
            if out and out[-1].number == num:
                continue  # the running head of the act, or its number repeated
            top = k < TOP_LINES and all(is_header_block(x.text) or doc.in_furniture(x.start) for x in lines[:k])
            if out and not top and not closed_since:
                continue  # a number quoted in the text of the act before
            start = p.start if not out else _block_start(doc, lines, k, p.start)
            out.append(Opening(start, ln.start, num, deliberation))
            closed_since = False
    return _settle_stamps(doc, out)


def _arrete_number(doc: Document, line: Line) -> str | None:
    """The number of an arrêté's heading (:data:`ARRETE_HEADING_RE`) when its formula follows
    it: the executive, then "ARRÊTE" (:data:`_DECREEING_RE`, :data:`_DECREES_RE`)."""
    m = ARRETE_HEADING_RE.match(line.text)
    if not m or _REFERENCE_TAIL_RE.match(line.text[m.end("num"):]):
        return None
    after = lines_of(doc, Span(line.end, min(len(doc.text), line.end + 8000)))[:_DECREE_REACH]
    executive = False
    for ln in after:
        if number_of_opening(ln.text) or ARRETE_HEADING_RE.match(ln.text):
            return None  # the next act's heading before any formula
        executive = executive or bool(_DECREEING_RE.match(ln.text))
        if executive and _DECREES_RE.search(ln.text):
            return re.sub(r"\s*([-_/.])\s*", r"\1", m.group("num").strip())
    return None


def _is_stamp(text: str) -> bool:
    return any(rx.match(text) for rx in _STAMP_RES)


#: An @ctes identifier ("ID : 029-200046159-20240502-B2024_047-DE"): département, SIREN, date
#: of the act, its number as the software spells it, its kind.
RECEIPT_ID_RE = re.compile(r"\d{3}-\d{9}-\d{8}-(?P<num>\S+?)-(?:DE|AR|AI|CC|BF|AU)\b")


def _figures(number: str) -> str:
    """The figures of an act number, as an @ctes identifier keeps them whatever it does with
    the letters and separators ("B2024_046" for "B2024-046", "D2011-108" for "DE-2011/108")."""
    return re.sub(r"\D", "", number)


def _settle_stamps(doc: Document, out: list[Opening]) -> list[Opening]:
    """Give the stamps printed between two acts on one page to the act they belong to.

    Between the signature of one act and the heading of the next, a run of stamps
    ("Transmis en préfecture le 15 mars 2024 / Publié le 16 mars 2024") either closes the act
    above or heads the act below (a recueil's box "Reçu en préfecture le … / Mis en ligne le … /
    ID : …-B2024_047-DE" over "Délibération B2024-047"). The @ctes identifier of the run names
    its act; without one, the file's habit decides: stamps after its last act's signature and
    none above its first act's heading close each act, so the run goes to the act above.
    """
    own = [o for o in out if o.deliberation]
    if len(out) < 2 or not own:
        return out
    foot, head = _stamps_after_closing(doc, own[-1]), _stamps_above_heading(doc, own[0])
    settled = [out[0]]
    for before, o in zip(out, out[1:]):
        page = doc.pages[doc.page_at(o.start) - 1]
        block = lines_of(doc, Span(o.start, o.line))
        run = []  # the stamps that open the block (a stamp at the foot of a page may read as furniture)
        for ln in block:
            if _is_stamp(ln.text):
                run.append(ln)
            elif not doc.in_furniture(ln.start):
                break
        if o.start == page.start or not run:
            settled.append(o)
            continue
        ids = {_figures(m.group("num")) for ln in block for m in RECEIPT_ID_RE.finditer(ln.text)}
        if _figures(o.number) and _figures(o.number) in ids:
            above = False
        elif _figures(before.number) and _figures(before.number) in ids:
            above = True
        else:
            above = foot and not head
        rest = [ln for ln in lines_of(doc, Span(run[-1].end, o.line + 1)) if not doc.in_furniture(ln.start)]
        settled.append(Opening(rest[0].start, o.line, o.number, o.deliberation) if above and rest else o)
    return settled


def _stamps_after_closing(doc: Document, o: Opening) -> bool:
    """Whether stamps follow the first closing line of the act opened by ``o`` (the last act of
    the file), within the few lines of its signature."""
    lines = lines_of(doc, Span(o.line, len(doc.text)))
    closing = next((i for i, ln in enumerate(lines) if CLOSED_RE.match(ln.text)), None)
    return closing is not None and any(_is_stamp(ln.text) for ln in lines[closing + 1:closing + 9])


def _stamps_above_heading(doc: Document, o: Opening) -> bool:
    """Whether stamps stand in the block above the heading of ``o`` (the first act of the file)."""
    return any(_is_stamp(ln.text) for ln in lines_of(doc, Span(o.start, o.line)))


def _block_start(doc: Document, lines: list[Line], k: int, page_start: int) -> int:
    """Start of the act whose heading is ``lines[k]``: the first line of the header block
    above it, or the top of the page when only header lines stand above."""
    j = k
    while j > 0 and (is_header_block(lines[j - 1].text) or doc.in_furniture(lines[j - 1].start)):
        j -= 1
    return page_start if j == 0 else lines[j].start


__all__ = ["ACT_NUMBER", "ARRETE_HEADING_RE", "CLOSED_RE", "Opening", "find_openings", "is_header_block",
           "number_of_opening", "title_of_opening"]
