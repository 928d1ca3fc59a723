"""How the documents are composed: appendices, the parts of a programme, table columns.

The spec decides what is printed and in which order; these models say it. Defaults fill only
what the spec leaves out.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from shnor_docs.model.common import Date, SpecModel, Text

DocumentKind = Literal["programme", "plan", "indicators", "list", "text"]
PartKind = Literal[
    "passport",
    "summary",
    "goals",
    "tasks",
    "indicators",
    "measures",
    "mechanism",
    "stages",
    "expected_results",
    "control",
    "funding",
    "risk_factors",
    "schools",
    "sections",
    "roadmap",
    "heading",
    "text",
]


class Column(SpecModel):
    """Графа таблицы: что в ней и как она озаглавлена."""

    key: str = Field(description="Что в графе (например, number, title, deadline, responsible)")
    header: str | None = Field(None, description="Заголовок графы; пусто — заголовок по умолчанию")
    width: float | None = Field(None, gt=0, le=30, description="Ширина графы, см")

    @model_validator(mode="before")
    @classmethod
    def _short_forms(cls, value: Any) -> Any:
        """``deadline`` or ``{deadline: Сроки}`` as well as the full mapping."""
        if isinstance(value, str):
            return {"key": value}
        if isinstance(value, dict) and len(value) == 1 and "key" not in value:
            ((key, header),) = value.items()
            if header is None or isinstance(header, str):
                return {"key": key, "header": header}
        return value


class ShortForms:
    """Schema metadata: the short forms a model also accepts, beside its full mapping."""

    def __init__(self, *forms: dict[str, Any]) -> None:
        self.forms = forms

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        return {"anyOf": [*self.forms, handler(core_schema)]}


#: A column as the spec may write it: ``deadline``, ``{deadline: Сроки}`` or the full mapping
#: (the editor's schema lists all three; the model turns each into a :class:`Column`).
ColumnItem = Annotated[
    Column,
    ShortForms(
        {"type": "string", "title": "Графа"},
        {"type": "object", "title": "Графа и её заголовок", "minProperties": 1,
         "maxProperties": 1, "additionalProperties": {"type": ["string", "null"]}},
    ),
]


class Part(SpecModel):
    """Часть текста программы; части печатаются в порядке списка."""

    part: PartKind = Field(
        description="Что печатается: passport — паспорт; goals, tasks — цели, задачи; "
        "indicators — показатели (таблицей или списком); stages — этапы; roadmap — дорожная "
        "карта; summary, measures, mechanism, expected_results, control, funding — тексты "
        "программы; risk_factors, schools — перечни; sections — свободные разделы; "
        "heading — отдельный заголовок (текст в text); text — текст без заголовка"
    )
    heading: str | None = Field(
        None,
        description="Заголовок части, как в документе («Целевой раздел», «Задачи:»); "
        "не задан — заголовок по умолчанию; пустая строка — без заголовка",
    )
    lead: Text | None = Field(
        None, description="Абзацы перед содержимым части («Эффективность Программы оценивается "
        "по следующим показателям:»)"
    )
    style: Literal["numbered", "bulleted", "paragraphs", "inline"] | None = Field(
        None,
        description="Как печатается перечень: numbered — «1.», bulleted — «–», paragraphs — "
        "абзацами, inline — в одну строку с заголовком («Цель программы – …»)",
    )
    layout: Literal["table", "list"] | None = Field(
        None, description="Для indicators: table — таблица (по умолчанию), list — перечень"
    )
    columns: list[ColumnItem] | None = Field(
        None, description="Графы таблицы (для indicators и schools), по порядку"
    )
    responsible_separator: Literal["comma", "line"] | None = Field(
        None,
        description="Для indicators: как разделены ответственные в ячейке: comma — через "
        "запятую (по умолчанию), line — каждый с новой строки",
    )
    text: Text | None = Field(None, description="Текст для частей heading и text")

    @model_validator(mode="before")
    @classmethod
    def _bare_name(cls, value: Any) -> Any:
        """``- passport`` as well as ``- part: passport``."""
        return {"part": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _text_where_needed(self) -> Part:
        if self.part in ("heading", "text") and not self.text:
            raise ValueError(f"для части {self.part} нужен text")
        return self


#: A part as the spec may write it: ``passport`` or the full mapping.
PartItem = Annotated[
    Part, ShortForms({"enum": list(PartKind.__args__), "title": "Часть (по умолчанию)"})
]


class CitedAs(SpecModel):
    """Как отметка о приложении в исходном документе называет акт, если не так, как сам акт."""

    number: str | None = Field(None, description="Номер акта в отметке, как он написан («418-ОД»)")
    date: Date | None = Field(None, description="Дата акта в отметке")


class Appendix(SpecModel):
    """Приложение к акту: один документ определённого вида."""

    number: int | None = Field(
        None, ge=1, description="Номер приложения; пусто — «Приложение» без номера"
    )
    document: DocumentKind = Field(
        description="Что это за документ: programme — программа (части — programme.body); "
        "plan — план мероприятий (дорожная карта); indicators — таблица показателей; "
        "list — перечень школ; text — свободный текст (text)"
    )
    title: str | None = Field(
        None,
        description="Заголовок приложения, как в документе; не задан — наименование программы "
        "или плана мероприятий. Перевод строки (блок «|») начинает новую строку заголовка",
    )
    subtitle: str | None = Field(
        None, description="Строка под заголовком, если она есть в документе («на 2021–2023 гг.»)"
    )
    attached: bool = Field(
        True,
        description="Входит ли приложение в спецификацию; false — приложение утверждается "
        "актом, но его здесь нет (например, списки школ): пункт акта ссылается на него, документ "
        "не собирается",
    )
    columns: list[ColumnItem] | None = Field(
        None, description="Для list: графы перечня школ (number, name, short_name, categories, "
        "risk_factors, curator)"
    )
    text: Text | None = Field(None, description="Для text: текст приложения (Markdown)")
    cited_as: CitedAs | None = Field(
        None,
        description="Что отметка о приложении в исходном документе говорит об акте, если это "
        "расходится с его реквизитами (номер, дата): отметка печатается по реквизитам акта, а "
        "расхождение остаётся записанным и его находит shnor check (R313)",
    )


class PassportRow(SpecModel):
    """Строка паспорта: графа слева и её содержание справа."""

    label: str = Field(description="Левая графа («Наименование программы», «Задачи программы»)")
    value: Text | None = Field(
        None, description="Содержание строки своими словами (Markdown), если оно не берётся из "
        "данных программы"
    )
    source: (
        Literal[
            "title",
            "basis",
            "developers",
            "executors",
            "participants",
            "goals",
            "tasks",
            "indicators",
            "period",
            "stages",
            "funding",
            "mechanism",
            "expected_results",
            "control",
        ]
        | None
    ) = Field(None, description="Откуда взять содержание: из этого поля программы")

    @model_validator(mode="after")
    def _one_content(self) -> PassportRow:
        if (self.value is None) == (self.source is None):
            raise ValueError("у строки паспорта должно быть одно из: value или source")
        return self


class Passport(SpecModel):
    """Паспорт программы (печатается, только если задан)."""

    heading: str | None = Field(
        None, description="Заголовок паспорта; не задан — «Паспорт …» по виду программы"
    )
    rows: list[PassportRow] | None = Field(
        None, description="Строки паспорта по порядку; не заданы — строки по данным программы"
    )
