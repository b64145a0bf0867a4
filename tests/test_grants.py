"""Grants extractor: awards in decision sentences and beneficiary tables, SIRET per award."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractors.grants import check_grant_table_totals, check_grants_total, check_sirets, extract_grants, siret_in
from extractors.registry import Found
from pipeline.errors import IssueLog
from pipeline.model import SectionKind
from tests.conftest import DEV, DEV_BORN, REAL, gold_and_extracted, needs
from tests.test_amounts import make_act

FIELDS = ("beneficiary", "beneficiary_siret", "amount", "purpose", "year")


def _grants(parts, session: dt.date | None = dt.date(2022, 4, 7)):  # type: ignore[no-untyped-def]
    act = make_act(parts)
    found = Found(act_fields={"session_date": session})
    rows = extract_grants(act, found, IssueLog())
    return act, found, rows


def _tuples(rows):  # type: ignore[no-untyped-def]
    return [tuple(getattr(r, f) for f in FIELDS) for r in rows]


def test_grants_one_award_with_global_amount_and_annex_siret() -> None:
    _, _, rows = _grants([
        (SectionKind.ARTICLES, "Article 1:\nD'attribuer, à l'association « Acteurs Pour une Economie Solidaire », une "
         "participation départementale d'un montant global de 57 000 € pour l'année 2023, au titre de sa "
         "contribution aux politiques départementales en faveur de l'économie sociale et solidaire, selon les "
         "modalités décrites au rapport.", None),
        (SectionKind.ANNEX, "CONVENTION\nL'association Acteurs Pour une Économie Solidaire, dont le siège social est "
         "situé à Lille, identifié au répertoire SIREN sous le n°440 672 020 00037 représenté par M. X", "convention"),
    ])
    assert _tuples(rows) == [("Acteurs Pour une Economie Solidaire", "44067202000037", Decimal("57000.00"),
                              "contribution aux politiques départementales en faveur de l'économie sociale et "
                              "solidaire", 2023)]


def test_grants_list_after_global_amount() -> None:
    act, found, rows = _grants([
        (SectionKind.ARTICLES, "Article 1 :\nD'attribuer, au titre de l'année 2022, les participations départementales "
         "suivantes, pour un montant global de 44 500 € : 28 000 € à l'association « Société Historique et "
         "Archéologique » (SIRET 393 720 388 00502) pour son programme d'accompagnement des salariés en insertion "
         "pour l'année 2022 ; 16 500 € à l'association « Association Lire et Faire\tLire\t»\t(SIRET 335\t207\t734 "
         "00948)\tpour son\tprogramme\nd'accompagnement des salariés en insertion pour l'année 2022.", None),
    ])
    assert _tuples(rows) == [
        ("Société Historique et Archéologique", "39372038800502", Decimal("28000.00"),
         "son programme d'accompagnement des salariés en insertion pour l'année 2022", 2022),
        ("Association Lire et Faire Lire", "33520773400948", Decimal("16500.00"),
         "son programme d'accompagnement des salariés en insertion pour l'année 2022", 2022),
    ]
    found.rows["grants"] = rows
    [check] = check_grants_total(act, found)
    assert check.passed and "44500" in check.detail
    assert [c.passed for c in check_sirets(act, found)] == [True, True]


def test_grants_siret_only_for_its_own_award() -> None:
    """The same association twice: the SIRET printed in article 2 is not borrowed by article 1."""
    _, _, rows = _grants([
        (SectionKind.ARTICLES, "ARTICLE 1 - D'attribuer une subvention de 29 000 € à l'association « Association "
         "Terres d'Avenir » pour l'action « Accompagnement vers l'emploi des jeunes ».\nARTICLE 2 - D'attribuer une "
         "subvention de 33 500 € à l'association « Association Terres d'Avenir » (SIRET 537 751 901 00845) pour "
         "l'action « Médiation sociale de proximité ».\nARTICLE 3 - Dit que les crédits sont inscrits au budget.", None),
    ])
    assert _tuples(rows) == [
        ("Association Terres d'Avenir", None, Decimal("29000.00"), "l'action « Accompagnement vers l'emploi des jeunes »", 2022),
        ("Association Terres d'Avenir", "53775190100845", Decimal("33500.00"), "l'action « Médiation sociale de proximité »", 2022),
    ]


@pytest.mark.parametrize("text, siret", [
    ("identifié au répertoire SIREN sous le n°440 672 020 00037", "44067202000037"),
    ("(SIRET 537 751 901 00845)", "53775190100845"),
    ("(SIRET 335 207 734 (00948)", "33520773400948"),  # OCR noise inside the number
    ("(SIRET 537 751 901 00846)", None),  # the Luhn key fails: better no SIRET than a wrong one
    ("SIREN 440 672 020", None),  # 9 digits: a SIREN, not a SIRET
])
def test_grants_siret_in(text: str, siret: str | None) -> None:
    assert siret_in(text) == siret


def test_grants_not_an_award() -> None:
    _, _, rows = _grants([
        (SectionKind.ARTICLES, "Article 1 : La dépense de 57 000 € est imputée au chapitre 65.\n"
         "Article 2 : L'association sollicite une subvention de 2 000 € pour 2023.", None),
    ])
    assert rows == []


@pytest.mark.parametrize("stem", DEV_BORN)
@needs(DEV)
def test_grants_dev_gold(stem: str) -> None:
    gold, got = gold_and_extracted(stem, "grants", FIELDS)
    assert got == gold


@needs(REAL)
def test_grants_real_roannais_reported_and_abrogated_awards_are_not_grants() -> None:
    """Roannais 2021: the bureau's "attribue la subvention à l'établissement Torréfaction de Cafés
    EURL CBLB, … pour un montant de 2 233 € maximum" is reported by item 1 (a delegation report),
    and item 12 "abroge la délibération … octroyant à l'Office de Tourisme … 300 000 €": neither
    is awarded by these minutes; item 12's third payment of 59 802,81 € is."""
    from tests.conftest import processed

    rows = {(g.beneficiary, g.amount) for g in
            processed(REAL / "epci-roannais-agglomeration-2021-10-28-cc-pv.pdf").rows("grants")}
    assert ("Torréfaction de Cafés EURL CBLB", Decimal("2233.00")) not in rows
    assert not [r for r in rows if r[1] == Decimal("300000.00")]
    assert ("Office de Tourisme de Roannais Agglomération", Decimal("59802.81")) in rows


