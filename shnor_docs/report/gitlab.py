"""A GitLab Code Quality report: a JSON array of issues."""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from shnor_docs.checks.results import Report

_GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def gitlab(report: Report) -> str:
    """A GitLab Code Quality report (a JSON array of issues)."""
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
