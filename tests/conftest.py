"""Shared fixtures: the dev corpus of ../shared (skipped where absent), processed once per session."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.model import Document, Page, TextSource

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEV = SHARED / "corpus" / "dev"
REAL = SHARED / "corpus" / "real"
SAMPLES = REPO / "data" / "samples"

# OCR each scanned page once per machine, however many tests read it (pipeline.ocr_cache).
os.environ.setdefault("DELIB_OCR_CACHE", str(REPO / ".pytest_cache" / "delib-ocr"))


def needs(path: Path) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is absent")


def load_gold(pdf: Path) -> dict:
    return json.loads(pdf.with_name(pdf.name.replace(".pdf", ".gold.json")).read_text(encoding="utf-8"))


#: The born-digital dev files, one per template.
DEV_BORN = ("seed-pas-de-calais-cp-2023-122-born", "A-departement-cp-s101-born",
            "B-commune-cm-s202-born", "C-epci-cc-s303-born")


def gold_and_extracted(stem: str, table: str, fields: tuple[str, ...]) -> tuple[list, list]:
    """The rows of ``table`` for dev file ``stem``, in its gold sheet and as the pipeline
    extracts them: sorted tuples of the ``fields`` as strings."""
    from pipeline.run import process_document

    pdf = DEV / f"{stem}.pdf"
    gold = sorted(tuple(str(r[f]) for f in fields) for r in load_gold(pdf)["tables"][table])
    got = sorted(tuple(str(getattr(r, f)) for f in fields) for r in process_document(pdf).rows(table))
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
    """The whole dev corpus (born-digital and scanned) run through the pipeline, once."""
    if not DEV.exists():
        pytest.skip(f"{DEV} is absent")
    from pipeline.run import run

    out = tmp_path_factory.mktemp("dev_out")
    report = run([DEV], out, jobs=2)
    assert report.failed == 0
    return out


@pytest.fixture(scope="session")
def dev_scores(dev_run: Path) -> dict:
    """delib eval of the dev run against the gold files."""
    from pipeline.evaluate import evaluate

    return evaluate(dev_run, DEV)
