"""Shared base class and field types of the spec model."""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

#: Years a date of the spec may have (the deadlines and the period keep the same bounds).
MIN_YEAR, MAX_YEAR = 1900, 2100


class SpecModel(BaseModel):
    """Base of every spec model: unknown keys are errors."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        frozen=False,
        defer_build=True,
        allow_inf_nan=False,  # «nan» margins or an «inf» size are not numbers of a document
    )


def private(model: BaseModel, name: str) -> Any:
    """A private attribute's value, read from pydantic's store: the usual way through pydantic's
    ``__getattr__`` costs 3 µs, and checks and documents read deadlines and numbers of every
    activity many times over."""
    try:
        return model.__pydantic_private__[name]  # type: ignore[index]
    except (KeyError, TypeError):
        return getattr(model, name)


def _number_or_text(value: Any) -> Any:
    if isinstance(value, str):
        candidate = value.strip().replace(",", ".").replace("\u00a0", "").replace(" ", "")
        try:
            number = float(candidate)
        except ValueError:
            return value.strip()
        if not math.isfinite(number):  # «1e309», «nan», «inf» read as floats, print as «inf»
            raise ValueError(
                f"значение «{value.strip()[:60]}» — не конечное число: укажите число "
                "(например, 12,5) или текст («да», «–»)"
            )
        return number
    return value


def _year_in_bounds(value: dt.date) -> dt.date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise PydanticCustomError(
            "year_range",
            "дата {date}: год {year} вне допустимых пределов ({low}–{high})",
            {"date": value.isoformat(), "year": value.year, "low": MIN_YEAR, "high": MAX_YEAR},
        )
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
Date = Annotated[
    dt.date,
    AfterValidator(_year_in_bounds),
    Field(description="Дата в виде ГГГГ-ММ-ДД, например 2020-12-30"),
]
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
