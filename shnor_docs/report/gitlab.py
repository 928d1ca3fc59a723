"""A GitLab Code Quality report: a JSON array of issues with stable fingerprints."""

from __future__ import annotations

import json

from shnor_docs.checks.results import Report
from shnor_docs.report.fingerprint import fingerprints
from shnor_docs.report.options import Options

_GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def gitlab(report: Report, options: Options) -> str:
    """A GitLab Code Quality report (a JSON array of issues)."""
    issues = []
    findings = report.findings()
    for finding, fingerprint in zip(findings, fingerprints(findings), strict=True):
        where = finding.location
        issues.append({
            "description": f"{finding.code} {finding.message}",
            "check_name": f"{finding.code} {finding.name}",
            "fingerprint": fingerprint,
            "severity": _GITLAB_SEVERITY[finding.level],
            "location": {"path": where.path if where else "",
                         "lines": {"begin": max(where.line if where else 1, 1)}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
