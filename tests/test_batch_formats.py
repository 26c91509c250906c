"""Folders (walk, include/exclude, .termcheckignore, type by content) and the CSV and JSON Lines formats."""

from __future__ import annotations

import csv
import io
import json
import shutil

from conftest import BUILTIN_CHECKS, EXAMPLES, run_cli


def make_folder(tmp_path):
    root = tmp_path / "contracts"
    (root / "sub").mkdir(parents=True)
    (root / "drafts").mkdir()
    shutil.copy(EXAMPLES / "fair-ai-voice-licence.pdf", root / "b-fair.pdf")
    shutil.copy(EXAMPLES / "voice-buyout-release.txt", root / "a-buyout.txt")
    shutil.copy(EXAMPLES / "model-release.docx", root / "sub" / "release-without-suffix")
    shutil.copy(EXAMPLES / "model-release.txt", root / "drafts" / "old.txt")
    (root / "sub" / "notes.py").write_text("print('not a contract')\n")
    (root / "sub" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    (root / ".termcheckignore").write_text("drafts/\n")
    return root


def test_a_folder_is_walked_in_a_stable_order_by_content_and_ignore_file(tmp_path):
    root = make_folder(tmp_path)
    proc = run_cli(str(root), "-q")
    lines = proc.stdout.decode().splitlines()
    names = [line.split(":")[0].split("/contracts/")[1] for line in lines[:-1]]
    assert names == ["a-buyout.txt", "b-fair.pdf", "sub/release-without-suffix"]
    assert lines[-1].startswith("3 documents:") and proc.returncode == 1


def test_include_and_exclude_patterns(tmp_path):
    root = make_folder(tmp_path)
    only_pdf = run_cli(str(root), "-q", "--include", "*.pdf").stdout.decode()
    assert "b-fair.pdf" in only_pdf and "a-buyout" not in only_pdf
    no_sub = run_cli(str(root), "-q", "--exclude", "sub/").stdout.decode()
    assert "release-without-suffix" not in no_sub and "a-buyout.txt" in no_sub
    nothing = run_cli(str(root), "--include", "*.odt")
    assert nothing.returncode == 2 and b"no PDF, DOCX, TXT or MD files found" in nothing.stderr


def test_csv_has_a_row_per_document_and_check(tmp_path):
    root = make_folder(tmp_path)
    rows = list(csv.DictReader(io.StringIO(run_cli(str(root), "-f", "csv").stdout.decode())))
    assert len(rows) == 3 * BUILTIN_CHECKS
    row = next(r for r in rows if r["path"].endswith("a-buyout.txt") and r["check"] == "sublicensing")
    assert row["status"] == "fail" and row["location"].startswith("line 15") and row["quote"].startswith("2.1 The Performer")
    assert next(r for r in rows if r["check"] == "license-term" and r["path"].endswith("b-fair.pdf"))["value"] == "2.0"


def test_jsonl_is_one_document_a_line_and_unreadable_files_are_rows_too(tmp_path):
    root = make_folder(tmp_path)
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    out = tmp_path / "out.jsonl"
    proc = run_cli(str(root), str(bad), "-f", "jsonl", "-o", str(out))
    assert proc.returncode == 3 and proc.stdout == b""
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [d["verdict"] for d in docs] == ["fail", "warn", "fail", "error"]
    assert docs[-1]["error"]["code"] == "corrupt" and all(d["schema_version"] == 1 for d in docs)


def test_summary_tables_for_several_documents():
    out = run_cli(*(str(EXAMPLES / n) for n in ("voice-buyout-release.txt", "fair-ai-voice-licence.txt")), env={"COLUMNS": "120"}).stdout.decode()
    assert "Checks across the documents" in out and "Documents" in out
    row = next(line for line in out.splitlines() if "│ sublicensing" in line)
    assert [c.strip() for c in row.split("│")[2:6]] == ["1", "0", "0", "1"]  # fail, warn, unknown, pass
    assert "fair-ai-voice-licence.txt" in out.split("Documents")[-1]


def test_several_reports_from_one_run(tmp_path):
    import xml.etree.ElementTree as ET

    paths = {k: tmp_path / f"report.{k}" for k in ("json", "sarif", "junit", "csv", "markdown")}
    proc = run_cli(
        str(EXAMPLES / "voice-buyout-release.txt"), "-q",
        "--json-output", str(paths["json"]), "--sarif-output", str(paths["sarif"]), "--junit-output", str(paths["junit"]),
        "--csv-output", str(paths["csv"]), "--markdown-output", str(paths["markdown"]),
    )
    assert proc.returncode == 1 and "Do not sign yet" in proc.stdout.decode()
    assert json.loads(paths["json"].read_text())["summary"]["failed"] == 1
    assert json.loads(paths["sarif"].read_text())["version"] == "2.1.0"
    assert ET.parse(paths["junit"]).getroot().tag == "testsuites"
    assert paths["csv"].read_text().startswith("path,verdict,check")
    assert paths["markdown"].read_text().startswith("# termcheck report")
