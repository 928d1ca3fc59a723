"""PDF through LibreOffice headless, with a throwaway profile."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT = 600


class PdfError(Exception):
    """LibreOffice is missing (B001) or failed (B002); the message is for the user."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(f"ошибка {code} {message}")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(files: dict[str, bytes]) -> dict[str, bytes]:
    """Convert every DOCX in ``files`` to PDF; returns {name.pdf: bytes}."""
    binary = soffice()
    if binary is None:
        raise PdfError(
            "B001",
            "для --format pdf нужен LibreOffice: установите пакет "
            "libreoffice-writer-nogui (apt-get install -y libreoffice-writer-nogui)"
        )
    with tempfile.TemporaryDirectory(prefix="shnor-pdf-") as tmp:
        work = Path(tmp)
        names = [n for n in files if n.endswith(".docx")]
        for name in names:
            (work / name).write_bytes(files[name])
        command = [
            binary,
            f"-env:UserInstallation=file://{work / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work / "pdf"),
            *[str(work / n) for n in names],
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=True)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            raise PdfError("B002", f"LibreOffice не смог преобразовать документы в PDF: {exc}") \
                from None
        result = {}
        for name in names:
            pdf = work / "pdf" / (name[:-5] + ".pdf")
            if not pdf.is_file():
                raise PdfError("B002", f"LibreOffice не создал {pdf.name}")
            result[pdf.name] = pdf.read_bytes()
        return result
