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
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEFAULT_CORPORA = ["../shared/corpus/performer", "../shared/corpus/cuad", "../shared/corpus/claudette"]


def save(out: Path, corpora: list[str]) -> None:
    """Check every .txt document under the corpora and write the statuses and values."""
    from termcheck.api import check_path, load_ruleset

    rules = load_ruleset()
    snapshot: dict[str, dict[str, list]] = {}
    for folder in corpora:
        for path in sorted(Path(folder).rglob("*.txt")):
            report = check_path(str(path), rules=rules)
            snapshot[str(path)] = {c.id: [c.status, None if c.value is None else str(c.value)] for c in report.checks}
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
            if a != b:
                changes += 1
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
    d = sub.add_parser("diff", help="compare two snapshots")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "save":
        save(args.out, args.corpus or DEFAULT_CORPORA)
    else:
        diff(args.before, args.after)
    sys.exit(0)


if __name__ == "__main__":
    main()
