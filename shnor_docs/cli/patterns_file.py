"""The file of kept regular expressions (:mod:`shnor_docs.cli.patterns`): where it is, and how
it is read and written so that damage means «compile as before», never a different pattern.

The file is ``patterns-<Python>-<engine>.marshal`` beside this package's byte-code: a header,
the CRC-32 of the content, and the content in :mod:`marshal` (the format of Python's byte-code,
fast to read; nothing read from it is run): the engine it was made for and, for each
``(pattern, flags)``, its age (writes in a row it went unused) and what the regular-expression
engine is given to build it.
"""

from __future__ import annotations

import marshal
import sys
import time
import zlib

TYPE_CHECKING = False  # typing costs start-up its import
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

#: The most entries the file holds (the youngest are kept).
MAX_KEPT = 1000
#: Writes in a row an entry may go unused before it is dropped.
MAX_AGE = 50
#: A larger file is not ours: it is not read.
MAX_BYTES = 4 << 20
#: Leftovers of a writer killed midway are removed after this many seconds.
STALE_SECONDS = 3600

_HEADER = b"shnor-patterns\x01"


def kept_file() -> Path | None:
    """Where the patterns are kept: beside this module's byte-code; None if Python keeps none."""
    import importlib.util
    from pathlib import Path

    try:
        code = Path(importlib.util.cache_from_source(__file__))
    except (NotImplementedError, ValueError):
        return None
    tag = sys.implementation.cache_tag
    return code.parent / f"patterns-{tag}-{zlib.crc32(_engine().encode('utf-8')):08x}.marshal"


def _engine() -> str:
    """What the kept code is valid for: this Python and its regular-expression engine."""
    import _sre

    return repr((sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE,
                 marshal.version))


def read_kept(path: Path | None) -> tuple[dict[Any, tuple[Any, ...]], dict[Any, int]]:
    """The kept patterns and their ages; nothing if the file is missing, damaged or foreign."""
    try:
        from shnor_docs.files import read_limited

        data = read_limited(path, MAX_BYTES) if path is not None else None
        if data is None or not data.startswith(_HEADER):
            return {}, {}
        checksum, content = data[len(_HEADER):][:4], data[len(_HEADER) + 4:]
        if int.from_bytes(checksum, "big") != zlib.crc32(content):
            return {}, {}
        found = marshal.loads(content)
        if not isinstance(found, dict) or found.get("engine") != _engine():
            return {}, {}
        entries = found.get("patterns")
        if not isinstance(entries, dict) or len(entries) > MAX_KEPT:
            return {}, {}
        good = {key: entry for key, entry in entries.items() if _sound(key, entry)}
    except Exception:  # unreadable, out of memory: compile as before
        return {}, {}
    return {key: entry[1:] for key, entry in good.items()}, {k: e[0] for k, e in good.items()}


def _sound(key: Any, entry: Any) -> bool:
    """Whether an entry has the shape :func:`re._compiler.compile` gives the engine."""
    if not (isinstance(key, tuple) and len(key) == 2 and type(key[0]) in (str, bytes)
            and type(key[1]) is int):
        return False
    if not (isinstance(entry, tuple) and len(entry) == 6):
        return False
    age, flags, code, groups, groupindex, indexgroup = entry
    if not (type(age) is int and type(flags) is int and flags >= 0 and type(code) is list
            and code and type(groups) is int and groups >= 0 and type(groupindex) is dict
            and type(indexgroup) is tuple and len(indexgroup) == groups + 1):
        return False
    named = {name: index for index, name in enumerate(indexgroup) if name is not None}
    return named == groupindex


def write_kept(path: Path | None, entries: dict[Any, tuple[Any, ...]]) -> bool:
    """Write the file whole (readers see the old file or the new); tidy what earlier writers
    left. False if it could not be written (no room, no rights): compiled again next time."""
    if path is None:
        return False
    content = marshal.dumps({"engine": _engine(), "patterns": entries})
    try:
        from shnor_docs.files import write_bytes_atomic

        write_bytes_atomic(path, _HEADER + zlib.crc32(content).to_bytes(4, "big") + content)
        _tidy(path)
    except Exception:
        return False
    return True


def _tidy(path: Path) -> None:
    """Remove the files of other builds of this Python (an upgrade from 3.11.7 to 3.11.8 leaves
    one; another Python, 3.12 beside 3.11, keeps its own) and the temporary files of writers
    killed midway."""
    now = time.time()
    tag = sys.implementation.cache_tag
    for other in path.parent.glob(f"*patterns-{tag}-*.marshal*"):
        if other == path:
            continue
        leftover = other.name.startswith(".") and other.name.endswith(".tmp")
        if leftover and now - other.stat().st_mtime < STALE_SECONDS:
            continue  # perhaps another process is writing it now
        other.unlink(missing_ok=True)
