"""SCDL exports: custom checks written here, and the CSVs of the dev corpus (born-digital
files) validated with frictionless against the OFFICIAL schema files of ../shared/reference."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pipeline  # noqa: F401  (imports the pipeline before the extractors package)
import pytest

from pipeline.normalize.identifiers import siret_key_ok
from pipeline.export.scdl import export_scdl, load_mapping
from pipeline.export.scdl_validate import DELIBERATIONS_SCHEMA, SUBVENTIONS_SCHEMA, custom_checks, load_schema
from tests.conftest import SHARED, dev_pdfs, load_gold

REFERENCE = SHARED / "reference"
OFFICIAL_DELIB = REFERENCE / "scdl-deliberations-2.1.5.json"
OFFICIAL_SUBV = REFERENCE / "scdl-subventions-2.1.1.json"


def siret(prefix13: str) -> str:
    """A SIRET with a correct Luhn key, made here from 13 digits."""
    return next(prefix13 + d for d in "0123456789" if siret_key_ok(prefix13 + d))


# ---------------------------------------------------------------- custom checks, by hand
VOTES = ["VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION"]


def delib_row(**values: str) -> dict[str, str]:
    row = {"COLL_SIRET": "21860194600013", "DELIB_DATE": "2023-03-20", "PREF_DATE": "2023-04-19",
           "DELIB_MATIERE_NOM": "finances locales/subventions", **dict.fromkeys(VOTES, "")}
    row.update(values)
    return row


def tally(*numbers: int) -> dict[str, str]:
    return dict(zip(VOTES, map(str, numbers)))


@pytest.mark.parametrize("row,check", [
    (delib_row(**tally(43, 42, 41, 0, 2)), "sum-columns-value"),  # 41 + 0 + 2 ≠ 42
    (delib_row(**tally(40, 42, 41, 0, 1)), "compare-columns-value"),  # effectif < réel
    (delib_row(PREF_DATE="2023-03-19"), "compare-columns-value"),  # sent before adopted
    (delib_row(VOTE_POUR="41"), "cohesive-columns-value"),  # one vote column alone
    (delib_row(COLL_SIRET="21860194600014"), "french-siret-value"),  # wrong key
    (delib_row(DELIB_MATIERE_NOM="finances/subventions"), "nomenclature-actes-value"),
    (delib_row(DELIB_MATIERE_NOM="finances locales"), "nomenclature-actes-value"),  # no level 2
])
def test_custom_check_catches(row: dict[str, str], check: str) -> None:
    problems = custom_checks([row], load_schema(DELIBERATIONS_SCHEMA))
    assert check in {p.check for p in problems}


@pytest.mark.parametrize("row", [delib_row(), delib_row(**tally(43, 42, 41, 0, 1)),
                                 delib_row(PREF_DATE="", COLL_SIRET="")])
def test_custom_checks_pass(row: dict[str, str]) -> None:
    assert custom_checks([row], load_schema(DELIBERATIONS_SCHEMA)) == []


@pytest.mark.parametrize("number,ok", [("21860194600013", True), ("21860194600014", False),
                                       ("35600000000010", True), ("2186019460001A", False)])
def test_luhn(number: str, ok: bool) -> None:
    assert siret_key_ok(number) is ok


def test_shipped_schemas_are_the_official_ones() -> None:
    if not REFERENCE.exists():
        pytest.skip("no ../shared/reference")
    assert DELIBERATIONS_SCHEMA.read_bytes() == OFFICIAL_DELIB.read_bytes()
    assert SUBVENTIONS_SCHEMA.read_bytes() == OFFICIAL_SUBV.read_bytes()


def test_mapping_files(tmp_path: Path) -> None:
    (tmp_path / "m.csv").write_text("authority,siret\nCommune de Cognac,211 601 025 00011\n", encoding="utf-8")
    assert load_mapping(tmp_path / "m.csv").authorities["Commune de Cognac"].siret == "21160102500011"
    (tmp_path / "m.json").write_text(json.dumps({
        "*": {"siret": "1", "defaults": {"notificationUE": "non"}}, "Ville": "2",
        "grants": [{"act": "2022-372", "dateConvention": "2022-06-01"},
                   {"act": "2022-372", "beneficiary": "Association « Lire et Faire Lire »",
                    "dateConvention": "2022-06-15", "conditionsVersement": "unique"}]}), encoding="utf-8")
    m = load_mapping(tmp_path / "m.json")
    assert m.authorities["*"].defaults == {"notificationUE": "non"} and m.authorities["Ville"].siret == "2"
    # a decision's values, then its beneficiary's over them (names matched without quotes or "association")
    assert m.grant_values("2022-372", "Lire et Faire Lire") == {"dateConvention": "2022-06-15",
                                                                "conditionsVersement": "unique"}
    assert m.grant_values("2022-372", "Société Historique") == {"dateConvention": "2022-06-01"}
    assert m.grant_values("2023-122", "Lire et Faire Lire") == {}


# ---------------------------------------------------------------- dev corpus, end to end
DEV_PDFS = dev_pdfs()


@pytest.fixture(scope="module")
def dev_copy(dev_run: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dev corpus run (born-digital and scanned), copied: exports write into it."""
    import shutil

    out = tmp_path_factory.mktemp("scdl") / "out"
    shutil.copytree(dev_run, out)
    return out


