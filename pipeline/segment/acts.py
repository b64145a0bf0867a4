"""Stage 2: a Document → its acts (one per deliberation) → each act's sections.

Two shapes of file exist, and the first page says which:

* **an act** ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS", "DÉLIBÉRATION DE LA COMMISSION
  PERMANENTE"), possibly followed by annexes (programme, convention with its own
  "Article 1…", the president's report), or a *recueil* of such acts, each starting with
  the same kind of header at the top of a page;
* **minutes** ("PROCÈS-VERBAL", "COMPTE RENDU DU CONSEIL MUNICIPAL"): a session
  preamble (date, attendance) shared by every item, then items. How items are found is
  the job of :mod:`pipeline.segment.minutes` ("2020-038 SUBVENTION …", "Délibération D2018-67",
  "N° DBC 2021-082 - …", "IV.	PERSONNEL", "3 - Délégation …", "1.	APPROBATION …").

Inside an act, sections are found from line-start markers (``SECTION_MARKERS``) in the
order of the text; the pages after the act's closing (its signature, or in minutes its
last vote) are annexes, each titled by its first lines ("CONVENTION", "RAPPORT DU
PRÉSIDENT", "PROCÈS-VERBAL DE LA DÉSIGNATION…").
"""

from __future__ import annotations

import hashlib
import re

from pipeline.segment.minutes import (
    AGENDA_RE,
    CLOSING_RE,
    DECISION_RE,
    Line,
    foreign_ocr_pages,
    lines_of,
    minutes_acts,
)
from pipeline.model import Act, Document, Section, SectionKind, Span
from pipeline.segment.recueils import find_openings

__all__ = [
    "DECISION_RE", "act_id_for", "find_act_spans", "find_sections", "is_minutes", "segment_document",
]

# ---------------------------------------------------------------------------
# Vocabulary (French administrative usage)
# ---------------------------------------------------------------------------

#: Minutes of a whole meeting rather than the extract of one act.
MINUTES_RE = re.compile(
    r"""proc[eè]s[\s-]*verbal                       # PROCÈS-VERBAL, PROCES VERBAL
      | compte[\s-]*rendu\s+(?:de\s+la\s+s[ée]ance|du\s+conseil|de\s+la\s+r[ée]union|sommaire)
                                                    # COMPTE RENDU DU CONSEIL MUNICIPAL DU …
      | r[ée]union\s+du\s+conseil\s+municipal\s+du  # Réunion du conseil municipal du 4 juin""",
    re.I | re.X,
)

#: The title of a whole meeting at the top of its first page, as small communes type it:
#: "Conseil municipal du vendredi 24 juillet 2015 à 18h00", "Séance du conseil communautaire
#: du 3 mars", "Réunion ordinaire du conseil syndical du 12/05/2022"; or "Compte rendu" on a
#: line of its own. It presents minutes only where no act header ("Extrait du registre…",
#: "Délibération n°…") stands beside it: an extract names its session too.
SESSION_TITLE_RE = re.compile(
    r"""^\W{0,2}(?:(?:(?:s[ée]ance|r[ée]union)\s+(?:ordinaire\s+|publique\s+|extraordinaire\s+)?du\s+)?
          conseil\s+(?:municipal|communautaire|syndical|de\s+communaut[ée])\s+
          (?:du|en\s+date\s+du)\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\d)
      | compte[\s-]*rendu(?:\s+(?:de\s+s[ée]ance|sommaire|succinct|analytique))?\s*:?\s*$)""",
    re.I | re.X | re.M,
)

