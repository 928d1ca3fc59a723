"""How one programme's build ended: what a region's runner collects and the command prints.

A plain class, not a dataclass: a rebuild where nothing changed imports this module and little
else (see :mod:`shnor_docs.cli.quick`), and ``dataclasses`` alone would import ``inspect``,
costing that rebuild a tenth of its time.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any


class Outcome:
    """How one programme's build ended.

    ``status`` is "built", "unchanged", "refused" (--strict), "failed" or "rendered";
    ``check_errors`` says a build succeeded but shnor check finds errors in it; ``rendered`` is
    a programme rendered and waiting for its PDFs (a ``region.Rendered``)."""

    __slots__ = ("check_errors", "folder", "lines", "rendered", "seconds", "status")

    def __init__(
        self,
        folder: Path,
        status: str,
        lines: list[str] | None = None,
        seconds: float = 0.0,
        check_errors: bool = False,
        rendered: Any = None,
    ) -> None:
        self.folder = folder
        self.status = status
        self.lines = [] if lines is None else lines
        self.seconds = seconds
        self.check_errors = check_errors
        self.rendered = rendered

    def __repr__(self) -> str:
        return f"Outcome({self.folder!r}, {self.status!r}, {self.lines!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Outcome):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.__slots__)

    __hash__ = None  # type: ignore[assignment]  # mutable, as the dataclass it replaces


def unchanged_outcome(folder: Path, target: Path, errors: str | None) -> Outcome:
    """«<target>: без изменений», with the errors its checks found today, as a build says them."""
    lines = [f"{target}: без изменений", *([errors] if errors else [])]
    return Outcome(folder, "unchanged", lines, check_errors=errors is not None)
