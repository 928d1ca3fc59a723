"""libyaml's syntax errors in Russian: the start of its English message → what to tell the user."""

from __future__ import annotations

PROBLEMS_RU = {
    "found character '\\t' that cannot start any token":
        "символ табуляции недопустим в YAML; используйте пробелы для отступов",
    "mapping values are not allowed in this context":
        "двоеточие с пробелом внутри значения: возьмите значение в кавычки",
    "mapping values are not allowed here":
        "двоеточие здесь недопустимо; возьмите значение в кавычки или проверьте отступ",
    "could not find expected ':'": "не найдено ожидаемое двоеточие «:»",
    "did not find expected key": "не найден ожидаемый ключ: проверьте отступы",
    "did not find expected '-' indicator": "не найден ожидаемый дефис «-» элемента списка",
    "found undefined alias": "ссылка на неопределённый якорь",
    "found unexpected end of stream": "неожиданный конец файла (незакрытая кавычка или скобка?)",
    "found unknown escape character": "неизвестная escape-последовательность в строке",
    "found invalid Unicode character escape code":
        "escape-последовательность задаёт недопустимый символ Юникода",
    "found unexpected ':'": "неожиданное двоеточие «:»",
    "expected <block end>, but found '-'": "неожиданный дефис «-»: проверьте отступ элемента",
    "found character that cannot start any token":
        "символ, с которого не может начинаться значение",
    "control characters are not allowed": "управляющие символы в файле недопустимы",
    "found a tab character": "символ табуляции недопустим в YAML; используйте пробелы для отступов",
    "did not find expected ',' or ']'": "не найдена запятая или закрывающая скобка «]»",
    "did not find expected ',' or '}'": "не найдена запятая или закрывающая скобка «}»",
    "block sequence entries are not allowed in this context":
        "дефис «-» списка здесь недопустим: начните список с новой строки",
    "but found another document": "в файле второй документ YAML («---»); оставьте один",
    "did not find expected <document start>": "лишний текст после конца документа («...»)",
    "second occurrence": "якорь «&» с таким именем уже определён выше",
}
OPENED = {"flow": "скобка", "quoted": "кавычка"}  # by the context of libyaml's error
