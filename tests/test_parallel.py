"""Output is identical whatever the number of workers (--jobs 1 and 2)."""

from __future__ import annotations

from pathlib import Path

from pipeline.options import Options
from pipeline.runner import run
from pipeline.runner.write import read_table
from tests.scale_helpers import assert_same_tables, make_batch


def test_jobs_1_and_2_write_the_same_tables(tmp_path: Path) -> None:
    src = make_batch(tmp_path / "in", 6)
    one, two = tmp_path / "one", tmp_path / "two"
    r1 = run([src], one, Options(), jobs=1)
    r2 = run([src], two, Options(), jobs=2)
    assert r1.ok == r2.ok == 6
    assert read_table(one, "acts").num_rows == 6
    assert_same_tables(one, two)


def test_rerun_skips_and_force_redoes(tmp_path: Path) -> None:
    src = make_batch(tmp_path / "in", 2)
    out = tmp_path / "out"
    run([src], out, Options(), jobs=2)
    again = run([src], out, Options(), jobs=2)
    assert (again.skipped, again.documents) == (2, 0)
    forced = run([src], out, Options(), jobs=2, force=True)
    assert (forced.skipped, forced.ok) == (0, 2)
    assert read_table(out, "acts").num_rows == 2
