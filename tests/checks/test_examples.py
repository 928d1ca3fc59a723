"""The example programmes: what a careful reader of the seeds finds, kept stable by golden files.

Regenerate after the specs or the rules change: ``SHNOR_UPDATE_GOLDEN=1 python -m pytest
tests/checks/test_examples.py`` — then read the diff.
"""

from __future__ import annotations

import json
import os
import re
from datetime import date

import pytest
from click.testing import CliRunner

from shnor_docs import __version__
from shnor_docs.cli import cli
from tests.conftest import PROGRAMMES, ROOT

GOLDEN = ROOT / "tests" / "golden" / "check"
AS_OF = "2023-03-01"
FORMATS = {"text": "txt", "json": "json", "github": "github.txt", "gitlab": "gitlab.json",
           "sarif": "sarif", "junit": "junit.xml"}
SLUGS = ("belaya-kalitva", "sterlitamak", "dubrovka", "meshchovsk")
UPDATE = bool(os.environ.get("SHNOR_UPDATE_GOLDEN"))


def _check(slug: str, fmt: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    if not (PROGRAMMES / slug / "programme.yaml").is_file():
        pytest.skip(f"программа {slug} ещё не перенесена")
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        cli, ["check", "--as-of", AS_OF, "--format", fmt, f"programmes/{slug}"])
    return result.exit_code, _normalise(result.output)


def _normalise(text: str) -> str:
    """Only the volatile bits: absolute paths and the tool's own version."""
    text = text.replace(str(ROOT) + "/", "")
    return re.sub(rf'"version": "{re.escape(__version__)}"', '"version": "<версия>"', text)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("slug", SLUGS)
def test_golden(slug: str, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _, output = _check(slug, fmt, monkeypatch)
    path = GOLDEN / f"{slug}.{FORMATS[fmt]}"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(output, encoding="utf-8")
    assert path.is_file(), f"нет эталона {path.name}: SHNOR_UPDATE_GOLDEN=1 python -m pytest …"
    assert output == path.read_text(encoding="utf-8"), f"вывод изменился: {path.name}"


def _findings(slug: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[dict]]:
    code, output = _check(slug, "json", monkeypatch)
    return code, json.loads(output)["findings"]


def _line_text(slug: str, path: str, line: int) -> str:
    return (PROGRAMMES / slug / path).read_text(encoding="utf-8").splitlines()[line - 1]


def test_meshchovsk_duplicate_nine_and_stale_2020(monkeypatch: pytest.MonkeyPatch) -> None:
    code, found = _findings("meshchovsk", monkeypatch)
    assert code == 1
    duplicates = [f for f in found if f["code"] == "R401"]
    assert len(duplicates) == 1 and "номер 9 в разделе 2" in duplicates[0]["message"]
    assert '"9"' in _line_text("meshchovsk", "roadmap.yaml", duplicates[0]["line"])
    stale = [f for f in found if f["code"] == "R602"]
    assert len(stale) == 2 and all("2020 год" in f["message"] for f in stale)
    undefined = {re.search("«(.+?)»", f["message"])[1] for f in found if f["code"] == "R601"}
    assert {"ОО", "ООП ООО", "УУД", "КПК", "МОН КО", "ОВЗ"} <= undefined
    assert any(f["code"] == "R201" for f in found)
    assert sum(f["code"] == "R208" for f in found) == 4  # «согласно плану-графику КГИРО»


def test_dubrovka_duplicate_point_four(monkeypatch: pytest.MonkeyPatch) -> None:
    code, found = _findings("dubrovka", monkeypatch)
    assert code == 1
    assert [f["message"].split(" (")[0] for f in found if f["code"] == "R401"] == [
        "номер 4 в пунктах акта повторяется"]
    assert not any(f["code"] == "R602" for f in found)  # «за 2018-2020 годы» reaches the period


def test_belaya_kalitva_stages_and_first_activity(monkeypatch: pytest.MonkeyPatch) -> None:
    code, found = _findings("belaya-kalitva", monkeypatch)
    assert code == 1
    codes = [f["code"] for f in found]
    assert codes.count("R302") == 2  # the stages leave the start and the end of 2021–2023
    assert "R206" in codes and "R307" in codes  # 1.1 before stage 1; the ministry order's number


def test_sterlitamak_has_no_plan_and_no_targets(monkeypatch: pytest.MonkeyPatch) -> None:
    code, found = _findings("sterlitamak", monkeypatch)
    assert code == 0  # warnings only
    codes = {f["code"] for f in found}
    assert {"R305", "R502", "R503", "R505", "R508", "R601"} <= codes
    assert any("«ШНУС»" in f["message"] for f in found)


@pytest.mark.parametrize("slug", SLUGS)
def test_machine_formats_parse_back(slug: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from xml.etree import ElementTree as ET

    code, found = _findings(slug, monkeypatch)
    _, github = _check(slug, "github", monkeypatch)
    annotation = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),"
                            r"title=(R\d{3})[^:]*::(.+)$")
    lines = github.splitlines()
    parsed = [annotation.match(line) for line in lines if line.startswith("::")]
    assert all(parsed) and len(parsed) == len(found)
    assert len(lines) - len(parsed) <= 1  # a note on the annotations GitHub leaves unseen
    levels = ("error", "warning", "notice")
    assert [levels.index(m[1]) for m in parsed] == sorted(levels.index(m[1]) for m in parsed)
    assert sorted((m[2], int(m[3]), int(m[4]), m[5]) for m in parsed) == sorted(
        (f["path"], f["line"], f["col"], f["code"]) for f in found)
    _, junit = _check(slug, "junit", monkeypatch)
    root = ET.fromstring(junit)
    assert (int(root.get("failures")) > 0) == (code == 1)
    _, sarif = _check(slug, "sarif", monkeypatch)
    assert len(json.loads(sarif)["runs"][0]["results"]) == len(found)
    _, gitlab = _check(slug, "gitlab", monkeypatch)
    assert len(json.loads(gitlab)) == len(found)


def test_the_dictionary_rule_finds_the_typos_and_nothing_else() -> None:
    """R603 over every example: the misspelt words of the originals, no correct word
    («индификаторы» stands in a passport label of belaya-kalitva, a marked source defect)."""
    from shnor_docs.checks.runner import check_programmes
    from shnor_docs.spec.folders import find_programmes

    report = check_programmes(find_programmes([PROGRAMMES]), date.fromisoformat(AS_OF), {"R603"})
    words = sorted(f.message.split("«")[1].split("»")[0] for f in report.findings())
    assert words == ["высокобальников", "индификаторы"]


def test_a_build_counts_the_findings_of_a_check_without_naming_items() -> None:
    """``check_spec`` (what a build runs) finds what ``shnor check`` finds, codes, levels and
    places alike; only the item names that fingerprints need are left out."""
    from shnor_docs.checks.config import RepoConfigs, settings_for
    from shnor_docs.checks.runner import check_spec, run_checks
    from shnor_docs.spec.load import load_programme

    spec = load_programme(PROGRAMMES / "meshchovsk")
    as_of = date(2023, 6, 1)
    config, source = RepoConfigs().for_folder(spec.folder)
    settings = settings_for(spec, config, None, set(), source)
    full = run_checks(spec, as_of, settings.config, settings.levels)
    light = check_spec(spec, as_of)
    assert [(f.code, f.level, f.location, f.message) for f in light] == [
        (f.code, f.level, f.location, f.message) for f in full]
    assert all(f.item for f in full if f.path) and not any(f.item for f in light)
