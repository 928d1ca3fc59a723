"""``shnor check`` and ``shnor rules``: consistency checks for people and CI."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from shnor_docs.cli import ru
from shnor_docs.cli.common import NO_PROGRAMMES, PROGRAMMES, as_of, in_shard


@click.command(cls=ru.Command)
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
    type=click.Choice(["text", "json", "github", "gitlab", "sarif", "junit"]),
    help="Формат: text — для человека; github — аннотации GitHub Actions; gitlab — "
    "отчёт Code Quality; sarif — SARIF 2.1.0; junit — JUnit XML; json.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="КОДЫ",
    help="Проверять только эти правила: коды (R201), префиксы (R2), имена; через запятую.",
)
@click.option("--ignore", multiple=True, metavar="КОДЫ", help="Не проверять эти правила.")
@click.option("--strict", is_flag=True, help="Код выхода 1 и при предупреждениях.")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Записать отчёт в файл, а не на экран."
)
@click.option(
    "--shard",
    metavar="K/N",
    help="Только K-я из N устойчивых частей программ (для параллельных задач CI).",
)
def check(
    paths: tuple[Path, ...],
    as_of_text: str | None,
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    strict: bool,
    output: Path | None,
    shard: str | None,
) -> None:
    """Проверить согласованность программ: сроки, ответственных, этапы, нумерацию, тексты.

    PATHS — папки программ, их файлы или папка с программами (по умолчанию programmes/).
    Коды выхода: 0 — замечаний нет; 1 — есть ошибки (с --strict — и предупреждения);
    2 — спецификацию не удалось загрузить или команда вызвана неверно.
    """
    from shnor_docs.checks.config import select_codes
    from shnor_docs.checks.runner import check_programmes
    from shnor_docs.report import render
    from shnor_docs.spec.folders import programme_folders

    day = as_of(as_of_text)
    if output is not None and output.is_dir():
        raise click.UsageError(f"--output «{output}» — папка: укажите файл отчёта")
    try:
        chosen = select_codes(select) if select else None
        skipped = select_codes(ignore)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    folders, missing = programme_folders(list(paths) or [PROGRAMMES])
    if missing:
        raise click.UsageError(f"путь не найден: {missing[0]}")
    if not folders and not paths:
        raise click.UsageError(NO_PROGRAMMES)
    folders = in_shard(folders, shard)
    report = check_programmes(folders, day, chosen, skipped, strict)
    colour = (
        fmt == "text" and output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    text = render(report, fmt, colour)
    if output is not None:
        _write_report(output, text)
    else:
        click.echo(text, nl=False, color=colour or None)
    sys.exit(report.exit_code())


def _write_report(output: Path, text: str) -> None:
    from shnor_docs.files import os_reason, write_text_atomic

    try:
        write_text_atomic(output, text)
    except OSError as exc:
        click.echo(f"Ошибка: отчёт не записать в «{output}»: {os_reason(exc)}", err=True)
        sys.exit(2)


@click.command(cls=ru.Command)
@click.argument("code", required=False)
@click.option(
    "--markdown", is_flag=True, help="Вывести документацию правил в Markdown (docs/rules.md)."
)
def rules(code: str | None, markdown: bool) -> None:
    """Список правил проверки: код, имя, уровень, описание; с CODE — правило целиком."""
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
