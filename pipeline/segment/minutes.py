"""The items of minutes ("procès-verbal", "compte rendu de séance") and which of them are acts.

Minutes number their items in many ways; each is a *heading* here:

* a deliberation number: "Délibération D2018-67", "N° DBC 2021-082 - Stratégies…",
  "2020-038 SUBVENTION EXCEPTIONNELLE…", "2020- 047 REDEVANCE…", "DL-056-07-13 - Création…",
  "2017.05.23 - 1  ADOPTION DU COMPTE RENDU…";
* an agenda number, kept only as a run 1, 2, 3… (nearest predecessor first, so that the
  agenda at the top and lists inside items do not count): "1 - Subvention à…",
  "1.	APPROBATION COMPTE RENDU PRECEDENT", "3. Constitution et reprise…",
  "1 Subventions associatives"; sub-items "6.3 Verger de sauvegarde";
* a roman chapter: "IV.	PERSONNEL" (a chapter that holds numbered items is a boundary).

Not headings: a reference at a line start ("n° DBC 2019-070 du 3 juin 2019 approuvant…",
"R20-53 du Code des Postes…", "R143-1 du code de l'urbanisme"), a line that continues the
sentence of the line before, numbers on scanned annex pages of a typed file, anything
after "La séance est levée". "QUESTIONS DIVERSES" ends the item before it.

An item is an act when it decides ("après en avoir délibéré", "ADOPTÉ À L'UNANIMITÉ",
"POUR 21 / CONTRE 0", "Accord du conseil à l'unanimité", "sont proclamés élus"); the
president's or mayor's decisions ("N° DP 2021-312") are not. An informal item that
records several separate votes ("Approuvé par 2 ABSTENTIONS et 11 voix POUR." once per
budget, "Délibération prise en ce sens." after each) holds one act per vote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.model import Document, Span, TextSource

# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

#: A decision is taken in this text.
DECISION_RE = re.compile(
    r"""apr[èe]s\s+(?:en\s+)?avoir\s+d[ée]lib[ée]r[ée]      # après en avoir délibéré / après avoir délibéré
      | apr[èe]s\s+d[ée]lib[ée]ration                        # après délibération
      | \bD[ÉE]CIDE(?:NT)?\b | \bD[ÉE]LIB[ÈE]RE\b            # DÉCIDE, DÉLIBÈRE (capitals only)
      | \bACCEPTE(?:NT)?\b                                   # ACCEPTE CETTE PROPOSITION (capitals only)
      | \badopt(?:e|é|ée|ent|és)\b                           # adopte, ADOPTÉ À L'UNANIMITÉ
      | \bapprouv(?:e|é|ée|ent|és)\b\s+(?:par|à)             # approuvé par 2 voix CONTRE
      | [àa]\s+l['’\s]*unanimit[ée]                          # à l'unanimité
      | \baccord\s+du\s+conseil                              # Accord du conseil à l'unanimité
      | \bvoix\s+pour\b | \bvote\s*:                         # 11 voix POUR ; Vote : 14 pour / 0 contre
      | \bpour\s*:?\s*\d+\b(?=[\s\S]{0,80}?\bcontre\b[\s\S]{0,80}?\babstentions?\b)
                                                             # POUR 21 / CONTRE 0 / ABSTENTION 0 (full tally)
      | \bd[ée]lib[ée]rations?\s+(?:correspondantes\s+)?(?:sont\s+)?prises?\b   # Délibération prise en ce sens
      | \bproclam[ée]e?s?\s+(?:[ée]lu|maire|adjoint|membres)   # sont proclamés élus ; a été proclamé Maire
      | \bONT\s+[ÉE]T[ÉE]\s+PROCLAM[ÉE]S                     # ONT ETE PROCLAMES membres …
      | \ba\s+obtenu\s+\d+\s+voix                            # La liste A a obtenu 33 voix
      | (?:\b\d+\s+(?:voix\s+)?(?:pour|contre|abstentions?)\b[\s,;/–-]*(?:et\s+)?){2}
                                                             # 0 contre, 0 abstention, 13 pour (a tally in any order)
      | \ble\s+(?:conseil|bureau)(?:\s+(?:municipal|communautaire|syndical|de\s+la\s+m[ée]tropole))?,?\s+
        (?:d[ée]cide|approuve|adopte)\b                      # Le Conseil municipal décide de créer le poste
      | \ble\s+(?:conseil|bureau)(?:\s+(?:municipal|communautaire|syndical|de\s+la\s+m[ée]tropole))?\s*:[ \t]*\n
        \s*[-–•]?\s*(?:d[ée]cide|approuve|adopte|autorise|fixe|valide|accepte|attribue|d[ée]signe|[ée]met)\b
                                                             # Le Conseil municipal : / - APPROUVE le règlement
      | \bd[ée]lib[ée]r[ée]\s*,\s*(?:d[ée]cident|d[ée]cide|adoptent|adopte|approuvent|approuve)\b
                                                             # après avoir entendu son rapporteur … et délibéré, décident
      | apr[èe]s\s+avoir\s+[^.;]{0,200}?\bet\s+d[ée]lib[ée]r[ée]\b  # après avoir pris connaissance du CA … et délibéré,
      | (?<![\w-])\d{3}-\d{9}-[\w.-]{0,40}?-DE(?![\w])     # an @ctes receipt of a deliberation (044-214400400-20140513-D2014-48-DE,
                                                             # or its blank template "044-214400400--DE")""",
    re.I | re.X,
)

#: A line that records the decision itself (stricter than :data:`DECISION_RE`, which also
#: reads "la loi Climat et Résilience, adoptée le 22 août 2021" in an exposé as a decision).
DECISION_LINE_RE = re.compile(
    r"""apr[èe]s\s+(?:en\s+)?avoir\s+d[ée]lib[ée]r | apr[èe]s\s+d[ée]lib[ée]ration
      | (?-i:\bD[ÉE]CIDE(?:NT)?\b) | [àa]\s+l['’\s]*unanimit[ée]
      | \b(?:adopt|approuv)[ée]e?s?\s+(?:[àa]\s|par\s) | \bvote\s*: | \bvoix\s+pour\b
      | (?:\b\d+\s+(?:voix\s+)?(?:pour|contre|abstentions?)\b[\s,;/–-]*(?:et\s+)?){2}""",
    re.I | re.X,
)
# The capitals-only branches above are re-checked without re.I below.
_CAPITALS_ONLY_RE = re.compile(r"\bD[ÉE]CIDE(?:NT)?\b|\bD[ÉE]LIB[ÈE]RE\b|\bACCEPTE(?:NT)?\b")
_CAPITALS_IGNORED_RE = re.compile(r"\b(?:d[ée]cide(?:nt)?|d[ée]lib[èe]re|accepte(?:nt)?)\b", re.I)


def decides(text: str) -> bool:
    """True when ``text`` records a decision ("DÉCIDE" and "ACCEPTE" count in capitals only:
    "il décide de reporter" in a debate does not)."""
    for m in DECISION_RE.finditer(text):
        if _CAPITALS_IGNORED_RE.fullmatch(m.group(0)) and not _CAPITALS_ONLY_RE.fullmatch(m.group(0)):
            continue
        return True
    return False


#: The council takes note of a report ("Le Conseil municipal prend acte", "les membres
#: prennent acte", "PREND ACTE de la communication"): under a deliberation number of the
#: register it is an act (a numbered "Information" item, the mayor's report of his
#: decisions filed as DL-055), without one it is information.
TAKES_NOTE_RE = re.compile(r"\bpren(?:d|nent)\s+acte\b|\bprise?\s+d['’]acte\b|\bdonne\s+acte\b", re.I)

