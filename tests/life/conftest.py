"""Fixtures of the history tests: the three-revision repository, once per module."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.life.history import make_repo


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The programme folder of a repository with revisions v1, v2, v3 (working tree = v3)."""
    if shutil.which("git") is None:
        pytest.skip("git не установлен")
    return make_repo(tmp_path_factory.mktemp("repo"))


def libreoffice_text(docx: Path, out: Path) -> str:
    """The text LibreOffice extracts from a DOCX (what a reader of the document sees)."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        pytest.skip("LibreOffice не установлен")
    out.mkdir(parents=True, exist_ok=True)
    profile = (out / "profile").as_uri()
    subprocess.run([binary, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "txt:Text", "--outdir", str(out), str(docx)], check=True,
                   capture_output=True, timeout=180)
    return (out / f"{docx.stem}.txt").read_text(encoding="utf-8-sig").replace("\u00a0", " ")
