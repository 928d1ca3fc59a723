"""Every built DOCX is valid Office Open XML: each part against the ECMA-376 schemas."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.render.conftest import SLUGS

XSD = Path(__file__).parent / "xsd"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
#: namespace → schema file; parts in other namespaces (core.xml: Dublin Core) are not checked here
SCHEMAS = {
    "http://www.w3.org/XML/1998/namespace": "xml.xsd",
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "wml.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "dml-main.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": (
        "shared-documentPropertiesExtended.xsd"
    ),
    "http://schemas.openxmlformats.org/package/2006/content-types": "opc-contentTypes.xsd",
    "http://schemas.openxmlformats.org/package/2006/relationships": "opc-relationships.xsd",
}


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    imports = "".join(
        f'<xsd:import namespace="{ns}" schemaLocation="{(XSD / name).as_uri()}"/>'
        for ns, name in SCHEMAS.items()
    )
    driver = (
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
        f'targetNamespace="urn:shnor:test:ooxml">{imports}</xsd:schema>'
    )
    return etree.XMLSchema(etree.fromstring(driver.encode()))


def without_ignorable(root: etree._Element) -> etree._Element:
    """Markup compatibility (ECMA-376 part 3) as a consumer applies it before validation:
    elements and attributes of the namespaces named in ``mc:Ignorable`` are dropped."""
    names = root.get(f"{{{MC}}}Ignorable")
    if not names:
        return root
    ignored = {root.nsmap[prefix] for prefix in names.split()}
    del root.attrib[f"{{{MC}}}Ignorable"]
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if etree.QName(element).namespace in ignored:
            element.getparent().remove(element)
            continue
        for name in list(element.attrib):
            if etree.QName(name).namespace in ignored:
                del element.attrib[name]
    return root


def problems(schema: etree.XMLSchema, docx: Path) -> list[str]:
    found = []
    with zipfile.ZipFile(docx) as package:
        for name in package.namelist():
            if not name.endswith((".xml", ".rels")):
                found.append(f"{name}: не XML")
                continue
            root = etree.fromstring(package.read(name))
            if etree.QName(root).namespace not in SCHEMAS:
                continue
            if not schema.validate(without_ignorable(root)):
                found += [f"{name}:{e.line}: {e.message}" for e in schema.error_log]
    return found


@pytest.mark.parametrize("slug", SLUGS)
def test_every_built_docx_is_valid_ooxml(built: Path, schema: etree.XMLSchema, slug: str) -> None:
    files = sorted((built / slug).glob("*.docx"))
    assert files
    for docx in files:
        assert problems(schema, docx) == [], docx.name


def test_every_part_is_checked(built: Path, schema: etree.XMLSchema) -> None:
    with zipfile.ZipFile(built / "belaya-kalitva" / "prikaz.docx") as package:
        names = package.namelist()
        roots = {n: etree.QName(etree.fromstring(package.read(n))).namespace for n in names}
    unchecked = sorted(n for n, ns in roots.items() if ns not in SCHEMAS)
    assert unchecked == ["docProps/core.xml"]


def _with_document(source: Path, target: Path, change) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            data = old.read(name)
            if name == "word/document.xml":
                root = etree.fromstring(data)
                change(root)
                data = etree.tostring(root)
            new.writestr(name, data)
    return target


def test_an_element_out_of_order_is_caught(
    built: Path, schema: etree.XMLSchema, tmp_path: Path
) -> None:
    """The old fault: a second ``w:tblLayout`` appended after python-docx's own."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def duplicate_layout(root: etree._Element) -> None:
        tbl_pr = root.find(f".//{w}tblPr")
        tbl_pr.append(etree.fromstring(f'<w:tblLayout xmlns:w="{w[1:-1]}" w:type="fixed"/>'))

    broken = _with_document(
        built / "meshchovsk" / "prilozhenie-1.docx", tmp_path / "broken.docx", duplicate_layout
    )
    found = problems(schema, broken)
    assert found and "tblLayout" in found[0]
