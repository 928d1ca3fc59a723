"""The committed JSON Schemas are current, agree with the tool, and editors are pointed at them.

Files are validated with ``jsonschema`` after reading the YAML the way an editor does
(yaml-language-server reads YAML 1.2: ``number: 404`` is a number, ``2023-01-11`` a string).
"""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from shnor_docs.cli import cli
from shnor_docs.spec.load import load_programme
from shnor_docs.spec.schema import INCLUDED_SCHEMA, PROGRAMME_SCHEMA, SCHEMA_FILES, schema_text
from tests.conftest import PROGRAMMES, ROOT, SPECS

MODELINE = "# yaml-language-server: $schema="
SCHEMAS = ROOT / "schemas"


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2 core schema, as editors read it: no timestamps, no yes/no booleans, no 0777."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), first)


def editor_data(path: Path) -> object:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12Loader)


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_committed_schemas_are_current(name: str) -> None:
    committed = (SCHEMAS / name).read_text(encoding="utf-8")
    assert committed == schema_text(name), "схема устарела: выполните «shnor schema»"


def test_every_example_file_points_at_its_schema_and_validates() -> None:
    files = sorted(PROGRAMMES.glob("*/*.yaml"))
    assert any(p.name != "programme.yaml" for p in files)  # included files are covered too
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        name = PROGRAMME_SCHEMA if path.name == "programme.yaml" else INCLUDED_SCHEMA
        assert first == f"{MODELINE}../../schemas/{name}", path
        errors = [e.message for e in validator(name).iter_errors(editor_data(path))]
        assert not errors, (path, errors)


def test_test_specs_validate_too() -> None:
    for path in [SPECS / "valid" / "programme.yaml"]:
        assert not list(validator(PROGRAMME_SCHEMA).iter_errors(editor_data(path))), path


def test_included_schema_requires_nothing_and_programme_schema_does() -> None:
    included, programme = validator(INCLUDED_SCHEMA), validator(PROGRAMME_SCHEMA)
    assert included.is_valid({"roadmap": {"sections": []}})
    assert not programme.is_valid({"roadmap": {"sections": []}})
    assert not included.is_valid({"roadmap": {"sectons": []}})  # unknown keys still caught


def test_numbers_are_accepted_by_tool_and_schema(tmp_path: Path) -> None:
    source = (PROGRAMMES / "dubrovka" / "programme.yaml").read_text(encoding="utf-8")
    changed = source.replace('number: "404"', "number: 404").replace('- number: "1"',
                                                                      "- number: 1")
    assert changed.count("number: 404") == 1 and "- number: 1\n" in changed
    folder = tmp_path / "dubrovka"
    folder.mkdir()
    (folder / "programme.yaml").write_text(changed, encoding="utf-8")
    spec = load_programme(folder)
    assert spec.act.number == "404" and spec.act.points[0].number == "1"
    assert not list(validator(PROGRAMME_SCHEMA).iter_errors(editor_data(folder / "programme.yaml")))


def _titles(node: object, container: bool = False) -> list[str]:
    found = []
    if isinstance(node, dict):
        if not container and isinstance(node.get("title"), str):
            found.append(node["title"])
        for key, value in node.items():
            found += _titles(value, not container and key in ("properties", "$defs"))
    elif isinstance(node, list):
        for item in node:
            found += _titles(item)
    return found


def test_titles_are_russian() -> None:
    titles = _titles(json.loads(schema_text()))
    assert len(titles) > 100
    assert [t for t in titles if not re.search("[а-яё]", t, re.I)] == []
    assert "Period" not in titles and "Activity" not in titles


def test_structured_deadline_keys_complete() -> None:
    schema = json.loads(schema_text())
    deadline = schema["$defs"]["Activity"]["properties"]["deadline"]
    assert "#/$defs/StructuredDeadline" in json.dumps(deadline)
    forms = schema["$defs"]["StructuredDeadline"]["anyOf"]
    keys = {key for form in forms for key in form["properties"]}
    from shnor_docs.deadlines.forms import _KEYS

    assert keys == set(_KEYS)
    activity = jsonschema.Draft202012Validator({"$defs": schema["$defs"],
                                                 "$ref": "#/$defs/Activity"})
    good = [{"month": "2023-01"}, {"from": "2023-01", "to": "2023-03"},
            {"quarter": 1, "year": 2023}, {"every": "year", "times": 2, "months": [5, 12]},
            "январь 2023 г."]
    bad = [{"quarter": 5}, {"month": "2023-01", "to": "2023-02"}, {"mnth": "2023-01"}]
    for value, ok in [*((g, True) for g in good), *((b, False) for b in bad)]:
        assert activity.is_valid({"title": "x", "deadline": value}) is ok, value


def test_schema_command_writes_both_and_checks(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "schemas"
    assert runner.invoke(cli, ["schema", "--check", "--out", str(out)]).exit_code == 1
    assert runner.invoke(cli, ["schema", "--out", str(out)]).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(SCHEMA_FILES)
    assert stat.S_IMODE((out / PROGRAMME_SCHEMA).stat().st_mode) == 0o644
    assert runner.invoke(cli, ["schema", "--check", "--out", str(out)]).exit_code == 0


def test_init_writes_the_schemas_its_modeline_needs(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["init", "novyi-rayon"])
    assert result.exit_code == 0, result.output
    spec = tmp_path / "programmes" / "novyi-rayon" / "programme.yaml"
    first = spec.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"{MODELINE}../../schemas/{PROGRAMME_SCHEMA}"
    assert (spec.parent / "../../schemas" / PROGRAMME_SCHEMA).resolve().is_file()
    assert (tmp_path / "schemas" / INCLUDED_SCHEMA).is_file()
    assert stat.S_IMODE(spec.stat().st_mode) == 0o644
    assert not list(validator(PROGRAMME_SCHEMA).iter_errors(editor_data(spec)))
    again = CliRunner().invoke(cli, ["init", "drugoi"])  # existing schemas are left alone
    assert "Схема записана" not in again.output
