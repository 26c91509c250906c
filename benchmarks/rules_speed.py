"""Benchmark: rule evaluation on a 300-page contract against pypdfium2 extraction of the same PDF.

Run on demand (not in the test suite):

    python benchmarks/rules_speed.py              # 300 pages, 7 rounds
    python benchmarks/rules_speed.py --pages 50 --rounds 11
    python benchmarks/rules_speed.py --pages 50 --per-rule    # each rule alone: where a change costs

The contract is made of the CUAD development contracts laid end to end (read from ../shared/corpus by
path when it is there; otherwise generated clauses, which repeat every cue in every clause and so are
a worst case). Both are timed in one process, in turns, so that each ratio compares neighbours; the script prints the
medians and the median of the per-round ratios. Target (issue 3): rule evaluation takes less time than
the extraction (ratio < 1). The prefilter's share is printed too: one pass of the combined cue regex
over the whole text decides which clauses each rule runs on.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bare_pdfium import bare_extract  # noqa: E402
from extract_speed import make_pdf  # noqa: E402


CUAD = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "cuad" / "contracts"


def make_pdf_from_corpus(path: Path, pages: int) -> bool:
    """A realistic long contract: CUAD contracts laid end to end, 45 lines a page; False without the corpus."""
    if not CUAD.is_dir():
        return False
    import textwrap

    from reportlab.pdfgen import canvas

    lines: list[str] = []
    for f in sorted(CUAD.glob("*.txt")):
        for para in f.read_text(encoding="utf-8", errors="replace").split("\n"):
            if para.strip():
                lines.extend(textwrap.wrap(" ".join(para.split()), 95))
        if len(lines) >= pages * 45:
            break
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for p in range(pages):
        c.setFont("Helvetica", 9)
        for i, line in enumerate(lines[p * 45:(p + 1) * 45]):
            c.drawString(40, 800 - i * 17, line.encode("latin-1", "replace").decode("latin-1"))
        c.showPage()
    c.save()
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--per-rule", action="store_true", help="also time each rule alone (with its own prefilter), slowest first")
    ap.add_argument("--per-trigger", action="store_true", help="also time each trigger alone, slowest first, with its cues")
    args = ap.parse_args()
    from termcheck.engine import check, safe_lower
    from termcheck.extract import extract_path
    from termcheck.rules.loader import load_rules

    rules = load_rules()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "contract.pdf"
        source = "CUAD contracts end to end" if make_pdf_from_corpus(pdf, args.pages) else "generated clauses"
        if source == "generated clauses":
            make_pdf(pdf, args.pages)
        doc = extract_path(str(pdf))
        bare_extract(str(pdf))
        t_ext, t_rules, t_pre, t_full, ratios = [], [], [], [], []
        for _ in range(args.rounds):
            a = time.perf_counter()
            bare_extract(str(pdf))
            b = time.perf_counter()
            check(doc, rules)
            c = time.perf_counter()
            rules.candidates(safe_lower(doc.text))
            d = time.perf_counter()
            extract_path(str(pdf))
            e = time.perf_counter()
            t_ext.append(b - a)
            t_rules.append(c - b)
            t_pre.append(d - c)
            t_full.append(e - d)
            ratios.append((c - b) / (b - a))
    print(f"{source}: {args.pages} pages, {len(doc.segments)} clauses, {len(rules.rules)} rules, {len(doc.text):,} characters")
    print(f"pypdfium2 extraction  {statistics.median(t_ext) * 1000:8.1f} ms  (termcheck's whole extraction: {statistics.median(t_full) * 1000:.1f} ms)")
    print(f"rule evaluation       {statistics.median(t_rules) * 1000:8.1f} ms  (prefilter pass {statistics.median(t_pre) * 1000:.1f} ms)")
    print(f"ratio rules/extract   {statistics.median(ratios):8.2f}")
    if args.per_rule:
        print_per_rule(doc, rules, args.rounds)
    if args.per_trigger:
        print_per_trigger(doc, rules, args.rounds)


def _median_run(doc, ruleset, rounds: int) -> float:
    """Median time, over rounds, of matching the rule set on the document in this process."""
    from termcheck.engine import collect_hits

    runs = []
    for _ in range(rounds):
        a = time.perf_counter()
        collect_hits(doc, ruleset, parallel=False)
        runs.append(time.perf_counter() - a)
    return statistics.median(runs)


def print_per_rule(doc, rules, rounds: int) -> None:
    """Median time of each rule run alone; each includes the ~fixed cost of reading the clauses once."""
    from termcheck.rules.model import build_prefilter

    timings = []
    for rule in rules.rules:
        alone = build_prefilter([rule])
        alone.lexicon = rules.lexicon
        timings.append((_median_run(doc, alone, rounds), rule.id))
    print("each rule alone (medians; the smallest is roughly the fixed cost):")
    for t, rule_id in sorted(timings, reverse=True):
        print(f"  {rule_id:24s} {t * 1000:8.1f} ms")



def print_per_trigger(doc, rules, rounds: int) -> None:
    """Each trigger run alone, minus an empty rule set: where a phrase cued on a common word costs."""
    import dataclasses

    from termcheck.rules.model import build_prefilter

    empty = build_prefilter([])
    empty.lexicon = rules.lexicon
    base = _median_run(doc, empty, rounds)
    timings = []
    for rule in rules.rules:
        for i, trig in enumerate(rule.triggers):
            alone = build_prefilter([dataclasses.replace(rule, triggers=[trig])])
            alone.lexicon = rules.lexicon
            timings.append((_median_run(doc, alone, rounds) - base, f"{rule.id}[{i}]", ", ".join(sorted(trig.cues)[:6])))
    print("each trigger alone, minus an empty rule set (medians), with its first cues:")
    for t, name, cues in sorted(timings, reverse=True)[:25]:
        print(f"  {name:28s} {t * 1000:8.1f} ms  {cues}")


if __name__ == "__main__":
    main()
