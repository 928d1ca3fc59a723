"""A SARIF 2.1.0 log for code scanning: the rules, then the results."""

from __future__ import annotations

import json
from urllib.parse import quote

from shnor_docs import __version__
from shnor_docs.checks import REGISTRY, Rule
from shnor_docs.checks.core import Finding, plain
from shnor_docs.checks.docs import rule_markdown
from shnor_docs.checks.results import Report

TOOL = "shnor"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _sarif_rule(rule: Rule) -> dict[str, object]:
    return {
        "id": rule.code, "name": rule.name,
        "shortDescription": {"text": plain(rule.summary)},
        "fullDescription": {"text": plain(rule.doc.split("**Плохо**")[0].strip())},
        "help": {"text": plain(rule.doc), "markdown": rule_markdown(rule)},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.level]},
    }


def _sarif_result(finding: Finding, index: dict[str, int]) -> dict[str, object]:
    where = finding.location
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
