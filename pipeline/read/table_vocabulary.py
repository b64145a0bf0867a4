"""The words of table headers: what a printed column header says its cells hold.

One vocabulary for every reader of tables (budget lines, grants, the amounts that are
table cells). A header is compared *folded* — lower case, no accents, the currency
("€", "(en €)", "euros", "HT", "TTC") and punctuation taken out, years kept apart::

    "CP 2024 et suivants"        → measure cp        (year 2024)
    "AP votée"                   → measure ae
    "Affecté ce jour"            → measure proposed
    "Reste à affecter"           → measure balance
    "Crédits ouverts"            → measure budget
    "Restes à réaliser"          → measure other     (the contract has no measure for it:
                                                      the printed header stays in ``column``)
    "Montant voté (€)"           → grant column awarded
    "Montant sollicité (€)"      → grant column requested (never a grant's amount)
    "N° SIRET", "RNA"            → role siret
    "FONCTIONNEMENT 2025"        → section fonctionnement, year 2025

The contract's measures are ``cp``, ``ae``, ``available``, ``proposed``, ``expense``,
``balance``, ``budget`` and ``other``; a header of money the contract has no word for
(réalisé, résultat, recettes, DM …) is ``other`` and keeps its printed text.

Some headers say a *side* rather than a measure: "Dépenses" / "Recettes" over a
financing plan, "Financeur" beside "Montant". :func:`side_of` reads them; the table
readers give a generic amount column ("Montant", "Vote") the side of the column it
belongs to (a recettes amount is ``other``, a dépenses amount ``expense``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.model import strip_accents

#: Measures of the contract, in the order a reader meets them.
MEASURES = ("cp", "ae", "available", "proposed", "expense", "balance", "budget", "other")


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: "Crédits  de Paiement" → "credits de paiement"."""
    return " ".join(strip_accents(text).split())


# What a header prints besides its words: currency, "en euros", HT/TTC, years, marks.
_NOISE_RE = re.compile(
    r"""\(?\s*(?:\ben\s+)?(?:€|\beuros?\b|\beur\b|k€|m€)\s*\)?   # "(€)", "en €", "euros", "(en k€)"
      | \b(?:ht|ttc|h\.t\.?|t\.t\.c\.?)\b                 # "Coût (€ HT)", "Montant TTC"
      | \b(?:en\s+)?(?:19|20)\d\d\b                       # "CP 2023", "BP 2024", "votés en 2025"
      | \bn\s?[-+]\s?\d\b | \bn\b(?=\s*$)                  # "CP N+1", "Budget N"
      | [:*]""",
    re.X | re.I,
)


@lru_cache(maxsize=8192)  # headers repeat on every row that asks
def header_key(text: str) -> str:
    """A header as the vocabulary compares it: "Montant voté (€)" → "montant vote"."""
    t = fold(_NOISE_RE.sub(" ", text))
    t = re.sub(r"[^\w ]", " ", t)
    # a lone letter at either end is an OCR speck ("Affecté ce jour À"), not a word
    t = re.sub(r"^(?:[b-mo-z]\s+)+|(?<!\breste)(?<!\brestes)(?:\s+[a-mo-z])+$", "", " ".join(t.split()))
    return t


_YEAR_RE = re.compile(r"\b((?:19|20)\d\d)\b")


def year_of(text: str) -> int | None:
    """The year a header names: "CP 2024 et suivants" → 2024, "Montants votés en 2025" → 2025."""
    m = _YEAR_RE.findall(text)
    return int(m[-1]) if m else None


def is_year_alone(header: str) -> bool:
    """A header that is a year and nothing else ("2025"), as multi-year tables print them.

    >>> is_year_alone("2025"), is_year_alone("CP 2025"), is_year_alone("Exercice 2025")
    (True, False, False)
    """
    return bool(_YEAR_RE.fullmatch(header.strip()))


# ---------------------------------------------------------------------------
# Measures
# ---------------------------------------------------------------------------

# A compte administratif's allocation of last year's surplus to investment (compte 1068), as
# a header of its table of results names it (see :data:`_MEASURE_PATTERNS`).
_ALLOCATED = r"""^(?:parts?\s+affectees?(?:\s+(?:a|en|au)\b.*)?
                    |affectations?\s+(?:(?:au|en)\s+)?(?:(?:compte|c)\s+)?(?:1068|reserves?)\b.*
                    |affectations?\s+(?:du\s+|des\s+)?resultats?\b.*
                    |(?:excedents?|resultats?)(?:\s+de\s+fonctionnement)?\s+(?:affectes?|capitalises?)\b.*)$"""

