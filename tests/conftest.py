"""Shared fixtures: the dev corpus of ../shared (skipped where absent), processed once per session."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pipeline.model import Document, Page, TextSource

if TYPE_CHECKING:
    from pipeline.runner.process import DocumentResult

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEV = SHARED / "corpus" / "dev"
REAL = SHARED / "corpus" / "real"
SAMPLES = REPO / "data" / "samples"

# OCR each scanned page once per machine, however many tests read it (pipeline.read.ocr_cache).
os.environ.setdefault("DELIB_OCR_CACHE", str(REPO / ".pytest_cache" / "delib-ocr"))


def needs(path: Path) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is absent")


def load_gold(pdf: Path) -> dict:
    return json.loads(pdf.with_name(pdf.name.replace(".pdf", ".gold.json")).read_text(encoding="utf-8"))


#: The dev templates the readers have learned. Every assertion that loops over the dev corpus
#: covers these; the templates added to ../shared/corpus/dev on 2026-12-01 (G, H, I, J: a région,
#: a métropole, a bureau's recueil, a commune's minutes) join this tuple when the readers learn
#: them, and are measured meanwhile by ``delib eval`` (docs/generalisation.md).
DEV_LEARNED = ("seed", "A", "B", "C")


def dev_pdfs(kind: str = "*") -> list[Path]:
    """The dev PDFs of the learned templates (``kind``: "born", "scan" or "*"), sorted."""
    if not DEV.exists():
        return []
    return sorted(p for p in DEV.glob(f"*-{kind}.pdf") if p.name.split("-", 1)[0] in DEV_LEARNED)


#: The born-digital dev files, one per template.
DEV_BORN = ("seed-pas-de-calais-cp-2023-122-born", "A-departement-cp-s101-born",
            "B-commune-cm-s202-born", "C-epci-cc-s303-born")

#: The real files the corpus-wide assertions on ../shared/corpus/real cover: the thirteen the
#: readers were developed on before 2026-12-01 (docs/act-counts.md), then those of the nine
#: added on 2026-12-01 that the readers have learned since (2026-12-03: every act with its
#: meeting's date and a title), and Chéméré 2013-03-26 since 2026-12-07 (a bulletin page in two
#: columns, read column by column, its summarised items cut at their titles). The answer sheets
#: of tests/gold/heldout are scored only (tests/test_real_corpus.py).
REAL_LEARNED = (
    "commune-aiglun-2013-10-17-cm-cr-scan.pdf",
    "commune-aiglun-2013-12-19-cm-cr.pdf",
    "commune-chemere-2013-03-26-cm-cr.pdf",
    "commune-chemere-2015-03-31-cm-cr.pdf",
    "epci-cc-lisieres-oise-2025-03-13-cc-cr.pdf",
    "epci-cc-lisieres-oise-2025-04-10-cc-cr.pdf",
    "commune-avranches-2017-05-23-cm-pv.txt",
    "commune-couthenans-2021-06-04-cm-cr.pdf",
    "commune-fargues-saint-hilaire-2018-12-13-cm-pv.pdf",
    "commune-lannion-2020-05-25-cm-pv-installation.pdf",
    "commune-lannion-2020-06-08-cm-pv.pdf",
    "commune-lannion-2021-07-05-cm-pv.pdf",
    "commune-larbresle-2013-07-09-cm-cr.pdf",
    "commune-montpellier-2014-04-24-cm-delib-2014-139.pdf",
    "commune-preuilly-sur-claise-2020-07-23-cm-pv.pdf",
    "commune-saint-restitut-2016-03-31-cm-cr-scan.pdf",
    "commune-saint-restitut-2019-03-12-cm-cr-scan.pdf",
    "commune-saint-restitut-2020-07-10-cm-cr-scan.pdf",
    "epci-roannais-agglomeration-2021-10-28-cc-pv.pdf",
)


@functools.lru_cache(maxsize=None)
def processed(pdf: Path) -> "DocumentResult":
    """``process_document(pdf)`` with the default options, once per test session: several
    test modules read the same corpus files (Roannais' 49 pages cost half a minute each time).
    Callers must not change the rows they get."""
    from pipeline.runner import process_document

    return process_document(pdf)


def gold_and_extracted(stem: str, table: str, fields: tuple[str, ...]) -> tuple[list, list]:
    """The rows of ``table`` for dev file ``stem``, in its gold sheet and as the pipeline
    extracts them: sorted tuples of the ``fields`` as strings."""
    pdf = DEV / f"{stem}.pdf"
    gold = sorted(tuple(str(r[f]) for f in fields) for r in load_gold(pdf)["tables"][table])
    got = sorted(tuple(str(getattr(r, f)) for f in fields) for r in processed(pdf).rows(table))
    return gold, got


def make_document(text: str, doc_id: str = "test") -> Document:
    """A Document built from a string; "\\f" separates pages (no words, no PDF)."""
    pages, pos = [], 0
    for i, page_text in enumerate(text.split("\f")):
        pages.append(Page(page_no=i + 1, width=595.0, height=842.0, source=TextSource.TEXT_LAYER,
                          start=pos, end=pos + len(page_text)))
        pos += len(page_text) + 1
    return Document(doc_id=doc_id, source_path=f"{doc_id}.pdf", text=text, pages=tuple(pages))


@pytest.fixture(scope="session")
def dev_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dev corpus of the learned templates (born-digital and scanned) run through the
    pipeline, once."""
    if not DEV.exists():
        pytest.skip(f"{DEV} is absent")
    from pipeline.runner import run

    out = tmp_path_factory.mktemp("dev_out")
    report = run(dev_pdfs(), out, jobs=2)
    assert report.failed == 0
    return out


@pytest.fixture(scope="session")
def dev_scores(dev_run: Path) -> dict:
    """delib eval of the dev run against the gold files of the learned templates."""
    from pipeline.evaluate import evaluate

    return evaluate(dev_run, DEV, only={p.name for p in dev_pdfs()})


@pytest.fixture(scope="session")
def samples_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/samples (shipped with the repository) run through the pipeline, once. Tests that
    write into a run (corrections) copy it first (:func:`copy_run`)."""
    from pipeline.runner import run

    out = tmp_path_factory.mktemp("samples_out")
    report = run([SAMPLES], out, jobs=2)
    assert report.failed == 0
    return out


def copy_run(run_dir: Path, target: Path) -> Path:
    """A copy of a run's folder that a test may write into."""
    import shutil

    shutil.copytree(run_dir, target)
    return target
