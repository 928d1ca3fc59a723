"""JSON Schema of the structured forms the model keeps as plain dictionaries: deadlines, period.

The model types these as ``dict`` (the deadlines package parses them), so pydantic's schema says
only «object». Editors complete keys from the schema: these parts list the keys and their values
as the deadlines package accepts them. Values are described as an editor reads YAML (1.2 core
schema): ``quarter: 1`` is a number, ``month: 2023-01`` and ``on: 2023-01-31`` are strings.
"""

from __future__ import annotations

from typing import Any

from shnor_docs.deadlines.forms import STRUCTURED_KEYS

_DATE = {"type": "string", "description": "Дата: 2023-01-31 или 31.01.2023"}
_MONTH = {
    "anyOf": [{"type": "string"}, {"type": "integer", "minimum": 1, "maximum": 12}],
    "description": "Месяц: 2023-01, номер месяца (1–12) или название («май»)",
}
_DATE_OR_MONTH = {"type": "string", "description": "Дата (2023-01-31) или месяц (2023-01)"}
_TIMES = {
    "anyOf": [
        {"type": "integer", "minimum": 1, "maximum": 100},
        {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 100},
         "minItems": 1, "maxItems": 2},
        {"type": "string"},
    ],
    "description": "Сколько раз: 2, [2, 3] или «2-3»",
}

#: Each key of a structured deadline: title and value schema.
DEADLINE_KEYS: dict[str, dict[str, Any]] = {
    "text": {"title": "Словами, без отслеживания", "type": "string",
             "description": "Срок словами, который печатается как есть и не отслеживается: "
             "«по мере поступления заявок»"},
    "on": {"title": "В день", **_DATE},
    "before": {"title": "До даты", **_DATE},
    "schedule": {"title": "Согласно плану", "type": "string",
                 "description": "Согласно чему: «плану-графику КГИРО»"},
    "every": {"title": "Периодичность", "enum": ["year", "half_year", "quarter", "month"],
              "description": "Раз в год (year), полугодие, квартал или месяц"},
    "on_demand": {"title": "По потребности", "type": "string",
                  "description": "По какой потребности: «потребности ОО»"},
    "whole_period": {"title": "Весь период", "const": True,
                     "description": "В течение всего периода программы: true"},
    "from": {"title": "С", **_DATE_OR_MONTH},
    "to": {"title": "По", **_DATE_OR_MONTH},
    "quarter": {"title": "Квартал", "type": "integer", "minimum": 1, "maximum": 4,
                "description": "Номер квартала: 1–4"},
    "half_year": {"title": "Полугодие", "type": "integer", "minimum": 1, "maximum": 2,
                  "description": "Номер полугодия: 1 или 2"},
    "month": {"title": "Месяц", **_MONTH},
    "months": {"title": "Месяцы", "type": "array", "items": _MONTH, "minItems": 1,
               "description": "Месяцы: [2023-01, 2023-02] или [5, 12] (с every: year)"},
    "year": {"title": "Год", "type": "integer", "minimum": 1900, "maximum": 2100,
             "description": "Год: 2023"},
    "times": {"title": "Сколько раз", **_TIMES},
}


def structured_deadline() -> dict[str, Any]:
    """A deadline as a dictionary: one main key, with the keys that may go with it."""
    forms = []
    for main, extra in STRUCTURED_KEYS.items():
        keys = (main, *extra)
        forms.append({
            "type": "object", "title": f"Срок: {DEADLINE_KEYS[main]['title'].lower()}",
            "properties": {key: DEADLINE_KEYS[key] for key in keys},
            "required": [main], "additionalProperties": False,
        })
    return {"title": "Срок структурой", "anyOf": forms,
            "description": "Срок структурой: {month: 2023-01}, {from: 2023-01, to: 2023-03}, "
            "{quarter: 1, year: 2023}, {every: year, times: 2, months: [5, 12]} …"}


def structured_period() -> dict[str, Any]:
    """The programme period as a dictionary: {start, end, academic}."""
    return {
        "type": "object", "title": "Период датами", "required": ["start", "end"],
        "additionalProperties": False,
        "properties": {
            "start": {"title": "Начало", **_DATE},
            "end": {"title": "Окончание", **_DATE},
            "academic": {"title": "Учебный год", "type": "boolean",
                         "description": "Период — учебные годы (по умолчанию — если с 1 сентября "
                         "по 31 августа)"},
        },
    }
