"""Per-programme settings: the document form profile and the check configuration."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from shnor_docs.model.common import SpecModel

Level = Literal["error", "warning", "info", "off"]


class Margins(SpecModel):
    """Поля страницы, мм."""

    left: float = Field(30, description="Левое поле, мм")
    right: float = Field(10, description="Правое поле, мм")
    top: float = Field(20, description="Верхнее поле, мм")
    bottom: float = Field(20, description="Нижнее поле, мм")


def landscape_margins() -> Margins:
    """The margins of a landscape page: 20 mm on every side."""
    return Margins(left=20, right=20, top=20, bottom=20)


class FormProfile(SpecModel):
    """Параметры оформления (по умолчанию — ГОСТ Р 7.0.97)."""

    font: str = Field("Times New Roman", description="Гарнитура")
    size: float = Field(14, ge=8, le=20, description="Кегль основного текста, пт")
    table_size: float = Field(12, ge=8, le=20, description="Кегль текста в таблицах, пт")
    executor_size: float = Field(10, ge=6, le=14, description="Кегль отметки об исполнителе, пт")
    first_line_indent: float = Field(1.25, ge=0, le=3, description="Абзацный отступ, см")
    line_spacing: float = Field(1.0, ge=1.0, le=2.0, description="Межстрочный интервал")
    margins: Margins = Field(default_factory=Margins, description="Поля книжных страниц, мм")
    landscape_margins: Margins = Field(
        default_factory=landscape_margins,
        description="Поля альбомных страниц (таблицы), мм",
    )
    directive: Literal["plain", "spaced"] = Field(
        "plain", description="«ПРИКАЗЫВАЮ:» (plain) или «п р и к а з ы в а ю:» (spaced)"
    )
    directive_bold: bool = Field(False, description="Распорядительное слово полужирным")
    deadline_style: Literal["as_written", "normalised"] = Field(
        "as_written",
        description="Сроки: as_written — как написаны в спецификации (с типографикой); "
        "normalised — единым написанием («январь 2023 г.», «в течение 2023 г.»)",
    )
    name_order: Literal["initials_first", "surname_first"] = Field(
        "initials_first",
        description="Имена в тексте акта: initials_first — «Л.Ф. Черкесову», surname_first — "
        "«Мурашину Н.Т.» (в подписи — всегда инициалы перед фамилией)",
    )
    introduce_abbreviations: bool = Field(
        True,
        description="Вводить сокращение участника при первом упоминании: «… (далее – РМК)»; "
        "false — сразу сокращение",
    )
    date_style: Literal["numeric", "words"] = Field(
        "words", description="Дата акта: numeric — «30.12.2020», words — «30 декабря 2020 г.»"
    )
    title_width: float = Field(
        8.0, ge=4, le=17, description="Ширина блока заголовка к тексту (слева), см"
    )
    mark_indent: float = Field(
        8.5, ge=0, le=14, description="Отступ отметки о приложении от левого поля, см"
    )
    title_align: Literal["left", "center"] = Field(
        "left", description="Заголовок к тексту: left — блок слева, center — по центру"
    )
    column_numbers: bool = Field(
        False, description="Строка номеров граф «1 | 2 | 3 …» под шапкой таблиц"
    )
    hyphenation: bool = Field(
        True,
        description="Автоматические переносы слов (русские правила); false — без переносов",
    )


class CheckConfig(SpecModel):
    """Настройки проверок согласованности (shnor check)."""

    rules: dict[str, Level] = Field(
        default_factory=dict,
        description="Уровень правил по коду или имени: {R101: warning, overdue: off}",
    )
    due_soon_days: int = Field(
        14, ge=0, le=3660, description="За сколько дней до срока предупреждать (не больше 3660)"
    )
    overload_per_month: int = Field(
        8,
        ge=1,
        le=100_000,
        description="Больше стольких мероприятий со сроком в одном месяце у одного исполнителя — "
        "перегрузка",
    )
    stale_year_gap: int = Field(
        1,
        ge=0,
        le=200,
        description="На сколько лет год в тексте может отстоять от периода программы",
    )
    act_grace_days: int = Field(
        31,
        ge=0,
        le=3660,
        description="На сколько дней начало программы может опережать дату утверждающего акта",
    )
    known_abbreviations: list[str] = Field(
        default_factory=list,
        description="Сокращения, которые не нужно расшифровывать (в дополнение к РФ, ФЗ, ФГОС, "
        "ЕГЭ, ОГЭ, ГИА, ВПР)",
    )
    known_words: list[str] = Field(
        default_factory=list,
        description="Слова, которых нет в словаре, но которые написаны верно (для правила "
        "unknown-word): фамилии, названия, термины",
    )
    builtin_abbreviations: bool = Field(
        True,
        description="Считать общеизвестными РФ, ФЗ, ФГОС, ЕГЭ, ОГЭ, ГИА, ВПР (false — требовать "
        "расшифровки и для них)",
    )
