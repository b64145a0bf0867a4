"""The vocabulary of table headers: measures, text roles, sides, sections, grant columns."""

from __future__ import annotations

import pytest

from pipeline.read.table_vocabulary import grant_column, header_key, measure_of, role_of, section_word, side_of, year_of


@pytest.mark.parametrize("header, measure", [
    # AP / AE: voted, initial, in words
    ("AP votée", "ae"), ("AE votée", "ae"), ("AP", "ae"), ("Autorisation de programme", "ae"),
    ("Autorisations d'engagement votées", "ae"), ("Montant de l'AP", "ae"),
    # affected / proposed this day
    ("Affecté ce jour", "proposed"), ("Affectation proposée", "proposed"), ("AP affectée", "proposed"),
    ("Montant proposé (€)", "proposed"), ("Propositions nouvelles", "proposed"), ("Vote proposé", "proposed"),
    # available, balance
    ("Disponible", "available"), ("Crédits disponibles", "available"), ("AP disponible", "available"),
    ("Reste à affecter", "balance"), ("Solde disponible", "balance"), ("Reste à engager", "balance"),
    # payment credits of the year and later
    ("CP 2023", "cp"), ("CP 2024 et suivants", "cp"), ("CP ultérieurs", "cp"), ("CP de l'année", "cp"),
    ("Crédits de paiement 2025", "cp"), ("CP N+1", "cp"),
    # voted budgets
    ("BP", "budget"), ("BS", "budget"), ("Budget supplémentaire", "budget"), ("Crédits ouverts", "budget"),
    ("Crédits votés", "budget"), ("Vote", "budget"), ("Montant (€ HT)", "budget"), ("FONCTIONNEMENT 2025", "budget"),
    ("Montants votés en 2025 Fonctionnement", "budget"), ("Subvention de fonctionnement", "budget"),
    ("Crédits", "budget"), ("BP voté", "budget"), ("Budget voté", "budget"), ("Inscriptions budgétaires", "budget"),
    ("Total du budget", "budget"), ("Total des crédits", "budget"), ("Totaux crédits", "budget"),
    # what the budget is after the act
    ("Total après DM", "budget"), ("Crédits après DM n°2", "budget"), ("Budget après décision modificative", "budget"),
    ("Montant après vote", "budget"), ("BP + DM", "budget"), ("BP + BS + DM", "budget"),
    # the amendment the act itself votes
    ("Proposition DM2", "proposed"), ("Vote DM n°2", "proposed"), ("Montant de la DM", "proposed"),
    ("Propositions décision modificative n° 3", "proposed"), ("Nouveaux crédits", "proposed"),
    ("Crédits nouveaux", "proposed"),
    # spending
    ("Dépenses", "expense"), ("DÉPENSES", "expense"), ("Coût (€ HT)", "expense"), ("Cotisations 2025", "expense"),
    ("Dépenses liées au projet en € HT correspondant aux devis fournis", "expense"),
    ("Dépenses d'investissement", "expense"),
    # money the contract has no measure for
    ("Recettes", "other"), ("Réalisé", "other"), ("Réalisé 2023", "other"), ("Restes à réaliser", "other"),
    ("RAR", "other"), ("Résultat cumulé", "other"), ("Résultat de l'exercice", "other"), ("DM n°2", "other"),
    ("Décision modificative n°1", "other"), ("Montant des financements", "other"), ("Montant sollicité (€)", "other"),
    # not money
    ("Libellé", None), ("Imputation budgétaire", None), ("Bénéficiaire", None), ("Taux", None), ("N° SIRET", None),
    ("Recettes %", None), ("Taux (%)", None),
])
def test_table_vocabulary_measures(header: str, measure: str | None) -> None:
    assert measure_of(header) == measure


