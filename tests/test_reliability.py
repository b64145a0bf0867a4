"""Reliability of a run over an archive (issue 18): one bad file never stops the batch, a
transient failure is retried, reruns converge to a fresh run's tables, the output folder is
locked, written whole or not at all, and environment errors end in one line and an exit code.

Every file is made here (``tests/pdfgen.py``); none is a real document.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.cli import EXIT_OK, EXIT_OUTPUT, EXIT_OUTPUT_LOCKED, EXIT_USAGE, main
from pipeline.errors import ErrorCode
from pipeline.options import Options
from pipeline.read.load import file_sha256
from pipeline.runner import run
from pipeline.runner.bounds import bounded_process, failed_result
from pipeline.runner.write import MANIFEST, TableWriter, read_table
from tests.pdfgen import text_pdf, tounicode_pdf
from tests.scale_helpers import assert_same_tables


def lines(n: int, amount: str = "1 500") -> list[str]:
    return ["COMMUNE DE SAINT-EXEMPLE", f"Séance du {1 + n % 28} mars 2024", f"DÉLIBÉRATION N° 2024-{n:03d}",
            f"Objet : Subvention à l'association numéro {n}", "Le Conseil municipal, après en avoir délibéré,",
            f"DÉCIDE : d'attribuer une subvention de {amount} euros.", "Adopté à l'unanimité."]


def good(path: Path, n: int = 1) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return text_pdf(path, [lines(n)])


def docs(out: Path) -> list[dict]:
    return read_table(out, "documents").to_pylist()


def names(out: Path, table: str = "documents") -> list[str]:
    return sorted(Path(r["source_path"]).name for r in read_table(out, table).to_pylist())


def manifest(out: Path) -> list[dict]:
    return [json.loads(x) for x in (out / MANIFEST).read_text(encoding="utf-8").splitlines() if x.strip()]


# ------------------------------------------------------------------ 1. nothing unstorable stops a batch

@pytest.fixture(scope="module")
def unstorable_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    src = tmp_path_factory.mktemp("unstorable")
    good(src / "a-good.pdf", 1)
    text_pdf(src / "b-huge-amount.pdf", [lines(2, amount="100 000 000 000 000 000")])  # 10^17 €
    tounicode_pdf(src / "c-surrogate.pdf", lines(3) + ["Zone artisanale"])  # "Z" read as U+D800
    latin1 = os.fsencode(src) + b"/d-d\xe9lib\xe9ration.pdf"  # a latin-1 name, not UTF-8
    with open(latin1, "wb") as f:
        f.write(text_pdf(src / "_tmp.pdf", [lines(4)]).read_bytes())
    (src / "_tmp.pdf").unlink()
    good(src / "e-after.pdf", 5)
    out = tmp_path_factory.mktemp("unstorable_out")
    report = run([src], out, Options(ocr=False), jobs=1)
    assert report.documents == 5
    return src, out


def test_every_document_is_written_whatever_its_values(unstorable_run: tuple[Path, Path]) -> None:
    _, out = unstorable_run
    status = {Path(d["source_path"]).name: d["status"] for d in docs(out)}
    assert status == {"a-good.pdf": "ok", "b-huge-amount.pdf": "partial", "c-surrogate.pdf": "ok",
                      "d-d\ufffdlib\ufffdration.pdf": "ok", "e-after.pdf": "ok"}
    assert len(manifest(out)) == 5
    assert len(read_table(out, "acts")) == 5


def test_an_amount_beyond_decimal_18_2_is_an_error_row_not_a_crash(unstorable_run: tuple[Path, Path]) -> None:
    _, out = unstorable_run
    by_doc = {d["doc_id"]: Path(d["source_path"]).name for d in docs(out)}
    errors = [e for e in read_table(out, "errors").to_pylist() if e["code"] == "value_out_of_range"]
    # one row per column that cannot hold a value: the running-text amount, and the grant
    # the money readers find in the same sentence — all of the bad document, none elsewhere
    assert {by_doc[e["doc_id"]] for e in errors} == {"b-huge-amount.pdf"}
    by_column = {e["message"].split(":")[0]: e for e in errors}
    assert "amounts.amount" in by_column and "left out" in by_column["amounts.amount"]["message"]
    assert all(e["severity"] == "error" for e in errors)
    amounts = [a for a in read_table(out, "amounts").to_pylist() if by_doc[a["doc_id"]] == "b-huge-amount.pdf"]
    assert amounts == []  # amounts.amount cannot be null: the row is left out, the error says so


def test_a_value_its_column_cannot_hold_becomes_a_null_where_the_column_allows() -> None:
    from pipeline.runner.process import DocumentResult
    from pipeline.runner.validate import storable
    from schemas.rows import GrantRow

    huge = GrantRow("d-0", "d", "Association sportive", None, Decimal("1" + "0" * 17), "Fonctionnement", 2024)
    fine = GrantRow("d-0", "d", "Comité des fêtes", None, Decimal("1500.00"), "Fête", 2024)
    result, arrow = storable(DocumentResult("d", "d.pdf", "ok", {"grants": [huge, fine]}))
    assert arrow["grants"].column("amount").to_pylist() == [None, Decimal("1500.00")]
    assert result.status == "partial"
    assert [(e.code, e.stage) for e in result.rows("errors")] == [("value_out_of_range", "write")]
    assert "grants.amount: 1 value(s)" in result.rows("errors")[0].message


def test_text_that_utf8_cannot_hold_is_repaired_and_said(unstorable_run: tuple[Path, Path]) -> None:
    _, out = unstorable_run
    by_doc = {d["doc_id"]: Path(d["source_path"]).name for d in docs(out)}
    pages = {by_doc[p["doc_id"]]: p["text"] for p in read_table(out, "pages").to_pylist()}
    assert "\ufffd" in pages["c-surrogate.pdf"] and "\ud800" not in pages["c-surrogate.pdf"]
    warned = {(by_doc[e["doc_id"]], e["code"]) for e in read_table(out, "errors").to_pylist()}
    assert ("c-surrogate.pdf", "text_not_utf8") in warned
    assert ("d-d\ufffdlib\ufffdration.pdf", "text_not_utf8") in warned


def test_a_rerun_of_unstorable_documents_does_nothing_more(unstorable_run: tuple[Path, Path]) -> None:
    src, out = unstorable_run
    report = run([src], out, Options(ocr=False), jobs=1)
    assert report.skipped == 5 and report.documents == 0


# ------------------------------------------------------------------ 2. a transient failure is retried

@pytest.mark.parametrize("code", [ErrorCode.WORKER_CRASHED, ErrorCode.OCR_FAILED, ErrorCode.FILE_NOT_FOUND,
                                  ErrorCode.FILE_CHANGED])
def test_a_transient_failure_is_retried_by_the_next_run(tmp_path: Path, code: ErrorCode) -> None:
    a = good(tmp_path / "in" / "a.pdf")
    out = tmp_path / "out"
    with TableWriter(out) as writer:  # what a run whose worker the kernel killed leaves
        writer.write_document(failed_result(str(a), file_sha256(a), code, "the worker died (signal 9)"))
    report = run([tmp_path / "in"], out, Options(), jobs=1)
    assert report.skipped == 0 and report.ok == 1
    assert [d["status"] for d in docs(out)] == ["ok"]
    assert read_table(out, "errors").num_rows == 0
    assert_same_tables(out, _fresh(tmp_path, [tmp_path / "in"]))


def test_a_lasting_failure_is_retried_only_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = good(tmp_path / "in" / "a.pdf")
    out = tmp_path / "out"
    with TableWriter(out) as writer:
        writer.write_document(failed_result(str(a), file_sha256(a), ErrorCode.TIMEOUT, "not done after 1 s"))
    assert run([a], out, Options(), jobs=1).skipped == 1
    assert main(["extract", str(a), "-o", str(out), "-q", "-j", "1", "--retry-failed"]) == EXIT_OK
    assert [d["status"] for d in docs(out)] == ["ok"]
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    assert "--retry-failed" in capsys.readouterr().out


# ------------------------------------------------------------------ 3. what a path and a content are

def _fresh(tmp_path: Path, inputs: list[Path]) -> Path:
    fresh = tmp_path / f"fresh-{len(list(tmp_path.glob('fresh-*')))}"
    run(inputs, fresh, Options(), jobs=1)
    return fresh


def test_a_file_replaced_between_runs_keeps_only_its_new_rows(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    good(src / "a.pdf", 1)
    good(src / "b.pdf", 2)
    run([src], out, Options(), jobs=1)
    text_pdf(src / "a.pdf", [lines(7)])  # same name, another content
    run([src], out, Options(), jobs=1)
    assert names(out) == ["a.pdf", "b.pdf"]
    titles = sorted(a["title"] for a in read_table(out, "acts").to_pylist())
    assert titles == ["Subvention à l'association numéro 2", "Subvention à l'association numéro 7"]
    assert_same_tables(out, _fresh(tmp_path, [src]))


def test_a_file_removed_between_runs_leaves_no_row(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    good(src / "a.pdf", 1)
    good(src / "b.pdf", 2)
    run([src], out, Options(), jobs=1)
    (src / "b.pdf").unlink()
    run([src], out, Options(), jobs=1)
    assert names(out) == ["a.pdf"]
    assert_same_tables(out, _fresh(tmp_path, [src]))


def test_two_paths_of_one_content_are_two_documents_rows_and_one_set_of_rows(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    good(src / "a.pdf", 1)
    run([src], out, Options(), jobs=1)
    (src / "copies").mkdir()
    shutil.copy(src / "a.pdf", src / "copies" / "a-copy.pdf")  # a copy found later
    report = run([src], out, Options(), jobs=1)
    assert report.documents == 0  # the content is known: nothing is read again
    rows = docs(out)
    assert sorted(Path(d["source_path"]).name for d in rows) == ["a-copy.pdf", "a.pdf"]
    assert len({d["doc_id"] for d in rows}) == 1
    assert len(read_table(out, "acts")) == 1
    assert_same_tables(out, _fresh(tmp_path, [src]))
    (src / "a.pdf").unlink()  # the first path goes: the content stays, under its other path
    run([src], out, Options(), jobs=1)
    assert names(out) == ["a-copy.pdf"] and names(out, "errors") == []
    assert_same_tables(out, _fresh(tmp_path, [src]))


def test_paths_outside_the_inputs_are_kept(tmp_path: Path) -> None:
    """A run adds to an output folder: documents of earlier runs over other inputs stay."""
    out = tmp_path / "out"
    a, b = good(tmp_path / "one" / "a.pdf", 1), good(tmp_path / "two" / "b.pdf", 2)
    run([a], out, Options(), jobs=1)
    run([tmp_path / "two"], out, Options(), jobs=1)
    assert names(out) == ["a.pdf", "b.pdf"]
    assert_same_tables(out, _fresh(tmp_path, [a, b]))


def test_a_file_replaced_after_hashing_is_read_under_its_new_hash(tmp_path: Path) -> None:
    a = good(tmp_path / "a.pdf", 1)
    old = file_sha256(a)
    text_pdf(a, [lines(9)])  # replaced between the driver's hash and the worker's reading
    result = bounded_process(str(a), old, Options())
    assert result.doc_id == file_sha256(a) != old
    assert [r.doc_id for r in result.rows("acts")] == [file_sha256(a)]


def test_a_file_changed_while_it_is_read_is_a_transient_failure(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.runner.process as process

    a = good(tmp_path / "a.pdf", 1)
    real = process.process_document

    def reading_while_replaced(path, options=None, *, doc_id=None):  # noqa: ANN001
        result = real(path, options, doc_id=doc_id)
        text_pdf(Path(path), [lines(9)])  # another program rewrites the file meanwhile
        return result

    monkeypatch.setattr(process, "process_document", reading_while_replaced)
    result = bounded_process(str(a), file_sha256(a), Options())
    assert result.status == "failed" and result.doc_id is None
    assert [e.code for e in result.rows("errors")] == ["file_changed"]


# ------------------------------------------------------------------ 5. limits before work

def test_a_file_over_the_size_bound_is_never_hashed_nor_read(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.runner.batch as batch

    src = tmp_path / "in"
    good(src / "a.pdf")
    with open(src / "huge.pdf", "wb") as f:  # 3 GiB, sparse: costs nothing on disk
        f.write(b"%PDF-1.4\n")
        f.truncate(3 * 2**30)
    hashed: list[str] = []
    real = batch.file_sha256
    monkeypatch.setattr(batch, "file_sha256", lambda p: hashed.append(Path(p).name) or real(p))
    out = tmp_path / "out"
    run([src], out, Options(max_file_mb=64), jobs=1)
    assert hashed == ["a.pdf"]
    codes = {(Path(e["source_path"]).name, e["code"]) for e in read_table(out, "errors").to_pylist()}
    assert codes == {("huge.pdf", "too_large")}


def test_the_worker_refuses_a_large_file_without_reading_it(tmp_path: Path) -> None:
    """Under a memory cap far below the file's size: the bound is applied before any read
    (the bomb guard used to read the whole file first: 2 GiB resident, then memory_limit)."""
    huge = tmp_path / "huge.pdf"
    with open(huge, "wb") as f:
        f.write(b"%PDF-1.4\n")
        f.truncate(2 * 2**30)
    code = (
        "import os\n"
        "from pipeline.options import Options\n"
        "from pipeline.runner.bounds import bounded_process, set_memory_limit\n"
        "mapped = int(open('/proc/self/statm').read().split()[0]) * os.sysconf('SC_PAGE_SIZE')\n"
        "set_memory_limit(mapped // 2**20 + 512)\n"
        f"r = bounded_process({str(huge)!r}, None, Options())\n"
        "print(','.join(e.code for e in r.rows('errors')))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert proc.stdout.strip() == "too_large", proc.stderr[-2000:]


def test_the_stream_guard_reads_in_chunks(tmp_path: Path) -> None:
    """The decompression-bomb guard reads the file piece by piece: a 300 MiB file of
    streams is checked under a memory cap of 200 MiB above what the process maps."""
    big = tmp_path / "big.pdf"
    with open(big, "wb") as f:
        f.write(b"%PDF-1.4\n1 0 obj << /Length 10 /Filter /FlateDecode >>\nstream\n")
        f.write(__import__("zlib").compress(b"0" * 1000) + b"\nendstream\n")
        f.truncate(300 * 2**20)
        f.seek(0, 2)
        f.write(b"2 0 obj << >>\nstream\n" + __import__("zlib").compress(b"\0" * (40 * 2**20)) + b"\nendstream\n")
    code = (
        "import os\n"
        "from pipeline.runner.bounds import check_streams, set_memory_limit\n"
        "from pipeline.errors import PipelineError\n"
        "mapped = int(open('/proc/self/statm').read().split()[0]) * os.sysconf('SC_PAGE_SIZE')\n"
        "set_memory_limit(mapped // 2**20 + 200)\n"
        "try:\n"
        f"    check_streams({str(big)!r}, 16)\n"
        "except PipelineError as exc:\n"
        "    print(exc.code)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert proc.stdout.strip() == "decompression_bomb", proc.stderr[-2000:]


# ------------------------------------------------------------------ 7. one run at a time per output folder

def test_a_second_run_on_a_locked_output_stops_with_a_clear_line(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    a = good(tmp_path / "a.pdf")
    out = tmp_path / "out"
    with TableWriter(out):
        assert main(["extract", str(a), "-o", str(out), "-q", "-j", "1"]) == EXIT_OUTPUT_LOCKED
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "another delib run" in err[0] and str(os.getpid()) in err[0]
    assert main(["extract", str(a), "-o", str(out), "-q", "-j", "1"]) == EXIT_OK  # released


def test_temporaries_of_a_live_run_are_never_deleted(tmp_path: Path) -> None:
    a = good(tmp_path / "a.pdf")
    out = tmp_path / "out"
    (out / "acts").mkdir(parents=True)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = out / "acts" / f".part-x.parquet.{sleeper.pid}.tmp"
        live.write_bytes(b"in flight")
        dead = out / "acts" / ".part-y.parquet.999999999.tmp"
        dead.write_bytes(b"left by a killed run")
        run([a], out, Options(), jobs=1)
        assert live.exists() and not dead.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


# ------------------------------------------------------------------ 8. environment errors

def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = [x for x in capsys.readouterr().err.splitlines() if x.strip()]
    assert len(err) == 1, err
    assert "Traceback" not in err[0]
    return err[0]


def test_an_output_path_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = good(tmp_path / "a.pdf")
    (tmp_path / "out").write_text("not a folder")
    assert main(["extract", str(a), "-o", str(tmp_path / "out"), "-q", "-j", "1"]) == EXIT_OUTPUT
    assert "not a folder" in _one_line(capsys)


def test_a_table_folder_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = good(tmp_path / "a.pdf")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "acts").write_text("not a folder")
    assert main(["extract", str(a), "-o", str(tmp_path / "out"), "-q", "-j", "1"]) == EXIT_OUTPUT
    assert "acts" in _one_line(capsys)


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_a_full_or_read_only_disk_stops_the_run_and_leaves_nothing_half_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, err: int) -> None:
    import pyarrow.parquet as pq

    import pipeline.runner.write as write

    src = tmp_path / "in"
    for i in range(3):
        good(src / f"d{i}.pdf", i)
    out = tmp_path / "out"
    run([src / "d0.pdf"], out, Options(), jobs=1)
    real, calls = pq.write_table, []

    def failing(table, where, **kw):  # noqa: ANN001 - the disk fills up on the 4th file
        calls.append(where)
        if len(calls) >= 4:
            Path(where).write_bytes(b"PAR1 half")
            raise OSError(err, os.strerror(err))
        return real(table, where, **kw)

    monkeypatch.setattr(write.pq, "write_table", failing)
    assert main(["extract", str(src), "-o", str(out), "-q", "-j", "1"]) == EXIT_OUTPUT
    assert os.strerror(err) in _one_line(capsys)
    assert not list(out.rglob("*.tmp"))
    assert len(manifest(out)) == 1
    monkeypatch.setattr(write.pq, "write_table", real)
    assert main(["extract", str(src), "-o", str(out), "-q", "-j", "1"]) == EXIT_OK
    assert_same_tables(out, _fresh(tmp_path, [src]))


def test_export_to_a_folder_that_cannot_be_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = good(tmp_path / "a.pdf")
    out = tmp_path / "out"
    run([a], out, Options(), jobs=1)
    (out / "scdl").write_text("a file where the export folder goes")
    assert main(["export", "scdl", str(out), "--coll-siret", "21860194600013"]) == EXIT_OUTPUT
    assert "scdl" in _one_line(capsys)


@pytest.mark.parametrize("siret", ["abc", "2186019460001", "218601946000134", "2186 0194 6000 13x"])
def test_a_malformed_coll_siret_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 siret: str) -> None:
    a = good(tmp_path / "a.pdf")
    out = tmp_path / "out"
    run([a], out, Options(), jobs=1)
    assert main(["export", "scdl", str(out), "--coll-siret", siret]) == EXIT_USAGE
    assert "--coll-siret" in _one_line(capsys)


# ------------------------------------------------------------------ 12. smaller things

def test_a_torn_manifest_line_does_not_swallow_the_next(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    a, b = good(src / "a.pdf", 1), good(src / "b.pdf", 2)
    run([a], out, Options(), jobs=1)
    with open(out / MANIFEST, "a", encoding="utf-8") as f:
        f.write('{"doc_id": "' + file_sha256(b) + '", "pipeline_ver')  # a kill mid-line
    run([src], out, Options(), jobs=1)
    assert run([src], out, Options(), jobs=1).skipped == 2


def test_symlinked_folders_are_searched_once(tmp_path: Path) -> None:
    src = tmp_path / "in"
    good(src / "a.pdf", 1)
    good(tmp_path / "elsewhere" / "b.pdf", 2)
    (src / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (src / "loop").symlink_to(src, target_is_directory=True)  # a loop: in/loop/loop/…
    out = tmp_path / "out"
    run([src], out, Options(), jobs=1)
    assert names(out) == ["a.pdf", "b.pdf"]


def test_parts_are_synced_before_they_are_renamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.runner.write as write

    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(write.os, "fsync", lambda fd: events.append("fsync") or real_fsync(fd))
    monkeypatch.setattr(write.os, "replace", lambda a, b: events.append(f"replace {Path(b).name}")
                        or real_replace(a, b))
    run([good(tmp_path / "a.pdf")], tmp_path / "out", Options(), jobs=1)
    renames = [i for i, e in enumerate(events) if e.startswith("replace part-")]
    assert renames
    for i in renames:
        assert events[i - 1] == "fsync", events[max(0, i - 3):i + 1]


def test_amounts_still_read(tmp_path: Path) -> None:
    """The good file of this module, as a reference: its amount is read as before."""
    out = tmp_path / "out"
    run([good(tmp_path / "a.pdf")], out, Options(), jobs=1)
    assert [r["amount"] for r in read_table(out, "amounts").to_pylist()] == [Decimal("1500.00")]
