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
