"""ACTES matière against a hand-made answer sheet (``delib eval --matiere-gold``)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds

from pipeline.evaluate.gold import documents_by_name
from schemas import TABLES

def evaluate_matiere(out_dir: str | Path, gold_csv: str | Path) -> dict[str, Any]:
    """Precision and recall of ``acts.matiere_code`` against a CSV answer sheet.

    The sheet has one row per act: ``file`` (name of the input file), ``act_index``,
    ``code`` (the level-2 code a clerk would choose) and ``also_ok`` (other codes a
    clerk could defend, ";"-separated). A code the pipeline gives is right when it is
    ``code`` or one of ``also_ok``; an act without a code is a miss, not an error
    (the classifier abstains rather than guess).
    """
    out_dir = Path(out_dir)
    names = {d["doc_id"]: name for name, d in documents_by_name(out_dir).items()}
    acts = ds.dataset(out_dir / "acts", format="parquet", schema=TABLES["acts"]).to_table(
        columns=["doc_id", "act_index", "matiere_code"]).to_pylist()
    predicted = {(names[a["doc_id"]], a["act_index"]): a["matiere_code"] for a in acts if a["doc_id"] in names}
    with open(gold_csv, encoding="utf-8", newline="") as f:
        gold = [r for r in csv.DictReader(f) if r["file"] in set(names.values())]
    right = given = 0
    for row in gold:
        code = predicted.get((row["file"], int(row["act_index"])))
        if code:
            given += 1
            allowed = {row["code"], *filter(None, (row.get("also_ok") or "").split(";"))}
            right += code in allowed
    n = len(gold)
    precision = right / given if given else 0.0
    recall = right / n if n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"acts": n, "classified": given, "right": right, "precision": round(precision, 3),
            "recall": round(recall, 3), "f1": round(f1, 3)}
