"""Each labelled clause of the development corpora, checked on its own: what a rule misses or misreads.

Run on demand (not in the test suite):

    python benchmarks/span_check.py            # every set below
    python benchmarks/span_check.py --only cuad-perpetual

The document-level scorer (../shared/tools/score.py) says whether a document's answer is right; a
document is often right for another clause's sake. Here every labelled clause stands alone:
- performer evidence: each label's evidence sentences (at least one must show the label by itself);
- CUAD spans: perpetual licences must fail `perpetual-license`, governing-law clauses must name a
  place, revenue-sharing clauses must pass `revenue-share`; non-transferable licences and
  anti-assignment clauses should not fail `sublicensing` (most do allow some transfer: read each).
- Claudette: terms-of-service sentences tagged as a unilateral change that name the terms, agreement or
  conditions must warn `unilateral-amendment` (the tag also covers changes to the service itself,
  which the check leaves alone).
Each miss is printed with its document, to be read in context before any rule changes.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
PERFORMER = {
    "perpetual": ("perpetual-license", {"fail", "warn"}), "sublicensing": ("sublicensing", {"fail", "warn"}),
    "attribution": ("attribution", {"pass", "warn"}), "deletion": ("deletion", {"pass", "warn"}),
    "payment_stated": ("payment", {"pass", "warn"}), "revenue_share": ("revenue-share", {"pass", "warn"}),
    "ai_use": ("ai-use", {"fail", "warn"}), "moral_rights_waiver": ("moral-rights-waiver", {"fail", "warn"}),
}
# CUAD column -> (check, statuses that agree with the span)
CUAD = {
    "cuad-perpetual": ("irrevocable_or_perpetual_license_spans", "perpetual-license", {"fail", "warn"}),
    "cuad-governing-law": ("governing_law_spans", "governing-law", {"pass"}),
    "cuad-revenue": ("revenue_profit_sharing_spans", "revenue-share", {"pass", "warn"}),
    "cuad-non-transferable": ("non_transferable_license_spans", "sublicensing", {"pass"}),
    "cuad-anti-assignment": ("anti_assignment_spans", "sublicensing", {"pass"}),
}


def performer_evidence(rules) -> int:
    """Labels none of whose evidence sentences shows the label on its own."""
    import yaml

    from termcheck.api import check_text

    misses = 0
    for entry in yaml.safe_load((CORPUS / "performer" / "labels.yaml").read_text(encoding="utf-8"))["documents"]:
        for label, sentences in (entry.get("evidence") or {}).items():
            if label not in PERFORMER or not entry["labels"].get(label):
                continue
            check, ok = PERFORMER[label]
            if not any(check_text(s, rules=rules).check(check).status in ok for s in sentences):
                misses += 1
                print(f"performer  {entry['file'][:40]:40s} {label}: {sentences[0][:160]}")
    return misses


def cuad_spans(rules, name: str) -> tuple[int, int]:
    """Spans of one CUAD category whose check disagrees with them on their own."""
    from termcheck.api import check_text

    column, check, ok = CUAD[name]
    misses = total = 0
    with open(CORPUS / "cuad" / "labels.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for span in json.loads(row[column]):
                total += 1
                status = check_text(span, rules=rules).check(check).status
                if status not in ok:
                    misses += 1
                    print(f"{name}  {row['filename'][:40]:40s} {status}: {' '.join(span.split())[:160]}")
    return misses, total


# A unilateral change to the contract itself, not to the service or its features.
_NAMES_THE_TERMS = re.compile(r"(?i)\b(?:terms|agreements?|conditions|tos)\b")


def claudette_amendments(rules) -> tuple[int, int]:
    """Claudette sentences tagged as a unilateral change of the terms that do not warn on their own."""
    from termcheck.api import check_text

    misses = total = 0
    with open(CORPUS / "claudette" / "sentences.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["unilateral_change"] == "0" or not _NAMES_THE_TERMS.search(row["text"]):
                continue
            total += 1
            status = check_text(row["text"], rules=rules).check("unilateral-amendment").status
            if status not in ("warn", "fail"):
                misses += 1
                print(f"claudette-amendment  {row['document'][:30]:30s} {status}: {' '.join(row['text'].split())[:160]}")
    return misses, total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=["performer", *CUAD, "claudette-amendment"], help="one set only")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    from termcheck.api import load_ruleset

    rules = load_ruleset()
    if args.only in (None, "performer"):
        print(f"performer evidence: {performer_evidence(rules)} labels not shown by any sentence alone")
    for name in CUAD:
        if args.only in (None, name):
            misses, total = cuad_spans(rules, name)
            print(f"{name}: {misses} of {total} spans disagree")
    if args.only in (None, "claudette-amendment"):
        misses, total = claudette_amendments(rules)
        print(f"claudette-amendment: {misses} of {total} sentences disagree")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
