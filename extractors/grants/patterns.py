"""How decisions award a grant, and name who receives it.

Each pattern is one family of wording, with an example from a deliberation:

* the award: "D'attribuer", "ATTRIBUE", "accorde", "alloue", "octroie", "verse",
  "approuve le versement", "décide d'attribuer", "Approuvé l'attribution d'une aide";
* what is awarded: "une subvention (exceptionnelle)", "une participation", "un fonds de
  concours", "une aide (à l'immobilier d'entreprise)", "une contribution financière"; or a
  sum ("la somme de 1 000 €", "un montant de 750 €") in an act whose title names the grant;
* a sum of the awards rather than an award: "pour un montant global de 44 500 €",
  "soit un total de", "une enveloppe de";
* lists of awards: bulleted, or one line each, the name led to its amount by dots, a tab,
  a dash or a space, under words that announce them ("les subventions suivantes :");
* the beneficiary: "à l'association « Acteurs Pour une Economie Solidaire »", "à la
  commune du Grand-Quevilly" (a collectivité keeps its kind: "Commune du
  Grand-Quevilly"), "à l'entreprise SAS Métallerie Salmon" (the kind word goes: "SAS
  Métallerie Salmon"), "au profit de …", "en faveur de …";
* the purpose: "pour la rénovation des vestiaires du stade", "au titre de sa
  contribution …", "afin de …", "destinée à …";
* the year: "au titre de l'année 2022", "pour l'exercice 2023", "budget 2024".
"""

from __future__ import annotations

import re

# The act awards: "D'attribuer", "ATTRIBUE", "accorde", "alloue", "octroie", "verse",
# "approuve le versement", "Approuvé l'attribution", "DE DÉBLOQUER les subventions inscrites en
# provision", and a verb of approval or vote
# whose object is the grant itself: "APPROUVE une subvention exceptionnelle de 80 € à …",
# "vote une subvention de 300 € au club …", "valide la participation de …" (the typed slip
# "APROUVE" too).
AWARD_RE = re.compile(
    r"\b(?:attribu|accord|allou|octroi|octroy|vers(?:e|er|ement|[ée]e?s?)\b|d[ée]bloqu(?:e|er|ent)\b|app?rouv\w*\s+(?:le\s+versement|l['’]attribution)"
    r"|(?:app?rouv|vot|valid)\w*\s+(?:une|la|les|des|un|le)\s+(?:subventions?|participations?|aides?|fonds\s+de\s+concours)\b)",
    re.I)

# An award of a sum whose kind the sentence does not name: "De verser la somme de 1 000 € à
# l'association …", "Le Conseil municipal verse la somme de 500 € à …", "De verser à la
# Protection civile de la Sarthe la somme de 500 €", "D'attribuer un montant de 750 € à …",
# "D'attribuer 500 € à chacun des clubs suivants : …". It is a grant only where the act's title
# calls it one ("Subventions 2024", "Aide d'urgence") and the sentence pays for nothing
# (:data:`PAYMENT_RE`): "verser la somme de" also settles a bill, a fee, a price.
SUM_AWARD_RE = re.compile(
    r"""\b(?:(?:attribu|allou|octroi|octroy|accord)\w*|vers(?:e|er|ent|ons|é|ée|ées|és))
        \s+(?:(?:[àa]|au|aux)\s+[^;:€\d]{1,120}?\s+)?                  # "à la Protection civile … la somme"
        (?:(?:la|une)\s+somme\b|un\s+montant\b|\d[\d\s\u00a0\u202f.,]*\s?(?:€|euros?\b))""",
    re.I | re.X,
)