#: Header (folded, without currency and years) → measure, tried in order.
_MEASURE_PATTERNS: tuple[tuple[str, str], ...] = (
    # a compte administratif's allocation of the surplus to investment (compte 1068, "excédent
    # de fonctionnement capitalisé"), between last year's closing result and this year's:
    # "Part affectée (à l'investissement)", "Affectation 1068", "Affectation au compte 1068",
    # "Affectation en réserves", "Affectation du résultat", "Excédent capitalisé". Money of no
    # measure of the contract, read before the affectations an AP table proposes
    ("other", _ALLOCATED),
    # what is left: "Solde", "Solde disponible", "Reste à affecter", "Reste à engager",
    # "Reste disponible", "Disponible après", "AE disponible après séance"
    ("balance", r"""^(?:soldes?(?:\s+disponibles?|\s+apres\b.*)?
                    |restes?\s+(?:a\s+)?(?:affecter|engager|financer|mandater|disponibles?)
                    |(?:(?:credits?|montants?|cp|ae|ap|enveloppe)\s+)?disponibles?\s+apres\b.*|montant\s+restant)$"""),
    # what is there before the act: "Disponible", "Crédits disponibles", "AP disponible"
    ("available", r"""^(?:(?:credits?|montants?|cp|ae|ap|enveloppe)\s+)?disponibles?(?:\s+avant\b.*)?$"""),
    # what the act puts to the vote: "Proposition(s) (nouvelles)", "Montant proposé",
    # "Affecté ce jour", "Affectation proposée", "AP affectée", "Vote proposé"
    # (also the commission's proposal in a grants table: "Proposition Com", "Prop. commission")
    ("proposed", r"""^(?:(?:nouvelles?\s+)?propositions?(?:\s+nouvelles?|\s+du\s+\w+|\s+de\s+vote)?
                    |(?:propositions?|prop)\s+(?:de\s+(?:la\s+)?)?(?:com|commissions?|bureau)(?:\s+\w+){0,2}
                    |(?:montants?|credits?|ae|ap|cp|vote|inscriptions?)\s+proposee?s?|proposee?s?
                    |(?:ae|ap|montants?)?\s*affectee?s?(?:\s+(?:ce\s+jour|a\s+ce\s+jour|en\s+seance))?
                    |affectations?(?:\s+(?:proposees?|ce\s+jour|de\s+la\s+seance|nouvelles?))?
                    |montants?\s+(?:a\s+)?affecter|montant\s+de\s+l\s?affectation
                    # the amendment the act votes: "Proposition DM2", "Vote DM n°2", "Montant de la DM",
                    # "Nouveaux crédits", "Crédits nouveaux" (an earlier DM alone, "DM1", is read apart)
                    |(?:propositions?|votes?|montants?(?:\s+de\s+la)?)\s+(?:dm|decisions?\s+modificatives?)(?:\s*n?\s*\d+)?
                    |nouveaux?\s+credits?|credits?\s+nouveaux
                    # what a DM adds to the budget: "Crédits supplémentaires", "Crédits complémentaires",
                    # "Inscriptions nouvelles", "Nouvelles inscriptions", "Inscriptions supplémentaires"
                    |credits?\s+(?:supplementaires?|complementaires?)
                    |inscriptions?\s+(?:nouvelles?|supplementaires?|complementaires?)|nouvelles?\s+inscriptions?
                    # the movements a décision modificative votes, each way: "Diminution",
                    # "Augmentation (de crédits)", "Crédits en diminution", "Crédits à ouvrir",
                    # "Crédits à réduire", "Ouverture / Réduction / Annulation de crédits" (the
                    # figure stays as printed: "Diminution" 1 500 is no -1 500, the column says so)
                    |(?:diminutions?|augmentations?|ouvertures?|reductions?|annulations?)(?:\s+(?:de|des)\s+credits?)?
                    |credits?\s+(?:en\s+(?:diminution|augmentation)
                                  |a\s+(?:ouvrir|reduire|annuler|diminuer|augmenter)))$"""),
    # programme authorisations: "AE", "AP", "AP votée", "AE votée", "AP initiale",
    # "Autorisation(s) de programme / d'engagement", "Montant de l'AP", "AP/AE"
    ("ae", r"""^(?:ae|ap|ape|ap\s+ae|ae\s+ap|autorisations?\s+(?:de|d)\s*(?:engagements?|programmes?)
                    (?:\s+(?:votees?|initiales?|ouvertes?|actuelles?|totales?))?
                    |(?:ae|ap)\s+(?:votees?|initiales?|ouvertes?|actuelles?|totales?|en\s+cours|revisees?)
                    |montant\s+(?:de\s+l\s?|des\s+)?(?:ae|ap))$"""),
    # payment credits: "CP", "CP 2023", "CP 2024 et suivants", "CP ultérieurs", "CP de
    # l'année", "Crédits de paiement", "Montant CP", OCR "CPE" for "CP€"
    ("cp", r"""^(?:cp|cpe|credits?\s+de\s+paiements?|montant\s+(?:des\s+)?cp)
                    (?:\s+(?:et\s+suivants|suivants|ulterieurs?|anterieurs?|de\s+l\s?(?:annee|exercice)
                    |votes?|ouverts?|inscrits?|prevus?|a\s+venir|futurs?|restant))?$"""),
    # spending: "Dépense(s)", "Dépenses liées au projet …", "Montant de la dépense",
    # "Coût", "Coût (€ HT)", "Coût total", "Cotisations 2025", "Charges"
    ("expense", r"""^(?:depenses?\b.*|montant\s+(?:de\s+la\s+|des\s+)?depenses?\b.*
                    |couts?(?:\s+(?:total|totaux|previsionnels?|estimes?|global|de\s+l\s?operation|du\s+projet))?
                    |cotisations?(?:\s+\w+)?|charges?)$"""),
    # the budget voted: "BP", "BS", "Budget primitif / supplémentaire / prévisionnel",
    # "Montant", "Montant total", "Crédits votés / inscrits / ouverts", "Vote", "Prévu",
    # "Subvention accordée", "Montant attribué" (a grant table's money is read as grants)
    ("budget", r"""^(?:bp|bs|budget(?:\s+(?:primitif|supplementaire|previsionnel|total|vote|de\s+l\s?exercice))?
                    |montants?(?:\s+(?:total|totaux|global|ht|ttc))?|tota(?:l|ux)\s+montants?
                    |credits?(?:\s+(?:votes?|inscrits?|ouverts?|prevus?))?|votes?|prevus?|previsions?
                    |(?:bp|bs|budget)\s+votee?s?|inscriptions?(?:\s+budgetaires?)?
                    # the credits opened in all: "Total du budget", "Total des crédits", "Total crédits
                    # ouverts", "Total des crédits votés"
                    |tota(?:l|ux)\s+(?:du\s+|des\s+)?(?:budget|credits?(?:\s+(?:votes?|inscrits?|ouverts?|prevus?))?)
                    # what the budget is after the act: "Total après DM", "Crédits après DM2", "BP + DM",
                    # "Crédits ouverts après DM", "Total des crédits après DM n°1"
                    |(?:tota(?:l|ux)(?:\s+(?:des\s+)?credits?)?|credits?(?:\s+(?:votes?|inscrits?|ouverts?|prevus?))?|budget
                       |montants?|nouveaux?\s+montants?)\s+apres\s+(?:la\s+)?(?:dm|decisions?\s+modificatives?|vote)(?:\s*n?\s*\d+)?
                    |(?:bp|budget(?:\s+primitif)?)\s+(?:dm|bs)(?:\s+(?:dm|bs))*
                    |votes?\s+(?:du\s+|en\s+)?(?:cm|cc|conseil(?:\s+\w+)?|bureau)   # "Vote CM", "Vote du conseil municipal"
                    |subventions?(?:\s+(?:accordees?|attribuees?|proposees?|allouees?|votees?))?
                    # a grant table's awarded column named by its participle alone: "Attribué",
                    # "Accordé", "Alloué", "Octroyé" (beside "Demandé")
                    |attribuee?s?|accordee?s?|allouee?s?|octroyee?s?
                    |montants?\s+(?:de\s+la\s+subvention|de\s+l\s?aide|accordee?s?|attribuee?s?|allouee?s?|votee?s?|retenue?s?)
                    |aides?\s+(?:accordees?|attribuees?|votees?)|participations?
                    # the grants of an intercommunalité to its communes or back (CGCT L.5214-16 V):
                    # "Fonds de concours", "Montant du fonds de concours", "Fonds de concours attribué"
                    |(?:montants?\s+(?:du\s+|des\s+))?fonds\s+de\s+concours(?:\s+(?:attribues?|accordes?|alloues?|votes?|proposes?))?
                    |decisions?(?!\s+modificatives?)(?:\s+\w+){0,3}
                    |(?:(?:section|subventions?|credits?|depenses?)\s+(?:de|d)\s*)?(?:fonctionnement|investissement))$"""),
    # money the contract has no measure for: "Recettes", "Réalisé", "Restes à réaliser",
    # "RAR", "Résultat (cumulé)", "DM", "Décision modificative", "Écart", "Financements",
    # "Montant des financements", "Excédent", "Déficit", "Reports", "Virements", "CA"
    ("other", r"""^(?:recettes?\b.*|realisee?s?|realisations?|restes?\s+a\s+realiser|rar
                    |resultats?(?:\s+(?:cumules?|de\s+l\s?exercice|reportes?|de\s+cloture|anterieurs?))?
                    |dm(?:\s*n?\s*\d+|\s+(?:precedentes?|anterieures?|cumulees?))?   # "DM3", "DM précédentes"
                    |decisions?\s+modificatives?(?:\s+n\s?\d+|\s+(?:precedentes?|anterieures?|cumulees?))?
                    |ecarts?|variations?
                    |financements?|montants?\s+des\s+financements?|ressources|produits?
                    |excedents?|deficits?|reports?|virements?|mouvements?|ca|compte\s+administratif
                    # a part of the column before it: "Dont reports", "dont RAR", "Dont crédits nouveaux"
                    |dont\s+\w.*
                    |(?:montants?|subventions?|aides?|participations?|fonds\s+de\s+concours)\s+(?:sollicitee?s?|demandee?s?)
                    # the request alone: "Demande", "Demandé" (beside "Attribué"), "Sollicité"
                    |demandee?s?|sollicitee?s?)$"""),
)
_MEASURES = tuple((m, re.compile(p, re.X)) for m, p in _MEASURE_PATTERNS)

