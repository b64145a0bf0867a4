"""The pipeline as a user runs it, against raw pdfplumber on the same files, side by side.

Each side is a whole process, start-up included, run in turn on the same born-digital PDFs:

* ``delib extract FILES -o OUT --jobs 1 --no-link -q --force`` (the CLI a user types);
* ``python -c "… pdfplumber.open(f) … page.extract_text() for every page …"``.

It prints the seconds of each, their ratio, pages and seconds per page. It is not a test and
never fails; the README quotes its output with the command and date (issue 17's measure).

    .venv/bin/python bench/cli_bench.py                         # born-digital files of ../shared/corpus/real
    .venv/bin/python bench/cli_bench.py ../shared/corpus/archive/chemere-cm --repeat 1
    .venv/bin/python bench/cli_bench.py ../shared/corpus/archive/chemere-cm --repeat 1 --long 40

``--long N`` also measures whether the cost per page is flat in document length (issue 17's
second goal): the first N files joined into one PDF (real minutes one after the other, a
document of hundreds of pages and acts), through the same CLI, against the N files apart.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT = REPO.parent / "shared" / "corpus" / "real"

_RAW = """
import sys, pdfplumber
n = 0
for f in sys.argv[1:]:
    with pdfplumber.open(f) as pdf:
        for page in pdf.pages:
            page.extract_text()
            n += 1
print(n)
"""


def born_digital(paths: list[Path]) -> list[Path]:
    """The PDFs among ``paths`` (files or folders) whose first page has a text layer."""
    import pypdfium2 as pdfium

    files = [p for x in paths for p in (sorted(x.rglob("*.pdf")) if x.is_dir() else [x])]
    out = []
    for f in files:
        pdf = pdfium.PdfDocument(str(f))
        try:
            if pdf[0].get_textpage().count_chars() > 200:
                out.append(f)
        finally:
            pdf.close()
    return out


def join_pdfs(files: list[Path], out: Path) -> int:
    """One PDF of ``files``' pages in turn; its page count."""
    import pypdfium2 as pdfium

    joined = pdfium.PdfDocument.new()
    for f in files:
        src = pdfium.PdfDocument(str(f))
        joined.import_pages(src)
        src.close()
    n = len(joined)
    joined.save(str(out))
    joined.close()
    return n


def _timed(cmd: list[str]) -> tuple[float, str]:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return time.perf_counter() - t0, done.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="*", type=Path, default=[DEFAULT])
    ap.add_argument("--repeat", type=int, default=2, help="runs of each side; the fastest counts")
    ap.add_argument("--long", type=int, default=0, metavar="N",
                    help="also time the first N files joined into one long PDF against the N files apart")
    args = ap.parse_args(argv)
    files = born_digital(args.inputs)
    if not files:
        print("no born-digital PDF found", file=sys.stderr)
        return 2
    delib = shutil.which("delib") or str(Path(sys.executable).with_name("delib"))
    best_ours = best_raw = float("inf")
    pages = 0
    summary = ""
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as out:
            ours, summary = _timed([delib, "extract", *map(str, files), "-o", out, "--jobs", "1", "--no-link", "-q",
                              "--force"])
        raw, n = _timed([sys.executable, "-c", _RAW, *map(str, files)])
        best_ours, best_raw = min(best_ours, ours), min(best_raw, raw)
        pages = int(n or 0)
    print(f"files: {len(files)} born-digital, {pages} pages ({', '.join(str(a) for a in args.inputs)})")
    print(f"delib extract --jobs 1 : {best_ours:7.1f} s  ({best_ours / max(pages, 1):.3f} s/page)")
    # a file whose first page has a text layer may hold scanned pages: delib reads them by
    # OCR, pdfplumber reads nothing there — the ratio counts that work on our side
    ocr = re.search(r"\((\d+) read by OCR\)", summary)
    if ocr and int(ocr.group(1)):
        print(f"  of which pages read by OCR (scanned pages inside these files): {ocr.group(1)}")
    print(f"pdfplumber extract_text: {best_raw:7.1f} s  ({best_raw / max(pages, 1):.3f} s/page)")
    print(f"ratio delib / pdfplumber: {best_ours / best_raw:.2f}x (goal of issue 17: 0.25x)")
    if args.long:
        long_run(delib, files[:args.long], args.repeat)
    return 0


def long_run(delib: str, files: list[Path], repeat: int) -> None:
    """Seconds per page of one long document (``files`` joined) against the files apart."""
    with tempfile.TemporaryDirectory() as tmp:
        joined = Path(tmp) / "joined.pdf"
        pages = join_pdfs(files, joined)
        apart = whole = float("inf")
        for _ in range(repeat):
            for inputs, which in ((files, "apart"), ([joined], "whole")):
                secs, _ = _timed([delib, "extract", *map(str, inputs), "-o", str(Path(tmp) / which), "--jobs", "1",
                                  "--no-link", "-q", "--force"])
                if which == "apart":
                    apart = min(apart, secs)
                else:
                    whole = min(whole, secs)
    print(f"long document: {len(files)} files joined, {pages} pages")
    print(f"  apart  : {apart:7.1f} s  ({apart / pages:.3f} s/page)")
    print(f"  joined : {whole:7.1f} s  ({whole / pages:.3f} s/page)")
    print(f"  cost per page, one long document / the files apart: {whole / apart:.2f}x (goal of issue 17: <= 1.1x)")


if __name__ == "__main__":
    raise SystemExit(main())