#: The header of one act, at the top of its first page.
ACT_HEADER_RE = re.compile(
    r"""^(?:
        (?i:extrait\s+d[ue]s?\s+(?:registre|proc[eè]s|d[ée]lib[ée]rations))
                                                        # EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS, Extrait des délibérations de …
      | (?i:registre\s+des\s+d[ée]lib[ée]rations)       # Registre des délibérations
      | D[ÉE]LIB[ÉE]RATION\s+(?:DE\s+LA|DU|DES|N[°O])    # DÉLIBÉRATION DE LA COMMISSION PERMANENTE (capitals)
      | D(?i:[ée]lib[ée]ration\s+n[°o])                  # Délibération n° 2023-12 (not "… par" / "délibération n°2015/63 du …")
    )""",
    re.X | re.M,
)

#: Markers that open a section, tried on each line start; the first that matches wins.
SECTION_MARKERS: tuple[tuple[SectionKind, re.Pattern[str]], ...] = (
    (SectionKind.ATTENDANCE, re.compile(
        r"""^\W{0,2}(?:
             [ÉE]taient\s+pr[ée]sents?                  # Étaient présents :
           | pr[ée]sents?\s*(?::|\(|$) | pr[ée]sent(?:e|s|es)?\s*:   # Présents : …
           | absents?\b | excus[ée]s?\b                  # Absents : / Excusés :
           | pouvoirs?\s*: | procurations?\s*:           # Pouvoirs : X à Y
           | assistai(?:en)?t\s                          # Assistaient : (staff)
           | secr[ée]taire\s+de\s+s[ée]ance              # Secrétaire de séance : …
           | nombre\s+de\s+(?:conseillers|membres|d[ée]l[ée]gu[ée]s)   # Nombre de conseillers en exercice
           | (?:conseillers|d[ée]l[ée]gu[ée]s|membres)\s+en\s+exercice # Délégués en exercice : 34
        )""", re.I | re.X)),
    (SectionKind.VISAS, re.compile(r"^\W{0,2}vu\b", re.I)),  # "Vu le code…", "VU sa délibération…"
    (SectionKind.CONSIDERANTS, re.compile(
        r"""^\W{0,2}(?:consid[ée]rant          # Considérant que …
           | expos[ée]\s*: | EXPOSE\b          # EXPOSE : (L'Arbresle)
           | rapport\s+de\s                    # Rapport de M. le Président
           | sur\s+(?:le\s+)?rapport\s+d[eu]\s   # Sur le rapport de … ("Rapporteur : M. X" is a header line)
           | (?:monsieur|madame|m\.|mme)\s[^\n]{0,60}?\b(?:rapporte|expose)\s*(?::|$|que\b)
                                               # Monsieur EL KANDOUSSI rapporte :, M. le Maire expose que …
           | entendu\s+l['’]expos[ée])         # Entendu l'exposé de …""", re.I | re.X)),
    (SectionKind.DECISION, re.compile(
        r"""^\W{0,2}(?:D[ÉE]CIDE(?:NT)?\b | D[ÉE]LIB[ÈE]RE\b   # DÉCIDE : / DÉLIBÈRE
           | DECISION\s*: | ARR[ÊE]TE\s*:                      # DECISION : (L'Arbresle), ARRÊTE :
           | .{0,120}apr[èe]s\s+(?:en\s+)?avoir\s+d[ée]lib[ée]r[ée]   # Le Conseil, après en avoir délibéré
           | .{0,120}apr[èe]s\s+(?:en\s+)?avoir\s*$           # "… après en avoir" / "délibéré" on the next line
           | l[ea]\s+(?:conseil|bureau)(?:\s+[\w-]+){0,3},?\s+    # minutes: "Le Conseil municipal décide de créer le poste"
             (?:d[ée]cide|approuve|adopte|fixe|admet|autorise|accepte|attribue|d[ée]nomme|valide
               |prend\s+acte|donne\s+acte)\b                     # "Le Conseil municipal prend acte du rapport"
           | l[ea]\s+(?:conseil|bureau)(?:\s+[\w-]+){0,3}\s*:\s*$   # "Le Conseil communautaire :" over its "- prend acte …"
           | il\s+est\s+(?:donc\s+)?propos[ée]\s+au\s+(?:conseil|bureau)[^\n:]{0,40}:\s*$)
                                                       # minutes: "Il est proposé au conseil municipal :" over the
                                                       # dispositif put to the vote ("DE VERSER …", then "ADOPTÉ")
        """, re.I | re.X)),
    (SectionKind.ARTICLES, re.compile(r"^\W{0,2}(?:article|art\.)\s*(?:1\s*(?:er)?\b|premier\b|1\b)", re.I)),
    (SectionKind.VOTE, re.compile(
        r"""^\W{0,2}(?:pour\s*: | contre\s*: | abstentions?\s*:      # Pour : 41 voix
           | (?-i:POUR)\s+\d{1,3}\s*$                                  # POUR	21 (a tally table; not a title's
                                                                      # second line "pour 2021")
           | par\s+\d+\s+voix                                         # Par 13 voix POUR	1 ABSTENTION
           | dans\s+les\s+conditions\s+de\s+vote
           | adopt[ée]e?\s+(?:[àa]\s|par\s+\d)                        # ADOPTÉ À L'UNANIMITÉ, Adopté par 30 voix
           | vote\s*: | \(adopt | le\s+conseil\s+adopte | r[ée]sultat\s+du\s+(?:vote|scrutin)
           | le\s+vote\s+a\s+(?:lieu|donn[ée]) | ont\s+vot[ée]\s                # Le vote a lieu par appel nominal
           | il\s+est\s+proc[ée]d[ée]\s+(?:au|[àa])\s+(?:un\s+)?(?:vote|scrutin)
           | [àa]\s+la\s+demande\s+d[eu'’]\S*\s[^.]{0,80}?(?:scrutin|vote|appel\s+nominal)   # À la demande du Groupe …, scrutin public
           | approuv[ée]e?s?\s+(?:par|[àa])\s                         # Approuvé par 2 ABSTENTIONS …, Approuvé à l'unanimité
           | \d+\s+(?:voix\s+)?(?:pour|contre|abstentions?)\b(?=.*\b(?:pour|contre|abstentions?)\b)
                                                                      # 0 contre, 0 abstention, 13 pour
           | (?:le\s+projet\s+de\s+d[ée]lib[ée]ration|la\s+proposition),?\s+mise?\s+aux\s+voix
                                                                      # Le projet de délibération, mis aux voix, recueille …
           | (?:la\s+d[ée]lib[ée]ration|le\s+projet(?:\s+de\s+d[ée]lib[ée]ration)?|la\s+proposition)\s+est\s+
             (?:adopt|rejet|approuv)                                  # La délibération est adoptée.
           | accept[ée]e?\s+[àa]\s                                    # Accepté à l'unanimité.
           | accord\s+du\s+conseil                                    # Accord du conseil à l'unanimité.
           | le\s+conseil\s+municipal,?\s+[àa]\s+l['’]\s*unanimit     # LE CONSEIL MUNICIPAL, A L'UNANIMITE, ACCEPTE
           | le\s+conseil\s+municipal,?\s+[àa]\s+l['’]\s*exception    # … A L'EXCEPTION DE … QUI VOTENT CONTRE
           | (?:toutes\s+les\s+)?d[ée]lib[ée]rations?\s+(?:correspondantes\s+)?(?:sont\s+)?prises?\s+en\s+ce\s+sens
        )""", re.I | re.X)),
    (SectionKind.SIGNATURE, re.compile(
        r"""^\W{0,2}(?:fait\s+(?:à|a|et\s+d[ée]lib[ée]r[ée])   # Fait à Arras, le … / Fait et délibéré
           | pour\s+extrait | ont\s+sign[ée]                   # Pour extrait conforme
           | l[ea]\s+pr[ée]sidente?\s+du\s+conseil
           | l[ea]\s+(?:maire|pr[ée]sidente?)\s*,?\s*$          # Le Maire,
           | (?-i:[A-ZÀ-Ý][A-ZÀ-Ý' -]+,\s+le\s+\d)            # ARRAS, le 20 mars 2023 (capitals: not "L'an …, le 28")
           | acte\s+rendu\s+ex[ée]cutoire | transmis\s+au\s+contr[ôo]le
           | certifi[ée]\s+ex[ée]cutoire
           | d[ée]lib[ée]r[ée]\s+en\s+s[ée]ance                   # Délibéré en séance les jour, mois et an susdits
           | ainsi\s+fait\s+et\s+d[ée]lib[ée]r[ée]                # Ainsi fait et délibéré
           | sign[ée]\s+[ée]lectroniquement | date\s+de\s+signature)  # Signé électroniquement par : …""", re.I | re.X)),
)

