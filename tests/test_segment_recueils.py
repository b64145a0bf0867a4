"""Files of several extracts (segment probing, round 2): the stamps printed between two acts
on one page, given to the act they belong to; a recueil's arrêtés, which end the act before
them and are no deliberations; the deliberating body named alone in an act's header block.

Unit tests build documents from French text; each family with the probe's wordings, others
of the same family, and texts where nothing must change (precision first).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from extractors.header import extract_header
from pipeline.model import Document
from pipeline.read.furniture import detect_furniture
from pipeline.segment import segment_document
from pipeline.segment.recueils import ARRETE_HEADING_RE, find_openings, is_header_block
from tests.conftest import make_document

D = dt.date


def doc_of(text: str) -> Document:
    doc = make_document(text)
    return dataclasses.replace(doc, furniture=detect_furniture(doc))


def extract(num: str, title: str, *, head: str = "RÉPUBLIQUE FRANÇAISE\nDÉPARTEMENT DE L'ISÈRE\n"
            "COMMUNE DE SAINT-JEAN-DE-MOIRANS\nEXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\n"
            "Séance du 12 mars 2024\n", sign: str = "Fait et délibéré les jour, mois et an susdits.\n"
            "Pour extrait conforme,\nLe Maire,\nGérard VALLIN\n") -> str:
    """One commune's extract, from its letterhead to its signature (no stamps)."""
    return (f"{head}\nDélibération n° {num}\n\n"
            "L'an deux mille vingt-quatre, le douze mars à vingt heures, le Conseil municipal,\n"
            "dûment convoqué le 5 mars 2024, s'est réuni à la mairie sous la présidence de M. Gérard VALLIN, Maire.\n"
            "Nombre de conseillers en exercice : 19 – Présents : 15 – Votants : 17\n\n"
            f"Objet : {title}\n\nVu le Code général des collectivités territoriales ;\n\n"
            "Le Conseil municipal, après en avoir délibéré,\nDÉCIDE :\n"
            "Article 1 : D'approuver la proposition telle que présentée par le rapporteur.\n\n"
            f"Adopté à l'unanimité.\n\n{sign}")


def dates(doc: Document) -> list[tuple[str | None, dt.date | None, dt.date | None]]:
    out = []
    for act in segment_document(doc):
        v = extract_header(act)
        out.append((v["act_number"], v["prefecture_date"], v["publication_date"]))
    return out


_A = extract("2024-046", "Tarifs de la restauration scolaire 2024-2025")
_B = extract("2024-047", "Création d'un poste d'adjoint technique territorial")


