"""Vocabulary of attendance blocks: status labels, proxies, recusals, arrivals and departures.

Each regex is compiled once, in ``re.VERBOSE`` mode, with one comment per branch naming
the French wording it reads. Real examples:

* "Étaient présents : M. Jean-Claude LEROY, Mme …", "Présents : M. DUPONT Jean, …"
* "Absents excusés ayant donné procuration : Mme DUBOIS Gaëlle à M. ROCHE Hugues"
* "Absent(s) ayant donné pouvoir : Mme Céline LEFEBVRE (pouvoir à M. Rémi MASSON)"
* "Assistant également sans voix délibérative : Mme Emmanuelle LEVEUGLE"
* "Madame Brigitte LEGRAND, intéressée à l'affaire, n'a pris part ni au débat, ni au vote"
* "Départ de Monsieur Eric ROBERT (procuration à Bernadette CORVISIER)", "Arrivée de Gilles Passot"
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------
# Labels opening a list of names
# ---------------------------------------------------------------------------

#: A label at the start of a line (or after a column break): the words up to its colon.
LABEL_RE = re.compile(
    r"""(?:^|(?<=\t)|(?<=\.\s))\W{0,3}
    (?P<label>
        (?:[ÉEé]tai(?:en)?t|sont|membres|conseill[eè]re?s|d[ée]l[ée]gu[ée]e?s|[ée]lus?)?\s*   # "Étaient", "Membres"
        (?:pr[ée]sente?s?|pr[ée]sent\(e\)s?|pr[ée]sent\(e\)\(s\)                             # présents
          |absente?s?\b|absent\(e\)s?|absent\(s\)|absent\(e\)\(s\)                         # absents
          |excus[ée]e?s?\b|excus[ée]\(e\)s?|excus[ée]\(s\)|excus[ée]\(e\)\(s\)             # excusés
          |pouvoirs?|procurations?|mandats?|repr[ée]sent[ée]e?s                              # pouvoirs
          |assistai(?:en)?t|assistante?s?                                                    # assistaient
          |secr[ée]taires?(?:\s+de\s+s[ée]ance)?)                                            # secrétaire
        (?![\wà-ÿ])[^:\n]{0,160}?
    )
    \s*(?::|$)""",
    re.I | re.X | re.M,
)

#: Inside a label: members who sit without a vote.
NO_VOTE_RE = re.compile(r"sans\s+voix\s+d[ée]lib[ée]rative|voix\s+consultative", re.I)

#: Inside a label: a proxy was given ("ayant donné pouvoir", "Procurations", "représentés",
#: "Absents ayant voté par procuration").
PROXY_LABEL_RE = re.compile(r"pouvoir|procuration|repr[ée]sent|mandat", re.I)

#: Inside a label: absent without excuse ("absents non excusés", "Etait absent non excusé").
UNEXCUSED_RE = re.compile(r"non[\s-]+excus", re.I)

#: Labels that close the list without giving persons to the table: the secretary (a
#: person already listed), counts, staff attending ("Assistaient : M. GALLEN, Directeur
#: Général des Services").
STOP_LABEL_RE = re.compile(r"secr[ée]taire|nombre|en\s+exercice|^\W*assistai(?:en)?t\s*$", re.I)

#: Lines that end an attendance list: counts, the agenda, the object, the visas, the
#: opening of the session, the schedule of a long meeting ("Questions 1 à 10 :").
STOP_LINE_RE = re.compile(
    r"""^\W{0,3}(?:
        nombre\s+de | (?:conseillers|membres|d[ée]l[ée]gu[ée]s)\s+(?:municipaux\s+)?en\s+exercice  # counts
      | en\s+exercice | votants? | quorum | le\s+quorum | soit\s+\d | \d+\s+pr[ée]sents?            # counts
      | ordre\s+du\s+jour | objet\b | vu\b | consid[ée]rant | questions?\s+\d                      # agenda, object
      | la\s+s[ée]ance | le\s+(?:conseil|maire|pr[ée]sident) | monsieur\s+le | madame\s+la        # opening
      | apr[èe]s\s | date\s+de\s+(?:la\s+)?convocation | convocation | s[ée]ance\s+du
      | approbation | d[ée]lib[ée]ration\b | cf\.?\s | secr[ée]taire | assistai(?:en)?t\b
      | pr[ée]sidence | pr[ée]sid[ée]
    )""",
    re.I | re.X,
)

#: A table header line in an attendance table ("Commune	Délégués présents").
TABLE_HEADER_RE = re.compile(r"^\s*(?:communes?|noms?|pr[ée]noms?|qualit[ée]|collectivit[ée]s?)\s*\t", re.I)

# ---------------------------------------------------------------------------
# Inside one entry of a list
# ---------------------------------------------------------------------------

#: The proxy holder of an entry: "Mme DUBOIS Gaëlle à M. ROCHE Hugues", "X (pouvoir à Y)",
#: "X donne pouvoir à Y", "X : procuration à Y", "X ayant donné procuration à Y",
#: "X représenté par Y", "X a donné pouvoir à Y".
PROXY_RE = re.compile(
    r"""(?:\s*[(:,]\s*|\s+)
    (?:
        (?:ayant\s+|a\s+|qui\s+a\s+)?donn[ée]e?s?\s+(?:son\s+|un\s+)?(?:pouvoir|procuration|mandat)\s+[àa]   # donne pouvoir à
      | (?:donne|donnent)\s+(?:son\s+|un\s+)?(?:pouvoir|procuration|mandat)\s+[àa]                          # donne pouvoir à
      | (?:pouvoir|procuration|mandat)\s+(?:donn[ée]e?\s+)?[àa]                                             # (pouvoir à …)
      | repr[ée]sent[ée]e?\s+par                                                                            # représenté par
      | [àa](?=\s+(?:M\.|Mme|MM\.|Monsieur|Madame|[A-ZÀ-Ý]))                                               # "X à Y"
    )\s+(?P<holder>[^()]+?)\s*\)?\s*$""",
    re.X,
)

#: Parenthesised remarks that are not part of the name: "(arrivé en cours de séance)",
#: "(Suppléant Laurence Boyer)", "(Boulogne-sur-Mer)", "[arrivée en retard)".
REMARK_RE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")

#: Entry separators: commas, semicolons (OCR'd " : " before a civility), dashes between
#: spaces, " et " before the last name.
SEPARATOR_RE = re.compile(r"\s*[,;]\s*|(?<=\))-\s*|\s+:\s+(?=(?:M\.|Mme|Monsieur|Madame)\s)|\s+[-–—]+\s+|\s+[-–—]{2,}\s*|\s*[–—]\s*|\s+et\s+(?=(?:M\.|Mme|MM|Monsieur|Madame|[A-ZÀ-Ý]))")

#: A civility starting a name, used to cut "M. X Mme Y" run together.
CIVILITY_START_RE = re.compile(r"(?<!\S)(?=(?:Monsieur|Madame|Mademoiselle|Mme|MME|Mlle|M\.)\s*[A-ZÀ-Ý])")

#: A plural civility that applies to every name after it up to the next civility:
#: "MMES FAUVEL, PAYEN, M. CLAVEAU", "MM SAINT-JAMES, ATLAN, BOURDIEC"; or a mixed one, men
#: and women together, that gives nobody a civility: "M. MMES Virginie PORCHER, Gérard
#: CHAUVET", "M. MMES, Michel GRAVOUIL", "M. MLLE Jacques CHEVALIER, Alice BICZYSKO"
#: (Chéméré's minutes: "Messieurs, Mesdames").
PLURAL_CIVILITY_RE = re.compile(
    r"""^(?:
        (?:M|MM|Messieurs)\.?\s*,?\s*(?:MMES|Mmes|MME|Mme|MLLES?|Mlles?|Mesdames|Mesdemoiselles)\b(?P<x>)  # mixed
      | (?i:Mmes|Mesdames)(?P<f>)                                                                 # women
      | (?:MM|Messieurs)(?P<m>)                                                                   # men
    )\.?\s*,?(?:\s+|$)""",
    re.X,
)

#: The comma inside a mixed plural civility, which would cut it in two: "Messieurs, Mesdames
#: Anne DURAND, Paul MARTIN" reads as "Messieurs Mesdames Anne DURAND, …".
MIXED_PLURAL_COMMA_RE = re.compile(
    r"\b(M|MM|Messieurs)(\.?)\s*,\s*(?=(?:MMES|Mmes|MME|Mme|MLLES?|Mlles?|Mesdames|Mesdemoiselles)\b)")

#: Inside a label: absents excused and absents who gave a proxy in one list ("Absents excusés
#: et pouvoirs donnés :"): a name with a holder is represented, one without only excused.
EXCUSED_AND_PROXIES_RE = re.compile(r"excus\w*\s+et\s+(?:pouvoirs?|procurations?)", re.I)

#: A piece of a list that only gives the proxy of the name before it, once the list was cut
#: at its commas: "M. Michel GRAVOUIL, Adjoint, pouvoir donné à M. Georges LECLEVE",
#: "MME Régine CORMIER, Conseillère municipale, procuration à M. Jean-Paul LERAY".
PROXY_ALONE_RE = re.compile(
    r"""^(?:
        (?:ayant\s+|a\s+|qui\s+a\s+)?donn[ée]e?s?\s+(?:son\s+|un\s+)?(?:pouvoir|procuration|mandat)\s+[àa]   # ayant donné pouvoir à
      | (?:pouvoir|procuration|mandat)\s+(?:donn[ée]e?\s+)?[àa]                                            # pouvoir donné à
      | repr[ée]sent[ée]e?\s+par                                                                           # représenté par
    )\s+(?P<holder>.+)$""",
    re.X,
)

#: "C.FOROT", "N. VERDON": initial and surname (Saint-Restitut), possibly OCR'd "N-GALIANA".
INITIAL_TOKEN_RE = re.compile(r"(?<![\w.])[A-ZÀ-Ý]\s?[.-]\s?[A-ZÀ-Ý][A-ZÀ-Ý'’-]+\b")

# ---------------------------------------------------------------------------
# Announcements in the body of an act or of minutes
# ---------------------------------------------------------------------------

_NAME = r"""(?:(?:M\.|Mme|Mlle|MM\.|Monsieur|Madame|Mademoiselle)[^\S\n]*)?
            [A-ZÀ-Ý][\w'’.-]*(?:[^\S\n]+(?:d[eu]\s+|de\s+la\s+|le\s+|la\s+)?[A-ZÀ-Ý][\w'’-]*){0,3}"""

#: Recusal of one person on this act: "Madame Brigitte LEGRAND, intéressée à l'affaire, n'a
#: pris part ni au débat, ni au vote", "Dominique BARBE ne prend pas part au vote", "M. X
#: quitte la séance pendant l'examen de ce point", "M. X ne participe pas au vote".
RECUSAL_RE = re.compile(
    rf"""(?P<name>{_NAME})\s*,?\s*
    (?:(?:[^.;\n]{{0,60}}?\bint[ée]ress[ée]e?s?\s+[àa]\s+l['’]affaire\s*,?\s*)?)    # "intéressée à l'affaire"
    (?:
        n['’]a(?:yant)?\s+pris\s+part\s+ni\s+au\s+d[ée]bat\s*,?\s+ni\s+au\s+vote   # n'a pris part ni au débat ni au vote
      | ne\s+(?:prend|prennent|prenant)\s+pas\s+part\s+(?:au\s+(?:d[ée]bat\s+ni\s+au\s+)?vote|[àa]\s+la\s+d[ée]lib[ée]ration)  # ne prend pas part au vote
      | n['’]a\s+pas\s+pris\s+part\s+au\s+vote | ne\s+participe(?:nt)?\s+pas\s+au\s+vote   # n'a pas pris part au vote
      | ne\s+participe(?:nt)?\s+ni\s+au\s+d[ée]bat\s+ni\s+au\s+vote
      | (?:quitte|quittent|a\s+quitt[ée]|sort|se\s+retire)\s+(?:de\s+)?(?:la\s+s[ée]ance|la\s+salle)
        \s+(?:pendant|pour|lors\s+de)\s+(?:l['’]examen\s+de\s+)?(?:ce\s+point|cette\s+(?:question|affaire|d[ée]lib[ée]ration)|ce\s+dossier|le\s+vote)  # quitte la séance pendant l'examen de ce point
    )""",
    re.X,
)

#: A member arrives: "Arrivée de Gilles Passot", "ARRIVEE DE NADIA GALIANA", "M. X arrive en
#: séance", "Retour de Monsieur Eric ROBERT", "M. X rejoint la séance".
ARRIVAL_RE = re.compile(
    rf"""(?:^|(?<=[.\n]))\s*(?i:arriv[ée]e|retour)\s+(?i:de)\s+(?P<name1>{_NAME})
      | (?P<name2>{_NAME})\s+(?i:arrive|rejoint|entre)\s+(?i:en\s+s[ée]ance|la\s+s[ée]ance|dans\s+la\s+salle|l['’]assembl[ée]e)""",
    re.X | re.M,
)

#: A member leaves for the rest of the meeting: "Départ de Monsieur Eric ROBERT (procuration
#: à Bernadette CORVISIER)", "M. X quitte la séance et donne pouvoir à M. Y".
DEPARTURE_RE = re.compile(
    rf"""(?:^|(?<=[.\n]))\s*(?i:d[ée]part)\s+(?i:de)\s+(?P<name1>{_NAME})
      | (?P<name2>{_NAME})\s+(?i:quitte|a\s+quitt[ée]|se\s+retire\s+de)\s+(?i:la\s+s[ée]ance|la\s+salle)
        (?!\s+(?i:pendant|pour\s+ce|lors\s+de))""",
    re.X | re.M,
)

#: The proxy given on leaving: "(procuration à Bernadette CORVISIER)", "et donne pouvoir à M. Y".
LEAVING_PROXY_RE = re.compile(
    rf"""^[^.\n]{{0,40}}?(?:pouvoir|procuration)\s+[àa]\s+(?P<holder>{_NAME})""",
    re.X,
)

#: Capital words that never belong to a name: an all-caps title line after the list
#: ("ACTEURS POUR UNE ÉCONOMIE SOLIDAIRE - CONTRIBUTION AUX") is not a continuation.
TITLE_WORDS = frozenset({"POUR", "UNE", "UN", "AUX", "AU", "ET", "EN", "SUR", "PAR", "AVEC", "DANS",
                         "LES", "DES", "A", "À", "OBJET", "DELIBERATION", "DÉLIBÉRATION", "RAPPORT",
                         "CONVENTION", "SUBVENTION", "BUDGET", "PROGRAMME", "COMMISSION", "CONSEIL"})

#: Lower-case words a list of names may hold: particles, proxies, functions, remarks.
LIST_WORDS = frozenset({
    "de", "du", "des", "d'", "le", "la", "les", "l'", "et", "à", "a", "au", "par", "van", "von", "mc",
    "donne", "donné", "donnée", "ayant", "pouvoir", "pouvoirs", "procuration", "procurations", "mandat",
    "représenté", "représentée", "représentés", "son", "un", "qui",
    "maire", "adjoint", "adjointe", "adjoints", "adjointes", "délégué", "déléguée", "délégués",
    "déléguées", "conseiller", "conseillère", "conseillers", "municipal", "municipale", "municipaux",
    "communautaire", "communautaires", "président", "présidente", "vice-président", "vice-présidente",
    "suppléant", "suppléante", "titulaire", "excusé", "excusée", "excusés", "absent", "absente",
    "absents", "er", "ème", "e",
})
