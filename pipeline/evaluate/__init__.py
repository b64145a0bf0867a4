"""Measurement: field-by-field accuracy against gold answer sheets (:mod:`.gold`) and the
ACTES matière against a hand-made sheet (:mod:`.matiere`). Reads the tables a run wrote;
never imports an extractor."""

from pipeline.evaluate.gold import SCORED_TABLES, Counts, evaluate, format_report, normalise
from pipeline.evaluate.matiere import evaluate_matiere

__all__ = ["SCORED_TABLES", "Counts", "evaluate", "evaluate_matiere", "format_report", "normalise"]