def _authorities() -> dict[str, str]:
    """A SIRET per authority of the dev gold files, standing for what a user passes (made up
    here with a valid key: the documents print none)."""
    names = sorted({a["authority"] for pdf in DEV_PDFS for a in load_gold(pdf)["tables"]["acts"]})
    return {name: siret(f"2{i:02d}0000000001") for i, name in enumerate(names)}


#: What the user says of the dev corpus's grants, which its documents do not print: the
#: conventions' dates (the annexed copies are unsigned), payment periods; and, for the
#: first decision, "unique" payment — which the Société Historique's convention contradicts
#: ("Un premier versement … Le solde …"): the document wins.
GRANT_VALUES = [
    {"act": "2022-372", "dateConvention": "2022-06-01", "datesPeriodeVersement": "2022-06-01/2022-12-31",
     "conditionsVersement": "unique"},
    {"act": "2023-122", "dateConvention": "2023-04-03", "datesPeriodeVersement": "2023-04-03/2023-12-31"},
    {"act": "D2022_135", "dateConvention": "2022-05-02", "datesPeriodeVersement": "2022-05-02/2022-12-31",
     "conditionsVersement": "unique"},
]


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_export_without_siret_reports_it_empty(dev_copy: Path) -> None:
    report = export_scdl(dev_copy)
    assert report.valid  # reported, not blocking, unless --strict
    assert report.deliberations.missing["COLL_SIRET"] == len(DEV_PDFS)
    assert "required COLL_SIRET empty in" in report.summary()
    assert all(r["COLL_SIRET"] == "" for r in _read(dev_copy / "scdl" / "deliberations.csv"))
    # what the documents print is there without any mapping: the conventions' payment terms
    rows = _read(dev_copy / "scdl" / "subventions.csv")
    terms = {(r["nomBeneficiaire"], r["conditionsVersement"]) for r in rows}
    assert ("Société Historique et Archéologique", "échelonné") in terms  # "premier versement … solde"
    assert ("Acteurs Pour une Economie Solidaire", "unique") in terms  # "Un versement de 57 000 €"
    # and the SIRET the act prints for the same beneficiary's other award (article 2, C-epci)
    assert {r["idBeneficiaire"] for r in rows if r["nomBeneficiaire"] == "Association Terres d'Avenir"} == \
        {"53775190100845"}


def test_strict_export_fails_on_empty_required_columns(dev_copy: Path) -> None:
    report = export_scdl(dev_copy, strict=True)
    assert not report.valid
    assert "required dateConvention empty in" in report.summary()
    assert (dev_copy / "scdl" / "subventions.invalid.csv").exists()
    assert not (dev_copy / "scdl" / "subventions.csv").exists()


