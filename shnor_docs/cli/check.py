"""``shnor check`` and ``shnor rules``: consistency checks for people and CI."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from shnor_docs.checks.config import select_codes
from shnor_docs.checks.runner import check_programmes
from shnor_docs.cli import ru
from shnor_docs.cli.common import (
    EXIT_CODES,
    as_of,
    colour_wanted,
    in_shard,
    report_options,
    root_of,
    targets,
    write_summary,
)
from shnor_docs.report import FORMATS, Options, render

if TYPE_CHECKING:
    from shnor_docs.checks.results import Report


@click.command(cls=ru.Command, epilog=EXIT_CODES)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[ПУТЬ]...")
@click.option(
    "--as-of",
    "as_of_text",
    metavar="ГГГГ-ММ-ДД",
    help="Дата, на которую проверяются сроки (по умолчанию сегодня).",
)
@click.option(
    "--format",
    "fmt",
    default="text",
    show_default=True,
    type=click.Choice(FORMATS),
    help="Формат: text — для человека; github — аннотации GitHub Actions; gitlab — "
    "отчёт Code Quality; sarif — SARIF 2.1.0; junit — JUnit XML; json.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="КОДЫ",
    help="Проверять только эти правила: коды (R201), префиксы (R2), имена, группу dated "
    "(правила, зависящие от даты проверки); через запятую.",
)
@click.option("--ignore", multiple=True, metavar="КОДЫ", help="Не проверять эти правила.")
@click.option("--strict", is_flag=True, help="Код выхода 1 и при предупреждениях.")
@click.option(
    "--exit-zero", is_flag=True,
    help="Код выхода 0 и при ошибках в программах (2 — по-прежнему при ошибках загрузки).",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), metavar="ФАЙЛ",
    help="Записать отчёт в файл, а не на экран.",
)
@click.option(
    "--shard",
    metavar="K/N",
    help="Только K-я из N устойчивых частей программ (для параллельных задач CI).",
)
@report_options
def check(paths: tuple[Path, ...], as_of_text: str | None, fmt: str, select: tuple[str, ...],
          ignore: tuple[str, ...], strict: bool, exit_zero: bool, output: Path | None,
          shard: str | None, root: Path | None, quiet: bool, verbose: bool) -> None:
    """Проверить согласованность программ: сроки, ответственных, этапы, нумерацию, тексты.

    ПУТЬ — папки программ, их файлы или папка с программами (по умолчанию programmes/).
    Пути в отчёте считаются от корня репозитория, из какой бы папки ни запускалась проверка.
    """
    day = as_of(as_of_text)
    try:
        chosen = select_codes(select) if select else None
        skipped = select_codes(ignore)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    folders, bad = targets(paths)
    if output is not None:
        _refuse_report_file(output, folders)
    report = check_programmes(in_shard(folders, shard), day, chosen, skipped, strict)
    report.results[:0] = bad
    code = emit(report, fmt, output, root, quiet, verbose, folders or list(paths))
    sys.exit(0 if exit_zero and code == 1 else code)


def emit(report: Report, fmt: str, output: Path | None, root: Path | None, quiet: bool,
         verbose: bool, folders: list[Path], title: str = "shnor check") -> int:
    """Render the report (paths from the repository root), print or write it, and the GitHub
    step summary; return the exit code."""
    top = root_of(root, folders)
    report = report.rebased(top)
    colour = fmt == "text" and output is None and colour_wanted(sys.stdout)
    changed: frozenset[str] = frozenset()
    if fmt == "github":  # git and the CI's event file only for GitHub's annotations
        from shnor_docs.cli.changes import changed_files

        changed = changed_files(top)
    text = render(report, fmt, Options(colour, quiet, verbose, top, changed))
    if output is not None:
        _write_report(output, text)
    else:
        click.echo(text, nl=False, color=colour or None)
    if fmt == "github":
        from shnor_docs.report.summary import summary_markdown

        write_summary(summary_markdown(report, title))
    return report.exit_code()


def _refuse_report_file(output: Path, folders: list[Path]) -> None:
    from shnor_docs.spec.folders import report_file_problem

    problem = report_file_problem(output, folders)
    if problem is not None:
        click.echo(f"ошибка B012 {problem}", err=True)
        sys.exit(2)


def _write_report(output: Path, text: str) -> None:
    from shnor_docs.files import os_reason, write_report_text

    try:
        write_report_text(output, text)
    except OSError as exc:
        click.echo(f"Ошибка: отчёт не записать в «{output}»: {os_reason(exc)}", err=True)
        sys.exit(2)


@click.command(cls=ru.Command)
@click.argument("code", required=False, metavar="[ПРАВИЛО]")
@click.option(
    "--markdown", is_flag=True, help="Вывести документацию правил в Markdown (docs/rules.md)."
)
def rules(code: str | None, markdown: bool) -> None:
    """Список правил проверки: код, имя, уровень, описание; с ПРАВИЛОМ (код или имя) — правило
    целиком."""
    from shnor_docs.checks import by_key
    from shnor_docs.checks.docs import rule_text, rules_markdown, rules_table

    if markdown:
        click.echo(rules_markdown(), nl=False)
    elif code:
        rule = by_key(code)
        if rule is None:
            raise click.UsageError(f"неизвестное правило «{code}»; список: shnor rules")
        click.echo(rule_text(rule), nl=False)
    else:
        click.echo(rules_table(), nl=False)
