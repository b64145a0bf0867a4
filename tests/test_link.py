"""Linking across documents (pipeline/link): persons, terms, beneficiaries, on examples built here."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.link import link_run
from pipeline.link.beneficiaries import Award, link_beneficiaries
from pipeline.link.elections import calendar_of, term_of
from pipeline.link.persons import Mention, link_persons, surnames_close
from pipeline.normalize.names import given_key, parse_person, surname_key
from pipeline.normalize.organisations import authority_key, organisation_key
from pipeline.runner.write import read_table, rows_to_table
from schemas.rows import ActRow, AttendanceRow, GrantRow, GrantTermsRow, VoteRow

D = dt.date


def mentions(*acts: tuple[str, dt.date, list[str]], listed: bool = True, scope: str = "commune-x") -> list[Mention]:
    """Mentions of the names printed in each (act_id, date, names) attendance list."""
    out = []
    for act_id, day, names in acts:
        for k, printed in enumerate(names):
            p = parse_person(printed)
            out.append(Mention((act_id, k), scope, "Commune de X", act_id, "d-" + act_id, day, p.first_name,
                               p.last_name or "", p.civility, printed, listed, term_of("municipal", day)[0]))
    return out


def ids_of(ms: list[Mention]) -> dict[str, str | None]:
    links = link_persons(ms)
    return {m.printed or "": links.ids[m.ref] for m in ms}


# ---------------------------------------------------------------------------
# Keys
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("PENNETIER-BIGOT", "Pennetier Bigot"),
    ("BIC-ZYSKO", "BICZYSKO"),          # a line break's hyphen
    ("LAINÉ", "LAINE"),                  # an accent on a capital lost by OCR
    ("d'AUBERVILLE", "D’AUBERVILLE"),
    ("LE GALL", "LEGALL"),
])
def test_link_surname_keys_equal(a: str, b: str) -> None:
    assert surname_key(a) == surname_key(b)


@pytest.mark.parametrize("a, b, same", [
    ("Jean-Marie", "Jean Marie", True),
    ("JEAN-MARIE", "jean-marie", True),
    ("Bernard", "Bemard", True),         # OCR's rn → m
    ("Jean-Pau1", "Jean-Paul", True),    # OCR's 1 → l
    ("Michel", "Michèle", False),        # two first names
    ("Jean", "Jeanne", False),
    ("Jean", "Jean-Marie", False),
    ("Karine", "Carine", False),
])
def test_link_given_keys(a: str, b: str, same: bool) -> None:
    assert (given_key(a) == given_key(b)) is same


@pytest.mark.parametrize("a, b, close", [
    ("lecleve", "lecleue", True),       # an OCR slip
    ("chazelas", "chazelaz", True),
    ("grandjouan", "grandjuoan", True),  # two letters swapped in a long name
    ("roy", "ray", False),               # short names: no slip allowed
    ("dupont", "dupond", True),
    ("martin", "mercier", False),
])
def test_link_surnames_close(a: str, b: str, close: bool) -> None:
    assert surnames_close(a, b) is close


@pytest.mark.parametrize("a, b", [
    ("Commune de Chemere", "Ville de Chéméré"),
    ("Commune de Chéméré", "MAIRIE DE CHEMERE"),
    ("Département du Pas-de-Calais", "DÉPARTEMENT DU PAS-DE-CALAIS"),
])
def test_link_authority_keys_equal(a: str, b: str) -> None:
    assert authority_key(a) == authority_key(b)


@pytest.mark.parametrize("a, b, same", [
    ("Association « Les Amis de l'Orgue »", "LES AMIS DE L’ORGUE", True),
    ("Les amis de l’orgue (association loi 1901)", "Amis de l'orgue", True),
    ("SARL Boulangerie DURAND", "Boulangerie Durand", True),
    ("A.P.E. de Chéméré", "APE Chéméré", True),
    ("Comité des Fêtes de Chéméré", "COMITE DES FETES CHEMERE", True),
    ("Comité des fêtes de Chéméré", "Comité des fêtes de Bourgneuf", False),
    ("Judo Club Pazenais", "Karaté Club Pazenais", False),
])
def test_link_organisation_keys(a: str, b: str, same: bool) -> None:
    assert (organisation_key(a) == organisation_key(b)) is same


# ---------------------------------------------------------------------------
# Persons
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("first, second", [
    # inversions: NOM Prénom and Prénom NOM, with or without civility
    ("M. Jean-Paul LERAY", "LERAY Jean-Paul"),
    ("Mme MONNIER Martine", "Martine MONNIER"),
    ("Jean DUPONT", "Dupont Jean"),            # no capitals: the parser's guess, inverted back
    # compound and hyphenated names, accents
    ("Sabrina PENNETIER-BIGOT", "Sabrina PENNETIER BIGOT"),
    ("Sabrina PENNETIER-BIGOT", "Sabrina BIGOT"),
    ("Jean-Marie GATARD", "Jean Marie GA-TARD"),
    ("Marc-Antoine LAINÉ", "Marc-Antoine LAINE"),
    # small OCR slips
    ("Georges LECLEVE", "Georges LECIEVE"),
    ("Bernard CHAZELAS", "Bemard CHAZELAS"),
    ("Jean-Pierre GRANDJOUAN", "Jean-Pierre GRANDJOUNA"),
    # an initial, or the surname alone, when one member fits
    ("Christine FOROT", "C.FOROT"),
    ("Jean-Pierre GRANDJOUAN", "J.-P. GRANDJOUAN"),
    ("Jean-Pierre GRANDJOUAN", "GRANDJOUAN"),
    ("Céline TRANCHANT", "C TRANCHANT"),
])
def test_link_same_person(first: str, second: str) -> None:
    got = ids_of(mentions(("a1", D(2010, 1, 19), [first, "Paul MARTIN"]),
                          ("a2", D(2010, 2, 16), [second, "Paul MARTIN"])))
    assert got[first] is not None and got[first] == got[second]


@pytest.mark.parametrize("first, second", [
    # homonyms who differ by first name are never one person
    ("Michel GRAVOUIL", "Michèle GRAVOUIL"),
    ("Jean DUPONT", "Jeanne DUPONT"),
    ("Jean DUPONT", "Jean-Marie DUPONT"),
    ("Karine FOUQUET", "Carine FOUQUET"),
    ("Daniel ROBIN", "Danièle ROBIN"),
    # surnames far apart, or short ones a letter apart
    ("Paul ROY", "Paul RAY"),
    ("Anne MARTIN", "Anne MERCIER"),
])
def test_link_different_persons(first: str, second: str) -> None:
    got = ids_of(mentions(("a1", D(2010, 1, 19), [first]), ("a2", D(2010, 2, 16), [second])))
    assert got[first] != got[second]


def test_link_two_names_of_one_list_are_two_persons() -> None:
    """One attendance list names two people: a slip apart, they still are two."""
    got = ids_of(mentions(("a1", D(2010, 1, 19), ["Jean DUPONT", "Jean DUPOND"]),
                          ("a2", D(2010, 2, 16), ["Jean DUPONT"])))
    assert got["Jean DUPONT"] != got["Jean DUPOND"]


def test_link_initial_two_members_fit_is_unresolved() -> None:
    ms = mentions(("a1", D(2010, 1, 19), ["Jean DUPONT", "Jacques DUPONT"]),
                  ("a2", D(2010, 2, 16), ["J. DUPONT"]))
    links = link_persons(ms)
    ref = next(m.ref for m in ms if m.printed == "J. DUPONT")
    assert links.ids[ref] is None
    assert [u.reason for u in links.unresolved] == [
        "2 persons of Commune de X fit: Jacques DUPONT, Jean DUPONT"]


def test_link_initial_resolved_by_term_and_by_civility() -> None:
    """Jean DUPONT sat 2008–2014, Jacques DUPONT from 2014: "J. DUPONT" of 2015 is Jacques;
    "M. ROBIN" is Daniel, not Danièle. (An initial never goes to a person of its own list:
    "Jacques DUPONT, J. DUPONT" in one list are two people.)"""
    got = ids_of(mentions(("a1", D(2010, 1, 19), ["Jean DUPONT", "M. Daniel ROBIN", "Mme Danièle ROBIN"]),
                          ("a2", D(2015, 2, 16), ["Jacques DUPONT"]),
                          ("a3", D(2015, 3, 24), ["J. DUPONT", "M. ROBIN"])))
    assert got["J. DUPONT"] == got["Jacques DUPONT"] == "commune-x/dupont-jacques"
    assert got["M. ROBIN"] == got["M. Daniel ROBIN"] == "commune-x/robin-daniel"


def test_link_initial_without_full_name_is_its_own_person() -> None:
    got = ids_of(mentions(("a1", D(2010, 1, 19), ["B. BAILLY"]), ("a2", D(2010, 2, 16), ["B BAILLY"])))
    assert got["B. BAILLY"] == got["B BAILLY"] == "commune-x/bailly-b"


def test_link_persons_of_two_authorities_are_two() -> None:
    ms = mentions(("a1", D(2010, 1, 19), ["Jean DUPONT"]), scope="commune-x") + \
        mentions(("a2", D(2010, 1, 19), ["Jean DUPONT"]), scope="commune-y")
    links = link_persons(ms)
    assert sorted(links.ids.values()) == ["commune-x/dupont-jean", "commune-y/dupont-jean"]


def test_link_person_row_takes_the_spelling_most_printed() -> None:
    ms = mentions(("a1", D(2010, 1, 19), ["M. Alice BIC-ZYSKO"]), ("a2", D(2010, 2, 16), ["Alice BICZYSKO"]),
                  ("a3", D(2010, 3, 23), ["Alice BICZYSKO"]))
    (person,) = link_persons(ms).persons
    assert (person.person_id, person.full_name, person.spellings, person.first_seen, person.last_seen,
            person.n_meetings, person.civility) == \
        ("commune-x/biczysko-alice", "Alice BICZYSKO", ["Alice BIC-ZYSKO", "Alice BICZYSKO"],
         D(2010, 1, 19), D(2010, 3, 23), 3, "M.")


MEETINGS = [
    ("a1", D(2010, 1, 19), ["M. Jean-Paul LERAY", "Georges LECLEVE", "Alice BICZYSKO", "Jean DUPONT"]),
    ("a2", D(2010, 2, 16), ["LERAY Jean-Paul", "Georges LE-CLEVE", "Alice BIC-ZYSKO", "Jeanne DUPONT"]),
    ("a3", D(2014, 4, 22), ["J.-P. LERAY", "LECLEVE Georges", "Virginie PORCHER", "Jean DUPONT"]),
    ("a4", D(2014, 5, 13), ["Jean-Paul LERAY", "GEORGES LECLEVE", "V. PORCHER", "J. DUPONT"]),
]


def test_link_ids_do_not_depend_on_order() -> None:
    ms = mentions(*MEETINGS)
    expected = link_persons(ms)
    for seed in range(5):
        shuffled = list(ms)
        random.Random(seed).shuffle(shuffled)
        got = link_persons(shuffled)
        assert got.ids == expected.ids
        assert got.persons == expected.persons


def test_link_ids_stay_when_a_document_is_added() -> None:
    before = link_persons(mentions(*MEETINGS[:3])).ids
    after = link_persons(mentions(*MEETINGS)).ids
    assert {k: v for k, v in after.items() if k in before} == before


# ---------------------------------------------------------------------------
# Terms
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("calendar, day, expected", [
    ("municipal", D(2014, 2, 26), (D(2008, 3, 9), D(2014, 3, 23))),
    ("municipal", D(2014, 4, 22), (D(2014, 3, 23), D(2020, 5, 18))),   # the renewal: a new term
    ("municipal", D(2008, 2, 27), (D(2001, 3, 11), D(2008, 3, 9))),
    ("municipal", D(2020, 4, 20), (D(2014, 3, 23), D(2020, 5, 18))),   # 2020: the outgoing council sat until May
    ("municipal", D(2020, 6, 8), (D(2020, 5, 18), D(2026, 3, 15))),
    ("departmental", D(2023, 3, 20), (D(2021, 6, 20), None)),
    ("regional", D(2016, 1, 4), (D(2015, 12, 6), D(2021, 6, 20))),
    (None, D(2016, 1, 4), (None, None)),
])
def test_link_term_of(calendar: str | None, day: dt.date, expected: tuple) -> None:
    assert term_of(calendar, day) == expected


@pytest.mark.parametrize("authority, body, expected", [
    ("Commune de Chemere", "conseil_municipal", "municipal"),
    ("Communauté d'agglomération du Boulonnais", "bureau", "municipal"),
    ("Roannais Agglomération", "conseil_communautaire", "municipal"),
    ("Département du Pas-de-Calais", "commission_permanente", "departmental"),
    ("Région Grand Est", "commission_permanente", "regional"),
    (None, "conseil_regional", "regional"),
    (None, "other", None),
])
def test_link_calendar_of(authority: str | None, body: str, expected: str | None) -> None:
    assert calendar_of(authority, body) == expected


# ---------------------------------------------------------------------------
# Beneficiaries
# ---------------------------------------------------------------------------

def test_link_beneficiaries_siret_then_name() -> None:
    awards = [
        Award(("g", 0), "commune-x", "Commune de X", "Comité des Fêtes de X", "21860194600013", Decimal("500"), 2012),
        Award(("g", 1), "commune-x", "Commune de X", "COMITE DES FETES DE X", None, Decimal("600"), 2013),
        Award(("g", 2), "commune-x", "Commune de X", "Association Les Amis de l'Orgue", None, Decimal("100"), 2012),
        Award(("g", 3), "commune-x", "Commune de X", "Les amis de l’orgue", None, Decimal("150"), 2014),
        Award(("g", 4), "commune-y", "Commune de Y", "Les amis de l’orgue", None, Decimal("90"), 2014),
        Award(("g", 5), "commune-x", "Commune de X", "Union Sportive de Chéméré Footbal", None, Decimal("70"), 2014),
        Award(("g", 6), "commune-x", "Commune de X", "Union Sportive de Chéméré Football", None, Decimal("80"), 2015),
        Award(("g", 7), "commune-x", "Commune de X", "Union Sportive de Chéméré Football", None, None, 2016),
        Award(("t", 0), "commune-x", "Commune de X", "Comité des fêtes de X", None, is_grant=False),
    ]
    ids, rows = link_beneficiaries(awards)
    assert ids[("g", 0)] == ids[("g", 1)] == ids[("t", 0)] == "21860194600013"  # the SIRET printed once
    assert ids[("g", 2)] == ids[("g", 3)] == "nom:commune-x/amis-orgue"
    assert ids[("g", 4)] == "nom:commune-y/amis-orgue"                          # another commune's
    assert ids[("g", 5)] == ids[("g", 6)] == ids[("g", 7)]                      # a slip in a long name
    fetes = next(r for r in rows if r.beneficiary_id == "21860194600013")
    assert (fetes.siret, fetes.n_grants, fetes.total_amount, fetes.first_year, fetes.last_year) == \
        ("21860194600013", 2, Decimal("1100"), 2012, 2013)


# ---------------------------------------------------------------------------
# The whole pass over a run's tables
# ---------------------------------------------------------------------------

def _act(act_id: str, doc: str, day: dt.date, authority: str | None = "Commune de X") -> ActRow:
    return ActRow(act_id, doc, 0, 1, 1, authority=authority, body="conseil_municipal", session_date=day,
                  unanimous=False, outcome="adopted", votes_for=12, votes_against=2)


def _att(act_id: str, doc: str, k: int, printed: str, status: str = "present", holder: str | None = None) -> AttendanceRow:
    p = parse_person(printed)
    return AttendanceRow(act_id, doc, k, p.civility, p.first_name, p.last_name, p.full_name, status,
                         proxy_holder=holder, printed=printed)


def write_run(out: Path, docs: dict[str, dict[str, list]]) -> None:
    for doc, tables in docs.items():
        for name, rows in tables.items():
            (out / name).mkdir(parents=True, exist_ok=True)
            pq.write_table(rows_to_table(name, rows), out / name / f"part-{doc}.parquet")


RUN = {
    "d1": {"acts": [_act("a1", "d1", D(2013, 1, 22))],
           "attendance": [_att("a1", "d1", 1, "M. Jean-Paul LERAY"), _att("a1", "d1", 2, "Mme Alice BICZYSKO"),
                          _att("a1", "d1", 3, "M. Eric LOMBREY", "represented", "Jean-Paul LERAY")],
           "votes": [VoteRow("a1", "d1", "against", 2, [], ["Alice BICZYSKO", "E. LOMBREY"])],
           "grants": [GrantRow("a1", "d1", "Comité des fêtes", None, Decimal("500.00"), "fête", 2013)]},
    "d2": {"acts": [_act("a2", "d2", D(2013, 2, 20))],
           "attendance": [_att("a2", "d2", 1, "LERAY Jean-Paul"), _att("a2", "d2", 2, "Alice BIC-ZYSKO", "excused"),
                          _att("a2", "d2", 3, "Eric LOMBREY")],
           "grants": [GrantRow("a2", "d2", "COMITE DES FETES", None, Decimal("700.00"), None, 2014)],
           "grant_terms": [GrantTermsRow("a2", "d2", "convention", "Comité des Fêtes", None, None, None, None,
                                         None, None, None, None)]},
    "d3": {"acts": [_act("a3", "d3", D(2014, 4, 22))],
           "attendance": [_att("a3", "d3", 1, "M. Jean-Paul LERAY"), _att("a3", "d3", 2, "Virginie PORCHER")]},
}


def test_link_run_fills_ids_and_writes_tables(tmp_path: Path) -> None:
    write_run(tmp_path, RUN)
    report = link_run(tmp_path)
    assert (report.persons, report.unresolved) == (4, 0)
    att = read_table(tmp_path, "attendance").to_pylist()
    ids = {(r["act_id"], r["last_name"]): r["person_id"] for r in att}
    assert ids[("a1", "BICZYSKO")] == ids[("a2", "BIC-ZYSKO")] == "commune-x/biczysko-alice"
    assert ids[("a1", "LERAY")] == ids[("a2", "LERAY")] == ids[("a3", "LERAY")] == "commune-x/leray-jean-paul"
    assert next(r["proxy_holder_id"] for r in att if r["last_name"] == "LOMBREY" and r["act_id"] == "a1") == \
        "commune-x/leray-jean-paul"
    (vote,) = read_table(tmp_path, "votes").to_pylist()
    assert vote["person_ids"] == ["commune-x/biczysko-alice", "commune-x/lombrey-eric"]
    grants = read_table(tmp_path, "grants").to_pylist()
    assert {g["beneficiary_id"] for g in grants} == {"nom:commune-x/comite-fetes"}
    assert read_table(tmp_path, "grant_terms").to_pylist()[0]["beneficiary_id"] == "nom:commune-x/comite-fetes"
    members = {(m["person_id"], m["term_start"]): m for m in read_table(tmp_path, "memberships").to_pylist()}
    # LERAY: two terms either side of the 2014 election; BICZYSKO: present at one of two meetings
    assert sorted(t for p, t in members if p == "commune-x/leray-jean-paul") == [D(2008, 3, 9), D(2014, 3, 23)]
    alice = members[("commune-x/biczysko-alice", D(2008, 3, 9))]
    assert (alice["meetings"], alice["present"], alice["excused"], alice["attendance_rate"]) == (2, 1, 1, 0.5)
    (ben,) = read_table(tmp_path, "beneficiaries").to_pylist()
    assert (ben["n_grants"], ben["total_amount"], ben["first_year"], ben["last_year"]) == (2, Decimal("1200.00"), 2013, 2014)
    assert not list(tmp_path.rglob("*.tmp"))


def test_link_run_again_changes_nothing(tmp_path: Path) -> None:
    write_run(tmp_path, RUN)
    link_run(tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("part-d*.parquet")}
    assert link_run(tmp_path).rewritten == 0
    assert {p: p.read_bytes() for p in tmp_path.rglob("part-d*.parquet")} == before


def test_link_run_unresolved_and_unknown_authority_are_quality_rows(tmp_path: Path) -> None:
    run = {"d1": {"acts": [_act("a1", "d1", D(2013, 1, 22))],
                  "attendance": [_att("a1", "d1", 1, "Jean DUPONT"), _att("a1", "d1", 2, "Jacques DUPONT")]},
           "d2": {"acts": [_act("a2", "d2", D(2013, 2, 20))], "attendance": [_att("a2", "d2", 1, "J. DUPONT")]},
           "d3": {"acts": [_act("a3", "d3", D(2013, 2, 20), authority=None)],
                  "attendance": [_att("a3", "d3", 1, "Paul MARTIN")]}}
    write_run(tmp_path, run)
    link_run(tmp_path)
    quality = sorted((r["act_id"], r["check"], r["detail"]) for r in read_table(tmp_path, "quality").to_pylist())
    assert quality == [
        ("a2", "person_link", "J. DUPONT: 2 persons of Commune de X fit: Jacques DUPONT, Jean DUPONT"),
        ("a3", "person_scope", "the act names no authority: its persons are linked within its document only")]
    att = {r["printed"]: r["person_id"] for r in read_table(tmp_path, "attendance").to_pylist()}
    assert att["J. DUPONT"] is None and att["Paul MARTIN"] == "doc-d3/martin-paul"
