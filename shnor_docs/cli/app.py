"""The click group of the command line; each command lives in a module of its group.

Every message is Russian (click's own too, see :mod:`shnor_docs.cli.ru`), and an unexpected
failure ends with exit code 3 and a one-line message instead of a traceback.
"""

from __future__ import annotations

import os
import sys
import types

import click

from shnor_docs import __version__
from shnor_docs.cli import build, check, importing, life, programmes, ru

ru.install()

CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group(cls=ru.Group, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", message="shnor_docs %(version)s")
def cli() -> None:
    """shnor — документы программ поддержки ШНОР и ШНСУ из YAML-спецификаций.

    Программа описывается в папке programmes/<имя>/programme.yaml; команды проверяют её и
    собирают приказ, паспорт программы, таблицу показателей и дорожную карту.

    Код выхода 3 означает внутреннюю ошибку shnor (повторите с SHNOR_DEBUG=1 и сообщите
    разработчикам).
    """


for command in (
    programmes.validate,
    build.build,
    check.check,
    check.rules,
    programmes.errors,
    programmes.schema,
    programmes.init,
    life.amend,
    life.report,
    life.export,
    importing.import_,
):
    cli.add_command(command)


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
