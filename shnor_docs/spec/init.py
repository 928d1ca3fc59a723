"""``shnor init``: a new programme folder whose comments teach the format."""

from __future__ import annotations

import datetime as dt
import os
import re
from importlib import resources
from pathlib import Path

from shnor_docs.files import os_reason, write_text_atomic
from shnor_docs.spec.folders import SPEC_FILE
from shnor_docs.text import quote

_SLUG = re.compile(r"[a-z0-9][a-z0-9_\-]{0,99}")


def create_programme(base: Path, slug: str) -> Path:
    """Create ``base/slug/programme.yaml`` from the teaching template; never overwrite.

    Every refusal is a ValueError with a Russian message: a bad name (also one with a trailing
    newline, which ``$`` of a regular expression lets through), a place that is a file.
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
    schema = Path("schemas/programme.schema.json")
    rel = _relative(schema, target.parent)
    today = dt.date.today()
    year = today.year + 1  # a new programme is planned for the coming year
    values = {"schema": rel, "today": today.isoformat(), "year": year, "next": year + 1,
              "prev": year - 1}
    try:
        write_text_atomic(target, _fill(text, values))
    except OSError as exc:
        raise ValueError(f"файл «{target}» не записать: {os_reason(exc)}") from None
    return target


def _fill(text: str, values: dict[str, object]) -> str:
    """Replace {name} placeholders; «{{» and «}}» stand for literal braces."""
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text.replace("{{", "{").replace("}}", "}")


def _relative(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()
