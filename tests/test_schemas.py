"""The Arrow schemas are the single source of truth: rows, contract and writer agree with them."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pyarrow as pa
import pytest

from extractors import PIPELINE, load_pipeline
from schemas import ROW_TYPES, TABLES

CONTRACT = Path(__file__).resolve().parents[2] / "shared" / "CONTRACT.md"


@pytest.mark.parametrize("table", sorted(TABLES))
def test_schemas_row_fields_match_schema(table: str) -> None:
    fields = [f.name for f in dataclasses.fields(ROW_TYPES[table])]
    assert fields == TABLES[table].names


@pytest.mark.parametrize("table", sorted(TABLES))
def test_schemas_types_follow_contract_conventions(table: str) -> None:
    for field in TABLES[table]:
        if field.name in ("amount",):
            assert field.type == pa.decimal128(18, 2)
        if field.name.endswith("_date") or field.name == "date":
            assert field.type == pa.date32()
        if field.name in ("members_in_office", "members_present", "members_voting", "count") or \
                field.name.startswith("votes_"):
            assert field.type == pa.int32()
        assert field.metadata and field.metadata.get(b"description")


@pytest.mark.skipif(not CONTRACT.exists(), reason="../shared/CONTRACT.md absent")
def test_schemas_hold_every_contract_column() -> None:
    text = CONTRACT.read_text(encoding="utf-8")
    for section in re.split(r"\n## ", text)[1:]:
        name = section.split()[0]
        if name not in TABLES:
            continue
        body = re.sub(r"\(e\.g\.[^)]*\)", "", section)  # examples of values, not columns
        # columns are the `code` words followed by a description or a comma, not enum values
        cols = re.findall(r"`([a-z_]+)`\s*(?:\(|,|$|\n)", body)
        enum_values = set(re.findall(r"\(`([a-z_]+)`\s*\|", body)) | set(re.findall(r"\|\s*`([a-z_]+)`", body))
        for col in cols:
            if col in enum_values or col in ("ocr", "text_layer"):
                continue
            assert col in TABLES[name].names, f"{name}.{col} missing"


def test_schemas_every_extractor_feeds_known_tables() -> None:
    specs = load_pipeline()
    assert [s.name for s in specs] == list(PIPELINE)
    for spec in specs:
        for table in spec.feeds:
            assert table in TABLES, f"{spec.name} feeds unknown table {table}"
