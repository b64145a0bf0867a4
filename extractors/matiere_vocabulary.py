"""The ACTES level-2 "matières" (1.1 … 9.4) with their official labels and a vocabulary each.

The nomenclature ACTES classifies every act sent to the contrôle de légalité, e.g.
``7.5`` *Finances locales / Subventions*, ``7.1`` *Finances locales / Décisions
budgétaires*. SCDL Délibérations prints it as ``DELIB_MATIERE_CODE`` = ``7.5`` and
``DELIB_MATIERE_NOM`` = ``finances locales/subventions`` (lower case with accents, no
comma nor parenthesis, the two levels joined by "/").

The vocabulary of a code is a list of ``(term, weight)``: a term is one or more French
words written in their lemma form (singular nouns, infinitive verbs), matched on the
lemmas of an act's title and decision with accents and stop words removed, so
"Attribution de subventions aux associations" meets the term ``"subvention"`` and
"Décision modificative n°3" meets ``"decision modificatif"``.
"""

from __future__ import annotations

#: The nine level-1 matières, as the official nomenclature writes them.
LEVEL1: dict[str, str] = {
    "1": "Commande publique",
    "2": "Urbanisme",
    "3": "Domaine et patrimoine",
    "4": "Fonction publique",
    "5": "Institutions et vie politique",
    "6": "Libertés publiques et pouvoirs de police",
    "7": "Finances locales",
    "8": "Domaines de compétences par thèmes",
    "9": "Autres domaines de compétences",
}

#: The 57 level-2 matières: code → official label (accented).
LEVEL2: dict[str, str] = {
    "1.1": "Marchés publics",
    "1.2": "Délégation de service public",
    "1.3": "Conventions de mandat",
    "1.4": "Autres types de contrats",
    "1.5": "Transactions /protocole d'accord transactionnel",
    "1.6": "Actes relatifs à la maîtrise d'œuvre",
    "1.7": "Actes spéciaux et divers",
    "2.1": "Documents d'urbanisme",
    "2.2": "Actes relatifs au droit d'occupation ou d'utilisation des sols",
    "2.3": "Droit de préemption urbain",
    "3.1": "Acquisitions",
    "3.2": "Aliénations",
    "3.3": "Locations",
    "3.4": "Limites territoriales",
    "3.5": "Autres actes de gestion du domaine public",
    "3.6": "Autres actes de gestion du domaine privé",
    "4.1": "Personnel titulaires et stagiaires de la F.P.T.",
    "4.2": "Personnel contractuel",
    "4.3": "Fonction publique hospitalière",
    "4.4": "Autres catégories de personnels",
    "4.5": "Régime indemnitaire",
    "5.1": "Election exécutif",
    "5.2": "Fonctionnement des assemblées",
    "5.3": "Désignation de représentants",
    "5.4": "Délégation de fonctions",
    "5.5": "Délégation de signature",
    "5.6": "Exercice des mandats locaux",
    "5.7": "Intercommunalité",
    "5.8": "Décision d'ester en justice",
    "6.1": "Police municipale",
    "6.2": "Pouvoir du président du conseil général",
    "6.3": "Pouvoir du président du conseil régional",
    "6.4": "Autres actes réglementaires",
    "6.5": "Actes pris au nom de l'Etat et soumis au contrôle hiérarchique",
    "7.1": "Décisions budgétaires",
    "7.2": "Fiscalité",
    "7.3": "Emprunts",
    "7.4": "Interventions économiques",
    "7.5": "Subventions",
    "7.6": "Contributions budgétaires",
    "7.7": "Avances",
    "7.8": "Fonds de concours",
    "7.9": "Prise de participation (SEM, etc...)",
    "7.10": "Divers",
    "8.1": "Enseignement",
    "8.2": "Aide sociale",
    "8.3": "Voirie",
    "8.4": "Aménagement du territoire",
    "8.5": "Politique de la ville-habitat-logement",
    "8.6": "Emploi-formation professionnelle",
    "8.7": "Transports",
    "8.8": "Environnement",
    "8.9": "Culture",
    "9.1": "Autres domaines de compétences des communes",
    "9.2": "Autres domaines de compétences des départements",
    "9.3": "Autres domaines de compétences des régions",
    "9.4": "Vœux et motions",
}