@pytest.mark.parametrize("header, role", [
    ("N° SIRET", "siret"), ("SIRET", "siret"), ("SIREN", "siret"), ("N° RNA", "siret"),
    ("Taux", "rate"), ("Taux d'intervention", "rate"), ("Recettes %", "rate"), ("Part en %", "rate"),
    ("Imputation", "imputation"), ("Chapitre/Article", "imputation"), ("Compte", "imputation"), ("Nature", "imputation"),
    ("N° AP", "code"), ("AP n°", "code"), ("Code Opération", "code"), ("Opération n°", "code"),
    ("Bénéficiaire", "beneficiary"), ("Associations", "beneficiary"), ("Porteur de projet", "beneficiary"),
    ("Raison sociale", "beneficiary"), ("Structures", "beneficiary"),
    ("Libellé", "label"), ("Désignation", "label"), ("Objet de la demande", "label"), ("Projet", "label"),
    ("Intitulé", "label"), ("Nature de l'aide", "label"), ("Financeurs", "label"), ("Origine des financements", "label"),
    ("CP €", "measure"), ("Dépenses", "measure"),
])
def test_table_vocabulary_roles(header: str, role: str) -> None:
    assert role_of(header) == role


@pytest.mark.parametrize("text, side", [
    ("Dépenses", "expense"), ("DÉPENSES", "expense"), ("Dépenses :", "expense"), ("Coût (€ HT)", "expense"),
    ("Recettes", "income"), ("RECETTES", "income"), ("Financeurs", "income"), ("Financeur", "income"),
    ("Origine des financements", "income"), ("Ressources", "income"), ("Montant", None), ("Vote", None),
])
def test_table_vocabulary_sides(text: str, side: str | None) -> None:
    assert side_of(text) == side


@pytest.mark.parametrize("header, kind", [
    ("Montant voté (€)", "awarded"), ("Subvention attribuée", "awarded"), ("Décision", "awarded"),
    ("Montant accordé", "awarded"), ("Montants votés en 2025", "awarded"), ("Aide allouée", "awarded"),
    ("Montant proposé (€)", "proposed"), ("Proposition", "proposed"),
    ("Montant", "generic"), ("Subvention", "generic"), ("Investissement", "generic"), ("SUBVENTIONS 2013", "generic"),
    ("Montant sollicité (€)", "not_awarded"), ("Demande", "not_awarded"), ("Coût du projet", "not_awarded"),
    ("Rappel 2023", "not_awarded"), ("Taux", "not_awarded"), ("Cotisations 2025", "not_awarded"),
    ("Dépense subventionnable", "not_awarded"),
])
def test_table_vocabulary_grant_columns(header: str, kind: str) -> None:
    assert grant_column(header) == kind


@pytest.mark.parametrize("header, section, year", [
    ("FONCTIONNEMENT 2025", "Fonctionnement", 2025), ("Montants votés en 2024 Investissement", "Investissement", 2024),
    ("Section d'investissement", "Investissement", None), ("CP 2024 et suivants", None, 2024), ("Montant", None, None),
])
def test_table_vocabulary_sections_and_years(header: str, section: str | None, year: int | None) -> None:
    assert section_word(header) == section and year_of(header) == year


@pytest.mark.parametrize("header, key", [
    ("Montant voté (€)", "montant vote"), ("Coût (€ HT)", "cout"), ("Affecté ce jour À", "affecte ce jour"),
    ("Financeur", "financeur"), ("Reste à", "reste a"), ("Montants votés en 2025", "montants votes"),
])
def test_table_vocabulary_header_key(header: str, key: str) -> None:
    assert header_key(header) == key


@pytest.mark.parametrize("header, lot", [
    ("Lot", True), ("LOTS", True), ("N° de lot", True), ("Lot n°", True), ("N° lot", True), ("Lot :", True),
    ("Lotissement", False), ("Lots de la zone artisanale", False), ("Libellé", False), ("Entreprise", False),
])
def test_table_vocabulary_contract_lots(header: str, lot: bool) -> None:
    from pipeline.read.table_vocabulary import is_contract_lot

    assert is_contract_lot(header) is lot


