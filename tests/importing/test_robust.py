"""Whatever a document holds, the import ends in a spec that loads, a partial import with its
report, or a coded error: never an exception of its own."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shnor_docs.importing import ImportFailure, import_document
from tests.importing.wordlike import C, Word

LINES = [
    "", "ПРИКАЗ", "П О С Т А Н О В Л Е Н И Е", "РАСПОРЯЖЕНИЕ № 5", "от 30.12.2020 № 749",
    "« 06 » 10 2020 г.\t\t№ 718-ОД", "г. Примерск", "Об утверждении плана", "ПРИКАЗЫВАЮ:",
    "п р и к а з ы в а ю:", "1. Утвердить план (приложение № 1).", "1.1. Назначить И.И. Иванова.",
    "2. Руководителям школ обеспечить участие в срок до 1 марта 2021 г.", "– пункт перечня;",
    "Контроль оставляю за собой.", "Начальник отдела\tИ.И. Иванов", "Исп.: Петров П.П.",
    "Приложение № 1\nк приказу отдела\nот 30.12.2020 № 749", "Приложение № 2", "к приказу",
    "УТВЕРЖДЁН", "Цель программы – повышение качества", "Задачи:", "1 этап. Первый (01.06. - "
    "31.08.2021) – анализ", "Паспорт программы", "(далее – РМК)", "№", "1.", "Срок",
]
CELLS = ["", "№ п/п", "Мероприятие", "Срок", "Ответственные", "Показатель", "1.", "1.1.",
         "январь 2021 г.", "по мере необходимости", "РМК\nОтдел образования", "Наименование",
         "Раздел 1", "2021", "Цель", "Л.В. Игнатенко", "–", "1"]

block = st.one_of(
    st.tuples(st.just("p"), st.sampled_from(LINES), st.booleans(), st.booleans()),
    st.tuples(st.just("t"), st.lists(st.lists(st.sampled_from(CELLS), min_size=1, max_size=5),
                                     min_size=1, max_size=6), st.integers(0, 3), st.booleans()),
)


def _write(blocks: list[tuple], path: Path) -> Path:
    word = Word()
    numbered = word.list()
    for kind, content, first, second in blocks:
        if kind == "p":
            word.para(content, bold=first, num=(numbered, 0) if second else None)
            continue
        width = max(len(row) for row in content)
        rows = [[C(row[0], span=width)] if len(row) == 1 and first % 2 else
                [*row, *[""] * (width - len(row))] for row in content]
        word.table(rows, header=first)
    return word.save(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(block, min_size=1, max_size=25))
def test_any_document_imports_or_fails_with_a_code(blocks: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = _write(blocks, Path(tmp) / "doc.docx")
        try:
            result = import_document(path, Path(tmp) / "prog")
        except ImportFailure as failure:
            assert failure.code.startswith("I0")
            return
        assert (Path(tmp) / "prog" / "import-report.md").is_file()
        assert result.problems == [], result.problems
