"""Build a programme's documents into ``build/<slug>/``, atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

FORMATS = ("docx", "html", "pdf")


@dataclass
class BuildResult:
    """What one build wrote, and how long each stage took."""

    slug: str
    folder: Path
    files: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def render_files(spec, formats: set[str], timings: dict[str, float]) -> dict[str, bytes]:
    """Every output file of ``spec`` in memory: {file name: bytes}."""
    from shnor_docs.render.context import build_context
    from shnor_docs.render.templates import TemplateSet

    start = time.perf_counter()
    templates = TemplateSet(spec)
    ctx = build_context(spec)
    timings["context"] = time.perf_counter() - start
    files: dict[str, bytes] = {}
    if formats & {"docx", "pdf"}:
        from shnor_docs.render.docx import build_docx

        start = time.perf_counter()
        meta = {
            "date": spec.act.date if spec.act else spec.period.start,
            "form_overrides": spec.form.model_dump(include=spec.form.model_fields_set),
        }
        files.update(build_docx(ctx, templates, meta))
        timings["docx"] = time.perf_counter() - start
    if "html" in formats:
        from shnor_docs.render.html import build_html

        start = time.perf_counter()
        files["index.html"] = build_html(ctx, templates)
        timings["html"] = time.perf_counter() - start
    if "pdf" in formats:
        from shnor_docs.render.pdf import docx_to_pdf

        start = time.perf_counter()
        files.update(docx_to_pdf(files))
        timings["pdf"] = time.perf_counter() - start
        if "docx" not in formats:
            files = {k: v for k, v in files.items() if not k.endswith(".docx")}
    return files


def build_programme(
    folder: Path, out: Path, formats: set[str], stamp: bytes | None = None
) -> BuildResult:
    """Load, render and write one programme; the previous output stays if anything fails."""
    from shnor_docs.load import load_programme
    from shnor_docs.region import STAMP

    timings: dict[str, float] = {}
    start = time.perf_counter()
    spec = load_programme(folder)
    timings["load"] = time.perf_counter() - start
    files = render_files(spec, formats, timings)
    start = time.perf_counter()
    target = out / spec.slug
    write_folder_atomic(target, {**files, STAMP: stamp} if stamp else files)
    timings["write"] = time.perf_counter() - start
    return BuildResult(spec.slug, target, sorted(files), timings)


def write_folder_atomic(target: Path, files: dict[str, bytes]) -> None:
    """Replace ``target`` by a folder holding exactly ``files``; never leave it half-written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        for name, data in files.items():
            path = staging / name
            with open(path, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(staging, 0o755)
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap(staging: Path, target: Path) -> None:
    if not target.exists():
        os.replace(staging, target)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    retired.rmdir()
    os.replace(target, retired)
    try:
        os.replace(staging, target)
    except BaseException:
        os.replace(retired, target)
        raise
    shutil.rmtree(retired, ignore_errors=True)


def build_one(folder: Path, out: Path, formats: set[str], force: bool = False):
    """Build one programme for the region runner: never raises, reports an Outcome."""
    from shnor_docs.errors import SpecError
    from shnor_docs.region import Outcome, input_hash, is_current, stamp_bytes
    from shnor_docs.render.pdf import PdfError
    from shnor_docs.render.templates import DEFAULTS, TemplateError

    start = time.perf_counter()
    key = input_hash(folder, [DEFAULTS], formats) if folder.is_dir() else ""
    if not force and key and is_current(out / folder.name, key):
        return Outcome(folder, "unchanged", [f"{out / folder.name}: без изменений"])
    try:
        result = build_programme(folder, out, formats, stamp_bytes(key) if key else None)
    except SpecError as exc:
        return Outcome(folder, "failed", [str(p) for p in exc.problems])
    except (TemplateError, PdfError) as exc:
        return Outcome(folder, "failed", [f"{folder}: {exc}"])
    seconds = time.perf_counter() - start
    line = f"{result.folder}: {', '.join(result.files)} ({seconds:.2f} с)"
    return Outcome(folder, "built", [line], seconds)
