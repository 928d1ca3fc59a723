"""The file of kept regular expressions (:mod:`shnor_docs.cli.patterns`): where it is, and how
it is read and written so that damage means «compile as before», never a different pattern.

The file is ``patterns-<Python>-<engine>.marshal`` beside this package's byte-code: a header,
the CRC-32 of the content, and the content in :mod:`marshal` (the format of Python's byte-code,
fast to read; nothing read from it is run): the engine it was made for; for each
``(pattern, flags)``, its age (writes in a row it went unused), its site (the file and line
that compiles it) and what the regular-expression engine is given to build it; and the sites
that compiled a different pattern in another process, with their ages.
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
#: The file of another build of this Python is removed after this many seconds unused.
UNUSED_SECONDS = 7 * 24 * 3600

_HEADER = b"shnor-patterns\x01"


def kept_file() -> Path | None:
    """Where the patterns are kept: beside this module's byte-code; None if Python keeps none."""
    from shnor_docs.files import beside_bytecode

    tag = sys.implementation.cache_tag
    engine = zlib.crc32(_engine().encode("utf-8"))
    return beside_bytecode(__file__, f"patterns-{tag}-{engine:08x}.marshal")


def _engine() -> str:
    """What the kept code is valid for: this Python and its regular-expression engine."""
    import _sre

    return repr((sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE,
                 marshal.version))


def read_kept(path: Path | None) -> tuple[dict[Any, tuple[Any, ...]], dict[str, int]]:
    """The kept entries, ``(pattern, flags)`` → ``(age, site, *what the engine is given)``, and
    the sites found to compile a different pattern in each process, with their ages; nothing if
    the file is missing, damaged or foreign."""
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
        entries, varying = found.get("patterns"), found.get("varying")
        if not isinstance(entries, dict) or len(entries) > MAX_KEPT \
                or not isinstance(varying, dict):
            return {}, {}
        good = {key: entry for key, entry in entries.items() if _sound(key, entry)}
        sites = {site: age for site, age in varying.items()
                 if type(site) is str and type(age) is int}
    except Exception:  # unreadable, out of memory: compile as before
        return {}, {}
    return good, sites


def _sound(key: Any, entry: Any) -> bool:
    """Whether an entry has the shape :func:`re._compiler.compile` gives the engine."""
    if not (isinstance(key, tuple) and len(key) == 2 and type(key[0]) in (str, bytes)
            and type(key[1]) is int):
        return False
    if not (isinstance(entry, tuple) and len(entry) == 7):
        return False
    age, site, flags, code, groups, groupindex, indexgroup = entry
    if not (type(age) is int and type(site) is str and type(flags) is int and flags >= 0
            and type(code) is list and code and type(groups) is int and groups >= 0
            and type(groupindex) is dict and type(indexgroup) is tuple
            and len(indexgroup) == groups + 1):
        return False
    named = {name: index for index, name in enumerate(indexgroup) if name is not None}
    return named == groupindex


def write_kept(
    path: Path | None, entries: dict[Any, tuple[Any, ...]], varying: dict[str, int]
) -> bool:
    """Write the file whole (readers see the old file or the new); tidy what earlier writers
    left. False if it could not be written (no room, no rights): compiled again next time."""
    if path is None:
        return False
    content = marshal.dumps({"engine": _engine(), "patterns": entries, "varying": varying})
    try:
        from shnor_docs.files import write_bytes_atomic

        write_bytes_atomic(path, _HEADER + zlib.crc32(content).to_bytes(4, "big") + content)
        _tidy(path)
    except Exception:
        return False
    return True


def _tidy(path: Path) -> None:
    """Remove the temporary files of writers killed midway (after an hour) and the files of other
    builds of this Python (after a week unused: an upgrade from 3.11.7 to 3.11.8 leaves one,
    while two builds used side by side keep theirs; another Python, 3.12 beside 3.11, keeps its
    own)."""
    now = time.time()
    tag = sys.implementation.cache_tag
    for other in path.parent.glob(f"*patterns-{tag}-*.marshal*"):
        leftover = other.name.startswith(".") and other.name.endswith(".tmp")
        if other == path or not (leftover or other.name.endswith(".marshal")):
            continue
        try:
            if now - other.stat().st_mtime > (STALE_SECONDS if leftover else UNUSED_SECONDS):
                other.unlink()
        except FileNotFoundError:  # another process was quicker
            continue