@pytest.mark.parametrize("text, awarded", [
    ("- abroge la délibération du Conseil communautaire du 25 mars 2021, octroyant à l’Office de Tourisme une "
     "subvention globale de 300 000 € pour l’année 2021 ;", False),
    ("D'annuler la subvention de 500 € attribuée à l'association Les Amis du Moulin.", False),
    ("- attribue une subvention de 500 € à l'association Les Amis du Moulin ;", True),
])
def test_grants_a_clause_that_undoes_a_decision_awards_nothing(text: str, awarded: bool) -> None:
    _, _, rows = _grants([(SectionKind.DECISION, text, None)])
    assert bool(rows) is awarded


@pytest.mark.parametrize("text, expected", [
    # a collectivité keeps its kind (dev H)
    ("ATTRIBUE un fonds de concours de 42 000,00 € à la commune du Grand-Quevilly pour la rénovation des vestiaires "
     "du stade ;", [("Commune du Grand-Quevilly", Decimal("42000.00"), "la rénovation des vestiaires du stade")]),
    ("Article 2 – D'attribuer un fonds de concours de 8 000 € à la commune d'Achicourt pour la réalisation d'un "
     "terrain multisports.", [("Commune d'Achicourt", Decimal("8000.00"), "la réalisation d'un terrain multisports")]),
    # the beneficiary before the award (dev I)
    ("Article 1 – D'attribuer à la commune de Pencran un fonds de concours de 9 400 € pour la rénovation de la salle "
     "polyvalente.", [("Commune de Pencran", Decimal("9400.00"), "la rénovation de la salle polyvalente")]),
    ("DÉCIDE d'attribuer à l'entreprise SAS Métallerie Salmon une aide à l'immobilier d'entreprise d'un montant de "
     "18 500,00 € pour l'acquisition d'un bâtiment artisanal.",
     [("SAS Métallerie Salmon", Decimal("18500.00"), "l'acquisition d'un bâtiment artisanal")]),
    # an acronym after "l'" (Preuilly 2020), proposed then decided: one grant
    ("Monsieur le Maire propose le versement d'une aide de 2500€ à l'USYP.\nLe Conseil Municipal accepte de verser "
     "une dotation exceptionnelle de 2500 euros à l'USYP.", [("USYP", Decimal("2500.00"), None)]),
    # a name hyphenated at a line end (dev J)
    ("Le Conseil municipal décide d'attribuer une subvention exceptionnelle de 2 550 € à l'association « Associa-\n"
     "tion Aide à Domicile en Milieu Rural » pour l'organisation de sa fête annuelle.",
     [("Association Aide à Domicile en Milieu Rural", Decimal("2550.00"), "l'organisation de sa fête annuelle")]),
    # two items on two lines whose ";" OCR lost (dev H, scan)
    ("ATTRIBUE un fonds de concours de 42 000,00 € à la commune du Grand-Quevilly pour la rénovation\n"
     "ATTRIBUE un fonds de concours de 27 500 € à la commune d'Elbeuf pour un terrain ;",
     [("Commune du Grand-Quevilly", Decimal("42000.00"), "la rénovation"),
      ("Commune d'Elbeuf", Decimal("27500.00"), "un terrain")]),
    # a list of awards one per line, never the requested amount (Couthenans 2021)
    ("Demande en cours :\nCyclo club (demande non précisée) : Proposition initial d'attribution du conseil municipal  230€\n"
     "Banque alimentaire (demande 380€) : Proposition initial d'attribution du conseil municipal  380€\n"
     "Rappel 2019 :\nACCA : 60€",
     [("Cyclo club", Decimal("230.00"), None), ("Banque alimentaire", Decimal("380.00"), None)]),
    # a beneficiary's name wrapped by the layout (Roannais 2021), with a tab after the dash
    ("Le bureau communautaire, après en avoir délibéré à l'unanimité :\n-\tattribue une subvention de 1 100 € à "
     "l'association Les Amis des Arbres de la Loire et de l'Arboretum des\nGrands Murcins, pour l'année 2021 ;",
     [("Les Amis des Arbres de la Loire et de l'Arboretum des Grands Murcins", Decimal("1100.00"), None)]),
    ("DÉCIDE d'allouer une subvention de 3 000 € au Comité des fêtes de\nSaint-Martin pour le feu d'artifice.",
     [("Comité des fêtes de Saint-Martin", Decimal("3000.00"), "le feu d'artifice")]),
    # the addressee of the proposal before the verb is not the beneficiary (L'Arbresle 2013)
    ("Il est proposé au Conseil de bien vouloir accorder une subvention exceptionnelle de 394 euros au Tennis Club "
     "de L'Arbresle.", [("Tennis Club de L'Arbresle", Decimal("394.00"), None)]),
    ("Monsieur le Maire demande au Conseil municipal d'attribuer une subvention de 800 € à l'association Les "
     "Restos du Cœur pour la campagne d'hiver.", [("Les Restos du Cœur", Decimal("800.00"), "la campagne d'hiver")]),
    # "lui" names nobody
    ("M. X propose de lui attribuer une subvention exceptionnelle de 550 €.", []),
    # a verb of approval or vote whose object is the grant (Fargues 2018, its typed slip too)
    ("APPROUVE une subvention exceptionnelle de 80 € à l'Amicale Théâtrale dans le cadre de l'organisation du "
     "Téléthon 2018.", [("Amicale Théâtrale", Decimal("80.00"), None)]),
    ("APROUVE une subvention exceptionnelle de 300 € à l'association « Lormont Full-Contact/ Kick-Boxing » en "
     "soutien à la saison sportive.", [("Lormont Full-Contact/ Kick-Boxing", Decimal("300.00"), None)]),
    # written by us
    ("Le conseil municipal vote une subvention de 1 200 € au Comité des fêtes pour le 14 juillet.",
     [("Comité des fêtes", Decimal("1200.00"), "le 14 juillet")]),
    ("VALIDE la participation de 4 500 € à la commune de Saint-Paul pour le transport scolaire ;",
     [("Commune de Saint-Paul", Decimal("4500.00"), "le transport scolaire")]),
    # a name ends before "à la signature", "à compter de" (Chéméré archive, 2015)
    ("DÉCIDE de verser une subvention de 300 € à la FDGDON à la signature de la convention.",
     [("FDGDON", Decimal("300.00"), None)]),
    # approving a convention that mentions a grant is no award
    ("APPROUVE la convention avec l'association Sport Pour Tous, qui reçoit une subvention de 2 000 € de la Région.", []),
    # a body named by what it is, in lower case, before or after the grant (written by us)
    ("ACCORDE à l'association sportive du collège une subvention de 750 euros.",
     [("Association sportive du collège", Decimal("750.00"), None)]),
    ("Le Conseil municipal décide de verser à la coopérative scolaire de l'école Jules Ferry une subvention de 450 €.",
     [("Coopérative scolaire de l'école Jules Ferry", Decimal("450.00"), None)]),
    ("ATTRIBUE une subvention de 200 € au comité des fêtes pour le 14 juillet.",
     [("Comité des fêtes", Decimal("200.00"), "le 14 juillet")]),
    ("DÉCIDE d'attribuer une subvention de 300 € à l'association qui organise le festival.", []),
    ("DÉCIDE de verser une subvention de 500 € à l'association précitée.", []),
    ("décide de verser une subvention complémentaire à l'association pour un montant de 134,00 €.", []),
    # the amount restated in words in brackets is one amount
    ("DÉCIDE d'accorder une subvention d'un montant de 25 000 € (vingt-cinq mille euros) à l'association Culture et "
     "Loisirs pour son programme 2025.", [("Culture et Loisirs", Decimal("25000.00"), "son programme 2025")]),
    # the name ends before the verb of a passive sentence
    ("Le montant de la subvention allouée à l'association Les Amis du Vieux Pont est fixé à 650 €.",
     [("Les Amis du Vieux Pont", Decimal("650.00"), None)]),
    ("Une subvention de 2 500 € attribuée à l'Amicale des Sapeurs-Pompiers sera versée en une fois.",
     [("Amicale des Sapeurs-Pompiers", Decimal("2500.00"), None)]),
    # the label of an article before its colon is no beneficiary
    ("Article 1 : Une subvention de 4 000 € est attribuée à l'Office de Tourisme.",
     [("Office de Tourisme", Decimal("4000.00"), None)]),
    ("Art. 2 : une participation de 1 000 € est accordée à la commune de Pencran.",
     [("Commune de Pencran", Decimal("1000.00"), None)]),
    # two awards or more in one clause, each amount to its beneficiary: one grant each
    ("DÉCIDE d'attribuer une subvention de 1 500 € au Comité des fêtes et de 800 € à l'Amicale des sapeurs-pompiers.",
     [("Comité des fêtes", Decimal("1500.00"), None), ("Amicale des sapeurs-pompiers", Decimal("800.00"), None)]),
    ("d'attribuer une subvention de 1 500 € au Comité des fêtes et une subvention de 800 € à l'Amicale Laïque.",
     [("Comité des fêtes", Decimal("1500.00"), None), ("Amicale Laïque", Decimal("800.00"), None)]),
    ("ACCORDE une aide de 1 500 € au Comité des fêtes, de 800 € à l'Amicale Laïque et de 300 € au Club de judo.",
     [("Comité des fêtes", Decimal("1500.00"), None), ("Amicale Laïque", Decimal("800.00"), None),
      ("Club de judo", Decimal("300.00"), None)]),
    # amounts with cents: the decimal comma cuts nothing (Chéméré 2013's archive: "de 5,89 € à
    # l'Association des Maires du Pays de Retz et d'un montant de 40,60 € à l'association DOMUS")
    ("de verser un complément de subvention de 5,89 € à l'Association des Maires du Pays de Retz et d'un montant de "
     "40,60 € à l'association DOMUS.",
     [("Association des Maires du Pays de Retz", Decimal("5.89"), None), ("DOMUS", Decimal("40.60"), None)]),
    # one amount to each of the bodies listed after the colon
    ("APPROUVE l'attribution d'une subvention de fonctionnement de 2 000 € à chacune des deux associations "
     "suivantes : Musique en Vallée et Théâtre du Pont ;",
     [("Musique en Vallée", Decimal("2000.00"), None), ("Théâtre du Pont", Decimal("2000.00"), None)]),
    ("DÉCIDE d'attribuer une subvention de 500 € à chacun des clubs suivants : Judo Club, Tennis Club de la Vallée "
     "et Football Club.",
     [("Judo Club", Decimal("500.00"), None), ("Tennis Club de la Vallée", Decimal("500.00"), None),
      ("Football Club", Decimal("500.00"), None)]),
    # an award in the passive: "sera versée au …", "est versée à …"
    ("DÉCIDE que la subvention de 3 500 € sera versée au SIVU du collège de la Vallée ;",
     [("SIVU du collège de la Vallée", Decimal("3500.00"), None)]),
    ("Une subvention de 600 € est versée à l'association Les Amis du Parc.",
     [("Les Amis du Parc", Decimal("600.00"), None)]),
    # an amount per unit is a rate, not an award (its total is not stated); one per year is one
    ("le montant de la subvention qui sera versé à l'AFR – section cantine sera fixé à 1,17 € par repas servi.", []),
    ("DÉCIDE d'attribuer une participation de 45,20 € par élève à l'OGEC Notre-Dame.", []),
    ("DÉCIDE de verser une subvention de 0,19 €/habitant à l'Association des Maires.", []),
    ("DÉCIDE de verser une subvention de 1 200 € par an à l'association Les Amis du Parc.",
     [("Les Amis du Parc", Decimal("1200.00"), None)]),
    # …but one award restated or spread is no second award: unsure, nothing
    ("d'attribuer une subvention de 1 500 €, soit 500 € par an, à l'association Les Amis du Parc.", []),
    # the awards listed in the sentence after a colon that announces them
    ("d'allouer les subventions suivantes : Comité des fêtes : 1 500 € ; Amicale des sapeurs-pompiers : 800 €.",
     [("Comité des fêtes", Decimal("1500.00"), None), ("Amicale des sapeurs-pompiers", Decimal("800.00"), None)]),
    ("DÉCIDE de verser les subventions réparties comme suit : 500 € au Club de judo, 300 € à la Chorale du Val.",
     [("Club de judo", Decimal("500.00"), None), ("Chorale du Val", Decimal("300.00"), None)]),
])
def test_grants_text_wordings(text: str, expected: list) -> None:  # type: ignore[type-arg]
    _, _, rows = _grants([(SectionKind.ARTICLES, text, None)])
    assert [(r.beneficiary, r.amount, r.purpose) for r in rows] == expected


