"""Many programmes at once: stable shards, skipping unchanged ones, parallel processes.

One programme's failure never stops the others, whatever it is: a coded error, a bug, or a
worker process the system killed (its programmes are tried again one at a time, so that only
the one that kills its worker is reported, B010). A stop (Ctrl+C, SIGTERM) stops the
workers too: see :mod:`shnor_docs.build.stop`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shnor_docs.build.outcome import Outcome, unchanged_outcome
from shnor_docs.build.stop import Stopped, run_in_worker, stop_pool, worker_started
from shnor_docs.text import clip


@dataclass
class Rendered:
    """A programme rendered in memory, waiting for its PDFs (see :mod:`build.batch`)."""

    slug: str
    files: dict[str, bytes]
    key: str | None
    seconds: float
    errors: list[Any] = field(default_factory=list)  # error-level findings of shnor check
    read: dict[str, Any] | None = None  # what was read, for the build record
    checked: dict[str, Any] | None = None  # what the checks found, for the build record


def run_all(
    folders: list[Path],
    work: Callable[[Path], Outcome],
    jobs: int,
    progress: Callable[[Outcome], None],
) -> list[Outcome]:
    """Run ``work`` for every folder, in ``jobs`` processes; a failure never stops the rest."""
    if jobs <= 1 or len(folders) <= 1:
        outcomes = []
        for folder in folders:
            outcomes.append(_guarded(work, folder))
            progress(outcomes[-1])
        return outcomes
    done: dict[Path, Outcome] = {}
    pending, width = list(folders), jobs
    while pending:
        broken = _in_pool(pending, work, width, progress, done)
        if broken and width == 1:  # one at a time: the first unfinished one killed its worker
            done[broken[0]] = _killed(broken[0])
            progress(done[broken[0]])
            broken = broken[1:]
        pending, width = broken, 1
    return [done[folder] for folder in folders]


def _guarded(work: Callable[[Path], Outcome], folder: Path) -> Outcome:
    """``work(folder)``; an unexpected error fails this programme only."""
    try:
        return work(folder)
    except Exception as exc:
        return _unexpected(folder, exc)


def _unexpected(folder: Path, exc: BaseException) -> Outcome:
    detail = clip(f"{type(exc).__name__}: {exc}")
    return Outcome(folder, "failed", [
        f"{folder}: внутренняя ошибка shnor_docs ({detail}); остальные программы собираются; "
        "повторите с SHNOR_DEBUG=1 и сообщите разработчикам"
    ])


def _killed(folder: Path) -> Outcome:
    return Outcome(folder, "failed", [
        f"{folder}: ошибка B010 процесс, собиравший программу, аварийно завершён (нехватка "
        "памяти или остановка извне); остальные программы собираются"
    ])


def _in_pool(
    folders: list[Path],
    work: Callable[[Path], Outcome],
    width: int,
    progress: Callable[[Outcome], None],
    done: dict[Path, Outcome],
) -> list[Path]:
    """Run ``folders`` in a pool of ``width`` workers; return those a broken pool lost."""
    from concurrent.futures import ProcessPoolExecutor, as_completed  # only the build needs it
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(
        max_workers=width, initializer=worker_started, initargs=(os.getpid(),)
    )
    broken: list[Path] = []
    try:
        futures = {}
        for folder in folders:
            try:
                futures[pool.submit(run_in_worker, work, folder)] = folder
            except BrokenProcessPool:
                broken.append(folder)
        for future in as_completed(futures):
            folder = futures[future]
            try:
                done[folder] = future.result()
            except BrokenProcessPool:
                broken.append(folder)
                continue
            except Exception as exc:
                done[folder] = _unexpected(folder, exc)
            progress(done[folder])
    except Stopped:
        stop_pool(pool)
        raise
    pool.shutdown(wait=True)
    order = {folder: index for index, folder in enumerate(folders)}
    return sorted(broken, key=order.__getitem__)


def build_one(
    folder: Path,
    out: Path,
    formats: set[str],
    force: bool = False,
    strict: bool = False,
    step: Callable[..., Any] | None = None,
) -> Outcome:
    """Build one programme for the region runner: reports an Outcome for every coded error.

    With ``step`` (render only, :func:`~shnor_docs.build.programme.render_programme`) the
    programme is rendered and returned, not written.
    """
    import time

    from shnor_docs.build.output import OutputError
    from shnor_docs.build.programme import build_programme
    from shnor_docs.errors import SpecError
    from shnor_docs.render.pdf import PdfError
    from shnor_docs.render.templates import TemplateError

    start = time.perf_counter()
    try:
        if step is not None:
            return _rendered(folder, out, step(folder, out, formats, strict, force), start)
        result = build_programme(folder, out, formats, force, strict)
    except SpecError as exc:
        return Outcome(folder, "failed", [str(p) for p in exc.problems])
    except OutputError as exc:
        status = "refused" if exc.code == "B007" else "failed"
        return Outcome(folder, status, [f"{folder}: {exc}"])
    except (TemplateError, PdfError) as exc:
        return Outcome(folder, "failed", [f"{folder}: {exc}"])
    if result.unchanged:
        return unchanged_outcome(folder, result.folder, result.recorded)
    seconds = time.perf_counter() - start
    line = f"{result.folder}: {', '.join(result.files)} ({seconds:.2f} с)"
    checked = result.check_line()
    return Outcome(folder, "built", [line, *([checked] if checked else [])], seconds, bool(checked))


def _rendered(folder: Path, out: Path, prepared: Any, start: float) -> Outcome:
    import time

    if prepared.files is None:
        return unchanged_outcome(folder, out / prepared.slug, prepared.checked["errors"])
    seconds = time.perf_counter() - start
    done = Rendered(
        prepared.slug, prepared.files, prepared.key, seconds, prepared.errors, prepared.read,
        prepared.checked,
    )
    return Outcome(folder, "rendered", [], seconds, rendered=done)
