"""SIGTERM of `delib extract` (issue 18 point 6): the workers and their Tesseract stop with it,
the run says so and exits 143, nothing is left running, and a rerun resumes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from pipeline.runner.write import read_table
from tests.pdfgen import page_image, scan_pdf, text_pdf

LINES = ["COMMUNE DE SAINT-EXEMPLE", "Séance du 12 mars 2024", "DÉLIBÉRATION N° 2024-001",
         "Objet : Subvention à l'association sportive", "Le Conseil municipal, après en avoir délibéré,",
         "DÉCIDE : d'attribuer une subvention de 1 500 euros.", "Adopté à l'unanimité."]


def _extract(src: Path, out: Path, cache: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "extract", str(src), "-o", str(out),
                             "--jobs", "1", "-q", "--ocr-cache", str(cache)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_sigterm_stops_workers_and_tesseract_and_the_rerun_resumes(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    text_pdf(src / "a-typed.pdf", [LINES])
    for i in range(3):  # scans: Tesseract runs for seconds on each
        scan_pdf(src / f"b-scan-{i}.pdf", [page_image(LINES + [f"Exemplaire {i}"] * 12)] * 2)
    out, cache = tmp_path / "out", tmp_path / "ocr-cache"
    proc = _extract(src, out, cache)
    driver = psutil.Process(proc.pid)
    deadline = time.monotonic() + 240
    family: list[psutil.Process] = []
    while time.monotonic() < deadline and proc.poll() is None:
        family = driver.children(recursive=True)
        if any("tesseract" in (p.name() or "") for p in family if p.is_running()):
            break
        time.sleep(0.1)
    assert proc.poll() is None, "the run ended before Tesseract was seen"
    os.kill(proc.pid, signal.SIGTERM)  # the driver only, as a service manager or `kill` does
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143
    assert "stopped by SIGTERM" in err and "rerun" in err and "Traceback" not in err
    gone_by = time.monotonic() + 10
    while time.monotonic() < gone_by and any(p.is_running() and p.status() != psutil.STATUS_ZOMBIE
                                             for p in family):
        time.sleep(0.1)
    left = [p.pid for p in family if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert not left, f"processes left running after SIGTERM: {left}"

    rerun = _extract(src, out, cache)
    _, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err[-2000:]
    docs = read_table(out, "documents").to_pylist()
    assert sorted(Path(d["source_path"]).name for d in docs) == sorted(p.name for p in src.iterdir())
    assert {d["status"] for d in docs} == {"ok"}
    assert not list(out.rglob("*.tmp"))