#: A report made to the assembly: "Monsieur le Maire rend compte au Conseil municipal des
#: décisions prises en vertu de la délégation" (CGCT L.2122-23: the mayor "doit en rendre compte
#: à chacune des réunions obligatoires du conseil municipal"), "Monsieur le Maire, rapporteur,
#: informe les membres du Conseil municipal que …", "présente aux membres du Conseil le rapport
#: …", "porte à la connaissance du Conseil", "donne connaissance à l'assemblée". Under a
#: deliberation number of the register the assembly hearing it takes note of it, as when it
#: "prend acte" (Chéméré 2009/145, "Délégations de pouvoirs « Marchés publics » : Information",
#: numbered and received as a deliberation); without one it is information. A list of decisions
#: printed with no word to the assembly ("les arrêtés suivants ont été pris :") is none.
REPORTED_TO_ASSEMBLY_RE = re.compile(
    r"""\b(?:rend(?:ent)?\s+compte|informe(?:nt)?|pr[ée]sente(?:nt)?|expose(?:nt)?|communique(?:nt)?
           |donne(?:nt)?\s+(?:connaissance|lecture)|porte(?:nt)?\s+[àa]\s+la\s+connaissance)
        \s+(?:[àa]\s+l['’]\s?|au\s+|aux\s+|les\s+|le\s+|l['’]\s?|du\s+|des\s+)
        (?:(?:membres|conseillers|[ée]lus)\s+(?:du\s+|de\s+l['’]\s?)?)?
        (?:conseil|bureau|comit[ée]|assembl[ée]e)\b""",
    re.I | re.X,
)

#: An item withdrawn or put off, which no report makes an act: "Ce point est retiré de l'ordre
#: du jour", "Le projet de délibération est reporté à une séance ultérieure", "question ajournée".
WITHDRAWN_RE = re.compile(
    r"""\bretir[ée]e?s?\s+de\s+l['’]\s?ordre\s+du\s+jour | \b(?:est|sont|sera|seront)\s+(?:report[ée]e?s?|ajourn[ée]e?s?)\b
      | \b(?:point|question|dossier|projet)s?\s+(?:report[ée]e?s?|ajourn[ée]e?s?|retir[ée]e?s?)\b""",
    re.I | re.X,
)

#: The assembly itself takes note, in its dispositif: "Le Conseil communautaire : - prend acte
#: du rapport annuel 2020", "Les membres du conseil municipal prennent acte de cette
#: décision", "Le Bureau prend acte". Such an item is an act without a vote (issue 13: "prend
#: acte", no vote), whatever its heading; a speaker who "prend acte" in the debate is not
#: the assembly.
ASSEMBLY_TAKES_NOTE_RE = re.compile(
    r"""\b(?:conseil|bureau|comit[ée]|assembl[ée]e)\b(?:\s+(?:municipal|communautaire|syndical|m[ée]tropolitain
        |d[ée]partemental|r[ée]gional|de\s+la\s+m[ée]tropole|de\s+communaut[ée]))?
        \s*[:,]?\s*(?:[-–•]\s*)?(?:pren(?:d|nent)|donnen?t?)\s+acte\b""",
    re.I | re.X,
)

#: An item that reports the decisions taken under the assembly's delegation (CGCT L.2122-23,
#: L.5211-10): "Exercice des pouvoirs délégués au Président et au bureau – Compte-rendu",
#: "Compte rendu des décisions prises par le Maire par délégation", "Décisions prises en
#: vertu de la délégation du conseil", "Usage des délégations". The numbered decisions and
#: bureau deliberations it lists ("N° DP 2021-312", "N° DBC 2021-082 - …") were taken, and
#: are published, elsewhere: they are its text, not acts of this meeting. (An item that
#: *grants* a delegation, "Délégation du conseil au maire", is not a report.)
DELEGATION_REPORT_RE = re.compile(
    r"""(?:pouvoirs|attributions)\s+d[ée]l[ée]gu[ée]e?s
      | d[ée]cisions?\b[^\n]{0,60}?\b(?:prises?|sign[ée]es?)\b[^\n]{0,40}?\bd[ée]l[ée]gations?\b
      | compte[\s-]+rendus?\s+(?:des|de\s+l['’])\s*(?:d[ée]cisions|d[ée]l[ée]gations?|exercice|pouvoirs)
      | (?:exercice|usage)\s+des?\s+(?:la\s+)?d[ée]l[ée]gations?""",
    re.I | re.X,
)

#: The council (not its bureau, not the president) decides: "Le Conseil Municipal après en
#: avoir délibéré à l'unanimité, accepte", "Le conseil communautaire, après en avoir
#: délibéré", "Le Conseil municipal décide".
COUNCIL_DECIDES_RE = re.compile(
    r"""\bconseil\b(?:\s+(?:municipal|communautaire|syndical|m[ée]tropolitain|d[ée]partemental|r[ée]gional
        |de\s+la\s+m[ée]tropole|de\s+communaut[ée]))?[^.\n]{0,80}?
        (?:apr[èe]s\s+(?:en\s+)?avoir\s+d[ée]lib[ée]r[ée]|\bd[ée]cide\b|\badopte\b|\bapprouve\b|\baccepte\b)""",
    re.I | re.X,
)

#: The end of the meeting: items after it are a summary or annexes. Not a suspension ("La
#: séance est levée à 20 h 10 et reprise à 20 h 25").
CLOSING_RE = re.compile(
    r"""^\W{0,2}(?:la\s+s[ée]ance\s+est\s+(?:lev[ée]e|close|cl[ôo]tur[ée]e)  # La séance est levée à 19 h 45
      | s[ée]ance\s+(?:lev[ée]e|close|cl[ôo]tur[ée]e)\s+[àa]\s            # Séance levée à 23 heures 30 (Chéméré)
      | fin\s+de\s+(?:la\s+)?s[ée]ance\b                              # Fin de séance à 21 heures 45
      | (?:l['’]\s*)?ordre\s+du\s+jour\s+(?:[ée]tant\s+)?[ée]puis[ée]  # L'ordre du jour étant épuisé; Ordre du jour épuisé à 20 h 35
      | plus\s+rien\s+n['’][ée]tant\s+[àa]\s+l['’]ordre\s+du\s+jour
      | cl[ôo]ture\s+de\s+la\s+s[ée]ance)
      (?![^\n]*\breprise?\b)""",
    re.I | re.X,
)

#: The agenda's title, in the preamble.
AGENDA_RE = re.compile(r"^\W{0,2}(?:ordre\s+du\s+jour|points?\s+[àa]\s+l['’]ordre\s+du\s+jour)\b", re.I)

#: A heading that ends the item before it and is not an act: "QUESTIONS DIVERSES",
#: "Informations diverses", "Informations du Maire"; the miscellaneous matters the minutes
#: close with, "Affaires diverses", "Points divers", "Sujets divers", and "Divers" alone under
#: the bullet of the minutes' headings ("➢ Divers", "- Divers", Chéméré) or in capitals — a
#: plain "Divers" is a row of a list ("Divers" / "Correspondant Défense	Paul LE BIHAN").
NON_ACT_HEADING_RE = re.compile(
    r"""^\W{0,2}(?:questions?\s+diverses
        | (?:affaires?|points?|sujets?)\s+divers(?:es)?                 # Affaires diverses, POINTS DIVERS
        | informations?\s+(?:diverses?|du\s+maire|du\s+pr[ée]sident|et\s+questions\s+diverses)  # INFORMATIONS ET QUESTIONS DIVERSES
        | diverses\s+informations                                       # - Diverses informations
        | (?:points?\s+d['’]\s*)?informations?)                                         # Informations / Point d'information
        \s*(?:[:.]\s*$|[–—-]\s*\S.{0,100}$|$)             # "Informations du Maire – Décisions prises par délégation" """,
    re.I | re.X,
)

#: "Divers" alone on its line under the minutes' bullet ("➢ Divers", "- Divers :") or in
#: capitals ("DIVERS"): the miscellaneous matters, when it is no item of a list — a list of
#: purchases also ends on "- Divers" (:func:`_misc_heading`).
MISC_HEADING_RE = re.compile(r"^(?:[^\w\s]\s*[Dd]ivers|\W{0,2}DIVERS)\s*[:.]?\s*$")
_LIST_ITEM_RE = re.compile(r"^\s*[-–—•▪►▸➢➤*+·]")


