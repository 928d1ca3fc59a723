"""Finding templates: a programme's own folder overrides the defaults file by file."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from shnor_docs.model import Spec


def _defaults() -> Path:
    """The default templates, shipped inside the package (one code path for every install)."""
    return Path(os.fspath(resources.files("shnor_docs").joinpath("templates")))


DEFAULTS = _defaults()


class TemplateError(Exception):
    """A template is missing, broken, or tried something it must not; names template and tag."""

    def __init__(self, template: str, message: str, code: str = "T001") -> None:
        self.template = template
        self.code = code
        super().__init__(f"{template}: ошибка {code} {message}")


class TemplateSet:
    """Where each template of a programme comes from."""

    def __init__(self, spec: Spec, defaults: Path = DEFAULTS) -> None:
        self.defaults = defaults
        self.own: Path | None = None
        if spec.templates:
            folder = (spec.folder / spec.templates).resolve()
            if not folder.is_relative_to(spec.folder.resolve()) or not folder.is_dir():
                raise TemplateError(
                    spec.templates, "папка шаблонов должна лежать внутри папки программы "
                    f"(искали: {folder})", "T004"
                )
            self.own = folder

    def find(self, name: str) -> Path:
        if self.own is not None:
            candidate = (self.own / name).resolve()
            if candidate.is_file() and candidate.is_relative_to(self.own):
                return candidate
        path = self.defaults / name
        if not path.is_file():
            looked = [self.own / name] if self.own is not None else []
            places = ", ".join(str(p) for p in [*looked, path])
            raise TemplateError(name, f"шаблон не найден; искали: {places}", "T004")
        return path

    def folders(self) -> list[Path]:
        """Folders searched for HTML templates, the programme's own first."""
        html = [self.defaults / "html"]
        if self.own is not None and (self.own / "html").is_dir():
            html.insert(0, self.own / "html")
        return html
