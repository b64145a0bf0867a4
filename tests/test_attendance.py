"""Attendance lists: every wording of the issue, built in the test, and the dev corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.attendance import (
    Entry, apply_item_moves, apply_movements, apply_recusals, apply_void_proxies, block_counts, classify_label,
    parse_block, president_entry, read_attendance, split_entries,
)
from pipeline.model import Act, Section, SectionKind, Span
from schemas.rows import AttendanceRow
from tests.conftest import DEV, REAL, load_gold, make_document, dev_pdfs


def make_act(*parts: tuple[SectionKind, str, bool]) -> Act:
    """An act whose sections are the given (kind, text, shared) parts, in order."""
    doc = make_document("\n".join(text for _, text, _ in parts))
    sections, pos = [], 0
    for kind, text, shared in parts:
        sections.append(Section(kind, Span(pos, pos + len(text)), doc, shared=shared))
        pos += len(text) + 1
    return Act(doc=doc, act_index=0, act_id="a0", span=Span(0, len(doc.text)), sections=tuple(sections))


def rows(entries: list[Entry]) -> list[tuple]:
    return [(e.person.civility, e.person.first_name, e.person.last_name, e.status, e.voting_rights,
             e.proxy_holder, e.recused) for e in entries]


@pytest.mark.parametrize("block, expected", [
    # Prénom NOM, wrapped over lines
    ("Étaient présents: M. Jean-Claude LEROY, Mme Mireille HINGREZ-CÉRÉDA, M. Laurent\nDUPORGE, Mme\n"
     "Valérie CUVILLIER.",
     [("M.", "Jean-Claude", "LEROY", "present", True, None, False),
      ("Mme", "Mireille", "HINGREZ-CÉRÉDA", "present", True, None, False),
      ("M.", "Laurent", "DUPORGE", "present", True, None, False),
      ("Mme", "Valérie", "CUVILLIER", "present", True, None, False)]),
    # NOM Prénom
    ("Présents : M. DUPONT Jean, Mme MARTIN Sophie",
     [("M.", "Jean", "DUPONT", "present", True, None, False),
      ("Mme", "Sophie", "MARTIN", "present", True, None, False)]),
    # initial and surname, dashes, function label, names run over a line break
    ("Etaient présents : C.FOROT — N.VERDON -— T.BUSIN : adjoints\nS.MEARY — H.CHARANCON\n"
     "Etait absent non excusé : F.THEOLAS\nSecrétaire de séance : S.MEARY",
     [(None, "C.", "FOROT", "present", True, None, False),
      (None, "N.", "VERDON", "present", True, None, False),
      (None, "T.", "BUSIN", "present", True, None, False),
      (None, "S.", "MEARY", "present", True, None, False),
      (None, "H.", "CHARANCON", "present", True, None, False),
      (None, "F.", "THEOLAS", "absent", True, None, False)]),
    # function labels mixed in, glued civility, "et" before the last name
    ("Présents :\nM.CHARRIER Jean-Paul Maire, M.THOREAU Gérard, M. ROBERT Henri\nAdjoints, M.BERNARD Bruno "
     "Délégué, Mme PÉROT Dorothée, et M. CRON Patrick.\nAbsente excusée: Mme VENOT Charlène",
     [("M.", "Jean-Paul", "CHARRIER", "present", True, None, False),
      ("M.", "Gérard", "THOREAU", "present", True, None, False),
      ("M.", "Henri", "ROBERT", "present", True, None, False),
      ("M.", "Bruno", "BERNARD", "present", True, None, False),
      ("Mme", "Dorothée", "PÉROT", "present", True, None, False),
      ("M.", "Patrick", "CRON", "present", True, None, False),
      ("Mme", "Charlène", "VENOT", "excused", True, None, False)]),
    # proxies: "X à Y", "(pouvoir à Y)", "donne pouvoir à", "(donne procuration à …)" wrapped
    ("Absents excusés ayant donné procuration : Mme DUBOIS Gaëlle à M. ROCHE Hugues, M.\n"
     "MULLER Éric à Mme CHARPENTIER Murielle.\n"
     "Absent(s) ayant donné pouvoir : Mme Céline LEFEBVRE (pouvoir à M. Rémi MASSON),\n"
     "Pouvoirs : Mme Élodie BOUCHER-ROY (Boulogne-sur-Mer) donne pouvoir à M. Patrick\n"
     "LAURENT ; Mme Chantal BOUVIER (Isques) donne pouvoir à Mme Ghislaine SIMONET ;\n"
     "Excusés : BARBE Dominique (donne procuration à ROCA Nathalie) ; BOUYER Cécile (donne\n"
     "procuration à CHEVALARD Paul) ; DELAHAYE Laurent (donne procuration à GARCIA\nNorbert)",
     [("Mme", "Gaëlle", "DUBOIS", "represented", True, "Hugues ROCHE", False),
      ("M.", "Éric", "MULLER", "represented", True, "Murielle CHARPENTIER", False),
      ("Mme", "Céline", "LEFEBVRE", "represented", True, "Rémi MASSON", False),
      ("Mme", "Élodie", "BOUCHER-ROY", "represented", True, "Patrick LAURENT", False),
      ("Mme", "Chantal", "BOUVIER", "represented", True, "Ghislaine SIMONET", False),
      (None, "Dominique", "BARBE", "represented", True, "Nathalie ROCA", False),
      (None, "Cécile", "BOUYER", "represented", True, "Paul CHEVALARD", False),
      (None, "Laurent", "DELAHAYE", "represented", True, "Norbert GARCIA", False)]),
    # "Etait absent, excusé et a donné pouvoir : X à Y", "W.AUGUSTE : procuration à C.FOROT"
    ("Etait absent, excusé et a donné pouvoir : Nadine MALHOMME à Georges CARRET, Jean\n"
     "Claude GROSS à Pierre-Jean ZANNETTACCI\nEtaient absents excusés :\nW.AUGUSTE : procuration à C.FOROT",
     [(None, "Nadine", "MALHOMME", "represented", True, "Georges CARRET", False),
      (None, "Jean Claude", "GROSS", "represented", True, "Pierre-Jean ZANNETTACCI", False),
      (None, "W.", "AUGUSTE", "represented", True, "C. FOROT", False)]),
    # without voting rights, absents non excusés, representation
    ("Assistant également sans voix délibérative : Mme Emmanuelle LEVEUGLE, M. Jean-Louis COTTIGNY\n"
     "Excusé(s) sans voix délibérative : M. Michel DAGBERT\n"
     "Absents non excusés : M. Paul DURAND\n"
     "Absents représentés : Mme Anne PETIT représentée par M. Jean-Louis COTTIGNY",
     [("Mme", "Emmanuelle", "LEVEUGLE", "present", False, None, False),
      ("M.", "Jean-Louis", "COTTIGNY", "present", False, None, False),
      ("M.", "Michel", "DAGBERT", "excused", False, None, False),
      ("M.", "Paul", "DURAND", "absent", True, None, False),
      ("Mme", "Anne", "PETIT", "represented", True, "Jean-Louis COTTIGNY", False)]),
    # Montpellier: absents who voted by proxy, the holder not named
    ("Absents ayant voté par procuration en application de l'article L 2121-20 du Code\n"
     "Général des Collectivités Territoriales :\nStéphanie JANNIN,Bernard TRAVIER.\nAbsents :",
     [(None, "Stéphanie", "JANNIN", "represented", True, None, False),
      (None, "Bernard", "TRAVIER", "represented", True, None, False)]),
    # plural civilities carried over surnames alone (Avranches)
    ("Étaient présents : M. NICOLAS, Maire\nMME  COCHAT,  MM  LAINE, PENNEC, COSSEC, adjoints,\n"
     "MMES  FAUVEL,  PAYEN,  M.  CLAVEAU, conseillers municipaux,",
     [("M.", None, "NICOLAS", "present", True, None, False),
      ("Mme", None, "COCHAT", "present", True, None, False),
      ("M.", None, "LAINE", "present", True, None, False),
      ("M.", None, "PENNEC", "present", True, None, False),
      ("M.", None, "COSSEC", "present", True, None, False),
      ("Mme", None, "FAUVEL", "present", True, None, False),
      ("Mme", None, "PAYEN", "present", True, None, False),
      ("M.", None, "CLAVEAU", "present", True, None, False)]),
    # mixed case, dashes, a remark in parentheses
    ("Etaient présents :\nChristine Aranéo - Marcel Augier - Nabih Nejjar (arrivé en\ncours de séance) - "
     "Yves Meunier (Suppléant Laurence Boyer) - Jade Petit.",
     [(None, "Christine", "Aranéo", "present", True, None, False),
      (None, "Marcel", "Augier", "present", True, None, False),
      (None, "Nabih", "Nejjar", "present", True, None, False),
      (None, "Yves", "Meunier", "present", True, None, False),
      (None, "Jade", "Petit", "present", True, None, False)]),
])
def test_attendance_parse_block_wordings(block: str, expected: list[tuple]) -> None:
    assert rows(parse_block(block)) == expected


def _names(entries: list[Entry]) -> list[tuple]:
    return [(e.person.civility, e.person.full_name, e.status, e.proxy_holder) for e in entries]


@pytest.mark.parametrize("block, expected", [
    # Chéméré 2014: groups by role, a mixed plural civility "M. MMES" (no civility for anybody),
    # a full stop after a group's wrapped label that does not end the list
    ("Présents:\nM. Georges LECLEVE, Maire\nM. MMES Virginie PORCHER, Gérard\nCHAUVET, Adjoints\n"
     "M. MMES Karine FOUQUET, Anthony LATOUCHE, Conseillers municipaux\ndélégués.\n"
     "M. MMES Sylviane GIBET, Tatiana\nBERTHELOT, Conseillers municipaux\nAbsents excusés :\n"
     "M. Michel GRAVOUIL, Adjoint, pouvoir donné à M. Georges\nLECLEVE\n"
     "A été élu secrétaire de séance : M. Anthony LATOUCHE",
     [("M.", "Georges LECLEVE", "present", None), (None, "Virginie PORCHER", "present", None),
      (None, "Gérard CHAUVET", "present", None), (None, "Karine FOUQUET", "present", None),
      (None, "Anthony LATOUCHE", "present", None), (None, "Sylviane GIBET", "present", None),
      (None, "Tatiana BERTHELOT", "present", None),
      ("M.", "Michel GRAVOUIL", "represented", "Georges LECLEVE")]),
    # the same with "Messieurs, Mesdames" spelled out and the full stop after "Adjointes."
    ("Présents : Messieurs, Mesdames Anne DURAND, Paul MARTIN, Adjoints.\n"
     "MM. MMES Luc PETIT, Rose NOIR, conseillers municipaux.\nAbsente : Mme Léa BLANC",
     [(None, "Anne DURAND", "present", None), (None, "Paul MARTIN", "present", None),
      (None, "Luc PETIT", "present", None), (None, "Rose NOIR", "present", None),
      ("Mme", "Léa BLANC", "absent", None)]),
    # a line justified by the layout, its word gaps read as tabs, beside the margin's date
    ("Présents:\n8 octobre 2008\tM.\tBernard CHAZELAS,\tPhilippe GAILLARD,\tJean-Marie\n"
     "GATARD, Adjoints\nM. MMES Jean-Pierre GRANDJOUAN,\n"
     "Jacques\tCHEVALIER,\tNicolas\tBOUCHER,\tMarie-Josèphe\nBATARD, Conseillers municipaux",
     [("M.", "Bernard CHAZELAS", "present", None), (None, "Philippe GAILLARD", "present", None),
      (None, "Jean-Marie GATARD", "present", None), (None, "Jean-Pierre GRANDJOUAN", "present", None),
      (None, "Jacques CHEVALIER", "present", None), (None, "Nicolas BOUCHER", "present", None),
      (None, "Marie-Josèphe BATARD", "present", None)]),
    # one absent per line, some without civility ("M" without its dot), each "Name, function,
    # pouvoir donné à Holder"; a function label cut by the line break
    ("Présents:\nM. Jean-Paul LERAY, Maire\nM. Jacques CHEVALIER, Nicolas BOUCHER, Conseillers munici-\n"
     "paux délégués\nAbsents excusés et pouvoirs donnés :\n"
     "M. Jean-Marie GATARD, Adjoint, pouvoir donné à M. Georges\nLECLEVE\n"
     "Jean-Pierre GRANDJOUAN, Adjoint, pouvoir donné à M. Jean-Paul\nLERAY\n"
     "M Lionel LESCURAT, Conseiller Municipal, procuration à M.\nNicolas BOUCHER\n"
     "Paul PIPAUD, Conseiller municipal.\nA été élu secrétaire de séance : M. Jacques CHEVALIER",
     [("M.", "Jean-Paul LERAY", "present", None), ("M.", "Jacques CHEVALIER", "present", None),
      (None, "Nicolas BOUCHER", "present", None),
      ("M.", "Jean-Marie GATARD", "represented", "Georges LECLEVE"),
      (None, "Jean-Pierre GRANDJOUAN", "represented", "Jean-Paul LERAY"),
      ("M.", "Lionel LESCURAT", "represented", "Nicolas BOUCHER"),
      (None, "Paul PIPAUD", "excused", None)]),
    # the secretary's line justified by the layout, its words split by tabs, ends the list
    ("Absente excusée :\nMME Karine FOUQUET, Conseillère municipale déléguée,\n"
     "pouvoir donné à MME Marie-Laure DAVID\nA\tété\télue\tsecrétaire\tde\tséance :\tMME Tatiana\n"
     "BERTHELOT\nDate d’affichage\t19 décembre 2014",
     [("Mme", "Karine FOUQUET", "represented", "Marie-Laure DAVID")]),
    ("Absents excusés :\nM. Nicolas BOUCHER, Conseiller municipal, pouvoir donné\nà M. Dominique MUSLEWSKI\n"
     "A été élu secrétaire de séance :\tM.\tDominique\nMUSLEWSKI",
     [("M.", "Nicolas BOUCHER", "represented", "Dominique MUSLEWSKI")]),
    # a comma left out between two names, Prénom NOM and NOM Prénom
    ("Présents : Georges LECLEVE, Jean-Marie GATARD Alain\nGUILBAUD, Jean-Pierre GRANDJOUAN, Adjoints",
     [(None, "Georges LECLEVE", "present", None), (None, "Jean-Marie GATARD", "present", None),
      (None, "Alain GUILBAUD", "present", None), (None, "Jean-Pierre GRANDJOUAN", "present", None)]),
    ("Présents : DUPONT Jean MARTIN Paul, LE GALL Véronique",
     [(None, "Jean DUPONT", "present", None), (None, "Paul MARTIN", "present", None),
      (None, "Véronique LE GALL", "present", None)]),
])
def test_attendance_lists_by_role(block: str, expected: list[tuple]) -> None:
    """Minutes that list the members by role (Maire, Adjoints, Conseillers), as Chéméré's do."""
    assert _names(parse_block(block)) == expected
