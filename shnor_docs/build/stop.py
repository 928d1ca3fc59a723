"""Stopping a build cleanly: Ctrl+C and SIGTERM end it with 130 and 143, and no worker outlives it.

In the main process, SIGINT and SIGTERM raise :class:`Stopped`; on its way out the build
removes the folder it was writing (see :func:`shnor_docs.build.output.write_build`).
Worker processes of ``--jobs`` do the same when they are told to stop, and they watch their
parent: when it is gone (even killed with SIGKILL, which nobody can catch), they stop too,
instead of writing on and lingering as orphans.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import contextmanager

TYPE_CHECKING = False  # typing costs a no-change rebuild its import
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import Any

SIGNALS = (signal.SIGINT, signal.SIGTERM)
WATCH_SECONDS = 0.2
#: How long a stopping worker may take to remove its unfinished folder.
GRACE_SECONDS = 30.0

_state = {"stopping": False, "busy": False}


class Stopped(BaseException):
    """The build was told to stop; not an Exception, so that no handler of errors swallows it."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signal.Signals(signum).name)

    @property
    def exit_code(self) -> int:
        """130 for SIGINT, 143 for SIGTERM, as shells report them."""
        return 128 + self.signum


def _raise(signum: int, frame: object) -> None:
    if _state["stopping"]:
        return  # a second signal while cleaning up changes nothing
    _state["stopping"] = True
    raise Stopped(signum)


@contextmanager
def stoppable() -> Iterator[None]:
    """Within: SIGINT and SIGTERM raise :class:`Stopped` in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _state["stopping"] = False
    previous = {signum: signal.signal(signum, _raise) for signum in SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


# --- in a worker process ----------------------------------------------------------------------


def worker_started(parent: int) -> None:
    """Initializer of a worker: stop on SIGINT/SIGTERM, and when the parent process is gone."""
    _state.update(stopping=False, busy=False)
    for signum in SIGNALS:
        signal.signal(signum, _worker_signal)
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()


def _worker_signal(signum: int, frame: object) -> None:
    if not _state["busy"]:
        os._exit(128 + signum)  # idle: nothing to clean up
    if _state["stopping"]:
        return  # cleaning up already (Ctrl+C reaches the worker, then the main process's SIGTERM)
    _state["stopping"] = True
    threading.Thread(target=_exit_when_idle, args=(128 + signum,), daemon=True).start()
    raise Stopped(signum)  # unwinds the build, which removes its unfinished folder


def _exit_when_idle(code: int) -> None:
    """End the worker once its task has unwound (or after the grace time)."""
    deadline = time.monotonic() + GRACE_SECONDS
    while _state["busy"] and time.monotonic() < deadline:
        time.sleep(0.05)
    os._exit(code)


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(GRACE_SECONDS)  # the main thread is stuck in a long call: do not wait forever
    os._exit(128 + signal.SIGTERM)


def run_in_worker(work: Callable[[Any], Any], item: Any) -> Any:
    """Run one task of a worker; a stop ends the worker once the task has cleaned up."""
    _state["busy"] = True
    try:
        return work(item)
    except Stopped as exc:
        os._exit(exc.exit_code)
    finally:
        _state["busy"] = False


def stop_workers(processes: list[Any]) -> None:
    """Tell every worker to stop (SIGTERM), give them time to clean up, then kill the rest."""
    for process in processes:
        if process.is_alive():
            process.terminate()
    deadline = time.monotonic() + GRACE_SECONDS
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
    for process in processes:
        if process.is_alive():
            process.kill()
            process.join()


def stop_pool(pool: Any) -> None:
    """Stop a ``ProcessPoolExecutor`` whose build was told to stop, and wait for its thread.

    Its manager thread must see the workers gone and close its pipe before the interpreter
    exits: at exit Python wakes that thread through the pipe, and a pipe closed at that very
    moment printed a traceback (Bad file descriptor) after the B011 message.
    """
    # the pool's own handles on its processes and thread: nothing public reaches them
    stop_workers(list((pool._processes or {}).values()))
    pool.shutdown(wait=False, cancel_futures=True)
    manager = pool._executor_manager_thread
    if manager is not None:
        manager.join(GRACE_SECONDS)
