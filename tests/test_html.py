"""The HTML report: self-contained, escaped, and rendered by headless Chromium with its chart and table."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from conftest import EXAMPLES
from termcheck.api import check_path, check_text
from termcheck.errors import ErrorCode, InputError
from termcheck.render.html import check_counts, render_html
from termcheck.report import DocumentReport, Report

HOSTILE = (
    "1. Grant. The Performer irrevocably grants the Company a perpetual licence to use the Recordings "
    "<script>alert('x')</script> <img src=https://tracker.example/p.gif> throughout the universe."
)


def sample_report() -> Report:
    docs = [check_path(str(p)) for p in sorted(EXAMPLES.glob("*.txt"))]
    docs.append(check_text(HOSTILE, name="hostile.txt"))
    docs.append(DocumentReport(path="scan.pdf", error=InputError(ErrorCode.NO_TEXT, "no text layer", "run OCR first")))
    return Report(docs, tool_version="test")


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


def test_page_is_self_contained_and_escapes_contract_text():
    report = sample_report()
    page = render_html(report)
    el = parse(page)
    assert [t for t, _ in el.tags].count("script") == 1 and "alert" not in "".join(el.scripts)
    assert not any(t in ("img", "link", "iframe", "object") for t, _ in el.tags)
    assert not any(a.get("src") for _, a in el.tags)
    assert all(a["href"].startswith("#") for t, a in el.tags if t == "a")
    assert "default-src 'none'" in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_chart_and_table_cover_every_check_and_document():
    report = sample_report()
    el = parse(render_html(report))
    rows = [a for t, a in el.tags if t == "a" and a.get("href", "").startswith("#doc-")]
    assert len(rows) == len(report.documents)
    bars = [a for t, a in el.tags if t == "rect"]
    counts = check_counts(report)
    assert len(bars) == 2 * len(counts)
    fails = {cid: f for cid, _, f, _ in counts}
    checked = [d for d in report.documents if d.error is None]
    assert fails["perpetual-license"] == sum(d.check("perpetual-license").status == "fail" for d in checked)
    assert fails["perpetual-license"] >= 2  # the buy-out example and the hostile text


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# Appended to a copy of the page: sort the table by failing checks, then record the order.
CLICK = """<script>
document.querySelectorAll("#documents th")[2].click();
document.body.dataset.order = Array.from(document.querySelectorAll("#documents tbody tr"))
  .map(function (r) { return r.cells[2].textContent; }).join(",");
document.body.dataset.bars = Array.from(document.querySelectorAll("#chart rect"))
  .filter(function (r) { return r.getBBox().width > 0; }).length;
</script></body>"""


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (Debian package: chromium)")
def test_chromium_renders_the_chart_and_sorts_the_table(tmp_path):
    report = sample_report()
    page = tmp_path / "report.html"
    page.write_text(render_html(report).replace("</body>", CLICK), encoding="utf-8")
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
        capture_output=True,
        timeout=90,
    )
    dom = proc.stdout.decode()
    order = re.search(r'data-order="([^"]*)"', dom)
    assert order, proc.stderr.decode()[-500:]
    values = [int(v) for v in order.group(1).split(",")]
    assert len(values) == len(report.documents) and values == sorted(values)
    drawn = int(re.search(r'data-bars="(\d+)"', dom).group(1))
    assert drawn == sum(1 for _, _, f, w in check_counts(report) for n in (f, w) if n > 0)
    assert 'aria-sort="ascending"' in dom


def test_cli_writes_html_as_main_or_extra_report(tmp_path):
    from conftest import run_cli

    main, extra = tmp_path / "main.html", tmp_path / "extra.html"
    proc = run_cli(str(EXAMPLES / "voice-buyout-release.txt"), "-f", "html", "-o", str(main), "--html-output", str(extra))
    assert proc.returncode == 1 and proc.stdout == b""
    assert main.read_text().startswith("<!DOCTYPE html>") and main.read_text() == extra.read_text()
