"""Hostile input: every bad file gives a clear errors row, and the rest of the batch is done.

The files are built here, in tmp_path: an empty file, an image and an HTML page saved as
.pdf, a truncated PDF, garbage in the middle, user- and owner-password encryption, a few
hundred blank pages, deeply nested objects, a folder named x.pdf, names with accents,
spaces and quotes, decompression bombs, a document past its time limit.
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pytest
from PIL import Image

from pipeline.runner.bounds import check_streams
from pipeline.errors import PipelineError
from pipeline.options import Options
from pipeline.runner import run
from pipeline.runner.write import read_table
from tests.pdfgen import page_image, raw_pdf, scan_pdf, text_pdf

GOOD_LINES = ["COMMUNE DE SAINT-EXEMPLE", "Séance du 12 mars 2024",
              "DÉLIBÉRATION N° 2024-001", "Objet : Subvention à l'association sportive",
              "Le Conseil municipal, après en avoir délibéré,",
              "DÉCIDE : d'attribuer une subvention de 1 500 euros.", "Adopté à l'unanimité."]


def blank_pages_pdf(path: Path, n: int) -> Path:
    kids = " ".join(f"{3 + i} 0 R" for i in range(n))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode()]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * n
    path.write_bytes(raw_pdf(objs))
    return path


def nested_pdf(path: Path, depth: int) -> Path:
    """A one-page PDF whose page dictionary holds an array nested ``depth`` deep."""
    nest = b"[" * depth + b"1" + b"]" * depth
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Deep " + nest + b" >>"]
    path.write_bytes(raw_pdf(objs))
    return path


def bomb_pdf(path: Path, inflated_mb: int, layers: int = 1) -> Path:
    """A one-page PDF with a content stream of zeros compressed ``layers`` times."""
    data = b"\0" * (inflated_mb * 2**20)
    for _ in range(layers):
        data = zlib.compress(data, 9)
    filters = "[" + " ".join(["/FlateDecode"] * layers) + "]"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            f"<< /Length {len(data)} /Filter {filters} >>\nstream\n".encode() + data + b"\nendstream"]
    path.write_bytes(raw_pdf(objs))
    return path


def encrypted_pdf(src: Path, dst: Path, *, user: str, owner: str) -> Path:
    pikepdf = pytest.importorskip("pikepdf")
    with pikepdf.open(src) as pdf:
        pdf.save(dst, encryption=pikepdf.Encryption(user=user, owner=owner, R=4))
    return dst


def _codes(out: Path) -> dict[str, set[str]]:
    """Errors by source file name: the set of codes of each."""
    errors = read_table(out, "errors").to_pylist()
    codes: dict[str, set[str]] = {}
    for e in errors:
        codes.setdefault(Path(e["source_path"]).name, set()).add(e["code"])
    return codes


def _status(out: Path) -> dict[str, str]:
    return {Path(d["source_path"]).name: d["status"] for d in read_table(out, "documents").to_pylist()}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One batch holding every bad file and three good ones, run with two workers."""
    src = tmp_path_factory.mktemp("hostile")
    good = text_pdf(src / "good.pdf", [GOOD_LINES])
    text_pdf(src / "délib n°2 \"été\" l'an.pdf", [GOOD_LINES + ["Deuxième exemplaire."]])
    (src / "empty.pdf").write_bytes(b"")
    img = io.BytesIO()
    Image.new("RGB", (50, 50), "white").save(img, "PNG")
    (src / "image.pdf").write_bytes(img.getvalue())
    (src / "page.pdf").write_bytes(b"<!DOCTYPE html><html><body>Erreur 404</body></html>")
    raw = text_pdf(src / "_tmp.pdf", [GOOD_LINES, GOOD_LINES]).read_bytes()
    (src / "_tmp.pdf").unlink()
    (src / "truncated.pdf").write_bytes(raw[: len(raw) // 3])
    mid = len(raw) // 2
    (src / "garbage.pdf").write_bytes(raw[:mid] + bytes(range(256)) * 8 + raw[mid:])
    encrypted_pdf(good, src / "user-password.pdf", user="secret", owner="owner")
    encrypted_pdf(good, src / "owner-only.pdf", user="", owner="owner")
    blank_pages_pdf(src / "blank-300.pdf", 300)
    nested_pdf(src / "nested.pdf", 5000)
    (src / "x.pdf").mkdir()
    bomb_pdf(src / "bomb.pdf", 64)
    bomb_pdf(src / "bomb-2-layers.pdf", 64, layers=2)
    out = tmp_path_factory.mktemp("hostile_out")
    # no OCR: blank pages would each go to Tesseract; max_stream_mb low so the bombs stay small
    run([src], out, Options(ocr=False, max_stream_mb=16), jobs=2)
    return out


@pytest.mark.parametrize("name, code", [
    ("empty.pdf", "empty_file"),
    ("image.pdf", "not_a_pdf"),
    ("page.pdf", "not_a_pdf"),
    ("user-password.pdf", "encrypted"),
    ("x.pdf", "not_a_file"),
    ("bomb.pdf", "decompression_bomb"),
    ("bomb-2-layers.pdf", "decompression_bomb"),
])
def test_bad_file_gives_its_code(hostile_run: Path, name: str, code: str) -> None:
    assert code in _codes(hostile_run).get(name, set())


@pytest.mark.parametrize("name", ["good.pdf", "délib n°2 \"été\" l'an.pdf", "owner-only.pdf"])
def test_good_files_are_processed(hostile_run: Path, name: str) -> None:
    assert _status(hostile_run)[name] == "ok"
    assert name not in _codes(hostile_run)
    acts = [a for a in read_table(hostile_run, "acts").to_pylist()]
    docs = {d["doc_id"]: Path(d["source_path"]).name for d in read_table(hostile_run, "documents").to_pylist()}
    assert any(docs[a["doc_id"]] == name for a in acts)


def test_truncated_and_garbage_are_repaired_or_refused(hostile_run: Path) -> None:
    status, codes = _status(hostile_run), _codes(hostile_run)
    for name in ("truncated.pdf", "garbage.pdf"):
        # pdfium rebuilds a broken xref when it can: the file is then read; else a clear code
        assert status.get(name) in ("ok", "partial") or "pdf_unreadable" in codes.get(name, set()), name


def test_blank_and_nested_pages_do_not_sink_the_batch(hostile_run: Path) -> None:
    status = _status(hostile_run)
    assert status["blank-300.pdf"] in ("ok", "partial")
    pages = [p for p in read_table(hostile_run, "pages").to_pylist()]
    docs = {d["doc_id"]: Path(d["source_path"]).name for d in read_table(hostile_run, "documents").to_pylist()}
    assert sum(1 for p in pages if docs[p["doc_id"]] == "blank-300.pdf") == 300
    assert "empty_page" in _codes(hostile_run)["blank-300.pdf"]
    assert "nested.pdf" in status or "pdf_unreadable" in _codes(hostile_run).get("nested.pdf", set())


def test_every_file_is_accounted_for(hostile_run: Path) -> None:
    seen = set(_status(hostile_run)) | set(_codes(hostile_run))
    assert seen >= {"good.pdf", "empty.pdf", "image.pdf", "page.pdf", "truncated.pdf", "garbage.pdf",
                    "user-password.pdf", "owner-only.pdf", "blank-300.pdf", "nested.pdf", "x.pdf",
                    "bomb.pdf", "bomb-2-layers.pdf", "délib n°2 \"été\" l'an.pdf"}


def test_stream_guard_passes_ordinary_streams(tmp_path: Path) -> None:
    check_streams(bomb_pdf(tmp_path / "small.pdf", 2), max_stream_mb=16)
    with pytest.raises(PipelineError) as err:
        check_streams(bomb_pdf(tmp_path / "big.pdf", 40), max_stream_mb=16)
    assert err.value.code == "decompression_bomb"


def test_time_limit_kills_the_document_not_the_batch(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    text_pdf(src / "a-good.pdf", [GOOD_LINES])
    scan_pdf(src / "b-slow-scan.pdf", [page_image(GOOD_LINES * 6)] * 4)  # OCR takes seconds
    out = tmp_path / "out"
    run([src], out, Options(doc_timeout=1.0), jobs=1)
    assert "timeout" in _codes(out)["b-slow-scan.pdf"]
    assert _status(out) == {"a-good.pdf": "ok", "b-slow-scan.pdf": "failed"}


def test_memory_limit_gives_a_clear_code(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "big.txt").write_bytes((b"Le Conseil municipal d\xc3\xa9cide.\n" * 16) * 40_000)  # 20 MB
    out = tmp_path / "out"
    run([src], out, Options(max_memory_mb=64), jobs=1)  # far below what a worker already maps
    assert _codes(out)["big.txt"] & {"memory_limit", "worker_crashed"}


def test_memory_cap_raises_memory_error() -> None:
    import subprocess
    import sys

    code = (
        "import os, resource\n"
        "from pipeline.runner.bounds import set_memory_limit\n"
        "mapped = int(open('/proc/self/statm').read().split()[0]) * os.sysconf('SC_PAGE_SIZE')\n"
        "set_memory_limit(mapped // 2**20 + 256)\n"
        "try:\n"
        "    bytearray(2**30)\n"
        "except MemoryError:\n"
        "    raise SystemExit(3)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], timeout=60, check=False)
    assert proc.returncode == 3
