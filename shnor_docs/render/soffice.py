"""Finding LibreOffice and running it so that it never outlives shnor and never hangs a build.

- LibreOffice is looked up on PATH and then in its usual install folders.
- Its profile and temporary files live in a folder the caller gives (the output's cache),
  never in /tmp: TMPDIR points there too.
- It runs in its own session under :mod:`soffice_guard`; on a timeout, on SIGINT/SIGTERM and
  when shnor dies the guard kills LibreOffice's whole process group.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: Usual install folders after PATH, newest first where a version is in the name.
CANDIDATES = (
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice*/program/soffice",
    "/usr/local/lib/libreoffice/program/soffice",
    "/snap/bin/libreoffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)


GUARD_WAIT = 10.0


class SofficeError(Exception):
    """LibreOffice is missing, failed or ran out of time; ``code`` is B001, B002 or B008."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(f"ошибка {code} {message}")


def find_soffice() -> str | None:
    """The LibreOffice program: PATH first, then the usual install folders."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for pattern in CANDIDATES:
        for path in sorted(glob.glob(pattern), key=_version_key, reverse=True):
            if os.path.isfile(path) and os.access(path, os.X_OK):
                return path
    return None


def _version_key(path: str) -> list[tuple[int, int | str]]:
    """«libreoffice24.2» after «libreoffice7.4»: numbers compare as numbers."""
    return [(1, int(part)) if part.isdigit() else (0, part) for part in re.split(r"(\d+)", path)]


def timeout_for(sizes: list[int]) -> float:
    """Seconds for converting documents whose body XML has ``sizes`` bytes.

    LibreOffice's time grows with the square of a table's rows (1,000 rows ~6 s, 4,000 rows
    ~190 s): a minute to start, 15 s per document, and 10 s per square megabyte of each body.
    """
    return 60.0 + sum(15.0 + 10.0 * (size / 1e6) ** 2 for size in sizes)


def command(
    binary: str, work: Path, filter_name: str, outdir: Path, files: list[Path]
) -> list[str]:
    """The conversion command; the profile URL is percent-encoded (a raw space hangs it). The
    paths are absolute: LibreOffice runs in ``work``, not where shnor was started (a relative
    ``--out``, the default «build» too, made it find no file)."""
    return [
        binary,
        f"-env:UserInstallation={(work / 'profile').resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        filter_name,
        "--outdir",
        str(outdir.absolute()),
        *[str(f.absolute()) for f in files],
    ]


def run(argv: list[str], work: Path, timeout: float) -> subprocess.CompletedProcess[bytes]:
    """Run ``argv`` under the guard with TMPDIR inside ``work``; kill the group on any exit."""
    tmp = work / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "TMPDIR": str(tmp), "TMP": str(tmp), "TEMP": str(tmp)}
    env["SHNOR_GUARD_PARENT"] = str(os.getpid())
    guard = [sys.executable, "-m", "shnor_docs.render.soffice_guard", *argv]
    proc = subprocess.Popen(
        guard,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=work,
        start_new_session=True,
    )
    try:
        with _terminating_raises():
            out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc)
        raise SofficeError(
            "B008", f"LibreOffice не закончил преобразование в PDF за {timeout:.0f} с и остановлен"
        ) from None
    except BaseException:
        _kill(proc)
        raise
    return subprocess.CompletedProcess(argv, proc.returncode, out, err)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    """The guard kills LibreOffice's group and clears its socket; if the guard itself does
    not answer in time, its whole session goes."""
    try:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=GUARD_WAIT)
    except subprocess.TimeoutExpired:
        for pid in [proc.pid, *_session(proc.pid)]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        proc.communicate()


def _session(sid: int) -> list[int]:
    """Processes of session ``sid`` (Linux ``/proc``; elsewhere none are found)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if len(fields) > 3 and int(fields[3]) == sid:
            found.append(int(stat.parent.name))
    return found


@contextmanager
def _terminating_raises() -> Iterator[None]:
    """SIGTERM becomes SystemExit while LibreOffice runs, so the group is killed on the way
    out (SIGINT already raises KeyboardInterrupt). A handler already set (``shnor build``
    raises its own stop) is left in place."""
    if threading.current_thread() is not threading.main_thread() or callable(
        signal.getsignal(signal.SIGTERM)
    ):
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
