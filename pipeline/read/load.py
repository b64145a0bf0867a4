"""Stage 1: a file → :class:`~pipeline.model.Document` (pages of words, one text).

Each page's text comes from its text layer when it has a usable one, else from Tesseract
OCR in French — decided per page, since real files mix typed pages and scanned annexes.
pypdfium2 is the only PDF library here; the rest of the code only sees the Document.
Plain-text inputs (``.txt``, an archive's extracted text) are read as one page per form
feed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from pathlib import Path
from typing import Callable

import pypdfium2 as pdfium

from pipeline.read import ocr as ocr_mod
from pipeline.errors import ErrorCode, IssueLog, PipelineError
from pipeline.read.layout import RawWord, lay_out
from pipeline.model import Document, Page, TextSource, Word
from pipeline.options import Options
from pipeline.read.textlayer import is_usable, read_text_layer

log = logging.getLogger(__name__)

STAGE = "load"


def file_sha256(path: str | os.PathLike[str]) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def check_file(path: Path, options: Options) -> None:
    """Refuse what is not a readable, plausible PDF or text file, with a clear code."""
    if not path.exists():
        raise PipelineError(ErrorCode.FILE_NOT_FOUND, f"no such file: {path}")
    if not path.is_file():
        raise PipelineError(ErrorCode.NOT_A_FILE, f"not a regular file (a folder?): {path}")
    size = path.stat().st_size
    if size == 0:
        raise PipelineError(ErrorCode.EMPTY_FILE, "the file is empty (0 bytes)")
    if size > options.max_file_mb * 1024 * 1024:
        raise PipelineError(ErrorCode.TOO_LARGE,
                            f"file of {size / 2**20:.0f} MiB exceeds max_file_mb={options.max_file_mb:g}")


def _sniff(path: Path) -> str:
    with open(path, "rb") as f:
        head = f.read(1024)
    if b"%PDF-" in head:
        return "pdf"
    if path.suffix.lower() == ".txt":
        return "text"
    kind = "an HTML page" if b"<html" in head.lower() or b"<!doctype" in head.lower() else (
        "an image" if head[:4] in (b"\x89PNG", b"GIF8") or head[:3] == b"\xff\xd8\xff" else "not a PDF")
    raise PipelineError(ErrorCode.NOT_A_PDF, f"the file is {kind}: no %PDF- header")


def _assemble(doc_id: str, source: str, pages: list[tuple[str, list[Word], dict]]) -> Document:
    texts: list[str] = []
    out: list[Page] = []
    pos = 0
    for i, (text, words, meta) in enumerate(pages):
        if i:
            texts.append("\f")
            pos += 1
        shifted = tuple(Word(w.text, w.x0, w.top, w.x1, w.bottom, w.start + pos, w.line, w.conf) for w in words)
        out.append(Page(page_no=i + 1, start=pos, end=pos + len(text), words=shifted, **meta))
        texts.append(text)
        pos += len(text)
    return Document(doc_id=doc_id, source_path=source, text="".join(texts), pages=tuple(out))


#: A line of justified prose exported as text: its gaps widened to two spaces ("une  subvention
#: de  5  000  €"), never to three or more (a column gap of a table laid out with spaces).
_JUSTIFIED_GAP_RE = re.compile(r"(?<=\S)  (?=\S)")


def _unjustify(line: str) -> str:
    """ "d'attribuer une  subvention  de  5  000  €" → "d'attribuer une subvention de 5 000 €";
    a line with a gap of three spaces or more (columns) is left as it is."""
    if "  " not in line or re.search(r"\S {3,}\S", line):
        return line
    return _JUSTIFIED_GAP_RE.sub(" ", line)


def read_text_file(path: Path, doc_id: str) -> Document:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", "replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(_unjustify(line) for line in text.split("\n"))
    pages = [(t, [], {"width": 0.0, "height": 0.0, "source": TextSource.TEXT_LAYER}) for t in text.split("\f")]
    return _assemble(doc_id, str(path), pages)


def _open_pdf(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise PipelineError(ErrorCode.ENCRYPTED, "the PDF is encrypted with a user password") from exc
        raise PipelineError(ErrorCode.PDF_UNREADABLE, f"the PDF cannot be read: {msg}") from exc


def _render(page: pdfium.PdfPage, options: Options, page_no: int):  # -> PIL.Image
    width, height = page.get_size()
    dpi = float(options.ocr_dpi)
    pixels = (width / 72 * dpi) * (height / 72 * dpi)
    if pixels > options.max_render_pixels:
        dpi = dpi * (options.max_render_pixels / pixels) ** 0.5
        if dpi < options.min_render_dpi:
            raise PipelineError(
                ErrorCode.PAGE_TOO_LARGE,
                f"page of {width / 72:.0f}×{height / 72:.0f} in cannot be rendered at "
                f"{options.min_render_dpi} dpi within {options.max_render_pixels:,} pixels",
                stage="ocr", page=page_no)
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    return bitmap.to_pil(), dpi


def _ocr_page(page: pdfium.PdfPage, options: Options, page_no: int) -> ocr_mod.OcrResult:
    image, dpi = _render(page, options, page_no)
    if not options.ocr_cache:
        return ocr_mod.ocr_image(image, dpi=dpi, lang=options.ocr_lang, timeout=options.ocr_timeout)
    from pipeline.read import ocr_cache

    key = ocr_cache.cache_key(image, dpi=dpi, lang=options.ocr_lang)
    cached = ocr_cache.load(options.ocr_cache, key)
    if cached is not None:
        return cached
    result = ocr_mod.ocr_image(image, dpi=dpi, lang=options.ocr_lang, timeout=options.ocr_timeout)
    ocr_cache.store(options.ocr_cache, key, result)
    return result


def read_pdf(path: Path, doc_id: str, options: Options, issues: IssueLog,
             on_page: Callable[[int, int], None] | None = None) -> Document:
    pdf = _open_pdf(path)
    try:
        n = len(pdf)
        if n == 0:
            raise PipelineError(ErrorCode.PDF_UNREADABLE, "the PDF has no pages")
        if n > options.max_pages:
            raise PipelineError(ErrorCode.TOO_MANY_PAGES, f"{n} pages exceed max_pages={options.max_pages}")
        pages: list[tuple[str, list[Word], dict]] = []
        ocr_ok = options.ocr
        for i in range(n):
            page_no = i + 1
            meta: dict = {"source": TextSource.TEXT_LAYER}
            words: list[RawWord] = []
            try:
                page = pdf[i]
            except Exception as exc:  # noqa: BLE001 - one bad page does not sink the file
                issues.error(STAGE, ErrorCode.PAGE_UNREADABLE, f"page cannot be read: {exc}", page_no)
                pages.append(("", [], {"width": 0.0, "height": 0.0, **meta}))
                continue
            try:
                width, height = page.get_size()
                meta.update(width=float(width), height=float(height))
                layer = read_text_layer(page)
                usable, why = is_usable(layer)
                if usable and not options.force_ocr:
                    words = layer.words
                elif ocr_ok:
                    try:
                        result = _ocr_page(page, options, page_no)
                        words = result.words
                        meta.update(source=TextSource.OCR, ocr_confidence=result.confidence,
                                    rotation=result.rotation, skew=result.skew)
                        if result.confidence is not None and result.confidence < 50:
                            issues.warn("ocr", ErrorCode.OCR_LOW_CONFIDENCE,
                                        f"OCR mean confidence {result.confidence:.0f}", page_no)
                    except ocr_mod.OcrUnavailable as exc:
                        issues.error("ocr", ErrorCode.OCR_UNAVAILABLE, str(exc), page_no)
                        ocr_ok = False
                        words = layer.words
                    except PipelineError as exc:
                        issues.error(exc.stage, exc.code, exc.message, page_no)
                        words = layer.words
                    except Exception as exc:  # noqa: BLE001 - tesseract crash or timeout
                        issues.error("ocr", ErrorCode.OCR_FAILED, f"OCR failed ({why}): {exc}", page_no)
                        words = layer.words
                else:
                    words = layer.words
                    issues.warn(STAGE, ErrorCode.EMPTY_PAGE, f"{why}; OCR disabled", page_no)
            finally:
                page.close()
            text, laid = lay_out(words, meta.get("width", 0.0))
            pages.append((text, laid, meta))
            if on_page:
                on_page(page_no, n)
        return _assemble(doc_id, str(path), pages)
    finally:
        pdf.close()


def load_document(path: str | os.PathLike[str], options: Options | None = None,
                  issues: IssueLog | None = None, doc_id: str | None = None) -> Document:
    """Read ``path`` into a Document. Raises :class:`PipelineError` for unreadable input."""
    options = options or Options()
    issues = issues if issues is not None else IssueLog()
    p = Path(path)
    check_file(p, options)
    kind = _sniff(p)
    doc_id = doc_id or file_sha256(p)
    if kind == "text":
        return read_text_file(p, doc_id)
    return read_pdf(p, doc_id, options, issues)