@pytest.fixture(scope="module")
def exported(dev_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    mapping = tmp_path_factory.mktemp("mapping") / "sirets.json"
    entries: dict = {k: {"siret": v} for k, v in _authorities().items()}
    entries["*"] = {"defaults": {"notificationUE": "non"}}
    entries["grants"] = GRANT_VALUES
    mapping.write_text(json.dumps(entries), encoding="utf-8")
    report = export_scdl(dev_copy, mapping=mapping, strict=True)
    assert report.valid, report.summary()
    assert report.deliberations.missing == {} and report.subventions.missing == {}
    return dev_copy / "scdl"


@pytest.mark.parametrize("name,official", [("deliberations", OFFICIAL_DELIB), ("subventions", OFFICIAL_SUBV)])
def test_csv_passes_the_official_schema(exported: Path, name: str, official: Path) -> None:
    """frictionless against the official schema file as published, nothing set aside, then
    the schema's custom checks."""
    if not official.exists():
        pytest.skip(f"{official} is absent")
    from frictionless import Resource, Schema

    descriptor = load_schema(official)
    schema = Schema.from_descriptor({k: v for k, v in descriptor.items() if k != "custom_checks"})
    report = Resource(path=f"{name}.csv", basepath=str(exported), schema=schema).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    rows = _read(exported / f"{name}.csv")
    assert len(rows) > 0
    assert custom_checks(rows, descriptor) == []


def test_deliberations_values_are_the_gold_ones(exported: Path) -> None:
    rows = {r["DELIB_ID"]: r for r in _read(exported / "deliberations.csv")}
    sirets = _authorities()
    for pdf in DEV_PDFS:
        for act in load_gold(pdf)["tables"]["acts"]:
            row = rows[act["act_number"]]
            assert row["COLL_NOM"] == act["authority"] and row["COLL_SIRET"] == sirets[act["authority"]]
            assert row["DELIB_DATE"] == act["session_date"]
            assert row["DELIB_OBJET"] == act["title"]
            assert row["PREF_DATE"] in ("", act["prefecture_date"])
            if row["VOTE_POUR"]:
                assert int(row["VOTE_POUR"]) == act["votes_for"]
                assert int(row["VOTE_EFFECTIF"]) == act["members_in_office"]
                assert int(row["VOTE_REEL"]) == act["votes_for"] + act["votes_against"] + act["votes_abstain"]
            assert row["DELIB_MATIERE_CODE"] and row["DELIB_MATIERE_NOM"]


def test_subventions_one_row_per_grant(exported: Path, dev_copy: Path) -> None:
    from pipeline.runner.write import read_table

    rows = _read(exported / "subventions.csv")
    grants = read_table(dev_copy, "grants").to_pylist()
    assert len(rows) == len(grants) == sum(len(load_gold(p)["tables"]["grants"]) for p in DEV_PDFS)
    for row in rows:
        assert row["nature"] == "aide en numéraire" and row["pourcentageSubvention"] == "1.00"
        assert row["notificationUE"] == "non"  # from the mapping's defaults
    by_name = {(r["nomBeneficiaire"], r["referenceDecision"]): r for r in rows}
    # the document wins over the user's decision-wide value; the user fills what it does not say
    assert by_name[("Société Historique et Archéologique", "2022-372")]["conditionsVersement"] == "échelonné"
    assert by_name[("Association Lire et Faire Lire", "2022-372")]["conditionsVersement"] == "unique"
    assert by_name[("Association Lire et Faire Lire", "2022-372")]["dateConvention"] == "2022-06-01"


def test_cli_export(dev_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.cli import main

    assert main(["export", "scdl", str(tmp_path)]) == 2  # no acts table there
    assert main(["export", "scdl", str(dev_copy), "--mapping", str(tmp_path / "none.csv")]) == 2
    assert main(["export", "scdl", str(dev_copy), "--coll-siret", "21860194600013"]) == 0
    assert "deliberations.csv:" in capsys.readouterr().out
    assert main(["export", "scdl", str(dev_copy), "--coll-siret", "21860194600013", "--strict"]) == 1
    assert main(["export", "scdl", str(dev_copy), "--coll-siret", "21860194600014"]) == 1  # bad key
    assert (dev_copy / "scdl" / "deliberations.invalid.csv").exists()
    assert not (dev_copy / "scdl" / "deliberations.csv").exists()  # no stale valid file left


# ---------------------------------------------------------------- spreadsheet formulas (OWASP)

@pytest.mark.parametrize("title", [
    '=HYPERLINK("http://example.org/x","Cliquer")', "+33 1 23 45 67 89", "-2 350,00 de crédits",
    "@SUM(A1:A9)", "=1+1;Subvention \"été\"\nsuite",
])
def test_cells_leading_with_a_formula_character_are_neutralised(tmp_path: Path, title: str) -> None:
    """OWASP CSV injection: a text cell starting with = + - @ (or tab, carriage return) gets a
    leading apostrophe so that no spreadsheet runs it; numbers (a negative amount) are left as
    they are, and the CSV quoting of ";", quotes and newlines is unchanged."""
    import pyarrow.parquet as pq

    from pipeline.runner.write import rows_to_table
    from schemas.rows import ActRow, GrantRow

    fields = dict.fromkeys(ActRow.__dataclass_fields__)
    fields.update(act_id="d1-0", doc_id="d1", act_index=0, page_start=1, page_end=1, title=title,
                  authority="Commune de Saint-Exemple", act_number="2024-001")
    grant = GrantRow("d1-0", "d1", title, None, __import__("decimal").Decimal("-150.00"), title, 2024)
    for name, rows in (("acts", [ActRow(**fields)]), ("grants", [grant])):
        (tmp_path / name).mkdir()
        pq.write_table(rows_to_table(name, rows), tmp_path / name / "part-d1.parquet")
    report = export_scdl(tmp_path, coll_siret="21860194600013")
    for name, column in (("deliberations", "DELIB_OBJET"), ("subventions", "nomBeneficiaire")):
        path = report.paths.get(name) or tmp_path / "scdl" / f"{name}.invalid.csv"
        row = _read(path)[0]
        assert row[column] == "'" + " ".join(title.split()), name
        assert not row[column].startswith(("=", "+", "-", "@", "\t", "\r"))
    subv = _read(report.paths.get("subventions") or tmp_path / "scdl" / "subventions.invalid.csv")[0]
    assert subv["montant"] == "-150"  # a number column: never given an apostrophe
