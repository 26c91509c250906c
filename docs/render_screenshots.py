"""Render the checklist of example contracts to SVG with Rich's export (run by hand, then look at them).

    python docs/render_screenshots.py        # writes docs/checklist-*.svg
"""

from __future__ import annotations

from pathlib import Path

from termcheck import __version__
from termcheck.api import check_path
from termcheck.render.console import make_console, print_report
from termcheck.report import Report

ROOT = Path(__file__).resolve().parents[1]

for name in ("fair-ai-voice-licence.txt", "voice-buyout-release.txt"):
    report = Report([check_path(f"examples/{name}")], tool_version=__version__)
    console = make_console(color="always", width=100, record=True, file=open("/dev/null", "w"))
    print_report(report, console)
    out = ROOT / "docs" / f"checklist-{Path(name).stem}.svg"
    out.write_text(console.export_svg(title=f"termcheck examples/{name}"), encoding="utf-8")
    print("wrote", out.relative_to(ROOT))
