"""Problems found while loading a spec: each carries a stable code and a location."""

from __future__ import annotations

from dataclasses import dataclass

from shnor_docs.location import Location
from shnor_docs.text import bounded

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
    "S014": "недопустимая дата (в том числе год вне 1900–2100)",
    "S015": "текст слишком сложен для разбора Markdown: вложенность списков или цитат, "
    "слишком много «[»",
    "S020": "ссылка на неизвестного участника (parties)",
    "S021": "ссылка на неизвестную задачу",
    "S022": "ссылка на неизвестный показатель",
    "S023": "ссылка на неизвестную цель",
    "S024": "повторяющийся идентификатор",
    "S025": "ссылка на неизвестное приложение или фактор риска",
    "S026": "номер подпункта не начинается с номера своего пункта",
    "S030": "не удалось разобрать срок (в том числе год вне 1900–2100, срок длиннее 300 знаков)",
    "S031": "недопустимый период программы",
}


#: Codes of template and build errors (``shnor build``); permanent too.
BUILD_CODES: dict[str, str] = {
    "T001": "ошибка в шаблоне: синтаксис, неизвестное имя, запрещённое действие "
    "(указываются шаблон и строка)",
    "T002": "шаблон выполняется слишком долго (бесконечный цикл)",
    "T004": "шаблон или папка шаблонов не найдены или лежат вне папки программы",
    "T005": "шаблон DOCX ссылается на внешние ресурсы (рисунки, файлы и поля по адресам "
    "http://, file:// …)",
    "T006": "файл шаблона слишком большой (в том числе в распакованном виде) или повреждён",
    "T007": "шаблон или текст требуют слишком много памяти или выводят слишком много",
    "B001": "для PDF нужен LibreOffice, а он не установлен",
    "B002": "LibreOffice не смог преобразовать документ в PDF",
    "B003": "папка результата не создана shnor (нет записи о сборке), не папка или недоступна: "
    "она не будет заменена",
    "B004": "папка результата совпадает с папкой программы, лежит в ней или содержит её",
    "B005": "в папку результата уже пишет другая сборка",
    "B006": "у папки программы нет допустимого имени для папки результата",
    "B007": "с --strict документы программы с ошибками проверки не записываются",
    "B008": "LibreOffice не уложился в отведённое время и остановлен",
    "B009": "папку результата не удалось записать: нет места на диске, нет прав на запись …",
    "B010": "процесс сборки программы аварийно завершён (нехватка памяти, остановка извне)",
    "B011": "сборка прервана (Ctrl+C или сигнал остановки); незаконченные папки удалены",
}


#: Codes of errors about a programme's history in git (``shnor amend``, R210); permanent too.
HISTORY_CODES: dict[str, str] = {
    "G001": "git не установлен или папка программы не лежит в репозитории git",
    "G002": "ревизия git не найдена",
    "G003": "в этой ревизии по этому пути нет программы (нет programme.yaml)",
    "G004": "в amendments нет нового акта о внесении изменений (его номера и даты)",
    "G005": "между ревизиями документы программы не изменились",
}


def codes_markdown() -> str:
    """The table of every error code, as the README shows it (generated, kept current by a test)."""
    rows = ["| код | значение |", "| --- | --- |"]
    every = {**CODES, **BUILD_CODES, **HISTORY_CODES}
    rows += [f"| {code} | {text} |" for code, text in every.items()]
    return "\n".join(rows) + "\n"


@dataclass(frozen=True, order=True)
class Problem:
    """One load-time error: where, which code, what (in Russian)."""

    location: Location
    code: str
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", bounded(self.message))

    def __str__(self) -> str:
        return f"{self.location}: ошибка {self.code} {self.message}"


class SpecError(Exception):
    """Raised when a spec cannot be loaded; holds every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