def _misc_heading(lines: list[Line], i: int) -> bool:
    """Whether ``lines[i]`` is the miscellaneous matters' heading (:data:`MISC_HEADING_RE`): the
    line before it is no item of a list, or ends a sentence (the item before is over: "… pour
    mener ce dossier à bien." / "- Divers", Chéméré), and the line after it is no item of a list
    ("- Fournitures" / "- Divers" / "- Transports : 800 €" are a list's items)."""
    if not MISC_HEADING_RE.match(lines[i].text):
        return False
    before = lines[i - 1].text.rstrip() if i else "."
    after = lines[i + 1].text if i + 1 < len(lines) else ""
    ends = bool(re.search(r"[.!?»)]$", before)) or bool(OUTCOME_LINE_RE.match(before)) or _is_result_line(before)
    return (ends or not _LIST_ITEM_RE.match(before)) and not _LIST_ITEM_RE.match(after)


#: The label of an act's object, which heads the items of minutes that print no number:
#: "OBJET : Budget primitif 2025 – Budget principal", "Objet – Tarifs de la cantine", "Objet de
#: la délibération : …" (the header reader takes the title after it).
OBJECT_LABEL = r"objet(?:\s+de\s+la\s+d[ée]lib[ée]ration)?\s*[:–—-]"
OBJECT_LABEL_RE = re.compile(rf"^\W{{0,2}}{OBJECT_LABEL}\s*(?=\S)", re.I)

#: Points added to the agenda restart their numbering: "POINTS RAJOUTES A L'ORDRE DU JOUR".
ADDED_POINTS_RE = re.compile(
    r"^\W{0,3}(?:points?|questions?)\s+(?:rajout[ée]s?|ajout[ée]s?|suppl[ée]mentaires?)\b", re.I
)

#: A deliberation number. Its parts are never apart by a tab, a cell boundary of the layout:
#: "MAPA⇥06/13⇥MICHAUD JJH⇥44320 Travaux …" is a row of a table of contracts.
_NUMBER = (r"(?:[A-Z]{1,5}(?:[ \u00a0_.]|-[ \u00a0]?)?)?\d{2,4}"   # "DE- 2015/46", "D.2024.14" too
           r"(?:[ \u00a0]?[-_/.][ \u00a0]?(?:[A-Z]{1,6}[-_/.])?\d{1,4}){1,3}")  # the register's letters between the
           # year and the rank: "2025-DCC-014" (délibération du conseil communautaire), "2025-DCM-14"

#: A bare number must look like a deliberation number, not a code article (R20-53,
#: L2121-21): a year first (2020-038, 2017.05.23 - 1) or a prefix of two letters (DL-056-07-13).
_BARE_NUMBER_OK_RE = re.compile(r"^(?:[A-Z]{2,5}(?:[\s_]|-\s?)?\d|[A-Z][._](?:19|20)\d\d|(?:19|20)\d\d)")

#: Heading forms carrying a deliberation number; "strong" headings.
NUMBERED_HEADING_RES: tuple[re.Pattern[str], ...] = (
    # "Délibération D2018-67", "DELIBERATION N° 2021-045 : …"
    re.compile(rf"^\W{{0,2}}d[ée]lib[ée]ration\s+(?:n[°o]\s*:?\s*)?(?P<num>{_NUMBER})\b", re.I),
    # "N° DBC 2021-082 - Stratégies …", "N°2020-12 Objet", "N° DP 2021-312 du 15 septembre 2021 - …"
    re.compile(rf"^\W{{0,2}}n[°o]\s*(?P<num>{_NUMBER})\s*[-–:.]?\s+\S", re.I),
    # "2020-038 SUBVENTION …", "DL-056-07-13 - Création …", "2020- 047 REDEVANCE"
    # (a bullet glyph may stand before: " DE-2014/47 – Délégations …", the Wingdings arrow)
    re.compile(rf"^(?:[^\w\s(«\"]{{1,2}}\s*)?(?P<num>{_NUMBER})(?:\s*[-–:]\s*|\s+)"
               r"(?:[A-ZÀ-Ý«\"]|\d{1,2}\s?(?:e|è|ème|eme|er|ère|re)\b)"),  # "… 2015/31 –Vote …" too;
               # a title opening with an ordinal: "2008/12 – 4 ème édition du « Prix départemental … »"
    # "Délibération n° 12" (its object on the next line), "Délibération n° 12 – Tarifs …": after the
    # word and its "n°", a bare figure is the register's sequence number; not "Délibération n° 12
    # du 3 mars 2020 approuvant …" (a reference), which neither ends the line nor goes on with a title
    re.compile(r"^\W{0,2}d[ée]lib[ée]ration\s+n\s?[°o]\.?\s*:?\s*(?P<num>\d{1,4})"
               r"\s*(?:$|[-–:]\s*(?=(?-i:[A-ZÀ-Ý«\"])))", re.I),
    # "N° 2025-014" alone on its line, over its object ("OBJET : Approbation du compte …"; the
    # object is checked below: "n°2006/14" alone in a cell of a table of roads heads nothing)
    re.compile(rf"^\W{{0,2}}n[°o]\s*:?\s*(?P<num>{_NUMBER})\s*$", re.I),
)

#: "n° DBC 2019-070 du 3 juin 2019 approuvant la cession": a number with its date and a
#: lower-case word after is a reference in a sentence, not a heading (a heading goes on
#: with " - " and its title).
REFERENCE_TAIL_RE = re.compile(r"^\s*(?:en\s+date\s+)?du\s+[^-–\n]{4,25}?\d{4}\s*,?\s+[a-zà-ÿ]")

#: A row of a table: cells of figures after tabs ("AP23-146\tContinuités\t3 380 000\t496 400").
TABLE_ROW_RE = re.compile(r"\t[-+]?\d[\d  .,]*(?:\s?[€%])?\s*(?:\t|$)[\s\S]*\t|\t[-+]?\d[\d  .,]*\t[-+]?\d")

#: Number prefixes that are not deliberations: the president's or mayor's decisions
#: taken under delegation ("N° DP 2021-312", "DM-2020-01", "Arrêté AR-2021-3").
NOT_AN_ACT_NUMBER_RE = re.compile(r"^(?:DP|DM|DEC|AR|ARR)\b", re.I)

#: "3 - Délégation …", "1. Exercice des pouvoirs …", "4.\tCIMETIERE …", "2.COMPTES …",
#: "1 Subventions associatives", "1\tSubvention à l'association" (agenda table).
NUMBERED_ITEM_RE = re.compile(
    r"""^(?P<n>\d{1,2})
        (?P<sep> \s*[.)](?!\d) | \s*[-–—] | \t | \x20+   # "1." "1)" "1 -", a tab (agenda table) or a space
          | \s?°\s*\)? (?!\s*(?:D(?:e|u|es)?\b|L(?:e|a|es)?\b|Une?\b|À\b|Aux?\b|Pour\b|Par\b|En\b))
                                                 # "1°) Approbation du compte administratif", "2° Budget
                                                 # primitif"; but "1° D'arrêter…", "19° De signer…" enumerate
                                                 # what a text says (the mayor's delegations, L.2122-22)
        )
        \s*(?=[A-ZÀ-Ý«"]|\d+\s+[A-ZÀ-Ý])          # the title starts with a capital ("11 - 1 Boulevard…")
        (?P<title>.{3,})""",
    re.X,
)

#: Items numbered under a label: "Point n°2 : Tarifs …", "Point 3 – Budget", "Question n° 4 : …",
#: "Affaire n°5 : …", "Dossier n° 6 - …" (the label's number is a rank in the agenda, not the
#: act's number); or under "N°" alone, "N° 1 – Approbation du compte administratif" (kept, as
#: every rank, only as a run 1, 2, 3…: "N° 2 – Entreprise Martin" in a list of bids is none).
LABELLED_ITEM_RE = re.compile(
    r"""^\W{0,2}(?:(?P<label>point|question|affaire|dossier|sujet)\s+(?:n\s?[°o]\.?\s*)? | (?P<numero>n\s?[°o])\.?\s*)
        (?P<n>\d{1,3})
        \s*(?:[:.)–—-]\s*|\s+)(?(numero)(?=(?-i:[A-ZÀ-Ý«"]))|(?=[A-ZÀ-Ý«"]))(?P<title>.{3,})""",
    re.I | re.X,
)

