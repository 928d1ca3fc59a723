"""Where a repository keeps its check settings: the nearest ``shnor.toml``, or a
``pyproject.toml`` with ``[tool.shnor]``, above a programme folder (then above the working
directory), up to the repository root.

The standard library only: a rebuild where nothing changed looks for them too (the findings it
repeats must come from the same settings), and it imports nothing heavy.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

OWN_FILE = "shnor.toml"
PYPROJECT = "pyproject.toml"
_TOOL_TABLE = re.compile(r"^\s*\[tool\.shnor[\].]", re.M)


def find_config(start: Path) -> Path | None:
    """The nearest ``shnor.toml`` or ``pyproject.toml`` with ``[tool.shnor]`` above ``start``."""
    for folder in (start, *start.parents):
        own = folder / OWN_FILE
        if own.is_file():
            return own
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _TOOL_TABLE.search(read_text(pyproject)):
            return pyproject
        if (folder / ".git").exists():
            return None
    return None


def settings_file(folder: Path, cwd: Path | None = None) -> Path | None:
    """The settings file that applies to the programme in ``folder``, or None."""
    return find_config(folder.resolve()) or find_config((cwd or Path.cwd()).resolve())


def settings_stamp(folder: Path) -> str | None:
    """«<file> <sha256>» of the settings that apply to ``folder``'s checks; None if none."""
    path = settings_file(folder)
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
