"""``shnor amend``, ``shnor report``, ``shnor export``: the programme after its first order."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from shnor_docs.cli import ru
from shnor_docs.cli.common import EXIT_LOAD, as_of

OUT_HELP = "Папка для результатов: <out>/<имя программы>-<вид>/."


def _formats(text: str, allowed: tuple[str, ...]) -> frozenset[str]:
    chosen = frozenset(f.strip().lower() for f in text.split(",") if f.strip())
    if not chosen or chosen - set(allowed):
        raise click.UsageError(f"неизвестный формат: {text}; допустимы: {', '.join(allowed)}")
    return chosen


def _write(out: Path, name: str, sources: list[Path | None], files: dict[str, bytes]) -> Path:
    """Write the files as ``<out>/<name>`` safely (the build's own rules: never in or over any
    programme folder read, ``sources``), or exit with B0xx."""
    from shnor_docs.build.output import OutputError, check_out, write_build

    try:
        check_out(out, [source for source in sources if source is not None])
        return write_build(out, name, files, None)
    except OutputError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_LOAD)


def _fail(exc: Exception) -> None:
    """A coded error of loading or of git: the lines, then exit code 2."""
    click.echo(str(exc), err=True)
    sys.exit(EXIT_LOAD)


@click.command(cls=ru.Command)
@click.argument("path", required=False, type=click.Path(path_type=Path), metavar="[ПУТЬ]")
@click.option("--from", "rev_from", metavar="РЕВИЗИЯ", help="Ревизия git прежней редакции.")
@click.option("--to", "rev_to", metavar="РЕВИЗИЯ",
              help="Ревизия git новой редакции (по умолчанию — папка как она есть).")
@click.option("--from-dir", type=click.Path(path_type=Path), metavar="ПАПКА",
              help="Папка прежней редакции.")
@click.option("--to-dir", type=click.Path(path_type=Path), metavar="ПАПКА",
              help="Папка новой редакции.")
@click.option("--format", "fmt", default="docx,html", show_default=True, metavar="ФОРМАТЫ",
              help="Через запятую: docx, html.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("build"), metavar="ПАПКА",
              show_default=True, help=OUT_HELP)
def amend(path: Path | None, rev_from: str | None, rev_to: str | None, from_dir: Path | None,
          to_dir: Path | None, fmt: str, out: Path) -> None:
    """Приказ о внесении изменений между двумя редакциями программы и актуальная редакция.

    Редакции — ревизии git папки программы (--from, --to; без --to — папка как она есть) или
    две папки (--from-dir, --to-dir). Реквизиты нового приказа — последняя запись amendments
    новой редакции. В <out>/<имя>-izmeneniya/ появляются izmeneniya.docx и .html и актуальная
    редакция документов (redaktsiya-*.docx, redaktsiya.html) с отметками «(в ред. …)».
    """
    from shnor_docs.errors import SpecError
    from shnor_docs.life.amend import amend as run
    from shnor_docs.spec.revisions import HistoryError

    if (rev_from is None) == (from_dir is None):
        raise click.UsageError("укажите одно из: --from РЕВИЗИЯ или --from-dir ПАПКА")
    if from_dir is None and path is None:
        raise click.UsageError("укажите папку программы")
    try:
        done = run(path, rev_from, rev_to, from_dir, to_dir, _formats(fmt, ("docx", "html")))
    except (SpecError, HistoryError) as exc:
        _fail(exc)
    # both revisions' folders are sources: the old one given as a folder too
    target = _write(out, f"{done.slug}-izmeneniya", [to_dir or path, from_dir], done.files)
    click.echo(f"{done.summary()}; отметок в актуальной редакции: {done.notes}")
    click.echo(f"Записано: {target}")


@click.command(cls=ru.Command)
@click.argument("path", type=click.Path(path_type=Path), metavar="ПУТЬ")
@click.option("--as-of", "as_of_text", metavar="ГГГГ-ММ-ДД",
              help="Дата, по состоянию на которую составлена информация (по умолчанию сегодня).")
@click.option("--format", "fmt", default="docx,html", show_default=True, metavar="ФОРМАТЫ",
              help="Через запятую: docx, html.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("build"), metavar="ПАПКА",
              show_default=True, help=OUT_HELP)
def report(path: Path, as_of_text: str | None, fmt: str, out: Path) -> None:
    """Информация о ходе реализации плана мероприятий по состоянию на дату (DOCX и HTML).

    По каждому мероприятию — состояние (выполнено, выполняется, просрочено, не начато,
    отменено) и примечание; итоги по разделам и ответственным; показатели: план и факт по
    годам с диаграммой. Файлы — в <out>/<имя>-otchet/.
    """
    from shnor_docs.errors import SpecError
    from shnor_docs.spec.load import load_programme
    from shnor_docs.status.document import render_report

    day = as_of(as_of_text)
    try:
        spec = load_programme(path)
    except SpecError as exc:
        _fail(exc)
    files, totals = render_report(spec, day, _formats(fmt, ("docx", "html")))
    target = _write(out, f"{spec.slug}-otchet", [path], files)
    click.echo(totals)
    click.echo(f"Записано: {target}")


@click.command(cls=ru.Command)
@click.argument("path", type=click.Path(path_type=Path), metavar="ПУТЬ")
@click.option("--format", "fmt", required=True, type=click.Choice(["xlsx", "ics"]),
              help="xlsx — план мероприятий таблицей; ics — сроки в календарь.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("build"), metavar="ПАПКА",
              show_default=True, help=OUT_HELP)
def export(path: Path, fmt: str, out: Path) -> None:
    """Выгрузить план мероприятий: таблица XLSX или календарь сроков ICS.

    XLSX: раздел, номер, мероприятие, срок (датой, где он точный), начало и конец срока,
    ответственные, состояние. ICS: событие на каждый срок с напоминанием, общий календарь с
    категориями по ответственным и календарь каждого ответственного; постоянные UID — при
    повторном импорте события обновляются. Файлы — в <out>/<имя>-xlsx/ или <out>/<имя>-ics/.
    """
    from shnor_docs.errors import SpecError
    from shnor_docs.spec.load import load_programme

    try:
        spec = load_programme(path)
    except SpecError as exc:
        _fail(exc)
    if fmt == "xlsx":
        from shnor_docs.export.xlsx import export_xlsx as run
    else:
        from shnor_docs.export.ics import export_ics as run
    files, message = run(spec)
    target = _write(out, f"{spec.slug}-{fmt}", [path], files)
    click.echo(message)
    click.echo(f"Записано: {target}")
