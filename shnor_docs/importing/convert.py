"""Legacy documents (.doc, .odt, .rtf) converted to DOCX by LibreOffice, when it is installed.

LibreOffice runs with a throwaway profile inside a temporary folder (its temporary files too),
in its own process group that is killed on a timeout, on Ctrl+C or when shnor dies — the
helpers of :mod:`shnor_docs.render.soffice` that PDF output uses.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from shnor_docs.importing.problems import ImportFailure

FILTER = "docx:MS Word 2007 XML"
TIMEOUT = 180.0


def to_docx(data: bytes, name: str) -> bytes:
    """The DOCX LibreOffice makes of a legacy document; a coded error if it cannot."""
    from shnor_docs.render.soffice import SofficeError, command, find_soffice, run

    binary = find_soffice()
    if binary is None:
        raise ImportFailure(
            "I006", f"«{name}» — не DOCX; чтобы импортировать .doc и .odt, нужен LibreOffice "
            "(apt-get install -y libreoffice-writer-nogui или libreoffice.org), или сохраните "
            "документ как .docx в Word"
        )
    suffix = Path(name).suffix.lower() if Path(name).suffix.lower() in (
        ".doc", ".odt", ".rtf", ".ott", ".dot") else ".doc"
    with tempfile.TemporaryDirectory(prefix="shnor-import-") as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        source = work / "in" / f"source{suffix}"
        source.write_bytes(data)
        argv = command(binary, work, FILTER, work / "out", [source])
        try:
            run(argv, work, TIMEOUT)
        except SofficeError as exc:
            raise ImportFailure("I007", f"LibreOffice не преобразовал «{name}» в DOCX за "
                                f"{TIMEOUT:.0f} с и остановлен" if exc.code == "B008" else
                                f"LibreOffice не преобразовал «{name}»: {exc}") from None
        result = work / "out" / "source.docx"
        if not result.is_file():
            raise ImportFailure("I007", f"LibreOffice не смог преобразовать «{name}» в DOCX "
                                "(файл повреждён или защищён паролем)")
        return result.read_bytes()
