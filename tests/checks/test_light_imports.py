"""The check path stays light: no renderer library is imported by ``shnor check`` or ``rules``."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from tests.checks.spec_helpers import BASE
from tests.conftest import ROOT, run_main

HEAVY = ("docx", "docxtpl", "jinja2", "markdown", "babel", "pymorphy3", "petrovich", "lxml",
         "matplotlib", "openpyxl", "icalendar")

SCRIPT = """
import json, sys
from shnor_docs.cli import cli
for args in __ARGS__:
    try:
        cli.main(args, standalone_mode=False)
    except SystemExit:
        pass
heavy = sorted(m for m in sys.modules if m.split(".")[0] in __HEAVY__)
sys.stderr.write("HEAVY=" + json.dumps(heavy) + "\\n")
"""


def test_check_path_imports_no_renderer(tmp_path: Path) -> None:
    folder = tmp_path / "prog"
    folder.mkdir()
    (folder / "programme.yaml").write_text(BASE, encoding="utf-8")
    formats = ("text", "json", "github", "gitlab", "sarif", "junit")
    args = [["check", "--as-of", "2023-03-01", "--format", fmt, str(folder)] for fmt in formats]
    args += [["check", "--select", "R210", "--as-of", "2023-03-01", str(folder)]]
    args += [["rules"], ["rules", "--markdown"], ["rules", "R201"]]
    script = SCRIPT.replace("__ARGS__", repr(args)).replace("__HEAVY__", repr(HEAVY))
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False)
    line = next(x for x in done.stderr.splitlines() if x.startswith("HEAVY="))
    assert json.loads(line.removeprefix("HEAVY=")) == []


NOT_NEEDED = ("importlib.metadata", "email", "difflib", "tempfile", "subprocess", "xml")
def test_a_text_check_imports_only_what_it_needs(tmp_path: Path) -> None:
    """No pydantic plugin discovery (importlib.metadata and the e-mail parser), no suggestion
    machinery for a spec without typos, no temporary files, no git, no JUnit XML."""
    folder = tmp_path / "prog"
    folder.mkdir()
    (folder / "programme.yaml").write_text(BASE, encoding="utf-8")
    done = run_main("check", "--as-of", "2023-03-01", str(folder),
                    report=f"sorted(m for m in {NOT_NEEDED!r} if m in sys.modules)")
    assert ast.literal_eval(done.stdout.splitlines()[-1]) == []