#: Terms (lemmas) and their weight, per code. Codes without a term (1.7, 9.x …) are never
#: guessed: they are catch-alls that need a human.
VOCABULARY: dict[str, list[tuple[str, float]]] = {
    "1.1": [("marche public", 3), ("appel offre", 3), ("accord cadre", 2), ("attribution marche", 3),
            ("avenant marche", 3), ("groupement commande", 3), ("marche", 1), ("consultation", 1),
            ("marche societe", 3)],
    "1.2": [("delegation service public", 4), ("delegataire", 3), ("concession", 1), ("affermage", 3),
            ("dsp", 3)],
    "1.3": [("convention mandat", 4), ("mandat maitrise ouvrage", 4)],
    "1.4": [("convention prestation", 3), ("prestation service", 2), ("contrat prestation", 3)],
    "1.5": [("transaction", 3), ("protocole transactionnel", 4), ("protocole accord", 3)],
    "1.6": [("maitrise oeuvre", 3), ("maitre oeuvre", 3), ("concours architecture", 3)],
    "2.1": [("plan local urbanisme", 4), ("plu", 3), ("plui", 3), ("scot", 3), ("carte communal", 3),
            ("document urbanisme", 3), ("modification simplifie", 2), ("revision", 1)],
    "2.2": [("permis construire", 3), ("permis amenager", 3), ("declaration prealable", 2),
            ("droit sol", 3), ("autorisation urbanisme", 3)],
    "2.3": [("preemption", 4), ("droit preemption", 4)],
    "3.1": [("acquisition", 2), ("acquerir", 2), ("achat terrain", 3), ("acquisition parcelle", 3),
            ("acquisition amiable", 3), ("achat", 2)],
    "3.2": [("cession", 2), ("ceder", 2), ("alienation", 3), ("vente", 1)],
    "3.3": [("bail", 3), ("location", 2), ("loyer", 2), ("louer", 2), ("bail emphyteotique", 4),
            ("convention occupation", 3), ("mise disposition", 2)],
    "3.5": [("domaine public", 3), ("occupation domaine public", 4), ("redevance occupation", 3),
            ("denomination voie", 3), ("denomination rue", 3),
            ("concession funeraire", 4), ("concession cimetiere", 4), ("cimetiere", 2),
            # leaving the public domain: "désaffectation", "déclassement"; market pitches
            ("desaffectation", 3), ("declassement", 3), ("droit place", 4)],
    "3.6": [("domaine prive", 3), ("servitude", 2)],
    "4.1": [("tableau effectif", 3), ("creation poste", 3), ("suppression poste", 3), ("titulaire", 1),
            ("stagiaire", 1), ("avancement grade", 3), ("ratio promu", 3), ("agent", 2),
            ("modification poste", 3), ("logement fonction", 4)],
    "4.2": [("agent contractuel", 3), ("contractuel", 2), ("vacataire", 2), ("apprenti", 2),
            ("emploi non permanent", 3), ("accroissement temporaire", 3), ("saisonnier", 3),
            ("recrutement", 2), ("cui", 3), ("contrat aide", 3), ("contrat unique insertion", 4)],
    "4.5": [("regime indemnitaire", 4), ("rifseep", 4), ("ifse", 3), ("prime", 1), ("indemnite agent", 2)],
    "5.1": [("election maire", 4), ("election adjoint", 4), ("election president", 4),
            ("election vice president", 4), ("installation conseil", 3)],
    "5.2": [("reglement interieur", 4), ("commission", 1), ("creation commission", 2),
            ("proces verbal seance", 3), ("compte rendu", 3), ("proces verbal", 3),
            # the council's delegations to the mayor (CGCT L.2122-22)
            ("delegation conseil municipal maire", 4), ("delegation maire", 3)],
    "5.3": [("designation representant", 4), ("designation delegue", 4), ("designer", 2),
            ("representant", 2), ("election delegue", 3), ("designation", 3), ("election membre", 3),
            ("election representant", 4), ("nouveau representant", 4), ("commission appel offre", 4)],
    "5.4": [("delegation attribution", 4), ("delegation pouvoir", 3), ("delegation fonction", 4)],
    "5.5": [("delegation signature", 4)],
    "5.6": [("indemnite fonction elu", 4), ("indemnite elu", 4), ("indemnite fonction", 4), ("formation elu", 3), ("mandat local", 3)],
    "5.7": [("intercommunalite", 3), ("adhesion syndicat", 3), ("statut communaute", 3),
            ("transfert competence", 3), ("modification statut", 2), ("clect", 3)],
    "5.8": [("ester justice", 4), ("action justice", 3), ("contentieux", 2), ("recours", 1),
            ("protection fonctionnel", 3)],
    "6.1": [("police municipal", 4), ("videoprotection", 3)],
    "6.4": [("reglement", 1), ("arrete reglementaire", 2)],
    "7.1": [("budget primitif", 4), ("decision modificatif", 4), ("compte administratif", 4),
            ("compte gestion", 4), ("budget supplementaire", 4), ("affectation resultat", 4),
            ("debat orientation budgetaire", 4), ("rapport orientation budgetaire", 4),
            ("autorisation programme", 3), ("credit paiement", 2), ("budget", 2),
            ("virement credit", 3), ("amortissement", 2), ("admission non valeur", 3),
            ("provision", 3), ("constitution provision", 4)],
    "7.2": [("taux imposition", 4), ("fiscalite", 3), ("taxe fonciere", 3), ("taxe habitation", 3),
            ("taxe sejour", 4), ("exoneration", 2), ("cfe", 2), ("taxe", 1)],
    "7.3": [("emprunt", 4), ("pret", 2), ("garantie emprunt", 4), ("ligne tresorerie", 3),
            ("refinancement", 3), ("garantie", 2), ("agence france local", 3)],
    "7.4": [("intervention economique", 4), ("aide entreprise", 3), ("aide immobilier entreprise", 4),
            ("developpement economique", 2), ("aide economique", 3), ("soutien entreprise", 3)],
    "7.5": [("subvention", 3), ("attribution subvention", 4), ("demande subvention", 4),
            ("convention objectif", 2), ("soutien association", 3),
            ("aide financier", 2), ("participation financier", 2), ("programmation", 1),
            ("association", 1), ("contribution", 1), ("soutien", 1)],
    "7.6": [("contribution budgetaire", 4), ("cotisation", 2), ("participation syndicat", 3)],
    "7.7": [("avance remboursable", 4), ("avance", 2), ("avance tresorerie", 4)],
    "7.8": [("fonds concours", 4), ("fond concours", 4)],
    # "Divers": the prices the authority sets for its services, refunds
    "7.10": [("tarif", 3), ("tarification", 3), ("grille tarifaire", 3), ("politique tarifaire", 3),
             ("remboursement", 2)],
    "7.9": [("prise participation", 4), ("sem", 2), ("spl", 2), ("capital social", 3),
            ("actionnaire", 2)],
    "8.1": [("college", 2), ("ecole", 2), ("lycee", 2), ("enseignement", 3), ("scolaire", 2),
            ("restauration scolaire", 3)],
    "8.2": [("aide social", 3), ("rsa", 3), ("insertion", 2), ("handicap", 2), ("personne age", 2),
            ("protection enfance", 3), ("autonomie", 1), ("apa", 2), ("solidarite", 1)],
    "8.3": [("voirie", 3), ("route departemental", 3), ("chaussee", 2), ("trottoir", 2),
            ("amenagement voirie", 4)],
    "8.4": [("amenagement territoire", 4), ("zac", 3), ("revitalisation", 2), ("centre bourg", 2),
            ("petites ville demain", 3), ("contrat territorial", 2)],
    "8.5": [("politique ville", 4), ("contrat ville", 4), ("logement", 2), ("habitat", 2),
            ("logement social", 3), ("bailleur social", 3), ("renouvellement urbain", 3), ("anru", 3)],
    "8.6": [("emploi", 2), ("formation professionnel", 3), ("insertion activite economique", 4),
            ("insertion professionnel", 3), ("chantier insertion", 3)],
    "8.7": [("transport", 3), ("mobilite", 2), ("transport scolaire", 3), ("ligne bus", 3)],
    "8.8": [("environnement", 3), ("dechet", 3), ("assainissement", 3), ("eau potable", 3),
            ("biodiversite", 3), ("espace naturel sensible", 4), ("transition ecologique", 3),
            ("gemapi", 3), ("climat", 2)],
    "8.9": [("culture", 3), ("culturel", 2), ("musee", 3), ("bibliotheque", 3), ("mediatheque", 3),
            ("patrimoine", 1), ("archeologique", 2), ("lecture", 2), ("spectacle", 2), ("festival", 2), ("conservatoire", 3),
            ("archive", 2)],
    "9.4": [("voeu", 4), ("motion", 4)],
}


def matiere_name(code: str) -> str:
    """The SCDL ``DELIB_MATIERE_NOM`` of ``code``: both levels, lower case, "/"-joined.

    >>> matiere_name("7.5")
    'finances locales/subventions'
    >>> matiere_name("7.9")
    'finances locales/prise de participation sem etc...'
    """
    level2 = LEVEL2[code]
    for char in ",()/":  # the level separator is the only "/" allowed
        level2 = level2.replace(char, " ")
    level2 = " ".join(level2.split())
    return f"{LEVEL1[code.split('.')[0]]}/{level2}".lower()
