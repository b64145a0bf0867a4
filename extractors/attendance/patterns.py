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
        (?:(?:[ÉEé]tai(?:en)?t|sont|membres?|conseill[eè]re?s?|d[ée]l[ée]gu[ée]e?s?|[ée]lus?)(?:\s+titulaires?)?  # "Membre(s)", "Délégués titulaires"
          |(?:avai(?:en)?t|ont|a|ayant)\s+donn[ée]\s+(?:(?:leur|son|un)\s+)?)?\s*         # "Avaient donné pouvoir"
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

#: Inside a label: the proxy denied, so that the label names those who gave none: "Absent
#: non représenté", "Absents non représentés", "Excusés sans pouvoir", "Absente excusée
#: n'ayant pas donné procuration", "Excusé sans procuration".
NO_PROXY_LABEL_RE = re.compile(
    r"""(?:\bnon[\s-]+repr[ée]sent\w*                                                   # non représenté(e)(s)
         |\bsans\s+(?:pouvoirs?|procurations?|mandats?)                                # sans pouvoir
         |\bn['’](?:ayant|ont|a)\s+pas\s+donn[ée]\w*\s+(?:de\s+)?(?:pouvoirs?|procurations?|mandats?))""",
    re.I | re.X,
)

#: A count in parentheses after a label, never a name in it: "Présents (5) :", "Absents
#: représentés (2) :", "Absent (1) :".
LABEL_COUNT_RE = re.compile(r"\(\s*\d{1,3}\s*\)")

#: A label that names two cases at once, so that an entry without a proxy holder is the
#: first case and one with a holder is represented: "Excusés / pouvoirs", "Absents excusés
#: et pouvoirs", "Absent(s) et absent(s) excusé(s)" (absent or excused: who is which is
#: not said, so absent).
MIXED_LABEL_RE = re.compile(
    r"""(?:excus|absent)\w*(?:\([es]+\))*\s*(?:/|\bet\b|,|-)\s*(?:les\s+)?(?:pouvoirs?|procurations?)\b  # Excusés / pouvoirs
      | absent\w*(?:\([es]+\))*\s+(?:/|et)\s+absent\w*(?:\([es]+\))*\s+excus                     # Absent(s) et absent(s) excusé(s)
      | absent\w*(?:\([es]+\))*\s*(?:/|\bet\b|ou)\s*excus                                          # Absents et excusés, Absents / Excusés""",
    re.I | re.X,
)

#: Inside a label: titular delegates of an intercommunal council who sit through their
#: substitute (suppléant), who votes in their own right, holding no proxy: "Absents suppléés",
#: "Délégués titulaires excusés et représentés par leur suppléant", "Titulaires remplacés
#: par leur suppléant".
SUBSTITUTE_LABEL_RE = re.compile(
    r"""\bsuppl[ée]{2}e?s?\b                                                                   # suppléés
      | (?:repr[ée]sent[ée]e?s?|rempla[cç][ée]e?s?)\s+par\s+(?:leurs?|son|sa)\s+suppl[ée]ant\w*  # représentés par leur suppléant""",
    re.I | re.X,
)

#: Inside an entry: the titular and the substitute who sits for them: "M. Jacques TESSIER
#: (Vaas) suppléé par M. Rémy BODIN", "M. X remplacé par son suppléant M. Y", "M. X
#: représenté par sa suppléante Mme Y"; under a label of :data:`SUBSTITUTE_LABEL_RE`, "M. X
#: (Vaas) par M. Y".
SUBSTITUTE_RE = re.compile(
    r"""\s+(?:suppl[ée]{2}e?\s+par|rempla[cç][ée]e?\s+par|repr[ée]sent[ée]e?\s+par(?=\s+(?:son|sa)\s+suppl[ée]ant))
        \s+(?:(?:son|sa)\s+suppl[ée]ante?\s*,?\s*)?(?P<sub>[^()]+?)\s*(?:\([^()]*\))?\s*$""",
    re.I | re.X,
)
SUBSTITUTE_PAR_RE = re.compile(
    r"\s+par\s+(?:(?:son|sa|leur)\s+suppl[ée]ante?\s*,?\s*)?(?P<sub>(?:M\.|Mme|MM\.|Monsieur|Madame|[A-ZÀ-Ý])[^()]*?)\s*(?:\([^()]*\))?\s*$")

