"""Regular expressions kept between ``shnor`` processes: the same patterns, built faster, and
only the ones the source fixes."""

from __future__ import annotations

import os
import re
import sys
import time
import warnings
from pathlib import Path

import pytest

from shnor_docs.cli import patterns, patterns_file
from tests.conftest import PROGRAMMES, keeping_byte_code, run_main

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


def _plain(pattern: str | bytes, flags: int) -> re.Pattern:
    """The pattern as re compiles it (never from its cache)."""
    return re._compiler.compile(pattern, flags)


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
    kept: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patterns.reuse()
    _import_module(tmp_path, "first_samples", _module_of_samples())
    patterns.keep()
    assert len(patterns_file.read_kept(kept)[0]) == len(SAMPLES)
    patterns.forget()
    re.purge()
    patterns.reuse()
    compiled: list[tuple] = []
    original = re._compiler.compile
    monkeypatch.setattr(re._compiler, "compile", lambda *a: compiled.append(a) or original(*a))
    again = _import_module(tmp_path, "second_samples", _module_of_samples()).PATTERNS
    assert compiled == []  # every one built from kept code
    for (pattern, flags), built in zip(SAMPLES, again, strict=True):
        plain = _plain(pattern, flags)
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
    assert list(patterns_file.read_kept(kept)[0]) == [(r"[а-я]+\d", 0)]


def _kept_samples(tmp_path: Path, kept: Path) -> bytes:
    """A good file of the samples, written by a first process."""
    patterns.reuse()
    _import_module(tmp_path, "kept_samples", _module_of_samples())
    patterns.keep()
    patterns.forget()
    re.purge()
    return kept.read_bytes()


def _flipped(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 1]) + data[at + 1:]


@pytest.mark.parametrize("damage", [
    lambda good: b"",
    lambda good: b"\x00not marshal",
    lambda good: good[:-40],
    lambda good: _flipped(good, len(good) - 300),  # one bit of a pattern's code
    lambda good: _flipped(good, len(good) // 2),
    lambda good: good.replace(b"shnor-patterns", b"other-patterns"),
    lambda good: b"[" + (2**31 - 1).to_bytes(4, "little"),  # a list of 2 billion items
])
def test_a_damaged_or_foreign_file_means_compiling_as_before(
    kept: Path, tmp_path: Path, damage: object
) -> None:
    kept.write_bytes(damage(_kept_samples(tmp_path, kept)))  # type: ignore[operator]
    assert patterns_file.read_kept(kept) == ({}, {})
    patterns.reuse()
    module = _import_module(tmp_path, "damaged_samples", _module_of_samples())
    assert module.PATTERNS == [_plain(p, f) for p, f in SAMPLES]


@pytest.mark.parametrize("entry", [
    (0, int(re.UNICODE), [999, 1, 2, 3], 2, {}, (None, None, None)),  # code the engine refuses
    (0, int(re.UNICODE), [1], 2, {"x": 1}, (None, None, None)),  # names that are not its own
    (0, -1, [1], 2, {}, (None, None, None)),
    (0, int(re.UNICODE), [1], 2, {}, (None,)),
])
def test_kept_code_of_a_wrong_shape_is_compiled_instead(
    kept: Path, tmp_path: Path, entry: tuple
) -> None:
    pattern = r"(\d+)-(\d+)"
    assert patterns_file.write_kept(kept, {(pattern, 0): (entry[0], "a.py:1", *entry[1:])}, {})
    patterns.reuse()
    module = _import_module(tmp_path, "refused_sample", f"import re\nX = re.compile({pattern!r})")
    assert module.X == _plain(pattern, 0)
    assert (module.X.groups, module.X.match("12-34").groups()) == (2, ("12", "34"))


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
    counting = ("import re._compiler as c\ncalls = []\noriginal = c.compile\n"
                "c.compile = lambda *a: calls.append(a) or original(*a)")
    runs = [run_main("check", "--as-of", "2023-03-01", str(PROGRAMMES / "meshchovsk"),
                     before=counting, report="len(calls)",
                     env=keeping_byte_code(tmp_path / "pycache")) for _ in range(2)]
    (*said, first), (*again, second) = (run.stdout.splitlines() for run in runs)
    first, second = int(first), int(second)  # compiles by re: the last line
    assert first > 50
    assert second < 25  # those made at work, and those whose text re might warn of
    assert said == again and "Проверено: 1 программа" in "\n".join(said)
    assert list((tmp_path / "pycache").rglob("patterns-*.marshal"))


def test_a_warning_of_re_is_issued_where_the_pattern_is_and_the_pattern_is_not_kept(
    kept: Path, tmp_path: Path
) -> None:
    patterns.reuse()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _import_module(tmp_path, "warned_sample", "import re\nX = re.compile(r'[[a-z]')\n")
    assert [(w.category, Path(w.filename).name, w.lineno) for w in caught] == \
        [(FutureWarning, "warned_sample.py", 2)]
    assert patterns._new == {}
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)
        with pytest.raises(FutureWarning):
            _import_module(tmp_path, "warned_again", "import re\nX = re.compile(r'[[b-z]')\n")


