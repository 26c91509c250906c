"""What a rule change does to real documents: every check's status and value, before and after.

Run on demand (not in the test suite):

    python benchmarks/corpus_snapshot.py save before.json      # on the old code (e.g. after git stash)
    python benchmarks/corpus_snapshot.py save after.json       # on the new code
    python benchmarks/corpus_snapshot.py diff before.json after.json

`save` checks every .txt file of ../shared/corpus/{performer,cuad,claudette} (or the folders given
with --corpus) in this process and writes {path: {check: [status, value]}}. `diff` prints each
document and check whose status or value changed; read every one in context before committing.
The scorer (../shared/tools/score.py) says whether labelled answers got better or worse; this says
what else moved, including on checks no corpus labels.

A finer view, for a change that should move nothing (a speed change) or for seeing every clause a
new phrase reaches: `save --hits` also records each rule's hits (effect and span) per document, and
`--cases` adds the texts of tests/check_cases.yaml, tricky_cases.yaml and document_cases.yaml as
documents of their own:

    python benchmarks/corpus_snapshot.py save --hits --cases before.json
    python benchmarks/corpus_snapshot.py save --hits --cases after.json
    python benchmarks/corpus_snapshot.py diff before.json after.json   # lost and new hits too
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEFAULT_CORPORA = ["../shared/corpus/performer", "../shared/corpus/cuad", "../shared/corpus/claudette"]


HITS = "_hits"  # the key under which `save --hits` keeps a document's hits
CASE_FILES = ["check_cases.yaml", "tricky_cases.yaml", "document_cases.yaml"]


def _texts(corpora: list[str], cases: bool) -> list[tuple[str, str, bytes]]:
    """(key, file name for the extractor, content) of every document to check."""
    texts = [(str(p), str(p), p.read_bytes()) for folder in corpora for p in sorted(Path(folder).rglob("*.txt"))]
    if cases:
        import yaml

        tests = Path(__file__).resolve().parent.parent / "tests"
        for name in CASE_FILES:
            for i, case in enumerate(yaml.safe_load((tests / name).read_text(encoding="utf-8"))["cases"]):
                texts.append((f"{name}:{i}", "case.txt", case["text"].encode("utf-8")))
    return texts


def save(out: Path, corpora: list[str], hits: bool = False, cases: bool = False) -> None:
    """Check every document and write the statuses and values (and, with hits, every rule's hits)."""
    from termcheck.api import load_ruleset
    from termcheck.engine import check, collect_hits
    from termcheck.extract import extract_bytes

    rules = load_ruleset()
    snapshot: dict[str, dict[str, list]] = {}
    for key, name, data in _texts(corpora, cases):
        doc = extract_bytes(name, data)
        report = check(doc, rules, parallel=False)
        snapshot[key] = {c.id: [c.status, None if c.value is None else str(c.value)] for c in report.checks}
        if hits:
            found = collect_hits(doc, rules, parallel=False)
            snapshot[key][HITS] = sorted([rid, h.effect, h.start, h.end] for rid, hs in found.items() for h in hs)
    out.write_text(json.dumps(snapshot, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(snapshot)} documents -> {out}")


def diff(before: Path, after: Path) -> int:
    """Print every (document, check) whose status or value differs; the number of differences."""
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    changes = 0
    for path in sorted(set(old) | set(new)):
        for check in sorted(set(old.get(path, {})) | set(new.get(path, {}))):
            a, b = old.get(path, {}).get(check), new.get(path, {}).get(check)
            if a == b or check == HITS and (a is None or b is None):
                continue
            changes += 1
            if check == HITS:
                lost = [h for h in a if h not in b]
                gained = [h for h in b if h not in a]
                print(f"{path}: hits lost {lost[:6]} new {gained[:6]}")
            else:
                print(f"{path}: {check}: {a} -> {b}")
    print(f"{changes} change(s) in {len(set(old) | set(new))} documents")
    return changes


def main() -> None:
    """save OUT.json | diff BEFORE.json AFTER.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("save", help="check the corpora and write a snapshot")
    s.add_argument("out", type=Path)
    s.add_argument("--corpus", action="append", help="a folder of .txt documents (repeatable)")
    s.add_argument("--hits", action="store_true", help="also record every rule's hits (effect and span)")
    s.add_argument("--cases", action="store_true", help="also check the texts of the test suite's case files")
    d = sub.add_parser("diff", help="compare two snapshots")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "save":
        save(args.out, args.corpus or DEFAULT_CORPORA, hits=args.hits, cases=args.cases)
    else:
        diff(args.before, args.after)
    sys.exit(0)


if __name__ == "__main__":
    main()
