"""Vocabulary of vote statements: unanimity, tallies, outcomes, names behind positions.

Each regex is compiled once, in ``re.VERBOSE`` mode, with one comment per branch naming
the French wording it reads. Real examples:

* "Le Conseil Municipal, après en avoir délibéré, à l'unanimité, DÉCIDE :"
* "Pour : 41 voix (Groupe Socialiste, Républicain et Citoyen ; Non-inscrit) Contre : 0 voix"
* "Adopté à la majorité : 25 pour, 3 contre, 2 abstentions, 1 ne prend pas part au vote"
* "POUR	21 / CONTRE	1 (Jean Marie SALANON) / ABSTENTION 1 (Sébastien MAYOR)"
* "Vote : 1 ABSTENTION (C.BOURRETTE) — 11 POUR", "Par : DEUX voix POUR - ONZE voix CONTRE"
* "après en avoir délibéré, avec 76 voix pour, 0 contre et 2 abstentions :"
"""

from __future__ import annotations

import re

#: French number words up to the size of a council, for "DEUX voix POUR - ONZE voix CONTRE".
NUMBER_WORDS: dict[str, int] = {
    "zéro": 0, "zero": 0, "aucune": 0, "aucun": 0, "un": 1, "une": 1, "deux": 2, "trois": 3,
    "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11,
    "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "dix-sept": 17,
    "dix-huit": 18, "dix-neuf": 19, "vingt": 20, "vingt-et-un": 21, "vingt et un": 21,
    "vingt-deux": 22, "vingt-trois": 23, "vingt-quatre": 24, "vingt-cinq": 25,
    "vingt-six": 26, "vingt-sept": 27, "vingt-huit": 28, "vingt-neuf": 29, "trente": 30,
    # "Contre : néant", "Abstention : NEANT": none (read after a label, as the other words are)
    "néant": 0, "neant": 0,
}
_WORDS = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))

#: A count: digits (OCR may read 0 as "O" before "voix"), or a number word before "voix"
#: ("DEUX voix POUR"); "pour une séance" is not a count.
_N = rf"(?:\d{{1,3}}(?!\d)|O(?=\s+voix)|(?i:{_WORDS})(?=\s+(?i:voix)))"

#: A count in words that stands alone after its label and its colon or tab ("Pour : dix –
#: Contre : zéro", "ABSTENTIONS : une"): never a phrase ("Pour : une meilleure …", "pour un
#: montant de …").
_N_LABELLED = rf"""(?:{_N}|(?:(?<=:)|(?<=:\s)|(?<=\t))(?i:{_WORDS})(?=[^\S\n]*(?:[–—/,;.\t-]|\(|$|\n|(?i:voix)\b)))"""

#: A count in words where no "voix" follows: after "moins" or "dont" ("à l'unanimité moins une
#: abstention", "dont deux abstentions"), or right before the position it counts ("par quatorze
#: voix pour et trois contre", "et UNE ABSTENTION", "seize voix pour et deux abstentions (…)").
#: Before "pour" or "contre" the position must end the phrase (a stop, a comma, "et", a
#: parenthesis): "trois pour cent", "un pour dix habitants", "l'une contre l'autre" are no counts.
_N_AFTER = rf"""(?:{_N}|(?<=\bmoins\s)(?i:{_WORDS})|(?<=\bMOINS\s)(?i:{_WORDS})|(?<=\bdont\s)(?i:{_WORDS})
               |(?i:{_WORDS})(?=[^\S\n]+(?:[«“"][^\S\n]*)?(?:(?i:abstentions?)\b
                                          |(?i:pour|contre)(?![\w-])[^\S\n]*[»”"]?(?=[^\S\n]*(?:[,;.:()\[\]–—/\n]|-(?!\w)|(?i:et|ou)\b|$)))))"""

#: Position words, as printed.
_FOR = r"(?i:pour)"
_AGAINST = r"(?i:contre)"
_ABSTAIN = r"(?i:abstentions?|abstenu(?:e|s|es)?|abstention\(s\))"
_NOT_VOTING = r"""(?i:ne\s+(?:prend|prennent|prenant)\s+pas\s+part\s+au\s+vote|n['’](?:ont|a|ayant)\s+pas\s+pris\s+part\s+au\s+vote
                   |non[\s-]+participations?(?:\s+au\s+vote)?|nppv|refus\s+de\s+vote
                   |ne\s+(?:participe|participent|participant)\s+pas\s+au\s+vote)"""

