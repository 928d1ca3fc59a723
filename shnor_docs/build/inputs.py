"""The hash of a build's inputs, and whether a build folder is still current.

The hash covers exactly what the build loaded, as it loaded it: the bytes of every spec file
the loader parsed (``programme.yaml`` and its includes, wherever they lie in the folder), the
bytes of every template read (the programme's own and the defaults), the formats, and the
versions of shnor_docs and of the libraries that shape the documents. Files the build does not
read are not read for the hash either: a 4 GB video beside the spec costs nothing.

The build record also lists what was read: the spec files as ``programme.yaml`` and the
includes name them, and the programme's own template folder. So a rebuild decides whether a
folder is current from the record alone (:func:`current_without_loading`): it reads those files
again, finds the templates as a build would, and hashes them, with the standard library only —
no YAML parsed, no model built, nothing heavy imported. A changed included file changes the
hash as surely as a changed ``programme.yaml``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import sys
import zlib
from functools import cache
from pathlib import Path

from shnor_docs import __version__
from shnor_docs.build.record import RECORD, check_holds, files_intact, read_record

TYPE_CHECKING = False  # typing costs a no-change rebuild its import
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

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


def template_kinds(formats: Iterable[str]) -> tuple[str, ...]:
    """Which templates ``formats`` need: DOCX for docx and pdf, HTML for html."""
    chosen = set(formats)
    return tuple(k for k, need in (("docx", {"docx", "pdf"}), ("html", {"html"})) if chosen & need)


@cache
def dependency_versions() -> dict[str, str]:
    """Versions of the libraries that shape the output, of Python and of zlib (it compresses
    the DOCX zip: another zlib, other bytes)."""
    installed = _installed()
    found = {name: installed.get(_normal(name)) or _metadata_version(name) for name in DEPENDENCIES}
    found["python"] = sys.version.split()[0]
    found["zlib"] = zlib.ZLIB_RUNTIME_VERSION
    return found


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _installed() -> dict[str, str]:
    """Distribution → version, from the names of the ``*.dist-info`` folders on ``sys.path``
    (the first wins, as for imports). Reading them costs a directory listing, where
    ``importlib.metadata`` would import the e-mail parser and read every METADATA file."""
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            stem = name.removesuffix(".dist-info")
            if stem != name and stem.count("-") == 1:
                dist, version = stem.split("-")
                found.setdefault(_normal(dist), version)
    return found


def _metadata_version(name: str) -> str:
    """The version as ``importlib.metadata`` finds it (an egg-info install); «-» if none."""
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


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


def is_current(
    target: Path, key: str, folder: Path, strict: bool = False
) -> dict[str, Any] | None:
    """The record of a build folder made from these very inputs, with every file it wrote
    intact, whose check findings still hold (:func:`~shnor_docs.build.record.check_holds`);
    None if the folder is not current. A record without what was read or what was found (an
    older one) is written anew, once."""
    if not _plain_folder(target):
        return None
    record = read_record(target / RECORD)
    if record is None or record.get("inputs") != key or "read" not in record:
        return None
    return _holding(target, record, folder, strict)


def _holding(
    target: Path, record: dict[str, Any], folder: Path, strict: bool, finder: Any = None
) -> dict[str, Any] | None:
    if check_holds(record, folder, strict, finder) and files_intact(target, record):
        return record
    return None


def read_list(opened: list[str], templates: str | None) -> dict[str, Any]:
    """What a build read, for its record: the spec files as named, the own template folder."""
    return {"specs": opened, "templates": templates}


def current_without_loading(
    folder: Path,
    target: Path,
    formats: Iterable[str],
    defaults: dict[Any, Any] | None = None,
    strict: bool = False,
    finder: Any = None,
) -> dict[str, Any] | None:
    """Whether the build folder ``target`` of the programme in ``folder`` is current, decided
    from its record: the files it lists are read and hashed again, nothing is parsed. Returns
    the record, as :func:`is_current`. Anything unexpected says «not current» (None), and the
    programme is built (or its error reported).

    ``defaults`` keeps the digests of the default templates between the programmes of one run
    (a programme without templates of its own reads only those), ``finder`` the settings files
    found (:class:`~shnor_docs.spec.settings_files.SettingsFinder`)."""
    if not _plain_folder(target) or not os.path.isdir(folder):
        return None  # a folder the loader would not find («prog/nowhere/..») is its error
    record = read_record(target / RECORD)
    read = record.get("read") if record else None
    if not isinstance(read, dict):
        return None
    specs, templates = read.get("specs"), read.get("templates")
    if not isinstance(specs, list) or not all(isinstance(s, str) for s in specs) or not specs:
        return None
    if templates is not None and not isinstance(templates, str):
        return None
    try:
        root = finder.resolved(folder) if finder is not None else folder.resolve()
        sources = _spec_digests(root, specs)
        kinds = template_kinds(formats)
        if templates is None and defaults is not None:
            if kinds not in defaults:
                defaults[kinds] = _template_digests(folder, None, kinds)
            found = defaults[kinds]
        else:
            found = _template_digests(folder, templates, kinds)
    except Exception:  # whatever it is, the build meets it again and reports it
        return None
    if sources is None or record.get("inputs") != input_key(sources, found, formats):
        return None
    return _holding(target, record, folder, strict, finder)


def _plain_folder(path: Path) -> bool:
    """A folder, not a link to one."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _spec_digests(root: Path, specs: list[str]) -> dict[str, str] | None:
    """The sha256 of each spec file, found as the loader finds it; None if one is gone or lies
    outside ``root`` (resolved). A file that is not a regular one raises OSError."""
    from shnor_docs.files import MAX_SPEC_BYTES, read_limited

    base = os.fspath(root)
    inside = base.rstrip("/") + "/"
    found = {}
    for name in specs:
        path = _resolved(base, name)
        if not path.startswith(inside):
            return None
        data = read_limited(path, MAX_SPEC_BYTES)
        if data is None:
            return None
        found[path[len(inside):]] = hashlib.sha256(data).hexdigest()
    return dict(sorted(found.items()))


def _resolved(root: str, name: str) -> str:
    """``root/name`` resolved as the loader resolves it; a plain file name that is no link
    needs no walk through the path (``root`` is resolved already)."""
    path = os.path.join(root, name)
    if "/" not in name and name not in (".", "..", ""):
        try:
            if not stat.S_ISLNK(os.lstat(path).st_mode):
                return path
        except OSError:
            return path  # missing: reading it says so
    return os.path.realpath(path)


def _template_digests(folder: Path, templates: str | None, kinds: tuple[str, ...]) -> dict:
    from shnor_docs.render.template_files import read_templates

    return read_templates(folder, templates, kinds).digests()