@pytest.mark.parametrize("header, measure", [
    # a décision modificative's movements, each way (probe x22b, x22c, x22e, u22): what the act votes
    ("Diminution", "proposed"), ("Augmentation", "proposed"), ("Diminution de crédits", "proposed"),
    ("Augmentation de crédits", "proposed"), ("Diminutions de crédits", "proposed"), ("Crédits à ouvrir", "proposed"),
    ("Crédits à réduire", "proposed"), ("Crédits en diminution", "proposed"), ("Ouverture de crédits", "proposed"),
    ("Réduction de crédits", "proposed"), ("Annulation de crédits", "proposed"),
    ("Fonctionnement Diminution de crédits", "proposed"),
    # under a side, the side still says it (the archive's "Dépenses" over them)
    ("Dépenses Diminution de crédits", "expense"), ("Recettes Augmentation de crédits", "other"),
    # the same words over something else are no money column of a DM
    ("Diminution des attributions de compensation", None), ("Augmentation du loyer", None),
    # a grant table's columns named by a participle alone (probe x25b, x25d, u25)
    ("Attribué", "budget"), ("Attribuée", "budget"), ("Accordé", "budget"), ("Allouées", "budget"),
    ("Octroyé", "budget"), ("Demandé", "other"), ("Demandée", "other"), ("Sollicité", "other"),
    ("Observation", None), ("Attributaire", None),
])
def test_table_vocabulary_movements_and_participles(header: str, measure: str | None) -> None:
    assert measure_of(header) == measure


@pytest.mark.parametrize("header, kind", [
    ("Attribué", "awarded"), ("Accordée", "awarded"), ("Alloué", "awarded"),
    ("Demandé", "not_awarded"), ("Sollicitée", "not_awarded"),
])
def test_table_vocabulary_grant_columns_named_by_a_participle(header: str, kind: str) -> None:
    assert grant_column(header) == kind


@pytest.mark.parametrize("label, side", [
    ("Dépenses :", "expense"), ("DÉPENSES", "expense"), ("Dépenses réalisées", "expense"),
    ("Recettes – Prévision budgétaire totale", "income"), ("Recettes :", "income"),
    # a chapter's name says what it spends or earns, not a side of the table
    ("Charges à caractère général", None), ("Charges financières", None), ("Produits des services", None),
    ("Virement à la section d'investissement", None), ("Total dépenses d'exploitation", None), ("Coût", None),
])
def test_table_vocabulary_side_a_row_label_names(label: str, side: str | None) -> None:
    from pipeline.read.table_vocabulary import side_named

    assert side_named(label) == side