#: Sub-items of a numbered item: "6.3 Verger de sauvegarde" (not "6.5.1 Eclairage").
SUB_ITEM_RE = re.compile(r"^(?P<n>\d{1,2})\.(?P<k>\d{1,2})\.?(?!\d|\.\d)\s+(?=[A-ZÀ-Ý«\"])")

#: Roman chapters: "IV.\tPERSONNEL", "II. APPROBATION DU COMPTE RENDU".
ROMAN_RE = re.compile(r"^(?P<r>[IVX]{1,5})\s*[.)–-]\s*(?=[A-ZÀ-Ý])")
_ROMAN = {"I": 1, "V": 5, "X": 10}

#: A vote result that closes one decision of an informal item.
OUTCOME_LINE_RE = re.compile(
    r"""^\W{0,3}(?:
        (?:approuv|adopt|accept)[ée]e?s?\s+(?:par|[àa])\s   # Approuvé par 2 ABSTENTIONS…, Accepté à l'unanimité
      | accord\s+du\s+conseil                               # Accord du conseil à l'unanimité.
      | vote\s*:                                            # Vote : 1 ABSTENTION (C.BOURRETTE) – 11 POUR
      | le\s+conseil\s+municipal\s+vote\b                   # Le conseil municipal vote le BP 2016 … par
    )
    | ^.{0,150}\b(?:est|sont)\s+(?:approuv|adopt)[ée]e?s?\s+(?:par|[àa])\s   # … le CA 2015 est approuvé par
    | ^.{0,150}\b(?:approuv|adopt)[ée]e?s?\s+par\s+\d+\s+(?:voix|abstentions?)  # … (OCR "esf") approuvé par 2 voix
    | ^.{0,150}\bvote\s*:\s*\d                              # … : Vote : 14 pour / 0 contre / 0 abstention
    """,
    re.I | re.X,
)

#: "Délibération prise en ce sens." closes the decision just voted.
CLOSER_RE = re.compile(
    r"^\W{0,3}(?:toutes\s+les\s+)?d[ée]lib[ée]rations?\s+(?:correspondantes\s+)?(?:sont\s+)?prises?\s+en\s+ce\s+sens",
    re.I,
)

#: After a vote, "D'ÉLIRE 6 membres…" or "DE DÉSIGNER…" goes on with the same deliberation.
DISPOSITIVE_RE = re.compile(r"^\W{0,3}D(?:E\s+|['’]\s*)[A-ZÀ-Ý]{3,}")


# ---------------------------------------------------------------------------
# Lines
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def lines_of(doc: Document, span: Span) -> list[Line]:
    """Non-blank lines of ``span``, stripped, with their absolute offsets."""
    out, pos = [], span.start
    for raw in doc.text[span.start:span.end].replace("\f", "\n").split("\n"):
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(pos + lead, pos + len(raw.rstrip()), raw.strip()))
        pos += len(raw) + 1
    return out


@lru_cache(maxsize=64)
def _foreign(sources: tuple[TextSource, ...]) -> frozenset[int]:
    typed = sum(1 for s in sources if s is TextSource.TEXT_LAYER)
    if typed == 0 or typed * 2 < len(sources):
        return frozenset()
    return frozenset(i + 1 for i, s in enumerate(sources) if s is TextSource.OCR)


def foreign_ocr_pages(doc: Document) -> set[int]:
    """Scanned pages of a mostly typed file: conventions or plans pasted as images, annexes."""
    return set(_foreign(tuple(p.source for p in doc.pages)))


def _roman(s: str) -> int:
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN.get(b, 0) > v else v
    return total


#: A line that obviously runs on into the next one: it ends on a preposition, an article or
#: a word that announces a reference ("… Retrait de la délibération" + "n° DBC 2019-070 …").
RUNS_ON_RE = re.compile(  # lower case only: "… 11 POUR" ends a tally, not a sentence; so does "… 13 pour"
    r"""\b(?:de|du|des|la|le|les|l['’]|d['’]|au|aux|à|en|par|et|ou|sur|(?<!\d\x20)pour|avec
        | d[ée]lib[ée]rations? | articles? | loi | d[ée]cret | arr[êe]t[ée] | ordonnance | code | alin[ée]a
        | n°s?)$""",
    re.X,
)


def _continues(prev: Line | None) -> bool:
    """The line before runs on into this one."""
    return prev is not None and bool(RUNS_ON_RE.search(prev.text))


# ---------------------------------------------------------------------------
# Headings
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    index: int  # index in the line list
    kind: str  # "number", "item", "sub", "roman", "stop"
    number: str | None = None


def _numbered_headings(lines: list[Line], usable: list[bool]) -> list[Heading]:
    found = []
    for i, ln in enumerate(lines):
        if not usable[i]:
            continue
        for k, rx in enumerate(NUMBERED_HEADING_RES):
            m = rx.match(ln.text)
            if not m:
                continue
            num = m.group("num")
            if re.match(r"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b", ln.text):
                break  # a date, not a number
            if k == 2 and not _BARE_NUMBER_OK_RE.match(num):
                break  # "R20-53 du Code des Postes"
            if k == 4 and not (i + 1 < len(lines) and OBJECT_LABEL_RE.match(lines[i + 1].text)):
                break  # a number alone heads the item only over its object
            if REFERENCE_TAIL_RE.match(ln.text[m.end("num"):]):
                break  # "n° DBC 2019-070 du 3 juin 2019 approuvant"
            if TABLE_ROW_RE.search(ln.text):
                break  # "AP23-146\tContinuités\t3 380 000\t496 400": a row of a table
            if _continues(lines[i - 1] if i else None):
                break
            found.append(Heading(i, "number", num))
            break
    return found


