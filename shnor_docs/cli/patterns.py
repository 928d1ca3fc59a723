"""Regular expressions compiled as modules load, kept for the next ``shnor`` process.

Modules compile their patterns as they load: those of the check path, and click's, PyYAML's and
pydantic's, about a hundred, compiled by :mod:`re`'s pure-Python compiler in every process, for
a sixth of ``shnor check``. As Python keeps a module's byte-code, this module keeps the compiled
form of those patterns (the SRE code :mod:`re` hands to its C engine) beside this package's
byte-code (``__pycache__``, or under ``PYTHONPYCACHEPREFIX``), in a file made for one version of
Python and of its regular-expression engine. The next process builds them from the kept code.

What is kept can make a run faster, never different:

- nothing of :mod:`re` is wrapped: compiling, and its warnings, stay :mod:`re`'s own; a kept
  pattern is put in :mod:`re`'s cache of compiled patterns when it is looked for there;
- a pattern is kept only if the pattern built from its kept code equals the one :mod:`re`
  compiled (a pattern's equality compares its text, flags and whole code), with the same
  groups, and if its text is not of the kinds that make :mod:`re` warn;
- only patterns compiled while a module is imported are kept: those are fixed in the source,
  none is made from a programme's text;
- the file carries a checksum of its content, and each entry is checked for its shape: a
  damaged file, a missing one, one of another Python, or a Python whose :mod:`re` works
  otherwise, means patterns are compiled as before;
- where Python writes no byte-code (``PYTHONDONTWRITEBYTECODE``, a read-only install), and in
  the workers of ``--jobs``, nothing is noted or written;
- a site (a file and line) that compiles another pattern in another process (openpyxl builds
  one from a frozenset, whose order changes with the hash seed) is not kept, so that such a
  library does not make each run write the file;
- an entry unused in :data:`MAX_AGE` writes in a row is dropped, and the file never holds more
  than :data:`MAX_KEPT`.

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
_sites: dict[tuple[Any, int], str] = {}  # the file and line that compile it
_used: set[tuple[Any, int]] = set()  # built from kept code in this process
_new: dict[tuple[Any, int], tuple[Any, ...]] = {}  # compiled as a module loaded, to be kept
_seen: dict[str, set[tuple[Any, int]]] = {}  # site → what it compiled as modules loaded now
_varying: dict[str, int] = {}  # sites that compile another pattern in each process → age
_state: dict[str, Any] = {"cache": None, "noting": False, "forks": False}

#: Text that may make re's parser warn (a possible nested set or set operation, a condition on
#: a group, a group name in bytes): such a pattern is not noted, since noting parses it again.
_MAY_WARN = ("[[", "--", "&&", "~~", "||", "(?(")


def reuse() -> None:
    """Build patterns from kept code from now on, and note those that modules compile as they
    load. Does nothing where :mod:`re` has not the parts it relies on.

    Nothing of :mod:`re` is wrapped: its cache of compiled patterns becomes a dictionary that
    builds a kept pattern when :mod:`re` looks for it there and notes what :mod:`re` puts in
    it; compiling, and the warnings of compiling, stay :mod:`re`'s own."""
    if _state["cache"] is not None:
        return
    try:
        import _sre
        import re
        from re import _compiler, _parser

        name = "_cache2" if hasattr(re, "_cache2") else "_cache"  # the one looked in first
        cache = getattr(re, name)
        limit = getattr(re, "_MAXCACHE2" if name == "_cache2" else "_MAXCACHE")
        _parser.parse, _compiler._code, _compiler.SRE_FLAG_DEBUG  # noqa: B018
    except (ImportError, AttributeError):
        return
    if type(cache) is not dict:
        return
    path = kept_file()
    entries, varying = read_kept(path)
    _kept.update({key: entry[2:] for key, entry in entries.items()})
    _ages.update({key: entry[0] for key, entry in entries.items()})
    _sites.update({key: entry[1] for key, entry in entries.items()})
    _varying.update(varying)
    _state.update(sre=_sre, parser=_parser, compiler=_compiler, re=re, name=name, limit=limit,
                  noting=_writable(path), cache=_KeptCache(cache),
                  re_folder=os.path.dirname(re.__file__) + os.sep)
    setattr(re, name, _state["cache"])
    if not _state["forks"]:  # a worker of --jobs ends with os._exit: noting would be for nothing
        os.register_at_fork(after_in_child=_stop_noting)
        _state["forks"] = True


def stop() -> None:
    """The command is done: keep what was noted, and give :mod:`re` a plain cache again."""
    try:
        keep()
    finally:
        _restore()


