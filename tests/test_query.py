"""delib query: DuckDB views over the Parquet tables of a run."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pipeline  # noqa: F401
import pytest

from pipeline.cli import main
from pipeline.export.query import format_table, query
from pipeline.runner.write import rows_to_table
from schemas.rows import ActRow, GrantRow


def _act(act_id: str, body: str, votes_for: int | None) -> ActRow:
    fields = {f: None for f in ActRow.__dataclass_fields__}
    fields.update(act_id=act_id, doc_id="d1", act_index=int(act_id[-1]), page_start=1, page_end=1,
                  body=body, votes_for=votes_for, title=f"Acte {act_id}")
    return ActRow(**fields)


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    import pyarrow.parquet as pq

    for name, rows in (("acts", [_act("a0", "conseil_municipal", 25), _act("a1", "conseil_municipal", 20),
                                 _act("a2", "bureau", None)]),
                       ("grants", [GrantRow("a0", "d1", "Entreprendre Ensemble", None, Decimal("11500.00"),
                                            "Ateliers", 2022)])):
        (tmp_path / name).mkdir()
        pq.write_table(rows_to_table(name, rows), tmp_path / name / "part-d1.parquet")
    return tmp_path


def test_each_table_is_a_view(out: Path) -> None:
    columns, rows = query(out, "SELECT body, count(*) AS n, sum(votes_for) AS pour FROM acts "
                               "GROUP BY body ORDER BY n DESC")
    assert columns == ["body", "n", "pour"]
    assert rows == [("conseil_municipal", 2, 45), ("bureau", 1, None)]
    _, rows = query(out, "SELECT g.beneficiary, g.amount, a.title FROM grants g JOIN acts a USING (act_id)")
    assert rows == [("Entreprendre Ensemble", Decimal("11500.00"), "Acte a0")]


def test_format_table() -> None:
    text = format_table(["body", "n"], [("bureau", 1), ("conseil_municipal", 12)])
    assert text.splitlines()[2] == "bureau              1"
    assert text.endswith("(2 rows)")


def test_cli_query(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", str(out), "SELECT count(*) AS n FROM acts"]) == 0
    assert "n\n-\n3\n(1 row)" in capsys.readouterr().out
    assert main(["query", str(out), "SELECT * FROM nowhere"]) == 2
    assert main(["query", str(out / "missing"), "SELECT 1"]) == 2


@pytest.mark.parametrize("sql", [
    "SELECT * FROM read_csv('/etc/passwd', sep=':')",
    "SELECT * FROM read_text('/etc/hostname')",
    "SELECT * FROM glob('/etc/*')",
    "COPY (SELECT 1 AS x) TO '{tmp}/copied.csv'",
    "COPY acts TO '{out}/acts/part-evil.parquet'",
    "ATTACH '{tmp}/other.duckdb' AS other",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SELECT * FROM read_parquet('{out}/acts/*.parquet')",
    "SET enable_external_access = true",
    "SET lock_configuration = false",
    "SET allowed_directories = ['/']",
])
def test_query_never_reaches_beyond_the_run(out: Path, tmp_path_factory: pytest.TempPathFactory,
                                             sql: str) -> None:
    """The SQL of `delib query` sees the run's tables (views) and nothing else: no file read
    or written by path, no database attached, no extension installed or loaded, no setting
    changed back (DuckDB's enable_external_access, lock_configuration, autoload/autoinstall)."""
    import duckdb

    tmp = tmp_path_factory.mktemp("elsewhere")
    before = sorted(p.name for p in out.rglob("*"))
    with pytest.raises(duckdb.Error):
        query(out, sql.format(tmp=tmp, out=out))
    assert not list(tmp.iterdir())
    assert sorted(p.name for p in out.rglob("*")) == before


def test_query_over_a_folder_named_with_glob_characters(out: Path,
                                                       tmp_path_factory: pytest.TempPathFactory) -> None:
    import shutil

    odd = tmp_path_factory.mktemp("glob") / "out[1]*?"
    shutil.copytree(out, odd)
    assert query(odd, "SELECT count(*) FROM acts")[1] == [(3,)]
