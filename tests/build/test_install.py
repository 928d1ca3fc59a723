"""A regular (non-editable) install finds its default templates wherever pip puts the package:
``--target``, a prefix as a system or ``--user`` install lays it out; T004 names the places."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROGRAMMES, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a copy of the sources (the build writes beside its sources)."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "shnor_docs", source / "shnor_docs",
                    ignore=shutil.ignore_patterns("__pycache__"))
    _pip("wheel", "--no-deps", "--wheel-dir", str(base / "dist"), str(source))
    (found,) = (base / "dist").glob("shnor_docs-*.whl")
    return found


def _pip(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", "-q",
                           *args], capture_output=True, text=True, check=False, timeout=300)
    if done.returncode != 0 and "Could not find a version" in done.stderr + done.stdout:
        pytest.skip("нет доступа к индексу пакетов для сборки: " + done.stderr[-200:])
    assert done.returncode == 0, done.stderr


def _shnor(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run([sys.executable, "-m", "shnor_docs", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False, timeout=300)


def _installed(wheel: Path, tmp_path: Path, scheme: str) -> Path:
    target = tmp_path / scheme
    if scheme == "target":
        _pip("install", "--no-deps", "--target", str(target), str(wheel))
        return target
    # --ignore-installed: without it pip would first uninstall the editable install running
    # these tests from the environment.
    _pip("install", "--no-deps", "--ignore-installed", "--prefix", str(target), str(wheel))
    (site,) = target.glob("lib/python3*/site-packages")
    return site


@pytest.mark.parametrize("scheme", ["target", "prefix"])
def test_installed_package_builds_with_its_templates(wheel: Path, tmp_path: Path,
                                                     scheme: str) -> None:
    site = _installed(wheel, tmp_path, scheme)
    where = _shnor(site, tmp_path, "--version")
    assert where.returncode == 0, where.stderr
    probe = subprocess.run([sys.executable, "-c", "import shnor_docs; print(shnor_docs.__file__)"],
                           cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(site)},
                           capture_output=True, text=True, check=True)
    assert Path(probe.stdout.strip()).is_relative_to(site)  # the install, not the sources
    shutil.copytree(PROGRAMMES / "dubrovka", tmp_path / "dubrovka")
    done = _shnor(site, tmp_path, "build", "dubrovka", "--out", "out")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "out" / "dubrovka" / "prikaz.docx").is_file()
    assert (tmp_path / "out" / "dubrovka" / "index.html").is_file()


def test_a_missing_template_says_where_it_looked(wheel: Path, tmp_path: Path) -> None:
    site = _installed(wheel, tmp_path, "target")
    (site / "shnor_docs" / "templates" / "prikaz.docx").unlink()
    shutil.copytree(PROGRAMMES / "dubrovka", tmp_path / "dubrovka")
    done = _shnor(site, tmp_path, "build", "dubrovka", "--out", "out", "--format", "docx")
    assert done.returncode == 2
    expected = f"ошибка T004 шаблон не найден; искали: {site / 'shnor_docs' / 'templates'}"
    assert expected in done.stdout + done.stderr