def test_grants_siret_printed_in_the_expose() -> None:
    """Dev I: the SIRET is printed where the exposé names the firm, not in the award."""
    _, _, rows = _grants([
        (SectionKind.CONSIDERANTS, "L'entreprise SAS Métallerie Salmon (SIRET 795 617 992 00578), implantée à Pencran, "
         "projette l'acquisition d'un bâtiment.", None),
        (SectionKind.DECISION, "DÉCIDE d'attribuer à l'entreprise SAS Métallerie Salmon une aide d'un montant de "
         "18 500,00 € pour l'acquisition d'un bâtiment.", None),
    ])
    assert [(r.beneficiary, r.beneficiary_siret) for r in rows] == [("SAS Métallerie Salmon", "79561799200578")]


def _table(headers: list[str], rows: list[list[str]]):  # type: ignore[no-untyped-def]
    from pipeline.read.table_cells import Column, Row, Table

    cols = [Column(h, 100 * i, 100 * i + 90) for i, h in enumerate(headers)]
    return Table(cols, [Row({i: v for i, v in enumerate(r) if v}, 1, 0) for r in rows], 1)


@pytest.mark.parametrize("headers, awarded", [
    (["Bénéficiaire", "SIRET", "Projet", "Montant proposé (€)", "Montant voté (€)"], [4]),
    (["Bénéficiaire", "N° SIRET", "Objet de la demande", "Montant sollicité (€)", "Montant voté (€)"], [4]),
    (["Association", "Montant demandé", "Proposition"], [2]),
    (["Association", "Subvention 2023", "Subvention 2024"], [2]),
    (["Bénéficiaire", "Rappel 2023", "Montant"], [2]),
    (["Bénéficiaire", "Coût du projet", "Taux", "Subvention attribuée"], [3]),
    (["", "Montants votés en 2024 Investissement", "Montants votés en 2024 Fonctionnement",
      "Montants votés en 2025 Investissement", "Montants votés en 2025 Fonctionnement"], [3, 4]),
    (["Bénéficiaire", "Montant sollicité"], []),
    # last year's amount, this year's request, the proposal, the vote: the vote
    (["ASSOCIATIONS", "Montants 2007", "Montants 2008 sollicités", "Proposition", "Vote"], [4]),
    (["ASSOCIATIONS", "Montants 2009", "Montants 2010 sollicités", "Proposition Com", "Vote CM"], [4]),
    # last year's vote beside this year's proposal whose two-line header was read as one
    # (Lisières 2025-09): the proposal of the year, never last year's vote
    (["Associations", "Montant voté en 2024", "Fixe Montant proposé 2025"], [2]),
    (["ASSOCIATIONS", "Montants 2013", "Montants 2014 sollicités", "Prop Com", "Vote du conseil"], [4]),
    (["Association", "Subvention 2023", "Demande 2024", "Montant attribué"], [3]),
    (["Association", "Versé en 2023", "Proposé 2024"], [2]),
])
def test_grants_awarded_columns(headers: list[str], awarded: list[int]) -> None:
    from extractors.grants.tables import awarded_columns

    assert awarded_columns(_table(headers, []), 2024) == awarded


