"""GitHub Actions workflow commands: an annotation per finding, the ones that matter first.

GitHub shows at most 10 annotations of each level per step and drops the rest silently. So
errors come first, and within a level the files the pull request changes; a plain log line says
how many were left unseen, and the step summary (:mod:`shnor_docs.report.summary`) lists all.
"""

from __future__ import annotations

from collections import Counter

from shnor_docs.checks.core import Finding
from shnor_docs.checks.results import Report
from shnor_docs.report.options import Options

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_ORDER = ("error", "warning", "info")
_UNSEEN = {"error": "ошибок", "warning": "предупреждений", "info": "сведений"}
#: Annotations GitHub shows per level and step.
SHOWN = 10


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def ordered(findings: list[Finding], changed: frozenset[str]) -> list[Finding]:
    """Errors, then warnings, then the rest; within a level, changed files first."""
    def key(finding: Finding) -> tuple[int, bool]:
        path = finding.location.path if finding.location else ""
        return _ORDER.index(finding.level), path not in changed

    return sorted(findings, key=key)  # stable: file order within each group


def _annotation(finding: Finding) -> str:
    where = finding.location
    props = [f"file={_escape_property(where.path)}"] if where else []
    if where and where.line:
        props += [f"line={where.line}", f"col={where.col}"]
    props.append(f"title={_escape_property(f'{finding.code} {finding.name}')}")
    return f"::{_GITHUB_LEVEL[finding.level]} {','.join(props)}::{_escape_data(finding.message)}"


def github(report: Report, options: Options) -> str:
    """``::error file=…,line=…,col=…,title=…::message`` lines, then a note on the unseen."""
    findings = ordered(report.findings(), options.changed)
    out = [_annotation(finding) for finding in findings]
    counts = Counter(f.level for f in findings)
    unseen = {level: n - SHOWN for level, n in counts.items() if n > SHOWN}
    if unseen:
        parts = ", ".join(f"{_UNSEEN[level]} — {unseen[level]}" for level in _ORDER
                          if level in unseen)
        out.append(f"GitHub показывает не больше {SHOWN} аннотаций каждого уровня; не видны "
                   f"{parts}. Полный список — в сводке задания и в отчёте SARIF.")
    return "".join(f"{item}\n" for item in out)
