"""What the PDF reader guards against: decompression bombs, pages drawing too many characters, text
that reads sideways only because of /Rotate, and text in fonts that have no Unicode map.

pdfminer inflates a whole Flate or LZW stream at once and keeps every character of a page as an
object: a small file can ask for gigabytes. :func:`inflate_budget` makes pdfminer's Flate and LZW
decoding stop past :data:`MAX_PDF_STREAM_BYTES` per stream and :data:`MAX_PDF_INFLATED_BYTES` per
document; :func:`page_layout` lays out a page while counting the characters drawn.
"""

from __future__ import annotations

import contextlib
import re
import zlib
from collections.abc import Iterator
from typing import Any

from jobspec.display import plural
from jobspec.readers.limits import (
    MAX_PDF_CHARS,
    MAX_PDF_INFLATED_BYTES,
    MAX_PDF_PAGE_CHARS,
    MAX_PDF_STREAM_BYTES,
    LimitExceeded,
    mb,
)


class _Budget:
    def __init__(self, per_stream: int, total: int) -> None:
        self.per_stream = per_stream
        self.left = total
        self.total = total

    def take(self, n: int, stream_so_far: int) -> None:
        if stream_so_far > self.per_stream:
            raise LimitExceeded(f"a compressed stream inflates past {mb(self.per_stream)}, the limit for one "
                                "stream: refusing a possible decompression bomb")
        self.left -= n
        if self.left < 0:
            raise LimitExceeded(f"its compressed streams inflate past {mb(self.total)}, the limit for one "
                                "document: refusing a possible decompression bomb")


class _Decompressor:
    """``zlib.decompressobj()`` that charges its output to a :class:`_Budget` as it goes."""

    def __init__(self, budget: _Budget) -> None:
        self._d = zlib.decompressobj()
        self._budget = budget
        self._out = 0

    def decompress(self, data: bytes) -> bytes:
        # one byte more than either limit allows: getting it all means a limit is passed, and take() says so
        room = min(self._budget.per_stream - self._out, self._budget.left) + 1
        out = self._d.decompress(data, room)
        self._out += len(out)
        self._budget.take(len(out), self._out)
        return out

    def flush(self, *args: Any) -> bytes:
        out = self._d.flush(*args)
        self._out += len(out)
        self._budget.take(len(out), self._out)
        return out

    @property
    def eof(self) -> bool:
        return self._d.eof


class _BoundedZlib:
    """Stands in for the ``zlib`` module inside ``pdfminer.pdftypes``."""

    error = zlib.error

    def __init__(self, budget: _Budget) -> None:
        self._budget = budget

    def decompressobj(self, *args: Any, **kwargs: Any) -> _Decompressor:
        return _Decompressor(self._budget)

    def decompress(self, data: bytes, *args: Any, **kwargs: Any) -> bytes:
        d = _Decompressor(self._budget)
        out = d.decompress(data)
        if not d.eof:  # as zlib.decompress does: pdfminer then recovers what it can, still bounded
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return out


def _bounded_lzw(budget: _Budget) -> Any:
    """pdfminer's ``lzwdecode``, charging its output to ``budget`` chunk by chunk."""
    from io import BytesIO

    from pdfminer.lzw import LZWDecoder

    def lzwdecode(data: bytes) -> bytes:
        out: list[bytes] = []
        n = 0
        for chunk in LZWDecoder(BytesIO(data)).run():
            n += len(chunk)
            budget.take(len(chunk), n)
            out.append(chunk)
        return b"".join(out)

    return lzwdecode


@contextlib.contextmanager
def inflate_budget(per_stream: int = MAX_PDF_STREAM_BYTES, total: int = MAX_PDF_INFLATED_BYTES) -> Iterator[None]:
    """Bound pdfminer's Flate and LZW decoding while the block runs (one document at a time per process).
    The other filters cannot grow a stream more than 128 times (RunLength) or shrink it."""
    from pdfminer import pdftypes

    budget = _Budget(per_stream, total)
    saved = pdftypes.zlib, pdftypes.lzwdecode
    pdftypes.zlib = _BoundedZlib(budget)  # type: ignore[assignment]
    pdftypes.lzwdecode = _bounded_lzw(budget)
    try:
        yield
    finally:
        pdftypes.zlib, pdftypes.lzwdecode = saved