#: A position said by a verb, after the members who took it ("une conseillère s'étant
#: abstenue", "deux élus ont voté contre", "Mme X votant contre", "M. X ne prenant pas part au
#: vote"): the participle, the present and the past of voting against or for and of abstaining.
#: "voter pour" must end its phrase: "M. X votant pour Mme Y" is a proxy's vote, no position.
_VERB_AGAINST = r"""(?i:(?:ont|a|ayant)\s+vot[ée]\s+contre|vot(?:ent|e|ant)\s+contre)(?![\w-])"""
_VERB_FOR = r"""(?i:(?:ont|a|ayant)\s+vot[ée]\s+pour|vot(?:ent|e|ant)\s+pour)(?![\w-])(?=[^\S\n]*(?:[,;.:()\n]|et\b|$))"""
_VERB_ABSTAIN = r"""(?i:s['’]\s?(?:étant|etant)\s+abstenu(?:e|s|es)?|s['’]\s?abstenant|s['’]\s?abstien(?:t|nent)
                     |se\s+sont\s+abstenu(?:e|s|es)?|s['’]\s?est\s+abstenu(?:e)?)(?![\w-])"""
#: Not taking part, as a verb: "ne prend pas part au vote", "ne prenant pas part au vote",
#: "n'ont pas pris part au vote", "ne participe pas au vote", "ne prend part ni au débat ni au vote".
_VERB_NOT_VOTING = r"""(?i:ne\s+(?:prend|prennent|prenant)\s+pas\s+part\s+au\s+vote|n['’](?:ont|a|ayant)\s+pas\s+pris\s+part\s+au\s+vote
                        |ne\s+(?:participe|participent|participant)\s+pas\s+au\s+vote
                        |ne\s+(?:prend|prennent|prenant|participe|participent|participant)\s+(?:part\s+)?ni\s+aux?\s+d[ée]bats?\s+ni\s+au\s+vote)"""
_POSITION_VERB = rf"(?:{_VERB_AGAINST}|{_VERB_FOR}|{_VERB_ABSTAIN}|{_VERB_NOT_VOTING})"

#: The verb of a position after the members who took it, named: "M. Yves LE ROUX, intéressé à
#: l'affaire, ne prend pas part au vote.", "Adopté à l'unanimité, M. Yves LE ROUX ne prenant pas
#: part au vote.", "Adopté à la majorité, Mme Lena PERON votant contre.", "MM. X et Y
#: s'abstiennent." The names before it are read by the votes extractor (its subject).
POSITION_VERB_RE = re.compile(rf"(?<=[\s,]){_POSITION_VERB}", re.X)

#: Members as a count names them: "une conseillère", "deux conseillers municipaux", "3 élus".
_MEMBERS = r"""(?i:conseill(?:er|ère|ers|ères)(?:\s+municipa(?:l|le|ux|les)|\s+communautaires?)?|membres?|élu(?:e|s|es)?)"""

#: "Pour : 41 voix", "CONTRE	0", "Abstention: 1 voix", "POUR 21", "Ne prend pas part au
#: vote : 1" — the position first, then its count.
LABEL_FIRST_RE = re.compile(
    rf"""(?<![\w'’])(?:[«“"]\s*)?(?P<pos>{_FOR}|{_AGAINST}|{_ABSTAIN}|{_NOT_VOTING})(?:\s*[»”"])?
        (?:\s*:\s*|\s*\t\s*|\s+)(?P<n>{_N_LABELLED})(?![^\S\n]*(?:%|€|euros?|ans?\b|[.,]\d|\d))
        (?:\s+(?i:voix|votes?|membres?|élus?))?""",
    re.X,
)

#: "25 voix pour", "3 contre", "2 abstentions", "1 ne prend pas part au vote", "11 voix
#: POUR", "2 ABSTENTIONS" — the count first, then its position; the position may be quoted,
#: as minutes often print it ("14 « Pour », 2 « Contre »", "« Pour » : 15"). Not the end of a
#: date: "02/11/11	pour bureaux location des salles" is a row of a table of purchases.
COUNT_FIRST_RE = re.compile(
    rf"""(?<![\w,./])(?P<n>{_N_AFTER})\s+(?:(?i:voix|votes?|membres?|élus?)\s+)?(?:[«“"]\s*)?
        (?P<pos>{_FOR}(?![\w])|{_AGAINST}|{_ABSTAIN}|{_NOT_VOTING})(?![\w])""",
    re.X,
)