@pytest.mark.parametrize("headers, labels, prices", [
    # (a) the avenants of a marché (Chéméré 2009-11-24, 2011-09-13), and other wordings of its stages
    (["", "Montant HT", "Montant TVA", "Montant TTC"], ["Marché initial", "Avenant n°1", "Avenant n°2",
                                                       "Nouveau montant du marché"], True),
    (["", "Montant HT", "Taux de la TVA", "Montant TTC"], ["Marché initial", "Avenant n°1", "Nouveau montant du"], True),
    (["Désignation", "Montant € HT"], ["Marché de base", "Avenant 1", "Avenant 2", "Montant du marché après avenants"],
     True),
    (["", "Montant"], ["Montant initial du marché", "Avenant n° 3", "Nouveau montant"], True),
    # (b) the orders and contracts signed under delegation: the contract and its holder in the headers
    (["Date du marché", "Société", "Objet du marché", "Montant H.T."], ["1 chariot de service"], True),
    (["Date du", "Titulaire", "Objet du marché", "Montant"], ["Maintenance"], True),
    (["Date", "Fournisseur", "Objet", "Montant HT"], ["Fauteuils pour le théâtre"], True),
    (["Prestataire", "Objet", "Montant TTC"], ["Diagnostic amiante"], True),
    # (c) offers compared: the companies, their offers (named by the header, or by legal forms beside HT)
    (["ENTREPRISES", "Prix unitaire m2 HT", "MONTANT H.T.", "MONTANT T.T.C."],
     ["BREHARD SAS (44320 ST PERE EN RETZ)", "BRETHOME ET CIE TP (44340 BOUGUENAIS)"], True),
    (["Nom et adresse de l’entreprise", "Montant H.T.", "Montant T.T.C.",
      "Classement suivant critères de jugement des offres"], ["PINSON JOEL (44680 CHEMERE)"], True),
    (["N°", "CABINET", "Montant total H.T."], ["CDC CONSEILS"], True),
    (["SOCIETE", "Niveau", "Montant", "Mission", "Montant"], ["BUREAU VERITAS"], True),
    (["Candidat", "Montant de l'offre"], ["Durand"], True),
    (["Soumissionnaire", "Montant"], ["Durand"], True),
    (["", "Montant HT", "Montant TTC"], ["SARL MABILEAU", "Ets Martin", "RICHARD MARC ET FILS"], True),
    # (d) lots awarded to companies
    (["Lots", "Entreprises", "Montant € H.T."], ["Lot 1 – Gros oeuvre", "Lot 2 – Charpente"], True),
    (["N °", "Entreprise", "Montant€ H.T."], ["ASPO", "PAYSAGES DE RETZ"], True),
    (["Entreprise retenue", "Montant"], ["PEDEAU"], True),
    # credits with HT/TTC columns: financing plans, programmes, a DM (Lannion, Lisières de l'Oise, Fargues)
    (["Dépenses subventionnables Description des postes de dépenses", "Dépenses subventionnables Montant (€ HT)",
      "Recettes € HT Financeurs", "Recettes € HT Montant (€ HT)"],
     ["Lot 1 Création ascenseur J. Morand", "Lot 2 Création ascenseur St Roch", "Etat (DSIL)", "Total"], False),
    (["Désignation", "Coût (€ HT)", "Financeurs", "Montant (€ HT)", "Taux"],
     ["REGENERATION FORAGES ATTICHY", "Total HT", "TVA 20 %", "Total TTC"], False),
    (["Nature de l'aide", "Dépenses liées au projet en € HT correspondant aux devis fournis",
      "Origine des financements", "Montant des financements"], ["Aide à la création reprise d'entreprise"], False),
    (["nature de la prestation", "taux ou forfait", "2014", "2015", "2016", "total HT", "total TTC"],
     ["coordinateur sps", "contrôleur technique", "maîtrise d'œuvre"], False),
    (["Article", "Dépenses", "Recettes"], ["D 615", "R 704", "Total section de fonctionnement"], False),
    (["Opération", "Crédits marchés engagés", "CP 2024"], ["Groupe scolaire"], False),
    # an avenant among the expenses of a financing plan is no table of the contract's stages
    (["Dépenses", "Montant HT"], ["Marché initial", "Avenant n°1"], False),
    (["Désignation", "Montant HT"], ["Travaux", "Avenant n°1 maîtrise d'œuvre", "Études", "Total"], False),
    # grants: to businesses (an aid column), to associations; a company's name in a list of aid
    (["Entreprise", "Projet", "Aide attribuée"], ["SARL Boulangerie Martin"], False),
    (["Entreprise", "Montant"], ["Boulangerie Martin"], False),
    (["Attributaire", "Montant attribué"], ["Comité des fêtes"], False),
    (["Bénéficiaire", "Montant HT", "Subvention"], ["SARL Martin", "SAS Durand"], False),
    (["Association", "Montant"], ["Comité des fêtes", "SA Sportive"], False),
    (["Compétences", "Structures", "Cotisations 2025"], ["Eau", "Syndicat"], False),
])
def test_table_vocabulary_prices_of_a_contract(headers: list[str], labels: list[str], prices: bool) -> None:
    """Probes (Chéméré archive): a contract's prices — its avenants, the orders signed under
    delegation, the offers compared, the lots awarded — are no credits and no grants, but a
    financing plan in € HT is."""
    from pipeline.read.table_vocabulary import prices_a_contract

    assert prices_a_contract(headers, labels) is prices


