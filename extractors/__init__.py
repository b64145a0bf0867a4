"""Extractors: one module per kind of record, run in the order of :data:`PIPELINE`.

``PIPELINE`` is the one place that says which extractors run and in what order: an
extractor may read the rows of those before it (votes read attendance, quality reads
everything).
"""

from __future__ import annotations

import importlib

from extractors.registry import EXTRACTORS, ActFields, ExtractorSpec, Found, extractor, get_extractor

#: Extractor modules, in the order they run. Each registers one extractor of the same name.
PIPELINE: tuple[str, ...] = (
    "header",
    "attendance",
    "votes",
    "legal_references",
    "articles",
    "amounts",
    "budget_lines",
    "grants",
    "grant_terms",
    "matiere",
    "quality",
)


def load_pipeline() -> list[ExtractorSpec]:
    """Import the extractor modules of :data:`PIPELINE` and return their specs in order."""
    for name in PIPELINE:
        importlib.import_module(f"extractors.{name}")
    return [get_extractor(name) for name in PIPELINE]


__all__ = ["PIPELINE", "EXTRACTORS", "ActFields", "ExtractorSpec", "Found", "extractor",
           "get_extractor", "load_pipeline"]
