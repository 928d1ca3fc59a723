"""Finding templates: a programme's own folder overrides the defaults file by file.

A :class:`TemplateSet` is a snapshot. Every template a build may use is read once, from inside
its folder only, checked and hashed; rendering then works on those very bytes. So a link out of
the programme is never followed, a DOCX template that is a zip bomb or links outside is refused
before python-docx opens it, and the input hash of a build is the hash of what it rendered.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, TemplateNotFound

from shnor_docs.model import Spec
from shnor_docs.render.docx_guard import check_template
from shnor_docs.render.errors import TemplateError
from shnor_docs.render.template_files import DEFAULTS, DOCX_NAMES, read_templates

__all__ = ["DEFAULTS", "DOCX_NAMES", "Template", "TemplateError", "TemplateSet"]


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
    :mod:`shnor_docs.render.docx_guard`) and ``html`` (every file of the HTML folders). Which
    files are read, and how, is :mod:`shnor_docs.render.template_files`.
    """

    def __init__(
        self, spec: Spec, defaults: Path = DEFAULTS, kinds: tuple[str, ...] = ("docx", "html")
    ) -> None:
        self.defaults = defaults
        docx = tuple(k for k in kinds if k == "docx")
        self._read = read_templates(spec.folder, spec.templates, docx, defaults)
        for name, data in self._read.docx.items():  # checked before any HTML file is read
            check_template(data, name)
        self._docx = {name: Template(name, data) for name, data in self._read.docx.items()}
        if "html" in kinds:
            html = read_templates(spec.folder, spec.templates, ("html",), defaults)
            self._read.html, self._read.blocked = html.html, html.blocked

    def find(self, name: str) -> Template:
        """The DOCX template ``name``, as read and checked."""
        if name not in self._docx:
            raise TemplateError(name, "шаблон не найден", "T004")
        return self._docx[name]

    def loader(self) -> BaseLoader:
        """A jinja2 loader serving the HTML templates from memory."""
        return _Snapshot(self._read.html, self._read.blocked)

    def html_key(self) -> tuple[Any, ...]:
        """What the HTML templates are: their names, digests and the names kept out; equal keys
        serve equal templates."""
        found = tuple((name, _sha(data)) for name, data in sorted(self._read.html.items()))
        return found, tuple(sorted(self._read.blocked))

    def digests(self) -> dict[str, str]:
        """The sha256 of every template read, by kind and name."""
        return self._read.digests()


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