# What a sum may pay for, that is no grant: a service, a bill, a fee, a price, a refund, a
# contract's holder ("verse la somme de 450 € au titre de la cotisation", "le remboursement des
# frais", "au prestataire", "l'attributaire du lot 2").
PAYMENT_RE = re.compile(
    r"""\b(?:prestations?|prestataires?|factures?|honoraires|loyers?|locations?|redevances?|cotisations?|adh[ée]sions?
        |tarifs?|prix|frais|rembours\w*|r[ée]mun[ée]r\w*|salaires?|vacations?|indemnit\w*|p[ée]nalit\w*|amendes?
        |remises?|d[ée]dommag\w*|attributaires?|titulaires?|march[ée]s?\s+(?:publics?|de\s+travaux|de\s+services
        |de\s+fournitures)|lots?|devis|achats?|acquisitions?|ventes?|cessions?|avances?|acomptes?|cautions?)\b""",
    re.I | re.X,
)

# What is awarded: "une subvention", "une participation", "un fonds de concours", "une aide".
GRANT_RE = re.compile(
    r"\b(?:subventions?|participations?|fonds\s+de\s+concours|aides?\s+financi[eè]res?|aides?\b"
    r"|contributions?\s+financi[eè]res?|dotations?|allocations?|bourses?|primes?)\b", re.I)

# A sum of the awards, not an award: "pour un montant global de 44 500 €", "soit un total de".
GLOBAL_RE = re.compile(r"(?:montant\s+(?:global|total)|enveloppe(?:\s+globale)?|total(?:e|isant)?|soit\s+au\s+total)"
                       r"\s+(?:de\s+|d['’]\s*)?(?:[\w'’]+\s+){0,3}$", re.I)

# Collectivités and public bodies named with their kind: "la commune du Grand-Quevilly" →
# "Commune du Grand-Quevilly", "la ville de Lannion", "la communauté de communes …",
# "le syndicat mixte …", "le département du Calvados", "le CCAS de …".
PUBLIC_KIND = r"""(?:commune|ville|communaut[ée]\s+d['’]agglom[ée]ration|communaut[ée]\s+de\s+communes
    |communaut[ée]\s+urbaine|m[ée]tropole|syndicat(?:\s+mixte|\s+intercommunal)?|d[ée]partement|r[ée]gion
    |centre\s+communal\s+d['’]action\s+sociale|CCAS|CIAS|EPCI|SIVOM|SIVU)"""

# Kinds that only describe the beneficiary and are not part of its name: "l'association",
# "l'entreprise", "l'établissement", "la société", "la structure", "l'organisme".
DESCRIPTIVE_KIND = r"""(?:association|entreprise|soci[ée]t[ée]|structure|organisme|fondation|f[ée]d[ée]ration
    |club|comit[ée]|[ée]tablissement|coop[ée]rative|office|agence|mission\s+locale|coll[eè]ge|lyc[ée]e|[ée]cole)"""

# Kinds of local bodies that, in lower case, name the body by what it is, the kind kept as
# the name's first word: "à l'amicale des sapeurs-pompiers", "au foyer rural", "à l'union
# sportive", "à la chorale paroissiale" (the descriptive kinds above too: "au comité des
# fêtes", "à la coopérative scolaire"). Not dropped before a name in capitals, as "association"
# is ("à l'amicale Les Joyeux" is no "Les Joyeux"): these words are part of the name.
BODY_KIND = rf"""(?:{DESCRIPTIVE_KIND}|amicale|foyer|union|cercle|chorale|harmonie|ligue|groupement)"""

# A comma inside a name, before the part of a network the award goes to: "la Croix-Rouge
# française, unité locale de Sablé", "Secours populaire français, fédération de la Sarthe",
# "la Ligue contre le cancer, comité de la Sarthe", "…, antenne de Lannion", "…, section de …".
_SUBDIVISION = r"""(?:unit[ée]\s+locale|antenne|d[ée]l[ée]gation|section|f[ée]d[ée]ration|comit[ée]|branche)
    (?:\s+(?:locale?|d[ée]partementale?|r[ée]gionale?|territoriale?))?\s+(?:de\s+la|de\s+l['’]|de|du|des|d['’])"""
NAME_CHAR = rf"""(?:[^,;:()\n]|,(?=\s*{_SUBDIVISION}))"""

