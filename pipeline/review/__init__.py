"""Reviewing a run: a local web app (:mod:`.app`) showing every value beside the page it was
read from, and the reviewer's corrections (:mod:`.corrections`), kept beside the tables and
applied by the exports and the evaluation."""
