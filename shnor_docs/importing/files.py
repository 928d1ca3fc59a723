"""The spec's files as text: the modeline, a header saying where they came from, the YAML."""

from __future__ import annotations

import os
from pathlib import Path

from shnor_docs.importing.compose import Composed
from shnor_docs.importing.emit import document

SCHEMA = Path("schemas/programme.schema.json")


def modeline(folder: Path) -> str:
    """The editor's schema line, its path relative to the programme folder."""
    relative = Path(os.path.relpath(SCHEMA.resolve(), folder.resolve())).as_posix()
    return f"yaml-language-server: $schema={relative}"


def spec_files(composed: Composed, folder: Path, source: str) -> dict[str, str]:
    """programme.yaml, parties.yaml and (when there is a plan) roadmap.yaml."""
    line = modeline(folder)
    files = {
        "programme.yaml": document(composed.programme, [
            line, "",
            f"Импортировано командой «shnor import» из «{source}». Что распознано, что нет и "
            "что проверить — в import-report.md. «# проверьте: …» стоит у того, что распознано "
            "с сомнением; «# ДЕФЕКТ ИСХОДНОГО ДОКУМЕНТА: …» — у ошибок самого документа: они "
            "сохранены, их находит shnor check.",
        ]),
        "parties.yaml": document({"parties": composed.parties}, [
            line, "", "Реестр участников (включается из programme.yaml): каждый участник — "
            "одна запись, как бы часто документ его ни называл.",
        ]) + ("" if composed.parties else "parties: []\n"),
    }
    if composed.roadmap is not None:
        files["roadmap.yaml"] = document({"roadmap": composed.roadmap}, [
            line, "", "План мероприятий (включается из programme.yaml). Сроки — как в "
            "документе.",
        ])
    return files
