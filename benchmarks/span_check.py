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


def disagreements(name: str, clauses, rules, check: str, ok: set[str]) -> tuple[int, int]:
    """Clauses ((document, text) pairs) whose check, run on the clause alone, gives no status in ok."""
    from termcheck.api import check_text

    misses = total = 0
    for document, text in clauses:
        total += 1
        status = check_text(text, rules=rules).check(check).status
        if status not in ok:
            misses += 1
            print(f"{name}  {document[:40]:40s} {status}: {' '.join(text.split())[:160]}")
    return misses, total


def cuad_spans(name: str):
    """(contract, span) for every labelled span of one CUAD category."""
    column = CUAD[name][0]
    with open(CORPUS / "cuad" / "labels.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for span in json.loads(row[column]):
                yield row["filename"], span


# A unilateral change to the contract itself, not to the service or its features.
_NAMES_THE_TERMS = re.compile(r"(?i)\b(?:terms|agreements?|conditions|tos)\b")


def claudette_amendments():
    """(document, sentence) for every Claudette sentence tagged as a unilateral change of the terms."""
    with open(CORPUS / "claudette" / "sentences.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["unilateral_change"] != "0" and _NAMES_THE_TERMS.search(row["text"]):
                yield row["document"], row["text"]


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
    for name, (_, check, ok) in CUAD.items():
        if args.only in (None, name):
            misses, total = disagreements(name, cuad_spans(name), rules, check, ok)
            print(f"{name}: {misses} of {total} spans disagree")
    if args.only in (None, "claudette-amendment"):
        misses, total = disagreements("claudette-amendment", claudette_amendments(), rules, "unilateral-amendment", {"warn", "fail"})
        print(f"claudette-amendment: {misses} of {total} sentences disagree")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
