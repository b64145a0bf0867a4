"""Run options: every bound and switch of the pipeline, with its default and meaning."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Options:
    """Options of a run. Defaults suit a batch of ordinary deliberations."""

    ocr: bool = True  # OCR pages without a usable text layer
    force_ocr: bool = False  # OCR every page, text layer or not
    ocr_lang: str = "fra"
    ocr_dpi: int = 300  # rendering resolution for OCR
    ocr_timeout: float = 180.0  # seconds for one page's OCR
    # folder of cached OCR results (see pipeline.read.ocr_cache); None: no cache
    ocr_cache: str | None = field(default_factory=lambda: os.environ.get("DELIB_OCR_CACHE") or None)
    max_file_mb: float = 512.0  # bigger files are refused (too_large)
    max_pages: int = 2000  # longer documents are refused (too_many_pages)
    max_render_pixels: int = 60_000_000  # a page is rendered at a lower dpi to stay under this
    min_render_dpi: int = 100  # …and refused (page_too_large) if that means below this dpi
    max_stream_mb: float = 256.0  # decompressed size of one stream (decompression bombs)
    doc_timeout: float = 900.0  # seconds for one document (enforced by the worker pool)
    max_memory_mb: int = 3000  # address space of one worker (enforced by the worker pool)
    strict: bool = False  # re-raise the first error instead of recording it