#: A count of members, then the verb of their position: "une conseillère s'étant abstenue",
#: "deux conseillers ont voté contre", "1 élu ne prenant pas part au vote".
MEMBERS_POSITION_RE = re.compile(
    rf"""(?<![\w,.])(?P<n>\d{{1,3}}(?!\d)|(?i:{_WORDS}))\s+{_MEMBERS}\s+(?P<pos>{_POSITION_VERB})""",
    re.X,
)

#: A majority against a minority, the decision's own way of counting: "adopté par 15 voix
#: contre 3", "approuve, par 20 voix contre 2 et 1 abstention", "à 12 voix contre 5" — the
#: first count is for what is decided, the second against it (when what is decided is a
#: rejection, the counts are read no further: see the votes extractor). "2 voix contre
#: 3 abstentions" is no such duel: the second count has its own position.
VERSUS_RE = re.compile(
    rf"""(?<![\w'’])(?i:par|avec|à|a)\s+(?P<n>{_N})\s+(?i:voix)\s+(?P<against>(?i:contre))\s+(?P<m>{_N}|(?i:{_WORDS}))(?![\d\w])
        (?!\s*(?:(?i:voix|votes?)\s+)?(?:{_FOR}|{_AGAINST}|{_ABSTAIN}|{_NOT_VOTING})(?![\w]))""",
    re.X,
)

#: The decision was unanimous: "à l'unanimité", "A L'UNANIMITE des votants",
#: "à l'unanimité des suffrages exprimés", "unanimement".
UNANIMITY_RE = re.compile(r"(?:[àa]\s+l['’\s]*\s*)?unanimit[ée]|unanimement", re.I)

#: What makes a unanimity a vote of this act rather than a quote: the deliberation formula
#: ("après en avoir délibéré … à l'unanimité"), a line that states the result ("ADOPTE A
#: L'UNANIMITE", "Accord du conseil à l'unanimité", "Vote : à l'unanimité"), or the council
#: acting ("Le Conseil Municipal, à l'unanimité, DÉCIDE", "les membres … adoptent, à l'unanimité").
UNANIMITY_CONTEXT_RE = re.compile(
    r"""apr[èe]s\s+(?:en\s+)?avoir\s+d[ée]lib[ée]r[ée][^.;:]{0,40}$                                     # après en avoir délibéré, à l'unanimité
      | apr[èe]s\s+(?:d[ée]lib[ée]ration|vote|en\s+avoir\s+vot[ée]|avoir\s+entendu[^.]{0,80})[^.;:]{0,30}$   # après vote à l'unanimité
      | ^\W{0,3}(?:adopt[ée]e?s?|approuv[ée]e?s?|accord|vote|d[ée]cision\s+adopt[ée]e|d[ée]lib[ée]ration\s+adopt[ée]e
                 |valid[ée]e?s?|accept[ée]e?s?)\b[^.;]{0,60}$                                                # ADOPTE A L'UNANIMITE
      | ^\W{0,3}$                                                                                           # "A l'unanimité," at a line start
      | \b(?:conseil|conseillers|membres|assembl[ée]e|bureau|commission\s+permanente)\b[^.;]{0,80}?
        \b(?:adopte|adoptent|approuve|approuvent|d[ée]cide|d[ée]cident|vote|votent|accepte|acceptent|valide|valident|
           d[ée]lib[èe]re|se\s+prononce|émet|emet|donne
           |(?:ont|a)\s*,?\s*(?:adopt|approuv|vot|accept|valid)[ée]e?s?)\b[^.;]{0,40}$                       # Le Conseil … adopte, à l'unanimité; les Membres … ont, adopté à l'unanimité
      | \b(?:conseil|conseillers|membres|assembl[ée]e)\b[^.;]{0,60},\s*$                                    # Le Conseil Municipal, à l'unanimité,
      | \b(?:est|sont|a\s+[ée]t[ée]|ont\s+[ée]t[ée])\s+(?:adopt|approuv|vot|accept|[ée]lu|d[ée]sign)[ée]?e?s?\s*,?\s*$
                                                            # le compte rendu … est approuvé, qu'est élu, sont désignés à l'unanimité
      | \bet\s+(?:en\s+avoir\s+)?d[ée]lib[ée]r[ée]\s*,\s*(?:d[ée]cide(?:nt)?|adoptent|adopte|approuvent|approuve
                                                       |autorisent|autorise|acceptent|accepte|d[ée]signent|d[ée]signe
                                                       |fixent|fixe|valident|valide|votent|vote|donnent|donne)?\s*,?\s*$
                                                            # … après avoir pris connaissance … et délibéré, décide à l'unanimité
      | ^\W{0,3}d[ée]cide(?:nt)?\s*,?\s*$                   # DECIDE A L'UNANIMITE DES MEMBRES PRESENTS :
    """,
    re.I | re.X | re.M,
)