# Where a plain (unquoted) name ends: punctuation, "pour", "au titre", "d'un montant", and
# the award's own words when the name comes first ("à la commune de Pencran un fonds de
# concours de 9 400 €", "à l'entreprise X une aide à l'immobilier d'entreprise").
_NAME_END = rf"""(?=\s*(?:\(|,(?!\s*{_SUBDIVISION})|;|\.(?:\s|$)|:|\bpour\b|\bau\s+titre\b|\bd['’]un\s+montant\b|\bafin\b|\bdans\b
    |\b[àa]\s+(?:la|le|les|l['’]|compter|partir|hauteur|raison|\d)   # "versé à la FDGDON à la signature"
    |\b(?:une?|la|le|les|des)\s+(?:subventions?|participations?|fonds|aides?|contributions?|sommes?|montants?
        |dotations?|allocations?|bourses?|primes?)\b|\bsis[e]?\b|\bsitu[ée]e?\b|\bimplant[ée]e?\b
    |\b(?:est|sont|sera|seront|a\s+[ée]t[ée])\s+[a-zà-ÿ]   # "… Les Amis du Vieux Pont est fixé à 650 €"
    |$))"""

# Words after a kind that make it no name: a relative clause, a back-reference, a verb.
_NOT_A_NAME = r"""(?:(?:pour|au|aux|afin|dans|en|sur|par|avec|[àa]|selon|lors|d['’]un|d['’]une)\b
    |[^,;:()\n]*\b(?:qui|que|dont|ayant|lequel|laquelle|pr[ée]cit[ée]e?|susvis[ée]e?|susmentionn[ée]e?
    |ci[\s-]dessus|mentionn[ée]e?|suivante?s?|concern[ée]e?|b[ée]n[ée]ficiaire|demandeuse|sollicit\w*|est|sont|a|ont)\b)"""

BENEFICIARY_RE = re.compile(
    rf"""(?:\b[àa]\b|\bau\s+profit\s+d[eu']|\ben\s+faveur\s+d[eu']|\bau\b|\baux\b)\s*
        (?:
          # a collectivité, its kind kept: "la commune du Grand-Quevilly", "la ville de Lannion"
          (?:l['’]\s*|la\s+|le\s+)(?P<public>{PUBLIC_KIND})\s+(?P<particle>de\s+la\s+|de\s+l['’]\s*|de\s+|d['’]\s*|du\s+|des\s+)?
            (?P<place>[A-ZÀ-ÖØ-Þ]{NAME_CHAR}{{1,80}}?){_NAME_END}
        # a body named by what it is, in lower case: "l'association sportive du collège",
        # "la coopérative scolaire de l'école Jules Ferry", "le comité des fêtes" (not "à
        # l'association qui …", "à l'association précitée")
        | (?:l['’]\s*|la\s+|le\s+)?(?P<described>{BODY_KIND}\s+(?!{_NOT_A_NAME})[a-zà-ÿ]{NAME_CHAR}{{1,80}}?){_NAME_END}
        | (?P<kind>(?:l['’]\s*|la\s+|le\s+|les\s+)?{DESCRIPTIVE_KIND}s?\b\s*)?
          (?:(?:l['’]\s*|la\s+|les\s+)(?=[A-ZÀ-ÖØ-Þ]))?      # "à l'USYP", "à l'Amicale Théâtrale", "à la Banque alimentaire"
          (?:
            [«"“]\s*(?P<quoted>[^»"”]{{2,150}}?)\s*[»"”]          # « Acteurs Pour une Economie Solidaire »
          | (?P<plain>[A-ZÀ-ÖØ-Þ0-9]{NAME_CHAR}{{1,100}}?){_NAME_END}  # Entreprendre Ensemble (SIRET …)
          )
        )""",
    re.X,
)

