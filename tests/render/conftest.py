"""Fixtures for the document tests: every example programme built once per session."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from shnor_docs.build import build_programme
from tests.conftest import PROGRAMMES

SLUGS = sorted(p.name for p in PROGRAMMES.iterdir() if (p / "programme.yaml").is_file())
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """build/<slug>/ for every example programme, DOCX and HTML."""
    out = tmp_path_factory.mktemp("build")
    for slug in SLUGS:
        build_programme(PROGRAMMES / slug, out, {"docx", "html"})
    return out


ACT_FILES = ("prikaz.docx", "postanovlenie.docx", "rasporyazhenie.docx")


def main_docx(folder: Path) -> Path:
    """The document a programme is signed as: its act with the appendices, or the appendix
    alone when the spec holds no act text."""
    for name in ACT_FILES:
        if (folder / name).is_file():
            return folder / name
    return sorted(folder.glob("prilozhenie*.docx"))[0]


def soffice() -> str:
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        pytest.skip("LibreOffice не установлен")
    return binary


def chromium() -> str:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        pytest.skip("Chromium не установлен")
    return binary


def pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils не установлен")
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return re.sub(r"-\n", "-", text)  # a line broken after a hyphen inside a word


def squash(text: str) -> str:
    """Text with all whitespace (spaces, line breaks, no-break spaces) collapsed."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def flat(text: str) -> str:
    """Text compared regardless of hyphens: a word hyphenated at a line end (automatic
    hyphenation) and the same word whole give the same result."""
    return squash(text.replace("\u00ad", "").replace("-", ""))


def pdf_pages(pdf: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line for line in info.splitlines() if line.startswith(("Pages", "Page size"))]
