"""Orchestration: one file → rows (:mod:`.process`), many files → Parquet tables
(:mod:`.batch`), spread over workers (:mod:`.executor`) within bounds (:mod:`.bounds`),
written atomically with a manifest for resuming (:mod:`.write`)."""

from pipeline.runner.process import DocumentResult, extract_acts, process_document
from pipeline.runner.batch import INPUT_SUFFIXES, RunReport, iter_inputs, run

__all__ = ["DocumentResult", "INPUT_SUFFIXES", "RunReport", "extract_acts", "iter_inputs",
           "process_document", "run"]
