"""Output formats for findings (text, json, github, gitlab, sarif, junit) and the exit code."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby

from shnor_docs import __version__
from shnor_docs.checks import LEVEL_RU, REGISTRY, Rule
from shnor_docs.checks.core import Finding, plain, plural
from shnor_docs.errors import Problem

FORMATS = ("text", "json", "github", "gitlab", "sarif", "junit")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_LOAD = 0, 1, 2
TOOL = "shnor"
LOAD_RULE = "load"
_COLOURS = {"error": "31;1", "warning": "33", "info": "36"}


@dataclass
class Result:
    """The outcome of checking one programme: its findings, or the problems that stopped it."""

    programme: str
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    levels: dict[str, str] = field(default_factory=dict)

    @property
    def loaded(self) -> bool:
        return not self.problems

    def all_findings(self) -> list[Finding]:
        """Findings, with load problems turned into error-level findings."""
        slug = self.programme.rstrip("/").rsplit("/", 1)[-1]
        loaded = [
            Finding(p.message, location=p.location, code=p.code, name=LOAD_RULE, level="error",
                    programme=slug)
            for p in self.problems
        ]
        return loaded + self.findings


@dataclass
class Report:
    """Everything one ``shnor check`` run found."""

    results: list[Result]
    as_of: dt.date
    strict: bool = False

    def findings(self) -> list[Finding]:
        return sorted((f for r in self.results for f in r.all_findings()), key=Finding.sort_key)

    def fails(self, finding: Finding) -> bool:
        """Whether a finding makes the run fail (errors; warnings too with ``--strict``)."""
        return finding.level == "error" or (self.strict and finding.level == "warning")

    def exit_code(self) -> int:
        if any(not r.loaded for r in self.results):
            return EXIT_LOAD
        return EXIT_FINDINGS if any(self.fails(f) for f in self.findings()) else EXIT_CLEAN

    def counts(self) -> Counter[str]:
        return Counter(f.level for f in self.findings())


def render(report: Report, fmt: str, colour: bool = False) -> str:
    """The report in one of :data:`FORMATS`."""
    if fmt == "text":
        return text(report, colour)
    return _RENDERERS[fmt](report)


# --- text ------------------------------------------------------------------------------------


def _paint(text: str, level: str, colour: bool) -> str:
    code = _COLOURS.get(level, "1")
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def line(finding: Finding) -> str:
    """``file:line:col: уровень CODE сообщение``."""
    return f"{finding.location}: {LEVEL_RU[finding.level]} {finding.code} {finding.message}"


def _tally(counts: Counter[str]) -> str:
    parts = [
        plural(counts["error"], "ошибка", "ошибки", "ошибок"),
        plural(counts["warning"], "предупреждение", "предупреждения", "предупреждений"),
        plural(counts["info"], "сведение", "сведения", "сведений"),
    ]
    return ", ".join(parts)


def text(report: Report, colour: bool = False) -> str:
    """Findings grouped by file, in Russian, with a summary line."""
    out: list[str] = []
    findings = report.findings()
    for path, group in groupby(findings, key=lambda f: f.location.path if f.location else ""):
        items = list(group)
        out.append(_paint(f"{path} ({_tally(Counter(f.level for f in items))})", "", colour))
        for finding in items:
            where, rest = line(finding).split(": ", 1)
            out.append(f"{where}: {_paint(rest, finding.level, colour)}")
        out.append("")
    count = plural(len(report.results), "программа", "программы", "программ")
    broken = sum(1 for r in report.results if not r.loaded)
    summary = f"Проверено: {count} на {report.as_of:%d.%m.%Y}"
    if broken:
        summary += f"; не загружено: {broken}"
    summary += f". Найдено: {_tally(report.counts())}." if findings else ". Замечаний нет."
    out.append(_paint(summary, "error" if report.exit_code() else "", colour))
    return "\n".join(out) + "\n"


# --- json ------------------------------------------------------------------------------------


def _plain(finding: Finding) -> dict[str, object]:
    where = finding.location
    return {
        "path": where.path if where else "", "line": where.line if where else 0,
        "col": where.col if where else 0, "code": finding.code, "name": finding.name,
        "level": finding.level, "message": finding.message, "programme": finding.programme,
    }


def as_json(report: Report) -> str:
    """Machine-readable findings with a summary."""
    data = {
        "tool": TOOL, "version": __version__, "as_of": report.as_of.isoformat(),
        "programmes": [{"path": r.programme, "loaded": r.loaded} for r in report.results],
        "findings": [_plain(f) for f in report.findings()],
        "summary": {level: report.counts()[level] for level in ("error", "warning", "info")},
        "exit_code": report.exit_code(),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- github ----------------------------------------------------------------------------------

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(report: Report) -> str:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=…::message``."""
    out = []
    for finding in report.findings():
        where = finding.location
        props = [f"file={_escape_property(where.path)}"] if where else []
        if where and where.line:
            props += [f"line={where.line}", f"col={where.col}"]
        props.append(f"title={_escape_property(f'{finding.code} {finding.name}')}")
        out.append(f"::{_GITHUB_LEVEL[finding.level]} {','.join(props)}::"
                   f"{_escape_data(finding.message)}")
    return "".join(f"{item}\n" for item in out)


