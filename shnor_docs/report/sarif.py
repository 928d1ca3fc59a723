"""A SARIF 2.1.0 log for code scanning: the rules (and load-error codes), the run, the results.

Paths are relative to the repository root, named ``%SRCROOT%`` (``originalUriBaseIds``), so
that GitHub places the results on its files whatever folder ``shnor check`` ran in. Each result
carries a fingerprint that survives a changed message or an inserted line.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from urllib.parse import quote

from shnor_docs import __version__
from shnor_docs.checks import REGISTRY, Rule
from shnor_docs.checks.core import Finding, plain
from shnor_docs.checks.docs import plain_doc, rule_markdown
from shnor_docs.checks.results import Report
from shnor_docs.errors import CODES
from shnor_docs.report.fingerprint import SARIF_KEY, fingerprints
from shnor_docs.report.options import Options

TOOL = "shnor"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _sarif_rule(rule: Rule) -> dict[str, object]:
    return {
        "id": rule.code, "name": rule.name,
        "shortDescription": {"text": plain(rule.summary)},
        "fullDescription": {"text": plain(rule.doc.split("**Плохо**")[0].strip())},
        "help": {"text": plain_doc(rule), "markdown": rule_markdown(rule)},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.level]},
    }


def _load_rule(code: str, meaning: str) -> dict[str, object]:
    text = f"Ошибка загрузки спецификации: {meaning}."
    return {
        "id": code, "shortDescription": {"text": meaning}, "fullDescription": {"text": text},
        "help": {"text": f"{text} Спецификация с такой ошибкой не проверяется правилами."},
        "defaultConfiguration": {"level": "error"},
    }


def _artifact(path: str) -> dict[str, object]:
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute():
        return {"uri": "file://" + quote(posix, safe="/")}
    return {"uri": quote(posix, safe="/"), "uriBaseId": SRCROOT}


def _sarif_result(finding: Finding, index: dict[str, int], fingerprint: str) -> dict[str, object]:
    where = finding.location
    physical: dict[str, object] = {"artifactLocation": _artifact(where.path if where else "")}
    if where and where.line:
        physical["region"] = {"startLine": where.line, "startColumn": max(where.col, 1)}
    return {
        "ruleId": finding.code, "ruleIndex": index[finding.code],
        "level": _SARIF_LEVEL[finding.level],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {SARIF_KEY: fingerprint},
    }


def _invocation(report: Report) -> dict[str, object]:
    unloaded = [r.programme for r in report.results if not r.loaded]
    invocation: dict[str, object] = {
        "executionSuccessful": not unloaded, "exitCode": report.exit_code(),
    }
    if unloaded:
        invocation["toolExecutionNotifications"] = [
            {"level": "error",
             "message": {"text": f"программа {name} не загружена: правила не проверялись"}}
            for name in unloaded
        ]
    return invocation


def sarif(report: Report, options: Options) -> str:
    """A SARIF 2.1.0 log with one run: the rules, then the results."""
    rules = [_sarif_rule(rule) for rule in REGISTRY]
    rules += [_load_rule(code, meaning) for code, meaning in CODES.items()]
    index = {str(rule["id"]): i for i, rule in enumerate(rules)}
    findings = report.findings()
    run: dict[str, object] = {
        "tool": {"driver": {"name": TOOL, "version": __version__, "rules": rules}},
        "invocations": [_invocation(report)],
        "columnKind": "unicodeCodePoints",
        "results": [_sarif_result(f, index, fp)
                    for f, fp in zip(findings, fingerprints(findings), strict=True)],
    }
    if options.root is not None:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": options.root.as_uri().rstrip("/") + "/"}}
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