# One line of a list of awards in minutes: "Cyclo club (demande non précisée) : Proposition
# initial d'attribution du conseil municipal 230€", "ADMR : subvention attribuée 1 000 €".
AWARD_LINE_RE = re.compile(
    r"""^[ \t]*[-–•]?[ \t]*(?P<name>[A-ZÀ-ÖØ-Þ][^:\n()]{1,80}?)[ \t]*(?:\([^()\n]*\))?[ \t]*:[ \t]*
        (?P<rest>[^\n]*\b(?:attribu\w*|accord\w*|allou\w*|vot[ée]\w*|octroy\w*)\b[^\n]*)$""",
    re.X | re.M | re.I,
)

# The labels of an act's own parts, never a beneficiary before a colon: "Article 1 : Une
# subvention de 4 000 € est attribuée à …", "Art. 2 :", "Article premier :", "Objet :",
# "Décision :", "Vote :", "Point 3 :", "Délibération n° 12 :", "Montant :", "Imputation :".
STRUCTURE_LABEL_RE = re.compile(
    r"""^(?:articles?|art\.?|objet|d[ée]cisions?|d[ée]lib[ée]rations?|points?|votes?|montants?|imputations?
        |chapitres?|annexes?|dispositif|proposition|rapport|expos[ée]|conclusion|observations?)\b""",
    re.I | re.X,
)

SIRET_RE = re.compile(r"\b(?:SIRE[TN]|siret|siren|Siret|Siren)\b[^0-9\n]{0,30}?(?P<digits>\d[\d\s\u00a0\u202f.()]{8,24}\d)")

# The purpose: "pour son programme …", "au titre de sa contribution …", "pour l'action « … »".
PURPOSE_RE = re.compile(
    r"""(?:\bau\s+titre\s+d[eu]\s+(?:sa|son|ses|leur|leurs)\s+|\bpour\s+(?!l['’]ann[ée]e|l['’]exercice|un\s+montant
        |une\s+dur[ée]e|un\s+total|la\s+p[ée]riode|\d)|\bafin\s+d[e']\s*|\bdestin[ée]e?s?\s+[àa]\s+)
        (?P<p>(?:[^,;.«]|«[^»]*»)+)""",
    re.X | re.I,
)

YEAR_RE = re.compile(r"\b(?:ann[ée]e|exercice|programmation|budget(?:\s+\w+)?|saison)\s+(?P<y>(?:19|20)\d\d)\b", re.I)

# A word cut by a hyphen at a line end: "« Associa-\ntion Aide à Domicile »" → "Association".
DEHYPHEN_RE = re.compile(r"(?<=[a-zà-ÿ])-[ \t]*\n[ \t]*(?=[a-zà-ÿ])")

# A decision that adopts what the exposé proposed, without restating it: "les membres du
# conseil municipal adoptent, à l'unanimité, la présente délibération", "LE CONSEIL
# MUNICIPAL, A L'UNANIMITE, ACCEPTE CETTE PROPOSITION", "approuve la proposition du Maire",
# "adopte le rapport", "fait siennes les conclusions du rapporteur".
ADOPTS_PROPOSAL_RE = re.compile(
    r"""\b(?:adopt|approuv|accept|valid|vot)\w*\b[^.;]{0,60}?
        \b(?:la\s+pr[ée]sente\s+d[ée]lib[ée]ration|(?:cette|la|ces|les)\s+propositions?|(?:le|ce)\s+rapport
            |(?:les|ces)\s+conclusions)\b
      | \bfait\s+siennes?\s+(?:les|ces)\s+(?:conclusions|propositions)""",
    re.I | re.X,
)

# A proposal put to the council in the exposé: "il est demandé au Conseil Municipal de bien
# vouloir accorder…", "Il est proposé au conseil municipal … d'attribuer…", "Monsieur le Maire
# propose d'allouer…", "je vous propose de verser…".
PROPOSAL_RE = re.compile(
    r"""\b(?:il\s+est\s+(?:donc\s+)?(?:propos[ée]|demand[ée])|(?:pr[ée]sident|maire|rapporteur|adjoint\w*)\s+propose
        |(?:je|nous)\s+vous\s+propos|(?:est|sont)\s+invit[ée]s?\s+[àa]|propose\s+(?:au\s+conseil|d['’]|de\s))""",
    re.I | re.X,
)

