"""JUnit XML for CI: one test suite per document, one test case per check (passes included)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from termcheck.render.common import MAX_FINDINGS, accepted_text, where
from termcheck.report import CheckResult, Report

# XML 1.0 cannot carry most control characters, whatever the escaping.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text that XML can hold (escaping itself is the serializer's job)."""
    return _NOT_XML.sub("\ufffd", text)


def _detail(c: CheckResult) -> str:
    lines = [f"{where(f)}: {f.message}\n  \"{f.quote}\"" for f in c.findings[:MAX_FINDINGS]]
    if not c.findings and c.notes:
        lines.append(c.notes[0])
    lines.append(f"Ask in writing: {c.question}")
    return xml_text("\n".join(lines))


def render_junit(report: Report) -> str:
    """The JUnit XML text of a run: a failing check is a failure; warn and unknown are noted in system-out."""
    suites = ET.Element("testsuites", name="termcheck")
    total = failures = errors = 0  # an accepted check is a skipped test case
    for doc in report.documents:
        suite = ET.SubElement(suites, "testsuite", name=xml_text(doc.path))
        if doc.error is not None:
            case = ET.SubElement(suite, "testcase", classname=xml_text(doc.path), name="read")
            err = ET.SubElement(case, "error", type=doc.error.code.value, message=xml_text(doc.error.message))
            err.text = xml_text(doc.error.hint)
            suite.set("tests", "1")
            suite.set("failures", "0")
            suite.set("errors", "1")
            total, errors = total + 1, errors + 1
            continue
        n_fail = n_skipped = 0
        for c in doc.checks:
            case = ET.SubElement(suite, "testcase", classname=xml_text(doc.path), name=f"{c.id}: {xml_text(c.title)}")
            if c.accepted is not None:
                n_skipped += 1
                ET.SubElement(case, "skipped", message=xml_text(accepted_text(c)))
            elif c.status == "fail":
                n_fail += 1
                failure = ET.SubElement(case, "failure", type="fail", message=xml_text(c.findings[0].message if c.findings else c.title))
                failure.text = _detail(c)
            elif c.status in ("warn", "unknown"):
                out = ET.SubElement(case, "system-out")
                out.text = f"{c.status}: " + _detail(c)
        suite.set("tests", str(len(doc.checks)))
        suite.set("failures", str(n_fail))
        suite.set("errors", "0")
        suite.set("skipped", str(n_skipped))
        total, failures = total + len(doc.checks), failures + n_fail
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    suites.set("errors", str(errors))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
