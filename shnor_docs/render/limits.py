"""Limits of rendering: time, memory and output size; a template from another district must not
hang the build, take the machine's memory or write a gigabyte.

Time is bounded by SIGALRM around each template (and around reading the texts); memory by the
address-space limit of the process while it renders (a failed allocation is a MemoryError,
not the kernel's OOM killer ending the process with no message); each output file by
:data:`MAX_OUTPUT`.
"""

from __future__ import annotations

import resource
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from shnor_docs.render.errors import TemplateError

SECONDS = 120
#: Address space a render may add to what the process already holds. A 10,000-activity
#: roadmap needs about 0.4 GB in all.
MEMORY = 3 * 2**30
#: The largest output file (the HTML of a 10,000-activity roadmap is about 6 MB).
MAX_OUTPUT = 100 * 2**20


@contextmanager
def time_limit(
    template: str, seconds: float | None = None, message: str | None = None
) -> Iterator[None]:
    """Abort rendering of ``template`` after ``seconds`` (main thread only, POSIX).

    ``message`` replaces the default one; ``{seconds}`` in it is the limit.
    """
    seconds = SECONDS if seconds is None else seconds
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        text = message or "шаблон выполняется дольше {seconds} с (бесконечный цикл?)"
        raise TemplateError(template, text.format(seconds=f"{seconds:g}"), "T002")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _address_space() -> int | None:
    """What the process holds now (VmSize), on Linux; None elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


@contextmanager
def memory_limit(budget: int | None = None) -> Iterator[None]:
    """Let the process grow by at most ``budget`` bytes while rendering (Linux)."""
    held = _address_space() if sys.platform.startswith("linux") else None
    if held is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = held + (MEMORY if budget is None else budget)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft != resource.RLIM_INFINITY and soft <= limit:
        yield  # a tighter limit is already set
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def out_of_memory(template: str) -> TemplateError:
    """The error for a MemoryError while ``template`` rendered."""
    return TemplateError(
        template,
        f"шаблону не хватило памяти (сборке позволено {MEMORY // 2**20} МБ сверх занятого): "
        "шаблон или текст программы порождают слишком много",
        "T007",
    )


def check_output(name: str, data: bytes) -> bytes:
    """``data`` itself, if no larger than :data:`MAX_OUTPUT`."""
    if len(data) > MAX_OUTPUT:
        raise TemplateError(
            name,
            f"результат занимает {len(data) // 2**20} МБ (допустимо не больше "
            f"{MAX_OUTPUT // 2**20} МБ): шаблон выводит слишком много",
            "T007",
        )
    return data