#: The deciding sentence of minutes, whose "délibéré" may come a line later than its start:
#: "Le Conseil municipal, après avoir pris connaissance de la proposition de la commission" /
#: "MAPA et délibéré, décide à l'unanimité des membres présents :", "Le Conseil Municipal,
#: après avoir entendu son rapport en son exposé et délibéré, décide …", "Le Bureau, après
#: avoir pris connaissance du dossier et en avoir délibéré, …". Tried on a line joined to the
#: next one; no full stop, colon or "Vu" in between ("Le Conseil, après avoir entendu
#: l'exposé, / Vu le code …" opens no decision: its visas follow).
DECISION_SENTENCE_RE = re.compile(
    r"""^\W{0,2}l[ea]\s+(?:conseil|bureau|comit[ée]|commission\s+permanente|assembl[ée]e)\b[^,.;:\n]{0,40},?\s*
        apr[èe]s\s+(?:en\s+)?avoir\s+(?:(?!\bvu\b)[^.;:]){0,200}?\bd[ée]lib[ée]r[ée]""",
    re.I | re.X,
)

#: Order of the sections in an act; visas and considérants may alternate.
_RANK: dict[SectionKind, int] = {
    SectionKind.HEADER: 0, SectionKind.ATTENDANCE: 1, SectionKind.VISAS: 2,
    SectionKind.CONSIDERANTS: 2, SectionKind.DECISION: 3, SectionKind.ARTICLES: 4,
    SectionKind.VOTE: 5, SectionKind.SIGNATURE: 6, SectionKind.ANNEX: 7,
}

