"""The hash of a build's inputs, and whether a build folder is still current.

The hash covers exactly what the build loaded, as it loaded it: the bytes of every spec file
the loader parsed (``programme.yaml`` and its includes, wherever they lie in the folder), the
bytes of every template read (the programme's own and the defaults), the formats, and the
versions of shnor_docs and of the libraries that shape the documents. Files the build does not
read are not read for the hash either: a 4 GB video beside the spec costs nothing.
"""

from __future__ import annotations

import hashlib
import json
import platform
import zlib
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

from shnor_docs import __version__
from shnor_docs.build.record import RECORD, files_intact, read_record

#: Distributions whose version changes the documents (Markdown, declension, DOCX, YAML, zip).
DEPENDENCIES = (
    "docxtpl",
    "jinja2",
    "lxml",
    "markdown",
    "markupsafe",
    "petrovich",
    "pydantic",
    "pymorphy3",
    "pymorphy3-dicts-ru",
    "python-docx",
    "pyyaml",
)


@cache
def dependency_versions() -> dict[str, str]:
    """Versions of the libraries that shape the output, of Python and of zlib (it compresses
    the DOCX zip: another zlib, other bytes)."""
    found = {}
    for name in DEPENDENCIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "-"
    found["python"] = platform.python_version()
    found["zlib"] = zlib.ZLIB_RUNTIME_VERSION
    return found


def input_key(sources: dict[str, str], templates: dict[str, str], formats: Iterable[str]) -> str:
    """The hash of a build: spec files and templates as read (name → sha256), formats, versions."""
    payload = {
        "engine": __version__,
        "dependencies": dependency_versions(),
        "formats": sorted(formats),
        "sources": sources,
        "templates": templates,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()


def is_current(target: Path, key: str) -> bool:
    """A build folder made from these very inputs, with every file it wrote intact."""
    if target.is_symlink() or not target.is_dir():
        return False
    record = read_record(target / RECORD)
    return record is not None and record.get("inputs") == key and files_intact(target, record)
