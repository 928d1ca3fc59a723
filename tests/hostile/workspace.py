"""The hostile cases' workspace: tmp_path is the working directory, holding prog/ and build/prog/.

Helpers shared by the modules of tests/hostile: run the CLI, assert that a command was refused
with its code and that nothing changed on disk, or that a build went through.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from shnor_docs.cli import cli
from tests.conftest import SPECS, tree_digests

VALID_TEXT = (SPECS / "valid" / "programme.yaml").read_text(encoding="utf-8")
PROG = "prog"  # the programme folder inside tmp_path, and so the name of its build folder
BUILD = ["build", PROG, "--out", "build"]
SECRET = "СЕКРЕТ-ВНЕ-ПАПКИ-ПРОГРАММЫ"


def make_first_build(base: Path) -> Path:
    """The valid programme and its build in ``base``."""
    shutil.copytree(SPECS / "valid", base / PROG)
    result = CliRunner().invoke(cli, ["build", str(base / PROG), "--out", str(base / "build")])
    assert result.exit_code == 0, result.output
    return base


def copy_workspace(first: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(first / PROG, tmp_path / PROG)
    shutil.copytree(first / "build", tmp_path / "build")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def outside_build(root: Path) -> dict[str, str]:
    found = tree_digests(root).items()
    return {k: v for k, v in found if k != "build" and not k.startswith("build/")}


def invoke(args: list[str]) -> Result:
    result = CliRunner().invoke(cli, args)
    assert "Traceback" not in result.output, result.output
    assert "внутренняя ошибка" not in result.output, result.output
    return result


def assert_refused(
    root: Path, expected: str, commands: tuple[str, ...] = ("validate", "build")
) -> str:
    """Each command exits with 2 and prints ``expected``; build/ and the rest stay as they were."""
    built, rest = tree_digests(root / "build"), outside_build(root)
    for command in commands:
        result = invoke(BUILD if command == "build" else [command, PROG])
        assert result.exit_code == 2, result.output
        assert expected in result.output, result.output
    assert tree_digests(root / "build") == built
    assert outside_build(root) == rest
    return result.output


def russian(message: str) -> bool:
    return re.search(r"[а-яё]{4,}", message) is not None


def build_ok(root: Path) -> Path:
    rest = outside_build(root)
    result = invoke(BUILD)
    assert result.exit_code == 0, result.output
    assert outside_build(root) == rest
    assert sorted(p.name for p in (root / "build").iterdir()) == [PROG]
    return root / "build" / PROG


def paragraphs(docx: Path) -> list[str]:
    """Text of every paragraph of the body, table cells included, read through python-docx."""
    body = Document(str(docx)).element.body
    return [Paragraph(p, None).text for p in body.iter(qn("w:p"))]


def write_spec(root: Path, text: str) -> None:
    (root / PROG / "programme.yaml").write_text(text, encoding="utf-8")


def own_templates(root: Path) -> Path:
    """A programme's own template folder ``t/`` (with ``t/html/``), named in its spec."""
    own = root / PROG / "t"
    (own / "html").mkdir(parents=True)
    with open(root / PROG / "programme.yaml", "a", encoding="utf-8") as handle:
        handle.write("templates: t\n")
    return own
