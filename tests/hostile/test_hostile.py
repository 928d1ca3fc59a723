"""Hostile input: a coded Russian error and exit code 2, never a traceback; nothing written
outside build/, and a failed build leaves the previous one as it was.

The corpus is ``tests/hostile/<case>/``: its files are laid over a copy of ``tests/specs/valid/``.
Binary and huge cases are generated into tmp_path by the small functions below.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document

from shnor_docs.errors import SpecError
from shnor_docs.render.templates import DEFAULTS
from shnor_docs.spec import load as load_module
from shnor_docs.spec.load import load_programme
from tests.conftest import ROOT
from tests.hostile.workspace import (
    PROG,
    SECRET,
    VALID_TEXT,
    assert_refused,
    build_ok,
    own_templates,
    paragraphs,
    russian,
    write_spec,
)

HERE = Path(__file__).resolve().parent
CONTROL = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]))


# --- bad specs: every one refused by validate and build with its code and position ----------


def _bom(folder: Path) -> None:
    (folder / "programme.yaml").write_bytes(b"\xef\xbb\xbf" + VALID_TEXT.encode("utf-8"))


def _cp1251(folder: Path) -> None:
    (folder / "programme.yaml").write_bytes(VALID_TEXT.encode("cp1251"))


def _first_cyrillic(text: str) -> str:
    """Where a cp1251 copy of ``text`` stops being UTF-8: its first non-ASCII character."""
    for number, line in enumerate(text.splitlines(), start=1):
        for col, char in enumerate(line, start=1):
            if not char.isascii():
                return f"programme.yaml:{number}:{col}"
    raise AssertionError("нет кириллицы")


def _word_file(folder: Path) -> None:
    """A Word document saved under the spec's name."""
    shutil.copyfile(DEFAULTS / "prikaz.docx", folder / "programme.yaml")


def _fifty_megabytes(folder: Path) -> None:
    block = ("# " + "ж" * 500 + "\n") * 1000  # 1 MB of comments
    with open(folder / "programme.yaml", "w", encoding="utf-8") as handle:
        handle.write(VALID_TEXT)
        for _ in range(50):
            handle.write(block)


def _nesting_1000(folder: Path) -> None:
    text = "nested: " + "[" * 1000 + "]" * 1000 + "\n" + VALID_TEXT
    (folder / "programme.yaml").write_text(text, encoding="utf-8")


def _symlinks_out(folder: Path) -> None:
    shutil.copytree(HERE / "include_symlink", folder, dirs_exist_ok=True)
    outside = folder.parent / "outside"
    outside.mkdir()
    (outside / "roadmap.yaml").write_text(f"roadmap: {{title: {SECRET}}}\n", encoding="utf-8")
    (folder / "link.yaml").symlink_to(outside / "roadmap.yaml")
    (folder / "shared").symlink_to(outside, target_is_directory=True)


@dataclass(frozen=True)
class Case:
    """A bad spec: where its error is (file:line:col, or the file alone), the code, a word of it."""

    name: str
    where: str
    code: str
    word: str
    make: Callable[[Path], None] | None = None  # else the files of tests/hostile/<name>/

    def lay_over(self, folder: Path) -> None:
        if self.make is not None:
            self.make(folder)
        else:
            shutil.copytree(HERE / self.name, folder, dirs_exist_ok=True)


