"""Machine-readable findings with a summary (JSON)."""

from __future__ import annotations

import json

from shnor_docs import __version__
from shnor_docs.checks.core import Finding
from shnor_docs.checks.results import Report

TOOL = "shnor"


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