@pytest.mark.parametrize("header, measure, named", [
    # what the budget is in all, before or after the act (probes b05, i07, j01, j01b)
    ("Total crédits ouverts", "budget", True), ("Total des crédits ouverts", "budget", True),
    ("Total crédits votés", "budget", True), ("Crédits ouverts après DM", "budget", True),
    ("Crédits ouverts après DM n°1", "budget", True), ("Total des crédits après DM", "budget", True),
    ("Crédits votés après décision modificative n° 2", "budget", True),
    # what a décision modificative adds (probes i02, j06): the act's own credits
    ("Crédits supplémentaires", "proposed", False), ("Crédits complémentaires", "proposed", False),
    ("Inscriptions nouvelles", "proposed", False), ("Nouvelles inscriptions", "proposed", False),
    ("Inscriptions supplémentaires", "proposed", False),
    # no budget named: a bare total, a word alone, a total of something else
    ("Total", None, False), ("Supplémentaires", None, False), ("Total dépenses", None, False),
    ("Montant", "budget", False),
])
def test_table_vocabulary_the_credits_of_a_dm(header: str, measure: str | None, named: bool) -> None:
    from pipeline.read.table_vocabulary import names_the_budget

    assert measure_of(header) == measure and names_the_budget(header) is named


@pytest.mark.parametrize("header, measure", [
    # voted or affected before this act (probes b01, b23, i04b, i05b): the AP/AE voted is still
    # the authorisation, what was affected before is not what the act proposes
    ("AE votée antérieurement", "ae"), ("AP votée antérieurement", "ae"), ("AP votée précédemment", "ae"),
    ("AP affectée antérieurement", "other"), ("Affectations antérieures", "other"),
    ("Affectations précédentes", "other"), ("Montant déjà affecté", "other"), ("Déjà affecté", "other"),
    ("Affectations cumulées", "other"), ("CP antérieurs", "cp"), ("Crédits votés antérieurement", "budget"),
    # at this meeting (probes b23, i04d): the words before say it
    ("AE proposée à la présente séance", "proposed"), ("Affectation proposée lors de cette séance", "proposed"),
    ("Montant proposé en séance", "proposed"), ("AP affectée à la présente commission permanente", "proposed"),
    ("AE disponible après séance", "balance"), ("Affecté ce jour", "proposed"),
    # the qualifier alone, or after words of no money
    ("Antérieurement", None), ("Présente séance", None), ("Observations antérieures", None),
    ("Avis de la présente commission", None),
])
def test_table_vocabulary_voted_before_or_at_this_meeting(header: str, measure: str | None) -> None:
    assert measure_of(header) == measure


@pytest.mark.parametrize("header, measure", [
    # the allocation of last year's surplus in a table of results (probes b07, j08)
    ("Part affectée à l'investissement", "other"), ("Part affectée", "other"), ("Affectation 1068", "other"),
    ("Affectation au compte 1068", "other"), ("Affectation en réserves", "other"), ("Affectation du résultat", "other"),
    ("Excédent de fonctionnement capitalisé", "other"),
    # a part of the column before it (probes i10, i10b)
    ("Dont reports", "other"), ("dont RAR", "other"), ("Dont crédits nouveaux", "other"),
    # not money: a share, the word alone
    ("Part", None), ("Dont", None), ("Quote-part", None),
    # an AP table's affectation is still the act's proposal
    ("Affectation", "proposed"), ("AP affectée", "proposed"),
])
def test_table_vocabulary_allocations_and_details(header: str, measure: str | None) -> None:
    assert measure_of(header) == measure


