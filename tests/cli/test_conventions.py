"""Command-line conventions: Russian help, colour variables, quiet/verbose/exit-zero, coded
errors for paths without programmes, file modes, number agreement; validate agrees with check."""

from __future__ import annotations

import json
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from shnor_docs.cli import cli
from tests.checks.spec_helpers import BASE
from tests.conftest import ROOT

OVERDUE = BASE.replace("          status: done\n          done_on: 2023-01-20\n", "")
#: Latin words a Russian help text may hold: names of formats, tools and values.
ALLOWED = {"ШНОР", "ШНСУ", "CI", "JSON", "YAML", "DOCX", "HTML", "PDF", "SARIF", "XML", "ALL",
           "SHNOR_DEBUG", "JUnit", "K/N", "LibreOffice", "GitHub", "GitLab", "Actions",
           "Code", "Quality", "Schema", "README", "XLSX", "ICS", "UID"}


def check(*args: str, **kwargs):
    return CliRunner().invoke(cli, ["check", "--as-of", "2023-03-01", *args], **kwargs)


@pytest.mark.parametrize("command", [None, *cli.list_commands(None)])
def test_help_is_russian(command: str | None) -> None:
    out = CliRunner().invoke(cli, [command, "--help"] if command else ["--help"]).output
    shouting = set(re.findall(r"\b[A-Z][A-Z_/]{2,}\b", out)) - ALLOWED
    assert not shouting, (command, shouting)  # metavars like PATHS, SLUG, INTEGER RANGE
    for english in ("Usage", "Options", "Show this", "default:", "required", "range"):
        assert english not in out, (command, english)


def test_help_names_every_exit_code() -> None:
    out = CliRunner().invoke(cli, ["check", "--help"]).output
    assert all(f"{code} —" in out for code in "0123")


@pytest.mark.parametrize("args", [["check", "--format", "xml"], ["build", "--jobs", "0"],
                                  ["validate", "--format", "junit"]])
def test_choice_and_range_errors_are_russian(args: list[str]) -> None:
    out = CliRunner().invoke(cli, args)
    assert out.exit_code == 2
    assert "Недопустимое значение" in out.output and "is not" not in out.output, out.output


@pytest.mark.parametrize(("env", "colour"), [
    ({}, False), ({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ({"FORCE_COLOR": "", "NO_COLOR": ""}, False), ({"TERM": "dumb", "FORCE_COLOR": "1"}, True),
])
def test_colour_variables(programmes, env: dict[str, str], colour: bool) -> None:
    programmes(a=OVERDUE)
    base = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "shnor_docs", "check", "--as-of", "2023-03-01"],
                          capture_output=True, text=True, env={**base, **env}, check=False,
                          timeout=60)
    assert done.returncode == 1, done.stderr
    assert ("\x1b[" in done.stdout) is colour


def test_terminal_colours_unless_dumb_or_no_color(monkeypatch) -> None:
    from shnor_docs.cli.common import colour_wanted

    class Tty:
        def isatty(self) -> bool:
            return True

    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    assert colour_wanted(Tty())
    monkeypatch.setenv("NO_COLOR", "")  # empty: not set
    assert colour_wanted(Tty())
    monkeypatch.setenv("TERM", "dumb")
    assert not colour_wanted(Tty())


def test_quiet_verbose_exit_zero(programmes) -> None:
    programmes(a=OVERDUE)
    normal, quiet, verbose = check(), check("-q"), check("--verbose")
    assert normal.exit_code == quiet.exit_code == verbose.exit_code == 1
    assert quiet.output.splitlines() == [ln for ln in normal.output.splitlines()
                                         if ": ошибка R" in ln or ": предупреждение R" in ln
                                         or ": информация R" in ln]
    assert "programmes/a: " in verbose.output and "правил" in verbose.output
    assert check("--exit-zero").exit_code == 0
    Path("programmes/b").mkdir()
    Path("programmes/b/programme.yaml").write_text("authority: [\n", encoding="utf-8")
    assert check("--exit-zero").exit_code == 2  # a spec that does not load still fails


@pytest.mark.parametrize("command", ["check", "validate"])
def test_a_path_without_programmes_is_a_coded_error(programmes, command: str) -> None:
    programmes(a=BASE)
    Path("docs").mkdir()
    out = CliRunner().invoke(cli, [command, "docs"])
    assert out.exit_code == 2
    assert "docs: ошибка S002 в папке нет программ" in out.output
    missing = CliRunner().invoke(cli, [command, "nowhere"])
    assert missing.exit_code == 2 and "nowhere: ошибка S002 путь не найден" in missing.output


def test_nothing_at_all_is_a_coded_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for command in ("check", "validate"):
        out = CliRunner().invoke(cli, [command])
        assert out.exit_code == 2 and "S002" in out.output, out.output


def test_validate_reports_unknown_rules_as_check_does(programmes) -> None:
    programmes(a=BASE + "checks:\n  rules: {R999: off}\n")
    lines = {ln for ln in check().output.splitlines() if "S011" in ln}
    validated = CliRunner().invoke(cli, ["validate"])
    assert validated.exit_code == 2 and lines
    assert lines <= set(validated.output.splitlines())


@pytest.mark.parametrize("fmt", ["json", "github", "sarif"])
def test_validate_formats(programmes, fmt: str) -> None:
    programmes(a=BASE, b=BASE.replace("responsible: [otdel]", "responsible: [nobody]"))
    out = CliRunner().invoke(cli, ["validate", "--format", fmt])
    assert out.exit_code == 2
    if fmt == "github":
        assert out.output.startswith("::error file=programmes/b/programme.yaml,line=")
    else:
        assert "S020" in json.dumps(json.loads(out.output), ensure_ascii=False)


def test_validate_quiet_and_number_agreement(programmes) -> None:
    programmes(b=BASE.replace("responsible: [otdel]", "responsible: [nobody]"))
    out = CliRunner().invoke(cli, ["validate"])
    assert "Ошибки в 1 из 1 программы." in out.output
    programmes(a=BASE)
    quiet = CliRunner().invoke(cli, ["validate", "-q"])
    assert "спецификация верна" not in quiet.output and "Ошибки в 1 из 2 программ." in quiet.output


def test_written_files_follow_the_umask(programmes) -> None:
    programmes(a=OVERDUE)
    assert check("--format", "json", "-o", "report.json").exit_code == 1
    assert stat.S_IMODE(Path("report.json").stat().st_mode) == 0o644
