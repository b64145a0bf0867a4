"""Vocabulary of visas ("Vu …"): how one starts, what it cites, how the parts are worded.

Every pattern is compiled once here, with the French wording it handles next to it; the
logic that uses them is in :mod:`extractors.legal_references`.
"""

from __future__ import annotations

import re

#: What follows "Vu": a determiner or "notamment" ("Vu Le Code …" too).
VISA_OBJECT = r"""(?=(?i:le|la|les|l['’]|sa|son|ses|leurs?|un|une|des|du|notamment|en\s+particulier)\b
                  |(?i:l)['’])"""

#: Start of a visa line: "Vu", "VU", "Vu :", "- Vu", then a determiner or "notamment"
#: ("Vu le Code…", "VU l'article L2121-22", "VU sa délibération", "Vu : la loi…").
#: "Vu avec l'association …" (the item was *discussed* with …) is not a visa.
VISA_START_RE = re.compile(
    r"""^[-–•*·]?\s*                                  # a bullet before "Vu" in some lists
        (?P<vu>V[uU]|vu)\s*[:,]?\s+""" + VISA_OBJECT,
    re.X,
)

#: A visa that starts inside a visa, after the end of the one before: "Vu le Code général
#: des collectivités territoriales ; Vu la loi n° 2015-991 … ; Vu la délibération …" (visas
#: run together in one paragraph). Only "Vu" with its capital, and only inside a paragraph
#: that opens on a visa: "… actuelle. Vu la crise sanitaire, elle demande si …" in the
#: debate of minutes is no visa; nor is "M. VU Le Minh" (an initial before the point).
VISA_RUN_ON_RE = re.compile(r"""(?:(?<=;)|(?<=[a-zà-ÿ0-9)»]{2}[.,]))\s+(?=V[uU]\s*[:,]?\s+""" + VISA_OBJECT + ")",
                            re.X)

#: "Vu :" alone, the visas listed under it one per item ("Vu :" + "- le Code général …," +
#: "- la loi n° 2015-991 …,"), the first item on its line or not ("Vu : - le Code …").
VISA_LIST_HEAD_RE = re.compile(r"^[-–•*·]?\s*V[uU]\s*:?\s*(?=$|[-–•*·▪➢]\s)")

#: An item of such a list printed without a bullet: a determiner opens it ("le Code …,",
#: "la loi n° …,").
LIST_ITEM_RE = re.compile(r"^(?:le|la|les|l['’]|sa|son|ses|leurs?|un|une|des|du)(?:(?<=['’])|\b)", re.I)

#: Lines that open what follows the visas: never the continuation of a visa.
AFTER_VISAS_RE = re.compile(
    r"""^\W{0,3}(?:
        consid[ée]rant | attendu\s | entendu\s | ayant\s+entendu                # Considérant que …
      | apr[èe]s\s+(?:en\s+)?avoir | sur\s+(?:le\s+)?rapport | sur\s+proposition
      | d[ée]cide\b | d[ée]lib[èe]re\b | arr[êe]te\s*: | article\s+\d | article\s+(?:1er|premier)
      | le\s+conseil | la\s+commission\s+permanente | le\s+bureau | l['’]assembl[ée]e
      | pour\s*: | contre\s*: | abstention | (?:POUR|CONTRE)\s+\d
      | (?:Monsieur|Madame|M\.|Mme)\s+[\w.-]+(?:\s+[\w.-]+){0,3}\s*,?\s+(?:expose|rapporte|pr[ée]sente|rappelle|indique|propose)
    )""",
    re.I | re.X,
)

#: Items of a list that a visa announces ("…, à savoir : les avis favorables :" + "- La
#: chambre d'agriculture le 27 juillet …").
BULLET_RE = re.compile(r"^[-–•*·▪➢o]\s")

