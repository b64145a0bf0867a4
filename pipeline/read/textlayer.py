"""Words of a born-digital page from its text layer (pypdfium2), and whether to trust them.

pdfium is used rather than pdfplumber's character model here because plain words with
boxes are all this stage needs and pdfium is an order of magnitude faster (see
``bench/``). A text layer is *unusable* when it is empty or near empty on a page that
is mostly picture (a scanned annex with only a typed footer), or when it is garbage
(broken font encodings give ``(cid:12)``, private-use or control characters).
"""

from __future__ import annotations

import ctypes
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.read.layout import RawWord

_LINE_END_HYPHENS = {0x02, 0xAD}  # pdfium's marker of a line-end hyphen, soft hyphen
_SPACES = {" ", "\t", "\r", "\n", "\u00a0", "\u202f", "\u2009", "\u2002", "\u2003", "\x00"}
# Characters expected in French administrative text; anything else counts as noise.
_EXPECTED = re.compile(r"[\w\s.,;:!?'’\"«»()\[\]/%€°§&+\-–—_*=<>@#…·•€$£|\\^`~{}]", re.UNICODE)


@dataclass(frozen=True)
class TextLayer:
    words: list[RawWord]
    n_chars: int  # non-space characters
    noise_ratio: float  # share of characters that are not expected in text
    image_cover: float  # share of the page area covered by images


def _image_bounds(page: pdfium.PdfPage) -> list[tuple[float, float, float, float]]:
    """Bounds (left, bottom, right, top) of the page's images, and of those one form XObject
    deep. Raw pdfium calls: the helper's ``get_objects`` builds an object per path and glyph
    run, which cost more than the rest of this stage on a page of vector drawings."""
    count, get = pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject
    form_count, form_get = pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject
    get_type, get_bounds = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDFPageObj_GetBounds
    image, form = pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    bounds: list[tuple[float, float, float, float]] = []
    objects = [get(page.raw, i) for i in range(count(page.raw))]
    for obj in objects:
        kind = get_type(obj)
        if kind == form:
            objects_in_form = [form_get(obj, i) for i in range(form_count(obj))]
            kinds = [(o, get_type(o)) for o in objects_in_form]
        else:
            kinds = [(obj, kind)]
        for o, k in kinds:
            if k != image:
                continue
            if not get_bounds(o, left, bottom, right, top):
                raise ValueError("an image object without bounds")
            bounds.append((left.value, bottom.value, right.value, top.value))
    return bounds


def _image_cover(page: pdfium.PdfPage, width: float, height: float) -> float:
    area = 0.0
    try:
        for left, bottom, right, top in _image_bounds(page):
            w = max(0.0, min(right, width) - max(left, 0.0))
            h = max(0.0, min(top, height) - max(bottom, 0.0))
            area += w * h
    except Exception:  # noqa: BLE001 - a broken image object is not a reason to fail
        return 0.0
    return min(1.0, area / max(width * height, 1.0))


_TEXT, _SPACE, _NOISE = 0, 1, 2
#: What each character is, read once per character met (pages repeat the same few hundred).
_CHAR_KINDS: dict[str, int] = {}


def _char_kind(ch: str) -> int:
    """A space (it ends a word), noise (a character no text of ours prints: private use,
    control, a lone surrogate, "\ufffd" or outside :data:`_EXPECTED`) or text."""
    category = unicodedata.category(ch)
    if ch in _SPACES or category == "Zs":
        return _SPACE
    if ch == "\ufffd" or category in ("Co", "Cc", "Cs") or not _EXPECTED.match(ch):
        return _NOISE
    return _TEXT


