"""Shared base class and field types of the spec model."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints


class SpecModel(BaseModel):
    """Base of every spec model: unknown keys are errors."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, frozen=False, defer_build=True
    )


def _number_or_text(value: Any) -> Any:
    if isinstance(value, str):
        candidate = value.strip().replace(",", ".").replace("\u00a0", "").replace(" ", "")
        try:
            return float(candidate)
        except ValueError:
            return value.strip()
    return value


Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_\-]*$", max_length=64),
    Field(description="Идентификатор: латинские буквы, цифры, «_» и «-»; начинается с буквы"),
]
Text = Annotated[str, Field(description="Текст; допускается разметка Markdown")]
Value = Annotated[
    float | str,
    BeforeValidator(_number_or_text),
    Field(description="Значение: число (десятичная точка или запятая) или текст («да», «–»)"),
]
Date = Annotated[dt.date, Field(description="Дата в виде ГГГГ-ММ-ДД, например 2020-12-30")]
DeadlineValue = Annotated[
    str | dict[str, Any] | dt.date,
    Field(
        description=(
            "Срок: фраза по-русски («январь 2023 г.», «до 15.10.2020», «в течение 2023 г.», "
            "«2 раза в год (май, декабрь)», «согласно плану-графику КГИРО на 2023 г.») "
            "или структура ({month: 2023-01}, {from: 2023-01, to: 2023-02}, "
            "{quarter: 1, year: 2023})"
        ),
        json_schema_extra={"examples": ["январь 2023 г.", "в течение всего периода"]},
    ),
]
IdList = Annotated[list[Id], Field(default_factory=list)]
