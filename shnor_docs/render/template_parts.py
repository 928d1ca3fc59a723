"""The default DOCX template: the act's letterhead and requisites, and the styles of all documents.

Recreate it with ``python -m shnor_docs.render.template_parts`` (into the package's
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


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else DEFAULTS
    out.mkdir(parents=True, exist_ok=True)
    for name, build in TEMPLATES.items():
        build().save(out / name)
        print(out / name)


if __name__ == "__main__":
    main(sys.argv[1:])
