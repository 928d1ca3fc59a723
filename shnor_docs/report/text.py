"""The text report for people: findings grouped by file, a summary line, optional colour."""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from shnor_docs.checks import LEVEL_RU
from shnor_docs.checks.core import Finding
from shnor_docs.checks.results import Report
from shnor_docs.deadlines import ACCEPTED_FORMS
from shnor_docs.text import plural

_COLOURS = {"error": "31;1", "warning": "33", "info": "36"}


def _paint(text: str, level: str, colour: bool) -> str:
    code = _COLOURS.get(level, "1")
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def line(finding: Finding) -> str:
    """``file:line:col: уровень CODE сообщение``."""
    return f"{finding.location}: {LEVEL_RU[finding.level]} {finding.code} {finding.message}"


def _tally(counts: Counter[str]) -> str:
    parts = [
        plural(counts["error"], "ошибка", "ошибки", "ошибок"),
        plural(counts["warning"], "предупреждение", "предупреждения", "предупреждений"),
        plural(counts["info"], "сведение", "сведения", "сведений"),
    ]
    return ", ".join(parts)


def text(report: Report, colour: bool = False) -> str:
    """Findings grouped by file, in Russian, with a summary line."""
    out: list[str] = []
    findings = report.findings()
    for path, group in groupby(findings, key=lambda f: f.location.path if f.location else ""):
        items = list(group)
        out.append(_paint(f"{path} ({_tally(Counter(f.level for f in items))})", "", colour))
        for finding in items:
            where, rest = line(finding).split(": ", 1)
            out.append(f"{where}: {_paint(rest, finding.level, colour)}")
        out.append("")
    count = plural(len(report.results), "программа", "программы", "программ")
    broken = sum(1 for r in report.results if not r.loaded)
    summary = f"Проверено: {count} на {report.as_of:%d.%m.%Y}"
    if broken:
        summary += f"; не загружено: {broken}"
    summary += f". Найдено: {_tally(report.counts())}." if findings else ". Замечаний нет."
    out.append(_paint(summary, "error" if report.exit_code() else "", colour))
    if any(f.code == "S030" for f in findings):
        out += ["", "Принятые формулировки сроков:", ACCEPTED_FORMS]
    return "\n".join(out) + "\n"