#: What an annex page calls itself on its first lines.
ANNEX_LABEL_RE = re.compile(
    r"""^\W{0,2}(?P<label>
        annexe | convention | rapport | programme | avenant | r[èe]glement   # ANNEXE 1, CONVENTION DE PARTENARIAT
      | budget | tableau | plan | cahier                                     # Tableau des effectifs
      | proc[èe]s[\s-]*verbal                                                # PROCÈS-VERBAL DE LA DÉSIGNATION…
    )""",
    re.I | re.X,
)


def act_id_for(doc_id: str, act_index: int) -> str:
    """Stable act id: same file bytes and same position, same id."""
    return hashlib.sha256(f"{doc_id}:{act_index}".encode()).hexdigest()[:24]


# ---------------------------------------------------------------------------
# Acts
# ---------------------------------------------------------------------------


def is_minutes(doc: Document) -> bool:
    """True when the first page presents the file as the minutes of a whole meeting."""
    first = doc.text[doc.pages[0].start:doc.pages[0].end] if doc.pages else doc.text
    head = "\n".join(first.split("\n")[:25])
    if MINUTES_RE.search(head):
        return True
    return bool(SESSION_TITLE_RE.search(head)) and not ACT_HEADER_RE.search(head)


def _header_kind(text: str) -> str:
    """The formula of an act header, to tell a recueil's next act from an annexed copy."""
    return re.sub(r"[^a-z]", "", text.lower())[:18]


