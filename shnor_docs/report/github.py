"""GitHub Actions workflow commands: an annotation per finding."""

from __future__ import annotations

from shnor_docs.checks.results import Report

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