CASES = [
    Case("malformed", "programme.yaml:7:8", "S001", "скобка открыта в строке 6"),
    Case("tabs", "programme.yaml:3:1", "S001", "табуляции"),
    Case("bom", "programme.yaml:1:1", "S003", "BOM", _bom),
    Case("cp1251", _first_cyrillic(VALID_TEXT), "S003", "Windows-1251 (cp1251)", _cp1251),
    Case("empty", "programme.yaml:1:1", "S009", "файл пуст"),
    Case("only_comments", "programme.yaml:1:1", "S009", "файл пуст"),
    Case("word_file", "programme.yaml:1:1", "S003", "двоичный", _word_file),
    Case("fifty_megabytes", "programme.yaml", "S008", "слишком большой", _fifty_megabytes),
    Case("nesting_1000", "programme.yaml:1:69", "S008", "вложенность", _nesting_1000),
    Case("alias_bomb", "programme.yaml:2:43", "S008", "псевдонимы"),
    Case("python_tag", "programme.yaml:3:9", "S005", "«!!python/object/apply:os.system»"),
    Case("duplicate_key", "programme.yaml:5:3", "S004", "ключ «name» повторяется"),
    Case("include_absolute", "programme.yaml:3:5", "S006", "абсолютный путь «/etc/passwd»"),
    Case("include_parent", "programme.yaml:3:5", "S006", "вне папки программы"),
    Case("include_symlink", "programme.yaml:4:5", "S006", "вне папки программы", _symlinks_out),
    Case("include_cycle", "b.yaml:2:11", "S007", "циклическое включение"),
    Case("include_self", "programme.yaml:2:11", "S007", "циклическое включение"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_spec_gives_a_coded_russian_error(ws: Path, case: Case) -> None:
    case.lay_over(ws / PROG)
    with pytest.raises(SpecError) as info:
        load_programme(Path(PROG))
    found = {(str(p.location), p.code): p.message for p in info.value.problems}
    message = found.get((f"{PROG}/{case.where}", case.code))
    assert message is not None, found
    assert case.word in message and russian(message)
    output = assert_refused(ws, f"{PROG}/{case.where}: ошибка {case.code} {message}")
    assert SECRET not in output and not (ws / "shnor-pwned").exists()


@pytest.mark.parametrize(
    "nested",
    [
        pytest.param("[" * 100_000 + "]" * 100_000, id="flow"),
        pytest.param("\n" + "- " * 100_000 + "x", id="block"),
    ],
)
def test_deep_nesting_does_not_crash_the_interpreter(tmp_path: Path, nested: str) -> None:
    """libyaml composes recursively in C: this used to end in a segmentation fault."""
    (tmp_path / PROG).mkdir()
    write_spec(tmp_path, "nested: " + nested + "\n" + VALID_TEXT)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "shnor_docs", "validate", PROG],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "ошибка S008 вложенность глубже 60 уровней" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_yaml_11_words_stay_literal_strings(ws: Path) -> None:
    text = (
        VALID_TEXT.replace('number: "1"', "number: 08")
        .replace("surname: Иванова", "surname: no")
        .replace("place: г. Примерск", "place: on")
    )
    write_spec(ws, text)
    spec = load_programme(Path(PROG))
    assert (spec.act.number, spec.party("head").surname, spec.authority.place) == ("08", "no", "on")
    order = "\n".join(paragraphs(build_ok(ws) / "prikaz.docx"))
    assert "№\u00a008" in order and "Иванова" not in order


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("a\\0b.yaml", id="nul-byte"),
        pytest.param("x" * 300 + ".yaml", id="name-too-long"),
    ],
)
def test_unusable_include_name_is_a_coded_error(ws: Path, name: str) -> None:
    write_spec(ws, f'include: ["{name}"]\n' + VALID_TEXT)
    assert_refused(ws, f"{PROG}/programme.yaml:1:11: ошибка S00")


