"""Commands about programme specs: validate, schema, init, errors."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from shnor_docs.cli import ru
from shnor_docs.cli.common import (
    EXIT_LOAD,
    NO_PROGRAMMES,
    PROGRAMMES,
    SCHEMA,
    deadline_wordings,
)


@click.command(cls=ru.Command)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[ПУТЬ]...")
def validate(paths: tuple[Path, ...]) -> None:
    """Проверить спецификации программ (по умолчанию все в programmes/)."""
    from shnor_docs.errors import SpecError
    from shnor_docs.spec.folders import find_programmes
    from shnor_docs.spec.load import load_programme

    folders = find_programmes(list(paths) or [PROGRAMMES])
    if not folders:
        raise click.UsageError(NO_PROGRAMMES)
    failed = 0
    codes: list[str] = []
    for folder in folders:
        try:
            spec = load_programme(folder)
        except SpecError as exc:
            failed += 1
            for problem in exc.problems:
                click.echo(str(problem))
                codes.append(problem.code)
            continue
        click.echo(f"{folder}: спецификация верна ({_summary(spec)})")
    deadline_wordings(codes)
    if failed:
        click.echo(f"Ошибки в {failed} из {len(folders)} программ.", err=True)
        sys.exit(EXIT_LOAD)


def _summary(spec) -> str:
    activities = len(spec.roadmap.activities()) if spec.roadmap else 0
    prog = spec.programme
    return (
        f"задач: {len(prog.tasks)}, показателей: {len(prog.indicators)}, мероприятий: {activities}"
    )


@click.command(cls=ru.Command)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=SCHEMA,
    show_default=True,
    help="Куда записать JSON Schema.",
)
@click.option("--check", is_flag=True, help="Только проверить, что файл схемы актуален.")
def schema(out: Path, check: bool) -> None:
    """Записать JSON Schema спецификации (для подсказок в редакторе)."""
    from shnor_docs.files import write_text_atomic
    from shnor_docs.spec.schema import schema_text

    text = schema_text()
    if check:
        current = out.read_text(encoding="utf-8") if out.is_file() else ""
        if current != text:
            click.echo(f"{out}: схема устарела; выполните «shnor schema»", err=True)
            sys.exit(1)
        click.echo(f"{out}: схема актуальна")
        return
    write_text_atomic(out, text)
    click.echo(f"Схема записана: {out}")


@click.command(cls=ru.Command)
@click.argument("slug", metavar="ИМЯ")
@click.option(
    "--dir",
    "base",
    type=click.Path(path_type=Path),
    default=PROGRAMMES,
    show_default=True,
    help="Папка с программами.",
)
def init(slug: str, base: Path) -> None:
    """Создать новую программу SLUG с учебными комментариями."""
    from shnor_docs.spec.init import create_programme

    try:
        path = create_programme(base, slug)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"Создана программа: {path}")
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
