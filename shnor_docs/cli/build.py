"""``shnor build``: the documents of one programme or of a whole region."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from shnor_docs.cli import ru
from shnor_docs.cli.common import EXIT_FINDINGS, EXIT_LOAD, deadline_wordings, selected
from shnor_docs.cli.quick import (
    DEFAULT_FORMATS,
    DEFAULT_OUT,
    MAX_JOBS,
    stopped_message,
    summary,
)


@click.command(cls=ru.Command)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[ПУТЬ]...")
@click.option(
    "--format",
    "formats",
    default=DEFAULT_FORMATS,
    show_default=True,
    metavar="ФОРМАТЫ",
    help="Через запятую: docx, html, pdf (pdf — через LibreOffice).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path(DEFAULT_OUT),
    show_default=True,
    metavar="ПАПКА",
    help="Папка для результатов: <out>/<имя программы>/.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, MAX_JOBS),
    default=1,
    show_default=True,
    metavar="ЧИСЛО",
    help="Сколько программ собирать параллельно (процессов).",
)
@click.option("--force", is_flag=True, help="Собирать и неизменившиеся программы.")
@click.option(
    "--strict",
    is_flag=True,
    help="Не записывать документы программ, в которых shnor check находит ошибки.",
)
@click.option(
    "--shard",
    metavar="K/N",
    help="Только K-я из N устойчивых частей программ (для параллельных задач CI).",
)
def build(
    paths: tuple[Path, ...],
    formats: str,
    out: Path,
    jobs: int,
    force: bool,
    strict: bool,
    shard: str | None,
) -> None:
    """Собрать документы программ (по умолчанию всех в programmes/).

    В build/<имя>/ появляются prikaz.docx (приказ со всеми приложениями; у постановления —
    postanovlenie.docx, у распоряжения — rasporyazhenie.docx), каждое приложение отдельно
    (prilozhenie-1.docx …) и index.html. Сборка атомарна: при ошибке прежние файлы остаются на
    месте. Неизменившиеся программы (та же спецификация, шаблоны и версии) пропускаются.
    Собранные программы проверяются, как в shnor check: строка на программу с ошибками.
    Ошибка в одной программе не останавливает остальные (код выхода 2); Ctrl+C и сигнал
    остановки прерывают сборку вместе с её процессами (код 130 и 143).
    """
    from shnor_docs.build import FORMATS
    from shnor_docs.build.stop import Stopped, stoppable

    chosen = {f.strip().lower() for f in formats.split(",") if f.strip()}
    unknown = chosen - set(FORMATS)
    if unknown or not chosen:
        raise click.UsageError(
            f"неизвестный формат: {', '.join(sorted(unknown)) or '—'}; "
            f"допустимы: {', '.join(FORMATS)}"
        )
    folders = selected(paths, shard)
    try:
        with stoppable():
            _run(folders, out, chosen, jobs, force=force, strict=strict)
    except Stopped as exc:
        click.echo(stopped_message(exc), err=True)
        sys.exit(exc.exit_code)


def _run(
    folders: list[Path], out: Path, formats: set[str], jobs: int, *, force: bool, strict: bool
) -> None:
    import time

    from shnor_docs.build import OutputError
    from shnor_docs.build.batch import build_all
    from shnor_docs.build.output import prepare
    from shnor_docs.build.progress import clear_progress, progress

    try:
        prepare(out, [f for f in folders if f.is_dir()])
    except OutputError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_LOAD)
    start = time.perf_counter()
    outcomes = build_all(folders, out, formats, jobs, force, progress(len(folders)), strict)
    clear_progress()
    for outcome in outcomes:
        for line in outcome.lines:
            click.echo(line)
    click.echo(f"{summary(outcomes)} ({time.perf_counter() - start:.1f} с)", err=True)
    deadline_wordings([line.split(" ")[2] for o in outcomes for line in o.lines
                       if ": ошибка S030 " in line])
    if any(o.status == "failed" for o in outcomes):
        sys.exit(EXIT_LOAD)
    if any(o.status == "refused" for o in outcomes):
        sys.exit(EXIT_FINDINGS)