def _untyped(function: Any, restype: Any, n_args: int) -> Any:
    """``function`` of pdfium called through a prototype of plain pointers and ints: the
    bindings' typed arguments are checked and converted on every call, which costs more than
    the call itself when it is made for each character of a page."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(restype, ctypes.c_void_p, ctypes.c_int, *[ctypes.c_void_p] * (n_args - 2))(address)


#: FPDFText_GetUnicode(text_page, index) and FPDFText_GetCharBox(text_page, index, &left,
#: &right, &bottom, &top), untyped (see :func:`_untyped`).
_GET_UNICODE = _untyped(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, 2)
_GET_BOX = _untyped(pdfium_c.FPDFText_GetCharBox, ctypes.c_int, 6)


def read_text_layer(page: pdfium.PdfPage) -> TextLayer:
    """Words of ``page`` (top-left origin, points) from pdfium's text page."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    # raw pdfium calls with reused out-parameters: the helper's get_charbox costs more
    # than pdfium itself on a page of 3 000 characters
    raw_page = ctypes.cast(textpage.raw, ctypes.c_void_p).value
    get_unicode, get_box = _GET_UNICODE, _GET_BOX
    out = (ctypes.c_double * 4)()  # left, right, bottom, top
    base = ctypes.addressof(out)
    p_left, p_right, p_bottom, p_top = base, base + 8, base + 16, base + 24
    try:
        n = textpage.count_chars()
        words: list[RawWord] = []
        buf: list[str] = []
        box: list[float] = []
        noise = 0
        non_space = 0

        def flush() -> None:
            if buf:
                words.append(RawWord("".join(buf), box[0], height - box[3], box[2], height - box[1]))
                buf.clear()
                box.clear()

        last_right = None
        kinds = _CHAR_KINDS
        for i in range(n):
            code = get_unicode(raw_page, i)
            # pdfium reports a hyphen that breaks a word at a line end as U+0002
            ch = "-" if code in _LINE_END_HYPHENS else (chr(code) if 0 < code < 0x110000 else "\ufffd")
            kind = kinds.get(ch)
            if kind is None:
                kind = kinds[ch] = _char_kind(ch)
            if kind == _SPACE:
                flush()
                last_right = None
                continue
            get_box(raw_page, i, p_left, p_right, p_bottom, p_top)
            left, right, bottom, top = out
            if right - left <= 0 and top - bottom <= 0:
                continue  # generated or invisible char without a box
            non_space += 1
            if kind == _NOISE:
                noise += 1
            # a jump back or a wide gap inside a "word" means pdfium glued two words
            if buf and last_right is not None:
                size = top - bottom if top - bottom > box[3] - box[1] else box[3] - box[1]
                size = size if size > 1.0 else 1.0
                # an underscore sits under the baseline: "D2022_135" is still one word
                off_line = (bottom > box[3] or top < box[1]) and ch != "_"
                if left < box[0] - 1 or left - last_right > 0.5 * size or off_line:
                    flush()
            if buf:
                if left < box[0]:
                    box[0] = left
                if bottom < box[1]:
                    box[1] = bottom
                if right > box[2]:
                    box[2] = right
                if top > box[3]:
                    box[3] = top
            else:
                box.extend([left, bottom, right, top])
            buf.append(ch)
            last_right = right
        flush()
    finally:
        textpage.close()
    cover = _image_cover(page, width, height)
    return TextLayer(words, non_space, noise / non_space if non_space else 0.0, cover)


def is_usable(layer: TextLayer) -> tuple[bool, str]:
    """Decide whether a page's text layer can be used as is, and say why not."""
    if layer.n_chars == 0:
        return False, "no text layer"
    if layer.noise_ratio > 0.15:
        return False, f"garbage text layer ({layer.noise_ratio:.0%} unexpected characters)"
    # A picture page with a typed footer or header only: the content is in the image.
    if layer.image_cover > 0.5 and layer.n_chars < 200:
        return False, f"image page ({layer.image_cover:.0%} image) with {layer.n_chars} characters of text"
    # Few words spread over a page that is all picture: an invisible OCR layer of poor quality
    # would still be kept; only words that are clearly not words send the page to OCR.
    if layer.words:
        letters = [w.text for w in layer.words if any(c.isalpha() for c in w.text)]
        if letters:
            vowelless = sum(1 for t in letters if len(t) > 3 and not re.search(r"[aeiouyàâäéèêëîïôöùûüÿœæ]", t, re.I))
            if vowelless / len(letters) > 0.5:
                return False, "text layer made of non-words"
    return True, ""
