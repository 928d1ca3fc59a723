"""shnor build: reproducible bytes, own templates, atomic writes, clear template errors."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from shnor_docs.build import OutputError, build_programme
from shnor_docs.build import output as build_module
from shnor_docs.cli import cli
from shnor_docs.render.templates import DEFAULTS, TemplateError
from tests.conftest import PROGRAMMES

FORMATS = {"docx", "html"}


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _copy(slug: str, tmp_path: Path) -> Path:
    target = tmp_path / "programmes" / slug
    shutil.copytree(PROGRAMMES / slug, target)
    return target


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = build_programme(PROGRAMMES / "belaya-kalitva", tmp_path / "a", FORMATS)
    second = build_programme(PROGRAMMES / "belaya-kalitva", tmp_path / "b", FORMATS)
    assert first.files == ["index.html", "prikaz.docx", "prilozhenie-1.docx"]
    assert _digests(first.folder) == _digests(second.folder)


def test_own_templates_override_the_defaults(tmp_path: Path) -> None:
    folder = _copy("meshchovsk", tmp_path)
    own = folder / "my-templates"
    (own / "html").mkdir(parents=True)
    doc = Document(str(DEFAULTS / "prikaz.docx"))
    doc.paragraphs[1].insert_paragraph_before("БЛАНК ОТДЕЛА: {{ act.number }}")
    doc.save(str(own / "prikaz.docx"))
    page = (DEFAULTS / "html" / "prikaz.html.j2").read_text(encoding="utf-8")
    (own / "html" / "prikaz.html.j2").write_text("<p>СВОЙ ШАБЛОН</p>\n" + page, "utf-8")
    text = (folder / "programme.yaml").read_text(encoding="utf-8")
    (folder / "programme.yaml").write_text(text + "\ntemplates: my-templates\n", "utf-8")
    result = build_programme(folder, tmp_path / "out", FORMATS)
    order = Document(str(result.folder / "prikaz.docx"))
    assert any(p.text == "БЛАНК ОТДЕЛА: 5-а" for p in order.paragraphs)
    assert "<p>СВОЙ ШАБЛОН</p>" in (result.folder / "index.html").read_text(encoding="utf-8")
    untouched = Document(str(result.folder / "prilozhenie-1.docx"))
    assert not any("БЛАНК ОТДЕЛА" in p.text for p in untouched.paragraphs)


def _own_html(tmp_path: Path, body: str) -> Path:
    folder = _copy("dubrovka", tmp_path)
    (folder / "t" / "html").mkdir(parents=True)
    (folder / "t" / "html" / "prikaz.html.j2").write_text(body, encoding="utf-8")
    text = (folder / "programme.yaml").read_text(encoding="utf-8")
    (folder / "programme.yaml").write_text(text + "\ntemplates: t\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "body",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{% for x in documents %}\n{{ x.nope.deeper }}\n{% endfor %}",
        "{% if %}",
    ],
)
def test_hostile_or_broken_template_is_a_clear_error(tmp_path: Path, body: str) -> None:
    folder = _own_html(tmp_path, body)
    with pytest.raises(TemplateError) as info:
        build_programme(folder, tmp_path / "out", {"html"})
    assert "prikaz.html.j2" in str(info.value)
    assert not (tmp_path / "out" / "dubrovka").exists()


def test_cli_reports_template_error_without_traceback(tmp_path: Path) -> None:
    folder = _own_html(tmp_path, "{% if %}")
    result = CliRunner().invoke(cli, ["build", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "prikaz.html.j2:1" in result.output and "ошибка T001" in result.output
    assert "Traceback" not in result.output


def test_failed_build_keeps_the_previous_output(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    first = build_programme(PROGRAMMES / "meshchovsk", out, FORMATS)
    before = _digests(first.folder)

    def broken(*args, **kwargs):
        raise RuntimeError("сбой рендерера")

    monkeypatch.setattr("shnor_docs.render.html.build_html", broken)
    with pytest.raises(RuntimeError):
        build_programme(PROGRAMMES / "meshchovsk", out, FORMATS)
    assert _digests(first.folder) == before
    assert sorted(p.name for p in out.iterdir()) == ["meshchovsk"]


def test_interrupted_write_leaves_no_temporary_files(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    first = build_programme(PROGRAMMES / "dubrovka", out, FORMATS)
    before = _digests(first.folder)
    real = os.replace
    calls = []

    def failing(src, dst):
        calls.append((src, dst))
        if len(calls) == 2:  # old folder retired, the new one fails to move in
            raise OSError("диск отключён")
        return real(src, dst)

    monkeypatch.setattr(build_module, "exchange", lambda a, b: False)  # the two-rename way
    monkeypatch.setattr(build_module.os, "replace", failing)
    with pytest.raises(OutputError) as info:
        build_programme(PROGRAMMES / "dubrovka", out, FORMATS)
    assert info.value.code == "B009" and "диск отключён" in info.value.message
    monkeypatch.setattr(build_module.os, "replace", real)
    assert _digests(first.folder) == before
    assert sorted(p.name for p in out.iterdir()) == ["dubrovka"]


def test_pdf_without_libreoffice_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("shnor_docs.render.soffice.shutil.which", lambda name: None)
    monkeypatch.setattr("shnor_docs.render.soffice.CANDIDATES", ())
    result = CliRunner().invoke(
        cli, ["build", str(PROGRAMMES / "dubrovka"), "--format", "pdf", "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "нужен LibreOffice" in result.output
    assert not (tmp_path / "dubrovka").exists()


def test_pdf_format_converts_with_libreoffice(tmp_path: Path) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice не установлен")
    result = build_programme(PROGRAMMES / "dubrovka", tmp_path, {"pdf"})
    assert result.files == ["prikaz.pdf", "prilozhenie.pdf"]
    assert (result.folder / "prikaz.pdf").read_bytes().startswith(b"%PDF")


def test_cli_build_all_examples(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(PROGRAMMES.parent)
    result = CliRunner().invoke(cli, ["build", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in PROGRAMMES.iterdir() if (p / "programme.yaml").is_file()
    )


def test_unknown_format_is_misuse(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--format", "odt", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "неизвестный формат: odt" in result.output


def test_endless_template_is_stopped(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("shnor_docs.render.limits.SECONDS", 1)
    folder = _own_html(
        tmp_path,
        "{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}",
    )
    with pytest.raises(TemplateError) as info:
        build_programme(folder, tmp_path / "out", {"html"})
    assert info.value.code == "T002"
    assert not (tmp_path / "out" / "dubrovka").exists()
