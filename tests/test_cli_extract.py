"""`termcheck extract` end to end: text and JSON output, stdin, errors and exit codes."""

from __future__ import annotations

import json

from builders import pdf_pages
from conftest import run_cli

TEXT = b"1. Term\nThe licence lasts two (2) years.\n"


def test_extract_json_from_stdin():
    proc = run_cli("extract", "-f", "json", "-", stdin=TEXT)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)["documents"][0]
    assert doc["path"] == "-" and doc["format"] == "text"
    seg = doc["segments"][-1]
    assert seg["text"] == "The licence lasts two (2) years."
    assert (seg["line"], seg["section"], seg["headings"], seg["zone"]) == (2, "1", ["Term"], "operative")


def test_extract_text_shows_location_zone_and_heading(tmp_path):
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(pdf_pages([["1. Term", "The licence lasts two (2) years."]]))
    proc = run_cli("extract", str(pdf))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert "[p. 1, line 2, §1] operative · Term" in out
    assert "The licence lasts two (2) years." in out


def test_bad_file_is_one_line_exit_3_and_the_others_still_print(tmp_path):
    good = tmp_path / "good.txt"
    good.write_bytes(TEXT)
    bad = tmp_path / "scan.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    proc = run_cli("extract", str(bad), str(good), str(tmp_path / "missing.pdf"))
    assert proc.returncode == 3
    lines = proc.stderr.decode().strip().splitlines()
    assert len(lines) == 2
    assert "scan.png: a PNG image [unsupported]; " in lines[0]
    assert "missing.pdf: no such file [not-found]" in lines[1]
    assert "Traceback" not in proc.stderr.decode()
    assert "two (2) years" in proc.stdout.decode()


def test_usage_errors_exit_2():
    assert run_cli("extract", "-f", "yaml", "-", stdin=TEXT).returncode == 2
    assert run_cli("extract", "--no-such-option", "x").returncode == 2


def test_output_file_and_version(tmp_path):
    out = tmp_path / "out.json"
    proc = run_cli("extract", "-f", "json", "-o", str(out), "-", stdin=TEXT)
    assert proc.returncode == 0 and proc.stdout == b""
    assert json.loads(out.read_text())["documents"][0]["format"] == "text"
    assert run_cli("--version").stdout.decode().startswith("termcheck ")
