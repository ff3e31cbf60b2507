"""A minimal PDF writer for tests: pages of text in standard-14 fonts with their real widths, lines,
boxes, an optional image (a scanned page) and optional encryption."""

from __future__ import annotations

import random
from pathlib import Path

from pdfminer.fontmetrics import FONT_METRICS

_STD = {"F1": "Helvetica", "F2": "Helvetica-Bold", "F3": "Courier", "F4": "Symbol"}
_TO_UNICODE_PUA = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
1 beginbfrange <20> <FF> <F020> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end"""


class MiniPdf:
    """Pages of text, lines and boxes; ``top`` coordinates run down from the top of the page.

    Fonts: F1 Helvetica, F2 Helvetica-Bold, F3 Courier, F4 Symbol, F5 a "Wingdings" font whose
    codes map to the U+F0xx private-use area (as Word's symbol bullets do).
    """

    def __init__(self, width: float = 612.0, height: float = 792.0) -> None:
        self.width, self.height = width, height
        self.pages: list[list[str]] = []
        self.has_image = False

    def page(self) -> MiniPdf:
        self.pages.append([])
        return self

    @staticmethod
    def text_width(text: str, font: str = "F1", size: float = 10.0) -> float:
        if font == "F5":
            return 0.9 * size * len(text)
        widths = FONT_METRICS[_STD[font]][1]
        return sum(widths.get(ch, 556) for ch in text) * size / 1000

    def text(self, x: float, top: float, text: str, font: str = "F1", size: float = 10.0) -> float:
        """Draw one line of text; returns its right edge."""
        raw = text.encode("latin-1") if font in ("F4", "F5") else text.encode("cp1252")
        esc = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)").decode("latin-1")
        base = self.height - top - 0.8 * size
        self.pages[-1].append(f"BT /{font} {size:g} Tf {x:.2f} {base:.2f} Td ({esc}) Tj ET")
        return x + self.text_width(text, font, size)

    def wrap(self, x: float, top: float, width: float, text: str, font: str = "F1", size: float = 10.0,
             leading: float = 12.0) -> float:
        """Draw ``text`` wrapped greedily into ``width``; returns the top of the next line."""
        line: list[str] = []
        for word in text.split():
            if line and self.text_width(" ".join([*line, word]), font, size) > width:
                self.text(x, top, " ".join(line), font, size)
                top += leading
                line = []
            line.append(word)
        if line:
            self.text(x, top, " ".join(line), font, size)
            top += leading
        return top

    def rule(self, x0: float, top: float, x1: float, bottom: float) -> None:
        h = self.height
        self.pages[-1].append(f"0.5 w {x0:.2f} {h - top:.2f} m {x1:.2f} {h - bottom:.2f} l S")

    def box(self, x0: float, top: float, x1: float, bottom: float, fill: bool = False) -> None:
        op = "f" if fill else "S"
        self.pages[-1].append(f"0.5 w {x0:.2f} {self.height - bottom:.2f} {x1 - x0:.2f} {bottom - top:.2f} re {op}")

    def grid(self, xs: list[float], ys: list[float], *, top_rule: bool = True, bottom_rule: bool = True) -> None:
        """Ruled table lines: verticals at ``xs`` from ys[0] to ys[-1], horizontals at ``ys``."""
        for x in xs:
            self.rule(x, ys[0], x, ys[-1])
        for i, y in enumerate(ys):
            if (i == 0 and not top_rule) or (i == len(ys) - 1 and not bottom_rule):
                continue
            self.rule(xs[0], y, xs[-1], y)

    def image(self, x0: float, top: float, x1: float, bottom: float) -> None:
        """Draw a 64x64 grey noise image (as a scanner would leave) into the box."""
        self.has_image = True
        self.pages[-1].append(f"q {x1 - x0:g} 0 0 {bottom - top:g} {x0:g} {self.height - bottom:g} cm /Im1 Do Q")

    def save(self, path: Path, *, encrypt: bool = False) -> Path:
        objs: list[bytes] = []

        def add(body: bytes) -> int:
            objs.append(body)
            return len(objs)

        catalog = add(b"")
        pages_id = add(b"")
        fonts = {k: add(f"<< /Type /Font /Subtype /Type1 /BaseFont /{v} /Encoding /WinAnsiEncoding >>".encode())
                 for k, v in _STD.items() if k != "F4"}
        fonts["F4"] = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>")
        cmap = add(b"<< /Length %d >>\nstream\n" % len(_TO_UNICODE_PUA) + _TO_UNICODE_PUA + b"\nendstream")
        desc = add(b"<< /Type /FontDescriptor /FontName /Wingdings-Regular /Flags 4 /FontBBox [0 -200 1000 900]"
                   b" /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>")
        widths = " ".join(["900"] * 224)
        fonts["F5"] = add(f"<< /Type /Font /Subtype /TrueType /BaseFont /Wingdings-Regular /FirstChar 32"
                          f" /LastChar 255 /Widths [{widths}] /FontDescriptor {desc} 0 R"
                          f" /ToUnicode {cmap} 0 R >>".encode())
        res = " ".join(f"/{k} {v} 0 R" for k, v in fonts.items())
        xobj = ""
        if self.has_image:
            raw = bytes(random.Random(1).randrange(256) for _ in range(64 * 64))
            img = add(b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
                      b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(raw) + raw + b"\nendstream")
            xobj = f" /XObject << /Im1 {img} 0 R >>"
        kids = []
        for ops in self.pages:
            stream = "\n".join(ops).encode("latin-1")
            content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
            kids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {self.width:g} {self.height:g}]"
                            f" /Resources << /Font << {res} >>{xobj} >> /Contents {content} 0 R >>".encode()))
        objs[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
        objs[pages_id - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}]"
                              f" /Count {len(kids)} >>").encode()
        trailer_extra = b""
        if encrypt:
            enc = add(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"ab" * 32 + b"> /U <" + b"cd" * 32
                      + b"> /P -4 >>")
            trailer_extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (enc, b"01" * 16, b"01" * 16)
        return write_pdf(path, objs, root=catalog, trailer_extra=trailer_extra)


def write_pdf(path: Path, objs: list[bytes], *, root: int = 1, trailer_extra: bytes = b"") -> Path:
    """A PDF file of ``objs`` (object 1 first) with its cross-reference table and trailer."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, root, trailer_extra, xref)
    path.write_bytes(bytes(out))
    return path
