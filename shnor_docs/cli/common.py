"""What the commands share: the default places, finding programme folders, parsing options."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from shnor_docs.spec.folders import PROGRAMMES

if TYPE_CHECKING:
    from shnor_docs.checks.results import Result

SCHEMAS = Path("schemas")
EXIT_FINDINGS, EXIT_LOAD = 1, 2
NO_PROGRAMMES = "не найдено ни одной программы (programmes/<имя>/programme.yaml)"
EXIT_CODES = (
    "Коды выхода: 0 — замечаний нет; 1 — есть ошибки (с --strict — и предупреждения); "
    "2 — спецификацию не удалось загрузить, программ нет или команда вызвана неверно; "
    "3 — внутренняя ошибка shnor."
)


def selected(paths: tuple[Path, ...], shard: str | None) -> list[Path]:
    """Programme folders named on the command line (or all in programmes/), in the shard."""
    from shnor_docs.spec.folders import find_programmes

    folders = find_programmes(list(paths) or [PROGRAMMES])
    if not folders:
        raise click.UsageError(NO_PROGRAMMES)
    return in_shard(folders, shard)


def targets(paths: tuple[Path, ...]) -> tuple[list[Path], list[Result]]:
    """Programme folders named by ``paths`` (all in programmes/ by default), and a coded S002
    result for each path that is missing or is a folder holding no programme. Files outside
    any programme are skipped: pre-commit passes every changed file."""
    from shnor_docs.checks.results import Result
    from shnor_docs.errors import Problem
    from shnor_docs.location import Location, display_path
    from shnor_docs.spec.folders import find_programmes, programme_folders

    folders, missing = programme_folders(list(paths) or [PROGRAMMES])
    empty = [p for p in (paths or (PROGRAMMES,)) if p.is_dir() and not find_programmes([p])]
    bad = []
    for path in [*missing, *empty]:
        shown = display_path(path)
        why = ("путь не найден" if path in missing else
               "в папке нет программ: ни programme.yaml, ни <имя>/programme.yaml")
        bad.append(Result(shown, problems=[Problem(Location(shown), "S002", why)]))
    return folders, bad


def as_of(text: str | None) -> dt.date:
    """The --as-of date, today by default."""
    try:
        return dt.date.fromisoformat(text) if text else dt.date.today()
    except ValueError:
        raise click.BadParameter(
            f"«{text}»: ожидается дата ГГГГ-ММ-ДД", param_hint="--as-of"
        ) from None


def in_shard(folders: list[Path], shard: str | None) -> list[Path]:
    """Only the K-th of N stable parts of the folders (``--shard K/N``)."""
    if shard is None:
        return folders
    from shnor_docs.spec.folders import in_shard as keep
    from shnor_docs.spec.folders import parse_shard

    try:
        part = parse_shard(shard)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    return [f for f in folders if keep(f, part)]


def deadline_wordings(codes: list[str]) -> None:
    """After a run with unparsed deadlines (S030), the accepted wordings, once."""
    if "S030" in codes:
        from shnor_docs.deadlines import ACCEPTED_FORMS

        click.echo(f"\nПринятые формулировки сроков:\n{ACCEPTED_FORMS}")


def root_of(option: Path | None, folders: list[Path]) -> Path:
    """Where paths in reports start: ``--root``; else the git top level of the programmes (or of
    the working directory); else the working directory."""
    from shnor_docs.files import repository_root

    if option is not None:
        return option.resolve()
    for start in (*folders[:1], Path.cwd()):
        found = repository_root(start)
        if found is not None:
            return found
    return Path.cwd().resolve()


def colour_wanted(stream: IO[Any]) -> bool:
    """Colour on a terminal, as the conventions say: a non-empty ``NO_COLOR`` turns it off, a
    non-empty ``FORCE_COLOR`` on (even into a file or pipe), ``TERM=dumb`` off."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def report_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """``--root``, ``--quiet`` and ``--verbose``, shared by check and validate."""
    function = click.option(
        "-v", "--verbose", is_flag=True, help="Подробнее: каждая программа и её настройки."
    )(function)
    function = click.option(
        "-q", "--quiet", is_flag=True,
        help="Только замечания: без итоговой строки и без сообщений о верных программах.",
    )(function)
    return click.option(
        "--root", type=click.Path(path_type=Path, file_okay=False), metavar="ПАПКА",
        help="От какой папки считать пути в отчёте (по умолчанию — корень репозитория git).",
    )(function)


def write_summary(text: str) -> None:
    """Append a Markdown summary to the page of a GitHub Actions job, when there is one."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(text)
