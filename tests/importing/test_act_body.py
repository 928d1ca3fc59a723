"""The end of an act's body: the signature and the executor mark, in the document's words."""

from __future__ import annotations

import pytest

from shnor_docs.importing.act_body import parse_body
from shnor_docs.importing.source import Para

END = ["1. Утвердить программу.", "Начальник Отдела образования\tИ.А. Кащеева"]


@pytest.mark.parametrize(("lines", "who", "mark"), [
    (["Приказ подготовлен главным специалистом Ефимако Н.М."], ("Ефимако", "Н.М.", None),
     "Приказ подготовлен главным специалистом Ефимако Н.М."),
    (["Приказ подготовлен", "главным специалистом Ефимако Н.М."], ("Ефимако", "Н.М.", None),
     "Приказ подготовлен главным специалистом Ефимако Н.М."),
    (["Исп.: Петрова Мария Ивановна", "тел. 8 (800) 100-20-30"],
     ("Петрова", None, "8 (800) 100-20-30"), None),  # the engine's own form: no words kept
    (["Исполнитель: Петрова М.И.", "тел. 8 (800) 100-20-30"],
     ("Петрова", "М.И.", "8 (800) 100-20-30"), "Исполнитель: Петрова М.И."),
])
def test_the_executor_mark_is_read_with_its_words(
    lines: list[str], who: tuple[str, str | None, str | None], mark: str | None
) -> None:
    body = parse_body([Para(text) for text in [*END, *lines]])
    found = body.executor
    assert found is not None and (found.surname, found.initials, found.phone) == who
    assert found.mark == mark
    assert body.signature is not None and body.signature.surname == "Кащеева"
