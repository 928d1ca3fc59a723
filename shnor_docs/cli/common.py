"""What the commands share: the default places, finding programme folders, parsing options."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

PROGRAMMES = Path("programmes")
SCHEMA = Path("schemas/programme.schema.json")
EXIT_FINDINGS, EXIT_LOAD = 1, 2
NO_PROGRAMMES = "не найдено ни одной программы (programmes/<имя>/programme.yaml)"


def selected(paths: tuple[Path, ...], shard: str | None) -> list[Path]:
    """Programme folders named on the command line (or all in programmes/), in the shard."""
    from shnor_docs.spec.folders import find_programmes

    folders = find_programmes(list(paths) or [PROGRAMMES])
    if not folders:
        raise click.UsageError(NO_PROGRAMMES)
    return in_shard(folders, shard)


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
