"""Corrections: kept beside the tables, append-only, keyed by act and row content; they
survive a rerun of delib extract and are applied by the SCDL export and delib eval --corrected."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pipeline.review import corrections as corr
from tests.conftest import SAMPLES, copy_run


@pytest.fixture()
def out(samples_run: Path, tmp_path: Path) -> Path:
    return copy_run(samples_run, tmp_path / "run")


def _act(out: Path, name: str) -> dict:
    docs = {Path(d["source_path"]).name: d["doc_id"] for d in corr.read_rows(out, "documents")}
    return next(a for a in corr.read_rows(out, "acts") if a["doc_id"] == docs[name])


def _scdl(out: Path, name: str = "deliberations") -> list[dict]:
    with open(out / "scdl" / f"{name}.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_corrections_set_value_is_applied_by_the_export_and_counted(out: Path) -> None:
    from pipeline.export.scdl import export_scdl

    act = _act(out, "B-commune-cm-s202-born.pdf")
    corr.add(out, "acts", {"act_id": act["act_id"]}, "title", "set",
             "Budget principal 2022 - Décision modificative n°3 (corrigé)", note="test")
    report = export_scdl(out)
    objets = {r["DELIB_OBJET"] for r in _scdl(out)}
    assert "Budget principal 2022 - Décision modificative n°3 (corrigé)" in objets
    assert "corrections: 1 applied (1 values set, 0 marked wrong, 0 confirmed)" in report.summary()
    # the extracted table itself is untouched
    assert _act(out, "B-commune-cm-s202-born.pdf")["title"] == act["title"]


def test_corrections_are_appended_with_time_and_note_and_the_last_wins(out: Path) -> None:
    act = _act(out, "A-departement-cp-s101-born.pdf")
    key = {"act_id": act["act_id"]}
    corr.add(out, "acts", key, "act_number", "set", "2022-999", note="first try")
    corr.add(out, "acts", key, "act_number", "set", "2022-373", note="read again on the page")
    lines = (out / "corrections" / "corrections.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first["note"] == "first try" and first["time"].startswith("20") and first["was"] == "2022-372"
    rows, applied = corr.corrected_rows(out, "acts")
    assert next(r for r in rows if r["act_id"] == act["act_id"])["act_number"] == "2022-373"
    assert applied.set == 1


def test_corrections_mark_wrong_gives_null_and_a_wrong_row_is_dropped(out: Path) -> None:
    act = _act(out, "C-epci-cc-s303-born.pdf")
    person = next(r for r in corr.read_rows(out, "attendance") if r["act_id"] == act["act_id"])
    corr.add(out, "attendance", corr.row_key("attendance", person), "proxy_holder", "wrong")
    corr.add(out, "acts", {"act_id": act["act_id"]}, "secretary", "wrong", note="not the secretary")
    acts, _ = corr.corrected_rows(out, "acts")
    assert next(a for a in acts if a["act_id"] == act["act_id"])["secretary"] is None
    corr.add(out, "attendance", corr.row_key("attendance", person), None, "wrong", note="not a member")
    rows, applied = corr.corrected_rows(out, "attendance")
    assert len(rows) == len(corr.read_rows(out, "attendance")) - 1 and applied.wrong == 2


@pytest.mark.parametrize("table, column, value", [
    ("acts", "session_date", "le 10 mai"),     # a date is ISO
    ("acts", "members_present", "vingt"),       # a count is a number
    ("budget_lines", "amount", "beaucoup"),
    ("acts", "act_id", "x"),                    # not a value read from the page
    ("acts", "nonexistent", "x"),
])
def test_corrections_refuse_values_of_the_wrong_type_or_column(out: Path, table: str, column: str,
                                                              value: str) -> None:
    row = corr.read_rows(out, table)[0]
    with pytest.raises(corr.CorrectionError):
        corr.add(out, table, corr.row_key(table, row), column, "set", value)
    assert not (out / "corrections" / "corrections.jsonl").exists()


def test_corrections_refuse_a_row_that_does_not_exist(out: Path) -> None:
    with pytest.raises(corr.NoSuchRow):
        corr.add(out, "acts", {"act_id": "0" * 24}, "title", "set", "x")
    row = corr.read_rows(out, "attendance")[0]
    key = corr.row_key("attendance", row) | {"printed": "M. Personne INCONNU"}
    with pytest.raises(corr.NoSuchRow):
        corr.add(out, "attendance", key, "status", "set", "absent")


def test_corrections_survive_a_rerun_of_extract(out: Path) -> None:
    from pipeline.runner import run

    act = _act(out, "B-commune-cm-s202-born.pdf")
    line = next(r for r in corr.read_rows(out, "budget_lines") if r["act_id"] == act["act_id"])
    corr.add(out, "budget_lines", corr.row_key("budget_lines", line), "amount", "set", "10 651,00")
    run([SAMPLES / "B-commune-cm-s202-born.pdf"], out, force=True)
    rows, applied = corr.corrected_rows(out, "budget_lines")
    assert applied.set == 1 and not applied.unmatched
    again = [r for r in rows if corr.row_key("budget_lines", r) == corr.row_key("budget_lines", line)]
    assert [str(r["amount"]) for r in again] == ["10651.00"]


def test_corrections_are_scored_by_eval_corrected(out: Path) -> None:
    from pipeline.evaluate import evaluate

    act = _act(out, "B-commune-cm-s202-born.pdf")
    corr.add(out, "acts", {"act_id": act["act_id"]}, "title", "wrong")
    plain = evaluate(out, SAMPLES)["scores"]["born_digital"]["acts"]["fields"]["title"]
    corrected = evaluate(out, SAMPLES, corrected=True)["scores"]["born_digital"]["acts"]["fields"]["title"]
    assert corrected["recall"] < plain["recall"]


def test_corrections_cli_export_and_eval_say_so(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.cli import main

    act = _act(out, "A-departement-cp-s101-born.pdf")
    corr.add(out, "acts", {"act_id": act["act_id"]}, "title", "confirm")
    assert main(["export", "scdl", str(out)]) == 0
    assert "corrections: 1 applied (0 values set, 0 marked wrong, 1 confirmed)" in capsys.readouterr().out
    assert main(["eval", str(out), "--gold", str(SAMPLES), "--tables-only", "--corrected"]) == 0
    assert "with the 1 corrections" in capsys.readouterr().out
