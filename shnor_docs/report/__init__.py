"""Findings in the formats people and CI read; one module per format, no logic of the checks."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from shnor_docs.report.options import Options

if TYPE_CHECKING:
    from shnor_docs.checks.results import Report

__all__ = ["FORMATS", "Options", "render"]

FORMATS = ("text", "json", "github", "gitlab", "sarif", "junit")
#: Format → (module, function); a module is imported when its format is asked for (JUnit's XML
#: and SARIF's JSON need not slow down a check printed as text).
_RENDERERS = {
    "text": ("text", "text"), "json": ("json", "as_json"), "github": ("github", "github"),
    "gitlab": ("gitlab", "gitlab"), "sarif": ("sarif", "sarif"), "junit": ("junit", "junit"),
}


def render(report: Report, fmt: str, options: Options | None = None) -> str:
    """The report in one of :data:`FORMATS`."""
    module, function = _RENDERERS[fmt]
    renderer = getattr(import_module(f"shnor_docs.report.{module}"), function)
    return renderer(report, options or Options())