P_ = "present"


@pytest.mark.parametrize("block, expected", [
    # NOM Prénom without civility, an initial for a first name, a particle before the surname
    ("Étaient présents : HENRY Josiane, BAILLY B., de LA FOSSE Guy, HUET Jean-Pierre.\nAbsents : VASSEUR J.\n"
     "Pouvoirs : HUBERT Solène à DECOCK Marc-Antoine, COUSIN Grégory à TRANCHANT Céline.",
     [(None, "Josiane", "HENRY", P_, True, None, False), (None, "B.", "BAILLY", P_, True, None, False),
      (None, "Guy", "de LA FOSSE", P_, True, None, False), (None, "Jean-Pierre", "HUET", P_, True, None, False),
      (None, "J.", "VASSEUR", "absent", True, None, False),
      (None, "Solène", "HUBERT", "represented", True, "Marc-Antoine DECOCK", False),
      (None, "Grégory", "COUSIN", "represented", True, "Céline TRANCHANT", False)]),
    # "Présents : Mme d'ALMEIDA Sandrine (Landerneau)": a commune in parentheses is no name
    ("Présents : M. LEBLANC Nicolas (Landerneau), Mme d'ALMEIDA Sandrine (Saint-Urbain).",
     [("M.", "Nicolas", "LEBLANC", P_, True, None, False), ("Mme", "Sandrine", "d'ALMEIDA", P_, True, None, False)]),
    # names between dashes, no civility, particles in capitals and lower case (H template)
    ("Étaient présents : Isabelle AUBERT – Corinne AUGER – Ludovic de LA FOSSE – Damien LE GALL – Anne-Claire\n"
     "Le ROUX.",
     [(None, "Isabelle", "AUBERT", P_, True, None, False), (None, "Corinne", "AUGER", P_, True, None, False),
      (None, "Ludovic", "de LA FOSSE", P_, True, None, False), (None, "Damien", "LE GALL", P_, True, None, False),
      (None, "Anne-Claire", "Le ROUX", P_, True, None, False)]),
    # "représentés : X par Y" (G template)
    ("Étaient représentés : Mme Pascale ROLLAND par Mme Martine BOUVIER, M. Jean-Pierre HERBERT\n"
     "par Mme Véronique PASQUIER.\nAbsents : M. Gérard BOURGEOIS, M. Julien de LA MOTTE.",
     [("Mme", "Pascale", "ROLLAND", "represented", True, "Martine BOUVIER", False),
      ("M.", "Jean-Pierre", "HERBERT", "represented", True, "Véronique PASQUIER", False),
      ("M.", "Gérard", "BOURGEOIS", "absent", True, None, False),
      ("M.", "Julien", "de LA MOTTE", "absent", True, None, False)]),
    # one entry per line, no separator; "jusqu'à son arrivée" after the holder; a line with a
    # full stop does not end a list whose next line is one more entry (Aiglun 2013)
    ("Excusés / pouvoirs : Louis DERUMAUX donne pouvoir à Philippe SCHODET jusqu'à son arrivée.\n"
     "Karine ESMIOL donne pouvoir à Danielle DAUBE\nJulien PONS donne pouvoir à Bernard BRUNO.\nMyriam TRAVERSA\n"
     "Secrétaire de séance : Danielle DAUBE",
     [(None, "Louis", "DERUMAUX", "represented", True, "Philippe SCHODET", False),
      (None, "Karine", "ESMIOL", "represented", True, "Danielle DAUBE", False),
      (None, "Julien", "PONS", "represented", True, "Bernard BRUNO", False),
      (None, "Myriam", "TRAVERSA", "excused", True, None, False)]),
    # a count in parentheses after a list; "Absent(s) et absent(s) excusé(s)" does not say who
    # is which: absent (CC des Lisières de l'Oise)
    ("Absent(s) ayant donné procuration à :\nM. Michel POTIER donne procuration à M. Eric BEGUIN,\n"
     "Mme Nicole TUAL donne procuration à M. Etienne FRERE (2)\nAbsent(s) et absent(s) excusé(s) :\n"
     "Mme Jocelyne BRASSEUR, M. Stéphane DECULTOT (2)",
     [("M.", "Michel", "POTIER", "represented", True, "Eric BEGUIN", False),
      ("Mme", "Nicole", "TUAL", "represented", True, "Etienne FRERE", False),
      ("Mme", "Jocelyne", "BRASSEUR", "absent", True, None, False),
      ("M.", "Stéphane", "DECULTOT", "absent", True, None, False)]),
    # first names alone (Couthenans 2021), "&" before the last one
    ("Présents :\nJean-Pierre, Yves, Anne-Marie, David &\nAdeline (procuration à Mario)\nAbsent\nHélène\n"
     "Ordre du jour :",
     [(None, "Jean-Pierre", None, P_, True, None, False), (None, "Yves", None, P_, True, None, False),
      (None, "Anne-Marie", None, P_, True, None, False), (None, "David", None, P_, True, None, False),
      (None, "Adeline", None, "represented", True, "Mario", False), (None, "Hélène", None, "absent", True, None, False)]),
    # a mixed plural civility gives none; roles interrupt the list (Chéméré)
    ("Présents:\nM. Georges LECLEVE, Maire\nM. MMES Virginie PORCHER, Marie-Laure DAVID, Gérard\n"
     "CHAUVET, Adjoints\nM. MMES Jean-Marc VOYAU, Karine FOUQUET, Conseillers municipaux\ndélégués.\n"
     "M. MMES Sylviane GIBET, Anne BRUNETEAU, Philippe\nBRIAND, Conseillers municipaux.\nAbsents excusés :\n"
     "M. Michel GRAVOUIL, Adjoint, pouvoir donné à M. Georges\nLECLEVE",
     [("M.", "Georges", "LECLEVE", P_, True, None, False), (None, "Virginie", "PORCHER", P_, True, None, False),
      (None, "Marie-Laure", "DAVID", P_, True, None, False), (None, "Gérard", "CHAUVET", P_, True, None, False),
      (None, "Jean-Marc", "VOYAU", P_, True, None, False), (None, "Karine", "FOUQUET", P_, True, None, False),
      (None, "Sylviane", "GIBET", P_, True, None, False), (None, "Anne", "BRUNETEAU", P_, True, None, False),
      (None, "Philippe", "BRIAND", P_, True, None, False),
      ("M.", "Michel", "GRAVOUIL", "represented", True, "Georges LECLEVE", False)]),
    # a separator lost between two names in mixed case (Roannais 2021)
    ("Etaient présents :\nMuriel Marcellin - Yves Nicolin Mahdi Nouibat - Gilles Passot (arrivé en cours de séance)- Jade Petit.",
     [(None, "Muriel", "Marcellin", P_, True, None, False), (None, "Yves", "Nicolin", P_, True, None, False),
      (None, "Mahdi", "Nouibat", P_, True, None, False), (None, "Gilles", "Passot", P_, True, None, False),
      (None, "Jade", "Petit", P_, True, None, False)]),
    # one entry per line after a holder wrapped alone ("… à M. Georges" / "LECLEVE"), MLLE and MME
    # opening entries and ending lines, and the secretary line closing the list (Chéméré, 2009–2015)
    ("Absents excusés et pouvoirs donnés :\nM. Jean-Marie GATARD, Adjoint, pouvoir donné à M. Georges\nLECLEVE\n"
     "Jean-Pierre GRANDJOUAN, Adjoint, pouvoir donné à M. Jean-Paul\nLERAY\nMLLE Alice BICZYSKO, Conseillère "
     "municipale, pouvoir donné à MME\nVirginie PORCHER\nPaul PIPAUD, Conseiller municipal.\n"
     "A été élu secrétaire de séance :\tM.\tDominique\nMUSLEWSKI",
     [("M.", "Jean-Marie", "GATARD", "represented", True, "Georges LECLEVE", False),
      (None, "Jean-Pierre", "GRANDJOUAN", "represented", True, "Jean-Paul LERAY", False),
      ("Mme", "Alice", "BICZYSKO", "represented", True, "Virginie PORCHER", False),
      (None, "Paul", "PIPAUD", "excused", True, None, False)]),
    # members listed under their political group: the group is never a person
    ("Étaient présents : Groupe Majorité : M. Paul DURAND, Mme Anne PETIT ; Non-inscrits : Luc MARTIN, Non-inscrits",
     [("M.", "Paul", "DURAND", P_, True, None, False), ("Mme", "Anne", "PETIT", P_, True, None, False),
      (None, "Luc", "MARTIN", P_, True, None, False)]),
    # attendance as one sentence: counts, then the names in parentheses
    ("Présents : 25 – Représentés : 2 (Mme Anne PETIT par M. Paul DURAND, M. Luc MARTIN par Mme Rose BLANC) – "
     "Absents : 1 (M. Jean NOIR)",
     [("Mme", "Anne", "PETIT", "represented", True, "Paul DURAND", False),
      ("M.", "Luc", "MARTIN", "represented", True, "Rose BLANC", False), ("M.", "Jean", "NOIR", "absent", True, None, False)]),
    ("Il y avait 15 présents, 1 représenté (M. Albert VERT par M. Bruno ROUGE) et 2 absents excusés (M. Eric GRIS, "
     "Mme Diane ROSE).",
     [("M.", "Albert", "VERT", "represented", True, "Bruno ROUGE", False), ("M.", "Eric", "GRIS", "excused", True, None, False),
      ("Mme", "Diane", "ROSE", "excused", True, None, False)]),
    ("Le Conseil, 15 présents (quorum atteint), délibère.", []),   # a parenthesis without names
    # a justified line (wide gaps read as tabs), two names without their comma, the secretary
    # line closing a list on a name (Chéméré)
    ("Présents:\nM. MMES Jean-Marc VOYAU, Jean-Marie GATARD Alain\nGUILBAUD,\nKarine\tFOUQUET,\tRomain\tRUNGOAT,\tSabrina\n"
     "PENNETIER-BIGOT, Conseillers municipaux délégués.\nA\tété\télue\tsecrétaire\tde\tséance :\tMME Tatiana\nBERTHELOT",
     [(None, "Jean-Marc", "VOYAU", P_, True, None, False), (None, "Jean-Marie", "GATARD", P_, True, None, False),
      (None, "Alain", "GUILBAUD", P_, True, None, False), (None, "Karine", "FOUQUET", P_, True, None, False),
      (None, "Romain", "RUNGOAT", P_, True, None, False), (None, "Sabrina", "PENNETIER-BIGOT", P_, True, None, False)]),
    # written for other councils: "Absents / Excusés", "Procuration de X à Y"
    ("Présents : Mme Anne DURAND, M. Paul MARTIN\nAbsents / Excusés : M. Luc PETIT, Mme Rose BLANC",
     [("Mme", "Anne", "DURAND", P_, True, None, False), ("M.", "Paul", "MARTIN", P_, True, None, False),
      ("M.", "Luc", "PETIT", "absent", True, None, False), ("Mme", "Rose", "BLANC", "absent", True, None, False)]),
])
def test_attendance_parse_block_more_wordings(block: str, expected: list[tuple]) -> None:
    assert rows(parse_block(block)) == expected