# A title that names the one beneficiary of the act's award, when the decision does not
# ("d'accorder une subvention d'un montant de 130,00 €."): "Demande de subvention : Réseau
# d'aides spécialisées aux élèves en difficulté (RASED)", "Subvention exceptionnelle – Comité
# des fêtes", "Attribution d'une subvention à l'association X" — not "Aide à la publication
# d'une thèse" (after "à la" comes a purpose as often as a beneficiary).
TITLE_BENEFICIARY_RE = re.compile(
    r"""^(?:demande\s+de\s+|attribution\s+d['’]une\s+|versement\s+d['’]une\s+)?
        (?:subvention|participation|aide|fonds\s+de\s+concours)(?:\s+(?:exceptionnelle|annuelle|de\s+fonctionnement))?
        \s*(?:[:–—-]\s*(?:l['’]\s*|l[ea]\s+)?(?:(?:association|école|ecole|entreprise|club)\s+)?
             |\s(?:[àa]\s+l['’]\s*|en\s+faveur\s+de\s+l['’]\s*)(?:association|entreprise)\s+)
        (?P<name>(?-i:[A-ZÀ-Ý«"]).{1,120}?)\s*\.?$""",
    re.I | re.X,
)


# An award that opens a list ("DE VERSER la somme maximum (…) de :", "D'attribuer les
# subventions suivantes :", "DE DÉBLOQUER les subventions inscrites en provision aux
# imputations suivantes :"), then one bulleted line per award.
LIST_BULLET_RE = re.compile(r"^[ \t]*[-–•▪*][ \t]*(?P<item>\S.*)$")

# A bulleted award, the amount first: "- 750€ pour le Centre Culturel Breton", "- 2 500 € à
# l'association AVAL", "- 300 € au Club de football".
ITEM_FOR_RE = re.compile(
    r"""^\s*(?:HT|TTC|nets?)?\s*,?\s*(?:pour|[àa]|au|aux|en\s+faveur\s+d[eu'’]\s*|au\s+profit\s+d[eu'’]\s*)\s+
        (?:l['’]\s*|la\s+|le\s+|les\s+)?(?:association\s+)?(?P<name>[A-ZÀ-ÖØ-Þ«"“0-9][^:;\n]{0,100}?)\s*[;,.]?\s*$""",
    re.X,
)

# A bulleted award, the name first: "- Association X : 500 €", "• Subvention ex-Urhaj (volet
# culture) : 12.000€ (imputation 65_6574_301)" — where the label is a kind of grant, it is
# the award's purpose, and the beneficiary is the one the title names.
ITEM_NAMED_RE = re.compile(
    r"""^\s*(?:l['’]\s*|la\s+|le\s+)?(?P<name>[A-ZÀ-ÖØ-Þ«"“][^:\n]{1,100}?)\s*:\s*(?P<rest>.+)$""",
    re.X,
)

# A listed award, the name first and the amount ending the line, without a colon: a name led
# to its figure by dots ("Comité des fêtes ........ 1 200 €"), a column gap ("Comité des
# fêtes\t1 200 €", "ADMR Val de Sarthe\t\t1 500 €"), an en dash ("Comité des fêtes – 1 200 €")
# or a space ("Comité des fêtes 1 200 €"). Matched on the text before the amount; the name ends
# on no word that asks for more ("… pour", "… de", "… soit": :data:`OPEN_END_RE`).
ITEM_LEADER_RE = re.compile(
    r"""^[ \t]*(?:l['’]\s*|la\s+|le\s+)?(?P<name>[A-ZÀ-ÖØ-Þ«"“][^\t:;\n]{0,100}?)
        [ \t]*(?:[.·…_]{2,}[ .·…_]*|\t+|[ \t][–—-]|)[ \t]*$""",
    re.X,
)
OPEN_END_RE = re.compile(r"(?:\b(?:de|du|des|à|au|aux|pour|par|sur|soit|la|le|les|un|une|et|ou|en|montant|somme|total)"
                         r"|\b[dl]['’])$", re.I)

