"""Shared fixtures: paths of the repository and a helper that writes a spec folder."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROGRAMMES = ROOT / "programmes"
SPECS = Path(__file__).resolve().parent / "specs"


@pytest.fixture
def write_spec(tmp_path: Path):
    """Write files into a fresh programme folder and return the folder."""

    def write(text: str, name: str = "programme.yaml", folder: str = "prog", **extra: str) -> Path:
        target = tmp_path / folder
        target.mkdir(parents=True, exist_ok=True)
        (target / name).write_text(text, encoding="utf-8")
        for file_name, content in extra.items():
            (target / file_name.replace("__", ".")).write_text(content, encoding="utf-8")
        return target

    return write


def valid_spec_text() -> str:
    return (SPECS / "valid" / "programme.yaml").read_text(encoding="utf-8")


def tree_digests(root: Path) -> dict[str, str]:
    """Every entry under ``root``: a file's sha256, a link's target, «dir» for a folder."""
    found = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[rel] = "-> " + os.readlink(path)
        elif path.is_dir():
            found[rel] = "dir"
        else:
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def yaml_depth(text: str) -> int:
    """How deep the collections of a YAML text really nest, counted from the parser's events."""
    import yaml

    depth = deepest = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return deepest
