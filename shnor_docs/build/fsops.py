"""File-system steps of a build: an atomic exchange of two folders, one flush of a folder.

Linux gives both in one call each (``renameat2`` with ``RENAME_EXCHANGE``, ``syncfs``);
elsewhere the build takes the plain way (two renames, an fsync per file).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

TYPE_CHECKING = False  # typing costs a no-change rebuild its import
if TYPE_CHECKING:
    from typing import Any

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@cache
def _libc() -> Any:
    """The C library, when a build first writes (a rebuild that changes nothing needs none of
    ctypes); the process's own symbols hold it, no search with ldconfig needed."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    return libc if hasattr(libc, "renameat2") else None


def exchange(a: Path, b: Path) -> bool:
    """Swap ``a`` and ``b`` in one step; False when the system or file system cannot."""
    libc = _libc()
    if libc is None:
        return False
    result = libc.renameat2(
        _AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    import ctypes

    error = ctypes.get_errno()
    if error in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: not here; take the plain way
        return False
    raise OSError(error, os.strerror(error), str(a))


def sync_folder(folder: Path) -> None:
    """Flush a freshly written folder to disk before it becomes visible."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        libc = _libc()
        if libc is not None and hasattr(libc, "syncfs") and libc.syncfs(fd) == 0:
            return
        for path in folder.iterdir():
            file_fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
            try:
                os.fsync(file_fd)
            finally:
                os.close(file_fd)
        os.fsync(fd)
    finally:
        os.close(fd)