@pytest.mark.parametrize("block, elsewhere, expected", [
    # a surname cut by the line end: rejoined when the document prints it whole elsewhere
    ("Présents : Mme Karine BOU-\nVIER, M. Ludo-\nvic LEFEBVRE, Mme Mireille HINGREZ-\nCÉRÉDA, M. Jean-\nClaude LEROY",
     "Secrétaire : Mme Karine BOUVIER",
     ["Karine BOUVIER", "Ludovic LEFEBVRE", "Mireille HINGREZ-CÉRÉDA", "Jean-Claude LEROY"]),
    ("Présents : M. Sébastien CARPEN-\nTIER, Mme Ma-\nrie-Laure DE-\nWAELE", "à Sébastien CARPENTIER, à Marie-Laure DEWAELE",
     ["Sébastien CARPENTIER", "Marie-Laure DEWAELE"]),
    ("Présents : M. Paul DUPONT-\nMORETTI", "", ["Paul DUPONT-MORETTI"]),   # no evidence: the hyphen stays
])
def test_attendance_surname_cut_at_line_end(block: str, elsewhere: str, expected: list[str]) -> None:
    text = block + "\n" + elsewhere

    def seen(word: str) -> bool:
        import re
        return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None
    assert [e.person.full_name for e in parse_block(block, seen)] == expected


@pytest.mark.parametrize("block, counts", [
    ("Etaient présents :\nMme Agnès BACHELART, M. Laurent BARGADA (2)\nAbsent(s) ayant donné procuration à :\n"
     "M. Jean-Marie BOUCHEZ donne procuration à M. Laurent BARGADA (1)", {"present": 2, "represented": 1}),
    ("Présents : M. Paul DURAND, Mme Anne PETIT", {}),
])
def test_attendance_block_counts(block: str, counts: dict) -> None:
    assert block_counts(block) == counts


def test_attendance_item_moves_from_list_remarks() -> None:
    """"Myriam TRAVERSA (arrivée au début de la délibération n°03)" (Aiglun, December 2013): absent
    from items 1 and 2, present from item 3; "(parti après le point 4)": absent from item 5."""
    entries = parse_block("Présents : Daniel JUGY, Myriam TRAVERSA (arrivée au début de la délibération n°03),\n"
                          "Paul DURAND (parti après le point 4).")
    status = {r: [e.status for e in apply_item_moves(entries, r)] for r in (1, 3, 4, 5)}
    assert status == {1: ["present", "absent", "present"], 3: ["present", "present", "present"],
                      4: ["present", "present", "present"], 5: ["present", "present", "absent"]}
    assert apply_item_moves(entries, None) == entries


def test_attendance_void_proxy_for_one_item() -> None:
    """Aiglun, October 2013: the holder is recused, the proxy "n'est pas pris en compte"."""
    entries = parse_block("Présents : Philippe POULEAU, Daniel JUGY\nPouvoirs : Fabienne SALADO donne pouvoir à "
                          "Philippe POULEAU")
    text = ("Monsieur Philippe Pouleau, concerné professionnellement, sort de la salle et ne participe ni au débat "
            "ni au vote et le pouvoir de madame Fabienne Salado à monsieur Philippe Pouleau n'est pas pris en compte.")
    out = apply_void_proxies(apply_recusals(entries, text), text)
    assert rows(out) == [(None, "Philippe", "POULEAU", "present", True, None, True),
                         (None, "Daniel", "JUGY", "present", True, None, False),
                         (None, "Fabienne", "SALADO", "excused", True, None, False)]


def test_attendance_table_by_commune_keeps_only_names() -> None:
    """C template: "Commune | Délégués présents", the commune column is not a person."""
    block = ("Étaient présents :\nCommune\tDélégués présents\n"
             "M. Julien GUÉRIN, Mme Corinne DECOCK, M. Michel\nBoulogne-sur-Mer\tSCHMITT, Mme Sophie FONTAINE\n"
             "Outreau\tMme Murielle ESTIENNE\nLe Portel\tM. Jean-Marc DENIS\n"
             "Excusés : M. Pierre LEBRETON.")
    assert [(e.person.full_name, e.status) for e in parse_block(block)] == [
        ("Julien GUÉRIN", "present"), ("Corinne DECOCK", "present"), ("Michel SCHMITT", "present"),
        ("Sophie FONTAINE", "present"), ("Murielle ESTIENNE", "present"), ("Jean-Marc DENIS", "present"),
        ("Pierre LEBRETON", "excused")]


@pytest.mark.parametrize("block, expected", [
    # a commune in capitals in the commune column, a commune glued before a civility
    ("Délégués présents :\nCommune\tDélégués\nSAINT-OMER\tM. Jean DUPONT, Mme Anne PETIT\n"
     "ARQUES\tLuc MARTIN\nWimereux Mme Céline GAILLARD\nExcusés : M. Pierre LEBRETON.",
     [("Jean DUPONT", "present"), ("Anne PETIT", "present"), ("Luc MARTIN", "present"), ("Céline GAILLARD", "present"),
      ("Pierre LEBRETON", "excused")]),
])
def test_attendance_commune_never_glued_to_a_name(block: str, expected: list[tuple]) -> None:
    assert [(e.person.full_name, e.status) for e in parse_block(block)] == expected


def test_attendance_list_ends_before_the_title() -> None:
    """The act's title in capitals after the list is not a name."""
    block = ("Excusé(s) sans voix délibérative : M. Michel DAGBERT, M. Jean-Marc TELLIER\n"
             "ACTEURS POUR UNE ÉCONOMIE SOLIDAIRE - CONTRIBUTION AUX\nPOLITIQUES DÉPARTEMENTALES")
    assert [e.person.full_name for e in parse_block(block)] == ["Michel DAGBERT", "Jean-Marc TELLIER"]


@pytest.mark.parametrize("label, expected", [
    ("Étaient présents", ("present", True)),
    ("Absents excusés ayant donné procuration", ("represented", True)),
    ("Excusés / pouvoirs", ("excused", True)),                    # with a holder: represented
    ("Absents excusés et pouvoirs donnés", ("excused", True)),
    ("Absent(s) et absent(s) excusé(s)", ("absent", True)),       # who is which is not said
    ("Absents / Excusés", ("absent", True)),
    ("Absent(s) ayant donné pouvoir", ("represented", True)),
    ("Assistant également sans voix délibérative", ("present", False)),
    ("Excusé(s) sans voix délibérative", ("excused", False)),
    ("Absents non excusés", ("absent", True)),
    ("Etait absent non excusé", ("absent", True)),
    ("Absente excusée", ("excused", True)),
    ("Absents excusés et pouvoirs donnés", ("excused", True)),   # a name with a holder: represented
    ("Absent excusé et pouvoir donné", ("excused", True)),
    ("Secrétaire de séance", None),
    ("Assistaient", None),          # staff, not members
    # the proxy denied: the rest of the label says the status
    ("Absent non représenté", ("absent", True)),
    ("Absents non représentés", ("absent", True)),
    ("Absente non-représentée", ("absent", True)),
    ("Excusés sans pouvoir", ("excused", True)),
    ("Absent excusé sans procuration", ("excused", True)),
    ("Excusée n'ayant pas donné de pouvoir", ("excused", True)),
    ("Excusés avec pouvoir", ("represented", True)),     # a proxy said, not denied
    ("Absents représentés", ("represented", True)),
])
def test_attendance_classify_label(label: str, expected: tuple | None) -> None:
    assert classify_label(label) == expected


def test_attendance_secretary_line_is_not_a_row() -> None:
    entries = parse_block("Présents : Mme MONNIER Martine, Mme MASSON Sylvie.\nSecrétaire de séance : Mme MASSON Sylvie")
    assert [e.person.full_name for e in entries] == ["Martine MONNIER", "Sylvie MASSON"]


@pytest.mark.parametrize("sentence, recused", [
    ("Madame Brigitte LEGRAND, intéressée à l'affaire, n'a pris part ni au débat, ni au vote ;", "Brigitte LEGRAND"),
    ("Nathalie ROCA informe que Dominique BARBE ne prend pas part au vote faisant partie du bureau.", "Dominique BARBE"),
    ("M. Paul DURAND quitte la séance pendant l'examen de ce point.", "Paul DURAND"),
    ("M. DURAND ne participe pas au vote.", "Paul DURAND"),
    ("Madame Brigitte LEGRAND, intéressée à l'affaire, ne prend part ni au débat ni au vote ;", "Brigitte LEGRAND"),
    ("Monsieur Paul Durand, concerné professionnellement, sort de la salle et ne participe ni au débat ni au vote.",
     "Paul DURAND"),
    ("M. Paul DURAND, adjoint, ne participe ni au débat, ni au vote.", "Paul DURAND"),
    ("Mme LEGRAND et M. DURAND ne prennent pas part au vote.", "Brigitte LEGRAND, Paul DURAND"),
    # Avranches 2017: a plural civility, a surname alone in mixed case
    ("(Mesdames Legrand, Roca et Monsieur Durand quittent la salle et ne participent pas au vote)",
     "Brigitte LEGRAND, Paul DURAND, Nathalie ROCA"),
])
def test_attendance_recusal(sentence: str, recused: str) -> None:
    entries = parse_block("Présents : Mme Brigitte LEGRAND, M. Paul DURAND, Mme Nathalie ROCA\n"
                          "Excusés : M. Dominique BARBE (donne procuration à Mme Nathalie ROCA)")
    out = apply_recusals(entries, sentence)
    assert [e.person.full_name for e in out if e.recused] == recused.split(", ")