#: A line that ends without ending the sentence: a preposition, an article, "n°".
RUNS_ON_RE = re.compile(
    r"""(?:\b(?:de|du|des|la|le|les|l['’]|d['’]|au|aux|à|en|par|et|ou|sur|pour|avec|dans|son|sa|ses
              |notamment|relatif|relative|portant|n°|no)|[«(\-–,])$""",
    re.I | re.X,
)

#: A line in capitals: names running on after a comma ("… communes de BOUCHET, LA
#: BAUME DE TRANSIT, CLANSAYES," + "ROCHEGUDE, SAINT RESTITUT …").
CAPITALS_START_RE = re.compile(r"^[A-ZÀ-Ý0-9]{2}[A-ZÀ-Ý0-9'’-]*\b")

#: A sentence ending inside a line: "… d'une hauteur supérieure ou égale à 50 mètres.
#: Preuilly sur Claise est concerné …" (the word before the period is checked apart).
SENTENCE_END_RE = re.compile(r"(?<=[a-zà-ÿ)»])\.\s+(?=[A-ZÀ-Ý])")

#: A line that starts as the continuation of the one before: lower case, a digit, a
#: quote, a parenthesis, an article number ("L.3211-1 et L.3211-2 ;").
CONTINUES_RE = re.compile(r"""^(?:[a-zà-ÿ0-9«»"(\[]|(?:L|R|D|LO)\.?\s?\d)""")

# ---------------------------------------------------------------------------
# What a visa cites
# ---------------------------------------------------------------------------

#: The cited text's kind, from the noun after the determiner. Tried in this order.
#: Codes cited by their acronym ("du CGCT", "du C.G.C.T.", "le CGI"); the ``title`` keeps the
#: acronym as printed. CGCT: Code général des collectivités territoriales; CGI: des impôts;
#: CGPPP: de la propriété des personnes publiques; CCH: de la construction et de
#: l'habitation; CSP: de la santé publique; CCP: de la commande publique; CASF: de l'action
#: sociale et des familles.
CODE_ACRONYMS = ("CGPPP", "CGCT", "CASF", "CGI", "CCH", "CSP", "CCP")  # longest first
#: An acronym of :data:`CODE_ACRONYMS`, points between its letters or not.
CODE_ACRONYM_RE = re.compile(r"(?P<acronym>" + "|".join(r"\.?".join(a) for a in CODE_ACRONYMS) + r")\.?(?![\w])")

KIND_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("code", re.compile(r"codes?\b", re.I)),                       # le Code général des …
    ("code", CODE_ACRONYM_RE),                                     # du CGCT, le C.G.C.T.
    ("loi", re.compile(r"lois?\b", re.I)),                         # la loi n°2014-856, la loi organique
    ("ordonnance", re.compile(r"ordonnances?\b", re.I)),           # l'ordonnance n° 2015-899
    ("decret", re.compile(r"d[ée]crets?\b", re.I)),                # le décret n° 2016-1234
    ("arrete", re.compile(r"arr[êe]t[ée]s?\b", re.I)),             # l'arrêté du Préfet, préfectoral
    ("deliberation", re.compile(r"d[ée]lib[ée]rations?\b", re.I)),  # la délibération n°2021-257
    ("reglement", re.compile(r"r[èe]glements?\b", re.I)),          # le Règlement Intérieur
    ("schema", re.compile(r"sch[ée]mas?\b", re.I)),                # le Schéma Régional …
    ("rapport", re.compile(r"rapports?\b", re.I)),                 # le rapport du Président
    ("avis", re.compile(r"avis\b", re.I)),                         # l'avis de la commission
)

#: Acts of an authority the contract's kinds have no name for (they are "other"), cited
#: with a number and an author as an arrêté is: "la décision du Maire n° 2024-12" (taken
#: by delegation of the council, CGCT art. L.2122-22), "la décision de l'Assemblée Générale
#: de …", "la circulaire de M. le Premier Ministre", "la circulaire préfectorale n° …".
OTHER_ACT_RE = re.compile(r"(?:d[ée]cisions?|circulaires?)\b", re.I)

