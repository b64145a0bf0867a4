"""The ``delib`` command line. Each subcommand is a thin wrapper over the Python API.

Exit codes (all subcommands):
  0    success (every document ok or partial; eval and export ran)
  1    some documents failed (extract) — the others were written; an export did not validate
  2    usage error (bad arguments, missing input or output folder, a malformed --coll-siret)
  3    nothing could be processed (every document failed, or no input file found)
  4    the output cannot be written (a file where a folder goes, read-only, full disk): the
       run stopped with nothing half-written; fix it and rerun to resume
  5    the output folder is in use by another delib run
  130  stopped by SIGINT (Ctrl-C), 143 stopped by SIGTERM: workers stopped, rerun to resume
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_ALL_FAILED = 0, 1, 2, 3
EXIT_OUTPUT, EXIT_OUTPUT_LOCKED = 4, 5
EXIT_SIGINT, EXIT_SIGTERM = 130, 143

EPILOG = """exit codes: 0 success · 1 some documents failed (others written) · 2 usage error ·
3 nothing could be processed · 4 the output cannot be written (full disk, read-only, not a
folder) · 5 the output folder is in use by another run · 130 / 143 stopped by SIGINT /
SIGTERM (rerun to resume)"""


class Stopped(BaseException):
    """SIGTERM received: unwinds like Ctrl-C, so that the workers are stopped on the way."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_sigterm(signum: int, _frame: object) -> None:
    raise Stopped(signum)


