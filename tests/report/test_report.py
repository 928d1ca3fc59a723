"""Output formats: each is parsed back the way a CI system reads it; exit codes; determinism."""

from __future__ import annotations

import datetime as dt
import json
import re
from xml.etree import ElementTree as ET

import pytest

from shnor_docs.checks import REGISTRY
from shnor_docs.checks.core import Finding
from shnor_docs.checks.results import Report, Result
from shnor_docs.errors import Problem
from shnor_docs.location import Location
from shnor_docs.report import FORMATS, Options, render

AS_OF = dt.date(2023, 3, 1)
ACTIVE = {rule.code: rule.level for rule in REGISTRY}


def finding(code: str, level: str, line: int, message: str, path: str = "p/a/programme.yaml",
            programme: str = "a") -> Finding:
    name = next(rule.name for rule in REGISTRY if rule.code == code)
    return Finding(message, location=Location(path, line, 7), code=code, name=name, level=level,
                   programme=programme)


TRICKY = "срок истёк: 100% просрочки, см. пункт 1,2\nвторая строка"


def sample(strict: bool = False) -> Report:
    first = Result("p/a", [
        finding("R201", "error", 12, "мероприятие 1.1 просрочено"),
        finding("R601", "warning", 3, TRICKY),
        finding("R202", "info", 20, "срок истекает через 3 дн.", path="p/a/roadmap.yaml"),
    ], levels=ACTIVE)
    second = Result("p/b", [finding("R505", "warning", 8, "нет базового значения",
                                    path="p/b/programme.yaml", programme="b")], levels=ACTIVE)
    return Report([first, second], AS_OF, strict)


def broken() -> Report:
    problem = Problem(Location("p/c/programme.yaml", 4, 3), "S020", "участник «x» не определён")
    return Report([Result("p/c", problems=[problem])], AS_OF)


# --- exit codes ------------------------------------------------------------------------------


def test_exit_codes() -> None:
    assert sample().exit_code() == 1
    warnings_only = Report([Result("p/b", sample().results[1].findings, levels=ACTIVE)], AS_OF)
    assert warnings_only.exit_code() == 0
    warnings_only.strict = True
    assert warnings_only.exit_code() == 1
    assert Report([Result("p/a", levels=ACTIVE)], AS_OF).exit_code() == 0
    assert broken().exit_code() == 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_deterministic(fmt: str) -> None:
    assert render(sample(), fmt) == render(sample(), fmt)


# --- text ------------------------------------------------------------------------------------

LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): "
                  r"(?P<level>ошибка|предупреждение|информация) (?P<code>[RS]\d{3}) (?P<msg>.+)$")


def test_text_groups_by_file_with_a_summary() -> None:
    out = render(sample(), "text")
    lines = out.splitlines()
    files = [ln.split(" (")[0] for ln in lines if ln.startswith("p/") and not LINE.match(ln)]
    assert files == ["p/a/programme.yaml", "p/a/roadmap.yaml", "p/b/programme.yaml"]
    parsed = [LINE.match(ln) for ln in lines if LINE.match(ln)]
    assert [(m["file"], m["line"], m["code"]) for m in parsed] == [
        ("p/a/programme.yaml", "3", "R601"), ("p/a/programme.yaml", "12", "R201"),
        ("p/a/roadmap.yaml", "20", "R202"), ("p/b/programme.yaml", "8", "R505"),
    ]
    assert lines[-1] == ("Проверено: 2 программы на 01.03.2023. Найдено: 1 ошибка, "
                         "2 предупреждения, 1 сведение.")
    assert "\x1b[" not in out


def test_text_colours_only_when_asked() -> None:
    coloured = render(sample(), "text", Options(colour=True))
    assert "\x1b[31;1mошибка R201" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == render(sample(), "text")


def test_text_clean_and_broken() -> None:
    clean = render(Report([Result("p/a", levels=ACTIVE)], AS_OF), "text")
    assert clean.strip() == "Проверено: 1 программа на 01.03.2023. Замечаний нет."
    out = render(broken(), "text")
    assert "p/c/programme.yaml:4:3: ошибка S020 участник «x» не определён" in out
    assert "не загружено: 1" in out


# --- json ------------------------------------------------------------------------------------


def test_json() -> None:
    data = json.loads(render(sample(), "json"))
    assert data["as_of"] == "2023-03-01"
    assert data["summary"] == {"error": 1, "warning": 2, "info": 1}
    assert data["exit_code"] == 1
    assert {f["code"] for f in data["findings"]} == {"R201", "R601", "R202", "R505"}
    assert data["findings"][0].keys() >= {"path", "line", "col", "code", "name", "level",
                                          "message"}


# --- github ----------------------------------------------------------------------------------

ANNOTATION = re.compile(r"^::(?P<kind>error|warning|notice) (?P<props>[^:]*)::(?P<msg>.*)$")


def _unescape(value: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, char)
    return value


def parse_github(out: str) -> list[dict[str, str]]:
    found = []
    for raw in out.splitlines():
        match = ANNOTATION.match(raw)
        assert match, raw
        props = dict(part.split("=", 1) for part in match["props"].split(","))
        found.append({"kind": match["kind"], "message": _unescape(match["msg"]),
                      **{k: _unescape(v) for k, v in props.items()}})
    return found


def test_github_annotations_parse_back() -> None:
    found = parse_github(render(sample(), "github"))
    assert [(a["kind"], a["file"], a["line"], a["col"]) for a in found] == [
        ("error", "p/a/programme.yaml", "12", "7"), ("warning", "p/a/programme.yaml", "3", "7"),
        ("warning", "p/b/programme.yaml", "8", "7"), ("notice", "p/a/roadmap.yaml", "20", "7"),
    ]
    assert found[1]["title"] == "R601 undefined-abbreviation"
    assert found[1]["message"] == TRICKY


# --- gitlab ----------------------------------------------------------------------------------


def test_gitlab_code_quality() -> None:
    issues = json.loads(render(sample(), "gitlab"))
    assert len(issues) == 4
    for issue in issues:
        assert issue.keys() >= {"description", "check_name", "fingerprint", "severity",
                                "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({issue["fingerprint"] for issue in issues}) == 4
    assert [i["severity"] for i in issues] == ["minor", "major", "info", "minor"]


# --- junit -----------------------------------------------------------------------------------


def test_junit_parses_and_counts() -> None:
    root = ET.fromstring(render(sample(), "junit"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["p/a", "p/b"]
    assert root.get("tests") == str(2 * len(REGISTRY))
    assert root.get("failures") == "1"
    failed = [c for c in root.iter("testcase") if c.find("failure") is not None]
    assert [(c.get("classname"), c.get("name")) for c in failed] == [("shnor.a", "R201 overdue")]
    out = next(c for c in root.iter("testcase") if c.get("name") == "R601 undefined-abbreviation")
    assert "R601" in (out.findtext("system-out") or "")


def test_junit_strict_fails_warnings_too() -> None:
    root = ET.fromstring(render(sample(strict=True), "junit"))
    assert root.get("failures") == "3"


def test_junit_load_error() -> None:
    root = ET.fromstring(render(broken(), "junit"))
    (case,) = root.iter("testcase")
    assert case.find("error") is not None and root.get("errors") == "1"
