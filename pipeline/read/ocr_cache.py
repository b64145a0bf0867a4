"""A disk cache of OCR results, keyed by what was read and how.

OCR is most of the cost of a scanned page. When the pipeline changes (a new version
redoes every document of an archive) or a test suite reads the same scans again, the
words Tesseract found on the same page image with the same settings are taken from the
cache instead. The key is the sha256 of the rendered page image plus every setting that
changes the result (Tesseract version, language, dpi, page preparation); an entry is one
small JSON file, written atomically.

Enabled with ``Options(ocr_cache=DIR)``, ``delib extract --ocr-cache DIR`` or the
environment variable ``DELIB_OCR_CACHE``.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from PIL import Image

from pipeline.read.layout import RawWord
from pipeline.read.ocr import OcrResult, tesseract_path

#: Bump when page preparation or OCR parsing changes what comes out of a page.
PREP_VERSION = "13"


@lru_cache(maxsize=1)
def _tesseract_version() -> str:
    try:
        out = subprocess.run([tesseract_path(), "--version"], capture_output=True, timeout=30, check=False)
        return out.stdout.decode("utf-8", "replace").splitlines()[0] if out.stdout else "unknown"
    except Exception:  # noqa: BLE001 - no version, no sharing across versions either
        return "unknown"


def cache_key(image: Image.Image, *, dpi: float, lang: str) -> str:
    h = hashlib.sha256()
    h.update(f"{PREP_VERSION}|{_tesseract_version()}|{lang}|{dpi:.3f}|{image.mode}|{image.size}".encode())
    h.update(image.tobytes())
    return h.hexdigest()


def load(cache_dir: str | os.PathLike[str], key: str) -> OcrResult | None:
    path = Path(cache_dir) / key[:2] / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return OcrResult([RawWord(**w) for w in data["words"]], data["confidence"], data["rotation"], data["skew"])


def store(cache_dir: str | os.PathLike[str], key: str, result: OcrResult) -> None:
    folder = Path(cache_dir) / key[:2]
    folder.mkdir(parents=True, exist_ok=True)
    data = {"words": [asdict(w) for w in result.words], "confidence": result.confidence,
            "rotation": result.rotation, "skew": result.skew}
    tmp = folder / f".{key}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, folder / f"{key}.json")