# When the money of a column was voted or affected, as its header says after its words (the
# AP/AE tables of a commission permanente):
# * before this act: "AE votée antérieurement", "AP affectée antérieurement", "Affectations
#   antérieures", "Affectations précédentes", "Montant déjà affecté", "Affectations cumulées".
#   What was affected before is not what the act proposes (``other``); what was voted before
#   is still the authorisation (``ae``), the budget, the CP;
_EARLIER_RE = re.compile(r"\s+(?:anterieur(?:e|es|s)?|anterieurement|precedemment|auparavant|precedente?s?|cumulee?s?)$"
                         r"|\bdeja\s+")
# * at this meeting: "AE proposée à la présente séance", "Affectation proposée lors de cette
#   séance", "Montant proposé en séance", "AP affectée du jour": the words before say it.
_THIS_MEETING_RE = re.compile(
    r"""\s+(?:(?:a|lors\s+de|pour|de|en)\s+(?:la\s+)?(?:presente|cette)\s+(?:seance|session|reunion|commission(?:\s+permanente)?)
          |(?:en|de\s+la|a\s+la|lors\s+de\s+la)\s+seance|(?:du|de\s+ce|ce)\s+jour)$""", re.X)


def _measure_of_key(t: str) -> str | None:
    for measure, pattern in _MEASURES:
        if pattern.match(t):
            return measure
    return None