@pytest.mark.parametrize("sentence, recused", [
    ("Monsieur le Maire quitte la salle et ne prend pas part au vote.", ["Paul DURAND"]),
    ("Le Maire sort de la salle pendant l'examen de ce point.", ["Paul DURAND"]),
    ("Mme LEGRAND, adjointe, préside la séance. M. le Maire ne participe ni au débat ni au vote.", ["Paul DURAND"]),
    ("Le Maire de la commune voisine ne prend pas part au vote.", []),  # another mayor
])
def test_attendance_recusal_of_the_chair(sentence: str, recused: list[str]) -> None:
    """The mayor leaving the room for one item: named by office, the act's president."""
    entries = parse_block("Présents : Mme Brigitte LEGRAND, M. Paul DURAND, Mme Nathalie ROCA")
    out = apply_recusals(entries, sentence, "Paul DURAND")
    assert [e.person.full_name for e in out if e.recused] == recused


def test_attendance_recusal_unknown_person_changes_nothing() -> None:
    entries = parse_block("Présents : Mme Brigitte LEGRAND, M. Paul DURAND")
    assert not any(e.recused for e in apply_recusals(entries, "M. Jean MARTIN ne prend pas part au vote."))


def test_attendance_arrivals_and_departures() -> None:
    entries = parse_block("Présents : M. Eric ROBERT, Mme Bernadette CORVISIER\nAbsents : M. Gilles PASSOT")
    out = apply_movements(entries, "Départ de Monsieur Eric ROBERT (procuration à Bernadette CORVISIER)\n"
                                   "Arrivée de Gilles PASSOT\n")
    assert [(e.person.full_name, e.status, e.proxy_holder) for e in out] == [
        ("Eric ROBERT", "represented", "Bernadette CORVISIER"), ("Bernadette CORVISIER", "present", None),
        ("Gilles PASSOT", "present", None)]
    back = apply_movements(out, "Retour de Eric ROBERT\nMadame Bernadette CORVISIER expose :")
    assert back[0].status == "present" and back[0].proxy_holder is None


@pytest.mark.parametrize("text, holders", [
    # the holder by surname alone is the one member of that name, in full
    ("Étaient présents : M. DUPONT Jean, Mme MARTIN Marie\nÉtaient excusés : M. PETIT Paul (pouvoir à M. DUPONT), "
     "Mme LEROY Anne (procuration à Mme MARTIN)", ["Jean DUPONT", "Marie MARTIN"]),
    ("Présents : Jean DUPONT, Marie MARTIN\nPouvoirs : Paul PETIT à Monsieur DUPONT", ["Jean DUPONT"]),
    # two members of that name, or none: as printed
    ("Présents : Jean DUPONT, Paul DUPONT\nExcusé : Luc PETIT (pouvoir à M. DUPONT)", ["DUPONT"]),
    ("Présents : Jean DUPONT\nExcusé : Luc PETIT (pouvoir à M. BERNARD)", ["BERNARD"]),
])
def test_attendance_proxy_holder_named_in_full(text: str, holders: list[str]) -> None:
    assert [e.proxy_holder for e in parse_block(text) if e.proxy_holder] == holders


@pytest.mark.parametrize("text, names", [
    ("Présents : A.-M. LEROY, J.-P. DUPONT", ["A.-M. LEROY", "J.-P. DUPONT"]),
    ("Présents : J. DUPONT, A.-M. LEROY, M-C. PETIT", ["J. DUPONT", "A.-M. LEROY", "M.-C. PETIT"]),
    ("Présents : Mme A.-M. LEROY, M. J.-P. DUPONT, J.M. BLANC", ["A.-M. LEROY", "J.-P. DUPONT", "J.M. BLANC"]),
])
def test_attendance_compound_initials(text: str, names: list[str]) -> None:
    """The second initial of "A.-M." is no civility: the member keeps both."""
    assert [e.person.full_name for e in parse_block(text)] == names


def test_attendance_movements_read_once_per_document_as_item_by_item() -> None:
    """Movements read once over the minutes give, at every vote, what reading the text from
    the preamble to that vote gives (a name or a proxy cut by the vote included)."""
    import dataclasses

    from extractors.attendance import apply_movements_until
    from tests.conftest import make_document

    entries = parse_block("Présents : M. Eric ROBERT, Mme Bernadette CORVISIER, M. Paul DURAND\n"
                          "Absents : M. Gilles PASSOT, Mme Anne PETIT")
    items = []
    for k in range(12):
        items.append(f"{k + 1}. Point {k + 1}\nLe conseil délibère sur le point {k + 1}. " + "Texte. " * 30)
        items.append(["Départ de Monsieur Eric ROBERT (procuration à Bernadette CORVISIER)",
                      "Arrivée de Gilles PASSOT", "M. Paul DURAND quitte la séance.", "Retour de Eric ROBERT",
                      "Mme Anne PETIT rejoint la séance.", "Départ de Madame Anne PETIT"][k % 6])
    text = "Ville de X\tPage 1\n" + "\n".join(items) + "\nFin."
    doc = dataclasses.replace(make_document(text), furniture=(Span(0, text.index("\n") + 1),))
    start = text.index("1. Point")
    stops = sorted({*range(start + 1, len(text), 97), *(text.index(w, start) + d for w in ("Départ", "Arrivée")
                                                         for d in (3, 12, 40, 60))})
    for stop in stops:
        assert apply_movements_until(entries, doc, start, stop) == \
            apply_movements(entries, doc.clean(Span(start, stop))), stop
    final = apply_movements_until(entries, doc, start, len(text))
    assert [(e.person.full_name, e.status) for e in final] == [
        ("Eric ROBERT", "present"), ("Bernadette CORVISIER", "present"), ("Paul DURAND", "absent"),
        ("Gilles PASSOT", "present"), ("Anne PETIT", "absent")]


@pytest.mark.parametrize("text", [
    "Monsieur Paul DURAND se retire de la salle du conseil et ne participe pas au vote.",   # Chéméré 2015
    "M. Paul DURAND quitte la séance pendant l'examen de ce point.",
    "M. Paul DURAND quitte la salle et ne prend part ni au débat ni au vote.",
])
def test_attendance_leaving_for_one_item_is_no_departure(text: str) -> None:
    entries = parse_block("Présents : M. Paul DURAND, Mme Anne PETIT")
    assert [e.status for e in apply_movements(entries, text)] == ["present", "present"]


@pytest.mark.parametrize("arrival", [
    "ARRIVEE DE NADIA GALIANA",      # Saint-Restitut 2016 (scan), after item 1's vote
    "ARRIVEE ISABELLE MEJEAN",       # the same minutes, without "de"
    "Arrivée de Madame Nadia GALIANA.",
])
def test_attendance_a_listed_member_arriving_later_is_absent_before(arrival: str) -> None:
    """The présents list names a member whose arrival is announced later: absent from the
    items voted before, present from the items after; a return after a departure is no
    late arrival."""
    from extractors.attendance import apply_late_arrivals, late_arrivals

    name = "N.GALIANA" if "GALIANA" in arrival else "I.MEJEAN"
    entries = parse_block(f"Etaient présents : C.FOROT — {name} — M.DENISE")
    text = f"1. APPROBATION\nVote : 11 POUR\n{arrival}\n2. BUDGET\nVote : 12 POUR\n"
    arrivals = late_arrivals(text, f"t-{arrival}", 0)
    before = apply_late_arrivals(entries, arrivals, text.index("Vote : 11"))
    after = apply_late_arrivals(entries, arrivals, text.index("Vote : 12"))
    assert [e.status for e in before] == ["present", "absent", "present"]
    assert [e.status for e in after] == ["present", "present", "present"]
    back = "1. A\nVote : 9 POUR\nDépart de C.FOROT\n2. B\nVote : 8 POUR\nRetour de C.FOROT\n3. C\nVote : 9 POUR"
    assert late_arrivals(back, "t-back", 0) == []


@pytest.mark.parametrize("movement, status", [
    ("Mme Anne PETIT rejoint la séance à 20h50.", "present"),
    ("Mme Anne PETIT rejoint la séance.", "present"),
    ("Mme Anne PETIT entre en séance au cours de l'examen de ce point.", "present"),
    ("Mme Anne PETIT arrive en séance.", "present"),
    ("Mme Anne PETIT quitte la séance.", "absent"),
])
def test_attendance_movement_written_name_first(movement: str, status: str) -> None:
    """A movement whose sentence opens on the name ("Mme X rejoint la séance", no "Arrivée
    de" before it) is read (it crashed the reader of late arrivals), and is for the items
    after it."""
    from extractors.attendance import apply_late_arrivals, late_arrivals

    entries = parse_block("Présents : M. Paul DURAND\nAbsents excusés : Mme Anne PETIT")
    if status == "absent":
        entries = parse_block("Présents : M. Paul DURAND, Mme Anne PETIT")
    text = f"1. APPROBATION\nVote : unanimité\n{movement}\n2. BUDGET\nVote : unanimité\n"
    arrivals = late_arrivals(text, f"t-{movement}", 0)
    before = apply_movements(entries, text[: text.index(movement)])
    after = apply_movements(apply_late_arrivals(entries, arrivals, text.index("2. BUDGET")), text)
    assert [e.status for e in before] == ["present", "excused" if status == "present" else "present"]
    assert [e.status for e in after] == ["present", status]


def test_attendance_minutes_carry_session_list_from_act_to_act() -> None:
    """In minutes, an act sees the departures announced before its vote, not the later ones."""
    preamble = "Présents : M. Eric ROBERT, Mme Anne LE GUEN"
    first = make_act((SectionKind.ATTENDANCE, preamble, True),
                     (SectionKind.HEADER, "1 - Budget\nM. Eric ROBERT quitte la séance.", False),
                     (SectionKind.VOTE, "ADOPTE A L'UNANIMITE", False))
    assert [e.status for e in read_attendance(first)] == ["absent", "present"]
    second = make_act((SectionKind.ATTENDANCE, preamble, True),
                      (SectionKind.HEADER, "1 - Budget", False),
                      (SectionKind.VOTE, "ADOPTE A L'UNANIMITE\nM. Eric ROBERT quitte la séance.", False))
    assert [e.status for e in read_attendance(second)] == ["present", "present"]


def test_attendance_split_entries_doc_example() -> None:
    assert [e.person.full_name for e in split_entries("M. DUPONT Jean, Mme MARTIN Sophie", "present", True)] == \
        ["Jean DUPONT", "Sophie MARTIN"]


# ---------------------------------------------------------------------------
# Dev corpus, against the gold files
# ---------------------------------------------------------------------------

FIELDS = ("civility", "first_name", "last_name", "full_name", "status", "voting_rights", "proxy_holder", "recused")


@pytest.mark.skipif(not DEV.exists(), reason="../shared/corpus/dev absent")
@pytest.mark.parametrize("pdf", dev_pdfs("born"), ids=lambda p: p.name)
def test_attendance_dev_born_rows_equal_gold(pdf: Path) -> None:
    from tests.conftest import processed

    result = processed(pdf)
    mine = [tuple(getattr(r, f) for f in FIELDS) for r in result.rows("attendance")]
    gold = [tuple(g[f] for f in FIELDS) for g in load_gold(pdf)["tables"]["attendance"]]
    assert mine == gold


@pytest.mark.parametrize("kind, floor", [("born_digital", 0.99), ("scanned", 0.92)])
def test_attendance_dev_f1_and_precision(dev_scores: dict, kind: str, floor: float) -> None:
    total = dev_scores["scores"][kind]["attendance"]["total"]
    assert total["f1"] >= floor, dev_scores["scores"][kind]["attendance"]
    assert total["precision"] >= 0.98