def _act_header_starts(doc: Document) -> list[int]:
    """Offsets of act headers standing in the first lines of a page, in the first header's wording.

    A recueil repeats its first act's header formula ("EXTRAIT DU REGISTRE DES
    DÉLIBÉRATIONS") at the top of each act; a header in another wording on an annex page
    (a copy of an earlier deliberation quoted in a convention) is not a new act.
    """
    starts: list[int] = []
    kind: str | None = None
    for p in doc.pages:
        lines = [ln for ln in lines_of(doc, Span(p.start, p.end)) if not doc.in_furniture(ln.start)][:12]
        for ln in lines:
            m = ACT_HEADER_RE.match(ln.text)
            if not m:
                continue
            k = _header_kind(ln.text)
            if kind is None:
                kind = k
            elif k != kind:
                break
            starts.append(p.start if p is doc.pages[0] else lines[0].start)
            break
    return starts


def find_act_spans(doc: Document) -> tuple[list[Span], Span | None]:
    """Spans of the acts of ``doc`` and, for minutes, the shared session preamble."""
    if not doc.text.strip():
        return [], None
    minutes = is_minutes(doc)
    openings = [] if minutes else find_openings(doc)
    # a file of extracts: each act under its numbered heading (recueils, extracts one after the other);
    # a recueil's arrêtés end the act before them and are not acts of the council
    recueil = len(openings) >= 2 and any(o.deliberation for o in openings)
    headers = [o.start for o in openings] if recueil else _act_header_starts(doc)
    decrees = {o.start for o in openings if not o.deliberation} if recueil else set()
    if minutes or not headers:
        spans, preamble = minutes_acts(doc, unnumbered=minutes)
        if spans:
            return spans, preamble
        if not headers:
            # One act without a recognisable header: keep it if it decides something.
            return ([Span(0, len(doc.text))] if DECISION_RE.search(doc.text) else []), None
    if headers[0] != 0:
        headers = [0] + headers if DECISION_RE.search(doc.text[: headers[0]]) else headers
    bounds = headers + [len(doc.text)]
    spans = [Span(bounds[k], bounds[k + 1]) for k in range(len(headers))]
    # a part that decides nothing (a copy of a header in annexes) is not an act of its own
    kept: list[Span] = []
    for s in spans:
        if s.start in decrees:
            continue
        if DECISION_RE.search(doc.text[s.start:s.end]) or not kept or kept[-1].end != s.start:
            kept.append(s)
        else:
            kept[-1] = Span(kept[-1].start, s.end)
    return kept, None


# ---------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------


#: A line of the act's stamps, which a page of its own may carry after the signature:
#: "Transmis en préfecture le 18 mars 2024", "Reçu en sous-préfecture le", "Date de réception
#: préfecture : 14/03/2024", "Publié le : 15/03/2024", "Affiché le", "Accusé de réception",
#: "Certifié exécutoire", "Date de mise en ligne".
FOOT_STAMP_RE = re.compile(
    r"""^\W{0,2}(?:transmise?|re[çc]ue?|envoy[ée]e?|envoi|d[ée]pos[ée]e?|t[ée]l[ée]transmise?|accus[ée]\s+de\s+r[ée]ception
                 |publi[ée]e?|publication|affich[ée]e?|affichage|mise?\s+en\s+ligne|(?:certifi[ée]e?|rendue?)\s+ex[ée]cutoire
                 |date\s+(?:de\s+|d['’]\s?)(?:r[ée]ception|t[ée]l[ée]transmission|transmission|publication|affichage|mise\s+en\s+ligne))\b""",
    re.I | re.X,
)
#: A page this short after the closing may be the act's foot rather than an annex.
FOOT_PAGE_MAX_LINES = 8


def _foot_page(lines: list[Line]) -> bool:
    """A page after the closing that holds only the act's foot: its stamps (at least one line
    of :data:`FOOT_STAMP_RE`), perhaps after the end of the signature ("Jean DUPONT" / "Transmis
    en préfecture le 15 mars 2024" / "Publié le 16 mars 2024"). Its dates are the act's own; an
    annex page says more."""
    if not lines or len(lines) > FOOT_PAGE_MAX_LINES:
        return False
    stamps = [bool(FOOT_STAMP_RE.match(ln.text)) for ln in lines]
    if not any(stamps):
        return False
    # before the first stamp, a signature's last lines only: short, without figures
    lead = lines[:stamps.index(True)]
    return len(lead) <= 2 and all(len(ln.text.split()) <= 5 and not any(c.isdigit() for c in ln.text) for ln in lead)