def _measure_when(t: str) -> str | None:
    """The measure of a header that says when its money was voted or affected
    (:data:`_EARLIER_RE`, :data:`_THIS_MEETING_RE`), from the words before it."""
    rest = " ".join(_EARLIER_RE.sub(" ", t).split())
    if rest != t and rest:
        measure = _measure_of_key(rest)
        return "other" if measure == "proposed" else measure
    rest = " ".join(_THIS_MEETING_RE.sub(" ", t).split())
    if rest != t and rest:
        return _measure_of_key(rest)
    return None

#: Header words that narrow cells cut ("Disponibl"), and their measure.
_CUT_WORDS = {"disponible": "available", "proposition": "proposed", "depenses": "expense",
              "recettes": "other", "autorisation": "ae"}


_SECTION_WORDS_RE = re.compile(r"\b(?:(?:section|credits?|subventions?)\s+)?(?:de\s+|d\s*)?(?:fonctionnement|investissement)\b")


#: A header that names the budget itself ("BP 2021", "BS", "Budget primitif", "Crédits
#: votés", "Total crédits ouverts", "Total après DM2", "Crédits ouverts après DM"), not money in general ("Montant", "Fonctionnement"): its cells
#: are that budget's on any row, expenses and receipts alike.
_NAMED_BUDGET_RE = re.compile(
    r"""^(?:bp|bs|budget\s+(?:primitif|supplementaire|previsionnel|vote|de\s+l\s?exercice)
          |(?:bp|bs|budget)\s+votee?s?|(?:tota(?:l|ux)\s+(?:des\s+)?)?credits?\s+(?:votes?|inscrits?|ouverts?)
          |(?:tota(?:l|ux)(?:\s+(?:des\s+)?credits?)?|credits?(?:\s+(?:votes?|inscrits?|ouverts?))?|budget|montants?
             |nouveaux?\s+montants?)\s+apres\s+.*
          |(?:bp|budget(?:\s+primitif)?)\s+(?:dm|bs)(?:\s+(?:dm|bs))*)$""", re.X)


def names_the_budget(text: str) -> bool:
    """Whether a printed header names the budget itself (:data:`_NAMED_BUDGET_RE`).

    >>> names_the_budget("BP 2021"), names_the_budget("Montant"), names_the_budget("Fonctionnement")
    (True, False, False)
    """
    return bool(_NAMED_BUDGET_RE.match(header_key(text)))


@lru_cache(maxsize=8192)  # headers repeat on every row that asks
def measure_of(text: str) -> str | None:
    """The ``measure`` a printed column header stands for, or None for a text column.

    >>> measure_of("CP 2024 et suivants"), measure_of("AP votée"), measure_of("Libellé")
    ('cp', 'ae', None)
    """
    t = header_key(text)
    if not t or "%" in text:
        return None  # "Recettes %", "Taux (%)": a share, not money
    measure = _measure_of_key(t) or _measure_when(t)
    if measure:
        return measure
    # a money header over a budget section: "Montants votés en 2025 Fonctionnement",
    # "Dépenses d'investissement", "BP Fonctionnement" — the measure of the rest
    rest = " ".join(_SECTION_WORDS_RE.sub(" ", t).split())
    if rest != t:
        if not rest:
            return "budget"
        measure = _measure_of_key(rest)
        if measure:
            return measure
    # a word cut by a narrow cell whose last letters OCR misread: "Disponibl" + "7" for
    # "Disponibl" + "e", "Propositi" + "à" for "Propositi" + "on"
    first, _, rest = t.partition(" ")
    if len(first) >= 6 and len(rest.replace(" ", "")) <= 2:
        for word, measure in _CUT_WORDS.items():
            if word.startswith(first) and len(word) - len(first) <= 3:
                return measure
    return None


# A table of programme authorisations and their payment credits, by its title or headers:
# "Autorisation de programme et crédits (pluriannuels) de paiement", "AP/CP", "AP-CP",
# "AE/CP", "Crédits de paiement".
_PROGRAMME_RE = re.compile(r"\bautorisations?\s+d['’]?\s*(?:e\s+)?(?:programme|engagement)s?\b|\ba[pe]\s*[-/]\s*cp\b"
                           r"|\bcr[ée]dits?\s+(?:pluriannuels\s+)?de\s+paiements?\b", re.I)
# What the totals of such a table are: "Total", "Total HT", "Total TTC", "Montant total".
#: A total, as a header prints it: "Total", "Montant total", "Coût total".
_TOTAL = r"(?:total|montant\s+total|cout\s+total)"
_PROGRAMME_TOTAL_RE = re.compile(rf"^{_TOTAL}(?:\s+(?:ht|ttc))?$")


def is_programme_table(text: str) -> bool:
    """The title or headers of a table name programme authorisations and payment credits."""
    return bool(_PROGRAMME_RE.search(text))


def programme_measure(header: str) -> str | None:
    """In a table of programme authorisations (:func:`is_programme_table`), the measure of a
    header the vocabulary has none for: a year alone is that year's payment credits (``cp``),
    a total is the authorisation (``ae``); anything else None.

    >>> programme_measure("2016"), programme_measure("total TTC"), programme_measure("taux")
    ('cp', 'ae', None)
    """
    if measure_of(header) is not None:
        return None
    if is_year_alone(header):
        return "cp"
    return "ae" if _PROGRAMME_TOTAL_RE.match(header_key(header)) else None


