"""Writing the programme folder: all of it or nothing, and nothing outside it.

The files go into a fresh folder beside the target (``.<name>.shnor-import-…``), are flushed to
disk, and the folder is renamed into place. An existing folder is replaced only with
``--force``, and only if it is a programme folder (it holds ``programme.yaml``) or empty: the
old one is moved aside, the new one renamed in, the old one removed; should the second rename
fail, the old folder goes back.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from shnor_docs.importing.problems import ImportFailure

PREFIX = ".shnor-import-"


def check_target(target: Path, force: bool) -> None:
    """Refuse a target that exists (without ``force``), is not a folder, or is not ours."""
    if not os.path.lexists(target):
        return
    if target.is_symlink() or not target.is_dir():
        raise ImportFailure("I008", f"«{target}» — не папка: укажите в --into папку программы")
    if not force:
        raise ImportFailure("I008", f"папка «{target}» уже существует; чтобы заменить её, "
                            "добавьте --force (или укажите другую папку в --into)")
    if not (target / "programme.yaml").is_file() and any(target.iterdir()):
        raise ImportFailure("I008", f"«{target}» — не папка программы (в ней нет "
                            "programme.yaml): она не будет заменена даже с --force")


def write_folder(target: Path, files: dict[str, str], force: bool,
                 more: Callable[[Path], dict[str, str]] | None = None) -> None:
    """Write ``files`` as the folder ``target`` in one step (see the module's description);
    ``more`` looks at the written folder before it goes in place and adds files of its own."""
    check_target(target, force)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{target.name}-", dir=target.parent))
    try:
        for name, text in files.items():
            _write(staging / name, text.encode("utf-8"))
        for name, text in (more(staging) if more else {}).items():
            _write(staging / name, text.encode("utf-8"))
        _sync(staging)
        os.chmod(staging, 0o755)
        _swap_in(staging, target, force)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _write(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _sync(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _swap_in(staging: Path, target: Path, force: bool) -> None:
    if not os.path.lexists(target):
        try:
            os.rename(staging, target)
        except OSError:
            raise ImportFailure("I008", f"папку «{target}» не записать: она появилась во время "
                                "импорта") from None
        return
    check_target(target, force)
    retired = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{target.name}-old-", dir=target.parent))
    os.rmdir(retired)
    os.rename(target, retired)
    try:
        os.rename(staging, target)
    except BaseException:
        os.rename(retired, target)
        raise
    shutil.rmtree(retired, ignore_errors=True)
