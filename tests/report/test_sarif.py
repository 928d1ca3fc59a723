"""SARIF for code scanning, validated against the official SARIF 2.1.0 schema.

``sarif-schema-2.1.0.json`` beside this file is the OASIS schema of SARIF 2.1.0 (errata 01), as
published in the public repository oasis-tcs/sarif-spec (``sarif-2.1/schema/``), unchanged.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from shnor_docs.checks import REGISTRY
from shnor_docs.cli import cli
from shnor_docs.errors import CODES
from shnor_docs.report import Options, render
from tests.checks.spec_helpers import BASE
from tests.conftest import ROOT
from tests.report.test_report import broken, sample

SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text("utf-8"))
OVERDUE = BASE.replace("          status: done\n          done_on: 2023-01-20\n", "")


def validated(text: str) -> dict:
    log = json.loads(text)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    return log


@pytest.mark.parametrize("report", [sample(), broken()], ids=["findings", "load-error"])
def test_sarif_validates_against_the_official_schema(report) -> None:
    validated(render(report, "sarif", Options(root=ROOT)))


def test_an_invalid_log_fails_the_schema() -> None:
    log = json.loads(render(sample(), "sarif"))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SCHEMA).validate(log)


def test_rules_hold_the_load_error_codes_and_every_result_its_rule() -> None:
    (run,) = validated(render(broken(), "sarif"))["runs"]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert ids == [rule.code for rule in REGISTRY] + list(CODES)
    (result,) = run["results"]
    assert result["ruleId"] == "S020" and ids[result["ruleIndex"]] == "S020"


def test_invocation_tells_whether_every_programme_was_checked() -> None:
    (clean,) = json.loads(render(sample(), "sarif"))["runs"][0]["invocations"]
    assert clean == {"executionSuccessful": True, "exitCode": 1}
    (failed,) = json.loads(render(broken(), "sarif"))["runs"][0]["invocations"]
    assert failed["executionSuccessful"] is False and failed["exitCode"] == 2
    assert "p/c" in failed["toolExecutionNotifications"][0]["message"]["text"]


def test_help_text_is_plain() -> None:
    (run,) = json.loads(render(sample(), "sarif"))["runs"]
    for rule in run["tool"]["driver"]["rules"]:
        for text in (rule["help"]["text"], rule["fullDescription"]["text"]):
            assert "**" not in text and "``" not in text and "::" not in text, rule["id"]
    overdue = run["tool"]["driver"]["rules"][[r.code for r in REGISTRY].index("R201")]
    assert "Плохо:" in overdue["help"]["text"] and "**Плохо**" in overdue["help"]["markdown"]


def test_paths_are_relative_to_the_source_root() -> None:
    (run,) = json.loads(render(sample(), "sarif", Options(root=ROOT)))["runs"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == ROOT.as_uri() + "/"
    for result in run["results"]:
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        assert artifact["uri"].startswith("p/")


def _git_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    folder = repo / "programmes" / "a"
    folder.mkdir(parents=True)
    (folder / "programme.yaml").write_text(OVERDUE, encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    return repo


@pytest.mark.parametrize("cwd", ["outside", "programme", "root"])
def test_paths_start_at_the_git_top_level_whatever_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cwd: str
) -> None:
    repo = _git_repo(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    places = {"outside": elsewhere, "programme": repo / "programmes" / "a", "root": repo}
    monkeypatch.chdir(places[cwd])
    target = str(repo / "programmes" / "a")
    for fmt in ("sarif", "json", "gitlab", "github", "text"):
        out = CliRunner().invoke(cli, ["check", target, "--as-of", "2023-03-01", "--format", fmt])
        assert out.exit_code == 1, out.output
        assert "programmes/a/programme.yaml" in out.output, (fmt, out.output)
        assert str(tmp_path) not in out.output.replace(repo.as_uri(), ""), (fmt, out.output)
    (run,) = validated(CliRunner().invoke(
        cli, ["check", target, "--as-of", "2023-03-01", "--format", "sarif"]).output)["runs"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"


def test_root_option_overrides_the_git_top_level(tmp_path: Path, monkeypatch) -> None:
    repo = _git_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(cli, ["check", "repo/programmes", "--root", "repo/programmes",
                                   "--as-of", "2023-03-01", "--format", "json"])
    assert {f["path"] for f in json.loads(out.output)["findings"]} == {"a/programme.yaml"}
    assert repo.is_dir()