#: Determiner (and "Vu" itself) before the head noun: "Vu le ", "VU l'", "Vu : les ".
#: An item of a "Vu :" list has no "Vu" of its own ("la loi n° 2015-991 …").
HEAD_RE = re.compile(
    r"""^[-–•*·]?\s*(?:V[uU]\s*[:,]?\s+)?(?P<det>les|le|la|l['’]|sa|son|ses|leurs?|une|un|des|du)(?:(?<=['’])|\b)\s*""",
    re.I | re.X,
)

#: "l'article L.1612-1 du Code…", "les articles L300-1 et R300-4 du Code de l'Urbanisme",
#: "l'article 15 de la loi du 10 avril 1867": the articles come first, the text after.
LEADING_ARTICLES_RE = re.compile(
    r"""articles?\s+(?P<refs>.+?)\s*,?\s+(?:du|de\s+la|de\s+l['’]|des)\s*(?=\S)""",
    re.I | re.X,
)

#: One article reference: "L.3121-14", "L. 2121-29", "L 2121-33", "L2122- 1- 4",
#: "R. 2122-8", "LO 1111-2", "15", "1609 nonies C", "1639 A bis" (the CGI's), "7-1".
#: A number followed by "°" is a paragraph of the article before ("L.2122-22, 4°"), not one.
ARTICLE_REF = r"""(?:(?:L\.?\s?O|LO|[LRDA])\s?\.?\s?)?\d+(?:\s?[-‑]\s?\d+)*
                  (?:(?:\s+[A-Z])?\s+(?i:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)(?:\s+[A-Z]\b)?)?
                  (?![\d°º])(?!\s[°º])"""
ARTICLE_REF_RE = re.compile(ARTICLE_REF, re.X)

#: What an article reference may carry after it without being another article: its
#: paragraph ("L.2122-22, 4°", "L. 332-8 2°", "L. 332-6-1-2° d)", "L. 2121-29 alinéa 1er",
#: "al. 2", "§ 3": the
#: contract lists articles, not their subdivisions) and "et suivants" ("L.2311-1 et
#: suivants", "et s.", "et ss.": the article that opens a run of the code).
ARTICLE_TAIL = r"""(?:\s*,?\s*(?:\bet\s+)?
                      (?:[-‑]?\d{1,2}\s?[°º](?:\s?[a-z]\))?                   # 4°, -2° d)
                        |alin[ée]as?\s+\d{1,2}(?:er|[èe]me|e)?\b|al\.\s*\d{1,2}\b  # alinéa 1er, al. 2
                        |§\s*\d{1,2}\b)
                   |\s+et\s+(?:suivants\b|ss?\.|ss\b))"""
ARTICLE_TAIL_RE = re.compile(ARTICLE_TAIL, re.I | re.X)

#: A list of articles after the word: "ses articles L.3121-14, L.3121-14-1, L.3211-1 et
#: L.3211-2", "son article 15", "articles 18, 20 et 29", "l'article L. 2122-22",
#: "son article L2311-3 et R2311-9", "les articles R300-4 à R300-9", "ses articles
#: L.2121-29, L.2311-1 et suivants, L.2312-1 et suivants", "L. 332-8 2° et L. 332-14",
#: "L2224-7 à 12-5; D2224-5-1" (a ";" before an article of the code runs the list on).
ARTICLES_RE = re.compile(
    rf"""\barticles?\s+(?P<refs>{ARTICLE_REF}{ARTICLE_TAIL}*
         (?:\s*(?:\([^)]{{0,30}}\))?\s*(?:,|\bet\b|\bà\b|\bou\b|&|;(?=\s*(?:LO|[LRD])\.?\s?\d))
            \s*{ARTICLE_REF}{ARTICLE_TAIL}*)*)""",
    re.I | re.X,
)

