"""``shnor build`` where nothing changed answers without click, and says exactly what the click
command says; everything else falls through to the click command."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from shnor_docs.build import FORMATS
from shnor_docs.build.stop import Stopped
from shnor_docs.cli import cli, quick
from tests.conftest import PROGRAMMES, ROOT, run_main

HEAVY = ("click", "yaml", "pydantic", "jinja2", "docx", "lxml", "dataclasses", "typing")


def _region(tmp_path: Path) -> Path:
    region = tmp_path / "region"
    for slug in ("meshchovsk", "dubrovka"):
        shutil.copytree(PROGRAMMES / slug, region / slug)
    return region


def _main(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``shnor`` as installed: the console script's ``main``; prints which heavy modules it
    imported as the last line of stdout."""
    return run_main(*args, report=f"sorted(m for m in {HEAVY!r} if m in sys.modules)", cwd=cwd,
                    env=env)


def _clicked(*args: str) -> subprocess.CompletedProcess[str]:
    """The click command itself, in a process of its own: stdout and stderr apart, as every
    click version keeps them (CliRunner mixes them before click 8.2)."""
    code = (
        "import sys\nfrom shnor_docs.cli.app import main\n"
        f"sys.argv = ['shnor', *{list(args)!r}]\nmain()\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, encoding="utf-8", errors="replace")


def _summary(stderr: str) -> str:
    """The summary line without its seconds."""
    return stderr.strip().splitlines()[-1].rsplit(" (", 1)[0]


@pytest.mark.parametrize("extra", [[], ["--jobs", "2", "--format", "html,docx"], ["--strict"]])
def test_a_current_region_is_answered_without_click_as_click_answers(
    tmp_path: Path, extra: list[str]
) -> None:
    region, out = _region(tmp_path), tmp_path / "out"
    args = ["build", str(region), "--out", str(out), *extra]
    first = CliRunner().invoke(cli, args)
    clicked = _clicked(*args)  # the click command, now that nothing changed
    quick_run = _main(*args)
    *lines, heavy = quick_run.stdout.splitlines()
    assert quick_run.returncode == clicked.returncode
    if "--strict" in extra:  # a strict build of programmes with errors is never current
        assert first.exit_code == 1 and "click" in heavy
        return
    assert clicked.returncode == 0, clicked.stderr
    assert heavy == "[]"
    assert lines == clicked.stdout.splitlines()
    assert _summary(quick_run.stderr) == _summary(clicked.stderr)
    assert "без изменений: 2" in quick_run.stderr


def test_a_changed_programme_is_built_by_the_click_command(tmp_path: Path) -> None:
    region, out = _region(tmp_path), tmp_path / "out"
    assert CliRunner().invoke(cli, ["build", str(region), "--out", str(out)]).exit_code == 0
    roadmap = region / "meshchovsk" / "roadmap.yaml"
    roadmap.write_text(roadmap.read_text("utf-8").replace("Январь 2023", "Март 2023", 1), "utf-8")
    done = _main("build", str(region), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "Собрано: 1, без изменений: 1" in done.stderr
    assert "'click'" in done.stdout.splitlines()[-1]


def test_an_unsafe_output_folder_is_refused_as_before(tmp_path: Path) -> None:
    """The shortcut never answers for a folder the command refuses (B004)."""
    region = _region(tmp_path)
    done = _main("build", str(region), "--out", str(region / "meshchovsk" / "out"))
    assert done.returncode == 2
    assert "ошибка B004" in done.stderr
    assert not (region / "meshchovsk" / "out").exists()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["build"], {"paths": [], "out": Path("build"), "formats": {"docx", "html"}}),
        (["build", "a", "--out=o", "b"], {"paths": [Path("a"), Path("b")], "out": Path("o")}),
        (["build", "-j2", "--format", " PDF ,docx"], {"formats": {"pdf", "docx"}}),
        (["build", "--out", "x", "--out", "y"], {"out": Path("y")}),
        (["build", "--shard", "1/3", "--strict"], {"shard": "1/3", "strict": True}),
    ],
)
def test_the_documented_forms_are_read_as_click_reads_them(
    argv: list[str], expected: dict[str, object]
) -> None:
    found = quick.parse_build(argv)
    assert found is not None
    for key, value in expected.items():
        assert found[key] == value


@pytest.mark.parametrize(
    "argv",
    [
        [], ["check"], ["build", "--force"], ["build", "-h"], ["build", "--help"],
        ["build", "--jobs", "0"], ["build", "-j", "65"], ["build", "-j=2"], ["build", "--jobs"],
        ["build", "--format", "odt"], ["build", "--format", ","], ["build", "--"],
        ["build", "-"], ["build", "--verbose"], ["build", "--out", ""], ["build", "-j", "²"],
    ],
)
def test_anything_else_goes_to_the_click_command(argv: list[str]) -> None:
    assert quick.parse_build(argv) is None
    assert quick.shortcut(argv) is None


def test_the_formats_are_the_builds() -> None:
    assert quick.FORMATS == FORMATS


def test_an_unexpected_error_falls_through(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from shnor_docs.build import batch

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("сбой")

    monkeypatch.setattr(batch, "unchanged", broken)
    assert quick.shortcut(["build", str(PROGRAMMES), "--out", str(tmp_path / "out")]) is None


def test_a_stop_is_reported_as_the_command_reports_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from shnor_docs.build import batch

    def stopped(*args: object, **kwargs: object) -> None:
        raise Stopped(signal.SIGTERM)

    monkeypatch.setattr(batch, "unchanged", stopped)
    assert quick.shortcut(["build", str(PROGRAMMES), "--out", str(tmp_path / "out")]) == 143
    assert "ошибка B011 сборка прервана (SIGTERM)" in capsys.readouterr().err


def test_a_closed_pipe_ends_the_answer_with_1_without_a_second_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``shnor build | head``: once printing has begun, the click command does not run too."""

    read, write = os.pipe()
    os.close(read)
    with open(write, "w", encoding="utf-8") as closed:
        monkeypatch.setattr(sys, "stdout", closed)
        assert quick._print(["строка"] * 10_000, "Собрано: 0") == 1


@pytest.mark.parametrize(
    ("out_name", "env"),
    [
        ("out", {"PYTHONIOENCODING": "ascii"}),  # click rewraps the stream as UTF-8
        ("out\x1b[1m", {}),  # click strips escape sequences from a pipe
        ("x: ошибка S030 y", {}),  # click lists the accepted deadline wordings after it
    ],
)
def test_what_click_does_around_printing_is_left_to_click(
    tmp_path: Path, out_name: str, env: dict[str, str]
) -> None:
    region, out = _region(tmp_path), tmp_path / out_name
    args = ["build", str(region), "--out", str(out)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    done = _main(*args, env=env)
    heavy = done.stdout.splitlines()[-1]
    assert "'click'" in heavy, done.stdout
    assert done.returncode == 0, done.stderr
    assert "без изменений: 2" in done.stderr


def test_shell_completion_is_left_to_click(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(quick.COMPLETION, "bash_complete")
    assert quick.shortcut(["build"]) is None
