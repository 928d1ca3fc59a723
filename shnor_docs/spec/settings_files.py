"""Where a repository keeps its check settings: the nearest ``shnor.toml``, or a
``pyproject.toml`` with ``[tool.shnor]``, above a programme folder (then above the working
directory), up to the repository root.

The standard library only: a rebuild where nothing changed looks for them too (the findings it
repeats must come from the same settings), and it imports nothing heavy.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

OWN_FILE = "shnor.toml"
PYPROJECT = "pyproject.toml"
_TOOL_TABLE = re.compile(r"^\s*\[tool\.shnor[\].]", re.M)


_ON = object()  # no settings in this folder: look further up


def find_config(start: Path) -> Path | None:
    """The nearest ``shnor.toml`` or ``pyproject.toml`` with ``[tool.shnor]`` above ``start``."""
    return SettingsFinder().find(start)


def settings_file(folder: Path, cwd: Path | None = None) -> Path | None:
    """The settings file that applies to the programme in ``folder``, or None."""
    return SettingsFinder().file(folder, cwd)


def settings_stamp(folder: Path, finder: SettingsFinder | None = None) -> str | None:
    """«<file> <sha256>» of the settings that apply to ``folder``'s checks; None if none."""
    return (finder or SettingsFinder()).stamp(folder)


class SettingsFinder:
    """Finds settings files; one finder serves the many programmes of a run, looking at each
    folder and hashing each file once (programmes of a region share the folders above them)."""

    def __init__(self) -> None:
        self._folders: dict[Path, Path | None] = {}
        self._stamps: dict[Path | None, str | None] = {}
        self._real: dict[Path | None, Path] = {}

    def resolved(self, folder: Path | None) -> Path:
        """``folder`` resolved (the working directory for None), once per finder."""
        if folder not in self._real:
            self._real[folder] = Path(os.path.realpath(folder if folder is not None else "."))
        return self._real[folder]

    def file(self, folder: Path, cwd: Path | None = None) -> Path | None:
        """Above the programme's folder, else above the working directory."""
        return self.find(self.resolved(folder)) or self.find(self.resolved(cwd))

    def stamp(self, folder: Path) -> str | None:
        path = self.file(folder)
        if path not in self._stamps:
            self._stamps[path] = _stamp(path)
        return self._stamps[path]

    def find(self, start: Path) -> Path | None:
        """The nearest settings file above ``start`` (resolved), up to the repository root."""
        seen, found, folder = [], None, start
        while True:  # up to the root; the folders met before are answered at once
            if folder in self._folders:
                found = self._folders[folder]
                break
            seen.append(folder)
            here = _here(folder)
            if here is not _ON:
                found = here  # type: ignore[assignment]
                break
            if folder.parent == folder:
                break
            folder = folder.parent
        self._folders.update(dict.fromkeys(seen, found))
        return found


def _here(folder: Path) -> object:
    """The settings file in ``folder``; None at the repository root without one; else _ON."""
    own = folder / OWN_FILE
    if own.is_file():
        return own
    pyproject = folder / PYPROJECT
    if pyproject.is_file() and _TOOL_TABLE.search(read_text(pyproject)):
        return pyproject
    if (folder / ".git").exists():
        return None
    return _ON


def _stamp(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        digest = "-"
    return f"{path} {digest}"


def read_text(path: Path) -> str:
    """The file as UTF-8 text; empty if it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
