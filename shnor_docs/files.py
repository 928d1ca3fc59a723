"""Writing files atomically (a temporary file beside the target, then a rename); the repository."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

#: The largest spec file read (``programme.yaml`` or an include): 5 MB.
MAX_SPEC_BYTES = 5 * 1024 * 1024


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # reading specs (the check path) needs none of it

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); a report or a schema is for everyone to read.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def beside_bytecode(source: str | Path, name: str) -> Path | None:
    """The file ``name`` where Python keeps the byte-code of ``source`` (``__pycache__``, or
    under ``PYTHONPYCACHEPREFIX``): for what a run keeps for the next one, as byte-code is.
    None where Python keeps no byte-code for it."""
    import importlib.util  # only the runs that keep something need it

    try:
        code = Path(importlib.util.cache_from_source(str(source)))
    except (NotImplementedError, ValueError):
        return None
    return code.parent / name


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def write_report_text(path: Path, text: str) -> None:
    """Write a report where ``path`` leads: a file (new or not) is replaced whole; a link stays
    a link and the file it leads to is replaced; a device or a pipe (``-o /dev/stdout``, a
    FIFO) is written into as it is, never replaced by a file."""
    try:
        mode: int | None = os.stat(path).st_mode  # through links
    except FileNotFoundError:  # a new file, or a link to a file not made yet
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(text)
        return
    write_text_atomic(path.resolve(), text)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def repository_root(start: Path) -> Path | None:
    """The top level of the git repository holding ``start`` (the folder with ``.git``)."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


_REASONS = {
    errno.ENOSPC: "на диске нет места",
    errno.EDQUOT: "превышена дисковая квота",
    errno.EACCES: "нет прав на запись",
    errno.EPERM: "операция не разрешена",
    errno.EROFS: "файловая система только для чтения",
    errno.EFBIG: "файл больше допустимого системой размера",
    errno.ENAMETOOLONG: "слишком длинное имя файла",
    errno.ENOTDIR: "часть пути — файл, а не папка",
    errno.EISDIR: "на месте файла — папка",
    errno.EEXIST: "на месте папки — файл (или такая папка уже есть)",
    errno.ENOENT: "папки нет",
    errno.EIO: "ошибка ввода-вывода",
    errno.ELOOP: "слишком много символических ссылок в пути",
}


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in Russian: «на диске нет места», «нет прав на запись»."""
    return _REASONS.get(exc.errno or 0) or exc.strerror or str(exc) or type(exc).__name__


def read_limited(path: Path | str, limit: int) -> bytes | None:
    """The bytes of a regular file, or None if it holds more than ``limit`` bytes.

    A FIFO or a device is never waited on or read without end: it is an OSError (EINVAL), as
    a missing or unreadable file is. A file is read in reads of its own size: no buffer of
    ``limit`` bytes is set up for a small file, and one that grows while read stops at the
    limit.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "не обычный файл")
        if info.st_size > limit:
            return None
        parts, total = [], 0
        while chunk := os.read(fd, max(info.st_size + 1 - total, 1 << 16)):
            parts.append(chunk)
            total += len(chunk)
            if total > limit:
                return None
    finally:
        os.close(fd)
    return b"".join(parts)
