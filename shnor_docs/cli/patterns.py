"""Regular expressions compiled as modules load, kept for the next ``shnor`` process.

Modules compile their patterns as they load: those of the check path, and click's, PyYAML's and
pydantic's, about a hundred, compiled by :mod:`re`'s pure-Python compiler in every process, for
a tenth of ``shnor check``. As Python keeps a module's byte-code, this module keeps the compiled
form of those patterns (the SRE code :mod:`re` hands to its C engine) beside this package's
byte-code (``__pycache__``, or under ``PYTHONPYCACHEPREFIX``), in a file made for one version of
Python and of its regular-expression engine. The next process builds them from the kept code.

What is kept can make a run faster, never different:

- a pattern is kept only if the pattern built from its kept code equals the one :mod:`re`
  compiled (a pattern's equality compares its text, flags and whole code), with the same groups;
- only patterns compiled while a module is imported are kept: those are fixed in the source,
  none is made from a programme's text;
- where Python writes no byte-code (``PYTHONDONTWRITEBYTECODE``, a read-only install) nothing is
  written; a missing, foreign or damaged file, or a Python whose :mod:`re` works otherwise, means
  patterns are compiled as before.
"""

from __future__ import annotations

import atexit
import marshal
import sys
import zlib

TYPE_CHECKING = False  # typing costs start-up its import
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

#: More entries than this in the file means it is not ours: it is started afresh.
MAX_KEPT = 2000

_kept: dict[tuple[Any, int], tuple[Any, ...]] = {}  # (pattern, flags) → the rest of the build
_new: dict[tuple[Any, int], tuple[Any, ...]] = {}  # compiled as a module loaded, to be kept
_state: dict[str, Any] = {"original": None}


def reuse() -> None:
    """Build patterns from kept code from now on, note those that modules compile as they load,
    and keep them when the process ends. Does nothing where :mod:`re` has not the parts it relies
    on."""
    if _state["original"] is not None:
        return
    try:
        import _sre
        from re import _compiler, _parser

        _parser.parse, _compiler._code, _compiler.SRE_FLAG_DEBUG, _sre.compile  # noqa: B018
    except (ImportError, AttributeError):
        return
    path = kept_file()
    _kept.update(_read(path))
    _state.update(original=_compiler.compile, sre=_sre, parser=_parser, compiler=_compiler,
                  noting=_writable(path))
    _compiler.compile = _compile
    if _state["noting"]:
        atexit.register(keep)


def keep() -> None:
    """Keep the patterns noted so far (if any) with those kept before."""
    if not _new or sys.dont_write_bytecode:
        return
    path = kept_file()
    if path is None:
        return
    merged = {**_kept, **_new} if len(_kept) + len(_new) <= MAX_KEPT else dict(_new)
    _new.clear()
    try:
        from shnor_docs.files import write_bytes_atomic

        write_bytes_atomic(path, marshal.dumps({"engine": _engine(), "patterns": merged}))
    except Exception:  # no room, no rights: compiled again next time
        return
    _kept.update(merged)


def kept_file() -> Path | None:
    """Where the patterns are kept: beside this module's byte-code; None if Python keeps none."""
    import importlib.util
    from pathlib import Path

    try:
        code = Path(importlib.util.cache_from_source(__file__))
    except (NotImplementedError, ValueError):
        return None
    return code.parent / f"patterns-{zlib.crc32(_engine().encode('utf-8')):08x}.marshal"


def _engine() -> str:
    """What the kept code is valid for: this Python and its regular-expression engine."""
    import _sre

    return repr((sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE,
                 marshal.version))


def _writable(path: Path | None) -> bool:
    """Whether new patterns can be kept: noting one compiles it a second time, for nothing where
    nothing will be written (``PYTHONDONTWRITEBYTECODE``, a read-only install)."""
    if path is None or sys.dont_write_bytecode:
        return False
    import os

    folder = path.parent if path.parent.exists() else path.parent.parent
    return os.access(folder, os.W_OK)


def _read(path: Path | None) -> dict[tuple[Any, int], tuple[Any, ...]]:
    try:
        with open(path, "rb") as handle:  # type: ignore[arg-type]
            kept = marshal.loads(handle.read())
    except (OSError, TypeError, ValueError, EOFError):  # missing, damaged: compile as before
        return {}
    if not isinstance(kept, dict) or kept.get("engine") != _engine():
        return {}
    patterns = kept.get("patterns")
    if not isinstance(patterns, dict) or len(patterns) > MAX_KEPT:
        return {}
    return patterns


def _compile(pattern: Any, flags: int = 0) -> Any:
    """:func:`re._compiler.compile`, from kept code where there is some."""
    sre, original = _state["sre"], _state["original"]
    key = (pattern, flags)
    plain = type(pattern) in (str, bytes) and type(flags) is int  # what marshal keeps as it is
    rest = _kept.get(key) if plain else None
    if rest is not None:
        try:
            return sre.compile(pattern, *rest)
        except Exception:  # not code of this engine after all: compile it
            _kept.pop(key, None)
    compiled = original(pattern, flags)
    if plain and _state["noting"] and _importing():
        _note(key, compiled)
    return compiled


def _importing() -> bool:
    """Whether a module is being imported: the import machinery is on the stack."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.startswith("<frozen importlib._bootstrap"):
            return True
        frame = frame.f_back
    return False


def _note(key: tuple[Any, int], compiled: Any) -> None:
    """Keep how ``key`` compiles if building it from that gives the very same pattern."""
    pattern, flags = key
    if flags & _state["compiler"].SRE_FLAG_DEBUG:
        return
    try:
        rest = _build(pattern, flags)
        again = _state["sre"].compile(pattern, *rest)
    except Exception:  # this re compiles otherwise: nothing to keep
        return
    if again == compiled and again.groupindex == compiled.groupindex \
            and again.groups == compiled.groups:
        _new[key] = rest


def _build(pattern: Any, flags: int) -> tuple[Any, ...]:
    """What :func:`re._compiler.compile` hands the engine besides the pattern's text."""
    parsed = _state["parser"].parse(pattern, flags)
    code = _state["compiler"]._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # the opcodes are named int constants, which marshal does not keep: plain ints
    return (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


def forget() -> None:
    """Compile as :mod:`re` does again (for tests)."""
    if _state["original"] is not None:
        _state["compiler"].compile = _state["original"]
        _state["original"] = None
    atexit.unregister(keep)
    _kept.clear()
    _new.clear()