def test_grants_two_awarded_columns_fonctionnement_investissement() -> None:
    """CC des Lisières de l'Oise 2025-04: a grant per filled cell of the voted year, the
    section as the purpose when the table has no purpose column (docs/money.md)."""
    from extractors.grants.tables import grants_from_tables

    table = _table(["", "Montants votés en 2024 Investissement", "Montants votés en 2024 Fonctionnement",
                    "Montants votés en 2025 Investissement", "Montants votés en 2025 Fonctionnement"],
                   [["ASAPE 14-18", "819,00 €", "500,00 €", "225,00 €", "500,00 €"],
                    ["Enceinte", "", "", "3 000,00 €", ""],
                    ["TOTAL", "819,00 €", "500,00 €", "3 225,00 €", "500,00 €"]])
    table.columns[0].forced_role = "beneficiary"
    act = make_act([(SectionKind.ARTICLES, "Approuvé les montants ci-dessus.", None)])
    from unittest.mock import patch

    with patch("extractors.grants.tables.tables_of", return_value=[table]):
        found = Found(act_fields={"session_date": dt.date(2025, 4, 10)})
        rows = grants_from_tables(act, found)
        checks = check_grant_table_totals(act, found)
    assert [(r.beneficiary, r.amount, r.purpose, r.year) for r in rows] == [
        ("ASAPE 14-18", Decimal("225.00"), "Investissement", 2025),
        ("ASAPE 14-18", Decimal("500.00"), "Fonctionnement", 2025),
        ("Enceinte", Decimal("3000.00"), "Investissement", 2025),
    ]
    assert [(c.check, c.passed) for c in checks] == [("grant_total", True), ("grant_total", True)]


def test_grants_table_siret_column_and_failed_total() -> None:
    from extractors.grants.tables import grants_from_tables
    from unittest.mock import patch

    table = _table(["Bénéficiaire", "N° SIRET", "Projet", "Montant voté (€)"],
                   [["Commune d'Abbeville", "219 821 972 00458", "Micro-folie", "88 000,00"],
                    ["Commune d'Amiens", "211 305 792 00867", "Studio", "115 000,00"],  # a wrong key: no SIRET
                    ["TOTAL", "", "", "204 000,00"]])
    act = make_act([(SectionKind.ARTICLES, "D'attribuer les subventions du tableau.", None)])
    with patch("extractors.grants.tables.tables_of", return_value=[table]):
        rows = grants_from_tables(act, Found())
        [check] = check_grant_table_totals(act, Found())
    assert [(r.beneficiary, r.beneficiary_siret, r.purpose) for r in rows] == [
        ("Commune d'Abbeville", "21982197200458", "Micro-folie"), ("Commune d'Amiens", None, "Studio")]
    assert not check.passed and "203000.00" in check.detail and "204000.00" in check.detail


@pytest.mark.parametrize("decision, passed", [
    ("D'attribuer les subventions du tableau ci-dessous, pour un montant total de 203 000,00 € :", [True]),
    ("D'attribuer les subventions du tableau ci-dessous, pour un montant global de 204 000 € :", [False]),
    ("D'attribuer les subventions du tableau ci-dessous :", []),  # no total anywhere: nothing to check
])
def test_grants_table_without_total_checked_against_the_decision(decision: str, passed: list) -> None:  # type: ignore[type-arg]
    from unittest.mock import patch

    table = _table(["Bénéficiaire", "Montant attribué"], [["Commune d'Abbeville", "88 000,00"],
                                                         ["Commune d'Amiens", "115 000,00"]])
    act = make_act([(SectionKind.ARTICLES, decision, None)])
    with patch("extractors.grants.tables.tables_of", return_value=[table]):
        assert [c.passed for c in check_grant_table_totals(act, Found())] == passed