#: "n°2021-257", "n° 2019-09-390", "N° 26.2020.06.30.081", "n°CC-2021-100", "no 2014-58",
#: OCR "n*2021-257".
NUMBER = r"""\b[nN]\s?[°º*o]\.?\s*(?P<num>
        \d{2,4}\s?[-–]\s?\d{1,5}(?![\w./–-])         # "n° 2015 - 991", "2015–991": a year and a rank
      | (?:[A-Z][A-Za-z]{0,5}[-_/.]){1,4}\d[\w./_-]*\w  # services' codes first: "n° DRCL-BCL-2023-45",
                                                     # "n° PREF/DRCL/BCLB-2023-0045" (préfectures' arrêtés)
      | (?:[A-Za-z]{0,5}[-_]?|[A-Z]{1,5}\s)\d[\w./_-]*\w  # "n°CC-2021-100", "D2018-16", "n° CC 2021-100";
                                                     # not a word: "l'arrêté n° du 12 mai" has none
      | \d)"""
NUMBER_RE = re.compile(NUMBER, re.X)

#: The hyphen of a number printed spaced or as a dash ("2015 - 991", "2015–991"): the number
#: is "2015-991", as the Journal officiel prints it.
SPACED_HYPHEN_RE = re.compile(r"(?<=\d)\s*[-–]\s*(?=\d)")

#: A number printed right after the noun, without "n°": "la loi 95-101 du …", "la
#: délibération D2018-16", "la délibération 2018-33 de la communauté …"; a NOR, the number
#: the Journal officiel gives national texts (ministry and service letters, year, rank, type
#: letter): "la circulaire IOCB1015077C".
BARE_NUMBER_RE = re.compile(r"""\s*(?P<num>(?:[A-Z]{1,4}[-_]?)?\d{2,4}[-_/]\d+(?:[-_/.]\d+)*
                                      |[A-Z]{4}\d{7}[A-Z])(?![\w/-])""", re.X)

#: Words that open a trailing title: "relative à l'économie sociale et solidaire",
#: "portant adoption du budget primitif 2022", "approuvant le contrat de ville", "pris
#: pour l'application de …", "ayant approuvé le Plan Local d'Urbanisme".
TITLE_START_RE = re.compile(
    r"""(?<![\w'’-])(?:
        relati(?:f|ve|fs|ves)\s | portant\s | pris(?:e|es)?\s+(?:pour|en) | approuvant | adoptant
      | fixant | modifiant | instituant | cr[ée]ant | autorisant | d[ée]finissant | tirant | constatant
      | d[ée]cidant | d[ée]signant | arr[êe]tant | prescrivant | soumettant | installant | ouvrant
      | compl[ée]tant | concernant | accordant | attribuant | sollicitant | validant | actant
      | d[ée]terminant | organisant | transf[ée]rant | renouvelant | confiant | imposant | dispensant
      | donnant | d[ée]l[ée]guant | ayant\s+(?:approuv|d[ée]cid|prescrit|adopt|fix|cr[ée]|confi|institu|autoris)
    )""",
    re.I | re.X,
)

#: The clause that lists the articles, at the end: ", et notamment son article 15",
#: " et notamment ses articles 18, 20 et 29", ", notamment l'article L. 2122-22".
NOTAMMENT_RE = re.compile(
    r"""(?:\s*,\s*(?:et\s*,?\s*)?|\s+et\s*,?\s*)(?:notamment|en\s+particulier|plus\s+particuli[èe]rement)\b\s*,?""",
    re.I | re.X,
)

#: Where the name of a code, règlement or schéma ends.
NAME_END_RE = re.compile(
    r"""\s*,?\s*(?:et\s*,?\s*)?(?:notamment|en\s+particulier)\b
      | \s*,?\s+(?:adopt|approuv|arr[êe]t|modifi|r[ée]vis|valid)[ée]e?s?\b
      | \s*,\s*(?:articles?|art\.)\s
      | \s+(?:en\s+date|dans\s+sa\s+(?:version|r[ée]daction)|en\s+vigueur)\b
      | \s+(?:du|le)\s+(?=\d|1er|premier)
      | \s+(?:qui|dont|lequel|laquelle)\s                                  # "… du S.E.E.D.R. qui précise que"
      | \s*[;.]\s*$""",
    re.I | re.X,
)