#: A total whose kind the header does not say: "Total", "Total HT", "Total encaissé".
_BARE_TOTAL_RE = re.compile(rf"^{_TOTAL}(?:\s+(?:ht|ttc|encaisse?e?s?|realise?e?s?))?$")


def heads_unnamed_money(header: str) -> bool:
    """A header over money that says no measure: a year alone or a bare total ("recettes |
    2014 | 2015 | total | total encaissé"). Over figures, such a column is money of a kind
    the vocabulary cannot name (``other``), unless the table's title names it
    (:func:`programme_measure`).

    >>> heads_unnamed_money("2014"), heads_unnamed_money("total encaissé"), heads_unnamed_money("Taux")
    (True, True, False)
    """
    if measure_of(header) is not None:
        return False
    return bool(is_year_alone(header) or _BARE_TOTAL_RE.match(header_key(header)))


# ---------------------------------------------------------------------------
# The results of a compte administratif
# ---------------------------------------------------------------------------

#: The columns of a compte administratif's table of results, one row per section
#: ("Investissement", "Fonctionnement"), in the order of the reckoning: closing result of
#: last year − the part of it allocated to investment + the year's result = closing result
#: of this year. Kinds:
_RESULT_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "Part affectée à l'investissement", "Affectation 1068"
    ("allocated", re.compile(_ALLOCATED, re.X)),
    # a closing result: "Résultat de clôture 2023", "Résultat cumulé", "Résultat à la clôture"
    ("closing", re.compile(r"^resultats?\s+(?:de\s+|a\s+la\s+)?(?:clotures?|cumules?)$")),
    # last year's, carried over: "Résultat reporté", "Résultat antérieur (reporté)"
    ("carried", re.compile(r"^resultats?\s+(?:anterieurs?(?:\s+reportes?)?|reportes?)$")),
    # the year's own: "Résultat de l'exercice 2024", "Résultat de l'année"
    ("year", re.compile(r"^resultats?\s+(?:de\s+l\s?(?:exercice|annee))$")),
    # a result the year alone names: "Résultat 2023" (last year's closing beside "Résultat 2024")
    ("dated", re.compile(r"^resultats?$")),
)


def result_column(header: str) -> tuple[str, int | None] | None:
    """(kind, year) of a column of a table of results (:data:`_RESULT_KINDS`), or None.

    >>> result_column("Résultat de clôture 2023"), result_column("Affectation 1068"), result_column("Recettes")
    (('closing', 2023), ('allocated', None), None)
    """
    t = header_key(header)
    for kind, pattern in _RESULT_KINDS:
        if pattern.match(t):
            year = year_of(header)
            return (kind, year) if kind != "dated" or year else None
    return None


# ---------------------------------------------------------------------------
# Roles of text columns
# ---------------------------------------------------------------------------

_ROLE_PATTERNS: tuple[tuple[str, str], ...] = (
    # identifiers of a beneficiary: "SIRET", "N° SIRET", "SIREN", "RNA", "N° RNA"
    ("siret", r"^(?:n\s*°?\s*|numero\s+)?(?:siret|siren|rna|identifiant|id)(?:\s+\w+)?$"),
    # rates, never money: "Taux", "%", "Taux d'intervention", "Part"
    ("rate", r"^(?:taux\b.*|pourcentages?|quote\s+part|part)$"),
    # budget imputations: "Imputation (budgétaire)", "Chapitre", "Article", "Compte",
    # "Nature", "Fonction", "Chap/art", and their abbreviations over narrow columns: "Chap.",
    # "Art.", "Cpte"
    ("imputation", r"^(?:imputations?|chapitres?|chap|comptes?|articles?|art|cptes?|natures?(?!\s+de\b|\s+d\s)"
                   r"|fonctions?)\b"),
    # operation codes: "Code (Opération)", "N° opération", "N° AP", "AP n°", "N°", "Numéro",
    # "Opération n°"
    ("code", r"^(?:(?:ap|ae|operations?|programmes?|engagements?)\s+)?(?:codes?|n\s?°|no\b|numeros?)"),
    # who receives: "Bénéficiaire(s)", "Association(s)", "Organisme", "Structure", "Tiers",
    # "Porteur (de projet)", "Demandeur", "Attributaire", "Nom", "Raison sociale",
    # "Maître d'ouvrage", "Entreprise", "Collectivité", "Commune(s)", "Club"
    ("beneficiary", r"""^(?:beneficiaires?|associations?|organismes?|structures?|tiers|porteurs?
                        |demandeurs?|attributaires?|noms?|raison\s+sociale|maitres?\s+d\s?ouvrage
                        |entreprises?|collectivites?|communes?|clubs?|partenaires?\s+beneficiaires?)\b"""),
    # what a row is: "Libellé (Opération)", "Désignation", "Actions", "Intitulé", "Objet
    # (de la demande)", "Opération", "Programme", "Poste", "Projet", "Nature de l'action",
    # "Financeur(s)" (the funding side of a plan), "Compétences", "Structures"; what a grant
    # pays for, in a list of festivities: "Manifestation", "Événement", "Animation"
    ("label", r"""^(?:libelles?|designations?|actions?|intitules?|objets?|operations?|programmes?
                  |postes?|projets?|motifs?|destinations?|financeurs?|competences?|prestations?
                  |manifestations?|evenements?|animations?
                  |items?|rubriques?|sections?|elements?|natures?\s+de?|origines?)\b"""),
)
_ROLES = tuple((r, re.compile(p, re.X)) for r, p in _ROLE_PATTERNS)


