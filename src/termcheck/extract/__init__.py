"""Read an input file into a Document: sniff the real type from its bytes, then dispatch."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Callable, Optional

if TYPE_CHECKING:
    from termcheck.extract.guard import Reader
    from termcheck.models import Document

from termcheck.errors import ErrorCode, InputError
from termcheck.limits import Limits

_IMAGES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"BM": "a BMP image",
}
_OCR_HINT = "it is a picture of text: run OCR first (e.g. 'img2pdf' then 'ocrmypdf'), or ask for the PDF or Word file"
_ENCRYPTED_OLE = "EncryptedPackage".encode("utf-16-le")


def sniff(data: bytes, name: str = "") -> str:
    """The real type of the bytes: 'pdf', 'docx', 'text' or 'markdown'; raises InputError otherwise."""
    head = data[:1024]
    if not data.strip():
        raise InputError(ErrorCode.NO_TEXT, "the file is empty", "check that it is the right file")
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _sniff_zip(data)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if _ENCRYPTED_OLE in data:
            raise InputError(ErrorCode.ENCRYPTED, "the Word document is password-protected", "open it in Word and save an unprotected copy")
        raise InputError(ErrorCode.UNSUPPORTED, "an old-style Word (.doc) or Office file", "save it as .docx or PDF and check that")
    for magic, what in _IMAGES.items():
        if data.startswith(magic):
            raise InputError(ErrorCode.UNSUPPORTED, what, _OCR_HINT)
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        raise InputError(ErrorCode.UNSUPPORTED, "a HEIC image", _OCR_HINT)
    if data.lstrip().startswith(b"{\\rtf"):
        raise InputError(ErrorCode.UNSUPPORTED, "a Rich Text (RTF) file", "save it as .docx, PDF or plain text")
    if b"\x00" in head and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(ErrorCode.UNSUPPORTED, "binary data of an unknown kind", "give a PDF, DOCX, TXT or MD file")
    return "markdown" if name.lower().endswith((".md", ".markdown")) else "text"


def _sniff_zip(data: bytes) -> str:
    """Tell a DOCX from other zip-based formats."""
    import io
    import zipfile

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise InputError(ErrorCode.CORRUPT, "a damaged zip file (a truncated DOCX?)", "re-save or re-download it") from None
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith("Index/") or n == "index.xml" for n in names):
        raise InputError(ErrorCode.UNSUPPORTED, "an Apple Pages document", "export it from Pages as PDF or Word (.docx)")
    if "content.xml" in names:
        raise InputError(ErrorCode.UNSUPPORTED, "an OpenDocument file (.odt)", "save it as .docx or PDF")
    raise InputError(ErrorCode.UNSUPPORTED, "a zip archive that is not a Word document", "unzip it and check the files inside")


def read_bytes(path: str, limits: Limits) -> bytes:
    """The file's bytes ('-' is stdin), refusing files over the size limit."""
    if path == "-":
        data = sys.stdin.buffer.read(limits.max_bytes + 1)
    else:
        try:
            size = os.path.getsize(path)
            if size > limits.max_bytes:
                raise InputError(ErrorCode.TOO_LARGE, f"{size} bytes, more than the limit of {limits.max_bytes}", "raise --max-size")
            with open(path, "rb") as fh:
                data = fh.read(limits.max_bytes + 1)
        except FileNotFoundError:
            raise InputError(ErrorCode.NOT_FOUND, "no such file", "check the path") from None
        except IsADirectoryError:
            raise InputError(ErrorCode.UNSUPPORTED, "a folder, not a file", "give the files inside it") from None
        except PermissionError:
            raise InputError(ErrorCode.NOT_FOUND, "permission denied", "check that you can read the file") from None
    if len(data) > limits.max_bytes:
        raise InputError(ErrorCode.TOO_LARGE, f"more than the limit of {limits.max_bytes} bytes", "raise --max-size")
    return data


def extract_bytes(
    path: str,
    data: bytes,
    limits: Optional[Limits] = None,
    password: Optional[str] = None,
    layout: bool = False,
    meanwhile: Optional[Callable[[], None]] = None,
    reader: Optional[Reader] = None,
) -> Document:
    """Extract a Document from bytes already read; path is only used to name it.

    meanwhile, if given, is called once while a PDF is read in its child process (the CLI loads the
    rules then, on the other core).
    """
    limits = limits or Limits()
    kind = sniff(data, path)
    if kind == "pdf":
        from termcheck.extract.pdf import read_pdf

        doc = read_pdf(path, data, limits, password=password, layout=layout, meanwhile=meanwhile, reader=None if layout else reader)
    elif kind == "docx":
        from termcheck.extract.docx import read_docx

        doc = read_docx(path, data, limits)
    else:
        from termcheck.extract.text import read_text

        doc = read_text(path, data, markdown=kind == "markdown")
    import hashlib

    doc.sha256 = hashlib.sha256(data).hexdigest()
    from termcheck.segment import LANGUAGE_NAMES, segment_document

    segment_document(doc)
    if doc.language not in ("en", "fr"):
        # the rules read English and French: a Spanish contract would pass every check unread
        raise InputError(
            ErrorCode.UNSUPPORTED,
            f"the contract seems to be written in {LANGUAGE_NAMES.get(doc.language, doc.language)}, and termcheck reads English and French only",
            "check an English or French version, or ask a lawyer or your union to read it",
        )
    return doc


def extract_path(
    path: str,
    limits: Optional[Limits] = None,
    password: Optional[str] = None,
    layout: bool = False,
    meanwhile: Optional[Callable[[], None]] = None,
    reader: Optional[Reader] = None,
) -> Document:
    """Read and extract one file ('-' for stdin) into a segmented Document."""
    limits = limits or Limits()
    data = read_bytes(path, limits)
    return extract_bytes(path, data, limits, password=password, layout=layout, meanwhile=meanwhile, reader=reader)