# What may follow the amount of such a line: a qualifier, the line's stop.
ITEM_LEADER_TAIL_RE = re.compile(r"^[ \t]*(?:HT|TTC|nets?)?[ \t]*[;,.]?[ \t]*$")

# Words that announce a list (the awards follow): "les subventions suivantes :", "réparties
# comme suit :", "ci-après", "ci-dessous", "ainsi réparties". A list whose lines are not
# bulleted is read only after such words.
ANNOUNCES_LIST_RE = re.compile(
    r"\b(?:suivant(?:e|s|es)?|comme\s+suit|ci[-\s]apr[èe]s|ci[-\s]dessous|ainsi\s+r[ée]parti(?:e|s|es)?"
    r"|r[ée]parti(?:e|s|es)?\s+(?:comme|ainsi|de\s+la\s+mani[èe]re))\b", re.I)

# A table's header printed as a text line over its lines: "Association\t\tMontant",
# "Bénéficiaire\tSubvention 2024" (cells of a few words, no figure but a year).
TEXT_TABLE_HEADER_RE = re.compile(r"^[ \t]*[^\d\t\n]{2,40}(?:\t+(?:[^\d\t\n]|(?:19|20)\d\d){2,40})+[ \t]*$")

# A clause that undoes an earlier decision: what the undone deliberation awarded is not
# awarded here ("- abroge la délibération du 25 mars 2021, octroyant à l'Office de Tourisme
# une subvention globale de 300 000 €", "D'annuler la subvention de 500 € attribuée à …",
# "retire la délibération n° …", "rapporte la délibération …").
UNDOES_RE = re.compile(r"^\W*(?:d['’]\s*|de\s+)?(?:abrog|annul|retir|rapport[ea])\w*\b", re.I)


# A second award in the clause of a first, to a second beneficiary: "une subvention de
# 1 500 € au Comité des fêtes et de 800 € à l'Amicale des sapeurs-pompiers", "… et une
# subvention de 800 € à …", "…, 300 € au club de tennis"; or, the beneficiary first, "au Comité
# des fêtes une subvention de 1 500 € et à l'Amicale laïque une subvention de 800 €", "… et au
# Foyer rural une aide de 800 €". The clause is cut before it, and each part reads as one award
# (the verb of the first serves both).
NEXT_AWARD_RE = re.compile(
    r"""(?:\s*,\s+(?:et\s+)?|\s+et\s+)          # ", " (never the decimal comma of "5,89 €") or " et "
        (?=(?:(?:une?|la|les)\s+(?:subventions?|aides?|participations?|sommes?|dotations?)
              (?:\s+(?:exceptionnelles?|de\s+fonctionnement|d['’]investissement))?\s+)?
           (?:d['’]un\s+montant\s+)?(?:de\s+)?\d[\d\s\u00a0\u202f.,]*\s?(?:€|euros?\b)
         | (?:[àa]|au|aux)\s+[^,;:€\d]{2,120}?\s(?:une?|la|le)\s+(?:subventions?|aides?|participations?|sommes?
              |dotations?|montants?|fonds\s+de\s+concours)\b[^,;:€\d]{0,60}\d[\d\s\u00a0\u202f.,]*\s?(?:€|euros?\b))""",
    re.I | re.X,
)

