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


def test_the_early_reader_serves_the_first_pdf_and_is_let_go_when_unused(tmp_path):
    """termcheck.launch forks the PDF reader before the CLI is imported; every path must end cleanly."""
    from test_extract_pdf import _flate_bomb

    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(pdf_pages([["1. Term", "The licence lasts two (2) years."]]))
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(pdf_pages([["The Performer grants the Company a licence for two years."]], encrypt="pw"))
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(_flate_bomb(400))
    # Used for the first PDF, fresh children for the others.
    proc = run_cli("extract", str(pdf), str(locked), str(pdf))
    assert proc.returncode == 3 and proc.stdout.decode().count("The licence lasts two (2) years.") == 2
    assert "locked.pdf: the PDF is password-protected [encrypted]" in proc.stderr.decode()
    # Given the password, the early reader opens it.
    assert run_cli("extract", "--password", "pw", str(locked)).returncode == 0
    # Unused: the layout path and a usage error must not hang or leave the child behind.
    assert run_cli("extract", "--layout", str(pdf)).returncode == 0
    assert run_cli("extract", "-f", "yaml", str(pdf)).returncode == 2
    # The limits hold in the early reader too.
    proc = run_cli("extract", "--max-memory", "300", str(bomb))
    assert proc.returncode == 3 and ("[too-large]" in proc.stderr.decode() or "[no-text]" in proc.stderr.decode())