def _annex_start(doc: Document, span: Span, closing_at: int | None, foreign: set[int]) -> int | None:
    """Where the annexes of an act begin: the first page after its closing.

    ``foreign`` holds scanned pages inside a typed document (conventions pasted as
    images): they are annexes even without a closing before them.
    """
    for p in doc.pages:
        if p.start <= span.start or p.start >= span.end:
            continue
        if p.page_no in foreign:
            return p.start
        if closing_at is None or p.start <= closing_at:
            continue
        own = [ln for ln in lines_of(doc, Span(p.start, p.end)) if not doc.in_furniture(ln.start)]
        first = own[:1]
        if first and (SECTION_MARKERS[-1][1].match(first[0].text) or SECTION_MARKERS[-2][1].match(first[0].text)):
            continue  # the signature block or the vote runs on (publication lines, "Délibération prise…")
        if _foot_page(own):
            continue
        return p.start
    return None


#: A dispositif printed after its tally ("POUR 20 / CONTRE 0 / ABSTENTION 0 / APPROUVE une
#: subvention exceptionnelle de 80 € …"): a capitalised verb of decision with its object,
#: not a result ("ADOPTE À L'UNANIMITÉ", "APPROUVÉ PAR 20 VOIX").
DECISION_AFTER_TALLY_RE = re.compile(
    r"""^\W{0,2}(?:APP?ROUVE|D[ÉE]CIDE|AUTORISE|ACCEPTE|ATTRIBUE|FIXE|VALIDE|ACCORDE|D[ÉE]SIGNE|CHARGE|DONNE
                 |[ÉE]MET|SOLLICITE|ADOPTE|AUTORISENT|APPROUVENT|D[ÉE]CIDENT)
        \s+(?:(?:de|d['’]|le|la|les|l['’]|un|une|des|au|aux|à\s+(?!l['’]\s*unanimit))(?=\s|[A-Za-zÀ-ÿ])|:)""",
    re.X,
)


def _marks(lines: list[Line]) -> list[tuple[int, SectionKind]]:
    """(offset, kind) of each section opening, kinds in their usual order — but for a
    dispositif printed after its tally (:data:`DECISION_AFTER_TALLY_RE`), which opens the
    decision after the vote."""
    marks: list[tuple[int, SectionKind]] = []
    current: SectionKind | None = None
    rank = 0
    for k, ln in enumerate(lines):
        if current is SectionKind.VOTE and DECISION_AFTER_TALLY_RE.match(ln.text):
            marks.append((ln.start, SectionKind.DECISION))
            current = SectionKind.DECISION
            continue
        for kind, rx in SECTION_MARKERS:
            # the deciding sentence is tried on this line joined to the next, and only when the
            # line came that far without opening a section
            if rx.match(ln.text) or (kind is SectionKind.DECISION and DECISION_SENTENCE_RE.match(
                    f"{ln.text} {lines[k + 1].text}" if k + 1 < len(lines) else ln.text)):
                # Sections come in order: a "Vu" quoted in the articles, or "adopté par
                # délibération" inside a visa, does not open an earlier kind of section.
                if _RANK[kind] < rank:
                    continue
                rank = _RANK[kind]
                if kind is not current:
                    marks.append((ln.start, kind))
                    current = kind
                break
    return marks


