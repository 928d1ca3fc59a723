"""One import from start to end: open, read, recognise, write, check by loading."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from shnor_docs.importing.compose import compose
from shnor_docs.importing.files import spec_files
from shnor_docs.importing.package import kind_of, open_docx, read_source
from shnor_docs.importing.parties import slug
from shnor_docs.importing.report import REPORT_FILE, Report
from shnor_docs.importing.source import read_blocks
from shnor_docs.importing.write import check_target, write_folder
from shnor_docs.spec.folders import PROGRAMMES


@dataclass
class ImportResult:
    """Where the programme went, what was recognised, and what loading it found."""

    folder: Path
    report: Report
    problems: list[str] = field(default_factory=list)


def default_folder(source: Path, base: Path = PROGRAMMES) -> Path:
    """``programmes/<name of the file, in Latin letters>``."""
    name = re.sub(r"_+", "-", slug(source.stem.replace("-", " ")).replace("p_", "")) or "import"
    return base / name.strip("-")


def import_document(source: Path, into: Path | None = None, force: bool = False
                    ) -> ImportResult:
    """Import ``source`` into the programme folder ``into`` (see :mod:`shnor_docs.importing`)."""
    folder = into or default_folder(source)
    check_target(folder, force)
    data = read_source(source)
    if kind_of(data, source) == "legacy":
        from shnor_docs.importing.convert import to_docx

        data = to_docx(data, source.name)
    blocks = read_blocks(open_docx(data, source.name))
    report = Report(source.name)
    files = spec_files(compose(blocks, report), folder, source.name)
    result = ImportResult(folder, report)

    def checked(staging: Path) -> dict[str, str]:
        result.problems = _load_problems(staging)
        text = report.markdown()
        if result.problems:
            text += "\n## Спецификация не загружается\n\n" + "\n".join(
                f"- {p}" for p in result.problems) + "\n"
        return {REPORT_FILE: text}

    write_folder(folder, files, force, checked)
    return result


def _load_problems(folder: Path) -> list[str]:
    from shnor_docs.errors import SpecError
    from shnor_docs.spec.load import load_programme

    try:
        load_programme(folder)
    except SpecError as exc:
        return [f"{Path(p.location.path).name}:{p.location.line}:{p.location.col}: ошибка "
                f"{p.code} {p.message}" for p in exc.problems]
    return []
