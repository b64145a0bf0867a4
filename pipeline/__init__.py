"""delib: French local-authority deliberations (PDF, typed or scanned) → typed Parquet tables.

Python API (the CLI ``delib`` only wraps it)::

    from pipeline import process_document, run
    result = process_document("deliberation.pdf")      # rows of every table, in memory
    report = run(["archive/"], "out/")                   # Parquet datasets under out/<table>/
"""

from pipeline.options import Options
from pipeline.run import DocumentResult, RunReport, process_document, run
from pipeline.version import PIPELINE_VERSION

__all__ = ["Options", "DocumentResult", "RunReport", "process_document", "run", "PIPELINE_VERSION"]
__version__ = PIPELINE_VERSION
