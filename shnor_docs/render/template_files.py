"""Which template files a build reads, and their bytes: a programme's own folder first, then the
defaults, file by file, never a file outside its folder.

Only the standard library: a build that finds its output current reads the templates again to
hash them (:mod:`shnor_docs.build.inputs`) without importing jinja2, python-docx or the model.
:class:`~shnor_docs.render.templates.TemplateSet` reads through the same functions.
"""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

from shnor_docs.files import os_reason, read_limited
from shnor_docs.render.errors import TemplateError
from shnor_docs.text import clip

DOCX_NAMES = ("prikaz.docx",)  # the act's template; appendices are built, not templated
MAX_FILE = 50 * 2**20  # one template file as stored
MAX_HTML_FILES = 500
#: The default templates, shipped inside the package (one code path for every install).
DEFAULTS = Path(__file__).resolve().parent.parent / "templates"


class Read:
    """The template files of a programme as read: DOCX and HTML by name, and the HTML names
    its own folder holds but that may not be read (a link out of the folder). A plain class:
    ``dataclasses`` would cost the no-change rebuild an import of ``inspect``."""

    def __init__(self) -> None:
        self.docx: dict[str, bytes] = {}
        self.html: dict[str, bytes] = {}
        self.blocked: set[str] = set()

    def digests(self) -> dict[str, str]:
        """The sha256 of every template read, by kind and name."""
        found = {f"docx/{name}": _sha(data) for name, data in self.docx.items()}
        found |= {f"html/{name}": _sha(data) for name, data in self.html.items()}
        return dict(sorted(found.items()))


def read_templates(
    folder: Path, templates: str | None, kinds: tuple[str, ...], defaults: Path = DEFAULTS
) -> Read:
    """The templates of the programme in ``folder`` (``templates``: its own folder, as the spec
    names it) of the given kinds (``docx``, ``html``)."""
    own = own_folder(folder, templates)
    found = Read()
    if "docx" in kinds:
        found.docx = {name: _docx(own, defaults, name) for name in DOCX_NAMES}
    if "html" in kinds:
        _html(found, own, defaults)
    return found


def own_folder(folder: Path, templates: str | None) -> Path | None:
    """The programme's own template folder, resolved; it must lie inside the programme."""
    if not templates:
        return None
    root = folder.resolve()
    found = inside(root, folder / templates, is_folder=True)
    if found is None:
        looked = clip((folder / templates).resolve(), 120)
        raise TemplateError(
            clip(templates, 80),
            f"папка шаблонов должна лежать внутри папки программы (искали: {looked})",
            "T004",
        )
    return found


def _docx(own: Path | None, defaults: Path, name: str) -> bytes:
    mine = inside(own, own / name) if own is not None else None
    data = _read(mine or defaults / name, name)
    if data is None:
        looked = [own / name] if own is not None else []
        places = ", ".join(str(p) for p in [*looked, defaults / name])
        raise TemplateError(name, f"шаблон не найден; искали: {places}", "T004")
    return data


def _html(found: Read, own: Path | None, defaults: Path) -> None:
    folders = [defaults / "html"]
    if own is not None and os.path.lexists(own / "html"):
        own_html = inside(own, own / "html", is_folder=True)
        if own_html is None:
            raise TemplateError(
                clip(own.name) + "/html",
                "папка HTML-шаблонов должна лежать внутри папки шаблонов программы "
                "(символическая ссылка наружу не читается)",
                "T004",
            )
        folders.append(own_html)
    for html in folders:  # the programme's own files replace the defaults
        for name, path in _files(html):
            target = inside(html, path)
            data = _read(target, name) if target is not None else None
            if data is None:
                found.blocked.add(name)
                found.html.pop(name, None)
            else:
                found.blocked.discard(name)
                found.html[name] = data


def inside(root: Path, path: Path, is_folder: bool = False) -> Path | None:
    """``path`` resolved, if it lies inside ``root`` and is a folder (or a file); else None."""
    try:
        target = path.resolve()
        kind_ok = target.is_dir() if is_folder else target.is_file()
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