def _extract(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from pipeline.options import Options
    from pipeline.runner import iter_inputs, run

    missing = [p for p in args.inputs if not os.path.exists(p)]
    if missing:
        print(f"delib: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    if not list(iter_inputs(args.inputs)):
        print("delib: no PDF found in the inputs", file=sys.stderr)
        return EXIT_ALL_FAILED
    options = Options(ocr=not args.no_ocr, force_ocr=args.force_ocr, ocr_dpi=args.ocr_dpi,
                      ocr_lang=args.ocr_lang, max_pages=args.max_pages, doc_timeout=args.timeout,
                      ocr_cache=args.ocr_cache,
                      max_memory_mb=args.max_memory_mb, strict=args.strict)
    bar: tqdm | None = None

    def start(n: int) -> None:
        nonlocal bar
        bar = tqdm(total=n, unit="doc", disable=args.quiet or not n, file=sys.stderr, dynamic_ncols=True)

    def done(result) -> None:  # noqa: ANN001
        if bar is not None:
            bar.set_postfix_str(f"{os.path.basename(result.source_path)[:30]} {result.status}", refresh=False)
            bar.update(1)

    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    try:
        report = run(args.inputs, args.output, options, force=args.force, retry_failed=args.retry_failed,
                     jobs=jobs, on_result=done, on_start=start, executor=args.executor,
                     scheduler=args.scheduler, link=args.link)
    finally:
        if bar is not None:
            bar.close()
    print(f"documents: {report.documents} ({report.ok} ok, {report.partial} partial, {report.failed} failed)"
          + (f", {report.skipped} already done" if report.skipped else ""))
    print(f"acts found: {report.acts}")
    print(f"pages: {report.pages} ({report.ocr_pages} read by OCR)")
    if report.errors_by_code:
        codes = ", ".join(f"{c}: {n}" for c, n in sorted(report.errors_by_code.items()))
        print(f"errors: {codes} (see {os.path.join(args.output, 'errors')})")
    if report.link is not None:
        print(report.link.summary())
    print(f"elapsed: {report.seconds:.1f} s → {args.output}")
    if report.documents and report.failed == report.documents:
        return EXIT_ALL_FAILED
    return EXIT_SOME_FAILED if report.failed else EXIT_OK


def _eval(args: argparse.Namespace) -> int:
    from pipeline.evaluate import evaluate, format_report

    if not os.path.isdir(args.out):
        print(f"delib eval: no such folder: {args.out}", file=sys.stderr)
        return EXIT_USAGE
    if (args.per_file or args.diff) and not args.gold:
        print(f"delib eval: {'--per-file' if args.per_file else '--diff'} needs --gold DIR", file=sys.stderr)
        return EXIT_USAGE
    if not (args.gold or args.matiere_gold or args.coverage):
        print("delib eval: give --gold DIR, --matiere-gold CSV or --coverage", file=sys.stderr)
        return EXIT_USAGE
    if args.gold and not os.path.isdir(args.gold):
        print(f"delib eval: --gold must be a folder: {args.gold}", file=sys.stderr)
        return EXIT_USAGE
    if args.matiere_gold and not os.path.isfile(args.matiere_gold):
        print(f"delib eval: no such file: {args.matiere_gold}", file=sys.stderr)
        return EXIT_USAGE
    if args.corrected:
        from pipeline.review.corrections import load

        print(f"scoring the tables with the {len(load(args.out))} corrections of {args.out}/corrections applied")
    report: dict = evaluate(args.out, args.gold, corrected=args.corrected) if args.gold else {}
    if args.gold:
        print(format_report(report, per_field=not args.tables_only))
    if args.per_file:
        from pipeline.evaluate import evaluate_per_file, format_per_file

        report["per_file"] = evaluate_per_file(args.out, args.gold, corrected=args.corrected)
        print()
        print(format_per_file(report["per_file"]))
    if args.diff:
        from pipeline.evaluate import differences, format_differences

        report["differences"] = differences(args.out, args.gold, args.diff, corrected=args.corrected)
        print()
        print(f"{args.diff}: {len(report['differences'])} rows where the run and the sheets disagree")
        print(format_differences(report["differences"]))
    if args.matiere_gold:
        from pipeline.evaluate import evaluate_matiere

        m = report["matiere"] = evaluate_matiere(args.out, args.matiere_gold)
        print(f"matière (ACTES level 2): {m['acts']} acts, {m['classified']} classified, {m['right']} right — "
              f"P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    if args.coverage:
        from pipeline.evaluate import coverage, format_coverage

        try:
            cov = coverage(args.out)
        except ValueError as exc:
            print(f"delib eval: {exc}", file=sys.stderr)
            return EXIT_USAGE
        if args.gold or args.matiere_gold:
            print()
        print(format_coverage(cov, limit=args.limit))
        report["coverage"] = cov.as_dict()
    if args.json:
        import json

        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=1, ensure_ascii=False)
    return EXIT_OK


def _link(args: argparse.Namespace) -> int:
    from pipeline.link import link_run

    if not os.path.isdir(os.path.join(args.out, "acts")):
        print(f"delib link: {args.out} holds no acts table (run delib extract first)", file=sys.stderr)
        return EXIT_USAGE
    report = link_run(args.out)
    print(report.summary())
    print(f"elapsed: {report.seconds:.1f} s → {args.out}")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from pipeline.export.scdl import export_scdl

    siret = (args.coll_siret or "").replace(" ", "")
    if args.coll_siret is not None and not (len(siret) == 14 and siret.isascii() and siret.isdigit()):
        print(f"delib export: --coll-siret must be a SIRET of 14 digits, not {args.coll_siret!r}",
              file=sys.stderr)
        return EXIT_USAGE
    if not os.path.isdir(os.path.join(args.out, "acts")):
        print(f"delib export: {args.out} holds no acts table (run delib extract first)", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "popolo":
        from pipeline.export.popolo import export_popolo

        popolo = export_popolo(args.out)
        print(popolo.summary())
        return EXIT_OK if popolo.valid else EXIT_SOME_FAILED
    if args.mapping and not os.path.isfile(args.mapping):
        print(f"delib export: no such mapping file: {args.mapping}", file=sys.stderr)
        return EXIT_USAGE
    try:
        report = export_scdl(args.out, coll_siret=siret or None, coll_nom=args.coll_nom, mapping=args.mapping,
                             strict=args.strict, period_from_convention=args.period_from_convention,
                             corrections=not args.no_corrections)
    except OSError as exc:
        where = exc.filename or os.path.join(args.out, "scdl")
        print(f"delib export: cannot write {where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_OUTPUT
    print(report.summary())
    return EXIT_OK if report.valid else EXIT_SOME_FAILED


def _query(args: argparse.Namespace) -> int:
    from pipeline.export.query import format_table, query

    if not os.path.isdir(args.out):
        print(f"delib query: no such folder: {args.out}", file=sys.stderr)
        return EXIT_USAGE
    try:
        columns, rows = query(args.out, args.sql)
    except Exception as exc:  # duckdb.Error: bad SQL, unknown table or column
        print(f"delib query: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(format_table(columns, rows))
    return EXIT_OK


def _review(args: argparse.Namespace) -> int:
    if not os.path.isdir(os.path.join(args.out, "acts")):
        print(f"delib review: {args.out} holds no acts table (run delib extract first)", file=sys.stderr)
        return EXIT_USAGE
    try:
        from pipeline.review.app import serve
    except ImportError as exc:
        print(f"delib review needs the review extra: pip install -e '.[review]' ({exc})", file=sys.stderr)
        return EXIT_USAGE
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"delib review: listening on {args.host}, not the loopback address: anyone who can reach "
              "this machine can read the documents and write corrections", file=sys.stderr)
    print(f"delib review: http://{'[' + args.host + ']' if ':' in args.host else args.host}:{args.port}/ "
          f"(corrections go to {os.path.join(args.out, 'corrections')}; Ctrl-C to stop)")
    serve(args.out, host=args.host, port=args.port, documents_dir=args.documents,
          low_confidence=args.low_confidence)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="delib",
        description="Turn deliberations of French local authorities (PDF, born-digital or scanned) "
                    "into typed Parquet tables.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser(
        "extract", help="read PDFs and write the tables as Parquet",
        description="Read PDFs (files, or folders searched recursively) and write one Parquet "
                    "dataset per table under OUT/<table>/. Pages without a usable text layer are "
                    "read by Tesseract OCR. Documents already done (same content, same pipeline "
                    "version) are skipped, so an interrupted run is resumed by running it again.",
        epilog="example: delib extract archive/ -o out/ --jobs 4\n\n" + EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help="PDF files or folders")
    ex.add_argument("-o", "--output", required=True, metavar="OUT", help="output folder")
    ex.add_argument("-j", "--jobs", type=int, default=0, help="worker processes (default: all cores)")
    ex.add_argument("--force", action="store_true", help="redo documents already done")
    ex.add_argument("--retry-failed", action="store_true",
                    help="read again the documents that failed or were partial (a timeout, a bound, "
                         "OCR missing); those that met a transient failure (a worker or Tesseract "
                         "killed, a file that vanished or changed while read) are retried by every "
                         "run without it")
    ex.add_argument("--no-ocr", action="store_true", help="never OCR; image pages stay empty")
    ex.add_argument("--force-ocr", action="store_true", help="OCR every page, even with a text layer")
    ex.add_argument("--ocr-dpi", type=int, default=300, help="rendering resolution for OCR (default 300)")
    ex.add_argument("--ocr-lang", default="fra", help="Tesseract language(s) (default fra)")
    ex.add_argument("--ocr-cache", metavar="DIR", default=os.environ.get("DELIB_OCR_CACHE"),
                    help="reuse OCR results kept in DIR (default: $DELIB_OCR_CACHE, else none)")
    ex.add_argument("--max-pages", type=int, default=2000, help="refuse longer documents (default 2000)")
    ex.add_argument("--timeout", type=float, default=900.0, help="seconds per document (default 900)")
    ex.add_argument("--max-memory-mb", type=int, default=3000, help="memory per worker (default 3000)")
    ex.add_argument("--executor", choices=["local", "dask"], default="local",
                    help="run workers here (default) or on a Dask cluster")
    ex.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (with --executor dask)")
    ex.add_argument("--strict", action="store_true", help="stop at the first error (debugging)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ex.add_argument("--no-link", dest="link", action="store_false",
                    help="do not link persons and beneficiaries across documents after extracting")
    ex.set_defaults(func=_extract)

    lk = sub.add_parser(
        "link", help="link persons, councils and beneficiaries across the documents of a run",
        description="Read the tables of OUT and link what stands in many documents: one person_id per "
                    "person of an authority however the name is printed (attendance, proxies, named votes), "
                    "the councils' terms and members inferred from the attendance lists (persons, "
                    "organizations, memberships), one beneficiary_id per grant beneficiary (its SIRET, else "
                    "its normalised name; beneficiaries). delib extract does this at its end; run it alone "
                    "after extracting with --no-link, or to link again.",
        epilog="example: delib link out/\n\n" + EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    lk.add_argument("out", metavar="OUT", help="output folder of delib extract")
    lk.set_defaults(func=_link)

    ev = sub.add_parser(
        "eval", help="accuracy against gold answer sheets, or coverage without them",
        description="Compare the tables of OUT with the .gold.json answer sheets of a folder and print "
                    "precision, recall and F1 per table and per field, born-digital and scanned apart "
                    "(--per-file: the F1 per table of each file). Without answer sheets, --coverage lists "
                    "per table the acts whose text shows that table's cue (an attendance list, a vote, a "
                    "'Vu', an 'Article 1', an amount, a grant, a table of amounts, a heading of an act) "
                    "but got no row, with file, act and page.",
        epilog="examples: delib eval out/ --gold ../shared/corpus/dev\n"
               "          delib eval out/ --gold tests/gold/real --diff grants\n"
               "          delib eval out/ --coverage --limit 50 --json coverage.json\n\n" + EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    ev.add_argument("out", metavar="OUT", help="output folder of delib extract")
    ev.add_argument("--gold", metavar="DIR", help="folder of <stem>.gold.json files")
    ev.add_argument("--matiere-gold", metavar="CSV",
                    help="answer sheet of ACTES matières (file,act_index,code,also_ok), e.g. "
                         "tests/gold/real-matieres.csv for ../shared/corpus/real")
    ev.add_argument("--tables-only", action="store_true", help="print per-table figures only")
    ev.add_argument("--per-file", action="store_true", help="with --gold: also the F1 per table of each file")
    ev.add_argument("--diff", metavar="TABLE", choices=("acts", "attendance", "legal_references", "articles", "votes",
                                                        "budget_lines", "amounts", "grants"),
                    help="with --gold: every row of TABLE where the run and the sheets disagree (missed, "
                         "extra, or the fields that differ), file by file")
    ev.add_argument("--coverage", action="store_true",
                    help="acts whose text shows a table's cue but got no row (no answer sheet needed)")
    ev.add_argument("--limit", type=int, default=20, metavar="N",
                    help="with --coverage: misses printed per table (default 20; -1 for all; "
                         "--json has them all)")
    ev.add_argument("--json", metavar="FILE", help="also write the figures (and every miss) as JSON")
    ev.add_argument("--corrected", action="store_true",
                    help="score the tables with the reviewer's corrections (OUT/corrections/, delib review) applied")
    ev.set_defaults(func=_eval)

    xp = sub.add_parser(
        "export", help="open-data exports (SCDL, Popolo) of a run",
        description="scdl: write OUT/scdl/deliberations.csv (SCDL Délibérations 2.1.5) and "
                    "OUT/scdl/subventions.csv (SCDL Subventions 2.1.1), each validated against its "
                    "schema (frictionless and the SCDL custom checks) before it is written. Values the "
                    "documents do not print come from the options or the mapping file, never invented; "
                    "required fields left empty are listed. popolo: write OUT/popolo/popolo.json (persons, "
                    "organizations, memberships, vote events with their counts and named votes), every "
                    "item validated against the Popolo JSON Schemas shipped with the package.",
        epilog="examples: delib export scdl out/ --mapping sirets.csv\n"
               "          delib export popolo out/\n\n" + EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    xp.add_argument("format", choices=["scdl", "popolo"], help="export format")
    xp.add_argument("out", metavar="OUT", help="output folder of delib extract")
    xp.add_argument("--coll-siret", metavar="SIRET", help="SIRET of the collectivité (every act)")
    xp.add_argument("--coll-nom", metavar="NAME", help="name of the collectivité when acts do not print it")
    xp.add_argument("--mapping", metavar="FILE",
                    help="CSV 'authority,siret' or JSON {authority: {siret, defaults}, grants: [...]}")
    xp.add_argument("--strict", action="store_true",
                    help="a required SCDL column left empty makes the file invalid (as on data.gouv.fr); "
                         "by default it is reported and the file written")
    xp.add_argument("--period-from-convention", action="store_true",
                    help="use the period a convention applies to as datesPeriodeVersement when it prints "
                         "no payment date")
    xp.add_argument("--no-corrections", action="store_true",
                    help="export the tables as extracted, without the reviewer's corrections of OUT/corrections/ "
                         "(applied by default; the summary says how many)")
    xp.set_defaults(func=_export)

    rv = sub.add_parser(
        "review", help="check values against their pages and correct them (local web app)",
        description="Start a local web app over the run in OUT: documents and acts with what needs a "
                    "look (failed checks, low OCR confidence, required SCDL columns empty), each act's "
                    "values beside the page image with the boxes they were read from, the OCR words and "
                    "their confidence, and corrections (right / wrong / the right value) kept in "
                    "OUT/corrections/ — never written over the tables, applied by delib export scdl and "
                    "delib eval --corrected. Listens on 127.0.0.1 only unless --host says otherwise.",
        epilog="example: delib review out/   then open http://127.0.0.1:8765/\n\n" + EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    rv.add_argument("out", metavar="OUT", help="output folder of delib extract")
    rv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    rv.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    rv.add_argument("--documents", metavar="DIR",
                    help="folder holding the run's PDFs when they are no longer where delib extract read them")
    rv.add_argument("--low-confidence", type=float, default=80.0,
                    help="OCR mean confidence (0-100) below which a page needs a look (default 80)")
    rv.set_defaults(func=_review)

    qp = sub.add_parser(
        "query", help="SQL over the tables (DuckDB)",
        description="Run SQL over the tables of OUT with DuckDB (each table is a view: acts, votes, "
                    "grants …) and print the result.",
        epilog='example: delib query out/ "SELECT body, count(*) FROM acts GROUP BY body"\n\n' + EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    qp.add_argument("out", metavar="OUT", help="output folder of delib extract")
    qp.add_argument("sql", metavar="SQL", help="the query")
    qp.set_defaults(func=_query)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    from pipeline.runner.write import OutputError, OutputLocked

    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("\ndelib: interrupted; workers stopped; rerun the same command to resume", file=sys.stderr)
        return EXIT_SIGINT
    except Stopped:
        print("delib: stopped by SIGTERM; workers stopped; rerun the same command to resume", file=sys.stderr)
        return EXIT_SIGTERM
    except OutputLocked as exc:
        print(f"delib: {exc}", file=sys.stderr)
        return EXIT_OUTPUT_LOCKED
    except OutputError as exc:
        print(f"delib: {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    raise SystemExit(main())
