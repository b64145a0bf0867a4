"""Done-when of issue 18: an archive run with one file of each bad kind mixed into real files
finishes with every good file written and one errors row per bad one; a rerun retries the
transient failure and converges to a fresh run's tables.

The bad files are made here (tests/pdfgen.py, tests/test_hostile_input.py); the real files
are copied from ../shared/corpus/real into tmp_path (a few of them, to keep it fast).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pipeline.options import Options
from pipeline.runner import run
from pipeline.runner.write import read_table
from tests.conftest import REAL, needs
from tests.pdfgen import page_image, scan_pdf, text_pdf, tounicode_pdf
from tests.scale_helpers import assert_same_tables
from tests.test_hostile_input import GOOD_LINES, bomb_pdf, encrypted_pdf

pytestmark = [pytest.mark.corpus, needs(REAL)]

REAL_FILES = ("commune-montpellier-2014-04-24-cm-delib-2014-139.pdf", "commune-couthenans-2021-06-04-cm-cr.pdf",
              "commune-lannion-2020-05-25-cm-pv-installation.pdf")

#: Each bad file and the one error code it must get.
BAD = {
    "empty.pdf": "empty_file",
    "page.pdf": "not_a_pdf",
    "user-password.pdf": "encrypted",
    "bomb.pdf": "decompression_bomb",
    "huge.pdf": "too_large",
    "x.pdf": "not_a_file",
    "huge-amount.pdf": "value_out_of_range",
    "scan-tesseract-killed.pdf": "ocr_failed",  # transient: retried by the rerun
}
#: Files stored with a repair, a warning saying so (they are good files).
WARNED = {"surrogate.pdf": "text_not_utf8", "d\ufffdlib\ufffdration.pdf": "text_not_utf8"}


def _archive(root: Path) -> Path:
    src = root / "archive"
    (src / "real").mkdir(parents=True)
    for name in REAL_FILES:
        shutil.copy(REAL / name, src / "real" / name)
    bad = src / "bad"
    bad.mkdir()
    (bad / "empty.pdf").write_bytes(b"")
    (bad / "page.pdf").write_bytes(b"<!DOCTYPE html><html><body>Erreur 404</body></html>")
    good = text_pdf(root / "good.pdf", [GOOD_LINES])
    encrypted_pdf(good, bad / "user-password.pdf", user="secret", owner="owner")
    bomb_pdf(bad / "bomb.pdf", 64)
    with open(bad / "huge.pdf", "wb") as f:
        f.write(b"%PDF-1.4\n")
        f.truncate(80 * 2**20)  # sparse, over max_file_mb below
    (bad / "x.pdf").mkdir()
    (bad / "loop").symlink_to(bad, target_is_directory=True)
    text_pdf(bad / "huge-amount.pdf", [GOOD_LINES[:5] + ["DÉCIDE : une dépense de 100 000 000 000 000 000 euros."]])
    tounicode_pdf(bad / "surrogate.pdf", GOOD_LINES + ["Zone artisanale"])
    with open(os.fsencode(bad) + b"/d\xe9lib\xe9ration.pdf", "wb") as f:
        f.write(good.read_bytes().replace(b"Subvention", b"Participation"))
    scan_pdf(bad / "scan-tesseract-killed.pdf", [page_image(GOOD_LINES)])
    return src


def _by_file(out: Path) -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    status = {Path(d["source_path"]).name: d["status"] for d in read_table(out, "documents").to_pylist()}
    errors: dict[str, list[tuple[str, str]]] = {}
    for e in read_table(out, "errors").to_pylist():
        errors.setdefault(Path(e["source_path"]).name, []).append((e["severity"], e["code"]))
    return status, errors


def test_an_archive_with_bad_files_is_written_whole_and_reruns_converge(tmp_path: Path) -> None:
    src = _archive(tmp_path)
    options = Options(max_stream_mb=16, max_file_mb=64, ocr_cache=None)
    out = tmp_path / "out"
    # Tesseract killed on every page: its time limit far too short, as a kill would be
    run([src], out, Options(max_stream_mb=16, max_file_mb=64, ocr_cache=None, ocr_timeout=0.001), jobs=1)
    status, errors = _by_file(out)
    for name in REAL_FILES + tuple(WARNED):
        assert status.get(name) == "ok", (name, errors.get(name))
    for name, code in BAD.items():
        assert [c for s, c in errors.get(name, []) if s == "error"] == [code], (name, errors.get(name))
    for name, code in WARNED.items():
        assert (("warning", code)) in errors[name]

    report = run([src], out, options, jobs=1)  # the rerun: retries the transient failure only
    status, errors = _by_file(out)
    assert status["scan-tesseract-killed.pdf"] == "ok"
    assert [c for s, c in errors.get("scan-tesseract-killed.pdf", []) if s == "error"] == []
    assert report.skipped == len(REAL_FILES) + len(WARNED) + 5  # huge-amount, encrypted, bomb, empty, page: lasting
    fresh = tmp_path / "fresh"
    run([src], fresh, options, jobs=1)
    assert_same_tables(out, fresh)