@pytest.mark.parametrize("header, kind", [
    ("Résultat de clôture 2023", ("closing", 2023)), ("Résultat cumulé", ("closing", None)),
    ("Résultat à la clôture 2024", ("closing", 2024)), ("Résultat reporté", ("carried", None)),
    ("Résultat antérieur reporté", ("carried", None)), ("Résultat de l'exercice 2024", ("year", 2024)),
    ("Résultat 2023", ("dated", 2023)), ("Part affectée à l'investissement", ("allocated", None)),
    ("Affectation 1068", ("allocated", None)),
    # a result without a year says neither which nor whose; other money is none
    ("Résultat", None), ("Recettes", None), ("Restes à réaliser", None),
])
def test_table_vocabulary_result_columns(header: str, kind: tuple[str, int | None] | None) -> None:
    from pipeline.read.table_vocabulary import result_column

    assert result_column(header) == kind


@pytest.mark.parametrize("header, role", [
    # abbreviated over narrow columns (probes i11, b28)
    ("Art.", "imputation"), ("Art", "imputation"), ("Chap.", "imputation"), ("Cpte", "imputation"),
    ("Artisan", "other"), ("Artistes", "other"),
])
def test_table_vocabulary_abbreviated_imputation_columns(header: str, role: str) -> None:
    assert role_of(header) == role


@pytest.mark.parametrize("header, operation", [
    # numbers of operations, programmes, authorisations (probes b01, b04, b18, i06)
    ("N° opération", True), ("Code opération", True), ("N° d'opération", True), ("N° AP", True), ("AP n°", True),
    ("Opération n°", True), ("N°", True), ("Code", True), ("Code programme", True), ("N° de l'AP", True),
    # numbers of accounting documents and things (probe n08)
    ("N° de titre", False), ("N° mandat", False), ("N° de facture", False), ("N° du dossier", False),
    ("N° de bordereau", False), ("Numéro d'inventaire", False),
])
def test_table_vocabulary_columns_of_operation_codes(header: str, operation: bool) -> None:
    from pipeline.read.table_vocabulary import names_an_operation_code

    assert role_of(header) == "code" and names_an_operation_code(header) is operation


@pytest.mark.parametrize("header, place", [
    ("Commune", True), ("Communes", True), ("Commune d'implantation", True), ("Localisation", True),
    ("Canton", True), ("Ville", True), ("Siège social", True), ("Lieu", True),
    ("Bénéficiaire", False), ("Association", False), ("Collectivité", False), ("Communauté de communes", False),
])
def test_table_vocabulary_places(header: str, place: bool) -> None:
    from pipeline.read.table_vocabulary import names_a_place

    assert names_a_place(header) is place


@pytest.mark.parametrize("header, measure, kind", [
    # the fonds de concours of an intercommunalité to its communes (probes g15, i14)
    ("Fonds de concours", "budget", "generic"), ("Montant du fonds de concours", "budget", "generic"),
    ("Fonds de concours attribué", "budget", "awarded"), ("Fonds de concours proposé", "budget", "proposed"),
    ("Fonds de concours sollicité", "other", "not_awarded"),
    # a year alone: the money of a year, awarded or not as the act says (probes g09, i12)
    ("2025", None, "generic"),
    ("Fonds de roulement", None, None), ("Concours", None, None),
])
def test_table_vocabulary_fonds_de_concours_and_years(header: str, measure: str | None, kind: str | None) -> None:
    assert measure_of(header) == measure and grant_column(header) == kind


@pytest.mark.parametrize("header, role", [
    # what a grant pays for in a list of festivities (probe i13)
    ("Manifestation", "label"), ("Manifestations", "label"), ("Événement", "label"), ("Évènements", "label"),
    ("Animation", "label"),
    # who or how, not what for
    ("Avis de la commission", "other"), ("Observations", "other"),
])
def test_table_vocabulary_festivity_columns(header: str, role: str) -> None:
    assert role_of(header) == role