@pytest.mark.parametrize("cell, amount", [
    ("5 700,00 €", Decimal("5700.00")),
    # one voted amount, then its payment schedule or its reckoning in brackets
    ("5 700,00 € (Acompte : 3 000,00 € Solde en fonction du résultat)", Decimal("5700.00")),
    ("44 922,50 € (528,50*85 élèves)", Decimal("44922.50")),
    ("1 540,00 € (0.8*1925 hab)", Decimal("1540.00")),
    # anything else beside the figure: no amount
    ("44 088,00 € 82 élèves + 6 extérieurs (501,00 €/élève)", None),
    ("2,44 €/heure/enfant avec max 2400 heures", None),
    ("Demande non parvenue", None),
])
def test_grants_cell_amount_before_a_note(cell: str, amount: Decimal | None) -> None:
    from extractors.grants.tables import cell_amount

    assert cell_amount(cell) == amount


@needs(REAL)
def test_grants_real_table_over_a_page_break() -> None:
    """Chéméré 2008 (held-out sheet): the ruled table "ASSOCIATIONS | Montants 2007 | Montants 2008
    sollicités | Proposition | Vote" runs from page 2 to page 3, whose first row is the end of a
    name wrapped over the break ("Amicale des donneurs de" / "sang"); the vote column is read."""
    from tests.conftest import processed

    rows = processed(REAL / "commune-chemere-2008-01-22-cm-cr.pdf").rows("grants")
    got = {(g.beneficiary, g.amount, g.page) for g in rows}
    assert ("Amicale des donneurs de sang", Decimal("170.00"), 2) in got
    assert ("DOMUS – convention", Decimal("334.31"), 3) in got
    assert ("AFR – Cantine", Decimal("14971.00"), 2) in got  # "14 971,00 € (Acompte : 8 000,00 € …)"
    assert all(g.year == 2008 for g in rows)
    assert len(rows) >= 40


@pytest.mark.parametrize("proposal, decision, expected", [
    # the exposé proposes the award, the decision adopts "la présente délibération" (L'Arbresle 2013)
    ("Cela représente un surcoût de location de 394 euros.\nIl est demandé au Conseil Municipal de bien vouloir "
     "accorder une subvention exceptionnelle de 394 euros au Tennis Club de\nl’Arbresle\n"
     "Monsieur PERRAUD : Il faut savoir qu’il y a une tolérance d’une semaine.",
     "DECISION :\nAprès avoir entendu l’exposé qui précède et après délibération, les membres du conseil municipal "
     "adoptent, à l'unanimité, la présente délibération.",
     [("Tennis Club de l’Arbresle", Decimal("394.00"))]),
    # "… ACCEPTE CETTE PROPOSITION" (Avranches 2017)
    ("Il est proposé au conseil municipal, en accord avec la commission des finances, d’attribuer une subvention de "
     "5 000 € à l’association Passerelles pour la mission « lutte contre les précarités ».",
     "LE CONSEIL MUNICIPAL, A L’UNANIMITE, ACCEPTE CETTE PROPOSITION",
     [("Passerelles", Decimal("5000.00"))]),
    ("Monsieur le Maire propose d'allouer une participation de 1 200 € au Comité des fêtes de Saint-Jean.",
     "Le conseil municipal approuve la proposition à l'unanimité.",
     [("Comité des fêtes de Saint-Jean", Decimal("1200.00"))]),
    # the exposé's history is not put to the vote; a decision that restates its own award keeps to it
    ("Une subvention de 8 885 euros a été allouée par la DRAC à la commune en juillet 2012.",
     "Les membres du conseil municipal adoptent, à l'unanimité, la présente délibération.", []),
    ("Il est proposé d'attribuer une subvention de 500 € au Judo Club de Saint-Jean.",
     "Le conseil municipal décide d'attribuer une subvention de 450 € au Judo Club de Saint-Jean ; adopte la "
     "présente délibération.", [("Judo Club de Saint-Jean", Decimal("450.00"))]),
    # a decision that does not adopt the proposal ("reporte", "refuse"): nothing is awarded
    ("Il est proposé d'attribuer une subvention de 500 € au Judo Club de Saint-Jean.",
     "Le conseil municipal décide de reporter ce point à une séance ultérieure.", []),
])
def test_grants_a_decision_adopting_the_proposal(proposal: str, decision: str, expected: list) -> None:  # type: ignore[type-arg]
    _, _, rows = _grants([(SectionKind.CONSIDERANTS, proposal, None), (SectionKind.DECISION, decision, None)])
    assert [(r.beneficiary, r.amount) for r in rows] == expected


@pytest.mark.parametrize("title, decision, expected", [
    # the award names no one; the title names the one beneficiary (Chéméré archive, 2010)
    ("Demande de subvention : Réseau d’aides spécialisées aux élèves en difficulté (RASED)",
     "Le Conseil municipal, après avoir entendu son rapporteur en son exposé et délibéré, décide à l’unanimité\n"
     "des membres présents d’accorder une subvention d’un montant de 130,00 €.",
     [("Réseau d’aides spécialisées aux élèves en difficulté (RASED)", Decimal("130.00"))]),
    ("Subvention exceptionnelle – Comité des fêtes", "DÉCIDE d'allouer une subvention de 800 € pour le 14 juillet.",
     [("Comité des fêtes", Decimal("800.00"))]),
    ("Attribution d'une subvention à l'association Les Amis du Vieux Moulin",
     "Le conseil municipal décide de verser une subvention de 250 €.", [("Les Amis du Vieux Moulin", Decimal("250.00"))]),
    # the commune asks for a grant (no award verb), or the title names no beneficiary: nothing
    ("Demande de subvention au titre des amendes de police 2013",
     "Le conseil municipal décide de solliciter une subvention de 4 000 € au titre des amendes de police.", []),
    ("Subventions aux associations 2024", "Le conseil décide d'accorder une subvention de 300 €.", []),
])
def test_grants_beneficiary_named_by_the_title_only(title: str, decision: str, expected: list) -> None:  # type: ignore[type-arg]
    act = make_act([(SectionKind.HEADER, "Objet : " + title, None), (SectionKind.DECISION, decision, None)])
    found = Found(act_fields={"session_date": dt.date(2010, 10, 19), "title": title})
    rows = extract_grants(act, found, IssueLog())
    assert [(r.beneficiary, r.amount) for r in rows] == expected


def test_grants_a_title_naming_a_purpose_names_no_beneficiary() -> None:
    """"AIDE A LA PUBLICATION D'UNE THESE …" (Avranches 2017): after "à la" comes the purpose."""
    act = make_act([(SectionKind.HEADER, "AIDE A LA PUBLICATION D'UNE THESE SUR LA PREMIERE GUERRE MONDIALE", None),
                    (SectionKind.DECISION, "Il est proposé d'accorder une aide de 500 €.", None)])
    found = Found(act_fields={"session_date": dt.date(2017, 5, 23),
                              "title": "AIDE A LA PUBLICATION D'UNE THESE SUR LA PREMIERE GUERRE MONDIALE"})
    assert extract_grants(act, found, IssueLog()) == []