@lru_cache(maxsize=8192)  # headers repeat on every row that asks
def role_of(header: str) -> str:
    """``measure`` | ``siret`` | ``rate`` | ``imputation`` | ``code`` | ``beneficiary`` |
    ``label`` | ``other`` for a printed header.

    >>> role_of("N° SIRET"), role_of("Bénéficiaire"), role_of("Taux"), role_of("CP €")
    ('siret', 'beneficiary', 'rate', 'measure')
    """
    if "%" in header:
        return "rate"  # "Recettes %", "(%)", "Part en %"
    h = fold(header)
    h = re.sub(r"[^\w °]", " ", h).strip()
    for role, pattern in _ROLES[:2]:  # "N° SIRET", "Taux (%)" before any measure
        if pattern.match(h):
            return role
    if measure_of(header):
        return "measure"
    for role, pattern in _ROLES[2:]:
        if pattern.match(h):
            return role
    return "other"


#: A column of codes that names the operation, programme or authorisation it numbers ("Code
#: opération", "N° opération", "N° d'opération", "N° AP", "AP n°", "Opération n°", "Code
#: programme"), or nothing else ("N°", "Code"): its cells are the rows' operation codes.
#: A number of something else ("N° de titre", "N° de mandat", "N° de facture", "N° de
#: bordereau", "N° d'inventaire") numbers an accounting document or a thing, not an operation.
_OPERATION_CODE_RE = re.compile(
    r"""^(?:(?:ap|ae|operations?|programmes?|engagements?|projets?|autorisations?)\s+)?(?:codes?|n\s?°?|no|numeros?)
        (?:\s+(?:de\s+l\s?|d\s?|du\s+|de\s+|des\s+|de\s+la\s+)?(?:ap|ae|operations?|programmes?|engagements?|projets?
                                                         |autorisations?(?:\s+de\s+programme|\s+d\s?engagement)?))?
        (?:\s+n\s?°?)?$""", re.X)


def names_an_operation_code(header: str) -> bool:
    """Whether a column of codes (role ``code``) holds the rows' operation codes
    (:data:`_OPERATION_CODE_RE`).

    >>> names_an_operation_code("N° opération"), names_an_operation_code("N° AP"), names_an_operation_code("N° de titre")
    (True, True, False)
    >>> names_an_operation_code("N°AP"), names_an_operation_code("N°Opération")
    (True, True)
    """
    h = " ".join(re.sub(r"°(?=\w)", "° ", re.sub(r"[^\w °]", " ", fold(header))).split())  # "N°AP" as "N° AP"
    return bool(_OPERATION_CODE_RE.match(h))


#: A column that says where a beneficiary is, not who it is: "Commune", "Commune
#: d'implantation", "Ville", "Localité", "Localisation", "Lieu", "Canton", "Siège (social)",
#: "Territoire", "Secteur", "Quartier". Beside a column naming the beneficiary ("Bénéficiaire
#: | Commune | Objet"), "Commune" is its place; alone, the commune is the beneficiary (the
#: fonds de concours of an intercommunalité: "Commune | Projet | Montant attribué").
_PLACE_RE = re.compile(r"""^(?:communes?(?:\s+(?:d\s?implantation|du\s+siege|de\s+residence|concernees?))?|villes?
                          |localites?|localisations?|lieux?|cantons?|sieges?(?:\s+social)?|territoires?|secteurs?
                          |quartiers?)$""", re.X)


def names_a_place(header: str) -> bool:
    """Whether a header names a beneficiary's place (:data:`_PLACE_RE`).

    >>> names_a_place("Commune"), names_a_place("Localisation"), names_a_place("Bénéficiaire")
    (True, True, False)
    """
    return bool(_PLACE_RE.match(" ".join(re.sub(r"[^\w ]", " ", fold(header)).split())))


# ---------------------------------------------------------------------------
# Sides and sections
# ---------------------------------------------------------------------------

# The spending side: "Dépenses", "DÉPENSES", "Charges", "Coût(s)", "Emplois".
_EXPENSE_SIDE_RE = re.compile(r"^(?:depenses?|charges?|couts?|emplois?)\b")
# The funding side: "Recettes", "Financements", "Financeur(s)", "Ressources", "Produits",
# "Plan de financement", "Partenaires".
_INCOME_SIDE_RE = re.compile(r"^(?:recettes?|financements?|financeurs?|ressources?|produits?|partenaires?"
                             r"|plan\s+de\s+financement|origines?\s+des\s+(?:financements?|fonds|recettes))\b")


def side_of(text: str) -> str | None:
    """``expense`` for the spending side of a budget ("Dépenses :", "Charges"), ``income``
    for the funding side ("Recettes", "Financeur", "Ressources"), else None."""
    t = header_key(text)
    if _EXPENSE_SIDE_RE.match(t):
        return "expense"
    if _INCOME_SIDE_RE.match(t):
        return "income"
    return None


# A row's label that names the side it stands on: "Dépenses :", "Recettes – Prévision
# budgétaire totale", "Dépenses réalisées" (a "FONCTIONNEMENT 2025" box, a compte
# administratif by section). A chapter named for what it spends or earns ("Charges à
# caractère général", "Produits des services") names no side: "023 – Virement à la section
# d'investissement" beside it would say none, and one column would be read as two.
_NAMED_SIDE_RE = re.compile(r"^(?:(?P<expense>depenses?)|(?P<income>recettes?))\b")


