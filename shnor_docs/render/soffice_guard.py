"""The guard between shnor and LibreOffice: ``python -m shnor_docs.render.soffice_guard CMD…``.

shnor starts the guard in a session of its own; the guard starts LibreOffice in a process
group of its own and waits. The guard stops LibreOffice (the whole group: ``soffice`` is a
wrapper whose child is the real program, and a signal to the wrapper alone leaves that child
running) when it gets SIGTERM or SIGINT from shnor, and when shnor dies in any way, even by
SIGKILL (``PR_SET_PDEATHSIG`` on Linux, a watch of its parent everywhere). Then it removes the
socket LibreOffice leaves behind in /tmp when it is killed (LibreOffice always puts its
single-instance socket there, whatever TMPDIR says).
"""

from __future__ import annotations

import glob
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from typing import Any

PR_SET_PDEATHSIG = 1
PIPES = ("/tmp/OSL_PIPE_{uid}_*", "/var/tmp/OSL_PIPE_{uid}_*")
DEATH_WAIT = 5.0
_state: dict[str, Any] = {"child": None, "before": set()}
_stopping = threading.Lock()


def sockets() -> set[str]:
    """LibreOffice's single-instance sockets of this user."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return {path for pattern in PIPES for path in glob.glob(pattern.format(uid=uid))}


def remove_stale(before: set[str]) -> None:
    """Remove sockets that appeared since ``before`` and that nobody listens on any more."""
    for path in sockets() - before:
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            probe.connect(path)
        except ConnectionRefusedError:
            try:
                os.unlink(path)
            except OSError:
                pass
        except OSError:
            pass
        finally:
            probe.close()


def stop(*_: object) -> None:
    """Kill LibreOffice's group, clear its socket, and leave.

    Called from a signal handler or the watch thread, so it never waits on the Popen object
    (its lock may be held by the very frame the handler interrupted).
    """
    if not _stopping.acquire(blocking=False):
        return  # the other caller is stopping already
    child = _state["child"]
    if child is not None:
        _kill_group(child.pid)
    remove_stale(_state["before"])
    os._exit(1)


def _kill_group(pgid: int) -> None:
    """SIGKILL the group and wait until it is gone (our own child reaped on the way)."""
    deadline = time.monotonic() + DEATH_WAIT
    try:
        os.killpg(pgid, signal.SIGKILL)
        while time.monotonic() < deadline:
            try:
                os.waitpid(pgid, os.WNOHANG)
            except ChildProcessError:
                pass
            os.killpg(pgid, 0)
            time.sleep(0.05)
    except ProcessLookupError:
        pass


def _die_with(parent: int) -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # not Linux: the watch below is enough

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        stop()

    threading.Thread(target=watch, daemon=True).start()


def main(argv: list[str]) -> int:
    parent = int(os.environ.get("SHNOR_GUARD_PARENT", os.getppid()))
    _state["before"] = sockets()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    _die_with(parent)
    _state["child"] = subprocess.Popen(argv, process_group=0)
    if os.getppid() != parent:  # shnor died before the watch began
        stop()
    code = _state["child"].wait()
    if _stopping.locked():
        time.sleep(DEATH_WAIT * 2)  # stop() is clearing up and will end the process
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