#: A line that opens on the deciding verb before a unanimity ("DECIDE A L'UNANIMITE DES
#: MEMBRES PRESENTS :"): the act's own vote, whatever the visas above it quote ("Vu la
#: délibération du conseil d'administration …").
DECIDING_LINE_RE = re.compile(r"^\W{0,3}(?:le\s+conseil\s+\w+\s*,?\s*)?d[ée]cide(?:nt)?\s*,?\s*$", re.I)

#: A decision taken by a majority, whose tally follows in a parenthesis or after a comma:
#: "décide à la majorité des membres présents (2 abstentions)", "adopté à la majorité (3
#: voix contre)", "à la majorité absolue des suffrages exprimés, 4 abstentions".
MAJORITY_RE = re.compile(r"\b(?:[àa]\s+la\s+)?majorit[ée](?:\s+(?:absolue|simple|qualifi[ée]e))?"
                         r"(?:\s+des\s+(?:membres|suffrages|voix|votants|conseillers|pr[ée]sents)[^().;\n]{0,40})?"
                         r"\s*[(,]?\s*$", re.I)

#: A decision said to be taken by a majority, which says it was not unanimous: "Adopté à la
#: majorité", "Décision : adoptée à la majorité absolue", "le Conseil approuve, à la majorité
#: des suffrages exprimés, …", "A LA MAJORITE" opening a line. A majority as a rule ("le maire
#: est élu … à la majorité absolue", "une majorité qualifiée de ses membres") is none: no
#: deciding word before it.
MAJORITY_DECISION_RE = re.compile(
    r"""(?:\b(?:adopt|approuv|d[ée]cid|accept|valid|vot[ée]|rejet|refus|[ée]met|autoris)\w*[^\S\n]*,?[^.;:\n]{0,40}?
         |^\W{0,3}|\bvote\s*:\s*|\bd[ée]cision\s*:\s*(?:\w+\s+){0,2}?)
       [àa]\s+la\s+majorit[ée]\b""",
    re.I | re.X | re.M,
)

#: A word cut at a line end ("délibé-" / "ré"), joined again before the context is read.
LINE_HYPHEN_RE = re.compile(r"(?<=\w)-\n(?=\w)")

#: The deciding formula before a unanimity, which makes it this act's vote whatever else the
#: sentence names ("après avoir pris connaissance de la proposition de la commission … et
#: délibéré, décide à l'unanimité", "après avoir entendu son rapport … et délibéré").
DELIBERATED_RE = re.compile(r"apr[èe]s\s+(?:en\s+)?avoir\s+d[ée]lib[ée]r|\bet\s+(?:en\s+avoir\s+)?d[ée]lib[ée]r[ée]\s*,", re.I)

#: An amendment, voted before the act it amends ("Un amendement présenté par le groupe … est
#: soumis au vote : il est rejeté par 4 voix pour et 14 voix contre.", "Le sous-amendement n° 2
#: est adopté à l'unanimité"): its vote is not the act's.
AMENDMENT_RE = re.compile(r"\bamendements?\b", re.I)

#: The act itself opening a clause after an amendment is named ("Après intégration de
#: l'amendement, la délibération est adoptée par …"): the vote is the act's. "L'amendement au
#: projet de délibération est rejeté" names the act as the amendment's complement: no clause.
ACT_SUBJECT_RE = re.compile(
    r"(?:^|[,:]\s*|\bensuite\s+)(?:la|le|cette|ce|ladite|ledit)\s+(?:d[ée]lib[ée]ration|projet|proposition|budget|rapport)\b",
    re.I | re.M,
)

#: Words before a unanimity that make it a quote of another body or an earlier vote.
QUOTE_RE = re.compile(r"\b(?:commission|rapport|comit[ée]|jury|d[ée]lib[ée]ration\s+(?:n°|du|en\s+date)|avait|peut|pourra|doit)\b", re.I)