# The awards listed in the sentence after its colon: "d'allouer les subventions suivantes :
# Comité des fêtes : 1 500 € ; Amicale des sapeurs-pompiers : 800 €", "… réparties comme
# suit : 500 € au club de judo, 300 € à la chorale". The list opens on words that announce
# it.
INLINE_LIST_RE = re.compile(
    r"""(?:\bsuivant(?:e|s|es)?|\bcomme\s+suit|\bci[-\s]apr[èe]s|\bainsi\s+r[ée]parti(?:e|s|es)?)\s*:\s*""",
    re.I | re.X,
)

# Where one item of such a list ends: ";", or a comma before the next item (a name in
# capitals, or an amount).
INLINE_ITEM_END_RE = re.compile(r"\s*;\s*(?:et\s+)?|\s*,\s+(?:et\s+)?(?=[A-ZÀ-Ý«\"“]|\d)|\s+et\s+(?=\d)")


# One amount to each of the bodies listed after the colon: "une subvention de 2 000 € à
# chacune des deux associations suivantes : Musique en Vallée et Théâtre du Pont", "…
# 500 € à chacun des clubs suivants : A, B et C".
EACH_OF_RE = re.compile(r"\b[àa]\s+chacun(?:e)?\s+des\b[^:;]{0,80}:\s*", re.I)

# Where one name of that list ends: a comma, "et", ";".
EACH_NAME_END_RE = re.compile(r"\s*(?:,\s*(?:et\s+)?|;\s*|\s+et\s+)")


# An amount per unit, not an amount awarded: "1,17 € par repas servi", "0,19 €/habitant",
# "45,20 € par élève", "10 euros par agent" — a rate whose total the act does not state.
# (An amount "par an" or "par mois" is the award for that period, and is one.)
PER_UNIT_RE = re.compile(
    r"""^\s*(?:HT|TTC|nets?|bruts?)?\s*(?:par|/)\s*(?:repas|[ée]l[èe]ves?|enfants?|habitants?|agents?|personnes?
        |nuit[ée]es?|heures?|km|kilom[èe]tres?|licenci[ée]s?|adh[ée]rents?|participants?|jeunes?|familles?
        |foyers?|b[ée]n[ée]ficiaires?|s[ée]ances?|classes?|places?|jours?|m[²2]|m[eè]tres?\s+carr[ée]s)\b""",
    re.I | re.X,
)


# An aid awarded to a person's file, the person named only by its number (minutes keep the
# individuals an aid helps anonymous): "d'accorder une bourse au permis de conduire d'un
# montant de 350,00 € au dossier n°BPC 2011/1", "une aide de 200 € au dossier n° 2023-14",
# "attribue une allocation de 150 € au dossier numéro 12", "pour le dossier n°FSL-2024-03".
# The number is read in capitals and figures ("BPC 2011/1", "2023-14"), up to the first word
# in lower case; it holds a figure. The beneficiary is the file as printed ("dossier n°BPC
# 2011/1").
FILE_BENEFICIARY_RE = re.compile(
    r"""\b(?:au|pour\s+le|en\s+faveur\s+du)\s+
        (?P<name>[Dd]ossier\s+(?:n\s?[°º]|n[o]\.?|num[ée]ro)\s*
          (?P<ref>[A-Z0-9][A-Z0-9/_.\-]*(?:[ \t][A-Z0-9][A-Z0-9/_.\-]*)*))""",
    re.X,
)

# The kind of aid a clause awards, named by what it is for: "une bourse au permis de conduire
# d'un montant de 350,00 €" → "bourse au permis de conduire", "une aide au ravalement de
# façade de 500 €", "une prime à l'installation de …" (not a bare "une aide de 200 €").
AID_KIND_RE = re.compile(
    r"""\b(?P<kind>(?:bourses?|aides?|allocations?|primes?|subventions?)
        \s+(?:au|aux|[àa]\s+la|[àa]\s+l['’]|[àa]|pour)\s+[^,;:€\d()]{2,80}?)
        \s+(?:d['’]\s*un\s+montant|de\s+\d|d['’]\s*\d|au\s+dossier|pour\s+le\s+dossier|\d)""",
    re.X | re.I,
)
