"""PDF/A-2 through LibreOffice headless: a whole batch of programmes in one LibreOffice run.

Starting LibreOffice costs about two seconds; converting one more document in a running
LibreOffice about half a second. So a build renders every programme first and then converts
all their DOCX in one call (:func:`convert_batch`). The PDF is PDF/A-2b and tagged (archival,
with the document structure for screen readers); its language comes from the DOCX (ru-RU).
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import os
import re
import shutil
import zipfile
from pathlib import Path

from shnor_docs.render.pdf_fix import reproducible
from shnor_docs.render.soffice import SofficeError, command, find_soffice, run, timeout_for

PdfError = SofficeError
OPTIONS = {
    "SelectPdfVersion": {"type": "long", "value": "2"},  # PDF/A-2b
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
}
#: The JSON form of filter options, accepted since LibreOffice 7.4.
FILTER = "pdf:writer_pdf_Export:" + json.dumps(OPTIONS, separators=(",", ":"))
WORK_PREFIX = "libreoffice-"
_runs = itertools.count()


def docx_to_pdf(files: dict[str, bytes], cache: Path) -> dict[str, bytes]:
    """Every DOCX of one programme as PDF: {name.pdf: bytes}."""
    result = convert_batch([files], cache)[0]
    if isinstance(result, PdfError):
        raise result
    return result


def convert_batch(batch: list[dict[str, bytes]], cache: Path) -> list[dict[str, bytes] | PdfError]:
    """The PDFs of each programme's DOCX files, in one LibreOffice run.

    A document LibreOffice could not convert fails its own programme only (B002); a missing
    LibreOffice (B001) or a run that overran its time (B008) fails the whole batch (raised).
    """
    binary = find_soffice()
    if binary is None:
        raise PdfError(
            "B001",
            "для --format pdf нужен LibreOffice: установите пакет libreoffice-writer-nogui "
            "(apt-get install -y libreoffice-writer-nogui hyphen-ru) или LibreOffice с "
            "libreoffice.org",
        )
    work = _work_folder(cache).absolute()  # LibreOffice runs in it: no path may be relative
    try:
        inputs = _write_inputs(batch, work / "in")
        if not inputs:
            return [{} for _ in batch]
        sizes = [_body_size(batch[i][name]) for i, name, _ in inputs]
        argv = command(binary, work, FILTER, work / "out", [path for _, _, path in inputs])
        proc = run(argv, work, timeout_for(sizes))
        return [
            _collect(index, files, work / "out", proc.stderr) for index, files in enumerate(batch)
        ]
    finally:
        shutil.rmtree(work, ignore_errors=True)
        try:
            cache.rmdir()  # only when no other run is using it
        except OSError:
            pass


def _work_folder(cache: Path) -> Path:
    """A fresh folder for this run under the cache; folders of dead runs are removed."""
    cache.mkdir(parents=True, exist_ok=True)
    for old in cache.glob(f"{WORK_PREFIX}*"):
        pid = old.name[len(WORK_PREFIX) :].split("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)
    work = cache / f"{WORK_PREFIX}{os.getpid()}-{next(_runs)}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    return work


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _write_inputs(batch: list[dict[str, bytes]], folder: Path) -> list[tuple[int, str, Path]]:
    """Each DOCX as ``<programme index>-<name>``: one output folder holds them all."""
    folder.mkdir()
    inputs = []
    for index, files in enumerate(batch):
        for name in sorted(n for n in files if n.endswith(".docx")):
            path = folder / f"{index}-{name}"
            path.write_bytes(files[name])
            inputs.append((index, name, path))
    return inputs


def _collect(
    index: int, files: dict[str, bytes], out: Path, stderr: bytes
) -> dict[str, bytes] | PdfError:
    result, missing = {}, []
    for name in sorted(n for n in files if n.endswith(".docx")):
        pdf = out / f"{index}-{name[:-5]}.pdf"
        if pdf.is_file():
            result[name[:-5] + ".pdf"] = reproducible(pdf.read_bytes(), _created(files[name]))
        else:
            missing.append(name)
    if not missing:
        return result
    detail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
    return PdfError(
        "B002",
        f"LibreOffice не смог преобразовать в PDF {', '.join(missing)}"
        + (f": {detail[0]}" if detail[0] else ""),
    )


def _body_size(docx: bytes) -> int:
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            return package.getinfo("word/document.xml").file_size
    except (zipfile.BadZipFile, KeyError):
        return len(docx)


def _created(docx: bytes) -> dt.datetime:
    """The document's creation date from its core properties (the act's date)."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as package:
            core = package.read("docProps/core.xml").decode("utf-8")
        found = re.search(r"<dcterms:created[^>]*>(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)", core)
        return dt.datetime.fromisoformat(found.group(1)) if found else dt.datetime(1980, 1, 1)
    except (zipfile.BadZipFile, KeyError, ValueError):
        return dt.datetime(1980, 1, 1)
