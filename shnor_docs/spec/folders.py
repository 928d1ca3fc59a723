"""Which programmes a command works on: folders from paths, and stable shards of a region."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

SPEC_FILE = "programme.yaml"
#: Where the commands look for programmes when no path is named.
PROGRAMMES = Path("programmes")


#: A report is never written over a file of these kinds: specs, includes, settings.
SOURCE_SUFFIXES = (".yaml", ".yml", ".toml")


def report_file_problem(output: Path, folders: Iterable[Path]) -> str | None:
    """Why a report must not be written to ``output`` (B012), or None. Writing replaces the
    file the name leads to (through links): never a spec, an included file or a settings file,
    and nothing inside a programme's folder."""
    target = output.resolve()
    suffix = next((p.suffix for p in (output, target) if p.suffix.lower() in SOURCE_SUFFIXES), "")
    if suffix:
        return (f"«{output}» — файл {suffix.lstrip('.').upper()}: отчёт не записывается "
                "поверх спецификаций и настроек (например, -o shnor-report.txt)")
    for folder in folders:
        if target.is_relative_to(folder.resolve()):
            return (f"«{output}» лежит в папке программы «{folder}»: отчёт записывается "
                    "отдельно от спецификаций (например, -o shnor-report.txt)")
    return None


def find_programmes(paths: list[Path]) -> list[Path]:
    """Programme folders named by ``paths``: a programme folder, any file inside one (as a
    pre-commit hook passes them), or a folder of programmes; a missing path is kept as is."""
    found: list[Path] = []
    for path in paths:
        if path.is_file():
            owner = next((f for f in path.parents if (f / SPEC_FILE).is_file()), path.parent)
            found.append(owner)
        elif os.path.lexists(path / SPEC_FILE):  # the loader says what is wrong with it
            found.append(path)
        elif path.is_dir():
            found.extend(sorted(p.parent for p in path.glob(f"*/{SPEC_FILE}")))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def programme_folders(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """Programme folders named by paths (folders, their files, parent folders); and missing paths.

    A file maps to the nearest folder above it holding ``programme.yaml`` (so an included file
    in a subfolder checks its programme); a file outside any programme is skipped — pre-commit
    passes every changed file.
    """
    paths = list(paths)
    missing = [p for p in paths if not p.exists()]
    inside = [p for p in paths if p.exists() and not (p.is_file() and _stray(p))]
    return find_programmes(inside), missing


def _stray(path: Path) -> bool:
    return not any((folder / SPEC_FILE).is_file() for folder in path.parents)


def parse_shard(text: str | None) -> tuple[int, int] | None:
    """«K/N» → (K, N) with 1 ≤ K ≤ N; ValueError with a Russian message otherwise."""
    if not text:
        return None
    try:
        k, n = (int(part) for part in text.split("/"))
    except ValueError:
        raise ValueError(f"--shard ожидает K/N, например 2/4, получено «{text}»") from None
    if not 1 <= k <= n:
        raise ValueError(f"--shard {text}: нужно 1 ≤ K ≤ N")
    return k, n


def in_shard(folder: Path, shard: tuple[int, int] | None) -> bool:
    """Stable: a programme's slice depends on its name only, not on the others."""
    if shard is None:
        return True
    k, n = shard
    digest = hashlib.sha256(folder.resolve().name.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % n == k - 1
