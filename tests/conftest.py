"""Shared fixtures: paths of the repository and a helper that writes a spec folder."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROGRAMMES = ROOT / "programmes"
SPECS = Path(__file__).resolve().parent / "specs"


def run_main(
    *args: str, before: str = "", report: str = "None", env: dict[str, str | None] | None = None,
    cwd: Path = ROOT,
) -> subprocess.CompletedProcess[str]:
    """``shnor ARGS`` as the console script runs it (``shnor_docs.cli.main``), in a process of its
    own. ``before`` runs first (to count something); ``report``, an expression, is printed as the
    last line of stdout when the process ends: ``main`` ends the process itself, so nothing after
    it runs but what :mod:`atexit` holds. ``env`` is added to this process's environment (None
    removes a variable)."""
    code = (f"import atexit, sys\n{before}\natexit.register(lambda: print({report}))\n"
            f"sys.argv = ['shnor', *{list(args)!r}]\nfrom shnor_docs.cli import main\nmain()\n")
    environment = {k: v for k, v in {**os.environ, **(env or {})}.items() if v is not None}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd,
                          env=environment, encoding="utf-8", errors="replace", timeout=300,
                          check=False)


def keeping_byte_code(prefix: Path) -> dict[str, str | None]:
    """An environment whose byte-code, and what is kept beside it, lives under ``prefix``."""
    return {"PYTHONPYCACHEPREFIX": str(prefix), "PYTHONDONTWRITEBYTECODE": None}


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