def side_named(label: str) -> str | None:
    """``expense`` / ``income`` when a row's label begins with the name of a side.

    >>> side_named("Dépenses :"), side_named("Recettes – Prévision"), side_named("Charges financières")
    ('expense', 'income', None)
    """
    m = _NAMED_SIDE_RE.match(header_key(label))
    if not m:
        return None
    return "expense" if m.group("expense") else "income"


# The two sections of a French local budget (M14/M57): "Fonctionnement", "Investissement",
# also as "Section de fonctionnement", "Subvention d'investissement", "FONCTIONNEMENT 2025".
_SECTION_RE = re.compile(r"\b(?P<s>fonctionnement|investissement)\b")


def section_word(text: str) -> str | None:
    """``Fonctionnement`` or ``Investissement`` when a header names one budget section."""
    found = {m.group("s") for m in _SECTION_RE.finditer(fold(text))}
    return found.pop().capitalize() if len(found) == 1 else None


# ---------------------------------------------------------------------------
# Columns of a grants table
# ---------------------------------------------------------------------------

# Amounts a grant table prints that are not the grant (never kept as `amount`):
_NOT_AWARDED_RE = re.compile(
    r"""\b(?:sollicite|solicite|demande|demandee?s?|sollicitation       # requested: "Montant sollicité", "Demande"
        |cout|couts|budget\s+(?:du\s+)?projet|depenses?|assiette|base   # the project's cost or base
        |eligibles?|subventionnables?|plan\s+de\s+financement
        |rappel|pour\s+memoire|precedent|anterieure?s?|n\s?-\s?1          # last year's: "Rappel 2023", "N-1"
        |verse|versee?s?|realise|taux|reste)\b""",
    re.X,
)
# The amount the act awards: "Montant voté", "Subvention attribuée", "Décision",
# "Montant accordé", "Aide allouée", "Montant retenu", "Proposition" (when nothing is voted).
_AWARDED_RE = re.compile(r"\b(?:votee?s?|vote|attribuee?s?|accordee?s?|allouee?s?|retenue?s?|decision|decide|octroyee?s?)\b")
_PROPOSED_RE = re.compile(r"\b(?:proposee?s?|propositions?|avis)\b")


#: The column of a public contract's lots ("Lot", "Lots", "N° de lot", "Lot n°"): a table
#: listing lots lists the contract's holders and prices (a bilan of works, the avenants of a
#: marché), and its "Entreprise" column names a contractor, not a grant's beneficiary.
_LOT_RE = re.compile(r"^(?:n\s*°?\s*(?:de\s+|du\s+)?)?lots?(?:\s+n\s*°?)?$")


def is_contract_lot(header: str) -> bool:
    """Whether ``header`` heads the lots of a public contract.

    >>> is_contract_lot("Lot"), is_contract_lot("N° de lot"), is_contract_lot("Lotissement")
    (True, True, False)
    """
    return bool(_LOT_RE.match(fold(" ".join(header.split())).strip(" :.")))


def grant_column(header: str) -> str | None:
    """What the money of a grants-table column is: ``awarded`` ("Montant voté (€)",
    "Subvention attribuée", "Décision"), ``proposed`` ("Montant proposé"), ``generic``
    ("Montant", "Subvention", "Investissement"), or ``not_awarded`` ("Montant sollicité",
    "Coût du projet", "Rappel 2023", "Taux"); None for a column without money."""
    t = header_key(header)
    if not t and ("€" in header or is_year_alone(header)):
        return "generic"  # "€", "2025": the money of a year, awarded or not as the act says
    if _NOT_AWARDED_RE.search(t):
        return "not_awarded"
    if _AWARDED_RE.search(t):
        return "awarded"
    if _PROPOSED_RE.search(t):
        return "proposed"
    measure = measure_of(header)
    if measure in ("expense", "available", "balance", "other", "cp", "ae"):
        return "not_awarded"  # "Cotisations", "Recettes", "CP 2024": money, not a grant
    if measure or section_word(header) or re.match(r"^(?:montants?|subventions?|aides?|sommes?)\b", t):
        return "generic"
    return None


# ---------------------------------------------------------------------------
# Tables of a contract's prices
# ---------------------------------------------------------------------------

# Public procurement (the code de la commande publique) prints its prices in tables that are
# neither credits nor grants: the avenants of a marché, the orders and contracts the mayor
# signed under delegation, the comparison of the offers received, the lots awarded. They are
# told by their words, not by "HT": a financing plan prints "Coût (€ HT)" and "Recettes € HT"
# too, and those are budget lines.

# A header that names the contract or the offers it compares: "Marché", "Date du marché",
# "Objet du marché", "Montant du marché", "N° de marché", "Décomposition de l'offre", "Montant
# de l'offre", "Classement suivant critères de jugement des offres", "Offre retenue" (not a
# budget's column of the credits engaged on contracts: "Crédits marchés engagés").
_CONTRACT_WORD_RE = re.compile(r"(?:^|\b(?:du|de|des)\s+)marches?\b|\boffres?\b")

