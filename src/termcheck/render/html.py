"""HTML: one self-contained page for a folder (chart, sortable table, every checklist); no network."""

from __future__ import annotations

from html import escape

from termcheck.render.common import (
    DISCLAIMER,
    MAX_FINDINGS,
    NEEDS_ANSWER,
    SYMBOLS,
    VERDICTS,
    accepted_text,
    check_tally,
    checklist,
    facts,
    failing_checks,
    shown_status,
    summary_line,
    value_text,
    verdict_line,
    where,
)
from termcheck.report import DocumentReport, Report

# The policy forbids every fetch: the page works from a file, offline, and a quote cannot load anything.
_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"

_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:#1b1b1b}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3em .6em;border-bottom:1px solid #ddd;vertical-align:top}
th{cursor:pointer;user-select:none;background:#f4f4f4}th[aria-sort]::after{content:" \\2195";color:#888}
.fail{color:#b00020}.warn,.unknown{color:#8a5a00}.pass{color:#1e6b2e}.error{color:#b00020}.accepted{color:#666}
blockquote{margin:.3em 0 .6em 1.5em;padding-left:.8em;border-left:3px solid #ccc;color:#333}
section{border-top:2px solid #eee;margin-top:2em}.muted{color:#666;font-size:.9em}
svg text{font:13px system-ui,sans-serif}
"""

# Sorting: click a header; numbers sort as numbers (data-sort), text as text.
_SCRIPT = """
document.querySelectorAll("table.sortable th").forEach(function (th, col) {
  th.setAttribute("aria-sort", "none");
  th.addEventListener("click", function () {
    var body = th.closest("table").tBodies[0], rows = Array.from(body.rows);
    var up = th.getAttribute("aria-sort") !== "ascending";
    rows.sort(function (a, b) {
      var x = a.cells[col].dataset.sort || a.cells[col].textContent, y = b.cells[col].dataset.sort || b.cells[col].textContent;
      var n = parseFloat(x) - parseFloat(y);
      var d = isNaN(n) ? x.localeCompare(y) : n;
      return up ? d : -d;
    });
    th.closest("tr").querySelectorAll("th").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
    th.setAttribute("aria-sort", up ? "ascending" : "descending");
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
"""


def check_counts(report: Report) -> list[tuple[str, str, int, int]]:
    """(check id, title, documents failing, documents to ask about) for every check, most failures first."""
    rows = [(cid, title, n["fail"], n["warn"] + n["unknown"]) for cid, (title, n) in check_tally(report).items()]
    return sorted(rows, key=lambda r: (-r[2], -r[3], r[0]))


def chart_svg(report: Report) -> str:
    """A horizontal bar chart of failing (and warning) documents per check, as inline SVG."""
    rows = check_counts(report)
    total = max(1, sum(d.error is None for d in report.documents))
    width, label, bar_h = 960, 440, 22
    height = bar_h * len(rows) + 30
    scale = (width - label - 60) / total
    parts = [f'<svg id="chart" role="img" aria-label="Documents failing each check" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">']
    for i, (cid, title, fails, warns) in enumerate(rows):
        y = 10 + i * bar_h
        parts.append(f'<text x="{label - 8}" y="{y + 15}" text-anchor="end">{escape(title)}</text>')
        parts.append(f'<rect class="bar-fail" x="{label}" y="{y + 3}" width="{fails * scale:.1f}" height="{bar_h - 6}" fill="#b00020"><title>{escape(cid)}: {fails} fail</title></rect>')
        parts.append(f'<rect class="bar-warn" x="{label + fails * scale:.1f}" y="{y + 3}" width="{warns * scale:.1f}" height="{bar_h - 6}" fill="#e0a030"><title>{escape(cid)}: {warns} warn</title></rect>')
        parts.append(f'<text x="{label + (fails + warns) * scale + 6:.1f}" y="{y + 15}">{fails} / {warns}</text>')
    parts.append("</svg>")
    return "".join(parts)


def documents_table(report: Report) -> str:
    """One row per document: path, verdict, counts and failing checks; sortable."""
    order = {"fail": 0, "error": 1, "warn": 2, "pass": 3}
    rows = []
    for i, doc in enumerate(report.documents):
        verdict = "error" if doc.error is not None else doc.verdict
        fails = failing_checks(doc)
        warns = sum(shown_status(c) in ("warn", "unknown") for c in doc.checks)
        rows.append(
            f'<tr><td><a href="#doc-{i}">{escape(doc.path)}</a></td>'
            f'<td class="{verdict}" data-sort="{order[verdict]}">{escape(VERDICTS[verdict])}</td>'
            f'<td data-sort="{len(fails)}">{len(fails)}</td><td data-sort="{warns}">{warns}</td>'
            f"<td>{escape(', '.join(fails))}</td></tr>"
        )
    head = "<tr><th>Document</th><th>Verdict</th><th>Failing checks</th><th>To ask about</th><th>Which fail</th></tr>"
    return f'<table id="documents" class="sortable"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def document_html(doc: DocumentReport, index: int) -> str:
    """One document's checklist with the quoted clauses and the questions to ask."""
    out = [f'<section id="doc-{index}"><h2>{escape(doc.path)}</h2>']
    if doc.error is not None:
        out.append(f'<p class="error"><strong>Could not be checked:</strong> {escape(doc.error.message)} ({escape(doc.error.code.value)})</p></section>')
        return "".join(out)
    if facts(doc):
        out.append(f'<p class="muted">{escape(facts(doc))}</p>')
    out += [f'<p class="muted">note: {escape(n)}</p>' for n in doc.notes]
    out.append(f'<p class="{doc.verdict}"><strong>{escape(verdict_line(doc))}</strong></p>')
    for g, checks in checklist(doc):
        out.append(f'<h3 class="{g.status}">{SYMBOLS[g.status]} {escape(g.title)}</h3><ul>')
        for c in checks:
            value = value_text(c)
            shown = shown_status(c)
            out.append(f'<li><span class="{shown}">{SYMBOLS[shown]} {escape(c.title)}</span>' + (f" ({escape(value)})" if value else ""))
            out.append(f' <code class="muted">{escape(c.id)}: {escape(shown)}</code>')
            if shown == "accepted":
                out.append(f'<div class="muted">{escape(accepted_text(c))}</div>')
            elif c.status in NEEDS_ANSWER:
                for f in c.findings[:MAX_FINDINGS]:
                    out.append(f"<div>{escape(where(f))}: {escape(f.message)}</div><blockquote>{escape(f.quote)}</blockquote>")
                out.append(f"<div><em>Ask:</em> {escape(c.question)}</div>")
            out.append("</li>")
        out.append("</ul>")
    out.append("</section>")
    return "".join(out)


def render_html(report: Report) -> str:
    """A whole run as one HTML page with no external assets."""
    body = [
        "<h1>termcheck report</h1>",
        f"<p><strong>{escape(summary_line(report.summary()))}</strong></p>",
        "<h2>Failures per check</h2>",
        '<p class="muted">Documents failing (red) and to ask about (amber) for each check.</p>',
        chart_svg(report),
        "<h2>Documents</h2>",
        documents_table(report),
        *(document_html(d, i) for i, d in enumerate(report.documents)),
        f'<p class="muted">{escape(DISCLAIMER)}</p>',
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>termcheck report</title><style>{_STYLE}</style></head><body>"
        + "\n".join(body)
        + f"<script>{_SCRIPT}</script></body></html>\n"
    )
