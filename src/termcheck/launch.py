"""The `termcheck` command's entry point: start the PDF reader early, then hand over to the CLI.

Importing the CLI (typer) and the PDF library each take tens of milliseconds; when a PDF is named on
the command line, a child forked first imports pdfium while the parent imports the CLI, on the
other core. Nothing here imports more than os and sys.
"""

from __future__ import annotations

import os
import sys
from typing import Optional


def _names_a_pdf(args: list[str]) -> bool:
    """True when an argument is a readable regular file that starts like a PDF."""
    for arg in args:
        if arg.startswith("-") or not os.path.isfile(arg):
            continue
        try:
            with open(arg, "rb") as fh:
                if b"%PDF-" in fh.read(1024):
                    return True
        except OSError:
            continue
    return False


def main(argv: Optional[list[str]] = None) -> None:
    """Run termcheck."""
    args = sys.argv[1:] if argv is None else argv
    reader = None
    if _names_a_pdf(args):
        from termcheck.extract.guard import Reader
        from termcheck.extract.pdf import warm_reader

        reader = Reader.start(warm_reader)
    from termcheck.cli import main as cli_main

    cli_main(args, reader=reader)
