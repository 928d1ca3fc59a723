"""JUnit XML: a test suite per programme, a test case per active rule (and for loading)."""

from __future__ import annotations

from collections import Counter
from xml.etree import ElementTree as ET

from shnor_docs.checks import REGISTRY
from shnor_docs.checks.results import Report, Result
from shnor_docs.report.options import Options
from shnor_docs.report.text import line
from shnor_docs.text import plural

TOOL = "shnor"


def junit(report: Report, options: Options) -> str:
    """JUnit XML: a test suite per programme, a test case per active rule (and for loading)."""
    root = ET.Element("testsuites", name=f"{TOOL} check")
    totals = Counter[str]()
    for result in report.results:
        suite = ET.SubElement(root, "testsuite", name=result.programme)
        counts = _junit_suite(report, result, suite)
        for key in ("tests", "failures", "errors"):
            suite.set(key, str(counts[key]))
        suite.set("skipped", "0")
        suite.set("time", "0")
        totals.update(counts)
    for key in ("tests", "failures", "errors"):
        root.set(key, str(totals[key]))
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _junit_suite(report: Report, result: Result, suite: object) -> Counter[str]:
    counts = Counter[str]()
    classname = f"{TOOL}.{result.programme.rstrip('/').rsplit('/', 1)[-1]}"
    if not result.loaded:
        case = ET.SubElement(suite, "testcase", classname=classname,  # type: ignore[arg-type]
                             name="загрузка спецификации", time="0")
        body = "\n".join(str(p) for p in result.problems)
        ET.SubElement(case, "error", type="load", message=result.problems[0].message).text = body
        counts.update(tests=1, errors=1)
        return counts
    for rule in REGISTRY:
        if rule.code not in result.levels:
            continue
        own = [f for f in result.findings if f.code == rule.code]
        case = ET.SubElement(suite, "testcase", classname=classname,  # type: ignore[arg-type]
                             name=f"{rule.code} {rule.name}", time="0")
        counts["tests"] += 1
        body = "\n".join(line(f) for f in own)
        failing = [f for f in own if report.fails(f)]
        if failing:
            counts["failures"] += 1
            message = plural(len(own), "находка", "находки", "находок")
            ET.SubElement(case, "failure", type=rule.code, message=message).text = body
        elif own:
            ET.SubElement(case, "system-out").text = body
    return counts