def _closing(doc: Document, lines: list[Line], marks: list[tuple[int, SectionKind]], foreign: set[int]) -> int | None:
    """Offset of the line that closes the act's own text: its first signature line, or
    (minutes items have none) its last vote line or "La séance est levée"."""
    sig = [o for o, k in marks if k is SectionKind.SIGNATURE]
    if sig:
        return sig[0]
    ends = [ln.start for ln in lines if doc.page_at(ln.start) not in foreign
            and (SECTION_MARKERS[-2][1].match(ln.text) or CLOSING_RE.match(ln.text))]
    return ends[-1] if ends else None


def find_sections(doc: Document, span: Span) -> list[Section]:
    """Sections of the act covering ``span``, in text order, annexes last."""
    foreign = foreign_ocr_pages(doc)
    lines = [ln for ln in lines_of(doc, span) if not doc.in_furniture(ln.start)]
    own_lines = [ln for ln in lines if doc.page_at(ln.start) not in foreign]
    marks = _marks(own_lines)
    annex_at = _annex_start(doc, span, _closing(doc, own_lines, marks, foreign), foreign)
    end_own = annex_at if annex_at is not None else span.end
    sections: list[Section] = []
    first = marks[0][0] if marks else end_own
    if first > span.start:
        sections.append(Section(SectionKind.HEADER, Span(span.start, min(first, end_own)), doc))
    marks = [(o, k) for o, k in marks if o < end_own]
    for k, (start, kind) in enumerate(marks):
        stop = marks[k + 1][0] if k + 1 < len(marks) else end_own
        if stop > start:
            sections.append(Section(kind, Span(start, stop), doc))
    if annex_at is not None:
        sections.extend(_annexes(doc, Span(annex_at, span.end), foreign))
    return sections


def _annexes(doc: Document, span: Span, foreign: set[int]) -> list[Section]:
    """Split the annex part into one section per annex (a new one where a page is titled)."""
    starts: list[tuple[int, str]] = []
    for p in doc.pages:
        if p.end <= span.start or p.start >= span.end:
            continue
        lines = [ln for ln in lines_of(doc, Span(max(p.start, span.start), p.end))
                 if not doc.in_furniture(ln.start)][:4]
        label = None
        for ln in lines:
            m = ANNEX_LABEL_RE.match(ln.text)
            if m:
                label = re.sub(r"[\s-]+", "-", m.group("label").lower().replace("è", "e"))
                break
        if label or not starts:
            starts.append((max(p.start, span.start), label or "annexe"))
    out = []
    for k, (start, label) in enumerate(starts):
        stop = starts[k + 1][0] if k + 1 < len(starts) else span.end
        out.append(Section(SectionKind.ANNEX, Span(start, stop), doc, label=label))
    return out


def _preamble_sections(doc: Document, preamble: Span) -> list[Section]:
    """Shared header and attendance of minutes; attendance stops at the agenda ("ORDRE DU JOUR")."""
    lines = [ln for ln in lines_of(doc, preamble) if not doc.in_furniture(ln.start)]
    marks = _marks(lines)
    att = next((o for o, k in marks if k is SectionKind.ATTENDANCE), None)
    secs = []
    first = marks[0][0] if marks else preamble.end
    if first > preamble.start:
        secs.append(Section(SectionKind.HEADER, Span(preamble.start, first), doc, shared=True))
    if att is not None:
        stops = [o for o, k in marks if o > att and k is not SectionKind.ATTENDANCE]
        stops += [ln.start for ln in lines if ln.start > att and AGENDA_RE.match(ln.text)]
        secs.append(Section(SectionKind.ATTENDANCE, Span(att, min(stops, default=preamble.end)), doc, shared=True))
    return secs


def segment_document(doc: Document) -> list[Act]:
    """Cut ``doc`` into acts with their sections."""
    spans, preamble = find_act_spans(doc)
    shared = _preamble_sections(doc, preamble) if preamble else []
    acts = []
    for i, span in enumerate(spans):
        own = find_sections(doc, span)
        acts.append(Act(doc=doc, act_index=i, act_id=act_id_for(doc.doc_id, i), span=span,
                        sections=tuple(shared + own), preamble=preamble))
    return acts
