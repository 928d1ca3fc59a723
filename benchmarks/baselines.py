"""The two yardsticks of a DOCX build, each a process of its own rendering the same rows.

- ``docxtpl``: a bare docxtpl process — a table template with ``{%tr for %}`` rows, rendered
  and saved, nothing else;
- ``raw``: the limit — jinja2 writes ``document.xml`` straight from the rows and zip packs it
  with the template's other parts (no python-docx, no lxml).

Run as ``python baselines.py docxtpl|raw ROWS.json TEMPLATE.docx OUT.docx``. The benchmark
prepares their inputs with ``rows FOLDER ROWS.json`` (the roadmap table of a programme as our
build prints it, in plain text) and ``template TEMPLATE.docx``, each in a process of its own.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path
from typing import Any

HEAD = ("№", "Мероприятие", "Срок", "Ответственные", "Результат")
KEYS = ("number", "title", "deadline", "responsible", "result")

RAW_DOCUMENT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>
<w:tblGrid>{% for _ in keys %}<w:gridCol w:w="2000"/>{% endfor %}</w:tblGrid>
<w:tr>{% for h in head %}<w:tc><w:p><w:r><w:t>{{ h }}</w:t></w:r></w:p></w:tc>{% endfor %}</w:tr>
{% for s in sections %}<w:tr><w:tc><w:tcPr><w:gridSpan w:val="5"/></w:tcPr><w:p><w:r><w:t \
xml:space="preserve">{{ s.heading }}</w:t></w:r></w:p></w:tc></w:tr>
{% for a in s.activities %}<w:tr>{% for k in keys %}<w:tc><w:p><w:r><w:t xml:space="preserve">\
{{ a[k] }}</w:t></w:r></w:p></w:tc>{% endfor %}</w:tr>
{% endfor %}{% endfor %}</w:tbl><w:sectPr/></w:body></w:document>"""


def make_template(path: Path) -> None:
    """A one-table docxtpl template: header, a row per section heading, a row per activity."""
    from docx import Document

    doc = Document()
    table = doc.add_table(rows=7, cols=len(KEYS))
    for cell, text in zip(table.rows[0].cells, HEAD, strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "{%tr for s in sections %}"
    table.rows[2].cells[0].text = "{{ s.heading }}"
    table.rows[3].cells[0].text = "{%tr for a in s.activities %}"
    for cell, key in zip(table.rows[4].cells, KEYS, strict=True):
        cell.text = f"{{{{ a.{key} }}}}"
    table.rows[5].cells[0].text = "{%tr endfor %}"
    table.rows[6].cells[0].text = "{%tr endfor %}"
    doc.save(str(path))


def roadmap_rows(folder: Path) -> list[dict[str, Any]]:
    """The roadmap table of a programme as our build prints it, in plain text: sections with
    their heading and activities."""
    from shnor_docs.render.context import build_context
    from shnor_docs.spec.load import load_programme

    ctx = build_context(load_programme(folder))
    table = next(
        part["table"]
        for document in ctx["documents"]
        for part in document.get("parts", [])
        if part.get("name") == "roadmap"
    )
    keys = [column["key"] for column in table["columns"]]
    found: list[dict[str, Any]] = []
    for row in table["rows"]:
        if row["group"]:
            found.append({"heading": row["group"], "activities": []})
            continue
        texts = {
            key: " ".join(block.text for block in cell["content"].blocks)
            for key, cell in zip(keys, row["cells"], strict=True)
        }
        if not found:
            found.append({"heading": "", "activities": []})
        found[-1]["activities"].append({key: texts.get(key, "") for key in KEYS})
    return found


def bare_docxtpl(sections: list[dict[str, Any]], template: Path, out: Path) -> None:
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(template))
    tpl.render({"sections": sections}, autoescape=True)
    tpl.save(str(out))


def raw_xml(sections: list[dict[str, Any]], template: Path, out: Path) -> None:
    from jinja2 import Environment

    env = Environment(autoescape=True)
    xml = env.from_string(RAW_DOCUMENT).render(sections=sections, head=HEAD, keys=KEYS)
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in source.namelist():
            data = xml.encode("utf-8") if name == "word/document.xml" else source.read(name)
            z.writestr(name, data)


def main(argv: list[str]) -> None:
    kind = argv[0]
    if kind == "template":
        make_template(Path(argv[1]))
        return
    if kind == "rows":
        found = roadmap_rows(Path(argv[1]))
        Path(argv[2]).write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
        return
    rows, template, out = argv[1:]
    sections = json.loads(Path(rows).read_text(encoding="utf-8"))
    (bare_docxtpl if kind == "docxtpl" else raw_xml)(sections, Path(template), Path(out))


if __name__ == "__main__":
    main(sys.argv[1:])