#: Labels that close the list without giving persons to the table: the secretary (a
#: person already listed), counts, staff attending ("Assistaient : M. GALLEN, Directeur
#: Général des Services").
STOP_LABEL_RE = re.compile(r"secr[ée]taire|nombre|en\s+exercice|^\W*assistai(?:en)?t\s*$", re.I)

#: Attendance written as one sentence: counts, then the names in parentheses: "Présents : 25 –
#: Représentés : 3 (Mme Anne PETIT par M. Paul DURAND, …) – Absents : 2 (M. Jean NOIR, …)",
#: "Il y avait 15 présents, 2 représentés (M. A par M. B) et 1 absent (M. E)". The label
#: comes before or after its count; the names are what the parentheses hold.
_SENTENCE_LABEL = r"""(?:pr[ée]sente?s?|repr[ée]sent[ée]e?s?|absente?s?(?:[^\S\n]{1,3}(?:non[^\S\n]{1,3})?excus[ée]e?s?)?|excus[ée]e?s?
                      |pouvoirs?|procurations?)"""
SENTENCE_LIST_RE = re.compile(
    rf"""(?:(?P<label1>{_SENTENCE_LABEL})[^\S\n]{{0,3}}:?[^\S\n]{{0,3}}(?P<n1>\d{{1,3}})
          |(?P<n2>\d{{1,3}})[^\S\n]{{1,3}}(?:(?:conseill[eè]re?s|membres|d[ée]l[ée]gu[ée]e?s|[ée]lus)[^\S\n]{{1,3}})?(?P<label2>{_SENTENCE_LABEL}))
        [^\S\n]{{0,3}}\((?P<names>[^()]{{3,1500}})\)""",
    re.I | re.X,
)

#: Every member present but a few, the few named after the exception: "Étaient présents tous
#: les conseillers municipaux en exercice à l'exception de : Mme X (pouvoir à M. Y)", "Tous
#: les membres du Conseil municipal étaient présents, à l'exception de M. X, excusé, …",
#: "Tous les conseillers étaient présents sauf :", "Présents : l'ensemble des conseillers
#: municipaux en exercice, à l'exception de Mme X et de M. Y (excusé)". Those named are the
#: absent (their remarks say excused or represented); the line must also say they were
#: present (:data:`ALL_BUT_PRESENT_RE`: not "tous les conseillers présents ont voté pour, à
#: l'exception de M. X").
ALL_BUT_RE = re.compile(
    r"""(?:\btou(?:s|tes)\s+les|\bl['’]ensemble\s+des)\s+(?:conseill|membres|d[ée]l[ée]gu|[ée]lus)[^.:\n]{0,160}?
        (?:\b[àa]\s+l['’]exception|\bsauf|\bexcept[ée]e?s?|\bhormis)\b[^\S\n]*(?:d[eu][^\S\n]+|d['’]|des[^\S\n]+)?[^\S\n]*:?[^\S\n]*""",
    re.I | re.X,
)

