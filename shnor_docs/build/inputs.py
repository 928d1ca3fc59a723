"""The hash of a build's inputs, and whether a build folder is still current."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from shnor_docs import __version__
from shnor_docs.build.record import RECORD, files_intact, read_record


def input_hash(folder: Path, templates: Iterable[Path], formats: set[str]) -> str:
    """Hash of everything a build reads: the spec files, the templates, the engine version."""
    digest = hashlib.sha256(f"{__version__}|{','.join(sorted(formats))}".encode())
    roots = [folder, *templates]
    for root in roots:
        # Links are not followed: a link out of the folder is not the programme's to read.
        for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
            if any(part.startswith(".") for part in path.relative_to(root).parts):
                continue
            digest.update(str(path.relative_to(root)).encode("utf-8"))
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def is_current(target: Path, key: str) -> bool:
    """A build folder made from these very inputs, with every file it wrote intact."""
    if target.is_symlink() or not target.is_dir():
        return False
    record = read_record(target / RECORD)
    return record is not None and record.get("inputs") == key and files_intact(target, record)
