"""Benchmark of the pipeline: seconds per page against the raw engines, memory, scaling.

Not a test: it prints figures and never fails on a slow machine. Run from the repository::

    .venv/bin/python bench/run_bench.py                      # dev corpus of ../shared
    .venv/bin/python bench/run_bench.py --corpus DIR --scan-pages 8 --long-pages 500 --max-jobs 4

1. born-digital pages (``*-born.pdf``): :func:`pipeline.runner.process_document` (warm, in
   process) against ``pdfplumber`` ``page.extract_text()`` on the same pages;
2. scanned pages (``*-scan.pdf``): the pipeline against the ``tesseract`` CLI alone,
   single-threaded (``OMP_THREAD_LIMIT=1``), ``-l fra``, on the same pages rendered by
   pdfium at the same dpi (rendering not counted for Tesseract: its own time only);
3. peak memory (max RSS) of one worker processing a long born-digital document that the
   script writes itself (``--long-pages``, default 500);
4. scaling: wall time of ``run()`` over a batch of copies with 1, 2, … ``--max-jobs`` workers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "dev"


def _pages(pdf: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def bench_born(files: list[Path]) -> dict[str, float]:
    import pdfplumber

    from pipeline.runner import process_document

    pages = sum(_pages(f) for f in files)
    plumber = pipe = float("inf")
    for _ in range(3):  # best of three, alternating, as timeit does: the least disturbed run
        t = time.perf_counter()
        for f in files:
            with pdfplumber.open(f) as pdf:
                for page in pdf.pages:
                    page.extract_text()
        plumber = min(plumber, time.perf_counter() - t)
        from pipeline.read import tables

        tables._pdf.cache_clear()  # no help from the previous pass
        tables._ruled_pages.cache_clear()
        t = time.perf_counter()
        for f in files:
            process_document(f)
        pipe = min(pipe, time.perf_counter() - t)
    return {"pages": pages, "pdfplumber_s_per_page": plumber / pages, "pipeline_s_per_page": pipe / pages}


def bench_scan(files: list[Path], max_pages: int, dpi: int) -> dict[str, float]:
    import pypdfium2 as pdfium

    from pipeline.options import Options
    from pipeline.runner import process_document

    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    tess = 0.0
    pages = 0
    chosen: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            if pages >= max_pages:
                break
            n = _pages(f)
            if pages + n > max_pages and chosen:
                continue
            chosen.append(f)
            doc = pdfium.PdfDocument(str(f))
            for i in range(n):
                img = doc[i].render(scale=dpi / 72, grayscale=True).to_pil()
                path = os.path.join(tmp, f"p{pages}.png")
                img.save(path)
                t = time.perf_counter()
                subprocess.run(["tesseract", path, "stdout", "-l", "fra", "--dpi", str(dpi)], env=env,
                               capture_output=True, check=False)
                tess += time.perf_counter() - t
                pages += 1
            doc.close()
    t = time.perf_counter()
    for f in chosen:
        process_document(f, Options(ocr_dpi=dpi))
    pipe = time.perf_counter() - t
    return {"pages": pages, "tesseract_s_per_page": tess / pages, "pipeline_s_per_page": pipe / pages}


def write_long_pdf(path: Path, n_pages: int) -> Path:
    """A born-digital deliberation of ``n_pages`` pages (an act, then a long annex)."""
    from tests.pdfgen import text_pdf

    first = ["COMMUNE DE SAINT-EXEMPLE", "Séance du 12 mars 2024", "DÉLIBÉRATION N° 2024-001",
             "Objet : Approbation du rapport annuel", "Le Conseil municipal, après en avoir délibéré,",
             "DÉCIDE : d'approuver le rapport annexé.", "Adopté à l'unanimité.", "ANNEXE"]
    body = [f"Ligne {k} du rapport annuel : la commune a engagé 12 500 euros au titre du programme {k}."
            for k in range(50)]
    return text_pdf(path, [first] + [body] * (n_pages - 1), size=9)


def bench_memory(pdf: Path) -> dict[str, float]:
    code = ("import resource, sys, time\n"
            "from pipeline.runner import process_document\n"
            "t = time.perf_counter(); r = process_document(sys.argv[1])\n"
            "print(r.n_pages, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    out = subprocess.run([sys.executable, "-c", code, str(pdf)], cwd=REPO, capture_output=True, text=True,
                         check=True, env=dict(os.environ, OMP_THREAD_LIMIT="1"))
    n, secs, kb = out.stdout.split()[-3:]
    return {"pages": int(n), "seconds": float(secs), "peak_rss_mb": int(kb) / 1024}


def bench_scaling(files: list[Path], copies: int, max_jobs: int) -> list[tuple[int, float, int]]:
    from pipeline.options import Options
    from pipeline.runner import run

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for k in range(copies):
            for f in files:
                # a distinct byte at the end: distinct content hashes, same pages
                (src / f"{k:03d}-{f.name}").write_bytes(f.read_bytes() + f"\n%copy {k}\n".encode())
        run([files[0]], Path(tmp) / "warm", Options(), jobs=max_jobs)  # starts and warms the fork server
        jobs = 1
        while jobs <= max_jobs:
            out = Path(tmp) / f"out{jobs}"
            t = time.perf_counter()
            report = run([src], out, Options(), jobs=jobs)
            rows.append((jobs, time.perf_counter() - t, report.pages))
            shutil.rmtree(out)
            jobs *= 2
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--scan-pages", type=int, default=24, help="scanned pages to OCR (default 24)")
    ap.add_argument("--dpi", type=int, default=300)
    ap.add_argument("--long-pages", type=int, default=500)
    ap.add_argument("--max-jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--copies", type=int, default=3, help="copies of the born files in the scaling batch")
    ap.add_argument("--skip", nargs="*", default=[], choices=["born", "scan", "memory", "scaling"])
    args = ap.parse_args()
    os.environ["OMP_THREAD_LIMIT"] = "1"
    import pipeline.runner.warm  # noqa: F401 - loads lazy models once, outside the timings

    born = sorted(args.corpus.glob("*-born.pdf"))
    scan = sorted(args.corpus.glob("*-scan.pdf"))
    print(f"# delib benchmark — {os.cpu_count()} cores, corpus {args.corpus}")
    if "born" not in args.skip and born:
        r = bench_born(born)
        print(f"born-digital, {r['pages']} pages: pipeline {r['pipeline_s_per_page']:.3f} s/page, "
              f"pdfplumber extract_text {r['pdfplumber_s_per_page']:.3f} s/page "
              f"(ratio {r['pipeline_s_per_page'] / r['pdfplumber_s_per_page']:.2f}; target ≤ 0.5)")
    if "scan" not in args.skip and scan:
        r = bench_scan(scan, args.scan_pages, args.dpi)
        print(f"scanned, {r['pages']} pages at {args.dpi} dpi: pipeline {r['pipeline_s_per_page']:.2f} s/page, "
              f"tesseract alone {r['tesseract_s_per_page']:.2f} s/page "
              f"(ratio {r['pipeline_s_per_page'] / r['tesseract_s_per_page']:.2f}; target ≤ 1.1)")
    if "memory" not in args.skip:
        with tempfile.TemporaryDirectory() as tmp:
            r = bench_memory(write_long_pdf(Path(tmp) / "long.pdf", args.long_pages))
        print(f"long document, {r['pages']} born-digital pages: {r['seconds']:.1f} s, "
              f"peak memory of the worker {r['peak_rss_mb']:.0f} MiB")
    if "scaling" not in args.skip and born:
        rows = bench_scaling(born, args.copies, args.max_jobs)
        base = rows[0][1]
        for jobs, secs, pages in rows:
            print(f"scaling: {jobs} worker(s), {pages} pages: {secs:.1f} s ({pages / secs:.1f} pages/s, "
                  f"speed-up {base / secs:.2f}×)")


if __name__ == "__main__":
    main()