def test_include_bomb_reads_each_file_once(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = ws / PROG
    fan = ", ".join(["l1.yaml"] * 10)
    write_spec(ws, f"include: [{fan}]\n" + VALID_TEXT)
    for level in (1, 2):
        fan = ", ".join([f"l{level + 1}.yaml"] * 10)
        (folder / f"l{level}.yaml").write_text(f"include: [{fan}]\n", encoding="utf-8")
    (folder / "l3.yaml").write_text("include: []\n", encoding="utf-8")
    reads: list[Path] = []
    real = load_module.safe_read
    monkeypatch.setattr(load_module, "safe_read", lambda p, *a: reads.append(p) or real(p, *a))
    try:
        load_programme(Path(PROG))
    except SpecError:
        pass
    assert len(reads) <= 4  # not 1 + 10 + 100 + 1000


# --- templates from another district ---------------------------------------------------------

LOOP = "{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}"
TEMPLATES = {  # name: (tag, code, a word of the HTML error)
    "python-internals": ("{{ ''.__class__.__mro__ }}", "T001", "«__class__»"),
    "system-file": ("{% include '/etc/passwd' %}", "T001", "«/etc/passwd» не найден"),
    "programme-file": ("{% include '../../programme.yaml' %}", "T001", "не найден"),
    "endless-loop": (LOOP, "T002", "дольше 3 с"),
    "huge-range": ("{% for i in range(10**9) %}{% endfor %}", "T001", "не выполнился"),
}


def _short_limit_for_the_loop(monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    """Three seconds for the endless loop (one second was not always enough, on a loaded machine,
    to reach the loop: the time ran out on the line that includes the template); the other
    cases keep the real limit, so that a slow machine never turns their refusal into a timeout
    (T002)."""
    if code == "T002":
        monkeypatch.setattr("shnor_docs.render.limits.SECONDS", 3)


def _assert_template_refused(root: Path, expected: str) -> str:
    output = assert_refused(root, expected, commands=("build",))
    assert "root:" not in output and SECRET not in output
    return output


@pytest.mark.parametrize("name", TEMPLATES)
def test_hostile_html_template_names_template_and_line(
    ws: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    tag, code, word = TEMPLATES[name]
    _short_limit_for_the_loop(monkeypatch, code)
    own = own_templates(ws)
    (own / "html" / "prikaz.html.j2").write_text(f"<section>\n{tag}\n</section>\n", "utf-8")
    output = _assert_template_refused(ws, f"prikaz.html.j2:2: ошибка {code} ")
    assert word in output


DOCX_CASES = list(TEMPLATES)


@pytest.mark.parametrize("name", DOCX_CASES)
def test_hostile_docx_template_names_template(
    ws: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """DOCX errors name the template; a line number means nothing in WordprocessingML."""
    tag, code, _ = TEMPLATES[name]
    _short_limit_for_the_loop(monkeypatch, code)
    own = own_templates(ws)
    doc = Document(str(DEFAULTS / "prikaz.docx"))
    doc.add_paragraph(tag)
    doc.save(str(own / "prikaz.docx"))
    _assert_template_refused(ws, f"prikaz.docx: ошибка {code} ")


def test_html_template_linked_outside_is_not_read(ws: Path) -> None:
    (ws / "secret.txt").write_text(SECRET, encoding="utf-8")
    own = own_templates(ws)
    (own / "html" / "prikaz.html.j2").symlink_to(ws / "secret.txt")
    _assert_template_refused(ws, "ошибка T001 шаблон «prikaz.html.j2» не найден")


def test_docx_template_linked_outside_falls_back_to_the_default(ws: Path) -> None:
    doc = Document(str(DEFAULTS / "prikaz.docx"))
    doc.add_paragraph(SECRET)
    doc.save(str(ws / "secret.docx"))
    (own_templates(ws) / "prikaz.docx").symlink_to(ws / "secret.docx")
    out = build_ok(ws)
    assert not any(SECRET in p for p in paragraphs(out / "prikaz.docx"))


# --- text that breaks output formats -------------------------------------------------------

# field: (its line in the valid spec, before the text; the text), which gets every control
# character XML 1.0 forbids
CONTROL_FIELDS = {
    "act-title": ("  title: ", "Об утверждении плана"),
    "activity-title": ("        - title: ", "Мероприятие"),
    "party-name": ("    name: ", "Отдел образования"),
    "programme-title": ("  title: ", "План мероприятий"),
    "authority-name": ("  name: ", "Отдел образования Администрации Примерного района"),
}


@pytest.mark.parametrize("field", list(CONTROL_FIELDS))
def test_control_characters_never_reach_the_documents(ws: Path, field: str) -> None:
    prefix, value = CONTROL_FIELDS[field]
    escaped = "".join(f"\\x{ord(c):02x}" for c in CONTROL)  # YAML's double-quoted escapes
    assert VALID_TEXT.count(f"\n{prefix}{value}\n") == 1
    hostile = f'\n{prefix}"{value[:4]}{escaped}{value[4:]}"\n'
    write_spec(ws, VALID_TEXT.replace(f"\n{prefix}{value}\n", hostile))
    out = build_ok(ws)
    for docx in sorted(out.glob("*.docx")):  # python-docx refuses XML that holds them
        assert not any(set(p) & set(CONTROL) for p in paragraphs(docx))
    joined = " ".join(paragraphs(out / "prikaz.docx")).replace("\u00a0", " ").upper()
    assert value.upper() in joined  # the authority's name is printed in capitals
    page = (out / "index.html").read_text(encoding="utf-8")
    assert not set(page) & set(CONTROL)
    assert value in html.unescape(page)


def test_script_is_escaped_in_html_and_literal_in_docx(ws: Path) -> None:
    script = "<script>alert(1)</script>"
    text = (
        VALID_TEXT.replace("- title: Мероприятие", f'- title: "Мероприятие {script}"')
        .replace("title: План мероприятий", f'title: "План {script}"')
        .replace("title: Об утверждении плана", f'title: "Об утверждении {script}"')
    )
    write_spec(ws, text)
    out = build_ok(ws)
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 3
    order = paragraphs(out / "prikaz.docx")
    for expected in (f"Мероприятие {script}", f"План {script}", f"Об утверждении {script}"):
        assert any(expected in p for p in order), expected


def test_markdown_raw_html_is_escaped_in_html_and_literal_in_docx(ws: Path) -> None:
    raw = "<b onclick=alert(1)>жирным</b> и <img src=x onerror=alert(1)>"
    title = f"Проверка {raw}, а **это** по-настоящему"
    write_spec(ws, VALID_TEXT.replace("- title: Мероприятие", f'- title: "{title}"'))
    out = build_ok(ws)
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<b onclick" not in page and "<img" not in page
    assert html.escape(raw, quote=False) in page
    assert "<strong>это</strong>" in page
    roadmap = paragraphs(out / "prilozhenie-1.docx")
    assert f"Проверка {raw}, а это по-настоящему" in roadmap


def test_field_of_100000_characters_builds_quickly(ws: Path) -> None:
    text = ("слово " * 20_000)[:100_000]
    write_spec(ws, VALID_TEXT.replace("- title: Мероприятие", f"- title: {text}"))
    start = time.perf_counter()
    out = build_ok(ws)
    assert time.perf_counter() - start < 20
    assert text in paragraphs(out / "prilozhenie-1.docx")
    assert text in (out / "index.html").read_text(encoding="utf-8")