def test_warnings_shown_once_stay_shown_once(kept: Path) -> None:
    """Compiling a new pattern touches nothing of the warnings: a warning re shows once per
    place is not shown again after it."""
    patterns.reuse()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        for number in range(3):
            warnings.warn("однажды", UserWarning, stacklevel=1)
            re.compile(f"x{number}\\d")
    assert len(caught) == 1


def test_a_forked_worker_notes_nothing(kept: Path) -> None:
    """A worker of --jobs ends with os._exit and writes nothing: noting there would only compile
    each pattern twice."""
    patterns.reuse()
    assert patterns._state["noting"]
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.write(write, b"1" if patterns._state["noting"] else b"0")
        os._exit(0)
    os.waitpid(pid, 0)
    assert os.read(read, 1) == b"0"
    assert patterns._state["noting"]


def test_stop_keeps_and_gives_re_back(kept: Path, tmp_path: Path) -> None:
    original = re._compiler.compile
    patterns.reuse()
    assert type(re._cache) is not dict and re._compiler.compile is original  # nothing wrapped
    _import_module(tmp_path, "stopped_sample", "import re\nX = re.compile(r'[ёж]+\\d')")
    patterns.stop()
    assert type(re._cache) is dict and re.compile(r"[ёж]+\d") is re._cache[str, r"[ёж]+\d", 0]
    assert list(patterns_file.read_kept(kept)[0]) == [(r"[ёж]+\d", 0)]


def test_entries_unused_too_long_are_dropped_and_the_youngest_kept(
    kept: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patterns.reuse()
    entry = patterns._build(r"\d", 0)  # any sound entry: these keys are never matched
    patterns.forget()
    old = {(r"old\d", 0): (patterns.MAX_AGE, "a.py:1", *entry),
           (r"young\d", 0): (3, "a.py:2", *entry),
           (r"used\d", 0): (patterns.MAX_AGE, "a.py:3", *entry)}
    assert patterns_file.write_kept(kept, old, {})
    patterns.reuse()
    re.compile(r"used\d")
    _import_module(tmp_path, "aged_sample", "import re\nX = re.compile(r'[а-я]\\d')")
    patterns.keep()
    ages = {key: entry[0] for key, entry in patterns_file.read_kept(kept)[0].items()}
    assert ages == {(r"young\d", 0): 4, (r"used\d", 0): 0, (r"[а-я]\d", 0): 0}
    monkeypatch.setattr(patterns, "MAX_KEPT", 1)
    _import_module(tmp_path, "aged_again", "import re\nX = re.compile(r'[б-я]\\d')")
    patterns.keep()
    assert list(patterns_file.read_kept(kept)[0]) == [(r"[б-я]\d", 0)]


def test_writing_tidies_files_of_older_builds_and_killed_writers(kept: Path) -> None:
    folder = kept.parent
    tag = sys.implementation.cache_tag
    ours = folder / f"patterns-{tag}-00000000.marshal"
    older = folder / f"patterns-{tag}-deadbeef.marshal"
    other_python = folder / "patterns-cpython-399-deadbeef.marshal"
    stale = folder / f".patterns-{tag}-00000000.marshal.abc.tmp"
    fresh = folder / f".patterns-{tag}-00000000.marshal.def.tmp"
    for path in (older, other_python, stale, fresh):
        path.write_bytes(b"x")
    recent = folder / f"patterns-{tag}-0badf00d.marshal"  # another build, in use this week
    recent.write_bytes(b"x")
    hours_ago = time.time() - 2 * patterns_file.STALE_SECONDS
    os.utime(stale, (hours_ago, hours_ago))
    weeks_ago = time.time() - 2 * patterns_file.UNUSED_SECONDS
    os.utime(older, (weeks_ago, weeks_ago))
    assert patterns_file.write_kept(ours, {}, {})
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        p.name for p in (ours, other_python, fresh, recent))


def test_a_site_that_compiles_another_pattern_in_each_process_is_not_kept(
    kept: Path, tmp_path: Path
) -> None:
    """A library may build a pattern from a set, whose order changes with the hash seed: its
    line is remembered as varying and not kept, so that such a library does not make every run
    write the file (and age what other commands keep)."""
    def process(words: str) -> None:
        patterns.forget()
        re.purge()
        patterns.reuse()
        body = f"import re\nSTEADY = re.compile(r'[ёя]\\d')\nX = re.compile(r'(?:{words})')\n"
        _import_module(tmp_path, "varying_sample", body)
        patterns.keep()

    process("да|нет")
    process("нет|да|")
    entries, varying = patterns_file.read_kept(kept)
    assert [key[0] for key in entries] == [r"[ёя]\d"]
    assert [site.rsplit("/", 1)[-1] for site in varying] == ["varying_sample.py:3"]
    written = kept.stat().st_mtime_ns
    process("да|нет|и")
    assert kept.stat().st_mtime_ns == written  # nothing new to keep: nothing written
