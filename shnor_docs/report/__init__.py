"""Findings in the formats people and CI read; one module per format, no logic of the checks."""

from __future__ import annotations

from collections.abc import Callable

from shnor_docs.checks.results import Report
from shnor_docs.report.github import github
from shnor_docs.report.gitlab import gitlab
from shnor_docs.report.json import as_json
from shnor_docs.report.junit import junit
from shnor_docs.report.sarif import sarif
from shnor_docs.report.text import text

FORMATS = ("text", "json", "github", "gitlab", "sarif", "junit")
_RENDERERS: dict[str, Callable[[Report], str]] = {
    "json": as_json, "github": github, "gitlab": gitlab, "sarif": sarif, "junit": junit,
}


def render(report: Report, fmt: str, colour: bool = False) -> str:
    """The report in one of :data:`FORMATS`."""
    if fmt == "text":
        return text(report, colour)
    return _RENDERERS[fmt](report)
