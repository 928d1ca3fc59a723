"""A region with PDF: render every programme, convert all their DOCX in one LibreOffice run,
then write each programme's folder.

One LibreOffice start costs about two seconds and each further document about half a second,
so converting programme by programme would spend most of a region's build starting LibreOffice.
Programmes go in batches of :data:`BATCH`, which bounds memory and each run's time limit.
"""

from __future__ import annotations

import functools
import time

from shnor_docs.build.outcome import Outcome, unchanged_outcome

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any

BATCH = 40


def build_all(
    folders: list[Path],
    out: Path,
    formats: set[str],
    jobs: int,
    force: bool,
    progress: Callable[[Outcome], None],
    strict: bool = False,
) -> list[Outcome]:
    """Build every folder; with PDF, one LibreOffice run per batch of programmes.

    Programmes whose build folder is current are found first, from their build records alone
    (:func:`~shnor_docs.build.inputs.current_without_loading`): a rebuild where nothing changed
    loads no spec and starts no process."""
    from shnor_docs.build.region import build_one, run_all

    done = {} if force else unchanged(folders, out, formats, strict)
    for outcome in done.values():
        progress(outcome)
    pending = [folder for folder in folders if folder not in done]
    if pending and "pdf" not in formats:
        work = functools.partial(build_one, out=out, formats=formats, force=force, strict=strict)
        done.update(zip(pending, run_all(pending, work, jobs, progress), strict=True))
    elif pending:
        render = functools.partial(
            render_one, out=out, formats=formats, force=force, strict=strict
        )
        for first in range(0, len(pending), BATCH):
            part = pending[first : first + BATCH]
            rendered = run_all(part, render, jobs, lambda outcome: None)
            for outcome in convert_and_write(rendered, out, formats):
                progress(outcome)
                done[outcome.folder] = outcome
    return [done[folder] for folder in folders]


def unchanged(
    folders: list[Path], out: Path, formats: set[str], strict: bool = False, finder: Any = None
) -> dict[Path, Outcome]:
    """The programmes whose build folder is current, each with its «без изменений» outcome.
    ``finder`` (a :class:`~shnor_docs.spec.settings_files.SettingsFinder`) may be the run's."""
    from shnor_docs.build.inputs import current_without_loading
    from shnor_docs.build.output import OutputError, slug_of
    from shnor_docs.spec.settings_files import SettingsFinder

    found = {}
    defaults: dict[object, object] = {}  # the default templates, read once for all
    finder = finder or SettingsFinder()  # the repository's settings, found once for all
    for folder in folders:
        try:
            target = out / slug_of(folder, finder.resolved)
        except OutputError:
            continue  # the build reports it
        record = current_without_loading(folder, target, formats, defaults, strict, finder)
        if record is not None:
            found[folder] = unchanged_outcome(folder, target, record["checked"]["errors"])
    return found


def render_one(
    folder: Path, out: Path, formats: set[str], force: bool = False, strict: bool = False
) -> Outcome:
    """Load and render one programme for a PDF batch: never raises, never writes."""
    from shnor_docs.build.programme import render_programme
    from shnor_docs.build.region import build_one

    return build_one(folder, out, formats, force, strict, step=render_programme)


def convert_and_write(rendered: list[Outcome], out: Path, formats: set[str]) -> list[Outcome]:
    """Convert the DOCX of every rendered programme in one run, then write each folder."""
    from shnor_docs.build.programme import CACHE, with_pdfs
    from shnor_docs.render.pdf import PdfError, convert_batch

    waiting = [o for o in rendered if o.rendered is not None]
    start = time.perf_counter()
    try:
        results = convert_batch([o.rendered.files for o in waiting], out / CACHE)
    except PdfError as exc:
        results = [exc] * len(waiting)
    share = (time.perf_counter() - start) / max(1, len(waiting))
    converted = {id(o): r for o, r in zip(waiting, results, strict=True)}
    final = []
    for outcome in rendered:
        result = converted.get(id(outcome))
        if outcome.rendered is None:
            final.append(outcome)
        elif isinstance(result, PdfError):
            final.append(Outcome(outcome.folder, "failed", [f"{outcome.folder}: {result}"]))
        else:
            files = with_pdfs(outcome.rendered.files, formats, result)
            final.append(_write(outcome, files, out, share))
    return final


def _write(outcome: Outcome, files: dict[str, bytes], out: Path, share: float) -> Outcome:
    from shnor_docs.build.output import OutputError, write_build
    from shnor_docs.build.programme import errors_line

    done = outcome.rendered
    start = time.perf_counter()
    try:
        target = write_build(out, done.slug, files, done.key, done.read, done.checked)
    except OutputError as exc:
        return Outcome(outcome.folder, "failed", [f"{outcome.folder}: {exc}"])
    seconds = done.seconds + share + time.perf_counter() - start
    line = f"{target}: {', '.join(sorted(files))} ({seconds:.2f} с)"
    checked = errors_line(done.slug, done.errors)
    return Outcome(outcome.folder, "built", [line, *([checked] if checked else [])], seconds,
                   bool(checked))