#: A tally is a vote of this act when it stands in a vote statement, not in an election
#: ("M. X : 27 voix") nor in a quoted earlier vote.
TALLY_CONTEXT_RE = re.compile(
    r"""apr[èe]s\s+(?:en\s+)?avoir\s+d[ée]lib[ée]r[ée] | \bvote\b | \bvot[ée] | \bpar\s* :? | \bavec\b
      | adopt | approuv | rejet | majorit | conditions\s+de\s+vote | \bd[ée]cide""",
    re.I | re.X,
)

#: Rejection: "rejeté", "Le Conseil rejette", "n'est pas adopté(e)", "refusé par …".
REJECTED_RE = re.compile(
    r"""\brejet[ée]e?s?\b | \brejette(?:nt)?\b | n['’]est\s+pas\s+adopt[ée]e? | n['’]a\s+pas\s+[ée]t[ée]\s+adopt[ée]e?
      | \bnon\s+adopt[ée]e?\b""",
    re.I | re.X,
)

#: A decision that says no: "DE DONNER UN AVIS DÉFAVORABLE au projet éolien", "émet un avis
#: défavorable", "refuse la cession", "s'oppose au transfert". A majority against then votes
#: against the project, and for the deliberation that opposes it (Preuilly 2020: "Par : DEUX
#: voix POUR - ONZE voix CONTRE" / "- DE DONNER UN AVIS DEFAVORABLE").
NEGATIVE_DECISION_RE = re.compile(
    r"""\bavis\s+d[ée]favorable\b | \brefuse(?:nt)?\b | \bs['’]\s?oppose(?:nt)?\b""",
    re.I | re.X,
)

#: Adoption with or without a tally: "(Adopte)", "Le Conseil Adopte.", "ADOPTE A
#: L'UNANIMITE", "Adopté à la majorité", "approuvé par 2 voix CONTRE … et 9 voix POUR".
ADOPTED_RE = re.compile(
    r"""^\W{0,3}\(?\s*adopt[ée]e?s?\b | \ble\s+conseil\s+(?:\w+\s+)?adopte\b | \badopt[ée]e?s?\s+(?:[àa]\s+l|par|à\s+la\s+majorit)
      | \bapprouv[ée]e?s?\s+(?:[àa]\s+l|par)\b | \b(?:est|sont)\s+(?:adopt|approuv)""",
    re.I | re.X | re.M,
)

#: Names in parentheses after a position: "(Groupe …; Groupe …)", "(M. X, Mme Y)",
#: "(C.BOURRETTE)", "(Jean Marie SALANON)".
PAREN_RE = re.compile(r"\s*[(\[](?P<inner>[^()\[\]]{1,600})[)\]]")

#: Labels inside a names block: "(Contre : Mme Céline GAILLARD, … - Abstentions : Mme …)".
NAMES_LABEL_RE = re.compile(
    rf"""(?P<pos>{_FOR}|{_AGAINST}|{_ABSTAIN}|{_NOT_VOTING})\s*:""",
    re.X,
)

#: A political group or list rather than a person.
GROUP_RE = re.compile(r"\b(?:groupes?|non[\s-]inscrit|liste|union|rassemblement|majorit[ée]|opposition|[ée]lus)\b", re.I)

#: Where the groups named after a position part: at ";" (OCR: " : "), and before a "groupe"
#: or "non-inscrits" that follows a comma or "et" ("groupe A, groupe B et non-inscrits") — a
#: comma alone stays inside a group's name ("Groupe Socialiste, Républicain et Citoyen").
GROUP_SPLIT_RE = re.compile(r"\s*;\s*|\s+:\s+|\s*,\s*(?=(?:le\s+)?(?i:groupe|non[\s-]inscrit))|\s+et\s+(?=(?:le\s+)?(?i:groupe\b|non[\s-]inscrit))")

#: The name of a group or list, without the word "groupe", as printed after a position: it
#: opens on an article ("Les Écologistes de Bretagne", "L'Union pour Lannion") or holds a word
#: in lower case that no name has ("Hissons haut la Bretagne", "Agir pour Lannion").
GROUP_PHRASE_RE = re.compile(
    r"""(?:(?:Les|La|Le|L['’])\s*[A-ZÀ-Ý][^\n]*
         |[A-ZÀ-Ý][\w'’-]*(?:\s+[\w'’-]+)*?\s+(?!(?:de|du|des|d|le|la|van|von|der|den|di|da|del)\b)[a-zà-ÿ][\w'’-]*(?:\s+[\w'’-]+)*)""",
    re.X,
)

