"""``shnor init``: a new programme folder whose comments teach the format."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from shnor_docs.load import SPEC_FILE
from shnor_docs.write import write_text_atomic

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
    text = resources.files("shnor_docs").joinpath("init_template.yaml").read_text("utf-8")
    schema = Path("schemas/programme.schema.json")
    rel = _relative(schema, target.parent)
    write_text_atomic(target, text.replace("{schema}", rel))
    return target


def _relative(path: Path, start: Path) -> str:
    import os

    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()
