"""Templates from another district: contained folders, no external links, bounded resources.

Each case builds with a programme's own templates and asserts the error code, the exit status
2, that nothing outside the programme leaked into the output, and that the previous build
stayed as it was (issue «Nothing lost», groups B and D).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement

from shnor_docs.render.templates import DEFAULTS
from tests.conftest import ROOT
from tests.hostile.workspace import (
    BUILD,
    PROG,
    SECRET,
    assert_refused,
    build_ok,
    own_templates,
)


def _refused(root: Path, expected: str) -> str:
    output = assert_refused(root, expected, commands=("build",))
    assert SECRET not in output and "root:" not in output
    return output


# Runs the CLI and reports the peak memory of its own process (VmHWM: not the parent's pages,
# which the rusage of a forked child counts too).
_MEASURED = """
import atexit, runpy, sys
def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("PEAK " + line.split()[1] + "\\n")
atexit.register(peak)
sys.argv = ["shnor", *sys.argv[1:]]
runpy.run_module("shnor_docs", run_name="__main__")
"""


def _run(root: Path) -> tuple[int, str, float]:
    """``shnor build`` as a process: exit status, output, and its peak memory in MB."""
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, *BUILD], cwd=root, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300,
    )
    peaks = [int(line.split()[1]) for line in result.stderr.splitlines()
             if line.startswith("PEAK ")]
    return result.returncode, result.stdout + result.stderr, (peaks or [0])[0] / 1024


# --- B5: template folders resolved and contained ----------------------------------------------


def test_own_html_folder_linked_out_of_the_programme_is_not_read(ws: Path) -> None:
    """A `templates/html` link could include `.git/config` with a CI token into index.html."""
    outside = ws / "outside"
    outside.mkdir()
    (outside / "prikaz.html.j2").write_text(f"<p>{SECRET}</p>\n", encoding="utf-8")
    own = own_templates(ws)
    (own / "html").rmdir()
    (own / "html").symlink_to(outside, target_is_directory=True)
    _refused(ws, "t/html: ошибка T004 папка HTML-шаблонов должна лежать внутри")


def test_template_folder_linked_out_of_the_programme_is_refused(ws: Path) -> None:
    (ws / "outside").mkdir()
    (ws / PROG / "t").symlink_to(ws / "outside", target_is_directory=True)
    with open(ws / PROG / "programme.yaml", "a", encoding="utf-8") as handle:
        handle.write("templates: t\n")
    _refused(ws, "t: ошибка T004 папка шаблонов должна лежать внутри папки программы")


def test_dot_named_template_folder_is_used(ws: Path) -> None:
    own = ws / PROG / ".t" / "html"
    own.mkdir(parents=True)
    (own / "prikaz.html.j2").write_text("<p>СВОЙ-РАЗДЕЛ</p>\n", encoding="utf-8")
    with open(ws / PROG / "programme.yaml", "a", encoding="utf-8") as handle:
        handle.write("templates: .t\n")
    assert "СВОЙ-РАЗДЕЛ" in (build_ok(ws) / "index.html").read_text(encoding="utf-8")


# --- B6: DOCX templates that reach outside themselves ---------------------------------------


def _own_docx(root: Path, change) -> None:
    doc = Document(str(DEFAULTS / "prikaz.docx"))
    change(doc)
    doc.save(str(own_templates(root) / "prikaz.docx"))


RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
EXTERNAL = {
    "image-file": lambda d: d.part.relate_to("file:///etc/passwd", RT.IMAGE, is_external=True),
    "image-http": lambda d: d.part.relate_to("http://example.org/x.png", RT.IMAGE,
                                             is_external=True),
    "attached-template": lambda d: d.part._settings_part.relate_to(
        "http://example.org/t.dotm", RELATIONSHIPS + "attachedTemplate", is_external=True),
    "ole-link": lambda d: d.part.relate_to("file:///etc/passwd", RT.OLE_OBJECT,
                                           is_external=True),
    "file-hyperlink": lambda d: d.part.relate_to("file:///etc/passwd", RT.HYPERLINK,
                                                 is_external=True),
}


@pytest.mark.parametrize("name", EXTERNAL)
def test_docx_template_with_external_relationship_is_refused(ws: Path, name: str) -> None:
    """LibreOffice fetched such targets during --format pdf and embedded local files."""
    _own_docx(ws, EXTERNAL[name])
    output = _refused(ws, "prikaz.docx: ошибка T005 шаблон ссылается на внешний ресурс")
    assert "example.org" in output or "file:///etc/passwd" in output


def test_web_hyperlink_in_a_template_is_allowed(ws: Path) -> None:
    _own_docx(ws, lambda d: d.part.relate_to("https://example.org", RT.HYPERLINK,
                                             is_external=True))
    build_ok(ws)


def _field_codes(*pieces: str):
    def add(doc) -> None:
        paragraph = doc.add_paragraph()
        for piece in pieces:
            code = OxmlElement("w:instrText")
            code.text = piece
            paragraph.add_run()._r.append(code)
    return add


def test_docx_template_with_a_fetching_field_is_refused(ws: Path) -> None:
    """INCLUDEPICTURE, split across two runs as Word often splits field codes."""
    _own_docx(ws, _field_codes("INCLUDE", 'PICTURE "file:///etc/passwd"'))
    _refused(ws, "prikaz.docx: ошибка T005 в шаблоне поле INCLUDEPICTURE")


def test_a_fetching_field_printed_by_a_tag_is_refused(ws: Path) -> None:
    xml = ('</w:t></w:r><w:r><w:instrText>INCLUDETEXT "file:///etc/passwd"</w:instrText>'
           '</w:r><w:r><w:t>')
    _own_docx(ws, lambda d: d.add_paragraph("{{ '" + xml + "'|safe }}"))
    _refused(ws, "prikaz.docx: ошибка T005 в шаблоне поле INCLUDETEXT")


# --- D19: a DOCX template that is a zip bomb -------------------------------------------------


def test_docx_zip_bomb_is_refused_before_it_is_opened(ws: Path) -> None:
    """2 MB inflating to 2 GB took 6 GB of memory and was copied into the output."""
    target = own_templates(ws) / "prikaz.docx"
    with zipfile.ZipFile(DEFAULTS / "prikaz.docx") as source, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            bomb.writestr(item, source.read(item))
        with bomb.open("word/media/image1.png", "w", force_zip64=True) as part:
            block = b"\0" * 2**20
            for _ in range(300):
                part.write(block)
    assert target.stat().st_size < 2 * 2**20
    before = {p.name for p in (ws / "build" / PROG).iterdir()}
    start = time.perf_counter()
    code, output, peak_mb = _run(ws)
    assert code == 2, output
    assert "prikaz.docx: ошибка T006 в распакованном виде шаблон занимает 300 МБ" in output
    assert time.perf_counter() - start < 30 and peak_mb < 300
    assert {p.name for p in (ws / "build" / PROG).iterdir()} == before


# --- D16: what a template may make ------------------------------------------------------------

GROWTH = {  # tag: words of the error
    "{% set x = [0] * 10**8 %}": "умножение строки или списка",
    "{{ 'a' * 10**9 }}": "умножение строки или списка",
    "{{ 2 ** 100000000 }}": "степень",
    "{{ 'a'.ljust(10**9) }}": "ширина",
    "{{ 'a'|center(10**9) }}": "ширина",
    "{{ '%1000000000s' % 'a' }}": "ширина",
    "{{ '{:>1000000000}'.format('a') }}": "ширина",
}


@pytest.mark.parametrize("tag", GROWTH)
def test_html_template_that_grows_without_bound_is_stopped_quickly(ws: Path, tag: str) -> None:
    """`[0] * 10**8` is folded while jinja2 compiles, outside the time limit: 800 MB at once."""
    (own_templates(ws) / "html" / "prikaz.html.j2").write_text(f"<p>\n{tag}\n</p>\n", "utf-8")
    code, output, peak_mb = _run(ws)
    assert code == 2, output
    assert "prikaz.html.j2" in output and "ошибка T007 " in output and GROWTH[tag] in output
    assert peak_mb < 400


def test_docx_template_that_grows_without_bound_is_stopped(ws: Path) -> None:
    _own_docx(ws, lambda d: d.add_paragraph("{% set x = [0] * 10**8 %}{{ x|length }}"))
    code, output, peak_mb = _run(ws)
    assert code == 2 and "prikaz.docx: ошибка T007 умножение строки или списка" in output
    assert peak_mb < 400


def test_a_template_past_the_memory_limit_gets_a_coded_error(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No rule foresees this doubling list; the memory limit turns it into T007, not OOM."""
    monkeypatch.setattr("shnor_docs.render.limits.MEMORY", 256 * 2**20)
    tag = "{% set a = [0] * 1000000 %}{% for i in range(30) %}{% set _ = a.extend(a) %}{% endfor %}"
    (own_templates(ws) / "html" / "prikaz.html.j2").write_text(f"{tag}\n", "utf-8")
    _refused(ws, "ошибка T007 шаблону не хватило памяти (сборке позволено 256 МБ")


def test_output_over_the_size_limit_is_not_written(ws: Path) -> None:
    """`{{ 'a' * 10**9 }}` wrote a 1 GB index.html; now no output passes 100 MB."""
    tag = "{% for i in range(60) %}{{ 'a' * 2000000 }}{% endfor %}"
    (own_templates(ws) / "html" / "prikaz.html.j2").write_text(f"{tag}\n", "utf-8")
    _refused(ws, "index.html: ошибка T007 результат занимает 114 МБ")


def test_a_huge_template_property_gives_a_short_message(ws: Path) -> None:
    """A title property of a megabyte (python-docx refuses over 255 characters and quotes the
    whole value) gave a message as long as the property."""
    target = own_templates(ws) / "prikaz.docx"
    with zipfile.ZipFile(DEFAULTS / "prikaz.docx") as source, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "docProps/core.xml":
                title = "<dc:title>{{ 'ж' }}" + "ж" * 1_000_000 + "</dc:title>"
                data = re.sub(rb"<dc:title>.*?</dc:title>|<dc:title/>", title.encode(), data)
                assert title.encode() in data
            copy.writestr(item, data)
    output = _refused(ws, "prikaz.docx: ошибка T001 ")
    assert len(output) < 3000 and "… (1000063 знака)" in output
