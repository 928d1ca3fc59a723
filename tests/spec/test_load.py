"""The loader: every broken spec gives its code at the right line and column."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from shnor_docs.cli import cli
from shnor_docs.errors import CODES, SpecError
from shnor_docs.spec import yamllimits, yamlread
from shnor_docs.spec.load import load_programme
from shnor_docs.spec.yamlread import safe_read
from tests.conftest import SPECS, valid_spec_text, yaml_depth

BROKEN = sorted(p for p in (SPECS / "broken").iterdir() if p.is_dir())


def _expected(case: Path) -> tuple[str, int, int, str]:
    where, code = (case / "expected.txt").read_text(encoding="utf-8").split()
    if where.count(":") == 1:
        where = f"programme.yaml:{where}"
    name, line, col = where.split(":")
    return name, int(line), int(col), code


def _problems(folder: Path) -> list[tuple[str, int, int, str]]:
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        with pytest.raises(SpecError) as info:
            load_programme(Path("."))
    finally:
        os.chdir(cwd)
    return [(p.location.path, p.location.line, p.location.col, p.code) for p in info.value.problems]


def test_valid_base_loads() -> None:
    spec = load_programme(SPECS / "valid")
    assert spec.roadmap is not None
    assert spec.roadmap.activities()[0].display_number == "1.1"
    assert spec.period.start.year == 2023


@pytest.mark.parametrize("case", BROKEN, ids=[p.name for p in BROKEN])
def test_broken_spec_reports_code_at_position(case: Path) -> None:
    expected = _expected(case)
    found = _problems(case)
    assert expected in found, found


def test_every_load_code_has_a_broken_spec() -> None:
    covered = {_expected(case)[3] for case in BROKEN}
    assert covered == set(CODES)


@pytest.mark.parametrize("case", BROKEN, ids=[p.name for p in BROKEN])
def test_cli_validate_reports_without_traceback(case: Path) -> None:
    result = CliRunner().invoke(cli, ["validate", str(case)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    name, line, col, code = _expected(case)
    assert f"{name}:{line}:{col}: ошибка {code} " in result.output


def test_unknown_key_suggests_the_close_one(write_spec) -> None:
    text = valid_spec_text().replace("  period: 2023\n", "  perod: 2023\n")
    with pytest.raises(SpecError) as info:
        load_programme(write_spec(text))
    messages = {p.code: p.message for p in info.value.problems}
    assert "возможно, имелось в виду «period»" in messages["S011"]
    assert "S012" in messages  # the real key is now missing


def test_all_problems_are_reported_at_once(write_spec) -> None:
    text = (
        valid_spec_text()
        .replace("responsible: [otdel]\n          tasks", "responsible: [nobody]\n          tasks")
        .replace("deadline: январь 2023 г.", "deadline: вчера")
        .replace("      goal: g1", "      goal: g7")
    )
    with pytest.raises(SpecError) as info:
        load_programme(write_spec(text))
    assert {p.code for p in info.value.problems} >= {"S020", "S030", "S023"}


def test_include_merges_top_level_keys(write_spec) -> None:
    base = valid_spec_text()
    head, roadmap = base.split("roadmap:\n")
    folder = write_spec("include: [roadmap.yaml]\n" + head, roadmap__yaml="roadmap:\n" + roadmap)
    spec = load_programme(folder)
    assert len(spec.roadmap.activities()) == 1
    location = spec.positions.value(("roadmap", "sections", 0, "activities", 0, "title"))
    assert location.path.endswith("roadmap.yaml") and location.line == 5


CONTINUED = """roadmap:
  sections:
    - title: Второй раздел
      activities:
        - title: Мероприятие второго файла
          deadline: февраль 2023 г.
          responsible: [otdel]
          tasks: [t1]
          indicators: [i1]
