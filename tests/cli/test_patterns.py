"""Regular expressions kept between ``shnor`` processes: the same patterns, built faster, and
only the ones the source fixes."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from shnor_docs.cli import patterns
from tests.conftest import PROGRAMMES, ROOT

SAMPLES = [
    (r"(?<![А-Яа-яЁёA-Za-z0-9])(\d?[А-ЯЁ]{2,8})([а-яё]{1,3})?", 0),
    (r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})(?:\.(?P<year>\d{4}))?", 0),
    (r"^по (?:плану|графику)\s*$", re.I | re.M),
    (r"""^(?:[-+]?0b[0-1_]+
          |[-+]?(?:0|[1-9][0-9_]*))$""", re.X),
    (rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", 0),
    (r"[«»\"“”„]", 0),
]
TEXTS = ["ЦНППМ2023 и МОУ «СОШ № 1»", "12.03.2023 и 1.9", "По плану\nпо графику", "0b101",
         "тест\x07", "«кавычки»"]


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Kept patterns in a file of the test's own; re's own cache emptied before and after."""
    path = tmp_path / "patterns.marshal"
    monkeypatch.setattr(patterns, "kept_file", lambda: path)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    re.purge()
    yield path
    patterns.forget()
    re.purge()


def _import_module(folder: Path, name: str, body: str) -> object:
    (folder / f"{name}.py").write_text(body, encoding="utf-8")
    sys.path.insert(0, str(folder))
    try:
        __import__(name)
        return sys.modules.pop(name)
    finally:
        sys.path.remove(str(folder))


def _module_of_samples() -> str:
    lines = ["import re", "PATTERNS = ["]
    lines += [f"    re.compile({pattern!r}, {flags})," for pattern, flags in SAMPLES]
    return "\n".join([*lines, "]"])


def test_patterns_built_from_kept_code_are_the_patterns_re_compiles(
    kept: Path, tmp_path: Path
) -> None:
    patterns.reuse()
    _import_module(tmp_path, "first_samples", _module_of_samples())
    patterns.keep()
    assert len(marshal.loads(kept.read_bytes())["patterns"]) == len(SAMPLES)
    patterns.forget()
    re.purge()
    patterns.reuse()
    compiled = []
    original = patterns._state["original"]
    patterns._state["original"] = lambda *a: compiled.append(a) or original(*a)
    again = _import_module(tmp_path, "second_samples", _module_of_samples()).PATTERNS
    assert compiled == []  # every one built from kept code
    for (pattern, flags), built in zip(SAMPLES, again, strict=True):
        plain = re._compiler.compile(pattern, flags)
        assert (built, built.groupindex, built.groups) == (plain, plain.groupindex, plain.groups)
        for text in TEXTS:
            sample = text.encode("utf-8") if isinstance(pattern, bytes) else text
            assert [m.groups() for m in built.finditer(sample)] == \
                [m.groups() for m in plain.finditer(sample)]


def test_patterns_made_at_work_are_not_kept(kept: Path, tmp_path: Path) -> None:
    """A pattern made from a programme's text (a name, a file pattern) is compiled at work,
    not while a module loads: it is never written down."""
    patterns.reuse()
    re.compile(re.escape("Иванова И.И.") + r"\b")
    _import_module(tmp_path, "one_sample", "import re\nX = re.compile(r'[а-я]+\\d')")
    patterns.keep()
    assert list(marshal.loads(kept.read_bytes())["patterns"]) == [(r"[а-я]+\d", 0)]


@pytest.mark.parametrize("content", [
    b"", b"\x00not marshal", marshal.dumps([1, 2]), marshal.dumps({"engine": "Python 2.7"}),
])
def test_a_damaged_or_foreign_file_means_compiling_as_before(
    kept: Path, tmp_path: Path, content: bytes
) -> None:
    kept.write_bytes(content)
    patterns.reuse()
    module = _import_module(tmp_path, "damaged_samples", _module_of_samples())
    assert module.PATTERNS == [re._compiler.compile(p, f) for p, f in SAMPLES]


def test_kept_code_the_engine_refuses_is_compiled_instead(kept: Path, tmp_path: Path) -> None:
    pattern = r"(\d+)-(\d+)"
    wrong = {(pattern, 0): (int(re.UNICODE), [999, 1, 2, 3], 2, {}, (None, None, None))}
    kept.write_bytes(marshal.dumps({"engine": patterns._engine(), "patterns": wrong}))
    patterns.reuse()
    module = _import_module(tmp_path, "refused_sample", f"import re\nX = re.compile({pattern!r})")
    assert module.X == re._compiler.compile(pattern, 0)
    assert module.X.match("12-34").groups() == ("12", "34")


def test_nothing_is_written_where_python_writes_no_byte_code(
    kept: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    patterns.reuse()
    _import_module(tmp_path, "unwritten_sample", "import re\nX = re.compile(r'[ё]+\\d')")
    assert patterns._new == {}  # not even noted: noting compiles a pattern a second time
    patterns.keep()
    assert not kept.exists()


def test_a_second_check_compiles_no_pattern_of_its_start_up(tmp_path: Path) -> None:
    """Two ``shnor check`` processes with their own byte-code folder: the first keeps what its
    modules compiled, the second compiles none of it, and both report the same."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pycache")
    code = ("import atexit, sys, re._compiler as c\n"
            "from shnor_docs.cli import main, patterns\n"
            "calls = []\n"
            "original = patterns._compile\n"
            "def counted(*a):\n"
            "    if a not in patterns._kept: calls.append(a)\n"
            "    return original(*a)\n"
            "patterns._compile = counted\n"
            "atexit.register(lambda: print('скомпилировано:', len(calls), file=sys.stderr))\n"
            "sys.argv = ['shnor', 'check', '--as-of', '2023-03-01', sys.argv[1]]\n"
            "main()\n")
    runs = [subprocess.run([sys.executable, "-c", code, str(PROGRAMMES / "meshchovsk")],
                           capture_output=True, text=True, cwd=ROOT, env=env, timeout=300,
                           check=False, encoding="utf-8") for _ in range(2)]
    first, second = (int(run.stderr.rsplit("скомпилировано:", 1)[1]) for run in runs)
    assert first > 50
    assert second < 10  # only those made at work from the programme's text
    assert runs[0].stdout == runs[1].stdout and "Проверено: 1 программа" in runs[0].stdout
    assert list((tmp_path / "pycache").rglob("patterns-*.marshal"))
