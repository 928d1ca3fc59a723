"""Build one programme's documents into ``<out>/<slug>/``: load, render, write safely."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shnor_docs.build.inputs import input_key, is_current, read_list, template_kinds
from shnor_docs.build.output import OutputError, check_out, slug_of, write_build
from shnor_docs.build.record import checked
from shnor_docs.text import plural

FORMATS = ("docx", "html", "pdf")
#: LibreOffice's profile and temporary files live here, inside the output folder.
CACHE = ".shnor-cache"
#: How long reading the texts of one programme (Markdown, typography) may take.
CONTEXT_SECONDS = 300


@dataclass
class BuildResult:
    """What one build wrote (or that it was current already), and how long each stage took."""

    slug: str
    folder: Path
    files: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    errors: list[Any] = field(default_factory=list)  # error-level findings of shnor check
    unchanged: bool = False
    recorded: str | None = None  # unchanged: the line of errors its build record holds

    def check_line(self) -> str | None:
        """«dubrovka: 1 ошибка (R401 …); подробности: shnor check …», or None."""
        return self.recorded if self.unchanged else errors_line(self.slug, self.errors)


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


def render_files(
    spec: Any, formats: set[str], timings: dict[str, float], templates: Any = None
) -> dict[str, bytes]:
    """Every output file of ``spec`` in memory: {file name: bytes}; for PDF the DOCX, which
    :func:`with_pdfs` completes after conversion.

    Rendering runs under a memory limit (a template must not take the machine's memory).
    """
    from shnor_docs.render.limits import memory_limit, out_of_memory
    from shnor_docs.render.templates import TemplateSet

    templates = templates or TemplateSet(spec, kinds=template_kinds(formats))
    try:
        with memory_limit():
            return _render(spec, formats, timings, templates)
    except MemoryError:
        raise out_of_memory("шаблоны") from None


def _render(
    spec: Any, formats: set[str], timings: dict[str, float], templates: Any
) -> dict[str, bytes]:
    from shnor_docs.render.context import build_context
    from shnor_docs.render.limits import time_limit

    start = time.perf_counter()
    message = "тексты программы (Markdown) разбираются дольше {seconds} с: упростите разметку"
    with time_limit("тексты программы", CONTEXT_SECONDS, message):
        ctx = build_context(spec)
    timings["context"] = time.perf_counter() - start
    return render_context(spec, ctx, formats, timings=timings, templates=templates)


def render_context(
    spec: Any, ctx: dict[str, Any], formats: set[str] | frozenset[str],
    date: dt.date | None = None, timings: dict[str, float] | None = None,
    templates: Any = None,
) -> dict[str, bytes]:
    """The DOCX (also for PDF) and the HTML page of prepared template data; ``date`` dates the
    files (the act's date by default)."""
    from shnor_docs.render.templates import TemplateSet

    timings = {} if timings is None else timings
    templates = templates or TemplateSet(spec, kinds=template_kinds(set(formats)))
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


@dataclass
class Prepared:
    """A programme loaded, checked and rendered in memory (no PDF yet), or found current."""

    slug: str
    key: str
    files: dict[str, bytes] | None  # None: its build folder is current, nothing to do
    timings: dict[str, float]
    errors: list[Any] = field(default_factory=list)  # error-level findings of shnor check
    read: dict[str, Any] | None = None  # what was read, for the build record
    checked: dict[str, Any] | None = None  # what the checks found, for the build record;
    # for a current folder, what its record says they found


def render_programme(
    folder: Path, out: Path, formats: set[str], strict: bool = False, force: bool = True
) -> Prepared:
    """Load, check and render one programme in memory (no PDF yet).

    The key is the hash of what was loaded (:mod:`shnor_docs.build.inputs`); without
    ``force`` a build folder made from the same inputs, and intact, is left as it is. With
    ``strict`` error-level findings of ``shnor check`` stop the programme (B007).
    """
    from shnor_docs.checks.runner import error_findings
    from shnor_docs.render.templates import TemplateSet
    from shnor_docs.spec.load import load_with_sources
    from shnor_docs.spec.yamlread import collection_paused

    slug = slug_of(folder)
    check_out(out, [folder])
    timings: dict[str, float] = {}
    with collection_paused():  # loading, checking and rendering make hardly any cycles
        start = time.perf_counter()
        spec, sources, opened = load_with_sources(folder)
        templates = TemplateSet(spec, kinds=template_kinds(formats))
        key = input_key(sources, templates.digests(), formats)
        timings["load"] = time.perf_counter() - start
        if not force and (record := is_current(out / slug, key, folder, strict)) is not None:
            return Prepared(slug, key, None, timings, checked=record["checked"])
        today = dt.date.today()
        errors = error_findings(spec, today)
        if strict and errors:
            line = errors_line(slug, errors) or ""
            raise OutputError("B007", f"документы не записаны (--strict): {line}")
        files = render_files(spec, formats, timings, templates)
    found = checked(errors_line(slug, errors), today, folder)
    return Prepared(slug, key, files, timings, errors, read_list(opened, spec.templates), found)


def build_programme(
    folder: Path, out: Path, formats: set[str], force: bool = True, strict: bool = False
) -> BuildResult:
    """Load, check, render and write one programme; the previous output stays if anything fails.

    The build record holds the hash of what was loaded (:mod:`shnor_docs.build.inputs`);
    without ``force`` a folder built from the same inputs, and intact, is left as it is. The
    checks of ``shnor check`` run too; with ``strict`` a programme with error-level findings is
    not written (B007).
    """
    prepared = render_programme(folder, out, formats, strict, force)
    slug, files, timings = prepared.slug, prepared.files, prepared.timings
    if files is None:
        recorded = prepared.checked["errors"]
        return BuildResult(slug, out / slug, timings=timings, unchanged=True, recorded=recorded)
    if "pdf" in formats:
        from shnor_docs.render.pdf import docx_to_pdf

        start = time.perf_counter()
        files = with_pdfs(files, formats, docx_to_pdf(files, out / CACHE))
        timings["pdf"] = time.perf_counter() - start
    start = time.perf_counter()
    target = write_build(out, slug, files, prepared.key, prepared.read, prepared.checked)
    timings["write"] = time.perf_counter() - start
    return BuildResult(slug, target, sorted(files), timings, prepared.errors)