#: Where a code's name ends besides a comma or a title: "… et l'article …", a participle
#: or a relative clause that speaks of the article ("… territoriales prévoyant la
#: possibilité …", "… qui prévoit que …"); no code's name holds a word in "-ant".
CODE_NAME_END_RE = re.compile(
    r"""\s+et\s+(?:l['’]\s*|les\s+|son\s+|ses\s+)articles?\b | \s+[a-zéèêàâîôûç]{2,}ant\b | \s+(?:qui|dont|o[uù])\s""",
    re.X,
)

#: Texts cited as "other" whose name is their title: "les statuts de la Communauté de
#: Communes …", "l'instruction budgétaire et comptable M57".
NAMED_OTHER_RE = re.compile(r"(?:statuts|instructions?\s+(?:budg[ée]taires?|comptables?))\b", re.I)

#: Where such a name ends: a comma, "et notamment", the end.
NAMED_OTHER_END_RE = re.compile(r"\s*[,;]|\s+et\s+(?:notamment|consid[ée]rant|vu)\b|\s*\.\s*$", re.I)

#: After a title, what is no longer the title: ", dite Loi NOTRé", ", qui a modifié",
#: ", a fixé le rayon d'affichage" (the sentence of the exposé the visa runs into).
TITLE_STOP_RE = re.compile(r"\s*,\s*(?:dite?s?|qui|a|ont|est|sont|visant|lequel|laquelle)\s"
                           r"|\s*,?\s+[àa]\s+savoir\b",   # "… d'aide au développement des entreprises à savoir : • …"
                           re.I)

#: A loi by its name, without number: "la Loi Climat et Résilience du 17 décembre 2021",
#: "la loi d'Orientation des Mobilités", "la loi pour l'Accès au Logement et un Urbanisme
#: Rénové (ALUR) du 24 mars 2014".
LOI_NAME_RE = re.compile(
    r"""\s+(?P<name>(?:[A-ZÀ-Ý]|d['’]\s?[A-ZÀ-Ý]|pour\s|de\s+[A-ZÀ-Ý])[^,;]{1,150}?)
        (?=\s+(?:du|en\s+date\s+du)\s+(?:\d|1er|premier)|\s*[,;]|\s+et\s+notamment|\s*\.?\s*$)""",
    re.X,
)

#: The author after the noun (and number): "du Conseil départemental", "de la 1ère
#: commission « … »", "du Préfet du Pas-de-Calais", "de la Présidente du Conseil
#: départemental", "de Monsieur le Maire".
ISSUER_RE = re.compile(
    r"""\s*,?\s*(?:et\s+(?:les\s+)?conclusions\s+)?   # "le rapport et les conclusions du commissaire enquêteur"
        (?:de\s+l['’]\s*|(?:du|de\s+la|des|de)\s+)(?:(?:Monsieur|Madame|M\.|Mme)\s+(?:le|la|l['’])\s*)?
        (?P<issuer>[«\w].*)""",
    re.I | re.X,
)

#: Where the author's name ends: a date, "en date", "n°", "rendu lors", "réunie le", a
#: title word, ", ci-annexé", a comma before a lower-case word (not "Vie associative,
#: Sport et Culture"), the end.
ISSUER_END_RE = re.compile(
    r"""\s+(?:en\s+date|en\s+s[ée]ance|en\s+vue|afin\s|rendu|r[ée]uni|[ée]mis|lors|sur\s|dans\s|relati|portant\s|le\s+\d|le\s+1er
           |du\s+(?=\d|1er|premier)|du\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)
           |[nN]\s?[°º*o]\.?\s*\d|[nN]°
           |(?=(?:[A-Z]{1,4}[-_]?)?\d{2,4}[-_]\d)                   # "du Conseil communautaire 2015-190 du …"
           |d(?:e\s+|['’]\s*)(?=(?:[a-zé]+(?<!i)er|[a-zé]+ir)\s+(?:le|la|les|l['’]|un|une|des|à|au|aux|en)\b))
                                        # an infinitive: "la décision du Maire de céder la parcelle …"
      | \s*,\s*(?=[a-zà-ÿ])
      | \s*[;:.]\s*$
      | \s*[;]""",
    re.X,
)

