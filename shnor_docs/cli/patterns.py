"""Regular expressions compiled as modules load, kept for the next ``shnor`` process.

Modules compile their patterns as they load: those of the check path, and click's, PyYAML's and
pydantic's, about a hundred, compiled by :mod:`re`'s pure-Python compiler in every process, for
a sixth of ``shnor check``. As Python keeps a module's byte-code, this module keeps the compiled
form of those patterns (the SRE code :mod:`re` hands to its C engine) beside this package's
byte-code (``__pycache__``, or under ``PYTHONPYCACHEPREFIX``), in a file made for one version of
Python and of its regular-expression engine. The next process builds them from the kept code.

What is kept can make a run faster, never different:

- a pattern is kept only if the pattern built from its kept code equals the one :mod:`re`
  compiled (a pattern's equality compares its text, flags and whole code), with the same groups,
  and if compiling it warned of nothing;
- only patterns compiled while a module is imported are kept: those are fixed in the source,
  none is made from a programme's text;
- the file carries a checksum of its content, and each entry is checked for its shape: a
  damaged file, a missing one, one of another Python, or a Python whose :mod:`re` works
  otherwise, means patterns are compiled as before;
- where Python writes no byte-code (``PYTHONDONTWRITEBYTECODE``, a read-only install), and in
  the workers of ``--jobs``, nothing is noted or written;
- an entry unused in :data:`MAX_AGE` writes in a row is dropped (a library may build a pattern
  that differs from process to process), and the file never holds more than :data:`MAX_KEPT`.

:func:`reuse` starts it when the command starts, :func:`stop` ends it when the command is done:
importing ``shnor_docs`` as a library changes nothing in :mod:`re`.
"""

from __future__ import annotations

import os
import sys

from shnor_docs.cli.patterns_file import MAX_AGE, MAX_KEPT, kept_file, read_kept, write_kept

TYPE_CHECKING = False  # typing costs start-up its import
if TYPE_CHECKING:
    from typing import Any

__all__ = ["MAX_AGE", "MAX_KEPT", "forget", "keep", "kept_file", "reuse", "stop"]

_kept: dict[tuple[Any, int], tuple[Any, ...]] = {}  # (pattern, flags) → the rest of the build
_ages: dict[tuple[Any, int], int] = {}  # writes in a row an entry went unused
_used: set[tuple[Any, int]] = set()  # built from kept code in this process
_new: dict[tuple[Any, int], tuple[Any, ...]] = {}  # compiled as a module loaded, to be kept
_state: dict[str, Any] = {"original": None, "noting": False, "forks": False}


def reuse() -> None:
    """Build patterns from kept code from now on, and note those that modules compile as they
    load. Does nothing where :mod:`re` has not the parts it relies on."""
    if _state["original"] is not None:
        return
    try:
        import _sre
        from re import _compiler, _parser

        _parser.parse, _compiler._code, _compiler.SRE_FLAG_DEBUG, _sre.compile  # noqa: B018
    except (ImportError, AttributeError):
        return
    path = kept_file()
    kept, ages = read_kept(path)
    _kept.update(kept)
    _ages.update(ages)
    _state.update(original=_compiler.compile, sre=_sre, parser=_parser, compiler=_compiler,
                  noting=_writable(path), re_folder=os.path.dirname(_compiler.__file__))
    _compiler.compile = _compile
    if not _state["forks"]:  # a worker of --jobs ends with os._exit: noting would be for nothing
        os.register_at_fork(after_in_child=_stop_noting)
        _state["forks"] = True


def stop() -> None:
    """The command is done: keep what was noted, and compile as :mod:`re` does again."""
    try:
        keep()
    finally:
        _restore()


def keep() -> None:
    """Keep the patterns noted so far (if any) with those kept before."""
    if not _new or not _state["noting"]:
        return
    entries: dict[tuple[Any, int], tuple[Any, ...]] = {}
    for key, rest in _kept.items():
        age = 0 if key in _used else _ages.get(key, 0) + 1
        if age <= MAX_AGE:
            entries[key] = (age, *rest)
    entries.update({key: (0, *rest) for key, rest in _new.items()})
    if len(entries) > MAX_KEPT:  # the youngest, those just noted first
        youngest = sorted(entries, key=lambda key: (entries[key][0], key not in _new))[:MAX_KEPT]
        entries = {key: entries[key] for key in youngest}
    _used.update(_new)  # compiled in this process: as used as those built from kept code
    _new.clear()
    if write_kept(kept_file(), entries):
        _kept.update({key: entry[1:] for key, entry in entries.items()})
        _ages.update({key: entry[0] for key, entry in entries.items()})


def forget() -> None:
    """Compile as :mod:`re` does again and forget every kept pattern (for tests)."""
    _restore()
    for found in (_kept, _ages, _used, _new):
        found.clear()


def _restore() -> None:
    if _state["original"] is not None:
        _state["compiler"].compile = _state["original"]
        _state.update(original=None, noting=False)


def _stop_noting() -> None:
    _state["noting"] = False


def _writable(path: Any) -> bool:
    """Whether new patterns can be kept: noting one compiles it a second time, for nothing where
    nothing will be written (``PYTHONDONTWRITEBYTECODE``, a read-only install)."""
    if path is None or sys.dont_write_bytecode:
        return False
    folder = path.parent if path.parent.exists() else path.parent.parent
    return os.access(folder, os.W_OK)


def _compile(p: Any, flags: int = 0) -> Any:
    """:func:`re._compiler.compile`, from kept code where there is some."""
    key = (p, flags)
    plain = type(p) in (str, bytes) and type(flags) is int  # what marshal keeps as it is
    rest = _kept.get(key) if plain else None
    if rest is not None:
        try:
            compiled = _state["sre"].compile(p, *rest)
        except Exception:  # not code of this engine after all: compile it
            _kept.pop(key, None)
        else:
            _used.add(key)
            return compiled
    compiled, warned = _compiled(p, flags)
    if plain and not warned and _state["noting"] and _importing():
        _note(key, compiled)
    return compiled


def _compiled(p: Any, flags: int) -> tuple[Any, bool]:
    """``p`` compiled by :mod:`re`, and whether that warned. Its warnings (a nested set, a
    deprecated escape) are issued where the pattern is compiled, as without this module, not
    one frame off."""
    import warnings

    caught: list[Any] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            compiled = _state["original"](p, flags)
    finally:  # the filters of the process judge them (an error filter raises, as before)
        for found in caught:
            _warn_at_caller(found)
    return compiled, bool(caught)


def _warn_at_caller(found: Any) -> None:
    import warnings

    frame = sys._getframe(1)
    while frame.f_back is not None and (
        frame.f_code.co_filename.startswith(_state["re_folder"])
        or frame.f_code.co_filename == __file__
    ):
        frame = frame.f_back
    module = frame.f_globals.get("__name__", "")
    registry = frame.f_globals.setdefault("__warningregistry__", {})
    warnings.warn_explicit(found.message, found.category, frame.f_code.co_filename,
                           frame.f_lineno, module, registry, frame.f_globals)


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

