"""``shnor import``: an order with its appendices from Word into a new programme folder."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from shnor_docs.cli import ru
from shnor_docs.cli.common import EXIT_FINDINGS, EXIT_LOAD


@click.command("import", cls=ru.Command)
@click.argument("source", type=click.Path(path_type=Path), metavar="ФАЙЛ")
@click.option(
    "--into",
    type=click.Path(path_type=Path),
    metavar="ПАПКА",
    help="Папка новой программы (по умолчанию programmes/<имя файла латиницей>).",
)
@click.option("--force", is_flag=True, help="Заменить существующую папку программы.")
def import_(source: Path, into: Path | None, force: bool) -> None:
    """Импортировать приказ (постановление, распоряжение) с приложениями из Word в спецификацию.

    Читает .docx (а .doc и .odt — через LibreOffice) и пишет папку программы: programme.yaml,
    parties.yaml, roadmap.yaml и import-report.md — что распознано, что нет и что проверить.
    Сомнительное помечено в YAML комментарием «# проверьте: …», ошибки самого документа —
    «# ДЕФЕКТ ИСХОДНОГО ДОКУМЕНТА: …» (их находит shnor check). Существующая папка
    заменяется только с --force; запись атомарна.
    """
    from shnor_docs.importing import ImportFailure, import_document
    from shnor_docs.importing.report import REPORT_FILE

    try:
        result = import_document(source, into, force)
    except ImportFailure as exc:
        click.echo(f"{source}: {exc}", err=True)
        sys.exit(EXIT_LOAD)
    click.echo(result.report.text())
    click.echo(f"Программа записана: {result.folder} (отчёт: {result.folder / REPORT_FILE})")
    if result.problems:
        for problem in result.problems:
            click.echo(f"{result.folder}/{problem}", err=True)
        click.echo("Спецификация не загружается: исправьте её по сообщениям выше.", err=True)
        sys.exit(EXIT_FINDINGS)
    click.echo(f"Проверьте её: shnor check {result.folder}; соберите: shnor build {result.folder}")
