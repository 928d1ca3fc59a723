"""``shnor check`` and ``shnor rules`` end to end: exit codes, options, settings, entry point."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from shnor_docs.checks import REGISTRY
from shnor_docs.cli import cli
from tests.checks.spec_helpers import BASE, edit
from tests.conftest import ROOT

OVERDUE = edit([("          status: done\n          done_on: 2023-01-20\n", "")])
WARNING = edit([("      unit: \"%\"\n", "")])  # R510 only
BROKEN = BASE.replace("responsible: [otdel]", "responsible: [nobody]")
DEADLINE_LINE = OVERDUE.splitlines().index("          deadline: январь 2023 г.") + 1


def run(*args: str):
    return CliRunner().invoke(cli, ["check", "--as-of", "2023-03-01", *args])


def test_clean_programme_exits_0(programmes) -> None:
    programmes(a=BASE)
    result = run()
    assert result.exit_code == 0, result.output
    assert "Замечаний нет" in result.output


def test_error_exits_1_and_names_the_position(programmes) -> None:
    programmes(a=OVERDUE)
    result = run("programmes/a")
    assert result.exit_code == 1
    assert f"programmes/a/programme.yaml:{DEADLINE_LINE}:21: ошибка R201 " in result.output


def test_warnings_fail_only_with_strict(programmes) -> None:
    programmes(a=WARNING)
    assert run().exit_code == 0
    assert run("--strict").exit_code == 1


@pytest.mark.parametrize("fmt", ["text", "json", "github", "gitlab", "sarif", "junit"])
def test_unloadable_spec_exits_2_in_every_format(programmes, fmt: str) -> None:
    programmes(a=BASE, b=BROKEN)
    result = run("--format", fmt)
    assert result.exit_code == 2
    assert "S020" in result.output
    assert "Traceback" not in result.output
    if fmt in ("json", "gitlab", "sarif"):
        json.loads(result.output)


@pytest.mark.parametrize("args", [
    ["--as-of", "01.03.2023"], ["--select", "R8"], ["--ignore", "nonsense"], ["missing/dir"],
    ["--format", "xml"],
])
def test_misuse_exits_2(programmes, args: list[str]) -> None:
    programmes(a=BASE)
    result = CliRunner().invoke(cli, ["check", *args])
    assert result.exit_code == 2, result.output


def test_no_programmes_at_all_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run().exit_code == 2


def test_files_outside_programmes_are_nothing_to_check(programmes) -> None:
    programmes(a=OVERDUE)
    Path("README.md").write_text("x", encoding="utf-8")
    result = run("README.md")
    assert result.exit_code == 0
    assert "Проверено: 0 программ" in result.output


def test_select_ignore_and_output_file(programmes) -> None:
    programmes(a=OVERDUE)
    assert run("--ignore", "overdue").exit_code == 0
    assert run("--select", "R5,R6").exit_code == 0
    result = run("--format", "json", "-o", "report.json")
    assert result.exit_code == 1 and result.output == ""
    data = json.loads(Path("report.json").read_text(encoding="utf-8"))
    assert [f["code"] for f in data["findings"]] == ["R201"]


def test_repository_settings_apply(programmes) -> None:
    programmes(a=OVERDUE)
    Path("shnor.toml").write_text("[rules]\nR201 = 'info'\n", encoding="utf-8")
    result = run()
    assert result.exit_code == 0
    assert "информация R201" in result.output
    Path("shnor.toml").write_text("[rules]\nR201 = 'loud'\n", encoding="utf-8")
    result = run()
    assert result.exit_code == 2 and "shnor.toml:2:1: ошибка S013" in result.output


def test_rules_lists_and_explains() -> None:
    runner = CliRunner()
    listing = runner.invoke(cli, ["rules"])
    assert listing.exit_code == 0
    assert all(rule.code in listing.output for rule in REGISTRY)
    one = runner.invoke(cli, ["rules", "overdue"])
    assert one.exit_code == 0 and "R201 overdue" in one.output and "Плохо:" in one.output
    assert "**" not in one.output and "``" not in one.output
    assert runner.invoke(cli, ["rules", "R999"]).exit_code == 2
    markdown = runner.invoke(cli, ["rules", "--markdown"])
    assert markdown.output == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def test_entry_point_in_a_subprocess(programmes) -> None:
    programmes(a=OVERDUE)
    done = subprocess.run(
        [sys.executable, "-m", "shnor_docs", "check", "--as-of", "2023-03-01", "--format",
         "github"], capture_output=True, text=True, timeout=60, check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 1, done.stderr
    expected = f"::error file=programmes/a/programme.yaml,line={DEADLINE_LINE},col=21,"
    assert done.stdout.startswith(expected)


def _commands() -> list[str]:
    import yaml

    found = []
    for path in [*sorted((ROOT / "examples" / "ci").glob("*.y*ml")),
                 ROOT / ".pre-commit-hooks.yaml"]:
        text = path.read_text(encoding="utf-8")
        yaml.safe_load(text)  # every example is valid YAML
        found += re.findall(r"(?:run: |- |entry: )(shnor [^|#\n]+?)(?: \|\| true)?\s*$", text,
                            re.M)
    ci_values = {"${{ matrix.shard }}": "1", "$CI_NODE_INDEX": "1", "$CI_NODE_TOTAL": "2"}
    for name, value in ci_values.items():
        found = [command.replace(name, value) for command in found]
    return found


def test_ci_examples_use_real_options(programmes) -> None:
    programmes(a=BASE)
    commands = _commands()
    assert {"shnor validate", "shnor check --ignore dated --format github",
            "shnor check --ignore dated", "shnor check --format github"} <= set(commands)
    for command in commands:
        args = shlex.split(command)[1:]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code in (0, 1), (command, result.output)  # 2 would be misuse


def test_pre_commit_passes_file_names(programmes) -> None:
    programmes(a=BASE, b=OVERDUE)
    Path("programmes/a/roadmap.yaml").write_text("# не включён\n", encoding="utf-8")
    result = run("programmes/a/programme.yaml", "programmes/a/roadmap.yaml")
    assert result.exit_code == 0 and "Проверено: 1 программа" in result.output
    assert run("programmes/b/programme.yaml").exit_code == 1


def test_cli_formats_match_the_report() -> None:
    from shnor_docs.report import FORMATS

    option = next(p for p in cli.get_command(None, "check").params if p.name == "fmt")
    assert tuple(option.type.choices) == FORMATS
