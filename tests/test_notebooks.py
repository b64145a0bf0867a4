"""Every notebook of notebooks/ runs, top to bottom, on the tables of a run of data/samples.

To keep CI fast the run reads the born-digital samples and one scanned sample (so the OCR
notebook has OCR pages and a typed/scanned pair to compare).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLES

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


@pytest.fixture(scope="module")
def samples_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pipeline.runner import run

    inputs = sorted(SAMPLES.glob("*-born.pdf")) + sorted(SAMPLES.glob("C-*-scan.pdf"))
    if not inputs:
        pytest.skip("no samples in data/samples")
    out = tmp_path_factory.mktemp("samples_out")
    assert run(inputs, out, jobs=1).failed == 0
    return out


def test_there_are_notebooks() -> None:
    assert len(NOTEBOOKS) >= 2


def run_notebook(path: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> list:
    """Execute the notebook at ``path`` on the run in ``out`` (``DELIB_OUT``); its outputs,
    none an error."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("matplotlib")
    monkeypatch.setenv("DELIB_OUT", str(out))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    return outputs


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs(path: Path, samples_run: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    outputs = run_notebook(path, samples_run, monkeypatch)
    if path.stem.startswith("02_money") and not _money_rows(samples_run):
        return  # no grant, budget line nor amount extracted: the notebook says so and draws nothing
    assert any("image/png" in o.get("data", {}) for o in outputs), "no plot drawn"


def _money_rows(out: Path) -> int:
    from pipeline.export.query import query

    n = 0
    for table in ("grants", "budget_lines", "amounts"):
        if list((out / table).glob("*.parquet")):
            n += query(out, f"SELECT count(*) FROM {table}")[1][0][0]
    return n