def keep() -> None:
    """Keep the patterns noted so far (if any) with those kept before."""
    if not _state["noting"]:
        return
    varying = {_sites[key] for key in _kept if key not in _seen.get(_sites[key], (key,))}
    if not _new and not varying:
        return
    _varying.update(dict.fromkeys(varying, 0))
    ages = {key: 0 if key in _used else _ages.get(key, 0) + 1 for key in _kept}
    ages.update(dict.fromkeys(_new, 0))
    entries = {key: (ages[key], _sites[key], *rest) for key, rest in {**_kept, **_new}.items()
               if ages[key] <= MAX_AGE and _sites[key] not in _varying}
    if len(entries) > MAX_KEPT:  # the youngest, those just noted first
        youngest = sorted(entries, key=lambda key: (entries[key][0], key not in _new))[:MAX_KEPT]
        entries = {key: entries[key] for key in youngest}
    sites = {site: 0 if site in _seen else age + 1 for site, age in _varying.items()}
    sites = {site: age for site, age in sites.items() if age <= MAX_AGE}
    _used.update(_new)  # compiled in this process: as used as those built from kept code
    _new.clear()
    if write_kept(kept_file(), entries, sites):
        _kept.clear()
        _kept.update({key: entry[2:] for key, entry in entries.items()})
        _ages.update({key: entry[0] for key, entry in entries.items()})
        _varying.clear()
        _varying.update(sites)


def forget() -> None:
    """Give :mod:`re` a plain cache again and forget every kept pattern (for tests)."""
    _restore()
    for found in (_kept, _ages, _sites, _used, _new, _seen, _varying):
        found.clear()


def _restore() -> None:
    cache = _state["cache"]
    if cache is not None:
        if getattr(_state["re"], _state["name"]) is cache:
            setattr(_state["re"], _state["name"], dict(cache))
        _state.update(cache=None, noting=False)


def _stop_noting() -> None:
    _state["noting"] = False


def _writable(path: Any) -> bool:
    """Whether new patterns can be kept: noting one compiles it a second time, for nothing where
    nothing will be written (``PYTHONDONTWRITEBYTECODE``, a read-only install)."""
    if path is None or sys.dont_write_bytecode:
        return False
    folder = path.parent if path.parent.exists() else path.parent.parent
    return os.access(folder, os.W_OK)


class _KeptCache(dict):  # type: ignore[type-arg]
    """:mod:`re`'s cache, keyed ``(type, pattern, flags)``: a pattern it lacks is built from kept
    code, if there is some; a pattern :mod:`re` compiled and puts in it is noted if a module is
    being imported."""

    def __missing__(self, key: Any) -> Any:
        found = _kept.get(key[1:]) if _plain(key) else None
        if found is None:
            raise KeyError(key)
        try:
            compiled = _state["sre"].compile(key[1], *found)
        except Exception:  # not code of this engine after all: re compiles it
            _kept.pop(key[1:], None)
            raise KeyError(key) from None
        _used.add(key[1:])
        if _state["noting"] and (site := _import_site()) is not None:
            _seen.setdefault(site, set()).add(key[1:])
        if len(self) >= _state["limit"]:  # as re drops its oldest
            self.pop(next(iter(self)), None)
        dict.__setitem__(self, key, compiled)
        return compiled

    def __setitem__(self, key: Any, compiled: Any) -> None:
        dict.__setitem__(self, key, compiled)
        if not (_state["noting"] and _plain(key)) or key[1:] in _kept or key[1:] in _new:
            return
        site = _import_site()
        if site is not None:
            _seen.setdefault(site, set()).add(key[1:])
            if site not in _varying:
                _note(key[1:], compiled, site)


def _plain(key: Any) -> bool:
    """Whether a key of re's cache is one marshal keeps as it is: a str or bytes pattern and
    int flags."""
    return type(key) is tuple and len(key) == 3 and key[0] in (str, bytes) \
        and type(key[1]) is key[0] and type(key[2]) is int


def _import_site() -> str | None:
    """Where the pattern is compiled (the first file and line outside :mod:`re`), if a module is
    being imported (the import machinery is on the stack); None otherwise."""
    frame, site = sys._getframe(2), None
    re_folder = _state["re_folder"]
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith("<frozen importlib._bootstrap"):
            return site
        if site is None and not name.startswith(re_folder):
            site = f"{name}:{frame.f_lineno}"
        frame = frame.f_back
    return None


def _note(key: tuple[Any, int], compiled: Any, site: str) -> None:
    """Keep how ``key`` compiles if building it from that gives the very same pattern."""
    pattern, flags = key
    text = pattern.decode("latin-1") if isinstance(pattern, bytes) else pattern
    if flags & _state["compiler"].SRE_FLAG_DEBUG or any(part in text for part in _MAY_WARN) \
            or (isinstance(pattern, bytes) and "(?P" in text):
        return
    try:
        rest = _build(pattern, flags)
        again = _state["sre"].compile(pattern, *rest)
    except Exception:  # this re compiles otherwise: nothing to keep
        return
    if again == compiled and again.groupindex == compiled.groupindex \
            and again.groups == compiled.groups:
        _new[key] = rest
        _sites[key] = site


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
