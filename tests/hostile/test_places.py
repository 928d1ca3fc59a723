"""Hostile places: output folders that cannot be written, odd folder names, CLI targets.

Each case asserts the code, the exit status and what is left on disk (issue «Nothing lost»,
C11, C13, F26, F29).
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, tree_digests
from tests.hostile.workspace import PROG, invoke

# Root writes into read-only folders; without these capabilities it obeys the mode bits.
UNPRIVILEGED = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


def _shnor(root: Path, *args: str, prefix: list[str] | None = None, limit_file: int = 0):
    def limited() -> None:
        if limit_file:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file, limit_file))

    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "shnor_docs", *args], cwd=root,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
        timeout=300, preexec_fn=limited,
    )


def _unprivileged() -> list[str]:
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root без setpriv пишет и в папку только для чтения")
    return UNPRIVILEGED


# --- C11: an output folder that cannot be written ------------------------------------------


def test_read_only_output_folder_is_a_coded_error(ws: Path) -> None:
    before = tree_digests(ws / "build")
    (ws / "build").chmod(0o555)
    try:
        result = _shnor(ws, "build", PROG, "--out", "build", "--force", prefix=_unprivileged())
    finally:
        (ws / "build").chmod(0o755)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "ошибка B009 " in result.stdout and "нет прав на запись" in result.stdout
    assert "Traceback" not in result.stderr and "внутренняя ошибка" not in result.stdout
    assert tree_digests(ws / "build") == before


def test_a_write_that_fails_midway_keeps_the_old_build(ws: Path) -> None:
    """A file size limit (as a full disk would) stops the write after the first files."""
    before = tree_digests(ws / "build")
    result = _shnor(ws, "build", PROG, "--out", "build", "--force", limit_file=4096)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "ошибка B009 " in result.stdout and "прежние файлы остались на месте" in result.stdout
    assert tree_digests(ws / "build") == before


def test_a_full_disk_is_a_coded_error(ws: Path) -> None:
    """A real full file system: a small tmpfs in a mount namespace of its own."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("нужен root и unshare, чтобы смонтировать маленькую tmpfs")
    (ws / "full").mkdir()
    script = (
        "mount -t tmpfs -o size=256k tmpfs full || exit 77; "  # 8 KB left after the filler
        "head -c 253952 /dev/zero > full/filler; "
        f'"{sys.executable}" -m shnor_docs build {PROG} --out full; echo "rc=$?"; ls -A full'
    )
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script], cwd=ws, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300,
    )
    if result.returncode == 77:
        pytest.skip("tmpfs не смонтировать")
    assert "ошибка B009 " in result.stdout and "на диске нет места" in result.stdout
    assert result.stdout.strip().splitlines()[-2:] == ["rc=2", "filler"], result.stdout


def test_a_dangling_link_as_the_output_folder_is_refused(ws: Path) -> None:
    (ws / "gone").symlink_to(ws / "nowhere")
    result = invoke(["build", PROG, "--out", "gone"])
    assert result.exit_code == 2 and "ошибка B003 " in result.output
    assert os.path.islink(ws / "gone") and not (ws / "nowhere").exists()


# --- C13: names and places --------------------------------------------------------------------


def test_a_250_byte_folder_name_is_a_coded_error(ws: Path) -> None:
    name = "я" * 125
    (ws / PROG).rename(ws / name)
    result = invoke(["validate", name])
    assert result.exit_code == 0, result.output
    before = tree_digests(ws / "build")
    result = invoke(["build", name, "--out", "build"])
    assert result.exit_code == 2 and "ошибка B006 имя папки программы длиннее" in result.output
    assert tree_digests(ws / "build") == before


