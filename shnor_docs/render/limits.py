"""A time limit for template rendering: a template from another district must not hang us."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from shnor_docs.render.templates import TemplateError

SECONDS = 120


@contextmanager
def time_limit(template: str, seconds: float | None = None) -> Iterator[None]:
    """Abort rendering of ``template`` after ``seconds`` (main thread only, POSIX)."""
    seconds = SECONDS if seconds is None else seconds
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise TemplateError(
            template, f"шаблон выполняется дольше {seconds:g} с (бесконечный цикл?)", "T002"
        )

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
