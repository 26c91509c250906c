"""PDF: text through pdfium in a guarded child process, visual line numbers from the text geometry."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional

from termcheck.errors import ErrorCode, InputError
from termcheck.extract.guard import Reader, run_guarded
from termcheck.extract.pdf_reader import PageText, read_pages
from termcheck.limits import Limits

if TYPE_CHECKING:
    from termcheck.models import Document

_NO_TEXT_HINT = "the PDF has no text layer (a scan?): run OCR first, e.g. 'ocrmypdf in.pdf out.pdf', then check out.pdf"


def warm_reader() -> None:
    """What an early-forked Reader imports while the parent parses the command line."""
    import pypdfium2_raw  # noqa: F401


def _prepare() -> None:
    """Import what comes after the child's work while it reads the PDF on the other core."""
    import termcheck.extract.lines  # noqa: F401
    import termcheck.extract.pdf_pages  # noqa: F401
    import termcheck.segment  # noqa: F401


def read_pdf(
    path: str,
    data: bytes,
    limits: Limits,
    password: Optional[str] = None,
    layout: bool = False,
    meanwhile: Optional[Callable[[], None]] = None,
    reader: Optional[Reader] = None,
) -> Document:
    """Extract a PDF in a guarded child process (reader, if given, is one forked earlier) and build its Document."""

    def in_parallel() -> None:
        _prepare()
        if meanwhile:
            meanwhile()

    if layout:
        from termcheck.extract.pdf_layout import read_layout_pages

        pages, blocks_per_page = run_guarded(read_layout_pages, (data, password, limits.max_pages), limits, meanwhile=in_parallel)
        from termcheck.models import assemble

        doc = assemble(path, "pdf", [b for page_blocks in blocks_per_page for b in page_blocks], pages=pages)
    else:
        pages_text: list[PageText] = run_guarded(
            read_pages, (data, password, limits.max_pages), limits, meanwhile=in_parallel, reader=reader
        )
        from termcheck.extract.lines import group_pdf_lines
        from termcheck.extract.pdf_pages import pages_to_lines
        from termcheck.models import assemble
        from termcheck.normalize import has_text

        doc = assemble(path, "pdf", group_pdf_lines(pages_to_lines(pages_text)), pages=len(pages_text))
        empty = [i + 1 for i, p in enumerate(pages_text) if not has_text(p.text)]
        if pages_text and len(empty) < len(pages_text) and empty:
            shown = ", ".join(map(str, empty[:10])) + (" ..." if len(empty) > 10 else "")
            doc.notes.append(f"{len(empty)} page(s) have no text layer and were not read: {shown}")
    from termcheck.normalize import has_text

    if not has_text(doc.text):
        raise InputError(ErrorCode.NO_TEXT, "no text could be read from the PDF", _NO_TEXT_HINT)
    return doc
