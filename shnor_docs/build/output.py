"""The output folder: a build replaces only what it made, and a kill never loses the last build.

Rules, in the order a build meets them:

- the output folder is never a source programme folder, nor inside or above one;
- a programme's folder name (its slug) is never empty, «.» or «..»;
- ``<out>/<slug>`` is replaced only when its build record (:data:`RECORD`) proves a build made it;
- writing happens under one lock per output folder (``flock`` on the folder itself), so
  concurrent builds wait for each other instead of colliding;
- under that lock a build first clears what a killed build left behind;
- the new folder is written beside the old one and swapped in with one atomic exchange, so
  ``<out>/<slug>`` is always the complete old build or the complete new one.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import signal
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from shnor_docs.build.fsops import exchange, sync_folder
from shnor_docs.build.record import RECORD, read_record, record_bytes
from shnor_docs.files import os_reason
from shnor_docs.text import bounded

TYPE_CHECKING = False  # typing costs a no-change rebuild its import
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from typing import Any

#: Leftovers of a build are named ``.shnor-tmp-<digest of the slug>-new-…`` or ``…-old-…``.
TMP_PREFIX = ".shnor-tmp-"
LOCK_WAIT = 600.0
PAUSE_SECONDS = 120.0
MAX_SLUG_BYTES = 200


class OutputError(Exception):
    """The output folder cannot be written safely; the message is for the user."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = bounded(message)
        super().__init__(f"ошибка {code} {self.message}")


def slug_of(folder: Path, resolve: Callable[[Path], Path] = Path.resolve) -> str:
    """The name of a programme's build folder: the real name of its source folder.
    ``resolve`` may be a run's cache of resolved folders (a region resolves each once)."""
    name = resolve(folder).name
    if name in ("", ".", "..") or "/" in name or "\0" in name:
        raise OutputError("B006", f"у папки программы «{folder}» нет имени для папки результата")
    if len(name.encode("utf-8")) > MAX_SLUG_BYTES:
        raise OutputError(
            "B006", f"имя папки программы длиннее {MAX_SLUG_BYTES} байт: сократите его"
        )
    return name


def check_out(
    out: Path, sources: Iterable[Path], resolve: Callable[[Path], Path] = Path.resolve
) -> None:
    """Refuse an output folder that is, holds or lies inside a source programme folder."""
    if out.is_symlink() and not out.exists():
        raise OutputError("B003", f"папка результата «{out}» — символическая ссылка в никуда")
    if out.exists() and not out.is_dir():
        raise OutputError("B003", f"«{out}» — не папка: укажите в --out папку")
    target = out.resolve()
    for source in sources:
        folder = resolve(source)
        if target == folder or target.is_relative_to(folder):
            raise OutputError(
                "B004", f"папка результата «{out}» лежит в папке программы «{source}»: "
                "документы записываются отдельно от спецификаций (например, --out build)"
            )
        if folder.is_relative_to(target):
            raise OutputError(
                "B004", f"папка результата «{out}» содержит папку программы «{source}»: сборка "
                "заменила бы исходные файлы; укажите отдельную папку (например, --out build)"
            )


