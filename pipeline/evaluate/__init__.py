"""Measurement: field-by-field accuracy against gold answer sheets (:mod:`.gold`), the
ACTES matière against a hand-made sheet (:mod:`.matiere`), and coverage without answer
sheets — acts whose text shows a table's cue but got no row (:mod:`.coverage`, cues in
:mod:`.cues`). Reads the tables a run wrote; never imports an extractor."""

from pipeline.evaluate.coverage import CoverageReport, coverage, format_coverage
from pipeline.evaluate.gold import (SCORED_TABLES, Counts, differences, evaluate, evaluate_per_file,
                                    format_differences, format_per_file, format_report, normalise)
from pipeline.evaluate.matiere import evaluate_matiere

__all__ = ["SCORED_TABLES", "CoverageReport", "Counts", "coverage", "differences", "evaluate", "evaluate_matiere",
           "evaluate_per_file", "format_coverage", "format_differences", "format_per_file", "format_report",
           "normalise"]