#: A person's name inside a phrase ("Julien ROCHE absent n'a pas voté"): no group's name.
PERSON_INSIDE_RE = re.compile(r"(?:^|\s)[A-ZÀ-Ý][a-zà-ÿ'’-]+\s+[A-ZÀ-Ý][A-ZÀ-Ý'’-]+(?=\s|$)|(?:^|\s)[A-ZÀ-Ý][A-ZÀ-Ý'’-]+\s+[A-ZÀ-Ý][a-zà-ÿ'’-]+(?=\s|$)")

#: Groups listed after a position, each with its count, then the position's total: "Pour :
#: Groupe Grand Est Territoires (19), Groupe Grand Est en Commun (6), soit 25 voix",
#: "Contre : Groupe Rassemblement National (7), soit 7 voix", "Abstentions : Groupe X (4) –
#: total 4".
GROUP_LIST_RE = re.compile(
    rf"""^[^\S\n]{{0,3}}(?P<pos>{_FOR}|{_AGAINST}|{_ABSTAIN}|{_NOT_VOTING})[^\S\n]{{0,3}}:[^\S\n]{{0,3}}
        (?P<groups>[^\n]{{1,400}}?\(\s*\d{{1,3}}\s*\)[^\n]{{0,200}}?)[,;]?[^\S\n]{{0,3}}(?:[–—-][^\S\n]{{0,3}})?
        (?i:soit|total|au\s+total)[^\S\n]{{0,3}}:?[^\S\n]{{0,3}}(?P<n>\d{{1,3}})(?:[^\S\n]{{1,3}}(?i:voix|votes?))?""",
    re.X | re.M,
)

#: One group after a position, its count after it and no total: "Abstention : groupe Ensemble
#: pour Saint-Martin (4)", "Contre : Groupe Rassemblement National (7) – Abstention : …". The
#: name must be a group's (:data:`GROUP_RE`: "Contre : M. X (2)" is a member and his proxy);
#: several groups each with its count and no total give no count (a sum is not printed).
GROUP_COUNT_LINE_RE = re.compile(
    rf"""(?:^[^\S\n]{{0,3}}|(?<=[–—/;][^\S\n]))(?P<pos>{_FOR}|{_AGAINST}|{_ABSTAIN}|{_NOT_VOTING})[^\S\n]{{0,3}}:[^\S\n]{{0,3}}
        (?P<groups>(?P<name>[^\n();:,]{{3,120}}?)[^\S\n]*\([^\S\n]*(?P<n>\d{{1,3}})[^\S\n]*\))
        (?:[^\S\n]*(?i:voix|votes?))?(?=[^\S\n]*[.;]?[^\S\n]*(?:$|[–—]|-[^\S\n]))""",
    re.X | re.M,
)

#: One group and its count inside :data:`GROUP_LIST_RE`: "Groupe Grand Est en Commun (6)".
GROUP_COUNT_RE = re.compile(r"(?P<name>[^(),;]+?)\s*\(\s*(?P<n>\d{1,3})\s*\)")

#: A roll-call list: "Ont voté pour (35) : Mme Marie-Pierre AUBERT (par pouvoir), …",
#: "POUR (41) : Corinne AUGER, …", "ABSTENTIONS (14) : …", "Se sont abstenus (3) : …", "Ont
#: voté contre : M. X, Mme Y.", "Votent contre : M. FAVÉ, …", "S'abstiennent : …",
#: "Abstentions : M. Loïc CADIOU, Mme Gaëlle MEUDEC" (the count in parentheses may be missing).
ROLL_CALL_RE = re.compile(
    rf"""^[^\S\n]{{0,3}}(?:(?i:ont[^\S\n]{{1,3}}vot[ée]|a[^\S\n]{{1,3}}vot[ée]|votent|vote)[^\S\n]{{1,3}})?(?P<pos>{_FOR}|{_AGAINST}|{_ABSTAIN}|{_NOT_VOTING}
        |(?i:se[^\S\n]{{1,3}}sont[^\S\n]{{1,3}}abstenu(?:e|s|es)?|s['’][^\S\n]?abstien(?:t|nent)|s['’][^\S\n]?est[^\S\n]{{1,3}}abstenu(?:e)?))
        [^\S\n]{{0,3}}(?:\([^\S\n]{{0,3}}(?P<n>\d{{1,3}})[^\S\n]{{0,3}}\))?[^\S\n]{{0,3}}:[^\S\n]{{0,3}}(?=(?:M\.|Mme|MM|Monsieur|Madame|[A-ZÀ-Ý]))""",
    re.X | re.M,
)

