"""The floor the benchmarks compare against: a bare pypdfium2 loop that pulls every page's text.

    python benchmarks/bare_pdfium.py FILE.pdf...                # one process
    python benchmarks/bare_pdfium.py --processes 2 FILE.pdf...  # a pool of two

Prints the number of characters read. Imports nothing but sys until it runs, so that its start-up is
as cheap as a hand-written script's.
"""

import sys


def bare_extract(path: str) -> int:
    """Open the PDF and take the text of every page; the number of characters."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    n = 0
    for i in range(len(pdf)):
        page = pdf[i]
        tp = page.get_textpage()
        n += len(tp.get_text_range())
        tp.close()
        page.close()
    pdf.close()
    return n


def main(args: list[str]) -> None:
    """Extract the PDFs named in args, in one process or in --processes N."""
    processes = 1
    if args[:1] == ["--processes"]:
        processes, args = int(args[1]), args[2:]
    if processes == 1:
        total = sum(bare_extract(p) for p in args)
    else:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(processes) as pool:
            total = sum(pool.map(bare_extract, args, chunksize=8))
    sys.stdout.write(str(total))


if __name__ == "__main__":
    main(sys.argv[1:])