def _chain(cands: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest run 1, 2, 3… (a missing number tolerated), each linked to its nearest
    predecessor so that the agenda's copy of the numbers is left out."""
    best_len: dict[int, int] = {}
    prev: dict[int, int | None] = {}
    for k, (i, n) in enumerate(cands):
        best_len[k], prev[k] = (1, None) if n == 1 else (0, None)
        for gap in (1, 2):
            preds = [j for j in range(k) if cands[j][1] == n - gap and best_len[j] > 0]
            if preds:
                j = preds[-1]  # the nearest one before
                best_len[k], prev[k] = best_len[j] + 1, j
                break
    if not best_len:
        return []
    end = max(best_len, key=lambda k: (best_len[k], k))
    if best_len[end] == 0:
        return []
    out = []
    cur: int | None = end
    while cur is not None:
        out.append(cands[cur])
        cur = prev[cur]
    return out[::-1]


def _inside_one_item(inner: list[tuple[int, int]], outer: list[tuple[int, int]]) -> bool:
    """All of ``inner`` stand between two consecutive items of ``outer``."""
    return any(all(a < i < b for i, _ in inner) for (a, _), (b, _) in zip(outer, outer[1:]))


def _style(text: str) -> str:
    """How an item number is separated from its title: ".", ")", "-", tab or space; or its
    label ("Point n°2 :")."""
    lab = LABELLED_ITEM_RE.match(text)
    if lab:
        return "label-" + (lab.group("label") or "n°").lower()
    m = NUMBERED_ITEM_RE.match(text)
    sep = m.group("sep") if m else ""
    if sep.strip():
        return "-" if sep.strip() in "-–—" else sep.strip()
    return "tab" if "\t" in sep else "space"


def _item_headings(lines: list[Line], usable: list[bool], stop_at: int) -> list[Heading]:
    cands = []
    for i, ln in enumerate(lines[:stop_at]):
        lab = LABELLED_ITEM_RE.match(ln.text)
        if usable[i] and lab and not _continues(lines[i - 1] if i else None):
            cands.append((i, int(lab.group("n"))))
            continue
        m = NUMBERED_ITEM_RE.match(ln.text)
        if usable[i] and m and not SUB_ITEM_RE.match(ln.text) and len(ln.text) > 6 and not _continues(
                lines[i - 1] if i else None):
            # a plain space after the number only for a short title line ("1 Subventions associatives")
            if re.match(r"^\d{1,2}\s+\w", ln.text) and not re.match(r"^\d{1,2}\t", ln.text) and len(ln.text) > 90:
                continue
            cands.append((i, int(m.group("n"))))
    # an agenda and its items are numbered alike within a list, differently between them
    # ("1\tSubvention…" in the agenda table, "1 - Subvention…" in the body): chains per style
    by_style: dict[str, list[tuple[int, int]]] = {}
    for i, n in cands:
        by_style.setdefault(_style(lines[i].text), []).append((i, n))
    chains = [c for c in (_chain(c) for c in by_style.values()) if c]
    # a list "1. Verser… 2. Signer…" inside one item of another run is not the agenda
    outer = [c for c in chains if not any(o is not c and len(o) >= 2 and _inside_one_item(c, o) for o in chains)]
    # the longest run; at equal length a labelled one ("Point n°2 :") over bare numbers (the agenda)
    main = max(outer or chains, key=lambda c: (len(c), _style(lines[c[0][0]].text).startswith("label"), c[-1][0]),
               default=[])
    if len(main) < 2:
        return []
    heads = [Heading(i, "item", str(n)) for i, n in main]
    # points added to the agenda restart at 1 after the main run
    last = main[-1][0]
    for i in range(last + 1, stop_at):
        if ADDED_POINTS_RE.match(lines[i].text):
            style = _style(lines[main[-1][0]].text)
            extra = _chain([(j, n) for j, n in cands if j > i and _style(lines[j].text) == style])
            heads += [Heading(j, "item", f"+{n}") for j, n in extra]
            break
    return heads


def _sub_headings(lines: list[Line], usable: list[bool], items: list[Heading], stop_at: int) -> list[Heading]:
    """Sub-items "6.1", "6.2"… of an item "6" (each run 1, 2, 3…); or one sub-item alone,
    "2.1 Création d'un poste…" on the line right under its chapter "2. PERSONNEL COMMUNAL":
    the chapter has no text of its own, the sub-item is the item (and its title)."""
    out = []
    bounds = [h.index for h in items] + [stop_at]
    for k, h in enumerate(items):
        subs = []
        for i in range(h.index + 1, bounds[k + 1]):
            m = SUB_ITEM_RE.match(lines[i].text)
            if usable[i] and m and h.number and m.group("n") == h.number.lstrip("+"):
                subs.append((i, int(m.group("k"))))
        run = _chain(subs)
        if len(run) >= 2 or (len(run) == 1 and run[0] == (h.index + 1, 1)):
            out += [Heading(i, "sub", f"{h.number}.{n}") for i, n in run]
    return out


def _has_own_title(text: str) -> bool:
    """A numbered heading that carries its title on its line ("DEL2025-30 : Approbation de la
    convention"), not a bare number ("Délibération n° 12")."""
    for rx in NUMBERED_HEADING_RES:
        m = rx.match(text)
        if m:
            return len(re.findall(r"[^\W\d_]{2,}", text[m.end("num"):])) >= 2
    return False


def _in_numbered_exposes(lines: list[Line], numbered: list[Heading], stop_at: int) -> list[bool]:
    """For each line, whether it stands between a numbered deliberation's heading and its
    first decision ("DEL2025-29 : Prescription du PLUi" … "1. L'équilibre entre :" …
    "Après avoir délibéré"): a numbered list there belongs to the exposé."""
    out = [False] * len(lines)
    starts = sorted(h.index for h in numbered)
    for k, j in enumerate(starts):
        stop = min(starts[k + 1] if k + 1 < len(starts) else stop_at, stop_at)
        for i in range(j + 1, stop):
            if DECISION_LINE_RE.search(lines[i].text):
                break
            out[i] = True
    return out


def _roman_headings(lines: list[Line], usable: list[bool], stop_at: int) -> list[Heading]:
    found, last = [], 0
    for i, ln in enumerate(lines[:stop_at]):
        m = ROMAN_RE.match(ln.text)
        if usable[i] and m:
            v = _roman(m.group("r"))
            if v > last:
                found.append(Heading(i, "roman", m.group("r")))
                last = v
    return found if len(found) >= 2 else []


def _nested_in_one(inner: list[Heading], outer: list[Heading], n_lines: int) -> bool:
    """All of ``inner`` lie between two consecutive headings of ``outer``."""
    if not inner or not outer:
        return False
    bounds = [-1] + [h.index for h in outer] + [n_lines]
    for a, b in zip(bounds, bounds[1:]):
        if all(a < h.index < b for h in inner):
            return True
    return False


# ---------------------------------------------------------------------------
# Acts of minutes
# ---------------------------------------------------------------------------


#: Lines that go on with a vote result: "(M.DENISE — C.BOURRETTE) et 9 voix POUR.",
#: "ARMAND YVES	13 voix", "2 BULLETINS BLANCS".
TALLY_CONTINUATION_RE = re.compile(r"^\W{0,2}\(|\bvoix\b|\bbulletins?\b|\b(?:POUR|CONTRE|ABSTENTIONS?)\b|^[a-zà-ÿ]")

#: A vote line that carries its own count.
TALLIED_RE = re.compile(r"\bvote\s*:\s*\d|\d+\s+voix\b", re.I)

#: A member arriving or leaving, announced between items: not a title.
MOVEMENT_RE = re.compile(r"^\W{0,2}(?:arriv[ée]e|d[ée]part|sortie|retour)\b", re.I)


def _vote_groups(lines: list[Line], lo: int, hi: int) -> list[list[int]]:
    """[first, last] line indices of each vote result (with its tally lines and its
    "Délibération prise en ce sens.") inside the item ``lines[lo:hi]``."""
    groups: list[list[int]] = []
    closed: list[bool] = []
    for i in range(lo + 1, hi):
        t = lines[i].text
        if CLOSER_RE.match(t):
            if groups and i - groups[-1][1] <= 3 and not closed[-1]:
                groups[-1][1] = i
                closed[-1] = True
            else:
                groups.append([i, i])
                closed.append(True)
        elif OUTCOME_LINE_RE.match(t):
            # "DM1 pour budget communal approuvé : Vote : 14 pour …" then the same for the
            # budget assainissement: two lines, each with its own tally, are two decisions
            own_tally = bool(TALLIED_RE.search(t)) and bool(TALLIED_RE.search(lines[i - 1].text))
            if groups and i - groups[-1][1] <= 1 and not closed[-1] and not own_tally:
                groups[-1][1] = i
            else:
                groups.append([i, i])
                closed.append(False)
        elif groups and not closed[-1] and i == groups[-1][1] + 1 and TALLY_CONTINUATION_RE.search(t):
            groups[-1][1] = i
    return groups


def _split_votes(lines: list[Line], lo: int, hi: int) -> list[int]:
    """Line indices in ``(lo, hi)`` where a new act starts inside an informal item that
    records several separate votes: at the first title line after a vote, else right after it."""
    groups = _vote_groups(lines, lo, hi)
    cuts = []
    for g, nxt in zip(groups, groups[1:]):
        after = g[1] + 1
        if after < hi and DISPOSITIVE_RE.match(lines[after].text):
            continue  # "ADOPTE" then "D'ÉLIRE …": one deliberation, two votes
        cut = after
        for j in range(after, nxt[0]):
            if OBJECT_LABEL_RE.match(lines[j].text) or _is_title_line(
                    lines[j - 1].text, lines[j].text, lines[j + 1].text if j + 1 < hi else None):
                cut = j
                break
        if lo < cut < hi:
            cuts.append(cut)
    return cuts


def _is_title_line(prev: str, text: str, nxt: str | None) -> bool:
    """A title between two votes: "BUDGET PRIMITIF 2016 PHOTOVOLTAIQUE", "Vote des 4 taxes",
    "Mise à jour du tableau des effectifs du personnel communal" — a capitalised line after
    a finished sentence, without final punctuation, followed by a capitalised line; not
    "Rappel : virement…", "ARRIVEE ISABELLE MEJEAN", "TAXE HABITATION ....	20.47 %"."""
    prev_ends = bool(re.search(r"[.!?:;»)|]$", prev.strip())) or bool(MOVEMENT_RE.match(prev)) or prev.isupper()
    if not prev_ends or len(text) > 90 or len(text.split()) < 2 or RUNS_ON_RE.search(text):
        return False
    if not re.match(r"[A-ZÀ-Ý]", text) or re.search(r"[.:;,]$", text) or re.search(r"[a-zà-ÿ]\.\s+[A-ZÀ-Ý]", text):
        return False
    if MOVEMENT_RE.match(text) or re.match(r"^[^:]{1,40}\s:", text) or re.search(r"€|\.{3}|%|…", text):
        return False
    if re.match(r"^(?:vu|consid[ée]rant)\b", text, re.I):
        return False
    return nxt is None or bool(re.match(r"\W{0,2}[A-ZÀ-Ý]", nxt))


#: A line that records the result of a vote in minutes whose items carry no number: the
#: outcome lines of :data:`OUTCOME_LINE_RE`, and tallies in any order ("Vote : 10 pour,
#: 2 contre", "0 contre, 0 abstention, 13 pour", "Pour : 19 – Contre : 2 – Abstention : 1").
_RESULT_LINE_RE = re.compile(
    r"""^\W{0,3}(?:\d+\s+(?:voix\s+)?(?:pour|contre|abstentions?)\b.{0,60}\b(?:pour|contre|abstentions?)\b
      | pour\s*:\s*\d+.{0,80}\bcontre\s*:\s*\d+
      | (?:adopt|approuv|accept|vot|valid)[ée]e?s?\s+(?:[àa]\s+l['’]\s*unanimit|[àa]\s+la\s+majorit|par\s+\d+\s+voix)
                                                   # Adopté à l'unanimité, Voté à la majorité, Validé par 12 voix
      | (?:vote|avis|accord|d[ée]cision)\s+(?:favorable|d[ée]favorable|positif|unanime)s?\b
        .{0,40}?(?:unanimit|majorit|\d+\s+voix|\d+\s+pour)
                                                   # Vote favorable à l'unanimité des membres présents et représentés,
                                                   # Avis favorable à l'unanimité, Accord unanime (…) : 12 voix pour
      | (?:[àa]\s+l['’]\s*)?unanimit[ée]\b[^.]{0,60}\.?$)   # a line of its own: "Unanimité.", "A l'unanimité des présents"
    """,
    re.I | re.X,
)


def _is_result_line(text: str) -> bool:
    """A vote result on a line of its own (:data:`_RESULT_LINE_RE`), opening with a capital or a
    figure: "avis favorable à l'unanimité" in lower case goes on a sentence of the exposé."""
    m = re.search(r"[^\W_]", text)
    return bool(m) and not m.group(0).islower() and bool(_RESULT_LINE_RE.match(text))


#: A bulleted item heading in the minutes of small communes: a bullet glyph (typed, or read
#: by OCR as "*", "+", "»") before a theme in capitals: "• ENFANCE - Centre de loisirs été
#: 2015 - Convention…", "► FINANCES : Décision modificative n° 2", "▪ URBANISME – …". A dash
#: "- " opens list items inside an act, not headings, and is not one of the glyphs.
BULLET_HEADING_RE = re.compile(r"^[•▪►▸➢➤◆◇■□❖✓✔→⇒*+»·]\s*(?=[A-ZÀ-Ý][A-ZÀ-Ý'’ÉÈ]{2,}\b)")


def _is_heading_like(lines: list[Line], i: int) -> bool:
    """A line that can head an unnumbered item: a title in capitals ("TARIFS DE LA
    CANTINE"), or a short title line after a finished sentence ("Vote des 4 taxes")."""
    text = lines[i].text
    if OUTCOME_LINE_RE.match(text) or _is_result_line(text) or NON_ACT_HEADING_RE.match(text) \
            or MISC_HEADING_RE.match(text):
        return False
    if _is_capital_heading(text):
        return True
    label = OBJECT_LABEL_RE.match(text)
    if label:  # "Objet : Budget primitif 2025" heads its item, but "Objet : Questions diverses" heads no act
        return not NON_ACT_HEADING_RE.match(text[label.end():])
    prev = lines[i - 1].text if i else "."
    if OUTCOME_LINE_RE.match(prev) or _is_result_line(prev):
        prev = "."  # a vote result ends the item before, full stop or not ("Pour : 12 – Contre : 1")
    if BULLET_HEADING_RE.match(text) and not RUNS_ON_RE.search(prev) and len(text) <= 200:
        return True  # "• ENFANCE - Centre de loisirs … d'une partie de" (the title wraps)
    nxt = lines[i + 1].text if i + 1 < len(lines) else None
    return _is_title_line(prev, text, nxt)


#: Minutes that summarise their items (a "compte rendu succinct", a bulletin's council page)
#: print no vote: the decision is told in the passive or in the past ("Il est décidé de ne pas
#: augmenter les taux", "Elle est fixée à 342,83 €", "Le conseil a décidé de …", "Les
#: subventions suivantes sont attribuées aux associations").
SUMMARY_DECISION_RE = re.compile(
    r"""\b(?:il\s+)?(?:est|a\s+été)\s+d[ée]cid[ée]\b                  # Il est décidé de …
      | \b(?:est|sont|a\s+été|ont\s+été)\s+(?:fix[ée]e?s?|attribu[ée]e?s?|accord[ée]e?s?|allou[ée]e?s?
           |vot[ée]e?s?|reconduit(?:e|s|es)?|approuv[ée]e?s?|adopt[ée]e?s?|maintenu(?:e|s|es)?)
         \s+(?:à|a|au|aux|pour|par|en|de)\b                             # Elle est fixée à 342,83 €
      | \b(?:le\s+)?conseil(?:\s+(?:municipal|communautaire|syndical))?\s+a\s+
         (?:d[ée]cid[ée]|approuv[ée]|adopt[ée]|vot[ée]|accept[ée]|fix[ée]|attribu[ée]|d[ée]sign[ée]|autoris[ée]|[ée]mis)\b
                                                                        # Le conseil municipal a décidé …""",
    re.I | re.X,
)

#: The heading of a summarised item whose body is a list of awards or prices the council set
#: ("SUBVENTIONS ASSOCIATIONS 2013", "TARIFS DE LA CANTINE", "PARTICIPATIONS 2024"): the list
#: is what was decided, with no sentence to say so.
AWARD_LIST_HEADING_RE = re.compile(
    r"\b(?:subventions?|participations?|cotisations?|tarifs?|dotations?|aides?\s+financi[èe]res?)\b", re.I)

#: A line of such a list: a label, a column gap, an amount in euros.
_AMOUNT_ROW_RE = re.compile(r"	[-+]?\d[\d\s  .,]*\s?(?:€|euros?\b)\s*$", re.I)


def _is_capital_heading(text: str, one_word: bool = False) -> bool:
    """A title in capitals ("TARIFS DE LA CANTINE"), not a sentence; of two words at least
    unless ``one_word``."""
    letters = [c for c in text if c.isalpha()]
    return (len(letters) >= 6 and sum(c.isupper() for c in letters) >= 0.85 * len(letters)
            and (one_word or len(text.split()) >= 2) and len(text) <= 120 and not re.search(r"[.;,]$", text))


def _summary_items(doc: Document, lines: list[Line], usable: list[bool],
                   closing: int) -> tuple[list[Span], Span | None]:
    """Acts of minutes that summarise each item under a title in capitals and print no vote:
    each title opens a part, and a part is an act when its text tells a decision
    (:data:`SUMMARY_DECISION_RE`, or a decision formula) or, under a title naming awards or
    prices, lists amounts; a part that informs ("EPANDAGE DES BOUES — Le conseil prend
    connaissance du rapport …") is no act. A title wrapped over two lines in capitals is one."""
    def capitals(i: int) -> bool:
        return i < closing and usable[i] and _is_capital_heading(lines[i].text, one_word=True)

    heads: list[int] = []
    titles: dict[int, int] = {}  # head → the line after its title
    i = 0
    while i < closing:
        text = lines[i].text
        # a title of one word only when it wraps onto a line in capitals ("SUBVENTIONS /
        # ASSOCIATIONS 2013")
        if not capitals(i) or NON_ACT_HEADING_RE.match(text) or MISC_HEADING_RE.match(text) \
                or (len(text.split()) < 2 and not capitals(i + 1)):
            i += 1
            continue
        j = i + 1
        while capitals(j) and not re.search(r"[:.]\s*$", lines[j - 1].text):
            j += 1  # the next lines of a wrapped title
        heads.append(i)
        titles[i] = j
        i = j
    spans: list[Span] = []
    for k, head in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else closing
        body = lines[head:end]
        text = "\n".join(ln.text for ln in body)
        listed = sum(1 for ln in body if _AMOUNT_ROW_RE.search(ln.text))
        title = " ".join(ln.text for ln in lines[head:titles[head]])
        if decides(text) or SUMMARY_DECISION_RE.search(text) or (
                listed >= 3 and AWARD_LIST_HEADING_RE.search(title)):
            stop = lines[end].start if end < len(lines) else len(doc.text)
            spans.append(Span(lines[head].start, stop))
    if len(spans) < 2:
        return [], None
    first = spans[0].start
    return spans, (Span(0, first) if first > 0 else None)


def _unnumbered_items(doc: Document, lines: list[Line], usable: list[bool],
                      closing: int) -> tuple[list[Span], Span | None]:
    """Acts of minutes whose items carry no number: each vote result closes an act, headed
    by the nearest heading-like line before it (after the act before); an item without a
    vote ("INFORMATION SUR LES TRAVAUX") is no act, and its text belongs to none."""
    results = [i for i in range(closing) if usable[i]
               and (OUTCOME_LINE_RE.match(lines[i].text) or _is_result_line(lines[i].text)
                    or CLOSER_RE.match(lines[i].text))]
    # a result that goes on over the next lines ("Pour : 10 – Contre : 2" / "(DESCAMPS Gaëlle)") is one
    groups: list[list[int]] = []
    for i in results:
        if groups and i - groups[-1][1] <= 1:
            groups[-1][1] = i
        else:
            groups.append([i, i])
    if not groups:
        return _summary_items(doc, lines, usable, closing)
    if len(groups) < 2:
        return [], None
    # minutes that head their items with bullets ("• ENFANCE - …") are headed by them alone:
    # a short sentence line of an exposé is then no title
    bulleted = [i for i in range(closing) if usable[i] and BULLET_HEADING_RE.match(lines[i].text)]
    if len(bulleted) >= 2:
        bullets = set(bulleted)

        def heading_like(j: int) -> bool:
            return j in bullets and _is_heading_like(lines, j)
    else:
        def heading_like(j: int) -> bool:
            return _is_heading_like(lines, j)
    heads: list[int] = []
    floor = 0
    for first, last in groups:
        head = next((j for j in range(first - 1, floor - 1, -1) if usable[j] and heading_like(j)), None)
        if head is None:
            return [], None  # a vote whose item has no heading: not this kind of minutes
        heads.append(head)
        floor = last + 1
    spans = []
    for k, (head, (first, last)) in enumerate(zip(heads, groups)):
        limit = heads[k + 1] if k + 1 < len(heads) else closing
        end = next((j for j in range(last + 1, limit) if heading_like(j)), limit)
        stop = lines[end].start if end < len(lines) else len(doc.text)
        spans.append(Span(lines[head].start, stop))
    first = spans[0].start
    return spans, (Span(0, first) if first > 0 else None)


def _informs(heading: str) -> bool:
    """The item headed ``heading`` (after its rank) is named information and nothing else:
    "2. Informations du Maire", "IV. QUESTIONS DIVERSES", "Point n° 6 : Information" — not
    "3. Information – Rapport annuel du délégataire", whose title says what the assembly may
    take note of."""
    for rx in (LABELLED_ITEM_RE, NUMBERED_ITEM_RE):
        m = rx.match(heading)
        if m:
            heading = m.group("title")
            break
    else:
        m = SUB_ITEM_RE.match(heading) or ROMAN_RE.match(heading)
        heading = heading[m.end():] if m else heading
    # a dash that parts the label from a title ("Information – Rapport …", "Information - Rapport"),
    # not a hyphen inside a word ("Informations du Maire-adjoint")
    return bool(NON_ACT_HEADING_RE.match(heading)) and not re.search(r"[–—]\s*\S|\s-\s*\S", heading)


def _numbered_title(lines: list[Line], i: int) -> str:
    """The title of the numbered heading ``lines[i]``: after its number ("2009/145 – Délégations
    …"), or the object on the next line under a bare number ("Délibération n° 5" / "Objet :
    Informations du Maire")."""
    for rx in NUMBERED_HEADING_RES:
        m = rx.match(lines[i].text)
        if m:
            title = lines[i].text[m.end("num"):].strip(" \t-–—:.")
            if not title and i + 1 < len(lines):
                label = OBJECT_LABEL_RE.match(lines[i + 1].text)
                title = lines[i + 1].text[label.end():] if label else ""
            return title
    return lines[i].text


def is_delegation_report(heading: str) -> bool:
    """The item headed ``heading`` reports decisions taken under delegation
    (:data:`DELEGATION_REPORT_RE`): what they award or decide is not this act's."""
    return bool(DELEGATION_REPORT_RE.search(heading.split("\n", 1)[0]))


#: A member who speaks to the meeting at its end, after the last item's decision: "Monsieur
#: Jean-Pierre GRANDJOUAN donne lecture des documents d'urbanisme :" (the permits and
#: pre-emptions of the month, Chéméré), "Monsieur le Maire informe les membres du Conseil …",
#: "Monsieur le Maire félicite les conseillers départementaux nouvellement élus" (Lannion), "Madame
#: X invite les élus à …", "M. Y, adjoint délégué à l'urbanisme, fait part de …".
END_REMARK_RE = re.compile(
    r"""^\W{0,2}(?-i:(?:Monsieur|Madame|Mademoiselle|M\.|Mme|Mlle)\s+(?:l[ea]\s+|l['’]\s?)?   # the civility, "le Maire"
                  [A-ZÀ-Ý][\w'’.-]*(?:\s+(?:[A-ZÀ-Ý][\w'’.-]*|de|du|des|d['’]\w+)){0,3}?)      # the name, in capitals
        (?:\s*,[^,.\n]{1,80},)?                                      # an apposition: ", Adjoint délégué à l'Urbanisme,"
        \s+(?:donne\s+lecture|donne\s+(?:les\s+)?informations?|informe|fait\s+part|f[ée]licite|remercie|invite|souhaite
            |annonce|rappelle|pr[ée]sente|rend\s+compte|communique)\b""",
    re.I | re.X,
)


def _meeting_end(doc: Document, lines: list[Line], lo: int, hi: int) -> int | None:
    """The line of the last item ``lines[lo:hi]`` where the meeting's end begins: a member's
    word to the meeting (:data:`END_REMARK_RE`) after the item's decision, with no decision
    after it ("Monsieur Jean-Pierre GRANDJOUAN donne lecture des documents d'urbanisme :", then
    the tables of permits; or the mayor's thanks). None when the item shows no decision."""
    decided = next((k for k in range(lo, hi) if DECISION_LINE_RE.search(lines[k].text)
                    or OUTCOME_LINE_RE.match(lines[k].text)), None)
    if decided is None:
        return None
    for k in range(decided + 1, hi):
        if END_REMARK_RE.match(lines[k].text) and not _continues(lines[k - 1]):
            rest = doc.text[lines[k].start:lines[hi - 1].end]
            return None if decides(rest) else k
    return None


def _register_prefix(number: str | None) -> str:
    """The letters of a deliberation number: "DL" for "DL-055-07-13", "DBC" for "DBC 2021-082"."""
    return re.match(r"[A-Za-z]*", number or "").group(0).upper()


def _drop_reported_decisions(doc: Document, lines: list[Line], heads: dict[int, Heading], closing: int) -> set[int]:
    """Drop from ``heads`` the numbered decisions a delegation report lists (its text, see
    :data:`DELEGATION_REPORT_RE`), and return the line indexes of the reports' headings.

    Two kinds of number are the council's own register and stay items: a heading whose text
    has the council decide ends the report (the meeting's next item), and a number in the
    scheme of the meeting's items outside any report (L'Arbresle's "DL-055-07-13", a decision
    under delegation the council takes note of, numbered like "DL-056-07-13")."""
    reports: set[int] = set()
    listed: list[int] = []
    order = sorted(heads)
    reporting = False
    for k, i in enumerate(order):
        h = heads[i]
        if h.kind != "number" or not reporting:
            reporting = is_delegation_report(lines[i].text) and h.kind != "stop"
            if reporting:
                reports.add(i)
            continue
        j = order[k + 1] if k + 1 < len(order) else closing
        end = lines[j].start if j < len(lines) else len(doc.text)
        if COUNCIL_DECIDES_RE.search(doc.text[lines[i].start:end]):
            reporting = False
        else:
            listed.append(i)
    own = {_register_prefix(h.number) for i, h in heads.items() if h.kind == "number" and i not in listed}
    for i in listed:
        if _register_prefix(heads[i].number) not in own:
            del heads[i]
    return reports


def minutes_acts(doc: Document, unnumbered: bool = False) -> tuple[list[Span], Span | None]:
    """Act spans of minutes, and the session preamble before the first item. With
    ``unnumbered`` (the file presents itself as minutes), items without any number are cut
    at their votes (:func:`_unnumbered_items`)."""
    lines = [ln for ln in lines_of(doc, Span(0, len(doc.text))) if not doc.in_furniture(ln.start)]
    if not lines:
        return [], None
    foreign = foreign_ocr_pages(doc)
    usable = [doc.page_at(ln.start) not in foreign for ln in lines]
    numbered = _numbered_headings(lines, usable)
    first_head = numbered[0].index if numbered else 0
    closing = next((i for i, ln in enumerate(lines) if i > first_head and CLOSING_RE.match(ln.text)), len(lines))
    numbered = [h for h in numbered if h.index < closing]
    # "1. L'équilibre entre :" in the exposé of a numbered deliberation is a list, not an item
    in_expose = _in_numbered_exposes(lines, numbered, closing)
    items = _item_headings(lines, [u and not in_expose[i] for i, u in enumerate(usable)], closing)
    if closing == len(lines) and items:
        closing = next((i for i, ln in enumerate(lines) if i > items[0].index and CLOSING_RE.match(ln.text)),
                       len(lines))
        items = [h for h in items if h.index < closing]
    romans = _roman_headings(lines, usable, closing)
    # an agenda run wholly inside one numbered deliberation is a list in its text
    if _nested_in_one(items, numbered, len(lines)):
        items = []
    if _nested_in_one(romans, numbered, len(lines)) or _nested_in_one(romans, items, len(lines)):
        romans = []
    subs = _sub_headings(lines, usable, items, closing)
    stops = [Heading(i, "stop") for i in range(closing)
             if NON_ACT_HEADING_RE.match(lines[i].text) or _misc_heading(lines, i)]
    heads: dict[int, Heading] = {}
    for h in romans + items + subs + numbered + stops:
        heads.setdefault(h.index, h)
    reports = _drop_reported_decisions(doc, lines, heads, closing)
    # a number heading right under an item heading ("1 - Subvention" / "Délibération n° 12") is the same item
    order = sorted(heads)
    for a, b in zip(order, order[1:]):
        if a in heads and heads[b].kind == "number" and b - a <= 2:
            if heads[a].kind == "item" and _has_own_title(lines[b].text):
                # "4. DEVELOPPEMENT ECONOMIQUE" / "DEL2025-30 : Approbation de la convention…": a chapter
                heads[a] = Heading(a, "stop")
            elif heads[a].kind == "item":  # "1 - Subvention…" / "Délibération n° 12": one item
                heads[a] = Heading(a, "item", heads[b].number)
                del heads[b]
            elif heads[a].kind == "roman":  # "IV.	PERSONNEL" / "DL-056-07-13 - …": the chapter is a title
                heads[a] = Heading(a, "stop")
    order = sorted(heads)
    if not [i for i in order if heads[i].kind != "stop"]:
        return _unnumbered_items(doc, lines, usable, closing) if unnumbered else ([], None)
    ends = order[1:] + [closing]
    spans: list[Span] = []
    decided: set[str] = set()  # deliberation numbers of the acts already found
    for i, j in zip(order, ends):
        h = heads[i]
        if h.kind == "stop" or (h.number and NOT_AN_ACT_NUMBER_RE.match(h.number)):
            continue
        key = re.sub(r"[\s_./-]", "", h.number or "") if h.kind == "number" else ""
        if key and key in decided and spans:
            # the number of an act already read: its extract, annexed to the minutes after the
            # item (a scan of the signed deliberation), goes with the act before, not a new act
            end = lines[j].start if j < len(lines) else len(doc.text)
            spans[-1] = Span(spans[-1].start, end)
            continue
        cuts = [i] + _split_votes(lines, i, j) + [j]
        for a, b in zip(cuts, cuts[1:]):
            start = lines[a].start
            end = lines[b].start if b < len(lines) else len(doc.text)
            text = doc.text[start:end]
            # a numbered item reported to the assembly is taken note of ("rend compte au Conseil"),
            # unless its title is an information label alone ("Objet : Informations du Maire")
            reported = h.kind == "number" and bool(REPORTED_TO_ASSEMBLY_RE.search(text)) \
                and not WITHDRAWN_RE.search(text) and not _informs(_numbered_title(lines, i))
            if i in reports:  # a delegation report is an act when the assembly takes note of it
                taken = bool(ASSEMBLY_TAKES_NOTE_RE.search(text) or COUNCIL_DECIDES_RE.search(text)) or reported
            elif h.kind != "number" and _informs(lines[i].text):
                # "2. Informations du Maire … Le conseil municipal prend acte de ces informations":
                # information the assembly hears is no deliberation; only a vote makes it one
                taken = decides(text)
            else:
                taken = decides(text) or (h.kind == "number" and TAKES_NOTE_RE.search(text)) \
                    or bool(ASSEMBLY_TAKES_NOTE_RE.search(text)) or reported
            if taken:
                spans.append(Span(start, end))
                if key:
                    decided.add(key)
    if not spans:
        return [], None
    # pages after the closing page are the annexes of the last act
    last_page = doc.pages[-1].page_no
    if closing < len(lines):
        closing_page = doc.page_at(lines[closing].start)
        if spans[-1].end == lines[closing].start and last_page > closing_page:
            spans[-1] = Span(spans[-1].start, len(doc.text))
    if closing == len(lines) or doc.page_at(lines[closing].start) == last_page:
        # else what the meeting hears after the last item's decision, to its closing, is not the
        # item's: the reading of the month's permits, the mayor's thanks
        lo = next(k for k, ln in enumerate(lines) if ln.start >= spans[-1].start)
        hi = next((k for k, ln in enumerate(lines) if ln.start >= spans[-1].end), len(lines))
        end = _meeting_end(doc, lines, lo, hi)
        if end is not None:
            spans[-1] = Span(spans[-1].start, lines[end].start)
    first = lines[order[0]].start
    return spans, (Span(0, first) if first > 0 else None)
