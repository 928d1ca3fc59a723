"""The registry is the documentation: codes, names, docstrings with examples, docs/rules.md."""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest

from shnor_docs.checks import LEVELS, REGISTRY
from shnor_docs.checks.docs import rules_markdown, rules_table
from tests.conftest import ROOT

RULES_MD = ROOT / "docs" / "rules.md"
FAMILIES = {"1": "people", "2": ("deadlines", "history"), "3": ("stages", "acts"), "4": "numbering",
            "5": ("goals", "indicators"), "6": ("texts", "spelling"), "7": "workload",
            "9": "disable"}


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in REGISTRY]
    names = [rule.name for rule in REGISTRY]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    for rule in REGISTRY:
        assert re.fullmatch(r"R[1-9]\d\d", rule.code), rule.code
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name), rule.name
        assert rule.level in LEVELS


def test_rules_live_in_the_module_of_their_family() -> None:
    for rule in REGISTRY:
        module = rule.function.__module__.rsplit(".", 1)[-1]
        assert module in FAMILIES[rule.code[1]], (rule.code, module)


@pytest.mark.parametrize("rule", REGISTRY, ids=[r.code for r in REGISTRY])
def test_docstring_has_summary_and_both_examples(rule) -> None:
    doc = rule.doc
    assert re.search("[А-Яа-яЁё]", rule.summary), "описание — по-русски"
    assert rule.summary.endswith((".", "?")), "первая строка — законченное предложение"
    bad, good = doc.find("**Плохо**"), doc.find("**Хорошо**")
    assert 0 < bad < good, "нужны примеры **Плохо** и затем **Хорошо**"
    for start in (bad, good):
        block = doc[start:].split("::", 1)
        assert len(block) == 2 and block[1].strip(), "после примера — блок кода"


def test_docs_rules_md_is_current() -> None:
    expected = rules_markdown()
    if os.environ.get("SHNOR_UPDATE_GOLDEN"):
        RULES_MD.write_text(expected, encoding="utf-8")
    assert RULES_MD.read_text(encoding="utf-8") == expected, (
        "docs/rules.md устарел: python -m shnor_docs rules --markdown > docs/rules.md"
    )


def test_markdown_lists_every_rule_with_yaml_examples() -> None:
    text = rules_markdown()
    for rule in REGISTRY:
        assert f"## {rule.code} {rule.name}" in text
    assert text.count("```yaml") >= 2 * len(REGISTRY)
    assert "::" not in text.replace("::error", "")


def test_table_lists_every_rule() -> None:
    table = rules_table()
    assert all(rule.code in table and rule.name in table for rule in REGISTRY)


CHECKS = ROOT / "shnor_docs" / "checks"


@pytest.mark.parametrize("path", sorted(CHECKS.glob("*.py")), ids=lambda p: p.name)
def test_modules_and_functions_stay_small(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") < 300, "модуль правил — меньше 300 строк"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef):
            length = node.end_lineno - node.lineno + 1  # type: ignore[operator]
            assert length < 40, f"{node.name}: {length} строк"


@pytest.mark.parametrize("rule", REGISTRY, ids=[r.code for r in REGISTRY])
def test_examples_are_valid_yaml(rule) -> None:
    import textwrap

    import yaml

    for part in rule.doc.split("::")[1:]:
        lines = []
        for line in part.splitlines()[1:]:
            if line.strip() and not line.startswith(" "):
                break
            lines.append(line)
        yaml.safe_load(textwrap.dedent("\n".join(lines)))