ALL_BUT_PRESENT_RE = re.compile(
    r"""^\W{0,3}(?:[ée]tai(?:en)?t\s+)?pr[ée]sente?s?\b                          # "Présents : …", "Étaient présents tous …"
      | \b(?:[ée]taient|sont|[ée]tait|est)\s+(?:tous\s+|toutes\s+)?pr[ée]sente?s?\b  # "Tous … étaient présents" """,
    re.I | re.X,
)

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
      | a\s+[ée]t[ée]\s+(?:[ée]lue?|d[ée]sign[ée]e?|nomm[ée]e?)                                  # A été élu secrétaire de séance
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
        (?:ayant\s+|a\s+|qui\s+a\s+)?donn[ée]e?s?\s+(?:son\s+|un\s+)?(?:pouvoir|procuration|mandat)\s+(?:[àa]|au)   # donne pouvoir à
      | (?:donne|donnent)\s+(?:son\s+|un\s+)?(?:pouvoir|procuration|mandat)\s+(?:[àa]|au)                          # donne pouvoir à
      | (?:pouvoir|procuration|mandat)\s+(?:donn[ée]e?\s+)?(?:[àa]|au)                                             # (pouvoir à …, au Président)
      | repr[ée]sent[ée]e?\s+par                                                                            # représenté par
      | [àa](?=\s+(?:M\.|Mme|MM\.|Monsieur|Madame|[A-ZÀ-Ý]))                                               # "X à Y"
    )\s+(?P<holder>[^()]+?)\s*\)?\s*$""",
    re.X,
)

#: A proxy holder named by an office, not by a name: "(pouvoir à Monsieur le Maire)", "(pouvoir
#: à M. le Maire)", "pouvoir au Président", "procuration à Mme la Maire", "pouvoir au 1er
#: adjoint", "représenté par le Vice-Président". The article before the office (lower case:
#: "M. LE GALL" is a surname) or an office word alone after "au".
OFFICE_ARTICLE_RE = re.compile(r"^(?:(?:M\.|Mme|Monsieur|Madame)\s+)?(?:le|la|l['’])\s*(?=\w)")
OFFICE_HOLDER_RE = re.compile(
    r"""^(?:(?:\d+\s*(?:er|[èe]re|e|[èe]me)|premi[eè]re?|deuxi[eè]me|troisi[eè]me|quatri[eè]me)\s+)?
        (?:vice[\s-]*)?(?:maire|pr[ée]sidente?|adjointe?|conseill[eè]re?|d[ée]l[ée]gu[ée]e?|doyen(?:ne)?)\b""",
    re.I | re.X,
)
#: The office that chairs the session, whose holder is the president: "le Maire", "Madame la
#: Maire", "le Président", "la Présidente (de séance)".
CHAIR_OFFICE_RE = re.compile(r"(?:maire|pr[ée]sidente?)(?:\s+de\s+(?:la\s+)?s[ée]ance)?", re.I)

#: After a proxy list of a représentés label, "par" names the holder: "Étaient représentés :
#: Mme Pascale ROLLAND par Mme Martine BOUVIER, M. Jean-Pierre HERBERT par M. …".
PAR_HOLDER_RE = re.compile(r"\s+par\s+(?P<holder>(?:M\.|Mme|MM\.|Monsieur|Madame|[A-ZÀ-Ý])[^()]*?)\s*$")

#: A proxy standing as a piece of its own after the member's name and function, commas
#: between: "M. Michel GRAVOUIL, Adjoint, pouvoir donné à M. Georges LECLEVE".
LEADING_PROXY_RE = re.compile(
    r"""^(?:(?:ayant\s+|a\s+|qui\s+a\s+)?donn[ée]e?\s+(?:son\s+|un\s+)?(?:pouvoir|procuration|mandat)\s+(?:[àa]|au)  # ayant donné pouvoir à
         |(?:pouvoir|procuration|mandat)\s+(?:donn[ée]e?\s+)?(?:[àa]|au)                                  # pouvoir donné à
         |repr[ée]sent[ée]e?\s+par)\s+(?P<holder>[^()]+?)\s*$""",
    re.I | re.X,
)

#: A status standing as a piece of its own after the member's name, commas between: "M.
#: Régis COLLIN, excusé, qui a donné pouvoir à …", "M. Xavier LAMBERT, absent".
STATUS_REMARK_RE = re.compile(r"(?:non[\s-]+)?(?:excus[ée]e?s?|absente?s?)", re.I)

#: A political group heading names inside a list, never a person: "Groupe Majorité : M. Paul
#: DURAND, …", "Non-inscrits : Luc MARTIN", "Liste « Agir ensemble » : …", "Opposition : …".
GROUP_PREFIX_RE = re.compile(
    r"""^(?:groupe\b[^:]{0,80} | non[\s-]inscrits? | majorit[ée]\b[^:]{0,60} | opposition\b[^:]{0,60}
         | liste\b[^:]{0,80} | [ée]lus?\s+(?:de\s+la\s+|du\s+)?(?:majorit|opposit|minorit)\w*[^:]{0,40})\s*:\s*""",
    re.I | re.X,
)

#: A group name standing alone as a piece: "Non-inscrits", "Groupe Socialiste".
GROUP_NAME_RE = re.compile(r"^(?:groupes?\b|non[\s-]inscrits?\b|majorit[ée]\b|opposition\b|minorit[ée]\b)", re.I)

#: A count printed after a list, in parentheses: "… Mme Sylvie VALENTE-LE HIR (27)".
COUNT_REMARK_RE = re.compile(r"\s*\(\s*(?P<n>\d{1,3})\s*\)\s*[.,;]?\s*$")

#: A proxy verb, to tell a line holding one whole entry: "Karine ESMIOL donne pouvoir à
#: Danielle DAUBE" printed one per line without separators.
PROXY_VERB_RE = re.compile(r"\b(?:donnen?t?|donn[ée]e?s?|pouvoir|procuration|repr[ée]sent[ée]e?)\b[^\n]{0,40}?\s(?:[àa]|par)\s", re.I)

#: What follows a proxy holder without being part of the name: "Louis DERUMAUX donne pouvoir
#: à Philippe SCHODET jusqu'à son arrivée", "… pour la durée de la séance".
HOLDER_TAIL_RE = re.compile(
    r"""\s+(?:jusqu['’]\s*[àa]\b|pour\s+(?:la|le|les|toute)\b|durant\b|pendant\b|[àa]\s+partir\b|lors\b
         |d[èe]s\b|avant\b|apr[èe]s\b)[^()]*$""",
    re.I | re.X,
)

#: A remark that dates a member's arrival or departure by the item: "(arrivée au début de
#: la délibération n°03)", "(arrivé à la question 4)", "(présent à partir du point n° 5)",
#: "(parti après la délibération n°7)", "(quitte la séance avant le point 9)".
ITEM_MOVE_RE = re.compile(
    r"""(?P<kind>(?P<arrives>arriv[ée]+e?s?|arrive|pr[ée]sente?s?\s+[àa]\s+partir
                   |(?:prend|prennent|pris|prenant)\s+part\s+(?:au\s+vote|aux\s+votes|aux\s+d[ée]bats)\s+[àa]\s+partir)  # a pris part au vote à partir du point 3
                  |parti(?:e|s|es)?|d[ée]part|quitt[ée]e?s?|quitte)\b
        [^()\d]{0,60}?
        (?:d[ée]lib[ée]rations?|points?|questions?|dossiers?|affaires?|rapports?|sujets?)\s*(?:n\s*[°o]\s*)?(?P<n>\d{1,3})""",
    re.I | re.X,
)

#: An hour in a remark ("arrivé à 20h45, à partir du point 3"), left out before
#: :data:`ITEM_MOVE_RE` reads the item: it is no item.
HOUR_RE = re.compile(r"\b\d{1,2}\s*h\s*\d{0,2}\b|\b\d{1,2}[:.]\d{2}\b", re.I)

#: When, around the item of :data:`ITEM_MOVE_RE`: "avant le point 9" (left before it),
#: "après la délibération n°7", "au début de", "à partir du", "dès le".
ITEM_WHEN_RE = re.compile(r"avant|apr[èe]s|[àa]\s+partir|au\s+d[ée]but|d[èe]s\b", re.I)

#: The remark that ends an entry: "… à Mme Martine PASQUIER (Le Lude)".
TRAILING_REMARK_RE = re.compile(r"\s*\([^()]*\)\s*$")

#: Parenthesised remarks that are not part of the name: "(arrivé en cours de séance)",
#: "(Suppléant Laurence Boyer)", "(Boulogne-sur-Mer)", "[arrivée en retard)".
REMARK_RE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")

#: Entry separators: commas, semicolons (OCR'd " : " before a civility), dashes between
#: spaces, " et " before the last name.
SEPARATOR_RE = re.compile(r"\s*[,;]\s*|(?<=\))-\s*|\s+:\s+(?=(?:M\.|Mme|Monsieur|Madame)\s)|\s+[-–—]+\s+|\s+[-–—]{2,}\s*|\s*[–—]\s*|\s+et\s+(?=(?:M\.|Mme|MM|Monsieur|Madame|[A-ZÀ-Ý]))|\s+et\s+de\s+(?=(?:M\.|Mme|MM|Monsieur|Madame)\s)")

#: A civility starting a name, used to cut "M. X Mme Y" run together.
CIVILITY_START_RE = re.compile(r"(?<!\S)(?=(?:Monsieur|Madame|Mademoiselle|Mme|MME|Mlle|M\.)\s*[A-ZÀ-Ý])")

#: A plural civility that applies to every name after it up to the next civility:
#: "MMES FAUVEL, PAYEN, M. CLAVEAU", "MM SAINT-JAMES, ATLAN, BOURDIEC"; a mixed one ("M.
#: MMES Virginie PORCHER, Gérard CHAUVET", "Mmes et MM.") gives no civility to anyone.
PLURAL_CIVILITY_RE = re.compile(
    r"""^(?:(?i:M\.?|MM\.?|Messieurs)\s+(?:et\s+)?(?i:Mmes|Mesdames|Mlles?)\.?(?P<x>)    # M. MMES, MM. et Mmes, M. MLLE
         |(?i:Mmes|Mesdames|Mlles?)\.?\s+(?:et\s+)?(?i:MM|Messieurs|M)\.?(?P<y>)(?=\s)    # Mmes et MM.
         |(?i:Mmes|Mesdames)(?P<f>)|(?:MM|Messieurs)(?P<m>))\.?(?:\s+|\s*,\s*|$)""",
    re.X,
)

#: The comma inside a mixed plural civility, which would cut it in two: "Messieurs, Mesdames
#: Anne DURAND, Paul MARTIN" reads as "Messieurs Mesdames Anne DURAND, …".
MIXED_PLURAL_COMMA_RE = re.compile(
    r"\b(M|MM|Messieurs)(\.?)\s*,\s*(?=(?:MMES|Mmes|MME|Mme|MLLES?|Mlles?|Mesdames|Mesdemoiselles)\b)")

#: "C.FOROT", "N. VERDON": initial and surname (Saint-Restitut), possibly OCR'd "N-GALIANA".
INITIAL_TOKEN_RE = re.compile(r"(?<![\w.])[A-ZÀ-Ý]\s?[.-]\s?[A-ZÀ-Ý][A-ZÀ-Ý'’-]+\b")

# ---------------------------------------------------------------------------
# Announcements in the body of an act or of minutes
# ---------------------------------------------------------------------------

#: A name in running text: an optional civility (any case: "monsieur Louis DERUMAUX"), then
#: one to four capitalised words with particles. It begins a word, or follows the elision of
#: a particle ("d'ORNANO"), never inside a run of letters; every repeat is bounded (no nested
#: unbounded repeats), so a scan over a long text stays linear.
_NAME = r"""(?:(?<![\w'’.-])|(?<=(?<!\w)[dl]['’]))
            (?:(?i:M\.|Mme|Mlle|MM\.|Monsieur|Madame|Mademoiselle)[^\S\n]{0,3})?
            [A-ZÀ-Ý][\w'’.-]{0,30}(?:[^\S\n]{1,3}(?:d[eu][^\S\n]{1,3}|de[^\S\n]la[^\S\n]{1,3}|le[^\S\n]{1,3}|la[^\S\n]{1,3})?[A-ZÀ-Ý][\w'’-]{0,30}){0,3}"""

#: A name to look for before a recusal cue (same shape as :data:`_NAME`).
NAME_RE = re.compile(_NAME, re.X)

#: The cue of a recusal on this act, the person named before it: "Madame Brigitte LEGRAND,
#: intéressée à l'affaire, n'a pris part ni au débat, ni au vote", "Madame Claire GODEFROY,
#: intéressée à l'affaire, ne prend part ni au débat ni au vote", "Monsieur Philippe
#: Pouleau, concerné professionnellement, sort de la salle et ne participe ni au débat ni au
#: vote", "Dominique BARBE ne prend pas part au vote", "M. X quitte la séance pendant
#: l'examen de ce point", "M. X ne participe pas au vote". The name is searched in the
#: sentence before the cue (:func:`extractors.attendance.apply_recusals`): the pattern holds
#: no name and no unbounded repeat inside another, so it is linear.
RECUSAL_RE = re.compile(
    r"""(?:
        n['’]a(?:yant)?\s{1,3}pris\s{1,3}part\s{1,3}ni\s{1,3}au\s{1,3}d[ée]bat\s{0,3},?\s{1,3}ni\s{1,3}au\s{1,3}vote   # n'a pris part ni au débat, ni au vote
      | ne\s{1,3}(?:prend|prennent|prenant)\s{1,3}pas\s{1,3}part\s{1,3}(?:au\s{1,3}(?:d[ée]bat\s{1,3}ni\s{1,3}au\s{1,3})?vote|[àa]\s{1,3}la\s{1,3}d[ée]lib[ée]ration)  # ne prend pas part au vote
      | n['’]a\s{1,3}pas\s{1,3}pris\s{1,3}part\s{1,3}au\s{1,3}vote | ne\s{1,3}participe(?:nt)?\s{1,3}pas\s{1,3}au\s{1,3}vote   # n'a pas pris part au vote
      | ne\s{1,3}(?:participe(?:nt)?|prend|prennent)(?:\s{1,3}part)?\s{1,3}ni\s{1,3}au\s{1,3}d[ée]bat\s{0,3},?\s{1,3}ni\s{1,3}au\s{1,3}vote  # ne prend part ni au débat ni au vote
      | (?:quitte|quittent|a\s{1,3}quitt[ée]|sort|sortent|se\s{1,3}retire)\s{1,3}(?:de\s{1,3})?(?:la\s{1,3}s[ée]ance|la\s{1,3}salle)
        \s{1,3}(?:pendant|pour|lors\s{1,3}de)\s{1,3}(?:l['’]examen\s{1,3}de\s{1,3})?(?:ce\s{1,3}point|cette\s{1,3}(?:question|affaire|d[ée]lib[ée]ration)|ce\s{1,3}dossier|le\s{1,3}vote)  # quitte la séance pendant l'examen de ce point
      | (?:s['’](?:[ée]tant|est)\s{1,3}retir[ée]e?s?|se\s{1,3}retire(?:nt)?|s['’][ée]taient\s{1,3}retir[ée]e?s)(?:\s{1,3}de\s{1,3}la\s{1,3}salle)?
        \s{1,3}(?:au\s{1,3}moment\s{1,3}du|lors\s{1,3}du|pour\s{1,3}le|pendant\s{1,3}le)\s{1,3}vote                # s'étant retiré au moment du vote (compte administratif)
    )""",
    re.X,
)

#: In the extract of one deliberation, a member who leaves the room takes no part in it: "Mme
#: LEMAIRE, présidente de l'association, sort de la salle." (the cues of :data:`RECUSAL_RE`
#: and the leaving alone; in minutes, leaving the room may be for the rest of the meeting).
ONE_ACT_RECUSAL_RE = re.compile(
    rf"""(?:{RECUSAL_RE.pattern}
        )
      | (?:sort|sortent|quitte|quittent|se\s{{1,3}}retire(?:nt)?)\s{{1,3}}de\s{{1,3}}la\s{{1,3}}salle\b   # sort de la salle
      | (?:quitte|quittent)\s{{1,3}}la\s{{1,3}}salle\b                                                    # quitte la salle""",
    re.X,
)

#: After an item's vote, a recusal for the item that follows (:func:`extractors.attendance.
#: next_item_recusals`): the member leaves the room now ("Le Maire quitte la salle et ne prend
#: pas part au vote", "M. X, intéressé, sort de la salle"), or the sentence names the next
#: item ("Avant l'examen du point suivant, M. X …", "pour la question suivante").
NEXT_ITEM_RE = re.compile(
    r"""\b(?:quitte|quittent|sort|sortent|se\s{1,3}retire(?:nt)?)\s{1,3}(?:de\s{1,3})?(?:la\s{1,3}salle|la\s{1,3}s[ée]ance)  # quitte la salle
      | \b(?:point|question|dossier|rapport|sujet|affaire|d[ée]lib[ée]ration)\s{1,3}suivante?\b                              # le point suivant
      | \bprochain(?:e)?\s{1,3}(?:point|question|dossier|rapport|sujet|affaire|d[ée]lib[ée]ration)\b""",
    re.I | re.X,
)

#: The end of a sentence in running text (a civility's full stop, "M. X", is none).
SENTENCE_END_RE = re.compile(r"(?<=[.;!?])(?<!\bM\.)(?<!\bMM\.)\s+|\n+")

#: A proxy that does not count for this act: "le pouvoir de madame Fabienne Salado à monsieur
#: Philippe Pouleau n'est pas pris en compte" (its holder does not vote on the item).
VOID_PROXY_RE = re.compile(
    rf"""(?i:le\s{{1,3}}pouvoir|la\s{{1,3}}procuration)\s{{1,3}}(?i:de)\s{{1,3}}(?P<name>{_NAME})\s{{1,3}}[àa]\s{{1,3}}(?P<holder>{_NAME})
        \s{{1,3}}(?i:n['’]est\s{{1,3}}pas\s{{1,3}}pris\s{{1,3}}en\s{{1,3}}compte|ne\s{{1,3}}(?:peut|pourra)\s{{1,3}}[êe]tre\s{{1,3}}pris\s{{1,3}}en\s{{1,3}}compte)""",
    re.X,
)

#: A member arrives: "Arrivée de Gilles Passot", "ARRIVEE DE NADIA GALIANA", "ARRIVEE ISABELLE
#: MEJEAN", "M. X arrive en séance", "Retour de Monsieur Eric ROBERT", "M. X rejoint la séance",
#: "M. X arrive à 20h45 et prend part au vote à partir du point 3", "M. X arrive."
ARRIVAL_RE = re.compile(
    rf"""(?:^|(?<=[.\n]))\s{{0,3}}(?P<word>(?i:arriv[ée]e|retour))\s{{1,3}}(?:(?i:de)\s{{1,3}})?(?P<name1>{_NAME})
      | (?P<name2>{_NAME})\s+(?:(?i:arrive|rejoint|entre)\s+(?i:en\s+s[ée]ance|la\s+s[ée]ance|dans\s+la\s+salle|l['’]assembl[ée]e)
                              | (?i:arrive|arrivent)(?=[^\S\n]+(?i:[àa][^\S\n]+\d|en[^\S\n]+(?:cours|retard)|au[^\S\n]+cours|pendant|lors|durant)
                                                     |[^\S\n]*[.;]))                                # arrive à 20h45""",
    re.X | re.M,
)

#: A member leaves for the rest of the meeting: "Départ de Monsieur Eric ROBERT (procuration
#: à Bernadette CORVISIER)", "M. X quitte la séance et donne pouvoir à M. Y"; not one who leaves
#: for one item ("se retire de la salle du conseil et ne participe pas au vote": a recusal);
#: "M. X quitte définitivement la séance", "M. X se retire à 22h00 et donne procuration à …".
DEPARTURE_RE = re.compile(
    rf"""(?:^|(?<=[.\n]))\s{{0,3}}(?i:d[ée]part)\s{{1,3}}(?i:de)\s{{1,3}}(?P<name1>{_NAME})
      | (?P<name2>{_NAME})\s+(?:(?i:quitte|a\s+quitt[ée]|se\s+retire\s+de)(?i:\s+d[ée]finitivement)?\s+(?i:la\s+s[ée]ance|la\s+salle)
                              | (?i:se\s+retire)(?=[^\S\n]+(?i:[àa][^\S\n]+\d|et[^\S\n]+donne)))  # se retire à 22h00 (alone: maybe for one item)
        (?![^.;\n]{{0,60}}?(?i:\bpendant\b|\bpour\s+ce\b|\blors\s+de\b|\bne\s+(?:participe|prend)\w*\s+(?:pas|part|ni)))""",
    re.X | re.M,
)

#: An attendance written as sentences, after the counts or in place of a list: "Mme Anne
#: LEROY a donné pouvoir à M. Jean DUPONT.", "M. Paul DURAND donne procuration à Mme X",
#: "M. Luc PETIT est absent.", "Mme Marie BLEU, excusée, a donné son pouvoir à …" is the
#: proxy form; "Mme Y est excusée", "M. Z est représenté par M. W".
PROXY_SENTENCE_RE = re.compile(
    rf"""(?P<name>{_NAME})[^\S\n]*,?[^\S\n]+(?:(?i:excus[ée]e?)[^\S\n]*,[^\S\n]*)?
        (?i:a[^\S\n]+donn[ée]|donne)[^\S\n]+(?i:son[^\S\n]+|sa[^\S\n]+)?(?i:pouvoir|procuration)[^\S\n]+(?i:[àa])[^\S\n]+
        (?P<holder>{_NAME})""",
    re.X,
)
#: A proxy stated on a line of its own, the giver after "de": "Pouvoir de M. Thierry PERRIN à
#: M. Didier CARON.", "Procuration de Mme Anne LEROY à M. Paul DURAND", "Délégation de vote de
#: M. X à Mme Y".
PROXY_FROM_RE = re.compile(
    rf"""(?:^|(?<=[.;\n]))[^\S\n]*(?i:pouvoirs?|procurations?|mandats?|d[ée]l[ée]gations?[^\S\n]+de[^\S\n]+vote)
        [^\S\n]+(?i:de|donn[ée]e?[^\S\n]+par)[^\S\n]+(?P<name>{_NAME})[^\S\n]+(?i:[àa])[^\S\n]+(?P<holder>{_NAME})""",
    re.X | re.M,
)
STATUS_SENTENCE_RE = re.compile(
    rf"""(?P<name>{_NAME})[^\S\n]*,?[^\S\n]+(?i:est|était)[^\S\n]+
        (?P<status>(?i:absente?|excus[ée]e?|repr[ée]sent[ée]e?))(?![\w-])
        (?:[^\S\n]+(?i:et[^\S\n]+)?(?i:excus[ée]e?)(?![\w-]))?
        (?:[^\S\n]+(?i:par)[^\S\n]+(?P<holder>{_NAME}))?""",
    re.X,
)

#: A role heading the rest of a list of names: "les Adjoints : Marie MARTIN, …", "Conseillers
#: municipaux : …", "Maire : Jean DUPONT" (the label must be a function: ``is_function_label``).
ROLE_LABEL_RE = re.compile(r"^(?:(?:les?|la|l['’])\s*)?(?P<label>[^:,;()]{2,60}?)\s*:\s*(?=\S)", re.I)

#: A commune or group before the civility of the first name under it: "Le Pin : M. Jean NOIR",
#: "…, Val-d'Arre : Mme Anne BLEU" (what the label is is decided by the reader).
HEADING_BEFORE_CIVILITY_RE = re.compile(
    r"(?P<lead>^|[,;]\s*|\s[-–—]\s)(?P<label>[A-ZÀ-Ý][^:,;()\d\n]{1,50}?)\s*:\s+(?=(?:M\.|Mme|MME|MM\.?|Mlle|Monsieur|Madame)\s)")

#: The office named in a list instead of its holder: "M. le Maire", "Madame la Présidente",
#: "Monsieur le 1er Adjoint" (what follows the civility and article must be a function).
OFFICE_MENTION_RE = re.compile(r"^(?:M\.|Mme|Monsieur|Madame)\s+(?:le|la|l['’])\s*", re.I)

#: The words without which neither an arrival nor a departure can be read (a cheap test
#: before the two patterns above, which try a name at every position).
MOVEMENT_WORD_RE = re.compile(r"arriv|retour|rejoint|entre|d[ée]part|quitt|retire", re.I)

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
