"""Russian for click's own messages (usage, errors, help), so that the whole CLI speaks Russian."""

from __future__ import annotations

import click

MESSAGES = {
    "Usage:": "Использование:",
    "Options": "Параметры",
    "Commands": "Команды",
    "Error: {message}": "Ошибка: {message}",
    "Try '{command} {option}' for help.": "Справка: «{command} {option}».",
    "Show this message and exit.": "Показать эту справку и выйти.",
    "Show the version and exit.": "Показать версию и выйти.",
    "Invalid value for {param_hint}: {message}": "Недопустимое значение {param_hint}: {message}",
    "Invalid value: {message}": "Недопустимое значение: {message}",
    "Missing argument": "Не указан аргумент",
    "Missing option": "Не указан параметр",
    "Missing parameter": "Не указан параметр",
    "Missing parameter: {param_name}": "Не указан параметр: {param_name}",
    "Missing command.": "Не указана команда.",
    "No such command {name!r}.": "Нет такой команды: {name!r}.",
    "No such option {name!r}.": "Нет такого параметра: {name!r}.",
    "Option {name!r} requires an argument.": "Параметру {name!r} нужно значение.",
    "Option {name!r} does not take a value.": "Параметр {name!r} не принимает значения.",
    "Got unexpected extra argument ({args})": "Лишний аргумент ({args})",
    "Got unexpected extra arguments ({args})": "Лишние аргументы ({args})",
    "Did you mean {possibility}?": "Возможно, имелось в виду {possibility}?",
    "(Did you mean one of: {possibilities}?)":
        "(Возможно, имелось в виду одно из: {possibilities}?)",
    "default: {default}": "по умолчанию: {default}",
    "{value} is not in the range {range}.": "{value} вне диапазона {range}.",
    "{value!r} is not a valid {number_type}.": "{value!r} — не число.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} не существует.",
    "{name} {filename!r} is a file.": "{name} {filename!r} — файл, а нужна папка.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} — папка, а нужен файл.",
    # click 8.1.0 quotes this one by hand.
    "{name} '{filename}' is a directory.": "{name} '{filename}' — папка, а нужен файл.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} недоступен для чтения.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} недоступен для записи.",
    "{value!r} is not {choice}.": "{value!r} — недопустимое значение; допустимо: {choice}.",
    "{value!r} is not one of {choices}.":
        "{value!r} — недопустимое значение; допустимы: {choices}.",
    "Choose from:\n\t{choices}": "Допустимые значения:\n\t{choices}",
    "Positional arguments": "Аргументы",
    "required": "обязательный",
    "env var: {var}": "переменная окружения: {var}",
    "(dynamic)": "(вычисляется)",
    "deprecated": "устарело",
    "Aborted!": "Прервано.",
    "file": "файл",
    "directory": "папка",
    "path": "путь",
}


def _translate(message: str) -> str:
    return MESSAGES.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _translate(singular if n == 1 else plural)


def install() -> None:
    """Replace the gettext functions click's modules bound at import."""
    for module in (
        click.core,
        click.exceptions,
        click.formatting,
        click.decorators,
        click.types,
        click.parser,
        click.termui,
    ):
        if hasattr(module, "_"):
            module._ = _translate
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext


# Before any command is defined: click translates some words (the kind of a path) at definition.
install()


class Command(click.Command):
    """A command whose usage line speaks Russian too."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[ПАРАМЕТРЫ]")
        super().__init__(*args, **kwargs)


class Group(click.Group):
    """The top-level group: Russian usage, Russian subcommands."""

    command_class = Command

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[ПАРАМЕТРЫ]")
        kwargs.setdefault("subcommand_metavar", "КОМАНДА [АРГУМЕНТЫ]...")
        super().__init__(*args, **kwargs)
