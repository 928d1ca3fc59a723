"""PDF through the real LibreOffice: PDF/A-2, tagged, Russian, reproducible, batched, and never
left running: not on a timeout, not when shnor is stopped or killed."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from shnor_docs.build import build_programme
from shnor_docs.build.batch import build_all
from shnor_docs.build.programme import CACHE, render_programme
from shnor_docs.render import soffice as soffice_module
from shnor_docs.render.pdf import PdfError, convert_batch
from shnor_docs.render.soffice_guard import sockets
from shnor_docs.spec.load import load_programme
from tests.conftest import PROGRAMMES
from tests.render.conftest import SLUGS, pdf_text, soffice

ROOT = PROGRAMMES.parent


@pytest.fixture(autouse=True)
def _needs_libreoffice() -> None:
    soffice()
    if shutil.which("pdfinfo") is None:
        pytest.skip("poppler-utils не установлен")


def _info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert out.stderr == "", out.stderr  # poppler finds nothing to repair
    return dict(re.findall(r"^([^:]+):\s*(.*)$", out.stdout, re.M))


def _ours(marker: Path) -> list[int]:
    """Processes whose command line or environment mentions ``marker``."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            text = (proc / "cmdline").read_bytes() + (proc / "environ").read_bytes()
        except OSError:
            continue
        if str(marker).encode() in text:
            found.append(int(proc.name))
    return found


def _gone(marker: Path, seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while _ours(marker):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


@pytest.fixture(scope="module")
def dubrovka(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("папка с пробелом")  # an unencoded space hung LibreOffice
    return build_programme(PROGRAMMES / "dubrovka", out, {"pdf", "docx"}).folder


def test_pdf_is_archival_tagged_and_russian(dubrovka: Path) -> None:
    spec = load_programme(PROGRAMMES / "dubrovka")
    pdf = dubrovka / "prikaz.pdf"
    info = _info(pdf)
    assert info["Tagged"] == "yes"
    assert int(info["Pages"]) >= 3
    assert info["Title"] == " ".join(spec.act.title.split())
    assert info["Author"] == spec.authority.name
    assert info["CreationDate"].startswith(
        f"{spec.act.date:%a %b %d} 00:00:00 {spec.act.date.year}"
    )
    data = pdf.read_bytes()
    assert b"/Lang(ru-RU)" in data
    assert b"<pdfaid:part>2</pdfaid:part>" in data
    assert "ПРИКАЗЫВАЮ" in pdf_text(pdf)
    assert not (dubrovka.parent / CACHE).exists()  # the cache is cleared after the run


def test_two_pdf_builds_are_byte_identical(dubrovka: Path, tmp_path: Path) -> None:
    time.sleep(1.1)  # LibreOffice stamps the second: the builds must differ in time
    again = build_programme(PROGRAMMES / "dubrovka", tmp_path / "again", {"pdf"}).folder
    for name in ("prikaz.pdf", "prilozhenie.pdf"):
        assert (again / name).read_bytes() == (dubrovka / name).read_bytes(), name


def _hyphenated_lines(pdf: Path) -> int:
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    return len(re.findall(r"[а-яё]-\n[а-яё]", text))


def test_hyphenation_reaches_the_pdf(dubrovka: Path, tmp_path: Path) -> None:
    folder = tmp_path / "dubrovka"
    shutil.copytree(PROGRAMMES / "dubrovka", folder)
    text = (folder / "programme.yaml").read_text(encoding="utf-8")
    (folder / "programme.yaml").write_text(text + "\nform:\n  hyphenation: false\n", "utf-8")
    plain = build_programme(folder, tmp_path / "out", {"pdf"}).folder / "prikaz.pdf"
    assert _hyphenated_lines(dubrovka / "prikaz.pdf") > _hyphenated_lines(plain)


def test_a_region_converts_in_one_libreoffice_run(tmp_path: Path, monkeypatch) -> None:
    runs = []
    real = soffice_module.run

    def counted(argv, work, timeout):
        runs.append([a for a in argv if a.endswith(".docx")])
        return real(argv, work, timeout)

    monkeypatch.setattr("shnor_docs.render.pdf.run", counted)
    folders = [PROGRAMMES / slug for slug in SLUGS]
    outcomes = build_all(folders, tmp_path, {"pdf"}, jobs=1, force=True, progress=lambda o: None)
    assert [o.status for o in outcomes] == ["built"] * len(SLUGS)
    assert len(runs) == 1 and len(runs[0]) >= 2 * len(SLUGS) - 1  # sterlitamak: an appendix
    for slug in SLUGS:
        assert sorted(p.name for p in (tmp_path / slug).glob("*.pdf"))
        assert not list((tmp_path / slug).glob("*.docx"))


def test_a_timeout_kills_libreoffice_and_its_socket(tmp_path: Path, monkeypatch) -> None:
    files = render_programme(PROGRAMMES / "dubrovka", tmp_path, {"pdf"}).files
    monkeypatch.setattr("shnor_docs.render.pdf.timeout_for", lambda sizes: 1.0)
    killed = tmp_path / CACHE / "libreoffice-999999999-0" / "profile"  # a killed run's folder
    killed.mkdir(parents=True)
    before = sockets()
    with pytest.raises(PdfError) as info:
        convert_batch([files], tmp_path / CACHE)
    assert info.value.code == "B008"
    assert _gone(tmp_path)
    assert sockets() <= before  # no stale single-instance socket left in /tmp
    assert not (tmp_path / CACHE).exists()  # neither this run's folder nor the killed one


CHILD = """
import sys
from pathlib import Path
from shnor_docs.build.programme import render_programme
from shnor_docs.render.pdf import convert_batch
out = Path(sys.argv[1])
files = render_programme(Path(sys.argv[2]), out, {"pdf"}).files
convert_batch([files] * 6, out / ".shnor-cache")
"""


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_libreoffice_dies_with_shnor(tmp_path: Path, signum: int) -> None:
    shnor = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path), str(PROGRAMMES / "dubrovka")], cwd=ROOT
    )
    deadline = time.monotonic() + 60
    while not any(_is_office(pid) for pid in _ours(tmp_path)):
        assert time.monotonic() < deadline and shnor.poll() is None, "LibreOffice не запустился"
        time.sleep(0.1)
    office = [pid for pid in _ours(tmp_path) if _is_office(pid)]
    environ = Path(f"/proc/{office[0]}/environ").read_bytes()
    assert f"TMPDIR={tmp_path / CACHE}".encode() in environ  # temporary files in the cache
    shnor.send_signal(signum)
    shnor.wait(timeout=30)
    assert _gone(tmp_path), "soffice.bin пережил shnor"