"""


def test_roadmap_sections_continue_in_an_included_file(write_spec) -> None:
    folder = write_spec("include: [more.yaml]\n" + valid_spec_text(), more__yaml=CONTINUED)
    spec = load_programme(folder)
    titles = [a.title for a in spec.roadmap.activities()]
    assert titles == ["Мероприятие", "Мероприятие второго файла"]
    assert [a.display_number for a in spec.roadmap.activities()] == ["1.1", "2.1"]
    first = spec.positions.value(("roadmap", "sections", 0, "activities", 0, "title"))
    second = spec.positions.value(("roadmap", "sections", 1, "activities", 0, "title"))
    assert first.path.endswith("programme.yaml")
    assert second.path.endswith("more.yaml") and second.line == 5
    assert spec.positions.key(("roadmap",)).path.endswith("programme.yaml")


def test_roadmap_continued_with_other_keys_is_a_repeated_key(write_spec) -> None:
    more = CONTINUED.replace("  sections:", "  title: Другой план\n  sections:")
    folder = write_spec("include: [more.yaml]\n" + valid_spec_text(), more__yaml=more)
    with pytest.raises(SpecError) as info:
        load_programme(folder)
    assert [(p.code, p.location.path.endswith("more.yaml")) for p in info.value.problems] == [
        ("S006", True)
    ]


def test_include_through_symlink_outside_is_refused(write_spec, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("roadmap: {}\n", encoding="utf-8")
    folder = write_spec("include: [link.yaml]\n" + valid_spec_text().split("roadmap:\n")[0])
    (folder / "link.yaml").symlink_to(outside)
    with pytest.raises(SpecError) as info:
        load_programme(folder)
    assert [p.code for p in info.value.problems] == ["S006"]


def test_yaml_11_words_stay_strings(write_spec) -> None:
    text = (
        valid_spec_text()
        .replace('number: "1"', "number: 08")
        .replace("surname: Иванова", "surname: no")
    )
    spec = load_programme(write_spec(text))
    assert spec.act.number == "08"
    assert spec.party("head").surname == "no"


def test_alias_bomb_is_refused(write_spec) -> None:
    bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        bomb.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    folder = write_spec("\n".join(bomb) + "\n" + valid_spec_text())
    with pytest.raises(SpecError) as info:
        load_programme(folder)
    assert "S008" in {p.code for p in info.value.problems}


def test_alias_bomb_is_sized_not_walked(tmp_path, monkeypatch) -> None:
    """A billion-node bomb is refused before it is built, where building would stop."""
    built = []
    monkeypatch.setattr(yamlread, "_build", lambda *args: built.append(args))
    bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        bomb.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    path = tmp_path / "programme.yaml"
    path.write_text("\n".join(bomb) + "\n", encoding="utf-8")
    _data, _positions, problems = safe_read(path, "programme.yaml")
    assert [(str(p.location), p.code) for p in problems] == [("programme.yaml:1:34", "S008")]
    assert built == []


def test_self_containing_alias_is_refused(tmp_path) -> None:
    path = tmp_path / "programme.yaml"
    path.write_text("a: &a [x, *a]\n", encoding="utf-8")
    _data, _positions, problems = safe_read(path, "programme.yaml")
    assert [(str(p.location), p.code) for p in problems] == [("programme.yaml:1:8", "S008")]


def test_without_anchors_the_reader_alone_stops_where_sizing_would(tmp_path, monkeypatch) -> None:
    """A document with no «&» has no alias, so the sizing pass is skipped: the reader's own
    count stops an oversized tree at the very place the sizing pass names."""
    from shnor_docs.spec import yamllimits

    monkeypatch.setattr(yamllimits, "MAX_NODES", 50)
    monkeypatch.setattr(yamlread, "MAX_NODES", 50)
    sized = []
    real = yamlread.refuse_bomb
    monkeypatch.setattr(yamlread, "refuse_bomb", lambda *args: sized.append(1) or real(*args))
    places = []
    for extra in ("", "# A & B\n"):  # «&» in a comment: sized, though nothing is shared
        path = tmp_path / f"programme{len(extra)}.yaml"
        path.write_text(extra + "items: [" + ", ".join(["x"] * 100) + "]\n", encoding="utf-8")
        _data, _positions, problems = safe_read(path, "programme.yaml")
        places.append([(str(p.location), p.code) for p in problems])
    assert places[0] == [("programme.yaml:1:153", "S008")]
    assert places[1] == [("programme.yaml:2:153", "S008")]
    assert sized == [1]  # the second document only


@pytest.mark.parametrize(
    "text",
    [
        "a:\n  b:\n    c:\n    - - - [x, {y: z}]\n",
        "- - - - - - - - - - x\n",
        "? - - a\n: - - b\n",
        "--- - - - x\n",
        "- &a k: - \n",
        "- &a\n  - !!seq\n    - x\n",
        "key:\n- a:\n  - b:\n    - c\n",
        "".join(f"{'  ' * i}k{i}:\n" for i in range(20)) + "  " * 20 + "x: 1\n",
        "".join(f"{'  ' * i}k{i}:\r" for i in range(40)) + "  " * 40 + "x: 1\r",
        "".join(f"{'  ' * i}k{i}:\u2028" for i in range(40)) + "  " * 40 + "x: 1\n",
        "".join(f"{'  ' * i}k{i}:\x85" for i in range(40)) + "  " * 40 + "x: 1\n",
    ],
)
def test_the_depth_bound_is_never_short(text: str) -> None:
    try:
        real = yaml_depth(text)
    except yaml.YAMLError:
        return  # not YAML: the parser refuses it whatever the bound says
    assert yamllimits.depth_bound(text) >= real


def test_deep_block_nesting_is_still_refused_where_the_walk_finds_it(tmp_path) -> None:
    """61 block levels: over the bound, so walked as before and refused at the same place."""
    text = "".join(f"{'  ' * i}k{i}:\n" for i in range(62)) + "  " * 62 + "x\n"
    assert yamllimits.depth_bound(text) > yamllimits.MAX_DEPTH
    path = tmp_path / "programme.yaml"
    path.write_text(text, encoding="utf-8")
    _data, _positions, problems = safe_read(path, "programme.yaml")
    assert [p.code for p in problems] == ["S008"]
    assert str(problems[0].location) == "programme.yaml:62:123"


def test_a_block_roadmap_is_read_without_the_walk(monkeypatch) -> None:
    walked = []
    monkeypatch.setattr(yamlread, "_walk_depth", lambda *args: walked.append(args))
    text = "roadmap:\n  sections:\n  - title: Раздел\n    activities:\n" + (
        "    - title: Мероприятие\n      responsible:\n      - otdel\n" * 500
    )
    assert yamllimits.depth_bound(text) <= 20
    data, _positions, problems = yamlread._parse(text, "roadmap.yaml")
    assert problems == [] and len(data["roadmap"]["sections"][0]["activities"]) == 500
    assert walked == []


@pytest.mark.parametrize(
    ("text", "least"),
    [
        ("a: [b, c]\nd: [e, [f, g]]\n" * 200, 2),  # flow lists one per line: counted, not summed
        ("a: [\n  b,\n  [c, d],\n]\n", 2),
        ("a: ['b]', [c]]\n", 0),  # a quote inside a flow collection: only the length bounds it
        ("a: [b, # c]\n  d]\n", 0),
        ("a: [!<x[y]> b]\n", 0),
        ("[!t] " * 70 + "x" + "]" * 70, 0),  # the pure-Python scanner takes «]» into a tag
        ("# c\n\ufeff" + "- " * 70 + "x\n", 0),  # libyaml skips a BOM opening a line
        ("title: Раздел 1] и [2\nb: [c]\n", 1),
    ],
)
def test_the_flow_bound_counts_what_can_be_open(text: str, least: int) -> None:
    bound = yamllimits._flow_bound(text)
    if least == 0:
        assert bound == len(text) + 1
    else:
        assert least <= bound <= 2
