"""Build one programme's documents into ``<out>/<slug>/``: load, render, write safely."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shnor_docs.build.output import OutputError, check_out, slug_of, write_build
from shnor_docs.text import plural

FORMATS = ("docx", "html", "pdf")
#: LibreOffice's profile and temporary files live here, inside the output folder.
CACHE = ".shnor-cache"


@dataclass
class BuildResult:
    """What one build wrote, and how long each stage took."""

    slug: str
    folder: Path
    files: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    errors: list[Any] = field(default_factory=list)  # error-level findings of shnor check

    def check_line(self) -> str | None:
        """«dubrovka: 1 ошибка (R401 …); подробности: shnor check …», or None."""
        return errors_line(self.slug, self.errors)


def errors_line(slug: str, errors: list[Any]) -> str | None:
    """«dubrovka: 1 ошибка проверки (R401 номер 4 в пунктах акта повторяется); подробности:
    shnor check»; with many, the codes and their counts."""
    if not errors:
        return None
    counts = Counter(f.code for f in errors)
    if len(errors) == 1:
        detail = f"{errors[0].code} {errors[0].message[:90]}"
    else:
        detail = ", ".join(f"{code} ×{n}" if n > 1 else code for code, n in counts.items())
    count = plural(len(errors), "ошибка", "ошибки", "ошибок")
    return f"{slug}: {count} проверки ({detail}); подробности: shnor check"


def render_files(spec: Any, formats: set[str], timings: dict[str, float]) -> dict[str, bytes]:
    """Every output file of ``spec`` in memory: {file name: bytes}; for PDF the DOCX, which
    :func:`with_pdfs` completes after conversion."""
    from shnor_docs.render.context import build_context

    start = time.perf_counter()
    ctx = build_context(spec)
    timings["context"] = time.perf_counter() - start
    return render_context(spec, ctx, formats, timings=timings)


def render_context(
    spec: Any, ctx: dict[str, Any], formats: set[str] | frozenset[str],
    date: dt.date | None = None, timings: dict[str, float] | None = None,
) -> dict[str, bytes]:
    """The DOCX (also for PDF) and the HTML page of prepared template data; ``date`` dates the
    files (the act's date by default)."""
    from shnor_docs.render.templates import TemplateSet

    timings = {} if timings is None else timings
    templates = TemplateSet(spec)
    files: dict[str, bytes] = {}
    if formats & {"docx", "pdf"}:
        from shnor_docs.render.docx import build_docx

        start = time.perf_counter()
        meta = {
            "date": date or (spec.act.date if spec.act else spec.period.start),
            "form_overrides": spec.form.model_dump(include=spec.form.model_fields_set),
        }
        files.update(build_docx(ctx, templates, meta))
        timings["docx"] = time.perf_counter() - start
    if "html" in formats:
        from shnor_docs.render.html import build_html

        start = time.perf_counter()
        files["index.html"] = build_html(ctx, templates)
        timings["html"] = time.perf_counter() - start
    return files


def with_pdfs(
    files: dict[str, bytes], formats: set[str], pdfs: dict[str, bytes]
) -> dict[str, bytes]:
    """The rendered files with their PDFs; the DOCX stay only if they were asked for."""
    files = {**files, **pdfs}
    if "docx" not in formats:
        files = {k: v for k, v in files.items() if not k.endswith(".docx")}
    return files


def render_programme(
    folder: Path, out: Path, formats: set[str], strict: bool = False
) -> tuple[str, dict[str, bytes], dict[str, float], list[Any]]:
    """Load, check and render one programme in memory (no PDF yet): its slug, files, timings
    and the error-level findings of ``shnor check``; with ``strict`` such errors stop it
    (B007)."""
    from shnor_docs.checks.runner import check_spec
    from shnor_docs.spec.load import load_programme

    slug = slug_of(folder)
    check_out(out, [folder])
    timings: dict[str, float] = {}
    start = time.perf_counter()
    spec = load_programme(folder)
    timings["load"] = time.perf_counter() - start
    errors = [f for f in check_spec(spec, dt.date.today()) if f.level == "error"]
    if strict and errors:
        line = errors_line(slug, errors) or ""
        raise OutputError("B007", f"документы не записаны (--strict): {line}")
    return slug, render_files(spec, formats, timings), timings, errors


def build_programme(
    folder: Path,
    out: Path,
    formats: set[str],
    inputs: str | None = None,
    strict: bool = False,
) -> BuildResult:
    """Load, check, render and write one programme; the previous output stays if anything fails.

    ``inputs`` is the hash of what the build read (see :mod:`shnor_docs.build.inputs`); it goes
    into the build record so that an unchanged programme can be skipped next time. The checks
    of ``shnor check`` run too; with ``strict`` a programme with error-level findings is not
    written (B007).
    """
    slug, files, timings, errors = render_programme(folder, out, formats, strict)
    if "pdf" in formats:
        from shnor_docs.render.pdf import docx_to_pdf

        start = time.perf_counter()
        files = with_pdfs(files, formats, docx_to_pdf(files, out / CACHE))
        timings["pdf"] = time.perf_counter() - start
    start = time.perf_counter()
    target = write_build(out, slug, files, inputs)
    timings["write"] = time.perf_counter() - start
    return BuildResult(slug, target, sorted(files), timings, errors)
