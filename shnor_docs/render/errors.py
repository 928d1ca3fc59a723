"""The error of rendering: a template is missing, broken, or tried something it must not."""

from __future__ import annotations

from shnor_docs.text import bounded


class TemplateError(Exception):
    """A template is missing, broken, or tried something it must not; names template and tag."""

    def __init__(self, template: str, message: str, code: str = "T001") -> None:
        self.template = template
        self.code = code
        super().__init__(bounded(f"{template}: ошибка {code} {message}"))
