"""Command-line interface: parse options, call the library, set the exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from shnor_docs import __version__, cli_ru

PROGRAMMES = Path("programmes")
SCHEMA = Path("schemas/programme.schema.json")
EXIT_LOAD = 2

cli_ru.install()

CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group(cls=cli_ru.Group, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", message="shnor_docs %(version)s")
def cli() -> None:
    """shnor — документы программ поддержки ШНОР и ШНСУ из YAML-спецификаций.

    Программа описывается в папке programmes/<имя>/programme.yaml; команды проверяют её и
    собирают приказ, паспорт программы, таблицу показателей и дорожную карту.
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[ПУТЬ]...")
def validate(paths: tuple[Path, ...]) -> None:
    """Проверить спецификации программ (по умолчанию все в programmes/)."""
    from shnor_docs.errors import SpecError
    from shnor_docs.load import find_programmes, load_programme

    folders = find_programmes(list(paths) or [PROGRAMMES])
    if not folders:
        raise click.UsageError("не найдено ни одной программы (programmes/<имя>/programme.yaml)")
    failed = 0
    for folder in folders:
        try:
            spec = load_programme(folder)
        except SpecError as exc:
            failed += 1
            for problem in exc.problems:
                click.echo(str(problem))
            continue
        click.echo(f"{folder}: спецификация верна ({_summary(spec)})")
    if failed:
        click.echo(f"Ошибки в {failed} из {len(folders)} программ.", err=True)
        sys.exit(EXIT_LOAD)


def _summary(spec) -> str:
    activities = len(spec.roadmap.activities()) if spec.roadmap else 0
    prog = spec.programme
    return (
        f"задач: {len(prog.tasks)}, показателей: {len(prog.indicators)}, мероприятий: {activities}"
    )


@cli.command()
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
    from shnor_docs.schema import schema_text

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


@cli.command()
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
    from shnor_docs.init import create_programme

    try:
        path = create_programme(base, slug)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"Создана программа: {path}")
    click.echo(f"Проверьте её: shnor validate {path.parent}")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[ПУТЬ]...")
@click.option(
    "--format",
    "formats",
    default="docx,html",
    show_default=True,
    metavar="ФОРМАТЫ",
    help="Через запятую: docx, html, pdf (pdf — через LibreOffice).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("build"),
    show_default=True,
    help="Папка для результатов: <out>/<имя программы>/.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Сколько программ собирать параллельно (процессов).",
)
@click.option("--force", is_flag=True, help="Собирать и неизменившиеся программы.")
@click.option(
    "--shard",
    metavar="K/N",
    help="Только K-я из N устойчивых частей программ (для параллельных задач CI).",
)
def build(
    paths: tuple[Path, ...], formats: str, out: Path, jobs: int, force: bool, shard: str | None
) -> None:
    """Собрать документы программ (по умолчанию всех в programmes/).

    В build/<имя>/ появляются prikaz.docx (приказ со всеми приложениями), pasport.docx,
    pokazateli.docx, dorozhnaya-karta.docx и index.html. Сборка атомарна: при ошибке прежние
    файлы остаются на месте. Неизменившиеся программы (та же спецификация, шаблоны и версия)
    пропускаются.
    """
    import functools
    import time

    from shnor_docs.build import FORMATS, OutputError, build_one, run_all
    from shnor_docs.build.output import prepare
    from shnor_docs.build.progress import clear_progress, progress

    chosen = {f.strip().lower() for f in formats.split(",") if f.strip()}
    unknown = chosen - set(FORMATS)
    if unknown or not chosen:
        raise click.UsageError(
            f"неизвестный формат: {', '.join(sorted(unknown)) or '—'}; "
            f"допустимы: {', '.join(FORMATS)}"
        )
    folders = _selected(paths, shard)
    try:
        prepare(out, [f for f in folders if f.is_dir()])
    except OutputError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_LOAD)
    start = time.perf_counter()
    work = functools.partial(build_one, out=out, formats=chosen, force=force)
    outcomes = run_all(folders, work, jobs, progress(len(folders)))
    clear_progress()
    for outcome in outcomes:
        for line in outcome.lines:
            click.echo(line)
    counts = {s: sum(o.status == s for o in outcomes) for s in ("built", "unchanged", "failed")}
    click.echo(
        f"Собрано: {counts['built']}, без изменений: {counts['unchanged']}, "
        f"с ошибками: {counts['failed']} ({time.perf_counter() - start:.1f} с)",
        err=True,
    )
    if counts["failed"]:
        sys.exit(EXIT_LOAD)


def _selected(paths: tuple[Path, ...], shard: str | None) -> list[Path]:
    from shnor_docs.load import find_programmes

    folders = find_programmes(list(paths) or [PROGRAMMES])
    if not folders:
        raise click.UsageError("не найдено ни одной программы (programmes/<имя>/programme.yaml)")
    return _in_shard(folders, shard)


def _as_of(text: str | None):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text) if text else dt.date.today()
    except ValueError:
        raise click.BadParameter(
            f"«{text}»: ожидается дата ГГГГ-ММ-ДД", param_hint="--as-of"
        ) from None


def _in_shard(folders: list[Path], shard: str | None) -> list[Path]:
    if shard is None:
        return folders
    from shnor_docs.build.region import in_shard, parse_shard

    try:
        part = parse_shard(shard)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    return [f for f in folders if in_shard(f, part)]


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[ПУТЬ]...")
@click.option(
    "--as-of",
    "as_of",
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
    as_of: str | None,
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
    from shnor_docs.checks.runner import check_programmes
    from shnor_docs.config import programme_folders, select_codes
    from shnor_docs.report import render

    day = _as_of(as_of)
    try:
        chosen = select_codes(select) if select else None
        skipped = select_codes(ignore)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    folders, missing = programme_folders(list(paths) or [PROGRAMMES])
    if missing:
        raise click.UsageError(f"путь не найден: {missing[0]}")
    if not folders and not paths:
        raise click.UsageError("не найдено ни одной программы (programmes/<имя>/programme.yaml)")
    folders = _in_shard(folders, shard)
    report = check_programmes(folders, day, chosen, skipped, strict)
    colour = (
        fmt == "text" and output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    text = render(report, fmt, colour)
    if output is not None:
        from shnor_docs.files import write_text_atomic

        write_text_atomic(output, text)
    else:
        click.echo(text, nl=False, color=colour or None)
    sys.exit(report.exit_code())


@cli.command()
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


@cli.command()
@click.option("--markdown", is_flag=True, help="Таблица Markdown (для README).")
def errors(markdown: bool) -> None:
    """Перечислить коды ошибок загрузки, шаблонов и сборки."""
    from shnor_docs.errors import BUILD_CODES, CODES, codes_markdown

    if markdown:
        click.echo(codes_markdown(), nl=False)
        return
    for code, text in {**CODES, **BUILD_CODES}.items():
        click.echo(f"{code}  {text}")


def main() -> None:
    """Entry point: run the CLI; an unexpected failure is reported without a traceback."""
    try:
        cli.main(prog_name="shnor", standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:
        if os.environ.get("SHNOR_DEBUG"):
            raise
        click.echo(
            f"внутренняя ошибка shnor_docs ({type(exc).__name__}: {exc}); "
            "повторите с SHNOR_DEBUG=1 и сообщите разработчикам",
            err=True,
        )
        sys.exit(3)
