"""Cues of coverage: the wordings that show an act *should* have rows in a table.

``delib eval OUT --coverage`` (:mod:`pipeline.evaluate.coverage`) looks for these in the
text of each act and lists the acts that show a cue but got no row. A cue only points
where to look, so the vocabulary is broad (recall first) — but not silly: each family
below is a wording that, in a deliberation, nearly always means a record of its table.

This vocabulary is written apart from the extractors' (``extractors/*/patterns.py``) on
purpose: the evaluation never imports an extractor (``tests/test_architecture.py``), and a
cue that shared the reader's pattern could never catch the reader's blind spot.

Families, one named group each, so that a miss says which wording it saw:

* attendance — "Présents : M. …", "Étaient présents :", "Assistaient :", "Absents excusés :",
  "Pouvoirs : X à Y", "Mme X donne procuration à M. Y", "pouvoir donné à MME …";
* votes — "à l'unanimité", "Pour : 23", "POUR 21", "11 voix pour", "25 pour, 3 contre",
  "adopté", "rejeté", "à la majorité", "Vote : …", "Vote FAVORABLE";
* legal_references — "Vu le Code général …", "VU la délibération …", "… ; vu la loi …";
* articles — "Article 1er :", "ARTICLE PREMIER", "Article unique", "Art. 1 –";
* amounts — "5 800,00 €", "341,16 €uros", "57 000 euros", "2 M€", "7,8 millions d'euros";
* grants — "subvention", "participation", "fonds de concours", "aide financière" with an
  amount near it;
* budget_lines — a table with a money column: three lines or more whose cells (the
  layout's tabs) hold amounts ("D 6257\\t-7 300,00 €");
* acts — a line that looks like the start of an act: "- 2010/67 – Indemnité …",
  "Délibération n° 2021-045 :", "N° DBC 2021-082 - …", "DÉLIBÉRATION DU BUREAU N° B2024-046",
  "Bureau communautaire du 2 mai 2024 — Délibération B2024-046", "3 - Subvention …",
  "Objet : …".

Blind spots, known and left (a cue must stay a cue): a tally with quoted labels
("« Pour » : 16"); a currency written before the number ("€ 1 000"); a table printed
without column gaps (no tab in the line); a grant with no word of awarding near it ("la
subvention 2024 du club : 500 €"); an item heading without a number ("SUBVENTIONS
ASSOCIATIVES" alone in capitals); a decision in words the vote and decision families do
not know.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# ---------------------------------------------------------------------------
# Attendance lists
# ---------------------------------------------------------------------------

#: What follows a list label: names or the end of the line, never a count ("Présents : 17"
#: is the header's count, not a list).
_LIST_FOLLOWS = r"""[ \t]*(?: :[ \t]*(?=$|[^\W\d]) | $
                    | [ \t]+(?=(?:M\.|MM\.?|Mmes?|MMES|Madame|Monsieur|Messieurs|Mesdames)(?!\w)) )"""

ATTENDANCE_RE = re.compile(
    rf"""
    (?P<present_label>                                   # "Présents : M. Georges LECLEVE, Maire"
        ^[^\w\n]{{0,3}}(?:(?:[ée]taient|sont|membres?|conseillers?)\s+)?pr[ée]sent(?:e?s)?
        {_LIST_FOLLOWS}                                  # "Étaient présents :", "Membres présents :"
    )                                                    # "Étaient présents MM. X, Y" (civility follows)
  | (?P<were_present>                                    # "À cette date étaient présents ou représentés
        \b[ée]taient\s+pr[ée]sent(?:e?s)?\b              #  les conseillers …" (mid-sentence)
    )
  | (?P<assisted> \bassistaient\b )                      # "Assistaient :", "Assistaient à la séance :"
  | (?P<absent_label>                                    # "Absents excusés :", "Excusés : M. X",
        ^[^\w\n]{{0,3}}(?:(?:[ée]taient|membres?)\s+)?   # "Etaient absents excusés :", "Absente :"
        (?:absent(?:e?s)?(?:\s+excus[ée]e?s?|\s+repr[ée]sent[ée]e?s?)?|excus[ée]e?s?)
        [ \t]*:[ \t]*(?=$|[^\W\d])
    )
  | (?P<proxy_label>                                     # "Pouvoirs : X à Y", "Procurations :"
        ^[^\w\n]{{0,3}}(?:pouvoirs?|procurations?)[ \t]*:[ \t]*(?=$|[^\W\d])   # (not "Procuration : 2")
    )
  | (?P<proxy>
        \bdonn[ée]e?\s+(?:son\s+)?(?:pouvoir|procuration)\s+[àa]\s+          # "X donne pouvoir à Y",
        (?!(?:monsieur\s+|madame\s+)?l[ea]\s+(?:maire|pr[ée]sidente?)\b)      # "a donné procuration à";
                                                         # not "donne pouvoir à M. le Maire de signer"
      | \b(?:pouvoir|procuration)\s+donn[ée]e?\s+[àa]\s  # "pouvoir donné à MME Annie BARDOUL"
      | [(:]\s*(?:pouvoir|procuration)\s+[àa]\s+(?-i:[A-ZÀ-Ý])   # "(procuration à Paul LE BIHAN)",
                                                         # "W.AUGUSTE : procuration à C.FOROT"
    )
    """,
    re.I | re.X | re.M,
)

# ---------------------------------------------------------------------------
# Votes
# ---------------------------------------------------------------------------

VOTES_RE = re.compile(
    r"""
    (?P<unanimity> unanimit[ée] | \bunanimement\b )      # "à l'unanimité", "A L'UNANIMITE des votants", "unanimement"
  | (?P<tally>
        \b(?:pour|contre|abstentions?)\s*:\s*\d          # "Pour : 23", "CONTRE :0", "Abstentions : 4"
      | (?-i:\bPOUR\s*\d{1,3}\b)                         # "POUR 21 / CONTRE 0" (capitals only: "pour 2021")
      | \b\d{1,3}\s+(?:voix\s+)?pour\b(?=\s*(?:[,;/–—-]|et\b|$))   # "25 pour, 3 contre", "11 voix POUR"
      | \b\d{1,3}\s+(?:voix\s+)?contre\b                 # "3 contre", "2 voix contre"
      | \b\d{1,3}\s+abstentions?\b                       # "2 abstentions"
      | \bvoix\s+pour\b                                  # "onze voix pour" (numbers in words)
    )
  | (?P<outcome>
        \badopt(?:e|é|ée|és|ées|ent)\b                   # "adopté à la majorité", "ADOPTE", "adoptent à l'unanimité"
        (?!\s+(?:le|en|lors)\s)                          # not a text adopted elsewhere ("la loi … adoptée le 22 août 2021")
      | \brejet(?:é|ée|és|ées|te|tent)\b                 # "la proposition est rejetée", "rejette"
      | \bapprouv[ée]e?s?\s+par\s+\d                     # "approuvé par 2 voix contre"
    )
  | (?P<majority> [àa]\s+la\s+majorit[ée]\b              # "décide à la majorité des suffrages exprimés"
        (?!\s+(?:absolue|relative)\b) )                 # not the rule of an election ("au scrutin secret et à la majorité absolue")
  | (?P<vote_line> \bvote\s*:\s*\S | \bvote\s+(?:favorable|d[ée]favorable)\b )
                                                         # "Vote : 14 pour", "Vote FAVORABLE à l'unanimité"
    """,
    re.I | re.X | re.M,
)

#: A decision is taken: a vote cue, or the deliberation formula "après en avoir délibéré"
#: (also "après avoir entendu son rapporteur en son exposé et délibéré"). Used to tell an
#: item that decides from a heading of a list or an information.
DECISION_RE = re.compile(
    r"""apr[èe]s\s+(?:en\s+)?avoir\s+(?:[^.]{0,80}?\bet\s+)?d[ée]lib[ée]r[ée]   # après en avoir délibéré
      | \bd[ée]lib[ée]ration\s+prise\b                   # "Délibération prise en ce sens"
    """,
    re.I | re.X,
)


def decides(text: str) -> bool:
    """True when ``text`` shows a decision: a vote or the deliberation formula."""
    return bool(VOTES_RE.search(text) or DECISION_RE.search(text))


# ---------------------------------------------------------------------------
# Visas, articles
# ---------------------------------------------------------------------------

#: What follows "Vu" in a visa: an article or determiner ("Vu le", "Vu l'avis", "VU les
#: statuts", "Vu sa délibération", "Vu ledit") or a capital ("Vu Code …", "VU LE CODE").
_DET = r"""(?:l[ea]\b|les\b|l['’]|un\b|une\b|ses?\b|sa\b|son\b|leurs?\b|notre\b|nos\b|ledit|ladite|lesdit
          |(?-i:[A-ZÀ-Ý]))"""

VISAS_RE = re.compile(
    r"""
    (?P<vu>                                              # "Vu le Code général des collectivités territoriales,"
        ^[^\w\n]{0,3}(?-i:Vu|VU)\b[ \t]*[,:]?[ \t]*     # "VU la délibération n° 2014/33", "- Vu l'avis"
        (?=_DET_)                                        # a determiner or a name follows (not "Vu avec l'association")
    )                                                    # (capital V: "vu" at a line start is a wrapped sentence)
  | (?P<bullet_vu> ^[ \t]*[-–•·][ \t]*vu[ \t]+(?=_DET_) )          # "- vu la loi …"
  | (?P<inline_vu> [;,][ \t]*(?-i:Vu|VU)[ \t]+(?=_DET_) )          # "… 2121-29 ; Vu la loi …"
    """.replace("_DET_", _DET),
    re.I | re.X | re.M,
)

ARTICLES_RE = re.compile(
    r"""
    (?P<article_one>
        ^[^\w\n]{0,3}(?:article|art\.)[ \t]*             # "Article 1er :", "ARTICLE 1 -", "Art. 1 –"
        (?:1\s?(?:er|°)?|l\s?er|premier|unique)          # "ARTICLE PREMIER", "Article unique", OCR "Article ler"
        (?![\w.,]\d|\w)                                  # not "Article 1.2", "Article 12"
        (?!\s+(?:de|du|des|alin[ée]a)\b)                 # not "Article 1 de la loi …" (a reference)
    )
    """,
    re.I | re.X | re.M,
)

# ---------------------------------------------------------------------------
# Money
# ---------------------------------------------------------------------------

#: A number as printed in money: "1 234 567", "1.234", "1234", with cents ",50".
_NUMBER = r"(?<![\d,.])[-+]?(?:\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?:,\d{1,2})?"

AMOUNT_RE = re.compile(
    rf"""
    (?P<euros>
        {_NUMBER}[ \t\u00a0\u202f]*(?:€\s?uros|€|euros?\b|EUR\b)   # "5 800,00 €", "341,16 €uros", "57 000 euros"
    )
  | (?P<scaled>                                          # "2 M€", "400 k€", "7,8 millions d'euros"
        (?<![\d,.])\d+(?:,\d+)?[ \t\u00a0\u202f]*(?:M€|k€|millions?\s+d['’]\s*euros|milliards?\s+d['’]\s*euros)
    )
    """,
    re.I | re.X,
)

#: A table cell that is only an amount: "-7 300,00 €", "1 672,24 €", "12 500,00", "5 000 €",
#: "72 769,89 € HT". A bare small integer ("617", "2015") or a rate ("0,24") is not money.
MONEY_CELL_RE = re.compile(
    r"""^[(\s]*[-+]?\s*(?:
        \d{1,3}(?:[ \u00a0\u202f.]\d{3})*(?:,\d{1,2})?\s*(?:€\s?uros|€|euros?|EUR)   # "-7 300,00 €", "5 000 €", "500 euros"
      | (?:\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d{3,}),\d{2}                     # "12 500,00", "341,16" (not "0,24")
      | \d{1,3}(?:[ \u00a0\u202f]\d{3})+                                          # "150 000" (thousands)
    )\s*(?:HT|H\.T\.|TTC)?[)\s.]*$""",
    re.I | re.X,
)

GRANT_WORD_RE = re.compile(
    r"""
    (?P<subvention> \bsubventions?\b )                   # "une subvention de 5 800,00 € à l'USC"
  | (?P<participation> \bparticipations?\b             # "une participation de 57 000 € à l'association APES"
        (?!\s+(?:des|aux)\s+(?:familles|parents|usagers|[ée]l[èe]ves|b[ée]n[ée]ficiaires|participants|frais)\b)
        (?!\s+au\s+vote\b) )                           # not a fee ("participation des familles : 3,50 €")
  | (?P<fonds_de_concours> \bfonds\s+de\s+concours\b )   # "un fonds de concours de 12 000 € à la commune de …"
  | (?P<aide> \baides?\s+(?:financi[èe]res?|exceptionnelles?|[ée]conomiques?)\b )
                                                         # "une aide financière de 500 €", "accorde une aide
                                                         #  économique aux viticulteurs … comme suit"
    """,
    re.I | re.X,
)

#: A grant is given (near the grant word): a verb of awarding, or a beneficiary after it.
GRANT_AWARD_RE = re.compile(
    r"""\b(?:attribu|accord|octroi|allou|allocation|vers[eé]|vote|verse)\w*   # "d'attribuer", "accorde", "l'octroi d'une
                                                         #  subvention", "alloue", "de verser", "vote les subventions"
      | \ben\s+faveur\s+d | \bau\s+profit\s+d              # "en faveur de l'association", "au profit du CCAS"
      | \b(?:re[çc]oive|b[ée]n[ée]ficiaires?)\b             # "que le club … reçoive une subvention", "bénéficiaire"
      | \b(?:à|aux?)\s+(?:l['’]\s*)?(?:associations?|club|comit[ée]|amicale|coop[ée]rative|CCAS|commune)\b
                                                         # "une subvention de 5 000 € à l'association Passerelles"
    """,
    re.I | re.X,
)

#: The authority asks for a grant or receives one: not a grant it awards. Looked for just
#: before or after the grant word.
GRANT_RECEIVED_RE = re.compile(
    r"""\b(?:solliciter|sollicite|sollicit[ée]e?|demander|demande\s+(?:de|d['’]une)|obtenir|percevoir)\b[^.]{0,40}$
                                                         # "de solliciter une subvention", "demande de subvention"
      | ^\W*(?:re[çc]ues?|per[çc]ues?|notifi[ée]es?|escompt[ée]es?|auprès\b)   # "subventions reçues", "… auprès du Conseil Général"
    """,
    re.I | re.X,
)

#: How far around a grant word an amount and an award are looked for (characters): "d'accorder
#: une subvention d'un montant de 5 800,00 € à l'USC", "5 000 € de subvention".
GRANT_WINDOW_BEFORE, GRANT_WINDOW_AFTER = 120, 200

# ---------------------------------------------------------------------------
# Act starts
# ---------------------------------------------------------------------------

HEADING_RE = re.compile(
    r"""^[^\w\n]{0,3}(?:
        (?P<extract>                                     # "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL"
            extrait\s+(?:du\s+)?(?:registre|proc[èe]s[-\s]verbal)\s+des\s+d[ée]lib[ée]rations )
      | (?P<deliberation>                                # "Délibération n° 2021-045 :", "DELIBERATION D2018-67",
            (?-i:D)[ée]lib[ée]ration\s+(?:n[°o]\s*)?(?-i:[A-Z]{0,5})[\s_-]?\d{1,4}(?:\s?[-_/.]\s?\d{1,4})*(?![\w/])
            (?!\s+(?:du|en\s+date)\b) )                  # "Délibération 2024-24 : …" (not "… n° 12 du 3 mai",
                                                         #  nor a wrapped "délibération du 4 novembre 1998")
      | (?P<deliberation_of>                             # "DÉLIBÉRATION DU BUREAU N° B2024-046",
            (?-i:D)[ée]lib[ée]ration\s+(?:du|de\s+la|de\s+l['’])\s*[^\n\d]{3,40}?\s+n[°o]\s*[A-Z_-]{0,5}\s*\d )
                                                         # "Délibération du Conseil municipal n° 2021-12"
      | (?P<session_deliberation>                        # "Bureau communautaire du 2 mai 2024 — Délibération B2024-046"
            [^\n]{0,60}?\s[—–-]\s*(?-i:D)[ée]lib[ée]ration\s+(?:n[°o]\s*)?(?-i:[A-Z]{0,5})[\s_-]?
            \d{2,4}\s?[-_/.]\s?\d{1,4}\s*$ )
      | (?P<number>                                      # "N° 2020-12 – Objet", "DE- 2015/28 – Informations …",
            (?:n[°o]|(?-i:DE|DCM|DEL|DL|DB|DBC|CM|CC))\s*[-_]?\s*[A-Z]{0,4}\s*\d{2,4}\s?[-_/.]\s?\d{1,4}
            \s*[-–—:.]\s*\S )                            # "N° DBC 2021-082 - Stratégies …", "DCM-2020-014 : …"
      | (?P<bare_number>                                 # "- 2010/67 – Indemnité de gardiennage …",
            (?:19|20)\d\d\s?[-_/.]\s?\d{1,4}                # "2020-038 - SUBVENTION EXCEPTIONNELLE",
            (?:\s*[-–—:]\s+\S | \s+(?-i:[A-ZÀ-Ý]{2})) )     # "2020-038 SUBVENTION …" (capitals, no dash)
      | (?P<point> point\s+(?:n[°o]\s*)?\d{1,2}\b\s*[-–—:.] )  # "Point n°2 : Tarifs de la cantine"
      | (?P<item> \d{1,2}\s*(?:[.)]|[-–—])\s*(?-i:[A-ZÀ-Ý]) )  # "3 - Subvention à …", "4. CIMETIERE", "2) Tarifs"
      | (?P<objet> objet\s*:\s*\S )                      # "Objet : Subvention à l'association …"
    )""",
    re.I | re.X,
)


# ---------------------------------------------------------------------------
# Finding cues
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """A cue found in a text: its family (the named group) and its offsets in that text."""

    family: str
    start: int
    end: int


def first(pattern: re.Pattern[str], text: str) -> Cue | None:
    """The first match of a cue pattern in ``text``, with the family that matched."""
    m = pattern.search(text)
    return Cue(m.lastgroup or "cue", m.start(), m.end()) if m else None


def _is_cell(line: str, start: int, end: int) -> bool:
    """The amount at ``start:end`` of ``line`` fills a whole tab-separated cell."""
    if "\t" not in line:
        return False
    left = line.rfind("\t", 0, start) + 1
    right = line.find("\t", end)
    right = len(line) if right < 0 else right
    return bool(MONEY_CELL_RE.match(line[left:right]))


def amount_in_prose(text: str) -> Cue | None:
    """The first money amount of ``text`` that stands in running text, not alone in a
    table cell ("une subvention de 5 800,00 €" counts, "D 6257\\t-7 300,00 €" does not)."""
    for m in AMOUNT_RE.finditer(text):
        ls = text.rfind("\n", 0, m.start()) + 1
        le = text.find("\n", m.end())
        le = len(text) if le < 0 else le
        if not _is_cell(text[ls:le], m.start() - ls, m.end() - ls):
            return Cue(m.lastgroup or "euros", m.start(), m.end())
    return None


def grant_with_amount(text: str) -> Cue | None:
    """The first grant word of ``text`` with a money amount and an award near it ("d'accorder
    une subvention d'un montant de 5 800,00 € à l'USC", "un fonds de concours de 12 000 € à
    la commune"), not one the authority asks for or receives ("de solliciter une subvention
    auprès du Conseil Général", "l'amortissement des subventions reçues")."""
    for m in GRANT_WORD_RE.finditer(text):
        before = text[max(0, m.start() - GRANT_WINDOW_BEFORE):m.start()]
        after = text[m.end():m.end() + GRANT_WINDOW_AFTER]
        if GRANT_RECEIVED_RE.search(before[-60:]) or GRANT_RECEIVED_RE.match(after[:40]):
            continue
        window = before + m.group(0) + after
        if (AMOUNT_RE.search(window) or _has_money_cell(window)) and GRANT_AWARD_RE.search(window):
            return Cue(m.lastgroup or "grant", m.start(), m.end())
    return None


def _has_money_cell(text: str) -> bool:
    return any(MONEY_CELL_RE.match(cell) for line in text.split("\n") if "\t" in line
               for cell in line.split("\t"))


#: A table: at least this many lines with a money cell, with at most this many other lines
#: between two of them (a label wrapped over two lines, a section row "FONCTIONNEMENT").
TABLE_MIN_ROWS, TABLE_MAX_GAP = 3, 2


def money_table(text: str) -> Cue | None:
    """The first table of ``text`` with a money column: ``TABLE_MIN_ROWS`` lines or more
    whose tab-separated cells hold an amount, close together::

        D 6257\\t-7 300,00 €
        D 7391\\t-76,00 €
        Total section de fonctionnement\\t-64 012,00 €\\t-64 012,00 €
    """
    run_start = run_rows = 0
    gap = TABLE_MAX_GAP + 1
    pos = 0
    for line in text.split("\n"):
        money = "\t" in line and any(MONEY_CELL_RE.match(c) for c in line.split("\t"))
        if money:
            if gap > TABLE_MAX_GAP:
                run_start, run_rows = pos, 0
            run_rows += 1
            gap = 0
            if run_rows >= TABLE_MIN_ROWS:
                return Cue("money_column", run_start, pos + len(line))
        elif line.strip():
            gap += 1
        pos += len(line) + 1
    return None


@dataclass(frozen=True)
class Heading:
    """A line that looks like the start of an act, with its offsets in the text searched."""

    family: str
    start: int
    end: int
    text: str


def headings(text: str) -> Iterator[Heading]:
    """Every line of ``text`` that looks like the start of an act."""
    pos = 0
    for line in text.replace("\f", "\n").split("\n"):
        stripped = line.strip()
        if stripped:
            m = HEADING_RE.match(stripped)
            if m:
                lead = len(line) - len(line.lstrip())
                yield Heading(m.lastgroup or "heading", pos + lead, pos + len(line.rstrip()), stripped)
        pos += len(line) + 1


# ---------------------------------------------------------------------------
# Delegation reports
# ---------------------------------------------------------------------------

#: The heading of an item that reports the decisions taken under the council's delegation
#: ("Exercice des pouvoirs délégués au Président et au bureau – Compte-rendu", "Compte rendu
#: des décisions prises par délégation", "Décisions du Maire (article L.2122-22)"): the
#: numbered decisions it lists are its text, so their headings and awards are no cues.
#: Written here, apart from the segmenter's vocabulary, so that the two are two readings.
DELEGATION_REPORT_RE = re.compile(
    r"""pouvoirs\s+d[ée]l[ée]gu|attributions\s+d[ée]l[ée]gu
      | compte[\s-]+rendu\s+(?:de\s+l['’]\s*exercice\s+)?des\s+(?:d[ée]cisions|d[ée]l[ée]gations|pouvoirs)
      | d[ée]cisions?\s+(?:du\s+(?:maire|pr[ée]sident)\s+)?(?:prises?|sign[ée]es?)\s+(?:en\s+vertu|par\s+d[ée]l[ée]gation|dans\s+le\s+cadre)
      | (?:exercice|usage)\s+des\s+d[ée]l[ée]gations""",
    re.I | re.X,
)


def reports_delegated_decisions(heading: str) -> bool:
    """The first line of an act is the heading of a delegation report."""
    return bool(DELEGATION_REPORT_RE.search(heading.split("\n", 1)[0]))
