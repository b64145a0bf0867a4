"""delib: French local-authority deliberations (PDF, typed or scanned) → typed Parquet tables.

Python API (the CLI ``delib`` only wraps it)::

    from pipeline import process_document, run, Options
    result = process_document("deliberation.pdf")      # rows of every table, in memory
    report = run(["archive/"], "out/")                   # Parquet datasets under out/<table>/, linked
    link_run("out/")                                     # link across documents again (delib link)

The package's stages, in the order data flows (docs/architecture.md): :mod:`pipeline.read`
(file → Document), :mod:`pipeline.segment` (Document → acts and sections), the extractors
(package ``extractors``: sections → rows), :mod:`pipeline.runner` (orchestration, writing),
:mod:`pipeline.link` (across documents: persons, terms, beneficiaries),
:mod:`pipeline.export`, :mod:`pipeline.evaluate` and the CLI (:mod:`pipeline.cli`). Shared
types are in :mod:`pipeline.model`, pure normalisers in :mod:`pipeline.normalize`.

The names below are imported on first use (PEP 562): importing a low-level module such as
``pipeline.model`` does not load the orchestration, the extractors or their libraries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pipeline.version import PIPELINE_VERSION

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.options import Options
    from pipeline.link import link_run
    from pipeline.runner import DocumentResult, RunReport, process_document, run

__all__ = ["Options", "DocumentResult", "RunReport", "process_document", "run", "link_run", "PIPELINE_VERSION"]
__version__ = PIPELINE_VERSION

_LAZY = {"Options": "pipeline.options", "DocumentResult": "pipeline.runner", "RunReport": "pipeline.runner",
         "process_document": "pipeline.runner", "run": "pipeline.runner", "link_run": "pipeline.link"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