# A header that names the party a price is paid to: "Société", "SOCIETE", "Titulaire",
# "Cabinet(s)" (of consultants, controllers, surveyors), "Fournisseur", "Prestataire",
# "Soumissionnaire", "Candidat", "Bureau d'études", "Entreprise retenue", "Nom et adresse de
# l'entreprise", "Nom de l'entreprise et localisation", "Entreprise(s)", "Attributaire".
# "Entreprise" and "Attributaire" also head a list of aid to businesses ("Entreprise | Projet
# | Aide attribuée"): alone, they name a contractor only beside a price (HT, TTC, "Prix").
_CONTRACTOR_RE = re.compile(
    r"""^(?:nom\s+(?:et\s+adresse\s+)?(?:de\s+l\s?|du\s+|des\s+))?
        (?:(?P<sure>societes?|titulaires?|cabinets?|fournisseurs?|prestataires?|soumissionnaires?|candidats?
                   |bureaux?\s+d\s?etudes?|entreprises?\s+(?:retenues?|titulaires?|attributaires?|candidates?))
          |(?P<either>entreprises?|attributaires?))\b""", re.X)

# What says a price rather than a credit, in a header: "Montant H.T.", "Montant TTC",
# "MONTANT € T.T.C.", "Montant TVA", "Prix unitaire m2 HT", "Prix".
_PRICE_RE = re.compile(r"\b(?:HT|TTC|H\.\s?T\b\.?|T\.\s?T\.\s?C\b\.?|TVA|[Pp]rix)", re.X)

# A header over an aid rather than a price: "Subvention", "Aide accordée", "Participation",
# "Bourse", "Prime", "Allocation", "Dotation", "Fonds de concours" (and any column a grants
# table awards: "Montant attribué", "Vote CM", "Proposition").
_AID_RE = re.compile(r"\b(?:subventions?|aides?|participations?|bourses?|primes?|allocations?|dotations?"
                     r"|fonds\s+de\s+concours)\b")

# The stages of a contract, as rows: "Marché initial", "Marché de base", "Montant initial du
# marché", "Avenant n°1", "Avenant 2", "Nouveau montant du marché", "Montant du marché après
# avenant", "Total marché + avenants".
_STAGE_RE = re.compile(
    r"""^(?:(?P<own>marches?\s+(?:initial|de\s+base|d\s?origine)|montant\s+(?:initial|de\s+base)(?:\s+du\s+marche)?
                 |avenants?(?:\s+n)?(?:\s+\d+)?\b.*)
          |nouveau\s+montant(?:\s+du(?:\s+marche)?)?|(?:montant\s+)?(?:total\s+)?(?:du\s+)?marches?\s+(?:apres|\+)\b.*
          |montant\s+(?:total\s+)?du\s+marche\b.*)$""", re.X)

# The legal forms of companies, as a name prints them: "BREHARD SAS", "SARL MABILEAU", "EURL",
# "SA ESPACE DOMICILE", "SNC", "SCOP", "SELARL", "BRETHOME ET CIE TP", "RICHARD MARC ET FILS",
# "Ets Martin", "Établissements Durand" (the acronyms in capitals: "sa" is a possessive).
_LEGAL_FORM_RE = re.compile(r"\b(?:SARL|SAS|SASU|EURL|SA|SNC|SCOP|SCIC|SELARL|GIE|ETS|Ets)\b"
                            r"|\b(?:et|ET|&)\s+(?:[Cc]ie|CIE|[Ff]ils|FILS)\b|\b[ÉEé]tablissements\b")


def _label_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w+ ]", " ", fold(text)).split())


def prices_a_contract(headers: list[str], labels: list[str | None]) -> bool:
    """Whether a table of money prints a contract's prices, not credits nor grants, from its
    ``headers`` and its rows' ``labels`` (the text each row is named by):

    * a header names the marché, its lots or its offers ("Objet du marché", "Lot",
      "Décomposition de l'offre");
    * a header names the contractor ("Société", "Cabinet", "Titulaire"; "Entreprise" beside
      "Montant H.T."), and none names an aid ("Entreprise | Projet | Aide attribuée" is a
      list of grants);
    * the rows are the contract's stages ("Marché initial", "Avenant n°1", "Nouveau montant
      du marché": at least half the rows, one of them the marché or an avenant), under no
      header of a budget's side ("Dépenses", "Recettes");
    * the rows name companies by their legal forms ("BREHARD SAS", "SARL MABILEAU": at
      least half of them) beside a price (HT, TTC) and no aid.

    >>> prices_a_contract(["", "Montant HT", "Montant TVA", "Montant TTC"], ["Marché initial", "Avenant n°1"])
    True
    >>> prices_a_contract(["Désignation", "Coût (€ HT)", "Financeurs", "Montant (€ HT)"], ["Travaux", "Etat"])
    False
    """
    keys = [fold(re.sub(r"[^\w ]", " ", h)) for h in headers]
    if any(is_contract_lot(h) for h in headers) or any(_CONTRACT_WORD_RE.search(k) for k in keys):
        return True
    aid = any(_AID_RE.search(k) or (measure_of(h) and grant_column(h) in ("awarded", "proposed"))
              for h, k in zip(headers, keys))
    priced = any(_PRICE_RE.search(h) for h in headers)
    for k in keys:
        m = _CONTRACTOR_RE.match(k)
        if m and not aid and (m.group("sure") or priced):
            return True
    named = [_label_key(l) for l in labels if l and l.strip()]
    stages = [n for n in named if _STAGE_RE.match(n)]
    if stages and any(_STAGE_RE.match(n).group("own") for n in stages) and 2 * len(stages) >= len(named) \
            and not any(side_of(h) for h in headers):
        return True
    companies = [l for l in labels if l and _LEGAL_FORM_RE.search(l)]
    return bool(companies) and 2 * len(companies) >= len(named) and priced and not aid