# ---------------------------------------------------------------------------
# Real documents, checked by eye (docs/real-checks-attendance-votes.md)
# ---------------------------------------------------------------------------

_REAL_CACHE: dict[str, list] = {}


def real_acts(name: str) -> list[Act]:
    """The acts of one real document (read once per test session)."""
    if name not in _REAL_CACHE:
        import dataclasses

        from pipeline.read.furniture import detect_furniture
        from pipeline.read.load import load_document
        from pipeline.segment import segment_document

        doc = load_document(REAL / name)
        _REAL_CACHE[name] = segment_document(dataclasses.replace(doc, furniture=detect_furniture(doc)))
    return _REAL_CACHE[name]


def real_attendance(name: str, marker: str) -> list[tuple]:
    """Attendance of the first act of ``name`` whose text holds ``marker``."""
    acts = real_acts(name)
    act = next(a for a in acts if marker in a.text)
    return [(e.person.full_name, e.status, e.proxy_holder, e.recused)
            for e in read_attendance(act, acts[0].span.start)]


needs_real = pytest.mark.skipif(not REAL.exists(), reason="../shared/corpus/real absent")


@needs_real
def test_real_preuilly_attendance() -> None:
    rows_ = real_attendance("commune-preuilly-sur-claise-2020-07-23-cm-pv.pdf", "2020-038")
    assert rows_[0] == ("Jean-Paul CHARRIER", "present", None, False)
    assert ("Benjamin JALON", "present", None, False) in rows_
    assert rows_[-1] == ("Charlène VENOT", "excused", None, False)
    assert sum(r[1] == "present" for r in rows_) == 14 and len(rows_) == 15


@needs_real
def test_real_lannion_departure_and_return() -> None:
    name = "commune-lannion-2020-06-08-cm-pv.pdf"
    first = real_attendance(name, "Création et composition des commissions")
    assert ("Eric ROBERT", "present", None, False) in first
    assert ("Patrice KERVAON", "represented", "Paul LE BIHAN", False) in first
    assert sum(r[1] == "present" for r in first) == 32
    eleventh = real_attendance(name, "11 - Centre communal")
    assert ("Eric ROBERT", "represented", "Bernadette CORVISIER", False) in eleventh
    eighteenth = real_attendance(name, "Retour de Eric ROBERT")
    assert ("Eric ROBERT", "present", None, False) in eighteenth


@needs_real
def test_real_fargues_attendance_and_recusal() -> None:
    rows_ = real_attendance("commune-fargues-saint-hilaire-2018-12-13-cm-pv.pdf", "Délibération D2018-70")
    assert [r[1] for r in rows_].count("present") == 15
    assert ("Cécile BOUYER", "represented", "Paul CHEVALARD", False) in rows_
    assert ("Dominique BARBE", "represented", "Nathalie ROCA", True) in rows_
    assert ("Ingrid DESLANDES", "absent", None, False) in rows_


@needs_real
def test_real_saint_restitut_initials_and_proxies() -> None:
    rows_ = real_attendance("commune-saint-restitut-2016-03-31-cm-cr-scan.pdf", "APPROBATION COMPTE RENDU")
    assert rows_[:3] == [("C. FOROT", "present", None, False), ("N. VERDON", "present", None, False),
                         ("T. BUSIN", "present", None, False)]
    assert ("W. AUGUSTE", "represented", "C. FOROT", False) in rows_
    assert ("F. THEOLAS", "absent", None, False) in rows_
    assert len(rows_) == 14


@needs_real
def test_real_montpellier_represented_without_holder() -> None:
    rows_ = real_attendance("commune-montpellier-2014-04-24-cm-delib-2014-139.pdf", "Le Conseil Adopte")
    assert [r for r in rows_ if r[1] == "represented"] == [
        ("Stéphanie JANNIN", "represented", None, False), ("Bernard TRAVIER", "represented", None, False),
        ("Dominique MARTIN-PRIVAT", "represented", None, False)]
    assert not any("Montpellier" in (r[0] or "") for r in rows_)


@needs_real
def test_real_larbresle_proxies() -> None:
    rows_ = real_attendance("commune-larbresle-2013-07-09-cm-cr.pdf", "DL-066-07-13")
    assert ("Jean-Claude GROSS", "represented", "Pierre-Jean ZANNETTACCI", False) in rows_
    assert sum(r[1] == "represented" for r in rows_) == 7
    assert ("Soraya BENBALA", "absent", None, False) in rows_


def test_attendance_president_left_out_of_the_list_is_present() -> None:
    """Saint-Restitut: "sous la présidence de Monsieur Yves ARMAND, Maire", then nine names
    under "Etaient présents" and "Présents : 10": the president is the tenth."""
    block = ("Etaient présents : C.FOROT, N.VERDON, T.BUSIN, S.MEARY, H.CHARANCON, N.GALIANA, I.MEJEAN, "
             "M.DENISE, C.BOURRETTE\nAbsent : F.THEOLAS")
    entries = parse_block(block)
    assert len(entries) == 10
    chair = president_entry(entries, "Yves ARMAND", 10)
    assert chair is not None and chair.status == "present" and chair.person.last_name == "ARMAND"
    # not without the printed count to confirm it, nor when the count says otherwise
    assert president_entry(entries, "Yves ARMAND", None) is None
    assert president_entry(entries, "Yves ARMAND", 9) is None
    # nor when the president is in the list already
    assert president_entry(parse_block("Présents : M. Yves ARMAND, C.FOROT"), "Yves ARMAND", 3) is None


@pytest.mark.skipif(not REAL.exists(), reason="../shared/corpus/real absent")
def test_attendance_real_saint_restitut_president_counts() -> None:
    from tests.conftest import processed

    """The header prints "Présents : 10" for the meeting; N. GALIANA arrives after item 1 and
    I. MEJEAN later ("ARRIVEE DE …"). The president is present from the first act; the first
    act lists 8 present and the check says the printed 10 does not hold there; once both have
    arrived, 10 are listed and the count holds."""
    result = processed(REAL / "commune-saint-restitut-2016-03-31-cm-cr-scan.pdf")
    acts = result.rows("acts")
    first, last = acts[0].act_id, acts[-1].act_id

    def checks(act_id: str) -> dict[str, bool]:
        return {q.check: q.passed for q in result.rows("quality") if q.act_id == act_id}

    def present(act_id: str) -> list[str]:
        return [r.full_name for r in result.rows("attendance") if r.act_id == act_id and r.status == "present"]

    assert checks(first)["proxy_holder_present"] and not checks(first)["present_count"]
    assert len(present(first)) == 8 and "Yves ARMAND" in present(first)
    assert not any("GALIANA" in n or "MEJEAN" in n for n in present(first))
    assert checks(last)["present_count"] and checks(last)["proxy_holder_present"]
    assert len(present(last)) == 10 and {"N. GALIANA", "I. MEJEAN", "Yves ARMAND"} <= set(present(last))


def _grid_pdf(tmp_path: Path) -> Path:
    """An absences grid like Roannais Agglomération's: names centred in four columns."""
    from tests.pdfgen import placed_pdf

    rows = [(90, "Ni pouvoir", 205), (100, "Absents", 100), (100, "Ni suppléant", 200), (100, "Suppléant", 320),
            (100, "Pouvoir donné à", 430),
            (120, "Jean-Marc Ambroise", 75), (120, "X", 235),
            (140, "Laurence Boyer", 85), (140, "Yves Meunier", 315),
            (160, "Marie-France Catheland", 65), (160, "Muriel Marcellin", 440),
            (180, "Gilles Passot", 90), (186, "Fabien Lambert", 440),
            (200, "Secrétaire de séance : Denis Vanhecke", 60)]
    return placed_pdf(tmp_path / "grid.pdf", [[(x, y, text) for y, text, x in rows]])


def test_attendance_absences_grid_read_by_columns(tmp_path: Path) -> None:
    from extractors.attendance.table import read_grid
    from pipeline.errors import IssueLog
    from pipeline.read.load import load_document
    from pipeline.options import Options

    doc = load_document(_grid_pdf(tmp_path), Options(ocr=False), IssueLog())
    grid = {r.name: r.cells for r in read_grid(doc, Span(0, len(doc.text)))}
    assert grid == {"Jean-Marc Ambroise": {"none": "X"}, "Laurence Boyer": {"substitute": "Yves Meunier"},
                    "Marie-France Catheland": {"proxy": "Muriel Marcellin"},
                    "Gilles Passot": {"proxy": "Fabien Lambert"}}


@pytest.mark.skipif(not REAL.exists(), reason="../shared/corpus/real absent")
def test_attendance_real_roannais_absences_grid() -> None:
    """Roannais 2021: "Etaient absents : Cf page suivante", then the grid of page 2."""
    from tests.conftest import processed

    result = processed(REAL / "epci-roannais-agglomeration-2021-10-28-cc-pv.pdf")
    acts = result.rows("acts")
    first = next(a.act_id for a in acts if a.body == "conseil_communautaire")
    rows = {r.full_name: r for r in result.rows("attendance") if r.act_id == first}
    assert rows["Marie-France Catheland"].status == "represented"
    assert rows["Marie-France Catheland"].proxy_holder == "Muriel Marcellin"
    assert rows["Jean-Marc Ambroise"].status == "absent"
    assert rows["Laurence Boyer"].status == "absent"  # her substitute sits and votes
    # in the présents list, both arrive later: "Arrivée de Gilles Passot" closes item 1,
    # "Arrivée de Nabih Nejjar" item 2 (an item the council only takes note of: its "Le Conseil
    # communautaire : - prend acte" is where it is decided)
    assert rows["Nabih Nejjar"].status == "absent" and rows["Gilles Passot"].status == "absent"
    assert sum(r.status == "represented" for r in rows.values()) == 12
    assert sum(r.status == "absent" for r in rows.values()) == 8
    second, third = acts[1].act_id, acts[2].act_id
    status = {(r.act_id, r.full_name): r.status for r in result.rows("attendance")}
    assert status[(second, "Gilles Passot")] == "present" and status[(second, "Nabih Nejjar")] == "absent"
    assert status[(third, "Nabih Nejjar")] == "present"
    assert sum(r.status == "absent" for r in result.rows("attendance") if r.act_id == third) == 6
    # the bureau's deliberations item 1 reports are its text, not acts (docs/act-counts.md):
    # item 1, which the council takes note of, is the council's, with the council's attendance
    assert not [a for a in acts if a.body == "bureau"] and len(acts) == 23
    assert acts[0].title.startswith("Exercice des pouvoirs délégués") and acts[0].act_id == first


def _row(status: str, voting: bool = True) -> AttendanceRow:
    return AttendanceRow("a0", "test", 1, None, "Jean", "DUPONT", "Jean DUPONT", status, voting, None, False,
                         "Jean DUPONT", 1)


@pytest.mark.parametrize("statuses, fields, expected", [
    # 3 present + 1 represented may cast 4 votes, not 5
    (["present"] * 3 + ["represented", "absent"], {"votes_for": 4}, {"votes_within_attendance": True}),
    (["present"] * 3 + ["represented", "absent"], {"votes_for": 4, "votes_abstain": 1}, {"votes_within_attendance": False}),
    # printed présents 3, votants 4: one proxy, listed
    (["present"] * 3 + ["represented"], {"members_present": 3, "members_voting": 4}, {"represented_count": True}),
    (["present"] * 3, {"members_present": 3, "members_voting": 5}, {"represented_count": False}),
    (["present"] * 3, {}, {}),                                    # nothing to check against
])
def test_quality_attendance_against_votes(statuses: list[str], fields: dict, expected: dict) -> None:
    from extractors.quality import check_represented_count, check_votes_within_attendance
    from extractors.registry import Found
    found = Found(rows={"attendance": [_row(s) for s in statuses]}, act_fields=dict(fields))
    act = make_act((SectionKind.HEADER, "Objet : Budget", False))
    got = {q.check: q.passed for q in check_votes_within_attendance(act, found) + check_represented_count(act, found)}
    assert got == expected


