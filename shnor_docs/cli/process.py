"""The start and the end of a ``shnor`` process: no garbage collection while it starts, no
interpreter teardown when it ends.

While a command imports its modules (pydantic's models, the rules with their patterns), Python's
collector walks every object made so far again and again and finds no cycles: that was a tenth
of ``shnor check``. :func:`starting` turns it off; :func:`started`, once the command is loaded,
moves what start-up made (modules, classes: they live as long as the process) out of the
collector's sight with :func:`gc.freeze` and turns it on again for the command's own work.

When a command is done, Python would still free every module, class and object one by one:
for ``shnor check`` a tenth of its run, for nothing, as the system takes the memory back at
once. :func:`leave` flushes the streams, runs what was registered with :mod:`atexit` (as a
normal exit does) and ends the process with the command's code. It exits as Python does
wherever it can't be sure that nothing is lost: a second thread alive, a process pool or
multiprocessing in use, a code that is not a number, a stream that can't be flushed, or a
debugger, profiler or ``python -i`` that still has work to do after the command.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys

TYPE_CHECKING = False  # typing costs a no-change rebuild its import
if TYPE_CHECKING:
    from typing import NoReturn

#: Modules whose workers or queues a normal exit waits for and shuts down.
WAITED_FOR = ("multiprocessing", "concurrent.futures")

#: The exit status of Python when it can't flush stdout at exit.
UNFLUSHED = 120

_paused = [False]  # whether starting() turned the collector off


def starting() -> None:
    """Start-up begins: no garbage collection until :func:`started`."""
    if gc.isenabled():
        gc.disable()
        _paused[0] = True


def started() -> None:
    """Start-up is over: what it made is frozen out of the collector's sight, and the collector
    runs again (only if :func:`starting` turned it off)."""
    if _paused[0]:
        _paused[0] = False
        gc.freeze()
        gc.enable()


def leave(code: object) -> NoReturn:
    """End the process with ``code`` (as :class:`SystemExit` takes it), skipping the teardown
    when that is safe; otherwise raise :class:`SystemExit` for Python to exit as usual."""
    if code is None:
        code = 0
    if not isinstance(code, int) or not _alone() or not _flushed():
        raise SystemExit(code)
    atexit._run_exitfuncs()  # coverage, temporary folders, a test's report: as at a normal exit
    os._exit(code if _flushed() else UNFLUSHED)


def _alone() -> bool:
    """Whether nothing runs besides the main thread, nothing waits for a shutdown and nothing
    watches the process (``python -m cProfile`` writes its figures after the command)."""
    if sys.gettrace() is not None or sys.getprofile() is not None or sys.flags.inspect:
        return False
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return False
    return not any(name in sys.modules for name in WAITED_FOR)


def _flushed() -> bool:
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except Exception:  # a closed pipe, a full disk: Python reports it as it exits
            return False
    return True
