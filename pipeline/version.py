"""The pipeline's version, stamped on every ``documents`` row and in the run manifest.

Bump it when extraction changes, so that incremental runs redo the documents.
"""

PIPELINE_VERSION = "0.1.0"
