"""Finding templates: a programme's own folder overrides the defaults file by file.

A :class:`TemplateSet` is a snapshot. Every template a build may use is read once, from inside
its folder only, checked and hashed; rendering then works on those very bytes. So a link out of
the programme is never followed, a DOCX template that is a zip bomb or links outside is refused
before python-docx opens it, and the input hash of a build is the hash of what it rendered.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, TemplateNotFound

from shnor_docs.files import os_reason, read_limited
from shnor_docs.model import Spec
from shnor_docs.render.docx_guard import check_template
from shnor_docs.render.errors import TemplateError
from shnor_docs.text import clip

__all__ = ["DEFAULTS", "DOCX_NAMES", "Template", "TemplateError", "TemplateSet"]

DOCX_NAMES = ("prikaz.docx",)  # the act's template; appendices are built, not templated
MAX_FILE = 50 * 2**20  # one template file as stored
MAX_HTML_FILES = 500


def _defaults() -> Path:
    """The default templates, shipped inside the package (one code path for every install)."""
    return Path(os.fspath(resources.files("shnor_docs").joinpath("templates")))


DEFAULTS = _defaults()


@dataclass(frozen=True)
class Template:
    """A DOCX template as read: its name and bytes."""

    name: str
    data: bytes

    def open(self) -> io.BytesIO:
        return io.BytesIO(self.data)


class TemplateSet:
    """The templates of a programme, read once: its own folder first, then the defaults.

    ``kinds`` says which are read: ``docx`` (the DOCX templates, checked by
    :mod:`shnor_docs.render.docx_guard`) and ``html`` (every file of the HTML folders).
    """

    def __init__(
        self, spec: Spec, defaults: Path = DEFAULTS, kinds: tuple[str, ...] = ("docx", "html")
    ) -> None:
        self.defaults = defaults
        self.own = _own_folder(spec)
        self._docx = {name: self._load_docx(name) for name in DOCX_NAMES} if "docx" in kinds else {}
        self._html: dict[str, bytes] = {}
        self._blocked: set[str] = set()
        if "html" in kinds:
            self._load_html()

    def find(self, name: str) -> Template:
        """The DOCX template ``name``, as read and checked."""
        if name not in self._docx:
            raise TemplateError(name, "шаблон не найден", "T004")
        return self._docx[name]

    def loader(self) -> BaseLoader:
        """A jinja2 loader serving the HTML templates from memory."""
        return _Snapshot(self._html, self._blocked)

    def html_key(self) -> tuple[Any, ...]:
        """What the HTML templates are: their names, digests and the names kept out; equal keys
        serve equal templates."""
        found = tuple((name, _sha(data)) for name, data in sorted(self._html.items()))
        return found, tuple(sorted(self._blocked))

    def digests(self) -> dict[str, str]:
        """The sha256 of every template read, by kind and name."""
        found = {f"docx/{t.name}": _sha(t.data) for t in self._docx.values()}
        found |= {f"html/{name}": _sha(data) for name, data in self._html.items()}
        return dict(sorted(found.items()))

    def _load_docx(self, name: str) -> Template:
        own = _inside(self.own, self.own / name) if self.own is not None else None
        data = _read(own or self.defaults / name, name)
        if data is None:
            looked = [self.own / name] if self.own is not None else []
            places = ", ".join(str(p) for p in [*looked, self.defaults / name])
            raise TemplateError(name, f"шаблон не найден; искали: {places}", "T004")
        check_template(data, name)
        return Template(name, data)

    def _load_html(self) -> None:
        folders = [self.defaults / "html"]
        if self.own is not None and os.path.lexists(self.own / "html"):
            own_html = _inside(self.own, self.own / "html", folder=True)
            if own_html is None:
                raise TemplateError(
                    clip(self.own.name) + "/html",
                    "папка HTML-шаблонов должна лежать внутри папки шаблонов программы "
                    "(символическая ссылка наружу не читается)",
                    "T004",
                )
            folders.append(own_html)
        for folder in folders:  # the programme's own files replace the defaults
            for name, path in _files(folder):
                target = _inside(folder, path)
                data = _read(target, name) if target is not None else None
                if data is None:
                    self._blocked.add(name)
                    self._html.pop(name, None)
                else:
                    self._blocked.discard(name)
                    self._html[name] = data


def _own_folder(spec: Spec) -> Path | None:
    if not spec.templates:
        return None
    root = spec.folder.resolve()
    folder = _inside(root, spec.folder / spec.templates, folder=True)
    if folder is None:
        looked = clip((spec.folder / spec.templates).resolve(), 120)
        raise TemplateError(
            clip(spec.templates, 80),
            f"папка шаблонов должна лежать внутри папки программы (искали: {looked})",
            "T004",
        )
    return folder


def _inside(root: Path, path: Path, folder: bool = False) -> Path | None:
    """``path`` resolved, if it lies inside ``root`` and is a folder (or a file); else None."""
    try:
        target = path.resolve()
        kind_ok = target.is_dir() if folder else target.is_file()
    except (OSError, ValueError):
        return None
    return target if kind_ok and target.is_relative_to(root.resolve()) else None


def _files(folder: Path) -> list[tuple[str, Path]]:
    found = []
    for base, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            path = Path(base, name)
            found.append((path.relative_to(folder).as_posix(), path))
    if len(found) > MAX_HTML_FILES:
        raise TemplateError(
            clip(folder.name), f"в папке HTML-шаблонов больше {MAX_HTML_FILES} файлов", "T006"
        )
    return found


def _read(path: Path | None, name: str) -> bytes | None:
    """The bytes of a regular file, at most :data:`MAX_FILE`; None if it is missing or is no
    regular file (a FIFO is never waited on)."""
    if path is None:
        return None
    try:
        data = read_limited(path, MAX_FILE)
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.EINVAL):
            return None
        raise TemplateError(name, f"шаблон не читается: {os_reason(exc)}", "T004") from None
    if data is None:
        raise TemplateError(
            name, f"файл шаблона больше {MAX_FILE // 2**20} МБ: это не шаблон", "T006"
        )
    return data


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _Snapshot(BaseLoader):
    """HTML templates from memory; a name linked out of its folder is not found."""

    def __init__(self, sources: dict[str, bytes], blocked: set[str]) -> None:
        self.sources = sources
        self.blocked = blocked

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Any]:
        data = self.sources.get(template)
        if data is None or template in self.blocked:
            raise TemplateNotFound(template)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise TemplateError(template, "шаблон не в кодировке UTF-8", "T006") from None
        return text, template, lambda: True
