"""Which files a run checks: the paths given, folders walked, include/exclude and ignore-file patterns."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Sequence

# Text is only taken from files named as text; PDF and DOCX are recognised by their bytes whatever
# their name (a contract saved as "contract" with no suffix is still found).
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
IGNORE_FILE = ".termcheckignore"
_SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", "venv", ".tox"}


def _spec(patterns: Sequence[str]):  # noqa: ANN202 - pathspec is imported only when folders are walked
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _looks_like_contract(path: Path) -> bool:
    """A PDF or DOCX by its first bytes, or a text file by its name."""
    if path.suffix.lower() in TEXT_SUFFIXES:
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError:
        return False
    if b"%PDF-" in head:
        return True
    if head.startswith(b"PK\x03\x04"):
        import zipfile

        try:
            with zipfile.ZipFile(path) as zf:
                return "word/document.xml" in zf.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return path.suffix.lower() == ".docx"  # a damaged DOCX is still reported, as corrupt
    return path.suffix.lower() in (".pdf", ".docx")  # a damaged or misnamed one is reported, not skipped


def _ignore_patterns(root: Path) -> list[str]:
    """Patterns from the folder's .termcheckignore (gitignore syntax), if there is one."""
    f = root / IGNORE_FILE
    if not f.is_file():
        return []
    return [line for line in f.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]


def walk(root: Path, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> list[str]:
    """Every contract file under root, in a stable (sorted) order, as paths joined to root."""
    excluded = _spec(list(exclude) + _ignore_patterns(root))
    included = _spec(include) if include else None
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = Path(dirpath).relative_to(root)
        dirnames[:] = sorted(
            d for d in dirnames if d not in _SKIP_DIRS and not excluded.match_file((rel_dir / d).as_posix() + "/")
        )
        for name in sorted(filenames):
            rel = (rel_dir / name).as_posix()
            if name == IGNORE_FILE or excluded.match_file(rel) or (included is not None and not included.match_file(rel)):
                continue
            path = Path(dirpath) / name
            if path.is_file() and _looks_like_contract(path):
                found.append(str(path))
    return sorted(found)


def expand(paths: Iterable[str], include: Sequence[str] = (), exclude: Sequence[str] = ()) -> list[str]:
    """The files to check: files as given (in the order given), folders walked; '-' stays '-'."""
    out: list[str] = []
    seen: set[str] = set()
    for p in paths:
        files = walk(Path(p), include, exclude) if p != "-" and os.path.isdir(p) else [p]
        for f in files:
            if f not in seen:
                seen.add(f)
                out.append(f)
    return out
