"""How a report is rendered: colour and detail for people; the root and changed files for CI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Options:
    """How to render: colour and detail for people; the repository root (SARIF's
    ``%SRCROOT%``) and the files under review (GitHub's order) for CI."""

    colour: bool = False
    quiet: bool = False
    verbose: bool = False
    root: Path | None = None
    changed: frozenset[str] = frozenset()
