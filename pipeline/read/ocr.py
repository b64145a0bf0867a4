"""OCR of one page image with Tesseract (French), giving words with boxes and confidences.

Tesseract runs as a subprocess, single-threaded (``OMP_THREAD_LIMIT=1``: its own threads
slow a loaded machine down, and we parallelise across documents instead). Scans are
handled as they come:

* skew (the usual 0.3–3°, up to :data:`MAX_SKEW`): measured before OCR on a small copy of
  the page (the angle whose horizontal projection profile is sharpest) and corrected by
  turning the image — Tesseract's layout analysis drops whole lines of a skewed page;
  what skew remains is measured from the word baselines and corrected in the word boxes;
* pages turned 90°/180°/270°: when the first pass reads poorly, Tesseract's orientation
  detection (``--psm 0``) says how to turn the image, and the page is read again;
* words read with low confidence (an amount centred in a table cell, off its neighbours'
  baselines) are read a second time, alone, and so are the cells of a ruled table that hold
  them, the grid found from the rules of the image (:mod:`pipeline.read.reread`).
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from statistics import median

from PIL import Image

from pipeline.read.imageprep import Box, deskew, erase_rules, estimate_skew, find_rules, is_blank, ruled_cells
from pipeline.read.layout import RawWord
from pipeline.read.reread import reread

#: Pages whose mean word confidence is below this are tried in other orientations.
LOW_CONFIDENCE = 55.0

class OcrUnavailable(RuntimeError):
    """Tesseract (or its French data) is not installed."""


@dataclass(frozen=True)
class OcrResult:
    words: list[RawWord]  # in points, top-left origin, deskewed
    confidence: float | None  # mean word confidence 0-100
    rotation: int  # degrees the image was turned (clockwise) before the kept pass
    skew: float  # degrees of skew measured (and corrected in the word boxes)


def tesseract_path() -> str:
    path = shutil.which("tesseract")
    if not path:
        raise OcrUnavailable("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-fra)")
    return path


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def _run_tesseract(image_path: str, args: list[str], timeout: float) -> str:
    cmd = [tesseract_path(), image_path, "stdout", *args]
    proc = subprocess.run(cmd, capture_output=True, timeout=timeout, env=_env(), check=False)
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"tesseract failed: {msg[-1] if msg else proc.returncode}")
    return proc.stdout.decode("utf-8", "replace")


def _parse_tsv(tsv: str, scale: float) -> tuple[list[RawWord], list[list[RawWord]]]:
    words: list[RawWord] = []
    lines: dict[tuple[int, int, int], list[RawWord]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        conf = float(cols[10])
        if not text or conf < 0:
            continue
        left, top, width, height = (int(c) for c in cols[6:10])
        key = (int(cols[2]), int(cols[3]), int(cols[4]))
        unit = hash(key) & 0x7FFFFFFF
        w = RawWord(text, left * scale, top * scale, (left + width) * scale, (top + height) * scale, conf, unit)
        words.append(w)
        lines.setdefault(key, []).append(w)
    return words, list(lines.values())


def _reread(image: Image.Image, words: list[RawWord], scale: float, lang: str, timeout: float,
            tmp: str, cells: list[Box]) -> list[RawWord]:
    """The page's words with the doubtful ones read again alone (:mod:`pipeline.read.reread`)."""
    path = os.path.join(tmp, "reread.pgm")

    def read(strip: Image.Image) -> list[RawWord]:
        strip.save(path)
        tsv = _run_tesseract(path, ["-l", lang, "--psm", "6", "-c", "tessedit_create_tsv=1", "tsv"], timeout)
        return _parse_tsv(tsv, 1.0)[0]

    in_pixels = [RawWord(w.text, w.x0 / scale, w.top / scale, w.x1 / scale, w.bottom / scale, w.conf, w.unit)
                 for w in words]
    out = reread(image, in_pixels, read, cells)
    if out is in_pixels:
        return words
    return [RawWord(w.text, w.x0 * scale, w.top * scale, w.x1 * scale, w.bottom * scale, w.conf, w.unit)
            for w in out]


