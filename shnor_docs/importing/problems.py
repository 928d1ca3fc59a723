"""What goes wrong in an import: a coded error for the user, never a traceback."""

from __future__ import annotations


class ImportFailure(Exception):
    """The document cannot be imported; ``code`` is an I0xx code of :mod:`shnor_docs.errors`."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(f"ошибка {code} {message}")
