"""The header columns of the ``acts`` table: who deliberates, when, on what, under whom.

An extract of one act prints its header at the top of the first page::

    DEPARTEMENT DU PAS-DE-CALAIS
    DELIBERATION DE LA COMMISSION PERMANENTE DU CONSEIL DEPARTEMENTAL
    REUNION DU 20 MARS 2023
    PRESIDENCE DE MONSIEUR JEAN-CLAUDE LEROY
    Secrétaire : Mme Marie-Line PLOUVIEZ
    …
    ACTEURS POUR UNE ÉCONOMIE SOLIDAIRE - CONTRIBUTION AUX …
    (N°2023-122)

or, for a commune, "COMMUNE DE COGNAC / EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL
MUNICIPAL / Séance du 10 mai 2022 / Nombre de conseillers en exercice : 29 / Présents :
22 / Votants : 25 / Délibération n° DEL-2022-112 / L'an deux mille vingt-deux, le dix mai
… sous la présidence de Mme MONNIER Martine, Maire / … / Objet : Budget principal 2022 -
Décision modificative n°3". Minutes (procès-verbaux) print the meeting facts once in a
preamble ("Séance du jeudi 13 décembre 2018 / L'an deux mil dix-huit … Sous la
Présidence de Monsieur Bertrand GAUTIER, Maire / Conseillers Municipaux en exercice :
23"), then each item with its own number and object ("Délibération D2018-67 / Objet :
…", "2020-038 SUBVENTION EXCEPTIONNELLE …"): the preamble's facts apply to every item.

Transmission and publication are stamped at the top or the foot of the act: "Envoi au
contrôle de légalité le : 19 avril 2023 / Publication électronique le : 19 avril 2023",
"Acte rendu exécutoire après dépôt en Préfecture le 14/05/2022 et publication le
15/05/2022", the @ctes receipt "034-213401722-20140424-0000071251-DE / Envoi Préfecture :
28/04/2014". A prefecture's rubber stamp on a scan ("PRÉFECTURE DE LA CHARENTE / ARRIVÉE
LE 14/05/2022") is not read: it is not part of the act and the same act unstamped says
the same.

The reading of each column lives in a module of its concern — :mod:`.authority` (body and
collectivité), :mod:`.numbers` (number, item heading, title, @ctes identifier), :mod:`.dates`
(session, prefecture, publication), :mod:`.persons` (president, secretary), :mod:`.counts`
(members) — each a reader of plain text; this module finds
the texts to read (the act's own header, the session preamble of minutes, the act's
body and running footers) and puts the values together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from extractors.header.authority import deliberating_bodies, find_authority, find_body
from extractors.header.counts import placed_counts, placed_vote_voting
from extractors.header.dates import find_prefecture_date, find_publication_date, find_session_date
from extractors.header.numbers import (
    find_act_number,
    find_actes_id,
    find_item_heading,
    find_title,
    repair_ocr_title,
    restore_accents,
)
from extractors.header.persons import (CONVENER_RES, PRESIDENT_RES, SECRETARY_RES, find_by_surname, find_person,
                                      find_signatory, in_full, session_chair)
from extractors.header.text import header_end, without_margin_cells
from extractors.item_rank import item_rank
from extractors.registry import ActFields, Found, extractor
from pipeline.errors import IssueLog
from pipeline.model import Act, SectionKind, Span, TextSource


@dataclass(frozen=True)
class HeaderTexts:
    """The parts of a document the header is read from, with their offsets."""

    head: str  # the act's own header: from its start to its first "Vu", considérant or decision
    head_start: int
    body: str  # the act without annexes
    preamble: str  # the session preamble of minutes ("" for an extract)
    furniture: str  # running headers and footers of the act's pages
    whole: str  # the whole document, to find the printed style of the authority's name


def gather_texts(act: Act) -> HeaderTexts:
    """Texts of ``act`` and of its document that the header columns are read from."""
    doc = act.doc
    body_span = act.body_span
    body = doc.text[act.span.start:body_span.end]
    head = body[:header_end(body)]
    shared = [s for s in act.sections if s.shared]
    if shared or (act.span.start > 0 and not _has_own_header(head)):
        # minutes: the meeting facts stand before the first item, on the first pages
        preamble = doc.text[:_preamble_end(act)]
    else:
        preamble = ""
    pages = range(act.page_start, act.page_end + 1)
    furniture = [doc.text[f.start:f.end] for f in doc.furniture if doc.page_at(f.start) in pages]
    # footers that OCR read differently on each page are not found as furniture: the last
    # lines of each page are read too
    for p in doc.pages:
        if p.page_no in pages:
            furniture.extend(doc.text[p.start:p.end].rstrip().split("\n")[-2:])
    return HeaderTexts(head, act.span.start, body, preamble, "\n".join(furniture), doc.text)


#: An item heading that closes the preamble of minutes: "Délibération D2018-66",
#: "2020-038 SUBVENTION …", "N° DBC 2021-082 - …", "Objet : …".
_FIRST_ITEM_RE = re.compile(
    r"""^\W{0,2}(?:d[ée]lib[ée]ration\s+(?:n\s?[°o]\s*)?[A-Z]{0,5}\d|n\s?[°o]\s*[A-Z]{0,5}\s?\d{2,4}[-/_]
        |\d{4}\s?-\s?\d{1,4}\s+(?-i:[A-ZÀ-Ý])|objet\s*:)""",   # "2020-038 SUBVENTION", not "5211-1 du CGCT"
    re.I | re.X | re.M,
)


def _preamble_end(act: Act) -> int:
    """End of the session preamble of minutes: the first item, at most the second page."""
    pages = act.doc.pages
    # the preamble stops where the first item starts, whichever item this act is
    first_item = act.preamble.end if act.preamble is not None else act.span.start
    end = min(first_item, pages[min(1, len(pages) - 1)].end) if pages else first_item
    m = _FIRST_ITEM_RE.search(act.doc.text, 0, end)
    return m.start() if m else end


def _has_own_header(head: str) -> bool:
    return find_session_date(head) is not None


def extract_header(act: Act, notes: dict[str, Any] | None = None,
                   spans: dict[str, tuple[int, int]] | None = None) -> dict[str, Any]:
    """All header columns of ``act`` (None where the document does not say). ``notes``
    receives ``other_meeting``: the act is an item of minutes taken at another meeting;
    ``spans`` where some values were read (document offsets), when the reader knows it."""
    t = gather_texts(act)
    values: dict[str, Any] = {}
    if t.preamble:
        # an item of minutes: its own text names the body only where it deliberates
        own_body = find_body(t.body, deliberating_only=True)
        pre_body = find_body(t.preamble)
        if own_body != pre_body and pre_body in deliberating_bodies(t.body):
            own_body = pre_body  # the council takes note of its bureau's deliberations it reports
    else:
        own_body = find_body(t.head) or find_body(t.body, deliberating_only=True)
        pre_body = None
    body = own_body or pre_body
    # The session facts of the preamble belong to its body: the bureau's deliberations
    # reported in a council's minutes were not taken at that council's meeting.
    inherit = bool(t.preamble) and (own_body is None or pre_body is None or own_body == pre_body)
    # an item of minutes takes the meeting facts of the preamble only (its own text quotes
    # other meetings: "approbation du procès-verbal de la séance du 8 octobre 2018")
    session_sources = ([t.preamble] if inherit else []) if t.preamble else [t.head]

    values["body"] = body
    if notes is not None:  # for later extractors: the preamble's attendance is not this act's
        notes["other_meeting"] = bool(t.preamble) and not inherit
    tops = [t.preamble, t.head] if t.preamble else [t.head]
    values["authority"] = find_authority(tops + [t.body], body, t.whole, running=[t.furniture])
    if values["authority"] is None and act.page_start > 1:
        # a recueil whose acts print no letterhead: the one of its cover or sommaire, the
        # document's first page ("COMMUNAUTÉ DE COMMUNES DU PAYS D'…" over "SOMMAIRE")
        values["authority"] = find_authority([act.doc.page_text(1)], body, t.whole)
    full = line_widths(act, t.head_start, t.head)
    heading = find_item_heading(t.head, t.whole, full) if t.preamble else None
    values["act_number"] = (heading.number if heading else None) or find_act_number(t.head, t.furniture)
    title = (heading.title if heading and heading.title else None) or find_title(t.head, vocabulary=t.whole, full=full)
    if title and act.doc.page(act.page_start).source is TextSource.OCR:
        title = repair_ocr_title(restore_accents(title, t.whole))
    values["title"] = title
    values["session_date"] = _first(find_session_date(s) for s in session_sources)
    signatory = (lambda: find_signatory(_signature_text(act, bool(t.preamble)), _attendance_text(act))
                 if inherit or not t.preamble else None)
    president = _first(find_person(without_margin_cells(s), PRESIDENT_RES) for s in session_sources)
    signed = False
    if president and " " not in president:
        # "sous la présidence de Monsieur ARMAND, Maire": named in full where the minutes are
        # signed ("Le Maire : Yves ARMAND"), else as printed
        full_name = in_full(president, signatory())
        president, signed = (full_name, True) if full_name else (president, False)
    if president is None:
        president, signed = signatory(), True
    values["president"] = president \
        or _first(find_person(without_margin_cells(s), CONVENER_RES) for s in session_sources)
    if inherit and t.preamble:
        # a president of the session chosen for the items while the president is out of the
        # room chairs them (before this item's vote; "reprend la présidence" ends it)
        votes = [s.span.start for s in act.sections if s.kind is SectionKind.VOTE and not s.shared]
        chair = session_chair(act.doc.text, votes[0] if votes else act.span.start, _attendance_text(act))
        if chair:
            values["president"], signed = chair[0], False
            if spans is not None and chair[1]:
                spans["president"] = chair[1]
            elif spans is not None:
                spans.pop("president", None)  # the locator finds it where printed in full
    if signed and president and spans is not None:
        # where it was read: the signature, which for minutes lies past the item's text
        at = _signature_span(act, bool(t.preamble), president)
        if at:
            spans["president"] = at
    # minutes may designate the secretary in an opening chapter that is no act ("I. DESIGNATION
    # D'UN SECRETAIRE DE SEANCE / M. PERRAUD est désigné(e) …"), just after the preamble
    opening = [act.doc.text[len(t.preamble):len(t.preamble) + 3000]] if inherit and t.preamble else []
    secretary = _first(find_person(s, SECRETARY_RES) for s in session_sources + opening)
    if secretary is None or " " not in secretary:  # "M. PERRAUD": the member of the list, when one only
        names = _attendance_text(act)
        secretary = _first(find_by_surname(s, SECRETARY_RES, names) for s in session_sources + opening) or secretary
    values["secretary"] = secretary
    counts, at = placed_counts(t.head)
    base = t.head_start
    if inherit and not any(counts):
        counts, at = placed_counts(t.preamble, item_rank(act))
        base = 0  # the preamble is the document's opening
    values["members_in_office"], values["members_present"], values["members_voting"] = counts
    if spans is not None:
        spans.update({col: (base + s, base + e) for col, (s, e) in at.items()})
    # the act's own vote counts its voters ("M. X ne prend pas part au vote. / Votants : 16 /
    # Pour : 16"), where the header counts the meeting's ("Votants : 18"): read from its
    # decision to the end of its text
    operative = [s.span.start for s in act.sections if not s.shared
                 and s.kind in (SectionKind.DECISION, SectionKind.ARTICLES, SectionKind.VOTE)]
    if operative:
        start = min(operative)
        printed, voting, where = placed_vote_voting(act.doc.text[start:act.body_span.end])
        office = values["members_in_office"]
        if printed and (voting is None or office is None or voting <= office):
            values["members_voting"] = voting
            if spans is not None:
                spans.pop("members_voting", None)
                if voting is not None and where:
                    spans["members_voting"] = (start + where[0], start + where[1])
    values["prefecture_date"] = find_prefecture_date(t.body)
    if values["prefecture_date"] and values["session_date"] and values["prefecture_date"] < values["session_date"]:
        # an act is transmitted after it is taken: a receipt dated before the sitting is another
        # act's, pasted in ("044-214400400-20111108-D2011-130-DE / Date de réception : 21/11/2011"
        # under an item of the 6 December 2011 minutes)
        values["prefecture_date"] = None
    # minutes are displayed once for the meeting ("Date d'affichage 3 avril 2015" in the
    # preamble); an item's "a été publiée … le" is about what it reports on. A posting dated
    # before the sitting is the convocation's ("Date de convocation : 05/03/2024 / Date
    # d'affichage : 05/03/2024" over "Séance du 12 mars 2024"): the act's own comes later
    sitting = values["session_date"]
    values["publication_date"] = (find_publication_date(t.preamble, sitting) if t.preamble else None) \
        or find_publication_date(t.body, sitting)
    actes_id, siren = find_actes_id(t.body)
    values["actes_id"], values["authority_siren"] = actes_id, siren
    return values


def _signature_block(act: Act, minutes: bool) -> tuple[int, str]:
    """Where the president signs, and its document offset: the act's own signature block, or
    for minutes the end of the document ("Le maire,\tLe secrétaire de séance" / "Daniel
    JUGY\tJulien PONS")."""
    doc = act.doc
    if minutes:
        stripped = doc.text.rstrip()
        text = "\n".join(stripped.split("\n")[-15:])
        return len(stripped) - len(text), text
    sig = [s for s in act.sections if s.kind is SectionKind.SIGNATURE and not s.shared]
    if not sig:
        return 0, ""
    return sig[0].span.start, doc.text[sig[0].span.start:act.body_span.end]


def _signature_text(act: Act, minutes: bool) -> str:
    """The text of :func:`_signature_block`."""
    return _signature_block(act, minutes)[1]


def _signature_span(act: Act, minutes: bool, name: str) -> tuple[int, int] | None:
    """Document offsets of ``name`` as printed in the signature block."""
    start, text = _signature_block(act, minutes)
    i = text.rfind(name)
    return (start + i, start + i + len(name)) if i >= 0 and text else None


def _attendance_text(act: Act) -> str:
    """The act's attendance lists (its own or the session's), where the signatory is named."""
    return "\n".join(s.text for s in act.sections if s.kind is SectionKind.ATTENDANCE)


def line_widths(act: Act, start: int, text: str, max_lines: int = 60) -> list[bool | None]:
    """For each of the first lines of ``text`` (at ``start`` in the document), whether it
    runs to the right margin of its page's text column: the text wraps there, a heading
    goes on below. None where the line has no words (or the page none)."""
    doc = act.doc
    out: list[bool | None] = []
    pos = start
    columns: dict[int, tuple[float, float]] = {}
    for line in text.split("\n")[:max_lines]:
        end = pos + len(line)
        words = list(doc.words_in(Span(pos, end)))
        if not words:
            out.append(None)
            pos = end + 1
            continue
        page_no = words[0][0]
        if page_no not in columns:
            page = doc.page(page_no)
            rights = sorted(w.x1 for w in page.words)
            lefts = sorted(w.x0 for w in page.words)
            columns[page_no] = (lefts[int(0.02 * (len(lefts) - 1))], rights[int(0.99 * (len(rights) - 1))])
        left, right_margin = columns[page_no]
        right = max(w.x1 for _, w in words)
        out.append(right >= right_margin - 0.10 * max(right_margin - left, 1.0))
        pos = end + 1
    return out


def _first(values: Any) -> Any:
    for v in values:
        if v is not None:
            return v
    return None


@extractor("header", feeds=("acts",))
def header(act: Act, found: Found, issues: IssueLog) -> list[ActFields]:
    """One :class:`ActFields` with the header columns of ``act``."""
    # an item of minutes taken at another meeting (the bureau's deliberations reported to
    # the council): the session's facts are not its own — a note for later extractors
    spans: dict[str, tuple[int, int]] = {}
    values = extract_header(act, notes=found.state, spans=spans)
    kept = {k: v for k, v in values.items() if v is not None}
    return [ActFields(kept, spans={k: s for k, s in spans.items() if k in kept})]


__all__ = ["HeaderTexts", "extract_header", "gather_texts", "header"]