def _skew_of(lines: list[list[RawWord]]) -> float:
    """Median slope (degrees) of the word bottoms along each line; positive = clockwise."""
    slopes: list[float] = []
    for ws in lines:
        if len(ws) < 4:
            continue
        xs = [(w.x0 + w.x1) / 2 for w in ws]
        ys = [w.bottom for w in ws]
        n = len(xs)
        mx, my = sum(xs) / n, sum(ys) / n
        sxx = sum((x - mx) ** 2 for x in xs)
        if sxx < 1e-6 or (max(xs) - min(xs)) < 100:
            continue
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
        slopes.append(math.degrees(math.atan(slope)))
    return median(slopes) if len(slopes) >= 3 else 0.0


def _deskew(words: list[RawWord], angle: float, cx: float, cy: float) -> list[RawWord]:
    """Rotate word boxes by ``-angle`` around the page centre (boxes keep their size)."""
    if abs(angle) < 0.05:
        return words
    a = math.radians(-angle)
    cos, sin = math.cos(a), math.sin(a)
    out = []
    for w in words:
        x, y = (w.x0 + w.x1) / 2 - cx, (w.top + w.bottom) / 2 - cy
        nx, ny = cx + x * cos - y * sin, cy + x * sin + y * cos
        hw, hh = (w.x1 - w.x0) / 2, (w.bottom - w.top) / 2
        out.append(RawWord(w.text, nx - hw, ny - hh, nx + hw, ny + hh, w.conf, w.unit))
    return out


def _mean_conf(words: list[RawWord]) -> float | None:
    confs = [w.conf for w in words if w.conf is not None]
    return sum(confs) / len(confs) if confs else None


_OSD_ROTATE = re.compile(r"Rotate:\s*(\d+)")


def _orientation(image_path: str, timeout: float) -> int:
    try:
        out = _run_tesseract(image_path, ["--psm", "0", "-l", "osd"], timeout)
    except Exception:  # noqa: BLE001 - no OSD data or too little text: keep as is
        return 0
    m = _OSD_ROTATE.search(out)
    return int(m.group(1)) % 360 if m else 0


def ocr_image(image: Image.Image, *, dpi: float, lang: str = "fra", timeout: float = 120.0,
              psm: int = 3) -> OcrResult:
    """OCR ``image`` rendered at ``dpi``; boxes come back in PDF points (1/72 in)."""
    scale = 72.0 / dpi
    if is_blank(image):
        return OcrResult([], None, 0, 0.0)  # a blank page: nothing for Tesseract to read
    pre_skew = estimate_skew(image)
    if abs(pre_skew) >= 0.2:
        image = deskew(image, pre_skew)
    rules = find_rules(image, dpi)
    cells = ruled_cells(rules, dpi)
    image = erase_rules(image, dpi, rules)
    with tempfile.TemporaryDirectory(prefix="delib-ocr-") as tmp:
        path = os.path.join(tmp, "page.pgm")  # uncompressed: PNG encoding costs more than it saves
        image.save(path)
        args = ["-l", lang, "--psm", str(psm), "-c", "tessedit_create_tsv=1", "tsv"]
        words, lines = _parse_tsv(_run_tesseract(path, args, timeout), scale)
        conf = _mean_conf(words)
        rotation = 0
        if conf is None or conf < LOW_CONFIDENCE or len(words) < 5:
            rotation = _orientation(path, timeout)
            if rotation:
                # Tesseract says how far the page is turned clockwise; turn it back.
                image.rotate(rotation, expand=True).save(path)
                w2, l2 = _parse_tsv(_run_tesseract(path, args, timeout), scale)
                c2 = _mean_conf(w2)
                if c2 is not None and (conf is None or c2 > conf):
                    words, lines, conf = w2, l2, c2
                else:
                    rotation = 0
        read_image = image.rotate(rotation, expand=True) if rotation else image
        # (the grid was found on the page as it came: no cells on a page turned to be read)
        words = _reread(read_image, words, scale, lang, timeout, tmp, [] if rotation else cells)
        img_w, img_h = image.size if rotation in (0, 180) else image.size[::-1]
        skew = _skew_of(lines)
        words = _deskew(words, skew, img_w * scale / 2, img_h * scale / 2)
    return OcrResult(words, conf, rotation, round(pre_skew + skew, 2))