# ---------------------------------------------------------------------------
# Stamps between two acts on one page
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("first, between, last, expected", [
    # the probes: each act's stamps after its signature, with or without blank lines around them
    (_A, "\nTransmis en préfecture le 15 mars 2024\nPublié le 16 mars 2024\n\n\n", _B +
     "\nTransmis en préfecture le 20 mars 2024\nPublié le 21 mars 2024\n",
     [("2024-046", D(2024, 3, 15), D(2024, 3, 16)), ("2024-047", D(2024, 3, 20), D(2024, 3, 21))]),
    (_A, "Transmis en préfecture le 15 mars 2024\nPublié le 16 mars 2024\n\n", _B +
     "Transmis en préfecture le 20 mars 2024\nPublié le 21 mars 2024\n",
     [("2024-046", D(2024, 3, 15), D(2024, 3, 16)), ("2024-047", D(2024, 3, 20), D(2024, 3, 21))]),
    # the stamps on one line; one stamp only
    (_A, "\nTransmis en préfecture le 15 mars 2024 – Publié le 16 mars 2024\n\n\n", _B +
     "\nTransmis en préfecture le 20 mars 2024 – Publié le 21 mars 2024\n",
     [("2024-046", D(2024, 3, 15), D(2024, 3, 16)), ("2024-047", D(2024, 3, 20), D(2024, 3, 21))]),
    (_A, "\nTransmis en préfecture le 15 mars 2024\n\n\n", _B + "\nTransmis en préfecture le 20 mars 2024\n",
     [("2024-046", D(2024, 3, 15), None), ("2024-047", D(2024, 3, 20), None)]),
    # other stamps: a sous-préfecture's reception, a posting, a date of reception
    (_A, "\nReçu en sous-préfecture le 15/03/2024\nAffiché le 16/03/2024\n\n", _B +
     "\nReçu en sous-préfecture le 20/03/2024\nAffiché le 21/03/2024\n",
     [("2024-046", D(2024, 3, 15), D(2024, 3, 16)), ("2024-047", D(2024, 3, 20), D(2024, 3, 21))]),
    (_A, "\nDate de réception en préfecture : 15/03/2024\nDate de publication : 16/03/2024\n\n", _B +
     "\nDate de réception en préfecture : 20/03/2024\nDate de publication : 21/03/2024\n",
     [("2024-046", D(2024, 3, 15), D(2024, 3, 16)), ("2024-047", D(2024, 3, 20), D(2024, 3, 21))]),
    # the next extract without its first letterhead lines, opening on the commune or the register
    (_A, "\nTransmis en préfecture le 15 mars 2024\nPublié le 16 mars 2024\n\n",
     _B.split("\n", 2)[2] + "\nTransmis en préfecture le 20 mars 2024\nPublié le 21 mars 2024\n",
     [("2024-046", D(2024, 3, 15), D(2024, 3, 16)), ("2024-047", D(2024, 3, 20), D(2024, 3, 21))]),
    (_A, "\nTransmis en préfecture le 15 mars 2024\nPublié le 16 mars 2024\n\n",
     _B.split("\n", 3)[3] + "\nTransmis en préfecture le 20 mars 2024\nPublié le 21 mars 2024\n",
     [("2024-046", D(2024, 3, 15), D(2024, 3, 16)), ("2024-047", D(2024, 3, 20), D(2024, 3, 21))]),
    # signed "Le Maire," without "Pour extrait conforme"
    (_A.replace("Pour extrait conforme,\n", ""), "\nTransmis en préfecture le 15 mars 2024\nPublié le 16 mars 2024\n\n",
     _B.replace("Pour extrait conforme,\n", "") + "\nTransmis en préfecture le 20 mars 2024\nPublié le 21 mars 2024\n",
     [("2024-046", D(2024, 3, 15), D(2024, 3, 16)), ("2024-047", D(2024, 3, 20), D(2024, 3, 21))]),
])
def test_segment_recueils_stamps_close_the_act_above(first: str, between: str, last: str,
                                                     expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert dates(doc_of(first + between + last)) == expected


_BOX = "Reçu en préfecture le {d}\nMis en ligne le {d}\nID : 029-200046159-20240502-{n}-DE\n"


def bureau(num: str, title: str) -> str:
    return (f"Bureau communautaire du 2 mai 2024 — Délibération {num}\nObjet : {title}\n"
            "En exercice : 10 ; présents : 8 ; votants : 8\n"
            "Le Bureau communautaire, après en avoir délibéré, à l'unanimité,\nDÉCIDE :\n"
            "Article 1er – D'approuver la proposition.\n"
            "Délibéré en séance les jour, mois et an susdits.\nLe Président,\nNicolas LEBLANC\n")


@pytest.mark.parametrize("text, expected", [
    # a recueil's box above each act's heading, its identifier naming the act below (dev recueil)
    (_BOX.format(d="07/05/2024", n="B2024_046") + bureau("B2024-046", "Marché de collecte")
     + _BOX.format(d="08/05/2024", n="B2024_047") + bureau("B2024-047", "Tarifs du centre aquatique"),
     [("B2024-046", D(2024, 5, 7), D(2024, 5, 7)), ("B2024-047", D(2024, 5, 8), D(2024, 5, 8))]),
    # the same box without identifier: the first act's box above its heading shows the habit
    (_BOX.format(d="07/05/2024", n="B2024_046").split("ID")[0] + bureau("B2024-046", "Marché de collecte")
     + _BOX.format(d="08/05/2024", n="B2024_047").split("ID")[0] + bureau("B2024-047", "Tarifs du centre aquatique"),
     [("B2024-046", D(2024, 5, 7), D(2024, 5, 7)), ("B2024-047", D(2024, 5, 8), D(2024, 5, 8))]),
    # the identifier decides against the habit: stamps after the last act, yet the box between
    # names the act below
    (bureau("B2024-046", "Marché de collecte") + _BOX.format(d="08/05/2024", n="B2024_047")
     + bureau("B2024-047", "Tarifs du centre aquatique") + "Transmis en préfecture le 09/05/2024\n",
     [("B2024-046", None, None), ("B2024-047", D(2024, 5, 8), D(2024, 5, 8))]),
    # … and when it spells the number its own way ("DB_2023_036" for "DB-2023-036")
    (bureau("DB-2023-035", "Aide à l'immobilier") + _BOX.format(d="17/05/2024", n="DB_2023_036")
     + bureau("DB-2023-036", "Remise gracieuse") + "Transmis en préfecture le 18/05/2024\n",
     [("DB-2023-035", None, None), ("DB-2023-036", D(2024, 5, 17), D(2024, 5, 17))]),
    # no habit shown (no stamps above the first act nor after the last): the box stays below …
    (bureau("B2024-046", "Marché de collecte") + _BOX.format(d="08/05/2024", n="B2024_047").split("ID")[0]
     + bureau("B2024-047", "Tarifs du centre aquatique"),
     [("B2024-046", None, None), ("B2024-047", D(2024, 5, 8), D(2024, 5, 8))]),
])
def test_segment_recueils_stamps_head_the_act_below(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert dates(doc_of(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # … unless its identifier names the act above
    (bureau("B2024-046", "Marché de collecte") + _BOX.format(d="08/05/2024", n="B2024_046")
     + bureau("B2024-047", "Tarifs du centre aquatique"),
     [("B2024-046", D(2024, 5, 8), D(2024, 5, 8)), ("B2024-047", None, None)]),
])
def test_segment_recueils_stamps_named_for_the_act_above(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert dates(doc_of(text)) == expected


def test_segment_recueils_stamps_at_the_top_of_a_page_stay_with_its_act() -> None:
    """An act that opens its page under a box of stamps keeps it (its first page is stamped)."""
    text = (_A + "\fTransmis en préfecture le 20 mars 2024\nPublié le 21 mars 2024\n" + _B
            + "\fTransmis en préfecture le 25 mars 2024\nPublié le 26 mars 2024\n"
            + extract("2024-048", "Subvention au comité des fêtes"))
    assert dates(doc_of(text)) == [("2024-046", None, None), ("2024-047", D(2024, 3, 20), D(2024, 3, 21)),
                                   ("2024-048", D(2024, 3, 25), D(2024, 3, 26))]


# ---------------------------------------------------------------------------
# A recueil's arrêtés: they end the act before them and are not acts of the council
# ---------------------------------------------------------------------------

def arrete(num: str, *, head: str = "ARRÊTÉ DU MAIRE N° {num}", executive: str = "Le Maire de la commune de "
           "Saint-Jean-de-Moirans,", decrees: str = "ARRÊTE", sign: str = "Le Maire, Gérard VALLIN") -> str:
    return (f"COMMUNE DE SAINT-JEAN-DE-MOIRANS\n{head.format(num=num)}\n"
            "Objet : Réglementation temporaire de la circulation rue des Tilleuls\n"
            f"{executive}\nVu le Code général des collectivités territoriales, notamment ses articles L.2212-1 et "
            "L.2213-1 ;\nVu le Code de la route ;\nConsidérant qu'il y a lieu d'assurer la sécurité des usagers ;\n"
            f"{decrees}\nArticle 1 : La circulation est interdite rue des Tilleuls du 2 au 5 avril 2024.\n"
            "Article 2 : Le présent arrêté sera affiché et transmis au représentant de l'État.\n"
            f"Fait à Saint-Jean-de-Moirans, le 28 mars 2024\n{sign}\n")


_STAMPS = "Transmis en préfecture le 15 mars 2024\nPublié le 16 mars 2024\n"
_SOMMAIRE = ("COMMUNE DE SAINT-JEAN-DE-MOIRANS\nRECUEIL DES ACTES ADMINISTRATIFS – 1er trimestre 2024\nSOMMAIRE\n"
             "Délibération\tn°\t2024-046\t–\tTarifs\t2\nArrêté\tn°\tAR-2024-031\t–\tCirculation\t3\n")


def pages(acts: list) -> list[tuple[str | None, int, int]]:  # type: ignore[type-arg]
    return [(extract_header(a)["act_number"], a.page_start, a.page_end) for a in acts]


@pytest.mark.parametrize("arrete_page", [
    arrete("AR-2024-031"),
    arrete("24-DSOL-0112", head="ARRÊTÉ N° {num}", executive="La Présidente du Conseil départemental de la Drôme,",
           decrees="ARRÊTE :", sign="La Présidente, Marie-Pierre MOUTON"),
    arrete("2024-12", head="Arrêté du Président n° {num}", executive="Le Président de la Communauté de communes,",
           decrees="Arrête :", sign="Le Président, Nicolas LEBLANC"),
    arrete("2024/031", head="ARRÊTÉ MUNICIPAL N° {num}", executive="Nous, Maire de la commune de Saint-Jean-de-Moirans,",
           decrees="ARRÊTONS :"),
    arrete("AR-2024-031", executive="Le Maire de la commune de Saint-Jean-de-Moirans, ARRÊTE :", decrees=""),
])
def test_segment_recueils_arrete_page_between_deliberations(arrete_page: str) -> None:
    """The probe r20: a deliberation, an arrêté on its own page, a deliberation: the arrêté is
    neither the first one's annex nor an act."""
    text = _SOMMAIRE + "\f" + _A + _STAMPS + "\f" + arrete_page + "\f" + _B + _STAMPS
    assert pages(segment_document(doc_of(text))) == [("2024-046", 2, 2), ("2024-047", 4, 4)]


def test_segment_recueils_arretes_after_the_deliberations() -> None:
    """The probe r07: two deliberations, then two arrêtés on pages of their own."""
    text = (_SOMMAIRE + "\f" + _A + _STAMPS + "\f" + _B + _STAMPS + "\f" + arrete("AR-2024-031") + "\f"
            + arrete("AR-2024-032"))
    assert pages(segment_document(doc_of(text))) == [("2024-046", 2, 2), ("2024-047", 3, 3)]


def test_segment_recueils_arrete_above_a_deliberation_on_its_page() -> None:
    """The probe r08: an arrêté at the top of a page, a deliberation under it: the act opens
    at the deliberation's letterhead, with its own number, sitting and title."""
    text = _SOMMAIRE + "\f" + arrete("AR-2024-031") + _A + _STAMPS + "\f" + _B + _STAMPS
    acts = segment_document(doc_of(text))
    assert acts[0].text.startswith("RÉPUBLIQUE FRANÇAISE")
    values = extract_header(acts[0])
    assert (values["act_number"], values["session_date"], values["title"]) == \
        ("2024-046", D(2024, 3, 12), "Tarifs de la restauration scolaire 2024-2025")
    assert "Circulation" not in acts[0].text and len(acts) == 2


_CP = ("DÉPARTEMENT DE LA DRÔME\nCOMMISSION PERMANENTE\nRéunion du 15 avril 2024\nDÉLIBÉRATION N° {num}\n"
       "OBJET : {title}\nLa Commission permanente du Conseil départemental, régulièrement convoquée le 5 avril 2024,\n"
       "s'est réunie à Valence sous la présidence de Mme Marie-Pierre MOUTON, Présidente.\n"
       "Après en avoir délibéré,\nDÉCIDE :\nArticle 1 : d'approuver les dispositions.\nAdopté à l'unanimité.\n"
       "La Présidente du Conseil départemental,\nMarie-Pierre MOUTON\n"
       "Transmis en préfecture le 18 avril 2024 – Publié le 19 avril 2024\n")


def test_segment_recueils_departement_arretes_then_commission_permanente() -> None:
    """The probe r09: the Présidente's arrêtés, then the commission permanente's deliberations
    each on its page, whose header block names the body alone ("COMMISSION PERMANENTE")."""
    dept = dict(head="ARRÊTÉ N° {num}", executive="La Présidente du Conseil départemental de la Drôme,",
                decrees="ARRÊTE :", sign="La Présidente, Marie-Pierre MOUTON")
    text = ("DÉPARTEMENT DE LA DRÔME\nRECUEIL DES ACTES ADMINISTRATIFS\fSOMMAIRE\nArrêté n° 24-DSOL-0112\t3\n"
            "Délibération n° 2024-046\t5\f" + arrete("24-DSOL-0112", **dept) + "\f"
            + arrete("24-DSOL-0113", **dept) + "\f" + _CP.format(num="2024-046", title="Subventions sportives")
            + "\f" + _CP.format(num="2024-047", title="Convention avec la Chambre d'agriculture"))
    acts = segment_document(doc_of(text))
    assert pages(acts) == [("2024-046", 5, 5), ("2024-047", 6, 6)]
    assert all(a.text.startswith("DÉPARTEMENT DE LA DRÔME\nCOMMISSION PERMANENTE") for a in acts)
    assert [s.kind.value for s in acts[0].sections if s.kind.value == "annex"] == []


@pytest.mark.parametrize("annex", [
    # a prefect's arrêté annexed to the deliberation stays its annex
    arrete("38-2024-03-001", head="ARRÊTÉ PRÉFECTORAL N° {num}", executive="Le Préfet de l'Isère,",
           sign="Le Préfet, Louis LAUGIER"),
    arrete("38-2024-03-001", head="ARRÊTÉ N° {num}", executive="Le Préfet de l'Isère,", sign="Le Préfet"),
    # an arrêté's heading without its formula is no arrêté of the recueil
    arrete("AR-2024-031", decrees="Il est décidé ce qui suit."),
])
def test_segment_recueils_not_an_arrete_of_the_recueil(annex: str) -> None:
    text = _A + _STAMPS + "\f" + annex + "\f" + _B + _STAMPS
    acts = segment_document(doc_of(text))
    assert pages(acts) == [("2024-046", 1, 2), ("2024-047", 3, 3)]


@pytest.mark.parametrize("line, number", [
    ("ARRÊTÉ DU MAIRE N° AR-2024-031", "AR-2024-031"),
    ("ARRÊTÉ N° 24-DSOL-0112", "24-DSOL-0112"),
    ("Arrêté du Président du Conseil départemental n° 2024-12", "2024-12"),
    ("ARRÊTÉ DE LA PRÉSIDENTE N° 2024/015 : Tarification", "2024/015"),
    ("ARRETE MUNICIPAL N° 2024-031", "2024-031"),
    ("ARRÊTÉ PRÉFECTORAL N° 38-2024-03-001", None),
    ("Arrêté préfectoral n° 2024-12", None),
    ("ARRÊTE :", None),
    ("arrêté n° 2024-12 du 3 mars 2024", None),
])
def test_segment_recueils_arrete_heading(line: str, number: str | None) -> None:
    m = ARRETE_HEADING_RE.match(line)
    assert (m.group("num") if m else None) == number


@pytest.mark.parametrize("line, expected", [
    ("COMMISSION PERMANENTE", True),
    ("Commission permanente du Conseil départemental", True),
    ("BUREAU COMMUNAUTAIRE", True),
    ("Comité syndical", True),
    ("La Commission permanente, après en avoir délibéré,", False),
    ("Commission permanente : avis favorable.", False),
])
def test_segment_recueils_body_in_the_header_block(line: str, expected: bool) -> None:
    assert is_header_block(line) is expected


def test_segment_recueils_arretes_alone_change_nothing() -> None:
    """A file of arrêtés alone has no deliberation heading: the openings are left to the other
    readers (no recueil of deliberations to cut)."""
    doc = doc_of(arrete("AR-2024-031") + "\f" + arrete("AR-2024-032"))
    assert [o.deliberation for o in find_openings(doc)] == [False, False]
