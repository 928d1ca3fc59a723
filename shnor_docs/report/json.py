"""Machine-readable findings with a summary (JSON)."""

from __future__ import annotations

import json

from shnor_docs import __version__
from shnor_docs.checks.core import Finding
from shnor_docs.checks.results import Report
from shnor_docs.report.fingerprint import fingerprints
from shnor_docs.report.options import Options

TOOL = "shnor"


def _plain(finding: Finding, fingerprint: str) -> dict[str, object]:
    where = finding.location
    return {
        "path": where.path if where else "", "line": where.line if where else 0,
        "col": where.col if where else 0, "code": finding.code, "name": finding.name,
        "level": finding.level, "message": finding.message, "programme": finding.programme,
        "item": finding.item, "fingerprint": fingerprint,
    }


def as_json(report: Report, options: Options) -> str:
    """Machine-readable findings with a summary; paths from the repository root."""
    findings = report.findings()
    data = {
        "tool": TOOL, "version": __version__, "as_of": report.as_of.isoformat(),
        "programmes": [{"path": r.programme, "loaded": r.loaded} for r in report.results],
        "findings": [_plain(f, fp) for f, fp in zip(findings, fingerprints(findings), strict=True)],
        "summary": {level: report.counts()[level] for level in ("error", "warning", "info")},
        "exit_code": report.exit_code(),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