@contextmanager
def locked(out: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold the output folder's lock; wait for another build at most ``wait`` seconds."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise OutputError("B003", f"папку результата «{out}» не создать: {os_reason(exc)}") \
            from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise OutputError(
                        "B005", f"в папку «{out}» уже пишет другая сборка; повторите позже"
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _tmp_name(slug: str, kind: str) -> str:
    digest = hashlib.sha256(slug.encode("utf-8")).hexdigest()[:16]
    return f"{TMP_PREFIX}{digest}-{kind}-{os.getpid()}-{time.monotonic_ns() % 10**9}"


def recover(out: Path) -> None:
    """Clear what killed builds left in ``out``: call with the lock held.

    A staging folder is removed; a retired build goes back in place when the build it belonged
    to is missing (a kill between two renames), and is removed otherwise. Only folders that are
    empty or carry a build record are touched.
    """
    try:
        leftovers = sorted(p for p in out.iterdir() if p.name.startswith(TMP_PREFIX))
    except OSError:
        return
    for path in leftovers:
        if path.is_symlink() or not path.is_dir():
            continue
        record = read_record(path / RECORD)
        if record is None:
            _remove_if_empty(path)
            continue
        home = out / str(record.get("slug", ""))
        if "-old-" in path.name and record.get("slug") and not os.path.lexists(home):
            os.replace(path, home)
        else:
            _rmtree(path)


def prepare(
    out: Path, sources: Iterable[Path], resolve: Callable[[Path], Path] = Path.resolve
) -> None:
    """Before a run: refuse an unsafe output folder, then clear what killed builds left."""
    check_out(out, sources, resolve)
    with locked(out):
        recover(out)


def _remove_if_empty(path: Path) -> None:
    try:
        path.rmdir()
    except OSError:
        pass


def check_target(target: Path) -> None:
    """``<out>/<slug>`` may be replaced only if it is missing or a folder a build made."""
    if not os.path.lexists(target):
        return
    if target.is_symlink():
        raise OutputError(
            "B003", f"«{target}» — символическая ссылка, а не папка сборки; удалите её сами"
        )
    if not target.is_dir():
        raise OutputError("B003", f"«{target}» — файл, а не папка сборки; удалите его сами")
    if read_record(target / RECORD) is None:
        raise OutputError(
            "B003", f"папка «{target}» создана не shnor (в ней нет записи о сборке {RECORD}): "
            "она не будет заменена; удалите её сами или укажите другую папку в --out"
        )


def write_build(
    out: Path,
    slug: str,
    files: dict[str, bytes],
    inputs: str | None,
    read: dict[str, Any] | None = None,
    checked: dict[str, Any] | None = None,
) -> Path:
    """Write ``files`` as ``<out>/<slug>`` under the lock; the old build stays until the swap.
    ``inputs``, ``read`` and ``checked`` go into the build record."""
    target = out / slug
    with locked(out):
        recover(out)
        check_target(target)
        staging = out / _tmp_name(slug, "new")
        try:
            _fill(staging, slug, record_bytes(slug, files, inputs, read, checked), files)
            with _signals_deferred():
                _swap_in(staging, target)
        except OSError as exc:  # a full disk, a read-only folder: the old build stays
            _rmtree(staging)
            raise OutputError(
                "B009", f"папку «{target}» не записать: {os_reason(exc)}; прежние файлы "
                "остались на месте"
            ) from None
        except BaseException:
            _rmtree(staging)
            raise
    return target


@contextmanager
def _signals_deferred() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the swap is done: a stop never falls between two renames."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def fault_point(name: str, slug: str = "") -> None:
    """Fault tests stop the process here: ``SHNOR_FAULT=<name>`` (or ``<name>@<slug>``) kills it
    with SIGKILL, no clean-up; ``SHNOR_FAULT=pause:<name>`` makes it wait here for a signal."""
    fault = os.environ.get("SHNOR_FAULT")
    if fault in (name, f"{name}@{slug}"):
        os.kill(os.getpid(), signal.SIGKILL)
    if fault == f"pause:{name}":
        time.sleep(PAUSE_SECONDS)


def _fill(staging: Path, slug: str, record: bytes, files: dict[str, bytes]) -> None:
    """The record first, so a half-written staging folder is recognisably ours."""
    staging.mkdir(mode=0o755)
    fault_point("staging-made", slug)
    _write(staging / RECORD, record)
    for index, (name, data) in enumerate(files.items()):
        fault_point(f"file-{index}", slug)
        _write(staging / name, data)
    fault_point("files-written")
    sync_folder(staging)
    fault_point("synced")


def _rmtree(path: Path) -> None:
    import shutil  # only when something is removed: a rebuild that changes nothing needs none

    shutil.rmtree(path, ignore_errors=True)


def _write(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _swap_in(staging: Path, target: Path) -> None:
    if not os.path.lexists(target):
        os.replace(staging, target)
        return
    if os.environ.get("SHNOR_FAULT_NO_EXCHANGE") is None and exchange(staging, target):
        fault_point("exchanged")  # staging now holds the old build
        _rmtree(staging)
        return
    retired = target.parent / _tmp_name(target.name, "old")
    os.replace(target, retired)
    fault_point("retired")
    try:
        os.replace(staging, target)
    except BaseException:
        os.replace(retired, target)
        raise
    fault_point("replaced")
    _rmtree(retired)
