"""The text report for people: findings grouped by file, a summary line, optional colour."""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from shnor_docs.checks import LEVEL_RU
from shnor_docs.checks.core import Finding
from shnor_docs.checks.results import Report, Result
from shnor_docs.deadlines import ACCEPTED_FORMS
from shnor_docs.report.options import Options
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


def text(report: Report, options: Options) -> str:
    """Findings grouped by file, in Russian, with a summary line (``quiet``: the findings only;
    ``verbose``: each programme with its rules and settings too)."""
    colour = options.colour
    findings = report.findings()
    if options.quiet:
        return "".join(f"{_painted(finding, colour)}\n" for finding in findings)
    out: list[str] = []
    for path, group in groupby(findings, key=lambda f: f.location.path if f.location else ""):
        items = list(group)
        out.append(_paint(f"{path} ({_tally(Counter(f.level for f in items))})", "", colour))
        out += [_painted(finding, colour) for finding in items]
        out.append("")
    if options.verbose:
        out += [_programme_line(result) for result in report.results] + [""]
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


def _painted(finding: Finding, colour: bool) -> str:
    where, rest = line(finding).split(": ", 1)
    return f"{where}: {_paint(rest, finding.level, colour)}"


def _programme_line(result: Result) -> str:
    if not result.loaded:
        errors = plural(len(result.problems), "ошибка", "ошибки", "ошибок")
        return f"{result.programme}: не загружена ({errors})"
    rules = plural(len(result.levels), "правило", "правила", "правил")
    settings = f"; настройки репозитория: {result.settings}" if result.settings else ""
    return f"{result.programme}: {rules}, {_tally(Counter(f.level for f in result.findings))}" \
        f"{settings}"
