"""The template context: points worded and declined, form settings, abbreviations, Markdown."""

from __future__ import annotations

from shnor_docs.render.blocks import parse_markdown
from shnor_docs.render.context import build_context
from shnor_docs.render.typography import typograph
from shnor_docs.spec.load import load_programme
from tests.conftest import PROGRAMMES, valid_spec_text
from tests.render.conftest import squash


def _points(spec) -> list[str]:
    return [block.text for block in build_context(spec)["act"]["points"].blocks]


def test_points_of_the_seed_orders_read_as_signed() -> None:
    points = _points(load_programme(PROGRAMMES / "dubrovka"))
    assert points[1].startswith(
        "2. Назначить РМК отдела образования (Шевцова\u00a0Р.Н.\u00a0– заведующая РМК) "
        "ответственным исполнителем плана"
    )
    assert points[3].startswith(
        "4. Руководителям образовательных учреждений, руководителям районных методических"
    )
    assert (
        points[2] == "3. Руководителям образовательных учреждений довести данный приказ "
        "до педагогических коллективов."
    )
    assert points[-1] == "4. Контроль за исполнением настоящего приказа оставляю за собой."
    first = _points(load_programme(PROGRAMMES / "belaya-kalitva"))
    assert "(приложение №\u00a01)." in first[0]


def test_form_settings_change_date_and_directive(write_spec) -> None:
    text = valid_spec_text() + "form:\n  date_style: numeric\n  directive: spaced\n"
    ctx = build_context(load_programme(write_spec(text)))
    assert ctx["act"]["date_text"] == "11.01.2023"
    assert ctx["act"]["directive"].blocks[0].text == "п р и к а з ы в а ю:"
    default = build_context(load_programme(write_spec(valid_spec_text(), folder="other")))
    assert default["act"]["date_text"] == "11\u00a0января\u00a02023\u00a0г."


def test_instruct_with_due_date_and_explicit_declension(write_spec) -> None:
    text = (
        valid_spec_text()
        .replace(
            "    - kind: approve\n",
            "    - kind: instruct\n      parties: [oo]\n      text: обеспечить участие\n"
            "      due: до 15.10.2023\n    - kind: control\n      parties: [deputy]\n"
            "    - kind: approve\n",
        )
        .replace(
            "  - id: head\n",
            "  - id: oo\n    kind: group\n    name: директора школ\n"
            "    forms: {dative: Директорам общеобразовательных школ}\n"
            "  - id: deputy\n    kind: person\n    surname: Черкесова\n    initials: Л.Ф.\n"
            "    gender: female\n    position: заместитель начальника отдела образования\n"
            "  - id: head\n",
        )
    )
    points = _points(load_programme(write_spec(text)))
    assert (
        points[0]
        == (
            "1. Директорам общеобразовательных школ обеспечить участие до 15.10.2023."
        )
    )
    assert points[1] == (
        "2. Контроль за исполнением настоящего приказа возложить на заместителя "
        "начальника отдела образования Л.Ф.\u00a0Черкесову."
    )


def _cells(slug: str, key: str) -> list[str]:
    ctx = build_context(load_programme(PROGRAMMES / slug))
    found = []
    for document in ctx["documents"][1:]:
        for part in document["parts"]:
            if part.get("name") != "roadmap":
                continue
            index = [c["key"] for c in part["table"]["columns"]].index(key)
            for row in part["table"]["rows"]:
                if row["cells"]:
                    found.append("\n".join(b.text for b in row["cells"][index]["content"].blocks))
    return found


def test_abbreviation_is_introduced_once_in_the_roadmap() -> None:
    cells = _cells("meshchovsk", "responsible")
    introduced = [c for c in cells if "(далее\u00a0– РМК)" in c]
    assert len(introduced) == 1
    assert cells.index(introduced[0]) < next(i for i, c in enumerate(cells) if c == "РМК")


def test_deadlines_print_as_written() -> None:
    spec = load_programme(PROGRAMMES / "meshchovsk")
    written = [a.deadline for a in spec.roadmap.activities()]
    cells = _cells("meshchovsk", "deadline")
    assert len(cells) == len(written)
    for cell, raw in zip(cells, written, strict=True):
        assert squash(cell) == squash(typograph(raw))


def test_markdown_becomes_blocks_with_emphasis() -> None:
    blocks = parse_markdown("Текст **важно** и *курсив*\n- пункт\n  1. вложенный\n\nАбзац")
    assert [b.kind for b in blocks] == ["p", "bullet", "number", "p"]
    assert [(r.text, r.bold, r.italic) for r in blocks[0].runs][1:4] == [
        ("важно", True, False),
        (" и ", False, False),
        ("курсив", False, True),
    ]
    assert blocks[2].level == 1
    assert (
        parse_markdown("Текст <b onclick=x>жирный</b>")[0].text == "Текст <b onclick=x>жирный</b>"
    )


def _executor(write_spec, extra: str = "", executor: str = "  executor: clerk\n") -> list[str]:
    from tests.checks.spec_helpers import BASE

    text = BASE.replace("  executor: clerk\n", executor + extra)
    return build_context(load_programme(write_spec(text)))["act"]["executor"]


def test_the_executor_mark_is_printed_in_the_specs_words(write_spec) -> None:
    """The seed of Belaya Kalitva: «Приказ подготовлен главным специалистом …», not «Исп.:»."""
    mark = "  executor_mark: Приказ подготовлен главным специалистом Петровой А.С.\n"
    assert _executor(write_spec, mark) == [
        "Приказ подготовлен главным специалистом Петровой\u00a0А.С.", "тел. 8 (48436) 2-15-11"]
    assert _executor(write_spec, mark, executor="") == [
        "Приказ подготовлен главным специалистом Петровой\u00a0А.С."]


def test_without_the_specs_words_the_mark_names_the_executor(write_spec) -> None:
    assert _executor(write_spec) == ["Исп.: Петрова\u00a0А.С.", "тел. 8 (48436) 2-15-11"]
    assert _executor(write_spec, executor="") == []


def test_the_belaya_kalitva_order_is_marked_as_the_seed() -> None:
    act = build_context(load_programme(PROGRAMMES / "belaya-kalitva"))["act"]
    assert act["executor"] == ["Приказ подготовлен главным специалистом Ефимако\u00a0Н.М."]
