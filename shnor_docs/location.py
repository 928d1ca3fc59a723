"""Positions in YAML files and the map from a model path to a position."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PathKey = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Location:
    """A position in a source file; line and column count from 1."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col}"
        return self.path


def display_path(path: Path) -> str:
    """Path as shown to the user: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def from_root(shown: str, root: Path, cwd: Path | None = None) -> str:
    """A shown path (relative to the working directory, or absolute) as seen from ``root``, with
    «/»; absolute if it lies outside ``root``. Given ``cwd`` (the working directory), both it and
    ``root`` are taken as resolved already: a report rebases every finding with the same two."""
    if not shown:
        return shown
    if cwd is None:
        cwd, root = Path.cwd().resolve(), root.resolve()
    full = Path(os.path.normpath(cwd / shown))
    try:
        return full.relative_to(root).as_posix()
    except ValueError:
        return full.as_posix()


#: A position as a map keeps it: a Location, or the (file, line, column) the YAML reader records
#: for every value and key — a Location is made only for a position someone asks for.
Kept = Location | tuple[str, int, int]


@dataclass
class PositionMap:
    """Where each value (and each mapping key) of the loaded data came from."""

    values: dict[PathKey, Kept] = field(default_factory=dict)
    keys: dict[PathKey, Kept] = field(default_factory=dict)
    comments: dict[tuple[str, int], str] = field(default_factory=dict)

    def value(self, path: PathKey) -> Location:
        """Position of the value at ``path``, or of its nearest recorded ancestor."""
        return self._nearest(self.values, path)

    def key(self, path: PathKey) -> Location:
        """Position of the key at ``path`` (falls back to the value's position)."""
        if path in self.keys:
            return _located(self.keys[path])
        return self.value(path)

    def _nearest(self, table: dict[PathKey, Kept], path: PathKey) -> Location:
        for end in range(len(path), -1, -1):
            found = table.get(path[:end])
            if found is not None:
                return _located(found)
        first = next(iter(table.values()), None)
        return Location("?") if first is None else _located(first)

    def update(self, other: PositionMap) -> None:
        self.values.update(other.values)
        self.keys.update(other.keys)
        self.comments.update(other.comments)


def _located(kept: Kept) -> Location:
    return kept if isinstance(kept, Location) else Location(*kept)
