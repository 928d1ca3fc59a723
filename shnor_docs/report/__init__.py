"""Findings in the formats people and CI read; one module per format, no logic of the checks."""

from __future__ import annotations

from collections.abc import Callable

from shnor_docs.checks.results import Report
from shnor_docs.report.github import github
from shnor_docs.report.gitlab import gitlab
from shnor_docs.report.json import as_json
from shnor_docs.report.junit import junit
from shnor_docs.report.options import Options
from shnor_docs.report.sarif import sarif
from shnor_docs.report.text import text

__all__ = ["FORMATS", "Options", "render"]

FORMATS = ("text", "json", "github", "gitlab", "sarif", "junit")
_RENDERERS: dict[str, Callable[[Report, Options], str]] = {
    "text": text, "json": as_json, "github": github, "gitlab": gitlab, "sarif": sarif,
    "junit": junit,
}


def render(report: Report, fmt: str, options: Options | None = None) -> str:
    """The report in one of :data:`FORMATS`."""
    return _RENDERERS[fmt](report, options or Options())