def _is_office(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip() in ("soffice.bin", "oosplash")
    except OSError:
        return False


def test_libreoffice_is_found_outside_path(monkeypatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    found = soffice_module.find_soffice()
    assert found is not None and Path(found).name == "soffice"


def test_the_newest_install_folder_wins(tmp_path: Path, monkeypatch) -> None:
    for version in ("7.4", "24.2", "6.0"):
        program = tmp_path / f"libreoffice{version}" / "program" / "soffice"
        program.parent.mkdir(parents=True)
        program.write_text("#!/bin/sh\n")
        program.chmod(0o755)
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setattr(soffice_module, "CANDIDATES", (f"{tmp_path}/libreoffice*/program/soffice",))
    assert soffice_module.find_soffice() == str(tmp_path / "libreoffice24.2/program/soffice")


def test_a_relative_out_folder_converts_as_an_absolute_one(tmp_path: Path) -> None:
    """``shnor build --format pdf`` with the default «build» folder: LibreOffice runs in a
    folder of its own, so it must get absolute paths."""
    (tmp_path / "programmes").mkdir()
    shutil.copytree(PROGRAMMES / "dubrovka", tmp_path / "programmes" / "dubrovka")
    done = subprocess.run([sys.executable, "-m", "shnor_docs", "build", "--format", "pdf"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    assert done.returncode == 0, done.stderr
    assert "ПРИКАЗЫВАЮ" in pdf_text(tmp_path / "build" / "dubrovka" / "prikaz.pdf")
