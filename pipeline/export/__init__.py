"""Exports of a run's tables: the national SCDL CSVs (:mod:`.scdl`, validated by
:mod:`.scdl_validate`) and SQL over the tables with DuckDB (:mod:`.query`)."""