@pytest.mark.parametrize("block, holders", [
    # the proxy line spells the holder with a slip (Aiglun 2015): the list's spelling names the member
    ("Présents: Daniel JUGY, Sylviane LAURO, Yves BLANCHET.\nExcusés: Marion JUSTRABO donne pouvoir à\n"
     "Sylvianne LAURO, Antonio PEREZ donne pouvoir à Yves BLANCHET.",
     ["Sylviane LAURO", "Yves BLANCHET"]),
    ("Présents : Mme Danielle DAUBE, M. Patrice REVAH.\nPouvoirs : Mme Fabienne JOUVE à Mme Danièle DAUBE",
     ["Danielle DAUBE"]),
    # no present member that close, or two: the holder stays as printed
    ("Présents : M. Jean MARTIN, M. Jeanne MARTIN.\nPouvoirs : M. Paul DURAND à M. Jehan MARTIN", ["Jehan MARTIN"]),
    ("Présents : M. Jean MARTIN.\nPouvoirs : M. Paul DURAND à M. Pierre LEROY", ["Pierre LEROY"]),
    # an initial names the one present member it fits, in full (Saint-Restitut 2016: "P.MATHIAS :
    # procuration à Y.ARMAND" beside the mayor, Yves ARMAND)
    ("Présents : Yves ARMAND, C.FOROT.\nAbsents excusés : P.MATHIAS : procuration à Y.ARMAND", ["Yves ARMAND"]),
    ("Présents : M. Yves ARMAND, Mme Christine FOROT.\nPouvoirs : M. Paul DURAND à C. FOROT", ["Christine FOROT"]),
    # two members it fits, or only initials: as printed
    ("Présents : Yves ARMAND, Yvette ARMAND.\nPouvoirs : P.MATHIAS à Y.ARMAND", ["Y. ARMAND"]),
    ("Présents : C.FOROT, T.BUSIN.\nPouvoirs : W.AUGUSTE à C.FOROT", ["C. FOROT"]),
])
def test_attendance_proxy_holder_takes_the_present_lists_spelling(block: str, holders: list[str]) -> None:
    from extractors.attendance import holders_as_listed

    entries = holders_as_listed(parse_block(block))
    assert [e.proxy_holder for e in entries if e.status == "represented"] == holders


@pytest.mark.parametrize("block, expected", [
    # a list interrupted by roles: the role is no person, the names under it are read
    ("Présents : M. le Maire, Jean DUPONT ; les Adjoints : Marie MARTIN, Paul DURAND ; les Conseillers : "
     "Luc PETIT, Anne LEROY", ["Jean DUPONT", "Marie MARTIN", "Paul DURAND", "Luc PETIT", "Anne LEROY"]),
    ("Etaient présents : Madame la Présidente, Mme Claire ROUX ; Vice-présidents : M. Jean NOIR, Mme Anne BLEU",
     ["Claire ROUX", "Jean NOIR", "Anne BLEU"]),
    ("Présents : Maire : Jean DUPONT ; Conseillers municipaux : Luc PETIT, Anne LEROY",
     ["Jean DUPONT", "Luc PETIT", "Anne LEROY"]),
])
def test_attendance_lists_interrupted_by_roles(block: str, expected: list[str]) -> None:
    assert [e.person.full_name for e in parse_block(block)] == expected


@pytest.mark.parametrize("block, expected", [
    # attendance written as sentences after the counts
    ("Présents : 15 – Représentés : 1 – Absents : 1\nMme Anne LEROY a donné pouvoir à M. Jean DUPONT. "
     "M. Luc PETIT est absent.",
     [("Anne LEROY", "represented", "Jean DUPONT"), ("Luc PETIT", "absent", None)]),
    ("Présents : Jean DUPONT, Marie MARTIN.\nMme Anne LEROY, excusée, a donné son pouvoir à M. Jean DUPONT.\n"
     "M. Paul BLANC est absent et excusé.",
     [("Jean DUPONT", "present", None), ("Marie MARTIN", "present", None),
      ("Anne LEROY", "represented", "Jean DUPONT"), ("Paul BLANC", "excused", None)]),
    ("Présents : Jean DUPONT.\nM. Luc NOIR est représenté par Mme Marie MARTIN.\nMme Julie ROSE donne procuration "
     "à M. Jean DUPONT.",
     [("Jean DUPONT", "present", None), ("Julie ROSE", "represented", "Jean DUPONT"),
      ("Luc NOIR", "represented", "Marie MARTIN")]),
    # a member the list named keeps the list's reading
    ("Absents : Mme Anne LEROY (pouvoir à M. Jean DUPONT)\nMme Anne LEROY a donné pouvoir à M. Jean DUPONT.",
     [("Anne LEROY", "represented", "Jean DUPONT")]),
    # an office is no member
    ("Le Maire est absent.", []),
])
def test_attendance_written_as_sentences(block: str, expected: list[tuple]) -> None:
    assert [(e.person.full_name, e.status, e.proxy_holder) for e in parse_block(block)] == expected


@pytest.mark.parametrize("block, expected", [
    # a list interrupted by communes (an intercommunal council): the commune is no person,
    # each line opens under its commune, "NOM Prénom" or "Prénom NOM", with or without civility
    ("Étaient présents :\nMontjean : ROBERT Alain, DUPONT Martine, LEFEBVRE Jean\nSaint-Florent : GIRARD Pierre\n"
     "La Pommeraye : FOURNIER Michel, BONNET François",
     [("Alain ROBERT", "present"), ("Martine DUPONT", "present"), ("Jean LEFEBVRE", "present"),
      ("Pierre GIRARD", "present"), ("Michel FOURNIER", "present"), ("François BONNET", "present")]),
    ("Présents : Le Pin : M. Jean NOIR ; Val-d'Arre : Mme Anne BLEU, M. Luc ROUX\nExcusés : Le Pin : Mme Zoé VERT",
     [("Jean NOIR", "present"), ("Anne BLEU", "present"), ("Luc ROUX", "present"), ("Zoé VERT", "excused")]),
    ("Délégués présents :\nSAINT-AUBIN : Paul MARTIN, Julie PETIT\nBEAUMONT : Marc LEROY",
     [("Paul MARTIN", "present"), ("Julie PETIT", "present"), ("Marc LEROY", "present")]),
    # a group heading its members
    ("Présents : Groupe Agir ensemble : Luc PETIT, Anne LEROY ; Non-inscrits : Paul BLANC",
     [("Luc PETIT", "present"), ("Anne LEROY", "present"), ("Paul BLANC", "present")]),
    # a member followed by a remark after a colon keeps its reading (what follows is no name)
    ("Présents : T.BUSIN : adjoints, Jean DUPONT", [("T. BUSIN", "present"), ("Jean DUPONT", "present")]),
])
def test_attendance_lists_interrupted_by_communes(block: str, expected: list[tuple]) -> None:
    assert [(e.person.full_name, e.status) for e in parse_block(block)] == expected


@pytest.mark.parametrize("label", [
    "Avaient donné pouvoir", "Ont donné pouvoir", "Ayant donné procuration", "A donné pouvoir",
    "Avait donné son pouvoir", "Absents ayant donné pouvoir", "Pouvoirs",
])
def test_attendance_labels_of_those_who_gave_a_proxy(label: str) -> None:
    block = f"Présents : Jean DUPONT, Marie MARTIN.\n{label} : Mme Anne LEROY (pouvoir à M. Jean DUPONT)"
    assert [(e.person.full_name, e.status, e.proxy_holder) for e in parse_block(block)] == [
        ("Jean DUPONT", "present", None), ("Marie MARTIN", "present", None),
        ("Anne LEROY", "represented", "Jean DUPONT")]


@pytest.mark.parametrize("block, expected", [
    # a count in parentheses after the label (probe w06)
    ("Présents (5) : M. Jean-Pierre MARCHAND, Mme Claire DUVAL\n"
     "Absents représentés (2) : Mme Laure BERTIN (pouvoir à M. Olivier FOURNIER)\nAbsent (1) : M. Xavier LAMBERT.",
     [("Jean-Pierre MARCHAND", "present", None), ("Claire DUVAL", "present", None),
      ("Laure BERTIN", "represented", "Olivier FOURNIER"), ("Xavier LAMBERT", "absent", None)]),
    ("Présents ( 12 ) : Paul DURAND\nExcusés (1) : Anne PETIT", [("Paul DURAND", "present", None),
                                                                 ("Anne PETIT", "excused", None)]),
    # singular labels of one member (probes y16, w03)
    ("Membres présents : M. Jean DUPONT.\nMembre absent : Mme Julie ROCHE.\nMembre excusé : M. Xavier LAMBERT.",
     [("Jean DUPONT", "present", None), ("Julie ROCHE", "absent", None), ("Xavier LAMBERT", "excused", None)]),
    ("Conseiller absent : M. Paul DURAND\nDéléguée excusée : Mme Anne PETIT",
     [("Paul DURAND", "absent", None), ("Anne PETIT", "excused", None)]),
    # a parenthesis that is no count is still no label
    ("Présents : M. Jean DUPONT (Maire) : adjoint", [("Jean DUPONT", "present", None)]),
])
def test_attendance_labels_with_counts_and_singular(block: str, expected: list[tuple]) -> None:
    assert [(e.person.full_name, e.status, e.proxy_holder) for e in parse_block(block)] == expected


@pytest.mark.parametrize("block, expected", [
    # remarks in a generic list of absents (probe y05)
    ("Absents : M. Régis COLLIN (excusé), Mme Julie ROCHE, Mme Laure BERTIN (excusée, pouvoir à M. Olivier FOURNIER).",
     [("Régis COLLIN", "excused", None), ("Julie ROCHE", "absent", None), ("Laure BERTIN", "represented", "Olivier FOURNIER")]),
    ("Absents : M. Paul DURAND, excusé, Mme Anne PETIT, absente, M. Luc ROUX (non excusé)",
     [("Paul DURAND", "excused", None), ("Anne PETIT", "absent", None), ("Luc ROUX", "absent", None)]),
    ("Absents : M. Régis COLLIN, excusé, qui a donné pouvoir à Mme Claire DUVAL",
     [("Régis COLLIN", "represented", "Claire DUVAL")]),
    # a function between the member and the proxy (probes v03, p25)
    ("Absente excusée : Mme Isabelle MOREAU, adjointe (pouvoir à M. Didier CARON).",
     [("Isabelle MOREAU", "represented", "Didier CARON")]),
    ("Absent excusé : M. Jean-Pierre MARCHAND, Maire (pouvoir à M. Olivier FOURNIER).",
     [("Jean-Pierre MARCHAND", "represented", "Olivier FOURNIER")]),
    ("Excusés : M. Paul DURAND, 2ème adjoint (procuration à Mme Anne PETIT), Mme Zoé VERT",
     [("Paul DURAND", "represented", "Anne PETIT"), ("Zoé VERT", "excused", None)]),
    # a remark of an excuse leaves a list of présents as it is; a present member keeps no holder
    ("Présents : M. Paul DURAND (excusé pour le point 3), Mme Anne PETIT, adjointe (pouvoir à M. Luc ROUX)",
     [("Paul DURAND", "present", None), ("Anne PETIT", "present", None)]),
])
def test_attendance_remarks_and_functions_inside_entries(block: str, expected: list[tuple]) -> None:
    assert [(e.person.full_name, e.status, e.proxy_holder) for e in parse_block(block)] == expected


