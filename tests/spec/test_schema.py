"""The committed JSON Schema is current, and programmes point editors at it."""

from __future__ import annotations

import json

from click.testing import CliRunner

from shnor_docs.cli import cli
from shnor_docs.spec.schema import schema_text
from tests.conftest import PROGRAMMES, ROOT

MODELINE = "# yaml-language-server: $schema="


def test_committed_schema_is_current() -> None:
    committed = (ROOT / "schemas" / "programme.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "схема устарела: выполните «shnor schema»"


def test_schema_has_russian_descriptions() -> None:
    schema = json.loads(schema_text())
    period = schema["$defs"]["Programme"]["properties"]["period"]
    assert "Период" in period["description"]
    assert schema["additionalProperties"] is False


def test_schema_check_option(tmp_path) -> None:
    out = tmp_path / "s.json"
    runner = CliRunner()
    assert runner.invoke(cli, ["schema", "--check", "--out", str(out)]).exit_code == 1
    assert runner.invoke(cli, ["schema", "--out", str(out)]).exit_code == 0
    assert runner.invoke(cli, ["schema", "--check", "--out", str(out)]).exit_code == 0


def test_every_example_yaml_starts_with_the_modeline() -> None:
    files = sorted(PROGRAMMES.glob("*/*.yaml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"{MODELINE}../../schemas/programme.schema.json", path
