"""End-to-end CLI: validate the example programmes, init a new one."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from shnor_docs.cli import cli
from shnor_docs.spec.load import load_programme
from tests.conftest import PROGRAMMES, ROOT

# What each seed holds: (act points, goals, tasks, indicators, stages, activities, risk factors)
SEED_COUNTS = {
    "belaya-kalitva": (3, 1, 4, 4, 3, 19, 0),
    "sterlitamak": (0, 2, 10, 10, 0, 0, 0),
    "dubrovka": (5, 0, 6, 0, 0, 0, 0),
    "meshchovsk": (4, 0, 0, 0, 0, 51, 10),
}


def test_validate_all_examples_exit_zero() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "shnor_docs", "validate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("спецификация верна") == len(SEED_COUNTS)


def test_examples_hold_what_their_seeds_hold() -> None:
    for slug, expected in SEED_COUNTS.items():
        spec = load_programme(PROGRAMMES / slug)
        prog = spec.programme
        activities = spec.roadmap.activities() if spec.roadmap else []
        points = len(spec.act.points) if spec.act else 0
        found = (
            points,
            len(prog.goals),
            len(prog.tasks),
            len(prog.indicators),
            len(prog.stages),
            len(activities),
            len(prog.risk_factors),
        )
        assert found == expected, slug


def test_meshchovsk_sections_as_printed() -> None:
    spec = load_programme(PROGRAMMES / "meshchovsk")
    sizes = [len(s.activities) for s in spec.roadmap.sections]
    assert sizes == [11, 19, 21]
    numbers = [a.display_number for a in spec.roadmap.sections[1].activities]
    assert numbers.count("9") == 2  # the seed's own defect, kept for the checks to find


def test_init_creates_a_valid_programme(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "schemas").mkdir()
    runner = CliRunner()
    result = runner.invoke(cli, ["init", "novyi-rayon"])
    assert result.exit_code == 0, result.output
    path = tmp_path / "programmes" / "novyi-rayon" / "programme.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/programme.schema.json")
    assert runner.invoke(cli, ["validate", "programmes/novyi-rayon"]).exit_code == 0
    checked = runner.invoke(cli, ["check", "programmes/novyi-rayon"])
    assert checked.exit_code == 0 and "Замечаний нет" in checked.output, checked.output
    again = runner.invoke(cli, ["init", "novyi-rayon"])
    assert again.exit_code == 2 and "уже существует" in again.output


def test_init_rejects_a_bad_slug(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["init", "../Вне"])
    assert result.exit_code == 2
    assert not any(tmp_path.iterdir())


def test_python_m_and_help_in_russian() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "shnor_docs", "--help"], capture_output=True, text=True, check=True
    )
    assert "Проверить спецификации" in result.stdout


def test_readme_error_codes_are_generated_and_current() -> None:
    from shnor_docs.errors import codes_markdown

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("-->\n", readme.index("<!-- коды: начало")) + 4
    end = readme.index("<!-- коды: конец -->")
    assert readme[start:end] == codes_markdown(), "обновите README: shnor errors --markdown"
    listed = CliRunner().invoke(cli, ["errors"]).output
    assert "S030" in listed and "T001" in listed and "B001" in listed