#: "adopté par délibération du Conseil Régional des Hauts-de-France le 30 mars 2017":
#: the author of a schéma (or of a règlement adopted by a council).
ADOPTED_BY_RE = re.compile(
    r"""(?:adopt|approuv|arr[êe]t)[ée]e?s?\s+par\s+(?:d[ée]lib[ée]ration\s+|arr[êe]t[ée]\s+)?
        (?:du|de\s+la|de\s+l['’]|le|la|l['’])\s*(?P<issuer>.+)""",
    re.I | re.X,
)

#: The author of a request or an approval cited as "other": "la demande d'admission en
#: non-valeur présentée par le comptable public", "la demande présentée le 23 juillet 2019 …
#: par la Société PARC EOLIEN …", "l'approbation de la convention-type par le comité
#: syndical du SMTCO le 11 décembre 2024".
REQUESTED_BY_RE = re.compile(
    r"""(?:demande|requ[êe]te|sollicitation|proposition|approbation|saisine)\b[^;]{0,140}?
        \bpar\s+(?:le|la|l['’]|les)\s*(?P<issuer>.+)""",
    re.I | re.X,
)

#: Authors of a request: a body, an officer or a company ("comptable public", "Société X").
REQUESTER_WORD_RE = re.compile(
    r"""^(?:comptable|tr[ée]sori|receveur|soci[ée]t[ée]|SARL|SAS|SA\b|EURL|SCI|entreprise|association|commune|ville
        |d[ée]partement|r[ée]gion|[ée]tat\b|Premier\s+ministre|ministre|pr[ée]fet)""",
    re.I | re.X,
)

#: Bodies that author a délibération or an avis (the first word of the issuer).
BODY_WORD_RE = re.compile(
    r"""^(?:\d+(?:[èe]re|[èe]me|e)\s+)?(?:conseil|commission|bureau|comit[ée]|assembl[ée]e|syndicat
        |communaut[ée]|coll[èe]ge|conf[ée]rence|mission|personnes\s+publiques|pr[ée]fet|pr[ée]sident|maire
        |commissaire|directeur|direction|agence|autorit[ée]|minist|premier\s+ministre|chambre|CCAS|SDIS|SIVU|SIVOM)""",
    re.I | re.X,
)

#: Words after which a period does not end a line's sentence ("L.", "n°.", "art.").
ABBREV_END_RE = re.compile(r"(?:\b(?:[A-Z]|art|n|no|M|Mme|cf|al|p)\.|[nN]°\.?)$")


#: The author an adjective of the noun names: "l'arrêté préfectoral n° …" (the préfet),
#: "l'arrêté municipal n°2007/107" (the maire), "la circulaire ministérielle du 30 juin 2020"
#: (the ministre); not "interministériel" (several ministers).
ISSUER_ADJECTIVE_RE = re.compile(
    r"""(?:\s*(?:la\s+|le\s+|l['’]\s*|les\s+)?(?:circulaire|instruction|note|d[ée]cision|directive)s?)?  # (kind other)
        \s+(?P<adj>pr[ée]fectora(?:le?|ux)|municipa(?:le?|ux)|minist[ée]riel(?:le)?)s?\b""",
    re.I | re.X,
)
ISSUER_OF_ADJECTIVE = {"pr": "Préfet", "mu": "Maire", "mi": "Ministre"}

#: Offices named alone as authors, written with a capital whatever the print: "l'arrêté du
#: maire" → "Maire", as "arrêté de Monsieur le Maire".
OFFICE_ISSUERS = ("maire", "préfet", "prefet", "président", "présidente", "ministre", "trésorier")
