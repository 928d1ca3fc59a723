"""The click group of the command line; each command lives in a module of its group, imported
when the command is asked for (a check does not import the build, nor the build the import).

Every message is Russian (click's own too, see :mod:`shnor_docs.cli.ru`), and an unexpected
failure ends with exit code 3 and a one-line message instead of a traceback.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from collections.abc import Sequence

import click

from shnor_docs import __version__
from shnor_docs.cli import ru

ru.install()

CONTEXT = {"help_option_names": ["-h", "--help"]}

#: Each command: the module that defines it and its function there.
COMMANDS = {
    "validate": ("programmes", "validate"),
    "build": ("build", "build"),
    "check": ("check", "check"),
    "rules": ("check", "rules"),
    "errors": ("programmes", "errors"),
    "schema": ("programmes", "schema"),
    "init": ("programmes", "init"),
    "amend": ("life", "amend"),
    "report": ("life", "report"),
    "export": ("life", "export"),
    "import": ("importing", "import_"),
}


class Commands(ru.Group):
    """The group: a command's module is imported when the command is first asked for."""

    def list_commands(self, ctx: click.Context | None) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context | None, cmd_name: str) -> click.Command | None:
        """The command, its module imported now; for an unknown name every command is loaded,
        as click suggests a close name («Возможно, имелось в виду …») from those loaded."""
        for wanted in [cmd_name] if cmd_name in COMMANDS else list(COMMANDS):
            if wanted not in self.commands:
                module, name = COMMANDS[wanted]
                found = getattr(importlib.import_module(f"shnor_docs.cli.{module}"), name)
                self.add_command(found, wanted)
        return self.commands.get(cmd_name)


@click.group(cls=Commands, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", message="shnor_docs %(version)s")
def cli() -> None:
    """shnor — документы программ поддержки ШНОР и ШНСУ из YAML-спецификаций.

    Программа описывается в папке programmes/<имя>/programme.yaml; команды проверяют её и
    собирают приказ, паспорт программы, таблицу показателей и дорожную карту.

    Код выхода 3 означает внутреннюю ошибку shnor (повторите с SHNOR_DEBUG=1 и сообщите
    разработчикам).
    """


def preload(argv: Sequence[str]) -> None:
    """Import the command ``argv`` names, with everything its module imports, before it runs
    (while the process starts: :mod:`shnor_docs.cli.process`); click reports any problem."""
    if argv and argv[0] in COMMANDS:
        try:
            cli.get_command(None, argv[0])
        except Exception:  # the command fails to load: click meets it again and says so
            return


def main() -> None:
    """Run the CLI; an unexpected failure is reported without a traceback."""
    _without_pydantic_plugins()
    try:
        cli.main(prog_name="shnor", standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:
        if os.environ.get("SHNOR_DEBUG"):
            raise
        click.echo(
            f"внутренняя ошибка shnor_docs ({type(exc).__name__}: {exc}); "
            "повторите с SHNOR_DEBUG=1 и сообщите разработчикам",
            err=True,
        )
        sys.exit(3)


def _without_pydantic_plugins() -> None:
    """pydantic looks for plugins when it builds its first validator: ``importlib.metadata``
    with the e-mail parser, and every installed package's entry points — a tenth of ``shnor
    check``. shnor's models take no plugins, so the command line tells pydantic there are none
    (a ``PYDANTIC_DISABLE_PLUGINS`` the user set is left to pydantic)."""
    name = "pydantic.plugin._loader"
    if "PYDANTIC_DISABLE_PLUGINS" in os.environ or name in sys.modules:
        return
    loader = types.ModuleType(name)
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules[name] = loader
