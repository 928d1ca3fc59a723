"""A Markdown summary of the findings for the page of a CI job (GitHub's ``GITHUB_STEP_SUMMARY``).

GitHub shows at most 10 annotations of each level per step; the summary lists every programme
and the findings, so that none is lost.
"""

from __future__ import annotations

from shnor_docs.checks import LEVEL_RU
from shnor_docs.checks.results import Report
from shnor_docs.text import plural

#: GitHub keeps a step summary up to 1 MiB; a region's findings fit well below this many rows.
MAX_ROWS = 300
_LEVELS = ("error", "warning", "info")


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def summary_markdown(report: Report, title: str = "shnor check") -> str:
    """Counts per programme, then the findings (errors first) as a table."""
    count = plural(len(report.results), "программа", "программы", "программ")
    out = [f"## {title}: {count} на {report.as_of:%d.%m.%Y}", ""]
    out += ["| программа | загружена | ошибки | предупреждения | сведения |",
            "| --- | --- | ---: | ---: | ---: |"]
    for result in report.results:
        levels = [f.level for f in result.all_findings()]
        counts = " | ".join(str(levels.count(level)) for level in _LEVELS)
        out.append(f"| `{_cell(result.programme)}` | {'да' if result.loaded else '**нет**'} | "
                   f"{counts} |")
    findings = sorted(report.findings(), key=lambda f: _LEVELS.index(f.level))
    if not findings:
        return "\n".join([*out, "", "Замечаний нет.", ""])
    out += ["", "| место | уровень | код | сообщение |", "| --- | --- | --- | --- |"]
    for finding in findings[:MAX_ROWS]:
        out.append(f"| `{_cell(str(finding.location))}` | {LEVEL_RU[finding.level]} | "
                   f"{finding.code} | {_cell(finding.message)} |")
    if len(findings) > MAX_ROWS:
        rest = plural(len(findings) - MAX_ROWS, "находка", "находки", "находок")
        out += ["", f"…и ещё {rest}: полный список — в отчёте SARIF или JSON."]
    return "\n".join(out) + "\n"
