"""The whole pipeline on the dev corpus, born-digital and scanned, scored against the gold files."""

from __future__ import annotations

from pathlib import Path

import pyarrow.dataset as ds
import pytest

from schemas import TABLES
from tests.conftest import DEV, load_gold, dev_pdfs

pytestmark = pytest.mark.skipif(not DEV.exists(), reason="../shared/corpus/dev absent")


def _table(out: Path, name: str) -> list[dict]:
    return ds.dataset(out / name, format="parquet", schema=TABLES[name]).to_table().to_pylist()


def test_end_to_end_every_table_written_with_its_schema(dev_run: Path) -> None:
    for name, schema in TABLES.items():
        table = ds.dataset(dev_run / name, format="parquet").to_table()
        assert table.schema.names == schema.names, name


def test_end_to_end_one_act_per_dev_file_with_gold_pages(dev_run: Path) -> None:
    docs = {Path(d["source_path"]).name: d for d in _table(dev_run, "documents")}
    acts = _table(dev_run, "acts")
    for pdf in dev_pdfs():
        gold = load_gold(pdf)
        doc = docs[pdf.name]
        mine = sorted((a for a in acts if a["doc_id"] == doc["doc_id"]), key=lambda a: a["act_index"])
        assert [(a["page_start"], a["page_end"]) for a in mine] == \
            [(g["page_start"], g["page_end"]) for g in gold["tables"]["acts"]], pdf.name
        assert doc["status"] == "ok"
        expect_ocr = doc["n_pages"] if gold["scanned"] else 0
        assert doc["n_ocr_pages"] == expect_ocr, pdf.name


def test_end_to_end_same_input_same_ids(dev_run: Path, tmp_path: Path) -> None:
    from pipeline.runner import run

    born = dev_pdfs("born")[:2]
    run(born, tmp_path, jobs=1)
    first = {(a["doc_id"], a["act_index"]): a["act_id"] for a in _table(dev_run, "acts")}
    again = {(a["doc_id"], a["act_index"]): a["act_id"] for a in _table(tmp_path, "acts")}
    assert again and all(first[k] == v for k, v in again.items())


@pytest.mark.parametrize("kind, floor", [("born_digital", 0.95), ("scanned", 0.90)])
def test_end_to_end_acts_header_f1(dev_scores: dict, kind: str, floor: float) -> None:
    f1 = dev_scores["scores"][kind]["acts"]["total"]["f1"]
    assert f1 >= floor, dev_scores["scores"][kind]["acts"]["fields"]


#: The dev templates added on 2026-12-01 (G: a région's grants, H: a métropole's council,
#: I: a bureau's recueil, J: a commune's minutes), first scored at born-digital acts F1
#: 0.69 / 0.44 / 0.31 / 0.62 (docs/generalisation.md). They join the corpus-wide assertions
#: here, by their scores: born-digital exact, scanned above floors measured on 2026-12-03
#: (what is left is OCR's: one visa of two on a J scan, grant-table cells; amounts 0.91 ->
#: 0.97 on 2026-12-04, since the "E" Tesseract reads for "€" is read as a euro; grants 0.93 ->
#: 1.00 and budget lines 0.94 -> 0.97 on 2026-12-08: a scanned ruled table's cells, found from
#: the rules of the page image, read again alone and cut at the rules).
NEW_TEMPLATES = ("G", "H", "I", "J")
NEW_SCANNED_FLOORS = {"acts": 0.97, "attendance": 0.99, "legal_references": 0.97, "articles": 0.99,
                      "votes": 0.99, "budget_lines": 0.96, "amounts": 0.97, "grants": 0.99}


@pytest.fixture(scope="module")
def new_templates_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pipeline.runner import run

    pdfs = sorted(p for p in DEV.glob("*.pdf") if p.name.split("-", 1)[0] in NEW_TEMPLATES)
    assert len(pdfs) == 16
    out = tmp_path_factory.mktemp("new_dev_out")
    assert run(pdfs, out, jobs=2).failed == 0
    return out


@pytest.fixture(scope="module")
def new_templates_scores(new_templates_run: Path) -> dict:
    from pipeline.evaluate import evaluate

    names = {p.name for p in DEV.glob("*.pdf") if p.name.split("-", 1)[0] in NEW_TEMPLATES}
    return evaluate(new_templates_run, DEV, only=names)["scores"]


#: Share of rows whose provenance is filled on templates G–J, per table (2026-12-05): all of
#: them (a title on a J scan whose "1er" OCR read "ler" is found near as printed).
NEW_PROVENANCE_FLOORS = {"attendance": 1.0, "legal_references": 1.0, "articles": 1.0, "votes": 1.0,
                         "budget_lines": 1.0, "amounts": 1.0, "grants": 1.0, "grant_terms": 1.0,
                         "act_fields": 1.0}


def test_new_dev_templates_values_say_where_they_are_printed(new_templates_run: Path) -> None:
    from pipeline.evaluate.provenance import check_run, filled

    for table, r in check_run(new_templates_run).items():
        assert r["wrong_text"] == 0 and r["wrong_box"] == 0, (table, r["examples"])
        assert filled(r) >= NEW_PROVENANCE_FLOORS[table], (table, r["boxed"], r["rows"])


def test_new_dev_templates_born_digital_are_read_exactly(new_templates_scores: dict) -> None:
    born = new_templates_scores["born_digital"]
    assert {t: born[t]["total"]["f1"] for t in born} == {t: 1.0 for t in born}


@pytest.mark.parametrize("table", sorted(NEW_SCANNED_FLOORS))
def test_new_dev_templates_scanned_hold_their_floors(new_templates_scores: dict, table: str) -> None:
    total = new_templates_scores["scanned"][table]["total"]
    assert total["f1"] >= NEW_SCANNED_FLOORS[table], total
