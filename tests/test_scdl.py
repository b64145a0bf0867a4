"""SCDL exports: custom checks written here, and the CSVs of the dev corpus (born-digital
files) validated with frictionless against the OFFICIAL schema files of ../shared/reference."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pipeline  # noqa: F401  (imports the pipeline before the extractors package)
import pytest

from pipeline.identifiers import siret_key_ok
from pipeline.scdl import export_scdl, load_mapping
from pipeline.scdl_validate import (DELIBERATIONS_SCHEMA, SUBVENTIONS_SCHEMA, custom_checks,
                                    load_schema, validate_csv)
from tests.conftest import DEV, SHARED, load_gold

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
    assert load_mapping(tmp_path / "m.csv")["Commune de Cognac"].siret == "21160102500011"
    (tmp_path / "m.json").write_text(json.dumps({"*": {"siret": "1", "defaults": {"notificationUE": "non"}},
                                                 "Ville": "2"}), encoding="utf-8")
    m = load_mapping(tmp_path / "m.json")
    assert m["*"].defaults == {"notificationUE": "non"} and m["Ville"].siret == "2"


# ---------------------------------------------------------------- dev corpus, end to end
BORN = sorted(DEV.glob("*-born.pdf")) if DEV.exists() else []


@pytest.fixture(scope="module")
def born_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not BORN:
        pytest.skip(f"{DEV} is absent")
    from pipeline.run import run

    out = tmp_path_factory.mktemp("scdl_out")
    assert run(BORN, out, jobs=1).failed == 0
    return out


def _authorities() -> dict[str, str]:
    """A SIRET per authority of the dev gold files (made up here: the documents print none)."""
    names = sorted({a["authority"] for pdf in BORN for a in load_gold(pdf)["tables"]["acts"]})
    return {name: siret(f"2{i:02d}0000000001") for i, name in enumerate(names)}


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_export_without_siret_reports_it_empty(born_run: Path) -> None:
    report = export_scdl(born_run)
    n = len(BORN)
    assert report.deliberations.missing["COLL_SIRET"] == n
    assert "required COLL_SIRET empty in" in report.summary()
    assert all(r["COLL_SIRET"] == "" for r in _read(born_run / "scdl" / "deliberations.csv"))


@pytest.fixture(scope="module")
def exported(born_run: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    mapping = tmp_path_factory.mktemp("mapping") / "sirets.json"
    defaults = {"notificationUE": "non", "conditionsVersement": "unique"}
    mapping.write_text(json.dumps({k: {"siret": v, "defaults": defaults} for k, v in _authorities().items()}),
                       encoding="utf-8")
    report = export_scdl(born_run, mapping=mapping)
    assert report.valid, report.summary()
    assert report.deliberations.missing == {}
    return born_run / "scdl"


@pytest.mark.parametrize("name,official", [("deliberations", OFFICIAL_DELIB), ("subventions", OFFICIAL_SUBV)])
def test_csv_passes_the_official_schema(exported: Path, name: str, official: Path) -> None:
    if not official.exists():
        pytest.skip(f"{official} is absent")
    result = validate_csv(exported / f"{name}.csv", official)
    assert result.problems == []
    if name == "deliberations":
        assert result.missing == {}  # every required field filled with the mapping
    else:  # what the deliberations do not print stays empty, and is said
        assert set(result.missing) <= {"dateConvention", "datesPeriodeVersement",
                                       "idBeneficiaire or rnaBeneficiaire"}


def test_deliberations_values_are_the_gold_ones(exported: Path) -> None:
    rows = {r["DELIB_ID"]: r for r in _read(exported / "deliberations.csv")}
    sirets = _authorities()
    for pdf in BORN:
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
            assert row["DELIB_MATIERE_CODE"] == "" or row["DELIB_MATIERE_NOM"]


def test_subventions_one_row_per_grant(exported: Path, born_run: Path) -> None:
    from pipeline.write import read_table

    rows = _read(exported / "subventions.csv")
    grants = read_table(born_run, "grants").to_pylist() if (born_run / "grants").is_dir() else []
    assert len(rows) == len(grants)
    for row in rows:
        assert row["nature"] == "aide en numéraire" and row["pourcentageSubvention"] == "1.00"
        assert row["notificationUE"] == "non"  # from the mapping's defaults


def test_cli_export(born_run: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.cli import main

    assert main(["export", "scdl", str(tmp_path)]) == 2  # no acts table there
    assert main(["export", "scdl", str(born_run), "--mapping", str(tmp_path / "none.csv")]) == 2
    assert main(["export", "scdl", str(born_run), "--coll-siret", "21860194600013"]) == 0
    assert "deliberations.csv:" in capsys.readouterr().out
    assert main(["export", "scdl", str(born_run), "--coll-siret", "21860194600014"]) == 1  # bad key
    assert (born_run / "scdl" / "deliberations.invalid.csv").exists()
    assert not (born_run / "scdl" / "deliberations.csv").exists()  # no stale valid file left
