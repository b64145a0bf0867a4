"""Visas ("Vu …"): every wording of issue 4 built in the test, the dev corpus against its
gold files, real documents checked by eye."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors.legal_references import (
    cut_at_sentence_end,
    find_visas,
    legal_references,
    normalise_article,
    parse_visa,
    restore_ordinals,
)
from extractors.registry import Found
from extractors.textlines import TextLine, join_lines
from pipeline.errors import IssueLog
from pipeline.model import SectionKind, Span
from tests.conftest import DEV, REAL, load_gold, dev_pdfs
from tests.test_attendance import make_act

D = dt.date


@pytest.mark.parametrize("raw, expected", [
    ("L.3121-14", "L.3121-14"),
    ("L. 2121-29", "L.2121-29"),
    ("L 2121-33", "L.2121-33"),
    ("L2121-22", "L.2121-22"),
    ("R. 2122-8", "R.2122-8"),
    ("L2122- 1- 4", "L.2122-1-4"),
    ("L.3121-14-1", "L.3121-14-1"),
    ("15", "15"),
    ("1609 nonies C", "1609 nonies C"),
])
def test_legal_references_normalise_article(raw: str, expected: str) -> None:
    assert normalise_article(raw) == expected


# kind, number, date, articles, title, issuer, eli
VISAS = [
    ("Vu le Code Général des Collectivités Territoriales et, notamment, ses articles L.3121-14, L.3121-14-1, "
     "L.3211-1 et L.3211-2 ;",
     ("code", None, None, ["L.3121-14", "L.3121-14-1", "L.3211-1", "L.3211-2"],
      "Code Général des Collectivités Territoriales", None, None)),
    ("Vu la Loi n°2014-856 du 31 juillet 2014 relative à l'Economie Sociale et Solidaire, et notamment son "
     "article 15 ;",
     ("loi", "2014-856", D(2014, 7, 31), ["15"], "relative à l'Economie Sociale et Solidaire", None,
      "/eli/loi/2014/7/31/2014-856/jo/texte")),
    ("Vu la délibération n°2021-257 du Conseil départemental en date du 01/07/2021 « Délégation "
     "d'attributions à la Commission Permanente » ;",
     ("deliberation", "2021-257", D(2021, 7, 1), [], "Délégation d'attributions à la Commission Permanente",
      "Conseil départemental", None)),
    ("VU le décret n° 2016-1234 du 19 septembre 2016 portant diverses dispositions ;",
     ("decret", "2016-1234", D(2016, 9, 19), [], "portant diverses dispositions", None,
      "/eli/decret/2016/9/19/2016-1234/jo/texte")),
    ("Vu le décret n°2001-495 du 6 juin 2001 pris pour l'application de l'article 10 de la loi n° 2000-321 "
     "du 12 avril 2000 et relatif à la transparence financière des aides octroyées par les personnes publiques ;",
     ("decret", "2001-495", D(2001, 6, 6), [],
      "pris pour l'application de l'article 10 de la loi n° 2000-321 du 12 avril 2000 et relatif à la "
      "transparence financière des aides octroyées par les personnes publiques", None,
      "/eli/decret/2001/6/6/2001-495/jo/texte")),
    ("Vu l'avis de la 1ère commission « Attractivité départementale et emploi » rendu lors de sa réunion en "
     "date du 06/03/2023 ;",
     ("avis", None, D(2023, 3, 6), [], None, "1ère commission « Attractivité départementale et emploi »", None)),
    ("Vu l'avis favorable de la commission Vie associative, Sport et Culture réunie le 28 avril 2022 ;",
     ("avis", None, D(2022, 4, 28), [], None, "commission Vie associative, Sport et Culture", None)),
    ("Vu l'avis du Bureau communautaire du 26 mars 2022 ;",
     ("avis", None, D(2022, 3, 26), [], None, "Bureau communautaire", None)),
    ("Vu le rapport du Président du Conseil départemental, ci-annexé ;",
     ("rapport", None, None, [], None, "Président du Conseil départemental", None)),
    ("Vu le rapport de la Présidente du Conseil départemental, ci-annexé ;",
     ("rapport", None, None, [], None, "Présidente du Conseil départemental", None)),
    ("Vu le Schéma Régional de Développement Economique, d'Innovation et d'Internationalisation (SRDEII), "
     "adopté par délibération du Conseil Régional des Hauts-de-France le 30 mars 2017 :",
     ("schema", None, D(2017, 3, 30), [],
      "Schéma Régional de Développement Economique, d'Innovation et d'Internationalisation (SRDEII)",
      "Conseil Régional des Hauts-de-France", None)),
    ("Vu le Règlement Intérieur du Conseil départemental du Pas-de-Calais et notamment ses articles 18, 20 et 29 ;",
     ("reglement", None, None, ["18", "20", "29"], "Règlement Intérieur du Conseil départemental du Pas-de-Calais",
      None, None)),
    ("Vu l'arrêté du Préfet du Pas-de-Calais n° 2019-09-390 en date du 9 septembre 2019 portant modification "
     "des statuts de la Communauté d'agglomération du Boulonnais ;",
     ("arrete", "2019-09-390", D(2019, 9, 9), [],
      "portant modification des statuts de la Communauté d'agglomération du Boulonnais",
      "Préfet du Pas-de-Calais", None)),
    ("Vu la délibération n°CC-2021-100 du Conseil communautaire du 16 décembre 2021 approuvant le contrat de "
     "ville et ses avenants ;",
     ("deliberation", "CC-2021-100", D(2021, 12, 16), [], "approuvant le contrat de ville et ses avenants",
      "Conseil communautaire", None)),
    ("Vu la délibération n°2022-039 du 11 mars 2022 portant adoption du budget primitif 2022 ;",
     ("deliberation", "2022-039", D(2022, 3, 11), [], "portant adoption du budget primitif 2022", None, None)),
    ("VU sa délibération du 14 décembre 2020 adoptant les tarifs pour l'année 2021,",
     ("deliberation", None, D(2020, 12, 14), [], "adoptant les tarifs pour l'année 2021", None, None)),
    # real wordings (Lannion, Fargues, Preuilly, Roannais, Saint-Restitut)
    ("VU l'article L2121-22 du code général des collectivités territoriales,",
     ("code", None, None, ["L.2121-22"], "code général des collectivités territoriales", None, None)),
    ("VU les articles L300-1 et L300-4 et R300-4 à R300-9 du Code de l'Urbanisme,",
     ("code", None, None, ["L.300-1", "L.300-4", "R.300-4", "R.300-9"], "Code de l'Urbanisme", None, None)),
    ("Vu l'article 1609 nonies C du code général des impôts et l'article L 2121-33 du Code général de "
     "collectivités territoriales",
     ("code", None, None, ["1609 nonies C", "L.2121-33"], "code général des impôts", None, None)),
    ("Vu le code Général des collectivités territoriales (CGCT) et notamment son article L2311-3 et R2311-9 ;",
     ("code", None, None, ["L.2311-3", "R.2311-9"], "code Général des collectivités territoriales",
      None, None)),
    # (pipeline.normalize.dates reads years 1900-2100 only: the 1867 law keeps a null date)
    ("VU l'article 15 de la loi du 10 avril 1867,",
     ("loi", None, None, ["15"], None, None, None)),
    ("Vu la loi 95-101 du 2 février 1995 relative au renforcement de la protection de l'environnement,",
     ("loi", "95-101", D(1995, 2, 2), [], "relative au renforcement de la protection de l'environnement", None,
      "/eli/loi/1995/2/2/95-101/jo/texte")),
    ("Vu la délibération D2018-16 du 19 mars 2018 approuvant le budget principal de la commune,",
     ("deliberation", "D2018-16", D(2018, 3, 19), [], "approuvant le budget principal de la commune", None, None)),
    ("Vu l'ordonnance n° 2015-899 du 23 juillet 2015 relatives aux marchés publics,",
     ("ordonnance", "2015-899", D(2015, 7, 23), [], "relatives aux marchés publics", None,
      "/eli/ordonnance/2015/7/23/2015-899/jo/texte")),
    ("Vu l'arrêté de Monsieur le Maire en date du 17 avril 2018 ayant prescrit la modification du PLU,",
     ("arrete", None, D(2018, 4, 17), [], "ayant prescrit la modification du PLU", "Maire", None)),
    ("Vu l'arrêté préfectoral N° 26.2020.06.30.081 en date du 38 juin 2020 fixant le nombre de délégués,",
     ("arrete", "26.2020.06.30.081", None, [], "fixant le nombre de délégués", "Préfet", None)),
    ("Vu la délibération du 28 mai 2021 du bureau du SDIS constatant la désaffectation du site,",
     ("deliberation", None, D(2021, 5, 28), [], "constatant la désaffectation du site", "bureau du SDIS", None)),
    ("Vu la délibération du Conseil communautaire 2015-190 du 7 décembre 2015 portant situation des vacataires ;",
     ("deliberation", None, D(2015, 12, 7), [], "portant situation des vacataires", "Conseil communautaire", None)),
    ("VU le Code Général de la Propriété des Personnes Publiques et notamment son article L2122- 1- 4,",
     ("code", None, None, ["L.2122-1-4"], "Code Général de la Propriété des Personnes Publiques", None, None)),
    ("VU l'article L2121-21 du code général des collectivités territoriales prévoyant la possibilité de ne pas "
     "procéder au scrutin secret,",
     ("code", None, None, ["L.2121-21"], "code général des collectivités territoriales", None, None)),
    ("Vu le budget de la Ville,", ("other", None, None, [], None, None, None)),
    # a code cited by its acronym, with or without points: the code by its name (written by us)
    ("Vu les articles L.2311-1 et suivants du CGCT,", ("code", None, None, ["L.2311-1"], "CGCT", None, None)),
    ("Vu l'article L.2122-22 du C.G.C.T.,", ("code", None, None, ["L.2122-22"], "C.G.C.T", None, None)),
    ("Vu le CGCT et notamment l'article L.2121-29,", ("code", None, None, ["L.2121-29"], "CGCT", None, None)),
    # the CGI's articles with a letter and a Latin ordinal
    ("Vu l'article 1639 A bis du CGI,", ("code", None, None, ["1639 A bis"], "CGI", None, None)),
    ("Vu les articles 1407 bis et 1411 du CGI,", ("code", None, None, ["1407 bis", "1411"], "CGI", None, None)),
    ("VU l'accord de l'indivision LE BIVIC en date du 7 juin 2021 sur la cession de la parcelle E n°1094,",
     ("other", None, D(2021, 6, 7), [], None, None, None)),
]


@pytest.mark.parametrize("text, expected", VISAS, ids=[t[:40] for t, _ in VISAS])
def test_legal_references_parse_visa(text: str, expected: tuple) -> None:
    r = parse_visa(text)
    assert (r.kind, r.number, r.date, r.articles, r.title, r.issuer, r.eli) == expected


def _lines(*texts: str, full: bool = False) -> list[TextLine]:
    out, pos = [], 0
    for t in texts:
        out.append(TextLine(pos, pos + len(t), t, 1, full))
        pos += len(t) + 1
    return out


@pytest.mark.parametrize("text, title", [
    ("Vu le règlement d'intervention « Biodiversité et trames vertes et bleues » ;",
     "Biodiversité et trames vertes et bleues"),
    ("Vu le règlement d'aides « Équipements culturels de proximité » adopté le 12 mars 2024 ;",
     "Équipements culturels de proximité"),
    ("Vu le schéma de référence « Lannion 2030 » adopté par délibération du conseil municipal de Lannion le 26 juin "
     "2017,", "Lannion 2030"),
    ("Vu le règlement budgétaire et financier de la Région ;", "règlement budgétaire et financier de la Région"),
])
def test_legal_references_quoted_title_of_a_named_text(text: str, title: str) -> None:
    assert parse_visa(text).title == title


@pytest.mark.parametrize("text, kind, date, title, articles", [
    # a loi by its name, its date after the name
    ("Vu la Loi Relative à la Solidarité au Renouvellement Urbain (SRU) du 13 décembre 2000,", "loi",
     dt.date(2000, 12, 13), "Relative à la Solidarité au Renouvellement Urbain (SRU)", []),
    ("Vu la Loi portant Evolution du Logement, de l’Aménagement et du Numérique (ELAN) du 23\u00a0novembre 2018,", "loi",
     dt.date(2018, 11, 23), "portant Evolution du Logement, de l’Aménagement et du Numérique (ELAN)", []),
    ("Vu la Loi Climat et Résilience du 17 décembre 2021, visant à lutter contre l’artificialisation des sols,",
     "loi", dt.date(2021, 12, 17), "Climat et Résilience", []),
    ("Vu la Loi pour l'Accès au Logement et un Urbanisme Rénové (ALUR) du 24 mars 2014,", "loi",
     dt.date(2014, 3, 24), "pour l'Accès au Logement et un Urbanisme Rénové (ALUR)", []),
    ("Vu la loi d'Orientation des Mobilités du 24 décembre 2019,", "loi", dt.date(2019, 12, 24),
     "d'Orientation des Mobilités", []),
    # the title stops where the sentence of the exposé takes over
    ("Vu la loi n°2015-991 du 7 août 2015 portant nouvelle organisation territoriale de la République, dite Loi "
     "NOTRé, qui a modifié la répartition des compétences", "loi", dt.date(2015, 8, 7),
     "portant nouvelle organisation territoriale de la République", []),
    ("Vu le décret n° 2011-984 du 23/08/2011 modifiant la nomenclature des installations classées, a fixé le rayon "
     "d'affichage à 6 km", "decret", dt.date(2011, 8, 23), "modifiant la nomenclature des installations classées", []),
    # "à compter du …" belongs to the title of a délibération
    ("Vu la délibération du Conseil Communautaire du 17 décembre 2019 portant sur les tarifs du Numériparc, à compter "
     "du 1er janvier 2020,", "deliberation", dt.date(2019, 12, 17),
     "portant sur les tarifs du Numériparc, à compter du 1er janvier 2020", []),
    # named texts cited as "other"
    ("Vu l’instruction budgétaire et comptable M57,", "other", None, "instruction budgétaire et comptable M57", []),
    ("Vu les statuts de la Communauté de Communes des Lisières de l’Oise, Autorité Organisatrice de la Mobilité,",
     "other", None, "statuts de la Communauté de Communes des Lisières de l’Oise", []),
    ("Vu Le Code de l’Environnement et notamment les articles L.110-1 à L.110-3 et R.229-53,", "code", None,
     "Code de l’Environnement", ["L.110-1", "L.110-3", "R.229-53"]),
    ("Vu le code des transports et son article L 1215-3,", "code", None, "code des transports", ["L.1215-3"]),
])
def test_legal_references_named_texts_and_where_titles_end(text: str, kind: str, date: dt.date | None,
                                                             title: str, articles: list[str]) -> None:
    r = parse_visa(text)
    assert (r.kind, r.date, r.title, r.articles) == (kind, date, title, articles)


def test_legal_references_visa_opening_on_a_capitalised_article() -> None:
    lines = [TextLine(i * 80, i * 80 + len(t), t, 1, False) for i, t in enumerate(
        ["Vu Le Code de l’Urbanisme,", "Vu La délibération n° 2016-53 du 12 avril 2016,", "VU LE CODE RURAL ;"])]
    assert len(find_visas(lines)) == 3


@pytest.mark.parametrize("text, issuer", [
    ("Vu la demande d'admission en non-valeur présentée par le comptable public ;", "comptable public"),
    ("Vu la demande présentée le 23 Juillet 2019 et complétée le 21 Novembre 2019 par la Société PARC EOLIEN DES "
     "VENTS DE L’OUEST S.A.S en vue de l’exploitation d’un parc éolien ;",
     "Société PARC EOLIEN DES VENTS DE L’OUEST S.A.S"),
    ("Vu l’approbation de la convention-type par le comité syndical du SMTCO le 11 décembre 2024,",
     "comité syndical du SMTCO"),
    ("Vu la requête formulée par l'association Les Amis du Vieux Moulin ;", "association Les Amis du Vieux Moulin"),
    # no author named, or one that is no body
    ("Vu la demande de subvention par les services ;", None),
    ("Vu la demande de M. DUPONT du 3 mars 2024 ;", None),
])
def test_legal_references_author_of_a_request(text: str, issuer: str | None) -> None:
    assert parse_visa(text).issuer == issuer


@pytest.mark.parametrize("lines, expected", [
    # wrapped after a comma before an article number, after a word, before a quote
    (["Vu le Code Général des Collectivités Territoriales et, notamment, ses articles L.3121-14, L.3121-14-1,",
      "L.3211-1 et L.3211-2 ;", "Vu la délibération n°2021-257 du Conseil départemental en date du 01/07/2021 «",
      "Délégation d'attributions » ;", "Après en avoir délibéré,"],
     ["Vu le Code Général des Collectivités Territoriales et, notamment, ses articles L.3121-14, L.3121-14-1, "
      "L.3211-1 et L.3211-2 ;",
      "Vu la délibération n°2021-257 du Conseil départemental en date du 01/07/2021 « Délégation d'attributions » ;"]),
    # no punctuation at all (Preuilly): a short line before a capital ends the visa
    (["Vu la délibération du conseil communautaire de Loches Sud Touraine en date du 16 juillet 2020",
      "Le conseil municipal désigne :"],
     ["Vu la délibération du conseil communautaire de Loches Sud Touraine en date du 16 juillet 2020"]),
    # a visa never swallows the exposé, the considérants or the decision
    (["Vu l'avis du Bureau communautaire du 26 mars 2022 ;",
      "Monsieur Arnaud MARÉCHAL, Vice-Président, présente la programmation 2022 du"],
     ["Vu l'avis du Bureau communautaire du 26 mars 2022 ;"]),
    (["VU le Code Général des Collectivités Territoriales,", "CONSIDÉRANT le budget ;"],
     ["VU le Code Général des Collectivités Territoriales,"]),
    # a list announced by the visa (Fargues)
    (["Vu les avis des Personnes Publiques Associées sur le projet, à savoir : les avis", "favorable :",
      "- La chambre d'agriculture le 27 juillet 2018 ;", "- du syndicat mixte du SCOT, 17 septembre 2018.",
      "Vu l'arrêté du maire en date du 13 août 2018 ;"],
     ["Vu les avis des Personnes Publiques Associées sur le projet, à savoir : les avis favorable : - La chambre "
      "d'agriculture le 27 juillet 2018 ; - du syndicat mixte du SCOT, 17 septembre 2018.",
      "Vu l'arrêté du maire en date du 13 août 2018 ;"]),
    # "Vu avec l'association …" is not a visa; "vu" inside a sentence neither
    (["Vu avec l'association « Verger vivant » et la LPO .", "Il a été vu le 3 mai que le projet …"], []),
])
def test_legal_references_find_visas(lines: list[str], expected: list[str]) -> None:
    assert [join_lines(v.lines) for v in find_visas(_lines(*lines))] == expected


@pytest.mark.parametrize("parts, expected", [
    (["« Dé-", "légation d'attributions »"], "« Délégation d'attributions »"),
    (["L'État cofinance les actions rete-", "nues à hauteur de 41 000 €."],
     "L'État cofinance les actions retenues à hauteur de 41 000 €."),
    (["ses articles L.3121-", "14 et L.3211-1"], "ses articles L.3121-14 et L.3211-1"),
    (["Département du Pas-de-", "Calais"], "Département du Pas-de-Calais"),
    (["le rapport ci-", "annexé"], "le rapport ci-annexé"),
])
def test_legal_references_join_lines(parts: list[str], expected: str) -> None:
    assert join_lines(parts) == expected


def test_legal_references_sentence_end_and_ordinals() -> None:
    assert cut_at_sentence_end("Vu le décret n° 2011-984 du 23/08/2011 modifiant la nomenclature, a fixé le rayon "
                               "à 50 mètres. Preuilly sur Claise est concerné.") == \
        "Vu le décret n° 2011-984 du 23/08/2011 modifiant la nomenclature, a fixé le rayon à 50 mètres."
    assert cut_at_sentence_end("Vu l'article L. 2121-29 du Code et l'art. L. 2311-1 ;") == \
        "Vu l'article L. 2121-29 du Code et l'art. L. 2311-1 ;"
    assert restore_ordinals("Vu l'avis de la 1°'° commission « Attractivité »",
                            "La 1ère Commission - Attractivité départementale") == \
        "Vu l'avis de la 1ère commission « Attractivité »"


def test_legal_references_act_visas_across_a_page_break_without_annexes() -> None:
    """The footer of the page break is cut out; the convention's own "Vu :" are not the act's."""
    footer = "Département du Pas-de-Calais - Commission permanente du 20 mars 2023\t1 / 15"
    visas = ("Vu la Loi n°2014-856 du 31 juillet 2014 relative à l'Economie Sociale et Solidaire, et notamment\n"
             f"{footer}\n\fson article 15 ;\nVu le rapport du Président du Conseil départemental, ci-annexé ;\n")
    act = make_act((SectionKind.VISAS, visas, False),
                   (SectionKind.DECISION, "Après en avoir délibéré,\nDECIDE :", False),
                   (SectionKind.ANNEX, "CONVENTION\nVu : le code général des collectivités territoriales ;", False))
    start = act.doc.text.index(footer)
    import dataclasses
    act = dataclasses.replace(act, doc=dataclasses.replace(act.doc, furniture=(Span(start, start + len(footer) + 1),)))
    act = dataclasses.replace(act, sections=tuple(dataclasses.replace(s, doc=act.doc) for s in act.sections))
    rows = legal_references(act, Found(), IssueLog())
    assert [(r.position, r.kind, r.text, r.page) for r in rows] == [
        (1, "loi", "Vu la Loi n°2014-856 du 31 juillet 2014 relative à l'Economie Sociale et Solidaire, et "
                   "notamment son article 15 ;", 1),
        (2, "rapport", "Vu le rapport du Président du Conseil départemental, ci-annexé ;", 2),
    ]
    assert rows[0].articles == ["15"]


# ---------------------------------------------------------------------------
# Dev corpus, against the gold files
# ---------------------------------------------------------------------------

FIELDS = ("kind", "number", "date", "articles", "title", "issuer", "eli", "text")


@pytest.mark.skipif(not DEV.exists(), reason="../shared/corpus/dev absent")
@pytest.mark.parametrize("pdf", dev_pdfs("born"), ids=lambda p: p.name)
def test_legal_references_dev_born_equal_gold(pdf: Path) -> None:
    from tests.conftest import processed

    result = processed(pdf)
    gold = load_gold(pdf)["tables"]["legal_references"]
    mine = [tuple(str(v) if isinstance(v, dt.date) else v for v in (getattr(r, f) for f in FIELDS))
            for r in result.rows("legal_references")]
    assert mine == [tuple(g[f] for f in FIELDS) for g in gold]


# Scanned: 2 of 130 values are OCR slips no rule can undo ("SRDEI" for "SRDEII"), and
# depending on the OCR run one ";" of dev C reads ":" (0.977 instead of 0.985).
@pytest.mark.parametrize("kind, floor", [("born_digital", 0.99), ("scanned", 0.97)])
def test_legal_references_dev_f1_and_precision(dev_scores: dict, kind: str, floor: float) -> None:
    total = dev_scores["scores"][kind]["legal_references"]["total"]
    assert total["f1"] >= floor, dev_scores["scores"][kind]["legal_references"]
    assert total["precision"] >= floor


# ---------------------------------------------------------------------------
# Real documents, values read in the text by eye
# ---------------------------------------------------------------------------


@pytest.mark.skipif(not REAL.exists(), reason="../shared/corpus/real absent")
@pytest.mark.parametrize("name, marker, expected", [
    # visas after "Après en avoir délibéré", without punctuation
    ("commune-preuilly-sur-claise-2020-07-23-cm-pv.pdf", "2020-039",
     [("code", ["1609 nonies C", "L.2121-33"], None),
      ("deliberation", [], "Vu la délibération du conseil communautaire de Loches Sud Touraine en date du "
                           "16 juillet 2020")]),
    # "VU l'article …", "VU le Code … notamment ses articles" wrapped, "VU l'élection …"
    ("commune-lannion-2020-06-08-cm-pv.pdf", "Délégation donnée à l'exécutif de pouvoir recourir",
     [("code", ["L.2122-22"], "VU le Code Général des Collectivités territoriales, notamment l'article L. 2122-22,"),
      ("other", [], None),
      ("deliberation", [], "VU la délibération du Conseil Municipal du 07 février 2020 adoptant le budget primitif "
                           "pour l’année 2020,")]),
    ("commune-fargues-saint-hilaire-2018-12-13-cm-pv.pdf", "Vu la délibération D2018-16",
     [("code", [], "Vu le code de général des collectivités territoriales,"),
      ("deliberation", [], "Vu la délibération D2018-16 du 19 mars 2018 approuvant le budget principal de la "
                           "commune,"),
      ("other", [], None)]),
    ("epci-roannais-agglomeration-2021-10-28-cc-pv.pdf", "Vu l’arrêté préfectoral du 30 décembre 2019, portant "
                                                          "statuts de Roannais Agglomération et notamment la "
                                                          "compétence obligatoire « Développement économique » ;",
     [("arrete", [], None), ("deliberation", [], None)]),
])
def test_real_legal_references(name: str, marker: str, expected: list) -> None:
    from tests.test_attendance import real_acts

    act = next(a for a in real_acts(name) if marker in " ".join(a.text.split()) or marker in a.text)
    rows = legal_references(act, Found(), IssueLog())
    assert [r.kind for r in rows] == [k for k, _, _ in expected]
    for r, (_, articles, text) in zip(rows, expected):
        assert r.articles == articles
        if text is not None:
            assert r.text == text


@pytest.mark.parametrize("visa, kind, issuer", [
    # the author named by an adjective of the noun (Roannais, Saint-Restitut, Lisières, Chéméré)
    ("Vu l’arrêté préfectoral du 30 décembre 2019, portant statuts de Roannais Agglomération,", "arrete", "Préfet"),
    ("Vu l'arrêté préfectoral N° 26.2020.06.30.001 en date du 30 juin 2020 fixant le nombre,", "arrete", "Préfet"),
    ("Vu l’arrêté municipal n°2007/107 en date du 29 octobre 2007 soumettant la modification du POS,", "arrete",
     "Maire"),
    ("Vu la circulaire ministérielle du 30 juin 2020 qui précise les modalités de l’élection,", "other", "Ministre"),
    ("Vu l’arrêté interministériel du 3 mai 2002 fixant les taux,", "arrete", None),  # several ministers
    # an office alone, with its capital whatever the print (Fargues 2018)
    ("Vu l’arrêté du maire en date du 13 août 2018 soumettant à enquête publique le projet,", "arrete", "Maire"),
    ("Vu l’arrêté de Monsieur le Maire en date du 17 avril 2018 ayant prescrit la modification du PLU,", "arrete",
     "Maire"),
    ("Vu l’arrêté du Préfet du Pas-de-Calais du 3 mai 2022,", "arrete", "Préfet du Pas-de-Calais"),
    # the report "and the conclusions" of its author
    ("Vu le rapport et les conclusions du commissaire enquêteur en date du 22 novembre 2018,", "rapport",
     "commissaire enquêteur"),
])
def test_visa_issuer_of_every_wording(visa: str, kind: str, issuer: str | None) -> None:
    ref = parse_visa(visa)
    assert (ref.kind, ref.issuer) == (kind, issuer)


@pytest.mark.parametrize("visa, title", [
    ("Vu le Code général des collectivités territoriales (CGCT),", "Code général des collectivités territoriales"),
    ("Vu le code de l'urbanisme (CU) et notamment son article L.153-36,", "code de l'urbanisme"),
    # a list announced by "à savoir" is not the title (Lisières 2025)
    ("Vu la délibération n° DEL2021-195 du 9 décembre 2021 approuvant la signature d'une convention afin de "
     "participer au financement de 4 dispositifs d'aide aux entreprises à savoir : • Aide à la création, • Aide à "
     "l'immobilier,", "approuvant la signature d'une convention afin de participer au financement de 4 dispositifs "
     "d'aide aux entreprises"),
    # a loi's acronym is part of its title as printed
    ("Vu la loi n° 2000-1208 du 13 décembre 2000 relative à la Solidarité et au Renouvellement Urbains (SRU),",
     "relative à la Solidarité et au Renouvellement Urbains (SRU)"),
])
def test_visa_titles_without_acronyms_of_codes_or_announced_lists(visa: str, title: str) -> None:
    assert parse_visa(visa).title == title


@pytest.mark.parametrize("visa, articles", [
    # a paragraph ("4°", "alinéa 1er") is the article's, never an article (probes v17, v10)
    ("Vu le Code général des collectivités territoriales, notamment son article L.2122-22, 4° ;", ["L.2122-22"]),
    ("Vu l'article L. 2121-29 alinéa 1er du CGCT ;", ["L.2121-29"]),
    ("Vu l'article L.2122-22 4° et 5° du CGCT,", ["L.2122-22"]),
    ("Vu le CGCT, notamment l'article L.2122-22 alinéa 2 et l'article L.2122-23 ;", ["L.2122-22", "L.2122-23"]),
    ("Vu l'article L.2122-22 al. 2 du CGCT ;", ["L.2122-22"]),
    ("Vu l'article 12° de la loi du 2 mars 1982 ;", []),
    # the list runs on after a paragraph or "et suivants" (probes v10, v20)
    ("Vu le code général de la fonction publique, notamment ses articles L. 332-8 2° et L. 332-14,",
     ["L.332-8", "L.332-14"]),
    ("Vu le Code général des collectivités territoriales, notamment ses articles L.2121-29, L.2311-1 et suivants, "
     "L.2312-1 et suivants ;", ["L.2121-29", "L.2311-1", "L.2312-1"]),
    ("Vu les articles L.2121-29 et suivants et L.2122-21 du CGCT ;", ["L.2121-29", "L.2122-21"]),
    ("Vu les articles L.2311-1 et s. du CGCT ;", ["L.2311-1"]),
    ("Vu le Code de l’urbanisme et notamment ses articles L. 332-6-1-2° d), L. 332-11-1 et L. 332-11-2 ;",
     ["L.332-6-1", "L.332-11-1", "L.332-11-2"]),  # archive, Chéméré
    ("Vu le Code de l’Urbanisme et notamment les articles L 123-1 et suivants et R 123-1 et suivants,",
     ["L.123-1", "R.123-1"]),
    # numbers without "°" stay articles
    ("Vu le Règlement Intérieur, notamment ses articles 18, 20 et 29 ;", ["18", "20", "29"]),
    ("Vu le règlement, notamment ses articles 18 à 20 ;", ["18", "20"]),
    # an article of a code printed short after one printed whole (Lisières 2025-09-25), a ";" before the next
    ("Vu le Code Général des Collectivités Territoriales et en particulier les articles L2212-1 et suivants, L2224-7 "
     "à 12-5; D2224-5-1 et R2224-6 à 22-6,",
     ["L.2212-1", "L.2224-7", "L.2224-12-5", "D.2224-5-1", "R.2224-6", "R.2224-22-6"]),
    ("Vu les articles L.2121-29 et 2121-30 du CGCT ;", ["L.2121-29", "L.2121-30"]),
    ("Vu les articles L.2122-22 et 23 du CGCT ;", ["L.2122-22"]),  # "23" cannot be completed surely
])
def test_legal_references_articles_without_their_paragraphs(visa: str, articles: list[str]) -> None:
    assert parse_visa(visa).articles == articles


@pytest.mark.parametrize("visa, number, eli", [
    # a préfecture's arrêté numbered by its services' codes first (probes v18, v12)
    ("Vu l'arrêté préfectoral n° DRCL-BCL-2023-45 du 2 mai 2023 portant modification des statuts du syndicat ;",
     "DRCL-BCL-2023-45", None),
    ("Vu l'arrêté préfectoral n° PREF/DCL/2023-112 du 20 juin 2023 ;", "PREF/DCL/2023-112", None),
    ("Vu l'arrêté de M. le Préfet de la Haute-Savoie n° PREF/DRCL/BCLB-2023-0045 du 2 mai 2023 ;",
     "PREF/DRCL/BCLB-2023-0045", None),
    ("Vu l'arrêté préfectoral n°SPS-DRCL-BCL-2023-45 du Préfet du Rhône du 2 mai 2023 ;", "SPS-DRCL-BCL-2023-45",
     None),
    ("Vu l'arrêté préfectoral n° 2023/DRCT/BCL/045 du 2 mai 2023 ;", "2023/DRCT/BCL/045", None),
    ("Vu l'arrêté du Président n° AP-2024-012 en date du 3 février 2024 ;", "AP-2024-012", None),
    # a year and a rank with the hyphen spaced or a dash: the number as the JO prints it (probe v19)
    ("Vu la loi n° 2015 - 991 du 7 août 2015 portant nouvelle organisation territoriale de la République ;",
     "2015-991", "/eli/loi/2015/8/7/2015-991/jo/texte"),
    ("Vu la loi n° 2015–991 du 7 août 2015 ;", "2015-991", "/eli/loi/2015/8/7/2015-991/jo/texte"),
    ("Vu le décret n°2016 -1022 du 26 juillet 2016 ;", "2016-1022", "/eli/decret/2016/7/26/2016-1022/jo/texte"),
    ("Vu l'arrêté n° 2019-09-390 du 9 septembre 2019 ;", "2019-09-390", None),
    # a word after "n°" is no number
    ("Vu l'arrêté n° du 12 mai 2023 ;", None, None),
])
def test_legal_references_numbers_with_codes_and_spaced_hyphens(visa: str, number: str | None,
                                                                 eli: str | None) -> None:
    ref = parse_visa(visa)
    assert (ref.number, ref.eli) == (number, eli)


@pytest.mark.parametrize("visa, date, title", [
    # the text's own date printed before the title: a date ending the title is the title's (probe v21)
    ("Vu le décret n° 88-145 du 15 février 1988 modifié, pris pour l'application de l'article 136 de la loi du "
     "26 janvier 1984 ;", D(1988, 2, 15),
     "pris pour l'application de l'article 136 de la loi du 26 janvier 1984"),
    ("Vu le décret n° 2016-1022 du 26 juillet 2016 modifiant le décret n° 2002-60 du 14 janvier 2002 ;",
     D(2016, 7, 26), "modifiant le décret n° 2002-60 du 14 janvier 2002"),
    # no date before the title: the date at its end is the text's own
    ("Vu la Loi Relative à la Solidarité au Renouvellement Urbain (SRU) du 13 décembre 2000,", D(2000, 12, 13),
     "Relative à la Solidarité au Renouvellement Urbain (SRU)"),
    ("Vu le décret relatif aux indemnités des élus du 26 juillet 2016 ;", D(2016, 7, 26),
     "relatif aux indemnités des élus"),
])
def test_legal_references_date_ending_a_title(visa: str, date: dt.date, title: str) -> None:
    ref = parse_visa(visa)
    assert (ref.date, ref.title) == (date, title)


@pytest.mark.parametrize("visa, number, issuer", [
    # a décision or a circulaire: kind "other", with its number and author as an arrêté has them (probe unit5)
    ("Vu la décision du Maire n° 2024-12 du 3 février 2024 ;", "2024-12", "Maire"),
    ("Vu la décision n° 2024-12 du Président du 3 février 2024 ;", "2024-12", "Président"),
    ("Vu la décision du Président du Conseil départemental n° D-2024-12 en date du 3 février 2024 portant "
     "attribution ;", "D-2024-12", "Président du Conseil départemental"),
    ("Vu la décision de l’Assemblée Générale Extraordinaire de Roannais Tourisme du 20 septembre 2021, approuvant "
     "une modification des statuts ;", None, "Assemblée Générale Extraordinaire de Roannais Tourisme"),
    ("Vu la circulaire de M. Le Premier Ministre en date du 20 novembre 2020 adressée aux préfets de Région ;", None,
     "Premier Ministre"),
    ("Vu la circulaire préfectorale n° 2020-12 du 3 mars 2020 ;", "2020-12", "Préfet"),
    ("VU la circulaire IOCB1015077C en date du 25 juin 2010 sur les produits financiers,", "IOCB1015077C", None),
    # a number further on is not the act's, an infinitive is not its author's name
    ("Vu la décision du Maire de céder la parcelle AB n° 123 ;", None, "Maire"),
    ("Vu la décision de M. DUPONT du 3 mars 2024 concernant la parcelle n° 12 ;", None, None),
    ("Vu la décision modificative n° 1 du budget principal ;", None, None),
    ("Vu les précédentes décisions budgétaires modificatives du budget M14,", None, None),
])
def test_legal_references_number_and_author_of_a_decision(visa: str, number: str | None, issuer: str | None) -> None:
    ref = parse_visa(visa)
    assert (ref.kind, ref.number, ref.issuer) == ("other", number, issuer)


@pytest.mark.parametrize("lines, expected", [
    # visas run together in one paragraph: one row each (probe v16)
    (["Vu le Code général des collectivités territoriales ; Vu la loi n° 2015-991 du 7 août 2015 ; Vu la délibération "
      "n° 2023-045 du 12 décembre 2023 ; Vu l'avis de la commission Finances du 4 mars 2024 ;", "Considérant que"],
     ["Vu le Code général des collectivités territoriales ;", "Vu la loi n° 2015-991 du 7 août 2015 ;",
      "Vu la délibération n° 2023-045 du 12 décembre 2023 ;", "Vu l'avis de la commission Finances du 4 mars 2024 ;"]),
    (["VU le Code général des collectivités territoriales, VU la loi n° 2015-991 du 7 août 2015. VU l'avis du",
      "bureau du 3 mars 2024 ;"],
     ["VU le Code général des collectivités territoriales,", "VU la loi n° 2015-991 du 7 août 2015.",
      "VU l'avis du bureau du 3 mars 2024 ;"]),
    # "Vu :" and the visas listed under it, bulleted or not, wrapped or not (probe v15)
    (["Vu :", "- le Code général des collectivités territoriales, notamment son article L.2121-29,",
      "- la loi n° 2015-991 du 7 août 2015 portant nouvelle organisation territoriale de la République,",
      "- la délibération n° 2023-045 du 12 décembre 2023,", "Considérant la nécessité de réviser les tarifs ;"],
     ["le Code général des collectivités territoriales, notamment son article L.2121-29,",
      "la loi n° 2015-991 du 7 août 2015 portant nouvelle organisation territoriale de la République,",
      "la délibération n° 2023-045 du 12 décembre 2023,"]),
    (["VU :", "• le Code général des collectivités territoriales ;", "• la délibération n° 2023-045 du 12 décembre",
      "2023 portant création d'un poste ;", "DÉCIDE :"],
     ["le Code général des collectivités territoriales ;",
      "la délibération n° 2023-045 du 12 décembre 2023 portant création d'un poste ;"]),
    (["Vu : - le Code général des collectivités territoriales,", "- la loi n° 2015-991 du 7 août 2015,"],
     ["le Code général des collectivités territoriales,", "la loi n° 2015-991 du 7 août 2015,"]),
    (["Vu :", "le Code général des collectivités territoriales,", "la loi n° 2015-991 du 7 août 2015 portant nouvelle",
      "organisation territoriale de la République,", "Le Conseil municipal, après en avoir délibéré,"],
     ["le Code général des collectivités territoriales,",
      "la loi n° 2015-991 du 7 août 2015 portant nouvelle organisation territoriale de la République,"]),
    (["Vu le Code général des collectivités territoriales ; Vu la loi n° 2015-991 du 7 août",
      "2015 ; Vu la délibération n° 2023-045 du 12 décembre 2023 ;"],
     ["Vu le Code général des collectivités territoriales ;", "Vu la loi n° 2015-991 du 7 août 2015 ;",
      "Vu la délibération n° 2023-045 du 12 décembre 2023 ;"]),
    # not visas: "VU" as a name in a list, "vu" inside a sentence, "Vu" run on in the debate of minutes
    # (Lannion 2020, 2021), "Vu :" over no list (a stamp)
    (["Présents : M. Jean DUPONT, M. VU Le Minh, Mme Anne ROBERT ;", "tel que vu le 3 mai ; vu la carte"], []),
    (["Mme LE GALL trouve le programme ambitieux. Vu la crise sanitaire et sociale actuelle, elle demande si la ville",
      "sera en capacité de financer ce programme.", "M. le Maire répond. Vu le montant, les crédits couvriront les outils."],
     []),
    (["Vu :", "Le Préfet,", "Jean MARTIN"], []),
])
def test_legal_references_visas_run_together_or_listed_under_vu(lines: list[str], expected: list[str]) -> None:
    assert [join_lines(v.lines) for v in find_visas(_lines(*lines))] == expected


def test_legal_references_items_of_a_vu_list_are_read_and_placed() -> None:
    """An item has no "Vu" of its own: it is read as a visa, and starts where its text does."""
    lines = _lines("Vu :", "- la loi n° 2015-991 du 7 août 2015 ;", "- l'arrêté préfectoral n° 2023-12 du 2 mai 2023 ;")
    visas = find_visas(lines)
    assert [v.start for v in visas] == [lines[1].start + 2, lines[2].start + 2]
    refs = [parse_visa(join_lines(v.lines)) for v in visas]
    assert [(r.kind, r.number, r.date, r.issuer) for r in refs] == [
        ("loi", "2015-991", D(2015, 8, 7), None), ("arrete", "2023-12", D(2023, 5, 2), "Préfet")]