@pytest.mark.parametrize("report", [
    "1. Exercice des pouvoirs délégués au Président et au bureau – Compte-rendu.",
    "1. Compte rendu des décisions prises par le Maire par délégation du conseil",
])
def test_grants_a_delegation_report_awards_none_of_the_grants_it_lists(report: str) -> None:
    """Roannais 2021, item 1: the bureau's subsidies it lists were awarded by the bureau."""
    from pipeline.segment import segment_document
    from tests.test_segment import doc_of

    text = ("PROCES VERBAL DU CONSEIL COMMUNAUTAIRE\nSéance du 28 octobre 2021\nPrésents : Jean DUPONT, Marie MARTIN\n"
            + report + "\nN° DBC 2021-090 - Subvention à l'association Les Tables Roannaises\n"
            "Le bureau communautaire, après en avoir délibéré à l'unanimité :\n"
            "- attribue une subvention de 16 540 € à l'association Les Tables Roannaises ;\n"
            "Le Conseil communautaire :\n- prend acte du compte-rendu.\n"
            "2. Subvention à l'association AVAL\n"
            "Le Conseil communautaire, après en avoir délibéré à l'unanimité :\n"
            "- attribue une subvention de 2 500 € à l'association AVAL ;\n")
    acts = segment_document(doc_of(text))
    assert len(acts) == 2
    assert extract_grants(acts[0], Found(), IssueLog()) == []
    assert [(g.beneficiary, g.amount) for g in extract_grants(acts[1], Found(), IssueLog())] == [
        ("AVAL", Decimal("2500"))]


@pytest.mark.parametrize("decision, title, expected", [
    # Lannion 2021-07-05, item 2
    ("DE VERSER la somme maximum (en fonction de la réalisation effective de tout ou partie de l’action,\n"
     "liée au contexte sanitaire) de :\n- 750€ pour le Centre Culturel Breton\n- 500€ pour DMT\n"
     "D’AUTORISER le Maire ou son représentant à signer tout document relatif à ce dossier.",
     "LES TARDIVES - versement de subventions aux associations",
     [("Centre Culturel Breton", Decimal("750")), ("DMT", Decimal("500"))]),
    # Lannion 2021-07-05, item 1: the lines name kinds of grant, the title the beneficiary
    ("DE DÉBLOQUER les subventions inscrites en provision aux imputations suivantes :\n"
     "• Subvention ex-Urhaj (volet culture) : 12.000€ (imputation 65_6574_301)\n"
     "• Subvention ex-Urhaj (volet social FJT) : 42.975€ (imputation 65_6574_520)\n"
     "D’AUTORISER le maire à signer la convention d’objectifs.",
     "Subvention à l'association Habitat jeunes en Trégor",
     [("Habitat jeunes en Trégor", Decimal("12000")), ("Habitat jeunes en Trégor", Decimal("42975"))]),
    # our wordings: names first, a dash list after "suivantes :"
    ("D'attribuer les subventions suivantes au titre de l'année 2022 :\n- Association Les Amis du Moulin : 1 200 €\n"
     "- Comité des fêtes : 800 €\n- Total : 2 000 €", "Subventions aux associations",
     [("Association Les Amis du Moulin", Decimal("1200")), ("Comité des fêtes", Decimal("800"))]),
    ("ACCORDE une participation de :\n– 2 500 € à l'association AVAL ;\n– 1 000 € au Club de football.",
     "Participations 2022", [("AVAL", Decimal("2500")), ("Club de football", Decimal("1000"))]),
    # not awards: a list of prices, a list under a sentence that awards nothing
    ("FIXE les tarifs suivants :\n- 5 € pour les adultes\n- 3 € pour les enfants", "Tarifs de la piscine", []),
    ("PREND ACTE des subventions reçues :\n- 5 000 € de la Région\n- 2 000 € du Département", "Rapport", []),
])
def test_grants_a_bulleted_list_of_awards(decision: str, title: str, expected: list) -> None:  # type: ignore[type-arg]
    act = make_act([(SectionKind.HEADER, title, None), (SectionKind.DECISION, decision, None)])
    found = Found(act_fields={"session_date": dt.date(2022, 4, 7), "title": title})
    rows = extract_grants(act, found, IssueLog())
    assert [(r.beneficiary, r.amount) for r in rows] == expected


@pytest.mark.parametrize("headers, grants", [
    # the lots of a public contract: its companies hold the lots, they receive no grant
    (["Lot", "Entreprise", "Nature des travaux", "Montant H.T.", "Montant TTC"], False),
    (["N° de lot", "Entreprise", "Montant du marché"], False),
    (["Lot n°", "Attributaire", "Montant"], False),
    (["LOTS", "Entreprises", "Avenant n°1 € HT"], False),
    # a grant to a company, and a list of associations
    (["Entreprise", "Projet", "Aide attribuée"], True),
    (["Association", "Objet", "Montant"], True),
])
def test_grants_a_contracts_lots_are_no_grants(headers: list[str], grants: bool) -> None:
    table = _table(headers, [["03", "JOLLY CHARPENTE", "Charpente", "1 165,50", "1 393,94"][:len(headers)]])
    assert table.is_grants is grants
    assert not (table.is_contract and table.is_budget)  # a contract's prices are no credits either


def _titled(decision: str, title: str | None):  # type: ignore[no-untyped-def]
    """(beneficiary, amount) of the grants of a decision, the act titled ``title``."""
    parts = ([(SectionKind.HEADER, "Objet : " + title, None)] if title else []) + [(SectionKind.DECISION, decision, None)]
    act = make_act(parts)
    found = Found(act_fields={"session_date": dt.date(2024, 3, 14), "title": title})
    return [(r.beneficiary, r.amount) for r in extract_grants(act, found, IssueLog())]


_THREE = [("Comité des fêtes", Decimal("1200")), ("Amicale laïque", Decimal("800")), ("Foyer rural", Decimal("450"))]


