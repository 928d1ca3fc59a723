"""The default DOCX templates, one function each.

Recreate them with ``python -m shnor_docs.render.template_parts`` (into the package's
``templates/`` folder, or into the folder given).
"""

from __future__ import annotations

import sys
from pathlib import Path

from shnor_docs.render.template_factory import (
    TEMPLATES,
    Doc,
    new_document,
    para,
    signature_tab,
    table,
    template,
)
from shnor_docs.render.templates import DEFAULTS


@template("prikaz.docx")
def prikaz() -> Doc:
    """The act: letterhead, requisites, preamble, points, signature, executor."""
    doc = new_document()
    signature_tab(doc)
    para(doc, "{%p if act.has_text %}", "ShnorRequisite")
    para(doc, "{%p for line in authority.heading %}", "ShnorHeading")
    para(doc, "{{ line }}", "ShnorHeading")
    para(doc, "{%p endfor %}", "ShnorHeading")
    para(doc, "", "ShnorHeading")
    para(doc, "{{ act.kind_title }}", "ShnorHeading")
    para(doc, "", "ShnorRequisite")
    line = doc.add_paragraph("{{ act.date_text }}", style="ShnorRequisite")
    line.add_run().add_tab()
    line.add_run("№\u00a0{{ act.number }}")
    para(doc, "{%p if act.place %}", "ShnorCentered")
    para(doc, "{{ act.place }}", "ShnorCentered")
    para(doc, "{%p endif %}", "ShnorCentered")
    para(doc, "", "ShnorRequisite")
    para(doc, "{{p act.title }}", "ShnorTitle")
    para(doc, "", "ShnorRequisite")
    para(doc, "{{p act.preamble }}", "ShnorBody")
    para(doc, "{{p act.directive }}", "ShnorRequisite")
    para(doc, "{{p act.points }}", "ShnorPoint")
    para(doc, "", "ShnorRequisite")
    para(doc, "", "ShnorRequisite")
    para(doc, "{{p act.signature }}", "ShnorRequisite")
    para(doc, "{{p act.executor }}", "ShnorExecutor")
    para(doc, "{%p endif %}", "ShnorRequisite")
    return doc


@template("pasport.docx")
def pasport() -> Doc:
    """The programme passport: a two-column table."""
    doc = new_document()
    para(doc, "{{p heading }}", "ShnorSectionTitle")
    para(doc, "{{p passport.heading }}", "ShnorSectionTitle")
    table(
        doc,
        [5.5, 11.5],
        [],
        [
            ["{%tr for row in passport.rows %}"],
            ["{{ row.label }}", "{{p row.value }}"],
            ["{%tr endfor %}"],
        ],
        keep_rows=False,
    )
    return doc


@template("razdely.docx")
def razdely() -> Doc:
    """The programme's text sections: goals, tasks, stages, mechanism, control …"""
    doc = new_document()
    para(doc, "{%p for section in sections %}", "ShnorSectionTitle")
    para(doc, "{{ section.title }}", "ShnorSectionTitle")
    para(doc, "{{p section.body }}", "ShnorBody")
    para(doc, "{%p endfor %}", "ShnorBody")
    return doc


@template("pokazateli.docx")
def pokazateli() -> Doc:
    """The indicator table, grouped by goal and task, one column per year (landscape)."""
    doc = new_document(landscape=True)
    para(doc, "{{ indicators.title }}", "ShnorSectionTitle")
    para(doc, "{{p indicators.table }}", "ShnorCell")
    return doc


@template("dorozhnaya-karta.docx")
def dorozhnaya_karta() -> Doc:
    """The roadmap on landscape pages: section rows across the table, numbered activities."""
    doc = new_document(landscape=True)
    para(doc, "{{p roadmap.heading }}", "ShnorSectionTitle")
    table(
        doc,
        [1.5, 8.7, 4.0, 5.5, 6.0],
        [
            "№ п/п",
            "Наименование мероприятия",
            "Срок исполнения",
            "Ответственные исполнители",
            "Ожидаемый результат",
        ],
        [
            ["{%tr for section in roadmap.sections %}"],
            ["{%tr if section.heading %}"],
            ["{{ section.heading }}"],
            ["{%tr endif %}"],
            ["{%tr for a in section.activities %}"],
            [
                "{{ a.number }}",
                "{{p a.title }}",
                "{{ a.deadline }}",
                "{{ a.responsible }}",
                "{{p a.result }}",
            ],
            ["{%tr endfor %}"],
            ["{%tr endfor %}"],
        ],
    )
    return doc


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else DEFAULTS
    out.mkdir(parents=True, exist_ok=True)
    for name, build in TEMPLATES.items():
        build().save(out / name)
        print(out / name)


if __name__ == "__main__":
    main(sys.argv[1:])
