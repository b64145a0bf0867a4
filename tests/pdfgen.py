"""Small PDFs written by the tests themselves: typed pages (a text layer) and scanned pages."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont


def _esc(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def placed_pdf(path: Path, pages: list[list[tuple[float, float, str]]],
               rules: list[list[tuple[float, float, float, float]]] | None = None, size: float = 10) -> Path:
    """A PDF with text placed at (x, y-from-top) in Helvetica (a text layer), and optional
    stroked rectangles (x, y-from-top, width, height)."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    n = len(pages)
    font_id = 3 + 2 * n
    objects.append(f"<< /Type /Pages /Kids [{' '.join(f'{3 + 2 * i} 0 R' for i in range(n))}] /Count {n} >>".encode())
    for i, items in enumerate(pages):
        content = b""
        for x, y, w, h in (rules[i] if rules else []):
            content += b"%.1f %.1f %.1f %.1f re S " % (x, 842 - y - h, w, h)
        for x, y, text in items:
            content += b"BT /F1 %d Tf 1 0 0 1 %.1f %.1f Tm (" % (size, x, 842 - y) + _esc(text) + b") Tj ET "
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {4 + 2 * i} 0 R >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    path.write_bytes(raw_pdf(objects))
    return path


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (object 1 is the catalog) with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for k, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % k + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def text_pdf(path: Path, pages: list[list[str]], size: float = 11) -> Path:
    """Write a PDF whose pages hold ``pages`` (lines of text) in Helvetica, with a text layer."""
    return placed_pdf(path, [[(56, 52 + 14 * k, line) for k, line in enumerate(lines)] for lines in pages],
                      size=size)


def page_image(lines: list[str], *, dpi: int = 200, font_size: int = 34, angle: float = 0.0) -> Image.Image:
    """An A4 page image with ``lines`` of text, optionally turned by ``angle`` degrees."""
    w, h = int(8.27 * dpi), int(11.69 * dpi)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=font_size)
    y = int(0.8 * dpi)
    for line in lines:
        draw.text((int(0.8 * dpi), y), line, fill=0, font=font)
        y += int(font_size * 1.6)
    if angle:
        img = img.rotate(angle, expand=angle % 90 == 0, fillcolor=255)
    return img


def scan_pdf(path: Path, pages: list[Image.Image], dpi: int = 200) -> Path:
    """Write an image-only PDF (no text layer), one image per page."""
    first, rest = pages[0], pages[1:]
    first.save(path, "PDF", resolution=dpi, save_all=True, append_images=rest)
    return path


def table_image(header: list[str], rows: list[list[str]], *, dpi: int = 200, font_size: int = 30,
                angle: float = 0.0) -> Image.Image:
    """An A4 page image holding a ruled table with a grey header band, optionally skewed."""
    w, h = int(8.27 * dpi), int(11.69 * dpi)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=font_size)
    x0, y0 = int(0.8 * dpi), int(1.5 * dpi)
    col_w = (w - 2 * x0) // len(header)
    row_h = int(font_size * 2.2)
    draw.text((x0, y0 - 2 * row_h), "La dépense est imputée comme suit :".replace("é", "e"), fill=0, font=font)
    draw.rectangle([x0, y0, w - x0, y0 + row_h], fill=215)
    for r, cells in enumerate([header] + rows):
        for c, cell in enumerate(cells):
            draw.text((x0 + c * col_w + 12, y0 + r * row_h + row_h // 4), cell, fill=0, font=font)
    n = len(rows) + 1
    for r in range(n + 1):
        draw.line([x0, y0 + r * row_h, w - x0, y0 + r * row_h], fill=0, width=3)
    for c in range(len(header) + 1):
        draw.line([x0 + c * col_w, y0, x0 + c * col_w, y0 + n * row_h], fill=0, width=3)
    if angle:
        img = img.rotate(angle, fillcolor=255)
    return img


def tounicode_pdf(path: Path, lines: list[str], glyph: str = "Z", maps_to: str = "D800") -> Path:
    """A one-page PDF in Helvetica whose font's ToUnicode map sends the code of ``glyph`` to
    the UTF-16 code unit ``maps_to`` (hex): "D800" is a lone surrogate, which no UTF-8 text
    can hold — what a careless PDF writer's font map sometimes gives."""
    content = b"".join(b"BT /F1 11 Tf 1 0 0 1 56 %.1f Tm (" % (790 - 14 * k) + _esc(line) + b") Tj ET "
                       for k, line in enumerate(lines))
    code = ord(glyph)
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def "
            b"/CMapType 2 def 1 begincodespacerange <00> <FF> endcodespacerange "
            b"1 beginbfchar <%02X> <%s> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
            % (code, maps_to.encode()))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    path.write_bytes(raw_pdf(objects))
    return path