@pytest.mark.parametrize("decision, expected", [
    # the lines of a list announced as awards, without a colon: dots, a column gap, an en dash,
    # a space lead the name to its amount (probes g04, w02, w03, v09, v10)
    ("D'attribuer pour l'année 2024 les subventions suivantes :\nComité des fêtes .................... 1 200 €\n"
     "Amicale laïque ...................... 800 €\nFoyer rural ......................... 450 €", _THREE),
    ("D'attribuer pour l'année 2024 les subventions suivantes :\nComité des fêtes\t1 200 €\nAmicale laïque\t800 €\n"
     "Foyer rural\t450 €", _THREE),
    ("D'attribuer les subventions suivantes au titre de l'année 2024 :\nComité des fêtes – 1 200 €\n"
     "Amicale laïque – 800 €\nFoyer rural – 450 €", _THREE),
    ("D'attribuer aux associations ci-dessous les subventions suivantes :\nComité des fêtes 1 200 €\n"
     "Amicale laïque 800 €\nFoyer rural 450 €", _THREE),
    ("DÉCIDE d'allouer les subventions de fonctionnement réparties comme suit :\nComité des fêtes …… 1 200,00 € ;\n"
     "Amicale laïque …… 800,00 € ;\nFoyer rural …… 450,00 €.", _THREE),
    # a text table: its header line, its total line (probe g18)
    ("D'attribuer les subventions suivantes pour l'année 2024 :\nAssociation\t\tMontant\n"
     "ADMR Val de Sarthe\t\t1 500 €\nFamilles rurales\t\t900 €\nTotal\t\t2 400 €\nArticle 2 : Les crédits sont "
     "inscrits à l'article 6574.", [("ADMR Val de Sarthe", Decimal("1500")), ("Familles rurales", Decimal("900"))]),
    # bulleted, the same shapes
    ("D'attribuer les subventions suivantes :\n- Comité des fêtes ........ 1 200 €\n- Amicale laïque ........ 800 €",
     _THREE[:2]),
    # not a list of awards: not announced, awarding nothing, or no grant named before it
    ("D'attribuer les subventions :\nComité des fêtes 1 200 €\nAmicale laïque 800 €", []),
    ("FIXE les tarifs suivants :\nAdultes ........ 5 €\nEnfants ........ 3 €", []),
    ("PREND ACTE des subventions reçues suivantes :\nRégion\t5 000 €\nDépartement\t2 000 €", []),
    ("D'approuver la décision modificative n° 1 comme suit :\nArticle 60632 - Fournitures : + 3 500 €\n"
     "Article 615221 - Entretien de bâtiments : - 3 500 €", []),
    # a line whose words ask for more is no name; a total is none
    ("D'attribuer les subventions suivantes :\nUne subvention de 500 €\nSoit un total de 500 €\nTotal ...... 500 €", []),
])
def test_grants_a_list_without_colons(decision: str, expected: list) -> None:  # type: ignore[type-arg]
    assert _titled("Article 1 : " + decision, "Subventions 2024") == expected


@pytest.mark.parametrize("decision, title, expected", [
    # an award of a sum, its kind named by the title (probes g08, w04, w05, v06)
    ("De verser la somme de 1 000 € à l'association Secours populaire français.", "Subventions 2024",
     [("Secours populaire français", Decimal("1000"))]),
    ("Le Conseil municipal verse la somme de 500 € à la Protection civile de la Sarthe.", "Aide d'urgence",
     [("Protection civile de la Sarthe", Decimal("500"))]),
    ("De verser à la Protection civile de la Sarthe la somme de 500 €.", "Subventions 2024",
     [("Protection civile de la Sarthe", Decimal("500"))]),
    ("D'attribuer un montant de 750 € à l'association Gym Volontaire.", "Subventions 2024",
     [("Gym Volontaire", Decimal("750"))]),
    ("DÉCIDE d'allouer 300 € au Club de judo pour son tournoi.", "Participation au tournoi de judo",
     [("Club de judo", Decimal("300"))]),
    # …not when the title calls it no grant, names none, or the sum pays for something
    ("De verser la somme de 1 000 € à l'association Secours populaire français.", "Location de la salle des fêtes", []),
    ("De verser la somme de 1 000 € à l'association Secours populaire français.", None, []),
    ("De verser la somme de 450 € à l'Association des maires au titre de la cotisation 2024.", "Subventions 2024", []),
    ("De verser la somme de 120 € à M. Jean DUPONT en remboursement des frais engagés.", "Subventions 2024", []),
    ("De verser la somme de 2 000 € à l'entreprise Martin, prestataire du feu d'artifice.", "Subventions 2024", []),
])
def test_grants_an_award_of_a_sum(decision: str, title: str | None, expected: list) -> None:  # type: ignore[type-arg]
    assert _titled("Article 1 : " + decision, title) == expected


@pytest.mark.parametrize("decision, expected", [
    # the beneficiary first, twice, joined by "et à" / "et au" (probes g06, v02, w07)
    ("D'attribuer au Comité des fêtes une subvention de 1 500 € et à l'Amicale laïque une subvention de 800 €.",
     [("Comité des fêtes", Decimal("1500")), ("Amicale laïque", Decimal("800"))]),
    ("D'attribuer au Comité des fêtes une subvention de 1 500 € et au Foyer rural une subvention de 800 €.",
     [("Comité des fêtes", Decimal("1500")), ("Foyer rural", Decimal("800"))]),
    ("ACCORDE à la commune de Pencran un fonds de concours de 9 400 €, à la commune de Loperhet un fonds de concours "
     "de 5 000 € et à la commune de Daoulas une participation de 3 000 €.",
     [("Commune de Pencran", Decimal("9400")), ("Commune de Loperhet", Decimal("5000")),
      ("Commune de Daoulas", Decimal("3000"))]),
    # one amount: nothing to cut; a second body with no amount of its own is not given it
    ("D'attribuer au Comité des fêtes une subvention de 1 500 € et à l'Amicale laïque le prêt de la salle.",
     [("Comité des fêtes", Decimal("1500"))]),
    # one amount to each of the bodies listed (probes g07, v07)
    ("D'attribuer 500 € à chacun des clubs suivants : Football Club Saint-Martin, Tennis Club du Val, Judo Club Sarthois.",
     [("Football Club Saint-Martin", Decimal("500")), ("Tennis Club du Val", Decimal("500")),
      ("Judo Club Sarthois", Decimal("500"))]),
    ("D'attribuer une subvention de 300 € à chacune des associations suivantes : Les Randonneurs du Bocage, Familles "
     "rurales et l'ADMR Val de Sarthe.",
     [("Les Randonneurs du Bocage", Decimal("300")), ("Familles rurales", Decimal("300")),
      ("ADMR Val de Sarthe", Decimal("300"))]),
    # a rate and the total it gives after "soit": the total is the award; a rate alone is none
    ("D'attribuer une subvention de 150 € par licencié de moins de 18 ans à l'Union cycliste, soit 2 250 € pour 15 "
     "licenciés.", [("Union cycliste", Decimal("2250"))]),
    ("D'attribuer une participation de 45 € par élève à l'OGEC, soit au total 3 600 €.", [("OGEC", Decimal("3600"))]),
    ("D'attribuer une subvention de 150 € par licencié à l'Union cycliste.", []),
    # a label's colon inside brackets cuts no clause (probe g13)
    ("D'attribuer à l'association Les Petits Loups (SIRET : 412 345 670 00019) une subvention de fonctionnement de "
     "32 000 € pour l'année 2024.", [("Les Petits Loups", Decimal("32000"))]),
])
def test_grants_several_awards_in_a_sentence(decision: str, expected: list) -> None:  # type: ignore[type-arg]
    assert _titled("Article 1 : " + decision, "Subventions 2024") == expected