#: The header of a vote table by group: "Groupe	Pour	Contre	Abstention" (a position
#: column header "Ne prend pas / part au vote" may wrap around the line).
VOTE_TABLE_HEADER_RE = re.compile(
    rf"""^[^\t\n]{{0,40}}\t(?:[^\S\n]{{0,3}}(?:{_FOR}|{_AGAINST}|{_ABSTAIN}|(?i:nppv|ne\s+prend\s+pas\s+part\s+au\s+vote))[^\S\n]{{0,3}}(?:\t|$)){{2,5}}""",
    re.X | re.M,
)

#: A cell of a vote table: a count, or a dash for none.
TABLE_CELL_RE = re.compile(r"^\s*(?:\d{1,3}|[–—-]+|0)\s*$")

#: A civility word as printed before a name ("M.", "Mme", "monsieur", "MM.", "Mesdames").
CIVILITY_WORD_RE = re.compile(r"(?i:M\.|MM\.?|Mme|Mmes|Mlle|Monsieur|Madame|Mademoiselle|Messieurs|Mesdames)$|(?i:M\.|MM\.?|Mme|Mmes|Mlle|Monsieur|Madame|Mademoiselle|Messieurs|Mesdames)(?=\s)")

#: A vote cast through a proxy, named in a list of voters: "pouvoir de monsieur Julien PONS à
#: monsieur Bernard BRUNO", "le pouvoir de M. Paul KERBRAT" (the members are Julien PONS, Paul
#: KERBRAT).
PROXY_VOTER_RE = re.compile(r"^(?i:(?:le\s+|et\s+)?(?:pouvoir|procuration)\s+de)\s+(?P<name>.+?)(?:\s+[àa]\s+\S.*)?$")

#: A member's proxy counted beside him in a list of voters, no one else named: "M. Ronan FAVÉ
#: et son pouvoir", "M. X + pouvoir", "Mme Y avec sa procuration" (whose proxy it is, "le
#: pouvoir de Mme Z", is a name: :data:`PROXY_VOTER_RE`).
PROXY_MENTION_RE = re.compile(
    r"""\s*(?:,|\bet\b|\+|\bavec\b)?\s*(?:(?i:son|sa|ses|leur|leurs|le|un|une)\s+)?(?i:pouvoirs?|procurations?)\b(?!\s+(?:de|d['’]|du)\b)""",
    re.X,
)

#: Words that say a list of voters counts proxies: the number of names is then not the count.
PROXY_WORD_RE = re.compile(r"\b(?:pouvoirs?|procurations?|représenté(?:e|s|es)?|mandats?)\b", re.I)

#: A decision taken without a printed vote: "Après en avoir délibéré, … Le conseil municipal
#: désigne :", "la commune, après avoir délibéré, accepte et propose …" — the act exists and
#: decides, so it was adopted (its vote is not printed: no counts, unanimity unknown).
DECIDED_RE = re.compile(
    r"""apr[èe]s\s{1,3}(?:en\s{1,3})?avoir\s{1,3}d[ée]lib[ée]r[ée][^.]{0,200}?
        \b(?i:d[ée]cide|d[ée]cident|d[ée]signe|d[ée]signent|accepte|acceptent|approuve|approuvent|adopte|adoptent
           |autorise|autorisent|fixe|fixent|[ée]met|donne|propose|valide|valident|attribue|attribuent|arr[êe]te|prescrit
           |sollicite|charge|dit|d[ée]lib[èe]re|vote|votent|[ée]lit|[ée]lisent|institue|cr[ée]e|opte|retient)\b""",
    re.I | re.X,
)

#: The council takes note of a report: no vote ("Le Conseil municipal prend acte de la
#: présentation du rapport", "Il est pris acte de …", "donne acte au Président").
NOTED_RE = re.compile(r"\b(?:prend|prennent|pris|donne)\s{1,3}acte\b", re.I)