@pytest.mark.parametrize("block, expected", [
    # every member present but those named (probes p19, p20, v13, v14)
    ("Étaient présents tous les conseillers municipaux en exercice à l'exception de : Mme Laure BERTIN (pouvoir à "
     "M. Olivier FOURNIER), M. Xavier LAMBERT.",
     [("Laure BERTIN", "represented", "Olivier FOURNIER"), ("Xavier LAMBERT", "absent", None)]),
    ("Tous les membres du Conseil municipal étaient présents, à l'exception de M. Régis COLLIN, excusé, qui a donné "
     "pouvoir à Mme Claire DUVAL, et de Mme Julie ROCHE, absente.",
     [("Régis COLLIN", "represented", "Claire DUVAL"), ("Julie ROCHE", "absent", None)]),
    ("Présents : l'ensemble des conseillers municipaux en exercice, à l'exception de Mme Laure BERTIN (pouvoir à "
     "M. Olivier FOURNIER) et de M. Xavier LAMBERT (excusé).",
     [("Laure BERTIN", "represented", "Olivier FOURNIER"), ("Xavier LAMBERT", "excused", None)]),
    ("Tous les conseillers étaient présents sauf :\nMme Laure BERTIN, excusée, pouvoir à M. Olivier FOURNIER\n"
     "M. Xavier LAMBERT, absent\nSecrétaire de séance : Mme Sophie LEGRAND",
     [("Laure BERTIN", "represented", "Olivier FOURNIER"), ("Xavier LAMBERT", "absent", None)]),
    ("Tous les délégués sont présents, hormis M. Paul DURAND (excusé).", [("Paul DURAND", "excused", None)]),
    # an exception that is no absence: a vote, or all present without exception
    ("Tous les conseillers présents ont voté pour, à l'exception de M. Xavier LAMBERT.", []),
    ("Tous les conseillers ont voté pour, sauf M. Xavier LAMBERT.", []),
    ("Tous les membres étaient présents.", []),
])
def test_attendance_all_present_but(block: str, expected: list[tuple]) -> None:
    assert [(e.person.full_name, e.status, e.proxy_holder) for e in parse_block(block)] == expected


@pytest.mark.parametrize("block, expected", [
    # mixed-case names with "de La" (probes y01, w01)
    ("Présents : Jean-Pierre Marchand, Henri de La Rochefoucauld, Claire Duval, Jean de La Fontaine, Hélène d'Argent.",
     ["Jean-Pierre Marchand", "Henri de La Rochefoucauld", "Claire Duval", "Jean de La Fontaine", "Hélène d'Argent"]),
    ("Présents : Anne-Sophie de Saint-Exupéry, Marie du Pont, Yann Le Bris",
     ["Anne-Sophie de Saint-Exupéry", "Marie du Pont", "Yann Le Bris"]),
    # four words without particle are still two names run together, not one
    ("Présents : Yves Nicolin Mahdi Nouibat", ["Yves Nicolin", "Mahdi Nouibat"]),
])
def test_attendance_mixed_case_particles(block: str, expected: list[str]) -> None:
    assert [e.person.full_name for e in parse_block(block)] == expected


@pytest.mark.parametrize("block, expected", [
    # a proxy on a line of its own, the giver after "de" (probe w04)
    ("Présents : M. Didier CARON, Mme Claire DUVAL.\nPouvoir de M. Thierry PERRIN à M. Didier CARON.",
     [("Didier CARON", "present", None), ("Claire DUVAL", "present", None),
      ("Thierry PERRIN", "represented", "Didier CARON")]),
    ("Présents : M. Didier CARON.\nProcuration de Mme Anne LEROY à M. Didier CARON\n"
     "Délégation de vote de M. Paul DURAND à M. Didier CARON.",
     [("Didier CARON", "present", None), ("Anne LEROY", "represented", "Didier CARON"),
      ("Paul DURAND", "represented", "Didier CARON")]),
    # a power of another kind is no proxy
    ("Présents : M. Didier CARON.\nLe pouvoir de police du Maire à M. Didier CARON est délégué.",
     [("Didier CARON", "present", None)]),
])
def test_attendance_proxy_line_from_giver(block: str, expected: list[tuple]) -> None:
    assert [(e.person.full_name, e.status, e.proxy_holder) for e in parse_block(block)] == expected


@pytest.mark.parametrize("block, president, holders", [
    # the chair by its office: the president of the session, in full (probe y03)
    ("Présents : M. Jean-Pierre MARCHAND, Mme Claire DUVAL.\nAbsents excusés : Mme Laure BERTIN (pouvoir à Monsieur "
     "le Maire), M. Régis COLLIN (pouvoir à M. le Maire).", "Jean-Pierre MARCHAND",
     [("Laure BERTIN", "Jean-Pierre MARCHAND"), ("Régis COLLIN", "Jean-Pierre MARCHAND")]),
    ("Présents : M. Paul DURAND, Mme Anne PETIT.\nPouvoirs : M. Luc ROUX pouvoir au Président, Mme Zoé VERT "
     "procuration à Mme la Maire", "Paul DURAND", [("Luc ROUX", "Paul DURAND"), ("Zoé VERT", "Paul DURAND")]),
    ("Présents : M. Paul DURAND.\nExcusés : M. Luc ROUX, représenté par le Président", "Paul DURAND",
     [("Luc ROUX", "Paul DURAND")]),
    # another office names nobody; an unknown president, or one printed as a deputy, neither
    ("Présents : M. Paul DURAND, Mme Anne PETIT.\nExcusé : M. Luc ROUX (pouvoir au 1er adjoint)", "Paul DURAND",
     [("Luc ROUX", None)]),
    ("Présents : M. Paul DURAND.\nExcusé : M. Luc ROUX (pouvoir à M. le Maire)", None, [("Luc ROUX", None)]),
    ("sous la présidence de M. Paul DURAND, premier adjoint, le Maire étant empêché.\nPrésents : M. Paul DURAND.\n"
     "Excusé : M. Luc ROUX (pouvoir à M. le Maire)", "Paul DURAND", [("Luc ROUX", None)]),
    # a surname that is an office word, in capitals, is a name
    ("Présents : M. Paul MAIRE, M. Jean LE GALL.\nExcusés : M. Luc ROUX (pouvoir à M. Paul MAIRE)", "Jean LE GALL",
     [("Luc ROUX", "Paul MAIRE")]),
])
def test_attendance_proxy_given_to_an_office(block: str, president: str | None, holders: list[tuple]) -> None:
    """Never "le" for a holder: the chair's office is the president, another office nobody."""
    act = make_act((SectionKind.ATTENDANCE, block, False), (SectionKind.DECISION, "DÉCIDE d'approuver.", False))
    assert [(e.person.full_name, e.proxy_holder) for e in read_attendance(act, president=president)
            if e.status == "represented"] == holders


@pytest.mark.parametrize("sentence, recused", [
    # the maire leaves for his own accounts (CGCT L.2121-14, probe y11)
    ("Monsieur le Maire s'étant retiré au moment du vote, conformément à l'article L.2121-14 du CGCT, le Conseil "
     "municipal, siégeant sous la présidence de Mme Anne PETIT, première adjointe,", ["Paul DURAND"]),
    ("Le Maire se retire au moment du vote.", ["Paul DURAND"]),
    ("M. Paul DURAND s'est retiré de la salle au moment du vote.", ["Paul DURAND"]),
    # withdrawn for the whole meeting or spoken of otherwise: no recusal
    ("Le Maire s'est retiré de la liste des candidats.", []),
])
def test_attendance_recusal_withdrawn_for_the_vote(sentence: str, recused: list[str]) -> None:
    entries = parse_block("Présents : M. Paul DURAND, Mme Anne PETIT")
    assert [e.person.full_name for e in apply_recusals(entries, sentence, "Paul DURAND") if e.recused] == recused


_MINUTES_HEAD = ("COMMUNE DE BEAUMONT\n\nPROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 14 MARS 2024\n\n"
                 "Le Conseil municipal s'est réuni sous la présidence de M. Jean-Pierre MARCHAND, Maire.\n\n"
                 "Présents : M. Jean-Pierre MARCHAND, Mme Claire DUVAL, M. Didier CARON.\n\n"
                 "Secrétaire de séance : Mme Claire DUVAL\n\n")


def _minutes_item(n: int, title: str, before: str = "", after: str = "") -> str:
    return (f"Délibération n° 2024-0{n} – {title}\n\n{before}Monsieur le Maire présente le dossier.\n"
            "Le Conseil municipal, après en avoir délibéré, DÉCIDE d'approuver la proposition.\n"
            f"Adopté à l'unanimité.\n{after}\n")


@pytest.mark.parametrize("between, recused_by_item", [
    # announced after item 1's vote for item 2 (probes p33, v12)
    ("Le Maire quitte la salle et ne prend pas part au vote. Mme Claire DUVAL, première adjointe, prend la présidence "
     "pour ce point.\n", [[], ["Jean-Pierre MARCHAND"], []]),
    ("Avant l'examen du point suivant, M. Didier CARON, intéressé, quitte la salle et ne prend pas part au vote.\n",
     [[], ["Didier CARON"], []]),
    ("M. Didier CARON, intéressé, sort de la salle et ne prend pas part au vote.\n", [[], ["Didier CARON"], []]),
    # told in the past after the vote: the item just voted
    ("M. Didier CARON n'a pas pris part au vote.\n", [["Didier CARON"], [], []]),
    ("M. Didier CARON ne prend pas part au vote.\n", [["Didier CARON"], [], []]),
])
def test_attendance_recusal_announced_for_the_next_item(tmp_path: Path, between: str,
                                                        recused_by_item: list[list[str]]) -> None:
    """In minutes, who leaves the room after an item's vote leaves for the next item; the
    maire named by office is the president of the session, not the member chairing that item."""
    from pipeline.runner.process import process_document

    text = (_MINUTES_HEAD + _minutes_item(1, "Tarifs de la salle", after=between)
            + _minutes_item(2, "Compte administratif 2023", after="Le Maire reprend la présidence.\n")
            + _minutes_item(3, "Travaux de voirie") + "\nLa séance est levée à 22h40.\n")
    path = tmp_path / "pv.txt"
    path.write_text(text, encoding="utf-8")
    result = process_document(path)
    acts = result.rows("acts")
    rows = result.rows("attendance")
    assert len(acts) == 3
    assert [[r.full_name for r in rows if r.act_id == a.act_id and r.recused] for a in acts] == recused_by_item


# ---------------------------------------------------------------------------
# The secretary of the session (extractors.header.persons)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    # designated in a sentence (probes p23, v15)
    ("Conformément à l'article L.2121-15 du Code général des collectivités territoriales, le Conseil municipal a "
     "désigné M. Franck BRUNET pour remplir les fonctions de secrétaire de séance.", "Franck BRUNET"),
    ("M. Franck BRUNET a été désigné pour remplir les fonctions de secrétaire de séance.", "Franck BRUNET"),
    ("Mme Anne PETIT a été désignée pour assurer la fonction de secrétaire.", "Anne PETIT"),
    ("Le conseil communautaire désigne Mme Anne PETIT comme secrétaire de séance.", "Anne PETIT"),
    ("L'assemblée a élu M. Paul DURAND en qualité de secrétaire de séance.", "Paul DURAND"),
    # a label carrying the choice (probe v17); a label after the list on its line (probe v18)
    ("Secrétaire élu : M. Franck BRUNET", "Franck BRUNET"),
    ("Secrétaire de séance désignée : Mme Anne PETIT", "Anne PETIT"),
    ("Absente excusée : Mme Laure BERTIN (pouvoir à M. Olivier FOURNIER). Secrétaire : M. Franck BRUNET.",
     "Franck BRUNET"),
    # no secretary: a designation to another duty, a secretary general on staff
    ("Le Conseil municipal a désigné M. Franck BRUNET pour représenter la commune au syndicat.", None),
    ("M. Franck BRUNET a été désigné délégué titulaire.", None),
    ("Assistait également : Mme Anne PETIT, secrétaire générale de mairie.", None),
])
def test_secretary_designated_in_a_sentence(text: str, expected: str | None) -> None:
    from extractors.header.persons import SECRETARY_RES, find_person

    assert find_person(text, SECRETARY_RES) == expected


