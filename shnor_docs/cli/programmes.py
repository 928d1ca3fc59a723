"""Commands about programme specs: validate, schema, init, errors."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from shnor_docs.cli import ru
from shnor_docs.cli.common import EXIT_LOAD, PROGRAMMES, SCHEMAS, report_options


@click.command(cls=ru.Command, epilog="Коды выхода: 0 — спецификации верны; 2 — есть ошибки "
               "или программ нет; 3 — внутренняя ошибка shnor.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[ПУТЬ]...")
@click.option(
    "--format", "fmt", default="text", show_default=True,
    type=click.Choice(["text", "json", "github", "sarif"]),
    help="Формат: text — для человека; github — аннотации GitHub Actions; sarif — SARIF 2.1.0; "
    "json.",
)
@report_options
def validate(paths: tuple[Path, ...], fmt: str, root: Path | None, quiet: bool,
             verbose: bool) -> None:
    """Проверить спецификации программ (по умолчанию все в programmes/): YAML, поля, ссылки,
    сроки и настройки проверок (checks:).

    ПУТЬ — папки программ, их файлы или папка с программами.
    """
    from shnor_docs.checks.config import RepoConfigs
    from shnor_docs.checks.results import Report, Result
    from shnor_docs.checks.runner import load_for_check
    from shnor_docs.cli.check import emit
    from shnor_docs.cli.common import root_of, targets
    from shnor_docs.errors import SpecError
    from shnor_docs.location import display_path

    folders, results = targets(paths)
    repo, summaries = RepoConfigs(), {}
    for folder in folders:
        shown = display_path(folder)
        try:
            spec, settings = load_for_check(folder, repo)
        except SpecError as exc:
            results.append(Result(shown, problems=list(exc.problems)))
            continue
        results.append(Result(shown, levels=settings.levels, settings=settings.source))
        summaries[shown] = _summary(spec)
    report = Report(results, dt.date.today())
    starts = folders or list(paths)
    if fmt != "text":
        sys.exit(emit(report, fmt, None, root, quiet, verbose, starts, "shnor validate"))
    _validate_text(report, summaries, root_of(root, starts), quiet, verbose)


def _validate_text(report, summaries: dict[str, str], root: Path, quiet: bool,
                   verbose: bool) -> None:
    shown = report.rebased(root)
    for before, result in zip(report.results, shown.results, strict=True):
        for problem in result.problems:
            click.echo(str(problem))
        if result.loaded and not quiet:
            extra = f"; настройки репозитория: {result.settings}" if verbose and result.settings \
                else ""
            click.echo(f"{result.programme}: спецификация верна "
                       f"({summaries[before.programme]}{extra})")
    failed = sum(1 for r in report.results if not r.loaded)
    if failed:
        click.echo(f"Ошибки в {failed} из {_of_programmes(len(report.results))}.", err=True)
        sys.exit(EXIT_LOAD)


def _of_programmes(count: int) -> str:
    """«из 1 программы», «из 2 программ», «из 21 программы» (genitive after «из»)."""
    one = count % 10 == 1 and count % 100 != 11
    return f"{count} {'программы' if one else 'программ'}"


def _summary(spec) -> str:
    activities = len(spec.roadmap.activities()) if spec.roadmap else 0
    prog = spec.programme
    return (
        f"задач: {len(prog.tasks)}, показателей: {len(prog.indicators)}, мероприятий: {activities}"
    )


@click.command(cls=ru.Command)
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=SCHEMAS,
    show_default=True,
    metavar="ПАПКА",
    help="Куда записать схемы: programme.schema.json и included.schema.json.",
)
@click.option("--check", is_flag=True, help="Только проверить, что файлы схем актуальны.")
def schema(out: Path, check: bool) -> None:
    """Записать JSON Schema спецификации (для подсказок в редакторе): programme.schema.json —
    для programme.yaml, included.schema.json — для включаемых файлов."""
    from shnor_docs.files import write_text_atomic
    from shnor_docs.spec.schema import SCHEMA_FILES, schema_text

    stale = []
    for name in SCHEMA_FILES:
        path, text = out / name, schema_text(name)
        if check:
            current = path.read_text(encoding="utf-8") if path.is_file() else ""
            if current != text:
                stale.append(path)
            continue
        write_text_atomic(path, text)
        click.echo(f"Схема записана: {path}")
    for path in stale:
        click.echo(f"{path}: схема устарела; выполните «shnor schema»", err=True)
    if stale:
        sys.exit(1)
    if check:
        click.echo(f"{out}: схемы актуальны")


@click.command(cls=ru.Command)
@click.argument("slug", metavar="ИМЯ")
@click.option(
    "--dir",
    "base",
    type=click.Path(path_type=Path, file_okay=False),
    default=PROGRAMMES,
    show_default=True,
    metavar="ПАПКА",
    help="Папка с программами.",
)
def init(slug: str, base: Path) -> None:
    """Создать новую программу ИМЯ с учебными комментариями (и схемы для редактора, если их
    ещё нет в папке schemas/ репозитория)."""
    from shnor_docs.spec.init import create_programme

    try:
        path, schemas = create_programme(base, slug)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"Создана программа: {path}")
    for written in schemas:
        click.echo(f"Схема записана: {written}")
    click.echo(f"Проверьте её: shnor validate {path.parent}")


@click.command(cls=ru.Command)
@click.option("--markdown", is_flag=True, help="Таблица Markdown (для README).")
def errors(markdown: bool) -> None:
    """Перечислить коды ошибок загрузки, шаблонов, сборки и импорта."""
    from shnor_docs.errors import all_codes, codes_markdown

    if markdown:
        click.echo(codes_markdown(), nl=False)
        return
    for code, text in all_codes().items():
        click.echo(f"{code}  {text}")
