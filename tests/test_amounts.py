"""Amounts extractor: money in the act's running text, not in tables, annexes or reports."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from extractors.amounts import extract_amounts
from extractors.registry import Found
from pipeline.errors import IssueLog
from pipeline.model import Act, Section, SectionKind, Span
from tests.conftest import DEV, DEV_BORN, REAL, load_gold, make_document, needs


def make_act(parts: list[tuple[SectionKind, str, str | None]]) -> Act:
    """An act from (kind, text, label) parts, in order, on one page."""
    text = "\n".join(p[1] for p in parts)
    doc = make_document(text)
    sections, pos = [], 0
    for kind, part, label in parts:
        sections.append(Section(kind, Span(pos, pos + len(part)), doc, label))
        pos += len(part) + 1
    return Act(doc, 0, "act0", Span(0, len(text)), tuple(sections))


def test_amounts_running_text_only() -> None:
    act = make_act([
        (SectionKind.HEADER, "Objet : Budget principal 2022 - Décision modificative n°3", None),
        (SectionKind.VISAS, "Vu le Code Général des Collectivités Territoriales, et notamment son article L. 2121-29 ;\n"
         "Madame MASSON expose que la décision modificative est équilibrée en dépenses et en recettes "
         "à hauteur de 40 500,00 €.", None),
        (SectionKind.ARTICLES, "Article 1er : D'adopter la décision modificative telle que présentée ci-dessous :\n"
         "Imputation\tLibellé\tDépenses\n65/6574\tSubventions\t10 650,00 €\n"
         "Article 2 : D'attribuer une subvention de cinquante-sept mille euros (57 000 €) à l'association.", None),
        (SectionKind.VOTE, "Pour : 25 voix", None),
        (SectionKind.ANNEX, "RAPPORT\nL'association sollicite une participation de 33 000 €.", "rapport"),
    ])
    rows = extract_amounts(act, Found(), IssueLog())
    assert [(r.raw, r.amount) for r in rows] == [("40 500,00 €", Decimal("40500.00")),
                                                ("57 000 €", Decimal("57000.00"))]
    assert rows[0].context.startswith("Madame MASSON expose") and rows[0].context.endswith("40 500,00 €.")
    assert rows[1].context.startswith("Article 2 : D'attribuer")


@pytest.mark.parametrize("stem", DEV_BORN)
@needs(DEV)
def test_amounts_dev_gold(stem: str) -> None:
    from tests.conftest import processed

    pdf = DEV / f"{stem}.pdf"
    gold = sorted(Decimal(r["amount"]) for r in load_gold(pdf)["tables"]["amounts"])
    got = sorted(r.amount for r in processed(pdf).rows("amounts"))
    assert got == gold


@needs(REAL)
def test_amounts_real_couthenans_apostrophes_and_signs() -> None:
    """Couthenans 2021: "+20'000 € au 21.32", "-8'355,59€ du 28.156" (apostrophe thousands, signs)."""
    from tests.conftest import processed

    rows = processed(REAL / "commune-couthenans-2021-06-04-cm-cr.pdf").rows("amounts")
    values = {r.amount for r in rows}
    assert {Decimal("20000.00"), Decimal("-8355.59"), Decimal("-22973.41")} <= values
    assert Decimal("21.32") not in values and Decimal("28.156") not in values


@needs(REAL)
def test_amounts_real_preuilly_unspaced_euros() -> None:
    """Preuilly 2020: "une subvention de 2500€", school meals at "3.30€"."""
    from tests.conftest import processed

    rows = processed(REAL / "commune-preuilly-sur-claise-2020-07-23-cm-pv.pdf").rows("amounts")
    values = {r.amount for r in rows}
    assert {Decimal("2500.00"), Decimal("3.30"), Decimal("1751.73"), Decimal("850.56")} <= values
    assert all(re.search(r"\d", r.raw) or "euro" in r.raw for r in rows)


@pytest.mark.parametrize("text, amounts", [
    # dot-leader lines in the text are amounts (Saint-Restitut 2019: quotes and tariffs)
    ("Devis BERTHOULY Chemin de la Croze ...….\t4.327.96 € HT\n15 ans...\t200 €\n30 ans .….........\t290 €",
     ["4327.96", "200.00", "290.00"]),
    # a tariffs table's cells are not (dev I): one amount alone between column gaps
    ("Il est proposé de fixer les tarifs comme suit :\nPrestation\tTarif\nEntrée adulte\t5,10 €\n"
     "Entrée enfant (moins de 16 ans)\t3,60 €", []),
    # a décision modificative written as lines gives budget lines, not amounts (Aiglun)
    ("Recettes : compte 238/041 = 8511.01 € (participation commune)\nDépenses : compte 21534/041 = 10511.01 €\n"
     "Le coût est de 63 400 €.", ["63400.00"]),
    # ranges and scales in the text (dev H)
    ("Le coût global est estimé à 7,8 millions d'euros HT, entre 15 000 et 20 000 € HT par lot.",
     ["7800000.00", "15000.00", "20000.00"]),
])
def test_amounts_running_text_families(text: str, amounts: list[str]) -> None:
    act = make_act([(SectionKind.ARTICLES, text, None)])
    assert [str(r.amount) for r in extract_amounts(act, Found(), IssueLog())] == amounts


@pytest.mark.parametrize("line, prose", [
    # a list line of the prose, the figure aligned by a tab (Chéméré 2015, Lannion 2020, Fargues 2018)
    ("-\tSection d’investissement : un déficit de\t72 769,89 €", True),
    ("- budget VILLE :\t3.812.635,00 €", True),
    ("Travaux :\t54 699,05 € HT", True),
    ("➢ Travaux :\t744 800 € HT", True),
    ("le solde, soit\t1 200 €", True),
    # rows of a table: a cell alone, or more cells than a label and its figure (archive)
    ("Subventions de fonctionnement\t10 650,00 €", False),
    ("SYDELA (44701\tTravaux d’éclairage public rue du Breil : Extension de\t2 842,81 €", False),
    ("Expression de la mémoire : Fourniture d’une plaque destinée à\t51,00 €\t52,00 €", False),
])
def test_amounts_a_list_line_the_words_lead_to_is_prose(line: str, prose: bool) -> None:
    from extractors.amounts import _is_cell
    from pipeline.normalize.money import find_amounts

    a = find_amounts(line)[0]
    assert _is_cell(line, a) is (not prose)


def test_amounts_context_is_bounded_when_the_sentence_has_no_end() -> None:
    # a list of contracts printed without full stops: the context is the words around the
    # amount, not the whole list
    listing = " ".join(f"MAPA 0{k}/12 ENTREPRISE {k} 44320 Travaux de voirie lot {k}" for k in range(1, 30))
    text = f"Marchés de travaux {listing} Marchés de 90 000,00 € H.T. à 4 844 999,99 € H.T. {listing}"
    act = make_act([(SectionKind.DECISION, text, None)])
    rows = extract_amounts(act, Found(), IssueLog())
    assert [r.amount for r in rows] == [Decimal("90000.00"), Decimal("4844999.99")]
    for r in rows:
        assert len(r.context) <= 400 and r.raw in r.context
        assert not r.context.startswith(" ") and "Marchés de 90 000,00 €" in r.context


@pytest.mark.parametrize("decision, expected", [
    # a décision modificative's movements: the spaced minus after a colon is kept with its figure
    ("Article 1 : D'approuver la décision modificative n° 1 comme suit :\n"
     "Article 60632 - Fournitures de petit équipement : + 3 500 €\n"
     "Article 615221 - Entretien de bâtiments : - 3 500 €",
     [("+ 3 500 €", Decimal("3500.00"), None), ("- 3 500 €", Decimal("-3500.00"), None)]),
    # the qualifier spelled out, or on the noun before the figure
    ("Article 1 : D'approuver le marché pour 12 500 euros hors taxes, soit 15 000 euros TTC.\n"
     "Article 2 : De fixer l'enveloppe à un montant HT de 40 000 €.",
     [("12 500 euros", Decimal("12500.00"), "HT"), ("15 000 euros", Decimal("15000.00"), "TTC"),
      ("40 000 €", Decimal("40000.00"), "HT")]),
    # a bulleted list of awards: dashes, no minus
    ("Article 1 : D'attribuer les subventions suivantes :\n- 300 € au Foyer rural ;\n- 1 200 € au Comité des fêtes.",
     [("300 €", Decimal("300.00"), None), ("1 200 €", Decimal("1200.00"), None)]),
])
def test_amounts_signs_and_qualifiers(decision: str, expected: list) -> None:  # type: ignore[type-arg]
    rows = extract_amounts(make_act([(SectionKind.ARTICLES, decision, None)]), Found(), IssueLog())
    assert [(r.raw, r.amount, r.qualifier) for r in rows] == expected
