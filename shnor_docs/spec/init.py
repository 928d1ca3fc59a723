"""``shnor init``: a new programme folder whose comments teach the format."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from pathlib import Path

from shnor_docs.files import write_text_atomic
from shnor_docs.spec.folders import SPEC_FILE

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")


def create_programme(base: Path, slug: str) -> Path:
    """Create ``base/slug/programme.yaml`` from the teaching template; never overwrite."""
    if not _SLUG.match(slug):
        raise ValueError(
            f"имя программы «{slug}» недопустимо: строчные латинские буквы, цифры, «-» и «_»"
        )
    target = base / slug / SPEC_FILE
    if target.exists():
        raise ValueError(f"программа уже существует: {target}")
    text = resources.files("shnor_docs.spec").joinpath("init_template.yaml").read_text("utf-8")
    schema = Path("schemas/programme.schema.json")
    rel = _relative(schema, target.parent)
    today = dt.date.today()
    year = today.year + 1  # a new programme is planned for the coming year
    values = {"schema": rel, "today": today.isoformat(), "year": year, "next": year + 1,
              "prev": year - 1}
    write_text_atomic(target, _fill(text, values))
    return target


def _fill(text: str, values: dict[str, object]) -> str:
    """Replace {name} placeholders; «{{» and «}}» stand for literal braces."""
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text.replace("{{", "{").replace("}}", "}")


def _relative(path: Path, start: Path) -> str:
    import os

    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()