@pytest.mark.parametrize("decision, expected", [
    # a body named in lower case by what it is (probes w10, w14)
    ("D'attribuer une subvention de 600 € à l'amicale des sapeurs-pompiers.", [("Amicale des sapeurs-pompiers", None)]),
    ("D'attribuer une subvention de 600 € au foyer rural pour la fête de l'été.", [("Foyer rural", "la fête de l'été")]),
    ("ACCORDE à l'union sportive du collège une aide de 600 €.", [("Union sportive du collège", None)]),
    ("D'attribuer une subvention de 600 € à l'amicale qui organise le bal.", []),
    # a listed award, the amount first: the name in lower case, its purpose apart (probes g05, w01, w13)
    ("D'attribuer les subventions suivantes :\n- 1 200 € à la coopérative scolaire de l'école Jules Ferry pour la classe "
     "de découverte ;\n- 850 € à l'Association des parents d'élèves pour le spectacle de Noël ;\n- 900 € à la "
     "coopérative scolaire.",
     [("Coopérative scolaire de l'école Jules Ferry", "la classe de découverte"),
      ("Association des parents d'élèves", "le spectacle de Noël"), ("Coopérative scolaire", None)]),
    # a network's part after a comma (probes g16, g08)
    ("D'attribuer une subvention de 800 € à la Croix-Rouge française, unité locale de Sablé.",
     [("Croix-Rouge française, unité locale de Sablé", None)]),
    ("De verser une aide de 1 000 € au Secours populaire français, fédération de la Sarthe, pour les sinistrés.",
     [("Secours populaire français, fédération de la Sarthe", "les sinistrés")]),
    ("D'attribuer une subvention de 800 € à la Croix-Rouge française, pour sa campagne.",
     [("Croix-Rouge française", "sa campagne")]),
    # a person without a civility; a couple keeps theirs (probes g15, v05)
    ("D'attribuer une bourse au permis de conduire de 500 € à M. Kévin LEBRUN.", [("Kévin LEBRUN", None)]),
    ("D'attribuer à Mme Odile FERRAND une subvention de 900 € pour le ravalement de sa façade.",
     [("Odile FERRAND", "le ravalement de sa façade")]),
    ("D'attribuer à Monsieur Paul MARTIN une aide de 300 €.", [("Paul MARTIN", None)]),
    ("D'attribuer à M. et Mme Gérard PICHON une subvention de 1 500 €.", [("M. et Mme Gérard PICHON", None)]),
    # a quote inside the name stays (probe g03)
    ("D'attribuer les subventions suivantes :\n- Club des aînés « Les Joyeux Retraités » : 400 €\n"
     "- « Les Amis du Moulin » : 300 €",
     [("Club des aînés « Les Joyeux Retraités »", None), ("Les Amis du Moulin", None)]),
])
def test_grants_beneficiary_names(decision: str, expected: list) -> None:  # type: ignore[type-arg]
    act = make_act([(SectionKind.DECISION, "Article 1 : " + decision, None)])
    found = Found(act_fields={"session_date": dt.date(2024, 3, 14), "title": "Subventions 2024"})
    assert [(r.beneficiary, r.purpose) for r in extract_grants(act, found, IssueLog())] == expected


@pytest.mark.parametrize("decision, title, expected", [
    # Chéméré 2011-09-13 (DE-2011/106) and 2015-03-31 (DE-2015/44): an aid to a person's file
    ("Le Conseil municipal décide à l’unanimité des membres présents :\n-\td’accorder une bourse au permis de conduire "
     "d’un montant de 350,00 € au\ndossier n°BPC 2011/1,\n-\tde donner tous pouvoirs à Monsieur le Maire pour mener "
     "ce dossier à bien.", "Bourse au permis de conduire : Attribution",
     [("dossier n°BPC 2011/1", Decimal("350.00"), "Bourse au permis de conduire")]),
    # other wordings of the family
    ("D'attribuer une aide de 200 € au dossier n° 2023-14.", "Aide aux familles",
     [("dossier n° 2023-14", Decimal("200"), None)]),
    ("ACCORDE une allocation de 150 € au dossier numéro 12 pour les frais de cantine.", "Aides sociales",
     [("dossier numéro 12", Decimal("150"), "les frais de cantine")]),
    ("D'accorder une aide au ravalement de façade de 1 500 € pour le dossier n°FAC-2024-03.", "Ravalement de façades",
     [("dossier n°FAC-2024-03", Decimal("1500"), "Aide au ravalement de façade")]),
    # a beneficiary named beside the file is the beneficiary
    ("D'attribuer une bourse de 300 € à M. Kévin LEBRUN (dossier n°BPC 2024/2).", "Bourse au permis",
     [("Kévin LEBRUN", Decimal("300"), None)]),
    # not an award to a file: a file without its number, a file a request is sent with, a payment
    ("D'accorder une bourse de 300 € au dossier présenté.", "Bourse au permis", []),
    ("De solliciter une subvention de 5 000 € pour le dossier n°DETR-2024-1.", "Demande de DETR", []),
    ("D'approuver le dossier n°12 et son plan de financement de 40 000 €.", "Travaux de voirie", []),
    ("De verser la somme de 450 € au dossier n°2024-3 au titre des frais de procédure.", "Frais de justice", []),
])
def test_grants_an_aid_to_a_persons_file(decision: str, title: str, expected: list) -> None:  # type: ignore[type-arg]
    """An aid to a person named only by their file's number (minutes keep them anonymous):
    the file as printed is the beneficiary, the kind of aid its purpose when it says what it
    is for."""
    act = make_act([(SectionKind.HEADER, title, None), (SectionKind.DECISION, decision, None)])
    found = Found(act_fields={"session_date": dt.date(2011, 9, 13), "title": title})
    rows = extract_grants(act, found, IssueLog())
    assert [(r.beneficiary, r.amount, r.purpose) for r in rows] == expected
    assert all(r.year == 2011 for r in rows)
