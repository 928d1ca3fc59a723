"""Problems found while loading a spec: each carries a stable code and a location."""

from __future__ import annotations

from dataclasses import dataclass

from shnor_docs.location import Location

#: Every load-time error code with its meaning; codes are permanent.
CODES: dict[str, str] = {
    "S001": "синтаксическая ошибка YAML",
    "S002": "файл не найден или не читается",
    "S003": "файл не в кодировке UTF-8 (например, в Windows-1251), с меткой BOM или двоичный",
    "S004": "повторяющийся ключ",
    "S005": "недопустимый тег YAML (!!python/object и т. п.)",
    "S006": "недопустимое включение файла: абсолютный путь, выход из папки программы, "
    "повторное включение",
    "S007": "циклическое включение файлов",
    "S008": "файл слишком большой, слишком глубоко вложен или раздут псевдонимами YAML",
    "S009": "пустой файл или не словарь на верхнем уровне",
    "S010": "неверный тип значения",
    "S011": "неизвестный ключ (с подсказкой «возможно, имелось в виду …»)",
    "S012": "отсутствует обязательное поле",
    "S013": "недопустимое значение",
    "S014": "недопустимая дата",
    "S020": "ссылка на неизвестного участника (parties)",
    "S021": "ссылка на неизвестную задачу",
    "S022": "ссылка на неизвестный показатель",
    "S023": "ссылка на неизвестную цель",
    "S024": "повторяющийся идентификатор",
    "S025": "ссылка на неизвестное приложение или фактор риска",
    "S026": "номер подпункта не начинается с номера своего пункта",
    "S030": "не удалось разобрать срок",
    "S031": "недопустимый период программы",
}


#: Codes of template and build errors (``shnor build``); permanent too.
BUILD_CODES: dict[str, str] = {
    "T001": "ошибка в шаблоне: синтаксис, неизвестное имя, запрещённое действие "
    "(указываются шаблон и строка)",
    "T002": "шаблон выполняется слишком долго (бесконечный цикл)",
    "T004": "шаблон или папка шаблонов не найдены или лежат вне папки программы",
    "B001": "для PDF нужен LibreOffice, а он не установлен",
    "B002": "LibreOffice не смог преобразовать документ в PDF",
    "B003": "папка результата не создана shnor (нет записи о сборке), не папка или недоступна: "
    "она не будет заменена",
    "B004": "папка результата совпадает с папкой программы, лежит в ней или содержит её",
    "B005": "в папку результата уже пишет другая сборка",
    "B006": "у папки программы нет допустимого имени для папки результата",
    "B007": "с --strict документы программы с ошибками проверки не записываются",
    "B008": "LibreOffice не уложился в отведённое время и остановлен",
}


#: Codes of import errors (``shnor import``); permanent too.
IMPORT_CODES: dict[str, str] = {
    "I001": "файл для импорта не найден, не читается или пуст",
    "I002": "файл повреждён: не архив DOCX или в нём нет текста документа",
    "I003": "документ зашифрован (защищён паролем): снимите защиту в Word и повторите",
    "I004": "архив DOCX слишком велик при распаковке (возможна «zip-бомба») или слишком велик сам",
    "I005": "формат файла не поддерживается (нужен .docx, .doc или .odt)",
    "I006": "для .doc и .odt нужен LibreOffice, а он не установлен",
    "I007": "LibreOffice не смог преобразовать документ в DOCX или не уложился во время",
    "I008": "папка программы уже существует (перезапись — только с --force) или недопустима",
    "I009": "таблица плана слишком велика для импорта",
    "I010": "в документе не найдено ни акта, ни приложения с отметкой: импортировать нечего",
}


def all_codes() -> dict[str, str]:
    """Every error code with its meaning: load, template, build and import."""
    return {**CODES, **BUILD_CODES, **IMPORT_CODES}


def codes_markdown() -> str:
    """The table of every error code, as the README shows it (generated, kept current by a test)."""
    rows = ["| код | значение |", "| --- | --- |"]
    rows += [f"| {code} | {text} |" for code, text in all_codes().items()]
    return "\n".join(rows) + "\n"


@dataclass(frozen=True, order=True)
class Problem:
    """One load-time error: where, which code, what (in Russian)."""

    location: Location
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: ошибка {self.code} {self.message}"


class SpecError(Exception):
    """Raised when a spec cannot be loaded; holds every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
