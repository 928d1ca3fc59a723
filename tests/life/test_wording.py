"""The wording of one change, and the pairing of activities across revisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from shnor_docs.life.wording import smallest
from shnor_docs.spec.load import load_programme
from shnor_docs.spec.matching import match_activities
from tests.checks.spec_helpers import edit
from tests.life.history import V1, v2


@pytest.mark.parametrize(("before", "after", "expected"), [
    ("Семинары для учителей", "Вебинары для учителей",
     "слова «Семинары» заменить словами «Вебинары»"),
    ("Анализ рабочих программ учителей", "Анализ рабочих программ и планов учителей",
     "после слов «программ» дополнить словами «и планов»"),
    ("Анализ рабочих программ учителей", "Анализ программ учителей", "слова «рабочих» исключить"),
    ("Семинары и вебинары", "Лекции и семинары", None),  # two runs of words: a new redaction
])
def test_the_smallest_replacement(before: str, after: str, expected: str | None) -> None:
    assert smallest(before, after, before) == expected


def test_a_phrase_that_occurs_twice_grows_until_it_is_one() -> None:
    whole = "учителей; ответственные: РМК учителей"
    assert smallest("Семинары для учителей", "Семинары для молодых учителей",
                    "Семинары для учителей; " + whole) == (
        "после слов «для» дополнить словами «молодых»")
    assert smallest("для учителей", "для педагогов", "для учителей; учителей") == (
        "слова «для учителей» заменить словами «для педагогов»")


def _spec(folder: Path, text: str):
    folder.mkdir()
    (folder / "programme.yaml").write_text(text, encoding="utf-8")
    return load_programme(folder)


def test_moved_and_reworded_activities_pair_with_themselves(tmp_path: Path) -> None:
    old, new = _spec(tmp_path / "a", V1), _spec(tmp_path / "b", v2())
    pairs = {(o.number, n.number) for o, n in match_activities(old, new)}
    assert {("2.1", "2.2"), ("2.2", "2.1"), ("2.3", "2.3"), ("2.4", "2.5")} <= pairs
    assert not any(o == "1.3" for o, _ in pairs)  # removed
    assert not any(n == "2.4" for _, n in pairs)  # added


def test_ids_pair_first_and_different_ids_never_pair(tmp_path: Path) -> None:
    text = edit([("        - title: Мониторинг результатов ВПР\n",
                  "        - title: Мониторинг результатов ВПР\n          id: vpr\n")], V1)
    renamed = edit([("Мониторинг результатов ВПР", "Анализ итогов проверочных работ")], text)
    other = edit([("id: vpr", "id: other")], renamed)
    old = _spec(tmp_path / "a", text)
    same = {(o.number, n.number) for o, n in match_activities(old, _spec(tmp_path / "b", renamed))}
    assert ("2.2", "2.2") in same
    apart = {(o.number, n.number) for o, n in match_activities(old, _spec(tmp_path / "c", other))}
    assert ("2.2", "2.2") not in apart
