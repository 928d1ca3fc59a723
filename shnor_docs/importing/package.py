"""Opening a Word document safely: sizes checked before anything is unpacked.

A DOCX is a ZIP archive. Before python-docx opens it the archive's own directory is read and
its declared sizes are checked: unpacking never produces more than a ZIP entry declares (a
larger stream fails its checksum), so refusing large declared sizes stops a «zip bomb» before
it starts. An encrypted DOCX is not a ZIP at all but an OLE compound file holding an
``EncryptedPackage`` stream; a legacy ``.doc`` is an OLE file too, and goes to LibreOffice.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from shnor_docs.importing.problems import ImportFailure

MAX_FILE = 64 * 1024 * 1024
MAX_UNPACKED = 256 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_RATIO = 1000  # deflate tops out near 1032:1: only a run of one byte compresses so well
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


def read_source(path: Path) -> bytes:
    """The file's bytes, or a coded error: missing, unreadable, empty or too large."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ImportFailure("I001", f"«{path}» — не файл")
        if size > MAX_FILE:
            raise ImportFailure(
                "I004", f"файл «{path}» занимает {size // 2**20} МБ — больше {MAX_FILE // 2**20} МБ"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFailure("I001", f"файл «{path}» не найден") from None
    except OSError as exc:
        raise ImportFailure("I001", f"файл «{path}» не читается: {exc.strerror}") from None
    if not data:
        raise ImportFailure("I001", f"файл «{path}» пуст")
    return data


def kind_of(data: bytes, path: Path) -> str:
    """«docx», «legacy» (.doc, .odt, .rtf: for LibreOffice) or a coded error."""
    suffix = path.suffix.lower()
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data or suffix == ".docx":
            raise ImportFailure(
                "I003", f"«{path.name}» зашифрован (защищён паролем): откройте его в Word, "
                "снимите пароль (Файл → Сведения → Защита документа) и сохраните как .docx"
            )
        return "legacy"
    if data.startswith(ZIP_MAGIC):
        return "legacy" if suffix in (".odt", ".ott") else "docx"
    if suffix in (".doc", ".rtf") and data.lstrip().startswith(b"{\\rtf"):
        return "legacy"
    if suffix in (".docx", ".docm", ".dotx"):
        raise ImportFailure("I002", f"«{path.name}» повреждён: это не архив DOCX")
    raise ImportFailure(
        "I005", f"«{path.name}»: формат не поддерживается; нужен документ .docx, .doc или .odt"
    )


def check_archive(data: bytes, name: str) -> None:
    """Refuse a damaged archive, one with too many entries, or one that unpacks too large."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ImportFailure("I002", f"«{name}» повреждён: архив DOCX не читается") from None
    if len(entries) > MAX_ENTRIES:
        raise ImportFailure("I004", f"в архиве «{name}» {len(entries)} файлов — больше "
                            f"{MAX_ENTRIES}")
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNPACKED:
        raise ImportFailure(
            "I004", f"«{name}» распаковывается в {total // 2**20} МБ — больше "
            f"{MAX_UNPACKED // 2**20} МБ (возможна «zip-бомба»)"
        )
    for entry in entries:
        ratio = entry.file_size // max(entry.compress_size, 1)
        if entry.file_size > 16 * 2**20 and ratio > MAX_RATIO:
            raise ImportFailure(
                "I004", f"«{name}»: «{entry.filename}» сжат в {ratio} раз (возможна «zip-бомба»)"
            )
    if "word/document.xml" not in {entry.filename for entry in entries}:
        raise ImportFailure("I002", f"«{name}» — не документ Word: в архиве нет word/document.xml")


def open_docx(data: bytes, name: str) -> Any:
    """The python-docx document, after the archive checks; a coded error if it does not open."""
    check_archive(data, name)
    import docx
    from lxml import etree

    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, EOFError,
            OSError) as exc:
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise ImportFailure("I002", f"«{name}» повреждён: {detail}") from None
    except Exception as exc:  # python-docx raises its own errors for odd packages
        raise ImportFailure("I002", f"«{name}» не открывается как DOCX: "
                            f"{type(exc).__name__}") from None
