"""Resource limits applied to every input file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Bounds on one input: size on disk, pages, time and memory of the extractor."""

    max_bytes: int = 100 * 1024 * 1024
    max_pages: int = 2000
    seconds: float = 60.0
    memory_bytes: int = 1536 * 1024 * 1024
    # DOCX: one zip member may not inflate beyond this, nor compress better than max_ratio.
    max_part_bytes: int = 64 * 1024 * 1024
    max_ratio: int = 200
    max_members: int = 10_000
    # Read PDFs in a forked child under these limits. False where the calling process is itself the
    # bounded one (a batch worker), which saves a fork per file.
    isolate: bool = True