def test_a_folder_given_as_sub_dot_dot_builds_under_its_real_name(ws: Path) -> None:
    (ws / PROG / "sub").mkdir()
    result = invoke(["build", f"{PROG}/sub/..", "--out", "build", "--force"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (ws / "build").iterdir()) == [PROG]


def test_a_missing_folder_given_with_dot_dot_is_a_coded_error(ws: Path) -> None:
    result = invoke(["build", f"{PROG}/nowhere/..", "--out", "build"])
    assert result.exit_code == 2 and "ошибка S002 папка программы не найдена" in result.output


@pytest.mark.parametrize("case", ["base-is-a-file", "programme-is-a-file", "trailing-newline"])
def test_init_refuses_what_it_cannot_create(ws: Path, case: str) -> None:
    (ws / "file").write_text("x", encoding="utf-8")
    (ws / "programmes").mkdir()
    (ws / "programmes" / "taken").write_text("x", encoding="utf-8")
    args = {
        "base-is-a-file": ["init", "new", "--dir", "file"],
        "programme-is-a-file": ["init", "taken"],
        "trailing-newline": ["init", "new\n"],
    }[case]
    before = tree_digests(ws)
    result = invoke(args)
    assert result.exit_code == 2, result.output
    assert "Ошибка: " in result.output
    assert any(words in result.output for words in ("файл, а не папка", "файл, а нужна папка",
                                                     "недопустимо"))
    assert tree_digests(ws) == before


def test_check_output_into_a_folder_is_refused(ws: Path) -> None:
    (ws / "reports").mkdir()
    result = invoke(["check", PROG, "--as-of", "2023-01-01", "--output", "reports"])
    assert result.exit_code == 2 and "'reports' — папка, а нужен файл" in result.output
    assert list((ws / "reports").iterdir()) == []


def test_check_output_under_a_file_is_refused(ws: Path) -> None:
    (ws / "file").write_text("x", encoding="utf-8")
    result = invoke(["check", PROG, "--as-of", "2023-01-01", "--output", "file/report.txt"])
    assert result.exit_code == 2 and "отчёт не записать в «file/report.txt»" in result.output
    assert (ws / "file").read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("output", [
    f"{PROG}/programme.yaml",  # the spec itself
    "link/programme.yaml",  # the spec through a link to its folder
    f"{PROG}/report.txt",  # anything inside a programme's folder
    "shnor.toml",  # the repository's settings
    "pyproject.toml",
])
def test_check_output_never_replaces_a_source(ws: Path, output: str) -> None:
    (ws / "link").symlink_to(ws / PROG)
    (ws / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    before = tree_digests(ws)
    result = invoke(["check", PROG, "--as-of", "2023-01-01", "--output", output])
    assert result.exit_code == 2 and "ошибка B012" in result.output, result.output
    assert tree_digests(ws) == before


def test_check_output_through_a_link_into_a_programme_is_refused(ws: Path) -> None:
    """A link named like a report that leads to a spec must not let the report replace it."""
    (ws / "r.txt").symlink_to(ws / PROG / "programme.yaml")
    (ws / "s.txt").symlink_to(ws / PROG / "notes.txt")  # not there yet: it would be made there
    before = tree_digests(ws)
    for link in ("r.txt", "s.txt"):
        result = invoke(["check", PROG, "--as-of", "2023-01-01", "--output", link])
        assert result.exit_code == 2 and "ошибка B012" in result.output, result.output
    assert tree_digests(ws) == before


def test_check_output_to_a_link_writes_where_it_leads_and_keeps_the_link(ws: Path) -> None:
    (ws / "reports").mkdir()
    (ws / "reports" / "last.json").write_text("old", encoding="utf-8")
    (ws / "report.json").symlink_to(ws / "reports" / "last.json")
    result = invoke(["check", PROG, "--as-of", "2023-01-01", "--format", "json",
                     "--output", "report.json"])
    assert result.exit_code in (0, 1), result.output
    assert (ws / "report.json").is_symlink()
    assert (ws / "reports" / "last.json").read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize("name", ["fifo", "link-to-fifo"])
def test_check_output_to_a_pipe_writes_into_it(ws: Path, name: str) -> None:
    """``-o /dev/stdout`` or a FIFO (here, or through a link): written into, never replaced by
    a file (as root, a rename would replace even a device node)."""
    fifo = ws / "fifo"
    os.mkfifo(fifo)
    if name != "fifo":
        (ws / name).symlink_to(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    result = _shnor(ws, "check", PROG, "--as-of", "2023-01-01", "--format", "json",
                    "--output", name)
    received, _ = reader.communicate(timeout=60)
    assert result.returncode in (0, 1), result.stderr
    assert received.startswith(b"{") and fifo.is_fifo() and (ws / name).exists()
    assert name == "fifo" or (ws / name).is_symlink()


# --- F26: settings in TOML ------------------------------------------------------------------


@pytest.mark.parametrize(("text", "where", "words"), [
    ("due_soon_days = \n", "1:17", "недопустимое значение"),
    ('[rules\nR201 = "off"\n', "1:7", "не закрыта скобка «]»"),
    ('x = "abc\n', "1:9", "не закрыта кавычка: строка кончилась раньше"),
    ("due_soon_days = 7\ndue_soon_days = 8\n", "2:18", "значение уже задано"),
])
def test_toml_errors_have_a_position_and_russian_text(
    ws: Path, text: str, where: str, words: str
) -> None:
    (ws / "shnor.toml").write_text(text, encoding="utf-8")
    result = invoke(["check", PROG, "--as-of", "2023-01-01"])
    assert result.exit_code == 2
    assert f"shnor.toml:{where}: ошибка S001 синтаксическая ошибка TOML: {words}" in result.output