@pytest.mark.parametrize("movement, expected", [
    # arrivals written name first, with an hour (probes p28, v05)
    ("M. Hervé GAUTHIER arrive à 20h45 et prend part au vote à partir du point 3.", ("present", None)),
    ("M. Hervé GAUTHIER arrive en cours de séance.", ("present", None)),
    ("M. Hervé GAUTHIER arrive.", ("present", None)),
    # not an arrival
    ("Le mandat de M. Hervé GAUTHIER arrive à son terme.", ("excused", None)),
])
def test_attendance_arrival_name_first(movement: str, expected: tuple) -> None:
    entries = parse_block("Présents : M. Paul DURAND\nAbsents excusés : M. Hervé GAUTHIER")
    out = apply_movements(entries, movement)
    assert (out[1].status, out[1].proxy_holder) == expected


@pytest.mark.parametrize("movement, expected", [
    # departures for the rest of the meeting (probes p32, v09, y13)
    ("M. Paul DURAND quitte définitivement la séance à 22h15.", ("absent", None)),
    ("M. Paul DURAND quitte définitivement la séance.", ("absent", None)),
    ("M. Paul DURAND se retire à 22h00 et donne procuration à Mme Anne PETIT.", ("represented", "Anne PETIT")),
    ("M. Paul DURAND se retire et donne pouvoir à Mme Anne PETIT.", ("represented", "Anne PETIT")),
    # leaving for one item, or said without what follows: no departure
    ("M. Paul DURAND se retire.", ("present", None)),
    ("M. Paul DURAND se retire au moment du vote.", ("present", None)),
])
def test_attendance_departure_wordings(movement: str, expected: tuple) -> None:
    entries = parse_block("Présents : M. Paul DURAND, Mme Anne PETIT")
    out = apply_movements(entries, movement)
    assert (out[0].status, out[0].proxy_holder) == expected


@pytest.mark.parametrize("block, moves", [
    # an arrival by item told in the block (probe p29) or in a remark with an hour (probe p30)
    ("Présents : M. Paul DURAND\nAbsents excusés : M. Hervé GAUTHIER\n"
     "M. Hervé GAUTHIER, arrivé à 20h45, a pris part au vote à partir du point 3.", (3, None)),
    ("Présents : M. Paul DURAND, M. Hervé GAUTHIER (arrivé à 20h45, à partir du point 3)", (3, None)),
    ("Présents : M. Paul DURAND, M. Hervé GAUTHIER (arrivé à 21 h 10, au point 4)", (4, None)),
    ("Présents : M. Paul DURAND, M. Hervé GAUTHIER\nM. Hervé GAUTHIER a quitté la séance après le point 5.", (None, 5)),
    # an hour alone dates no item
    ("Présents : M. Paul DURAND, M. Hervé GAUTHIER (arrivé à 20h45)", (None, None)),
    ("Présents : M. Paul DURAND, M. Hervé GAUTHIER\nLa séance est ouverte à 20h30 au point 1.", (None, None)),
])
def test_attendance_item_moves_told_in_the_block(block: str, moves: tuple) -> None:
    entry = parse_block(block)[1]
    assert (entry.arrives_at, entry.leaves_after) == moves


@pytest.mark.parametrize("remark, moves", [
    # every form of "prendre part au vote à partir de" is an arrival (review: "prenant" and
    # "prennent" had been read as departures, the verbs spelled twice)
    ("a pris part au vote à partir du point 3", (3, None)),
    ("prenant part au vote à partir du point 3", (3, None)),
    ("MM. X et Y prennent part au vote à partir de la question 4", (4, None)),
    ("prend part aux débats à partir du dossier 2", (2, None)),
    ("parti après la délibération n°7", (None, 7)),
    ("quitte la séance avant le point 9", (None, 8)),
])
def test_attendance_item_moves_arrival_and_departure_verbs(remark: str, moves: tuple) -> None:
    from extractors.attendance import _moves_told

    assert _moves_told([remark]) == moves


def test_attendance_arrival_by_item_makes_a_listed_absent_present() -> None:
    entries = parse_block("Présents : M. Paul DURAND\nAbsents excusés : M. Hervé GAUTHIER\n"
                          "M. Hervé GAUTHIER, arrivé à 20h45, a pris part au vote à partir du point 3.")
    assert [[e.status for e in apply_item_moves(entries, rank)] for rank in (2, 3, 4)] == [
        ["present", "excused"], ["present", "present"], ["present", "present"]]


def test_attendance_item_rank_by_ordinal_when_no_heading_prints_one(tmp_path: Path) -> None:
    """Minutes whose headings print no rank ("Délibération n° 2024-012"): "à partir du point
    3" is the third item (probe p30)."""
    from pipeline.runner.process import process_document

    head = _MINUTES_HEAD.replace("M. Didier CARON.", "M. Didier CARON, M. Hervé GAUTHIER (arrivé à 20h45, à partir "
                                                     "du point 3).")
    text = head + "".join(_minutes_item(n, t) for n, t in ((1, "Tarifs"), (2, "Voirie"), (3, "Budget"), (4, "Écoles")))
    path = tmp_path / "pv.txt"
    path.write_text(text + "\nLa séance est levée.\n", encoding="utf-8")
    result = process_document(path)
    rows = result.rows("attendance")
    assert [[r.status for r in rows if r.act_id == a.act_id and r.last_name == "GAUTHIER"]
            for a in result.rows("acts")] == [["absent"], ["absent"], ["present"], ["present"]]


@pytest.mark.parametrize("block, expected", [
    # titular delegates sitting through their substitute (probes p09, v02): the substitute is
    # present, the titular holds the list's status, never represented (no proxy was given)
    ("Absents suppléés : M. Jacques TESSIER (Vaas) suppléé par M. Rémy BODIN.",
     [("Jacques TESSIER", "absent", None), ("Rémy BODIN", "present", None)]),
    ("Délégués titulaires excusés et représentés par leur suppléant : M. Jacques TESSIER (Vaas) par M. Rémy BODIN.",
     [("Jacques TESSIER", "excused", None), ("Rémy BODIN", "present", None)]),
    ("Excusés : M. Jacques TESSIER remplacé par son suppléant M. Rémy BODIN, Mme Anne PETIT (pouvoir à M. Luc ROUX)",
     [("Jacques TESSIER", "excused", None), ("Rémy BODIN", "present", None), ("Anne PETIT", "represented", "Luc ROUX")]),
    ("Absents : Mme Anne PETIT représentée par sa suppléante Mme Zoé VERT",
     [("Anne PETIT", "absent", None), ("Zoé VERT", "present", None)]),
    # a proxy holder with their commune after the name (probe v01)
    ("Absents ayant donné pouvoir : M. Gilles RENOU (Le Lude) à Mme Martine PASQUIER (Le Lude).",
     [("Gilles RENOU", "represented", "Martine PASQUIER")]),
    ("Pouvoirs : M. Jean NOIR (Vaas) donne pouvoir à Mme Zoé VERT (Mayet)",
     [("Jean NOIR", "represented", "Zoé VERT")]),
    # a remark after the holder (Avranches 2017): the holder is no represented member
    ("Pouvoirs\nMonsieur T.Pennec a donné pouvoir à Monsieur C.Cossec (sauf pour les questions n°/s\n3 et 16)\n"
     "Madame E. Seillé a donné pouvoir à Madame R. Leroy",
     [("T.Pennec", "represented", "C.Cossec"), ("E. Seillé", "represented", "R. Leroy")]),
    # "représenté par" a member is a proxy, not a substitute
    ("Absents : Mme Anne PETIT représentée par M. Luc ROUX", [("Anne PETIT", "represented", "Luc ROUX")]),
])
def test_attendance_intercommunal_substitutes_and_communes(block: str, expected: list[tuple]) -> None:
    assert [(e.person.full_name, e.status, e.proxy_holder) for e in parse_block(block)] == expected


@pytest.mark.parametrize("body, recused", [
    # in the extract of one deliberation, leaving the room is a recusal (probe c05)
    ("Mme Anne PETIT, présidente de l'association, sort de la salle.", ["Anne PETIT"]),
    ("M. Paul DURAND, intéressé, quitte la salle.", ["Paul DURAND"]),
    ("Mme Anne PETIT se retire de la salle.", ["Anne PETIT"]),
    # leaving the meeting, or a room spoken of otherwise: no recusal
    ("Le public quitte la salle.", []),
    ("Mme Anne PETIT présente la salle polyvalente.", []),
])
def test_attendance_leaving_the_room_in_one_deliberation(body: str, recused: list[str]) -> None:
    act = make_act((SectionKind.ATTENDANCE, "Présents : M. Paul DURAND, Mme Anne PETIT", False),
                   (SectionKind.CONSIDERANTS, body, False), (SectionKind.DECISION, "DÉCIDE d'approuver.", False))
    assert [e.person.full_name for e in read_attendance(act) if e.recused] == recused


def test_attendance_leaving_the_room_in_minutes_is_a_departure() -> None:
    """In minutes, "quitte la salle" alone may be for the rest of the meeting: a departure
    (absent from the items after), not a recusal of the item."""
    preamble = "Présents : M. Paul DURAND, Mme Anne PETIT"
    act = make_act((SectionKind.ATTENDANCE, preamble, True),
                   (SectionKind.HEADER, "1 - Budget\nM. Paul DURAND quitte la salle.", False),
                   (SectionKind.VOTE, "ADOPTE A L'UNANIMITE", False))
    assert [(e.status, e.recused) for e in read_attendance(act)] == [("absent", False), ("present", False)]


@pytest.mark.parametrize("header, expected", [
    # a grid of every member, a mark under each one's case (probe x02)
    ([("NOM Prénom", 60), ("Présent", 230), ("Excusé", 300), ("Absent", 370), ("Pouvoir donné à", 440)],
     [("Jean-Pierre MARCHAND", "present", None), ("Sandrine LEMAIRE", "represented", "Claire DUVAL"),
      ("Didier CARON", "excused", None), ("Régis COLLIN", "absent", None)]),
    # without a proxy column (the holder's cell then stands under the nearest column, "Absent",
    # and is no mark of a name); "Membres" heads the names
    ([("Membres", 60), ("Présent", 230), ("Excusé", 300), ("Absent", 370)],
     [("Jean-Pierre MARCHAND", "present", None), ("Sandrine LEMAIRE", "excused", None),
      ("Didier CARON", "excused", None), ("Régis COLLIN", "absent", None)]),
    # no column of présents: not a grid of every member, nothing read
    ([("NOM Prénom", 60), ("Commission", 230), ("Service", 300), ("Adresse", 370)], []),
])
def test_attendance_grid_of_every_member(tmp_path: Path, header: list[tuple], expected: list[tuple]) -> None:
    from pipeline.errors import IssueLog
    from pipeline.options import Options
    from pipeline.read.load import load_document
    from tests.pdfgen import placed_pdf

    rows = [(100, text, x) for text, x in header]
    rows += [(120, "MARCHAND Jean-Pierre", 60), (120, "X", 240),
             (140, "LEMAIRE Sandrine", 60), (140, "X", 310), (140, "DUVAL Claire", 440),
             (160, "CARON Didier", 60), (160, "X", 310),
             (180, "COLLIN Régis", 60), (180, "X", 380),
             (200, "Secrétaire de séance : Mme Claire DUVAL", 60)]
    doc = load_document(placed_pdf(tmp_path / "grid.pdf", [[(x, y, text) for y, text, x in rows]]),
                        Options(ocr=False), IssueLog())
    act = Act(doc=doc, act_index=0, act_id="a0", span=Span(0, len(doc.text)),
              sections=(Section(SectionKind.ATTENDANCE, Span(0, len(doc.text)), doc),))
    assert [(e.person.full_name, e.status, e.proxy_holder) for e in read_attendance(act)] == expected