#: A boxed tally laid out in columns, the positions on one line and their counts on the next:
#: "Votants	Pour	Contre	Abstentions" / "29	25	2	2" ("Votants", "Exprimés", "Présents"
#: columns are read past).
_BOX_HEAD = rf"(?:{_FOR}|{_AGAINST}|{_ABSTAIN}|{_NOT_VOTING}|(?i:votants?|exprim[ée]s|suffrages\s+exprim[ée]s|pr[ée]sents?|nppv))"
BOXED_TALLY_RE = re.compile(
    rf"""^[^\S\n]{{0,3}}(?P<head>{_BOX_HEAD}(?:[^\S\n]{{0,3}}\t[^\S\n]{{0,3}}{_BOX_HEAD}){{1,5}})[^\S\n]{{0,3}}\n
         [^\S\n]{{0,3}}(?P<counts>\d{{1,3}}(?:[^\S\n]{{0,3}}\t[^\S\n]{{0,3}}\d{{1,3}}){{1,5}})[^\S\n]{{0,3}}$""",
    re.X | re.M,
)

#: The result of an election: what a list or a candidate obtained ("La liste A a obtenu 33
#: voix.", "M. Paul LE BIHAN a obtenu 27 voix", "Mme X : 12 voix" is a table, not this). One
#: such result in an act is the votes for the elected; two or more (a contested election)
#: give no count: whose votes are "for" is no reading of the text.
ELECTION_RESULT_RE = re.compile(
    r"""(?:\bla\s+liste\b|\b(?:M\.|Mme|Monsieur|Madame)\s)[^.\n]{0,80}?\ba\s+obtenu\s+(?P<n>\d{1,4})\s+(?:voix|suffrages)\b""",
    re.I | re.X,
)

#: The elected are proclaimed: "ONT ETE PROCLAMES membres de la Commission", "est proclamé
#: maire", "sont proclamés élus", "est élue".
PROCLAIMED_RE = re.compile(r"\bproclam[ée]e?s?\b|\b(?:est|sont)\s+(?:d[ée]clar[ée]e?s?\s+)?[ée]lue?s?\b", re.I)

#: A vote between options rather than for or against one proposal — a secret ballot on "le
#: choix entre ces deux possibilités" — announced before its results: "Il ressort de ce vote
#: les résultats suivants :", "Résultats du scrutin :", "Après dépouillement des bulletins".
BALLOT_CUE_RE = re.compile(
    r"\b(?:vote|votes|scrutin|bulletins?|suffrages|r[ée]sultats?|d[ée]pouillement|voix|consultation)\b", re.I)

#: One option and the votes it got, on a line of its own: "- Agence postale dans les locaux de
#: la mairie : 15,", "- Aucune présence postale sur la commune : 2.", "1) Option A : 10 voix",
#: "• Maintien de l'école à 4 classes : 9 votes".
OPTION_LINE_RE = re.compile(
    r"""^[^\S\n]*(?:[-–—•*·▪➢]|\d{1,2}[).]|[a-zA-Z][).])?[^\S\n]*(?P<label>[^\n:]{3,160}?)[^\S\n]*:[^\S\n]*
        (?P<n>\d{1,3})(?:[^\S\n]+(?i:voix|votes?|suffrages?|bulletins?))?[^\S\n]*[,.;]?[^\S\n]*$""",
    re.X | re.M,
)

#: What a ballot's bookkeeping counts, not an option: "Votants : 17", "Suffrages exprimés :
#: 17", "Bulletins blancs ou nuls : 0", "Majorité absolue : 9"; and the positions of an ordinary
#: tally ("Pour : 15", "Contre : 2"), read elsewhere.
BALLOT_BOOKKEEPING_RE = re.compile(
    r"""\b(?:votants?|exprim[ée]s|blancs?|nuls?|inscrits?|pr[ée]sents?|majorit[ée]|nombre|total|pouvoirs?|procurations?
         |pour|contre|abstentions?|abstenus?|nppv)\b""",
    re.I | re.X,
)

#: The decision that takes one of the options: "décide … de choisir la création d'une agence
#: postale", "retient l'option 1", "opte pour …", "se prononce pour …", "adopte le scénario 2".
CHOOSES_RE = re.compile(
    r"\b(?:d[ée]cide(?:nt)?|choisi(?:t|ssent|r)|retien(?:t|nent)|retenir|opte(?:nt|r)?|se\s+prononcen?t?|adopte(?:nt)?|approuve(?:nt)?)\b",
    re.I,
)
