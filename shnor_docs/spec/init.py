"""``shnor init``: a new programme folder whose comments teach the format."""

from __future__ import annotations

import datetime as dt
import os
import re
from importlib import resources
from pathlib import Path

from shnor_docs.files import os_reason, repository_root, write_text_atomic
from shnor_docs.spec.folders import SPEC_FILE
from shnor_docs.spec.schema import PROGRAMME_SCHEMA, SCHEMA_FILES, schema_text
from shnor_docs.text import quote

SCHEMAS = "schemas"

_SLUG = re.compile(r"[a-z0-9][a-z0-9_\-]{0,99}")


def create_programme(base: Path, slug: str) -> tuple[Path, list[Path]]:
    """Create ``base/slug/programme.yaml`` from the teaching template; never overwrite.

    Its first line points the editor at ``schemas/programme.schema.json`` of the repository
    (or of the working directory outside git); missing schemas are written, so that the line
    never points at nothing. Returns the spec and the schema files written.

    Every refusal is a ValueError with a Russian message: a bad name (also one with a trailing
    newline, which ``$`` of a regular expression lets through), a place that is a file, a
    file that cannot be written.
    """
    if not _SLUG.fullmatch(slug):
        raise ValueError(
            f"имя программы {quote(slug, 60)} недопустимо: строчные латинские буквы, цифры, "
            "«-» и «_», не длиннее 100 знаков"
        )
    target = base / slug / SPEC_FILE
    for folder in (base, target.parent):
        if os.path.lexists(folder) and not folder.is_dir():
            raise ValueError(f"«{folder}» — файл, а не папка: программу туда не положить")
    if os.path.lexists(target):
        raise ValueError(f"программа уже существует: {target}")
    text = resources.files("shnor_docs.spec").joinpath("init_template.yaml").read_text("utf-8")
    schemas = (repository_root(base.parent if not base.exists() else base) or Path.cwd()) / SCHEMAS
    rel = _relative(schemas / PROGRAMME_SCHEMA, target.parent)
    today = dt.date.today()
    year = today.year + 1  # a new programme is planned for the coming year
    values = {"schema": rel, "today": today.isoformat(), "year": year, "next": year + 1,
              "prev": year - 1}
    written = []
    try:
        write_text_atomic(target, _fill(text, values))
        for name in SCHEMA_FILES:
            if not (schemas / name).exists():
                write_text_atomic(schemas / name, schema_text(name))
                written.append(schemas / name)
    except OSError as exc:
        raise ValueError(f"файл не записать ({exc.filename or target}): {os_reason(exc)}") \
            from None
    return target, written


def _fill(text: str, values: dict[str, object]) -> str:
    """Replace {name} placeholders; «{{» and «}}» stand for literal braces."""
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text.replace("{{", "{").replace("}}", "}")


def _relative(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()
