"""Many programmes at once: stable shards, skipping unchanged ones, parallel processes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Rendered:
    """A programme rendered in memory, waiting for its PDFs (see :mod:`build.batch`)."""

    slug: str
    files: dict[str, bytes]
    key: str | None
    seconds: float
    errors: list[Any] = field(default_factory=list)  # error-level findings of shnor check


@dataclass
class Outcome:
    """How one programme's build ended."""

    folder: Path
    status: str  # "built", "unchanged", "refused" (--strict), "failed" or "rendered"
    lines: list[str] = field(default_factory=list)
    seconds: float = 0.0
    check_errors: bool = False  # built, but shnor check finds errors in it
    rendered: Rendered | None = None  # rendered, waiting for its PDFs


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
            outcomes.append(work(folder))
            progress(outcomes[-1])
        return outcomes
    from concurrent.futures import ProcessPoolExecutor, as_completed  # only the build needs it

    outcomes = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(work, folder): folder for folder in folders}
        for future in as_completed(futures):
            try:
                outcome = future.result()
            except Exception as exc:
                outcome = Outcome(futures[future], "failed", [f"{futures[future]}: {exc}"])
            outcomes.append(outcome)
            progress(outcome)
    order = {folder: index for index, folder in enumerate(folders)}
    return sorted(outcomes, key=lambda o: order[o.folder])


def build_one(
    folder: Path,
    out: Path,
    formats: set[str],
    force: bool = False,
    strict: bool = False,
    step: Callable[..., tuple[str, dict[str, bytes], dict[str, float], list[Any]]] | None = None,
) -> Outcome:
    """Build one programme for the region runner: never raises, reports an Outcome.

    With ``step`` (render only) the programme is rendered and returned, not written.
    """
    import time

    from shnor_docs.build.inputs import input_hash, is_current
    from shnor_docs.build.output import OutputError, slug_of
    from shnor_docs.build.programme import build_programme
    from shnor_docs.errors import SpecError
    from shnor_docs.render.pdf import PdfError
    from shnor_docs.render.templates import DEFAULTS, TemplateError

    start = time.perf_counter()
    try:
        key = input_hash(folder, [DEFAULTS], formats) if folder.is_dir() else None
        if not force and key and is_current(out / slug_of(folder), key):
            return Outcome(folder, "unchanged", [f"{out / slug_of(folder)}: без изменений"])
        if step is not None:
            slug, files, _, errors = step(folder, out, formats, strict)
            seconds = time.perf_counter() - start
            done = Rendered(slug, files, key, seconds, errors)
            return Outcome(folder, "rendered", [], seconds, rendered=done)
        result = build_programme(folder, out, formats, key, strict)
    except SpecError as exc:
        return Outcome(folder, "failed", [str(p) for p in exc.problems])
    except OutputError as exc:
        status = "refused" if exc.code == "B007" else "failed"
        return Outcome(folder, status, [f"{folder}: {exc}"])
    except (TemplateError, PdfError) as exc:
        return Outcome(folder, "failed", [f"{folder}: {exc}"])
    seconds = time.perf_counter() - start
    line = f"{result.folder}: {', '.join(result.files)} ({seconds:.2f} с)"
    checked = result.check_line()
    return Outcome(folder, "built", [line, *([checked] if checked else [])], seconds, bool(checked))