class CharCount:
    """Characters drawn so far in one document, with the limits per page and per document."""

    def __init__(self, per_page: int = MAX_PDF_PAGE_CHARS, total: int = MAX_PDF_CHARS) -> None:
        self.per_page = per_page
        self.total = total
        self.seen = 0


def laid_out(pdf: Any, page: Any, count: CharCount) -> Any:
    """``page`` with its layout made (see :func:`page_layout`). A page whose text reads sideways only
    because of its /Rotate (text drawn upright, page turned for display) is made again without the
    rotation, so that its text is read as drawn instead of being taken for a scan."""
    before = count.seen
    layout = page_layout(page, count)
    if page.rotation and _sideways(layout):
        count.seen = before
        page.close()
        page = _unrotated(pdf, page)
        page_layout(page, count)
    return page


def _sideways(layout: Any) -> bool:
    """More of the page's characters are sideways than upright."""
    from pdfminer.layout import LTChar, LTContainer

    upright = sideways = 0
    todo = list(layout)
    while todo:
        obj = todo.pop()
        if isinstance(obj, LTChar):
            if obj.upright:
                upright += 1
            else:
                sideways += 1
        elif isinstance(obj, LTContainer):
            todo.extend(obj)
    return sideways > upright


def _unrotated(pdf: Any, page: Any) -> Any:
    """The same page with its /Rotate taken away."""
    from pdfplumber.page import Page

    page.page_obj.attrs["Rotate"] = 0
    page.page_obj.rotate = 0
    return Page(pdf, page.page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop)


def check_decodable(texts: list[str], fonts: list[str], doc: Any, path: Any) -> None:
    """Refuse, or warn about, text drawn in fonts without a Unicode map (pdfminer gives "(cid:N)"):
    refused when it is most of the text, a warning in ``doc`` otherwise."""
    from collections import Counter

    from jobspec.errors import InputError

    undecoded: Counter[str] = Counter(f.split("+", 1)[-1] for t, f in zip(texts, fonts, strict=True) if _CID.match(t))
    if not undecoded:
        return
    names = ", ".join(f for f, _ in undecoded.most_common(3) if f != "unknown")
    several = len(undecoded) > 1
    fonts_say = f"{'fonts' if several else 'font'} {names} {'have' if several else 'has'}" if names else \
        f"{'fonts have' if several else 'font has'}"
    n = sum(undecoded.values())
    if n > 0.5 * len(texts):
        raise InputError(path, f"its text cannot be decoded: its {fonts_say} no Unicode map (ToUnicode); "
                         "export the PDF again from the original, or OCR it")
    doc.warnings.append(f"{plural(n, 'character')} cannot be decoded: its {fonts_say} no Unicode map (ToUnicode)")


_CID = re.compile(r"^\(cid:\d+\)$")


def page_layout(page: Any, count: CharCount) -> Any:
    """pdfplumber's ``page.layout``, refusing a page that draws too many characters before it holds them all."""
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    class _Counting(PDFPageAggregatorWithMarkedContent):
        on_page = 0

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            self.on_page += 1
            count.seen += 1
            if self.on_page > count.per_page:
                raise LimitExceeded(f"page {page.page_number} draws more than {count.per_page:,} characters, "
                                    "the limit for one page")
            if count.seen > count.total:
                raise LimitExceeded(f"its pages draw more than {count.total:,} characters, the limit for one document")
            return super().render_char(*args, **kwargs)

    device = _Counting(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    page._layout = device.get_result()  # what pdfplumber's own ``layout`` property caches
    return page._layout


def exception_chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and every exception behind it: its causes, contexts and exceptions passed as arguments
    (pdfplumber wraps what pdfminer raises)."""
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo:
        e = todo.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        todo.extend(a for a in e.args if isinstance(a, BaseException))
        todo.extend(x for x in (e.__cause__, e.__context__) if x is not None)


def limit_in(exc: BaseException) -> LimitExceeded | None:
    """The :class:`LimitExceeded` behind ``exc``, if any."""
    return next((e for e in exception_chain(exc) if isinstance(e, LimitExceeded)), None)