# --- gitlab ----------------------------------------------------------------------------------

_GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def gitlab(report: Report) -> str:
    """A GitLab Code Quality report (a JSON array of issues)."""
    import hashlib
    issues, seen = [], Counter[str]()
    for finding in report.findings():
        where = finding.location
        path = where.path if where else ""
        key = f"{finding.code}|{path}|{finding.message}"
        seen[key] += 1
        issues.append({
            "description": f"{finding.code} {finding.message}",
            "check_name": f"{finding.code} {finding.name}",
            "fingerprint": hashlib.md5(f"{key}|{seen[key]}".encode()).hexdigest(),
            "severity": _GITLAB_SEVERITY[finding.level],
            "location": {"path": path, "lines": {"begin": max(where.line if where else 1, 1)}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


# --- sarif -----------------------------------------------------------------------------------

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _sarif_rule(rule: Rule) -> dict[str, object]:
    from shnor_docs.checks.docs import rule_markdown as markdown

    return {
        "id": rule.code, "name": rule.name,
        "shortDescription": {"text": plain(rule.summary)},
        "fullDescription": {"text": plain(rule.doc.split("**Плохо**")[0].strip())},
        "help": {"text": plain(rule.doc), "markdown": markdown(rule)},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.level]},
    }


def _sarif_result(finding: Finding, index: dict[str, int]) -> dict[str, object]:
    where = finding.location
    from urllib.parse import quote

    uri = quote((where.path if where else "").replace("\\", "/"), safe="/")
    physical: dict[str, object] = {"artifactLocation": {"uri": uri}}
    if where and where.line:
        physical["region"] = {"startLine": where.line, "startColumn": max(where.col, 1)}
    result: dict[str, object] = {
        "ruleId": finding.code, "level": _SARIF_LEVEL[finding.level],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical}],
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    return result


def sarif(report: Report) -> str:
    """A SARIF 2.1.0 log with one run: the rules, then the results."""
    index = {rule.code: i for i, rule in enumerate(REGISTRY)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": TOOL, "version": __version__,
                                "rules": [_sarif_rule(rule) for rule in REGISTRY]}},
            "columnKind": "unicodeCodePoints",
            "results": [_sarif_result(f, index) for f in report.findings()],
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


# --- junit -----------------------------------------------------------------------------------


def junit(report: Report) -> str:
    """JUnit XML: a test suite per programme, a test case per active rule (and for loading)."""
    from xml.etree import ElementTree as ET  # only this format needs it

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
    from xml.etree import ElementTree as ET

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


_RENDERERS: dict[str, Callable[[Report], str]] = {
    "json": as_json, "github": github, "gitlab": gitlab, "sarif": sarif, "junit": junit,
}
