"""Problems met while processing: stable codes, severities, a per-document log.

Nothing here stops a batch. A stage either returns its result, records a warning and goes
on, or raises :class:`PipelineError` (the document or the section cannot be processed);
``pipeline.runner`` turns every raised error into one ``errors`` row and goes on with the
next document. ``strict=True`` re-raises instead, for debugging and unit tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.model import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class ErrorCode(StrEnum):
    """Stable, greppable codes of the ``errors`` table."""

    # reading the file
    FILE_NOT_FOUND = "file_not_found"
    FILE_CHANGED = "file_changed"  # replaced or rewritten while it was read
    NOT_A_FILE = "not_a_file"  # a folder named x.pdf, a device…
    EMPTY_FILE = "empty_file"
    NOT_A_PDF = "not_a_pdf"
    PDF_UNREADABLE = "pdf_unreadable"  # truncated or corrupt beyond repair
    PDF_REPAIRED = "pdf_repaired"  # read after repair (warning)
    ENCRYPTED = "encrypted"  # needs a user password
    TOO_LARGE = "too_large"  # file size bound
    TOO_MANY_PAGES = "too_many_pages"
    DECOMPRESSION_BOMB = "decompression_bomb"
    PAGE_TOO_LARGE = "page_too_large"  # page too big to rasterise for OCR
    TIMEOUT = "timeout"
    MEMORY_LIMIT = "memory_limit"
    WORKER_CRASHED = "worker_crashed"
    # per page
    PAGE_UNREADABLE = "page_unreadable"
    OCR_UNAVAILABLE = "ocr_unavailable"  # Tesseract missing
    OCR_FAILED = "ocr_failed"
    OCR_LOW_CONFIDENCE = "ocr_low_confidence"
    EMPTY_PAGE = "empty_page"
    # structure and extraction
    NO_ACT_FOUND = "no_act_found"
    EXTRACTOR_CRASHED = "extractor_crashed"
    EXTRACTION_FAILED = "extraction_failed"
    VALUE_UNPARSEABLE = "value_unparseable"
    # writing the rows
    VALUE_OUT_OF_RANGE = "value_out_of_range"  # a number its column cannot hold: null, or the row left out
    TEXT_NOT_UTF8 = "text_not_utf8"  # characters UTF-8 cannot hold, written as U+FFFD (warning)


#: Causes that say nothing of the document itself: the next run retries a document that
#: met one (a worker killed by the kernel, Tesseract killed, a file that vanished or was
#: rewritten while it was read). Bounds (timeout, memory_limit) and the file's own faults
#: are kept until ``--retry-failed``.
TRANSIENT = frozenset({ErrorCode.WORKER_CRASHED, ErrorCode.OCR_FAILED, ErrorCode.FILE_NOT_FOUND,
                       ErrorCode.FILE_CHANGED})


@dataclass(frozen=True)
class Issue:
    """One problem, as it will be written to ``errors``."""

    stage: str
    code: ErrorCode
    severity: Severity
    message: str
    page: int | None = None


class PipelineError(Exception):
    """A stage cannot go on with this document (or section). Carries its code."""

    def __init__(self, code: ErrorCode, message: str, *, stage: str = "load",
                 page: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.stage = stage
        self.page = page


@dataclass
class IssueLog:
    """Issues of one document, in the order met."""

    issues: list[Issue] = field(default_factory=list)

    def warn(self, stage: str, code: ErrorCode, message: str, page: int | None = None) -> None:
        self.issues.append(Issue(stage, code, Severity.WARNING, message, page))

    def error(self, stage: str, code: ErrorCode, message: str, page: int | None = None) -> None:
        self.issues.append(Issue(stage, code, Severity.ERROR, message, page))

    @property
    def has_errors(self) -> bool:
        return any(i.severity is Severity.ERROR for i in self.issues)

    def __len__(self) -> int:
        return len(self.issues)
