"""The output folder: a build replaces only folders it made; kills and races lose nothing.

Each case runs the real CLI (in-process or as a process that is killed) and asserts the exit
code, the error code and what is left on disk.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from shnor_docs.build.output import TMP_PREFIX, OutputError, locked, write_build
from shnor_docs.build.record import RECORD, read_record
from shnor_docs.cli import cli
from tests.conftest import PROGRAMMES, ROOT, tree_digests

SLUG = "dubrovka"


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp_path/programmes/dubrovka and a victim folder full of someone else's files."""
    shutil.copytree(PROGRAMMES / SLUG, tmp_path / "programmes" / SLUG)
    victim = tmp_path / "victim"
    (victim / "notes").mkdir(parents=True)
    (victim / "notes" / "important.txt").write_text("не удалять", encoding="utf-8")
    (victim / "report.docx").write_bytes(b"PK not ours")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.mark.parametrize("source", [".", "programme.yaml", "./", "../dubrovka"])
def test_dot_and_file_paths_build_into_a_named_folder(ws: Path, monkeypatch, source: str) -> None:
    """`cd programmes/x && shnor build . --out ../../victim` replaced the whole folder."""
    before = tree_digests(ws / "victim")
    monkeypatch.chdir(ws / "programmes" / SLUG)
    code, output = _build(source, "--out", "../../victim")
    assert code == 0, output
    after = tree_digests(ws / "victim")
    assert {k: v for k, v in after.items() if k in before} == before
    assert (ws / "victim" / SLUG / "prikaz.docx").is_file()
    assert read_record(ws / "victim" / SLUG / RECORD)["slug"] == SLUG


@pytest.mark.parametrize("out", ["programmes", ".", "programmes/dubrovka", "programmes/dubrovka/b"])
def test_output_folder_around_the_sources_is_refused(ws: Path, out: str) -> None:
    """`shnor build --out programmes` deleted every programme's sources."""
    before = tree_digests(ws / "programmes")
    code, output = _build("programmes", "--out", out)
    assert code == 2
    assert "ошибка B004" in output
    assert tree_digests(ws / "programmes") == before


def test_a_folder_the_build_did_not_make_is_not_replaced(ws: Path) -> None:
    before = tree_digests(ws / "victim")
    (ws / "victim" / SLUG).mkdir()
    (ws / "victim" / SLUG / "mine.txt").write_text("чужой файл", encoding="utf-8")
    code, output = _build("programmes", "--out", "victim")
    assert code == 2
    assert "ошибка B003" in output and "создана не shnor" in output
    assert (ws / "victim" / SLUG / "mine.txt").read_text(encoding="utf-8") == "чужой файл"
    assert {k: v for k, v in tree_digests(ws / "victim").items() if k in before} == before


@pytest.mark.parametrize("kind", ["file", "dangling", "link"])
def test_a_target_that_is_not_a_build_folder_is_refused(ws: Path, kind: str) -> None:
    target = ws / "build" / SLUG
    target.parent.mkdir()
    if kind == "file":
        target.write_text("x", encoding="utf-8")
    elif kind == "dangling":
        target.symlink_to(ws / "nowhere")
    else:
        target.symlink_to(ws / "victim", target_is_directory=True)
    before = tree_digests(ws)
    code, output = _build("programmes", "--out", "build")
    assert code == 2 and "ошибка B003" in output
    assert tree_digests(ws) == before


def test_output_that_is_a_file_is_a_coded_error(ws: Path) -> None:
    (ws / "out").write_text("x", encoding="utf-8")
    code, output = _build("programmes", "--out", "out")
    assert code == 2 and "ошибка B003" in output


def test_a_build_replaces_its_own_folder_and_leaves_nothing_beside_it(ws: Path) -> None:
    assert _build("programmes", "--out", "build")[0] == 0
    assert _build("programmes", "--out", "build", "--force")[0] == 0
    assert sorted(p.name for p in (ws / "build").iterdir()) == [SLUG]


def test_a_deleted_or_edited_output_file_is_rebuilt(ws: Path) -> None:
    assert _build("programmes", "--out", "build")[0] == 0
    page = ws / "build" / SLUG / "index.html"
    good = page.read_bytes()
    page.write_text("HACKED", encoding="utf-8")
    _, output = _build("programmes", "--out", "build")
    assert "Собрано: 1" in output
    assert page.read_bytes() == good
    (ws / "build" / SLUG / "prikaz.docx").unlink()
    _, output = _build("programmes", "--out", "build")
    assert "Собрано: 1" in output and (ws / "build" / SLUG / "prikaz.docx").is_file()


def test_a_locked_output_folder_makes_a_coded_error_after_the_wait(tmp_path: Path) -> None:
    with locked(tmp_path):
        pid = os.fork()
        if pid == 0:  # another process: it must not get the lock
            try:
                write_build_refused = False
                try:
                    with locked(tmp_path, wait=0.2):
                        pass
                except OutputError as exc:
                    write_build_refused = exc.code == "B005"
            finally:
                os._exit(0 if write_build_refused else 1)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_concurrent_builds_wait_for_each_other(ws: Path) -> None:
    command = [sys.executable, "-m", "shnor_docs", "build", "programmes", "--out", "build",
               "--force"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [subprocess.Popen(command, cwd=ws, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True) for _ in range(3)]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], outputs
    assert sorted(p.name for p in (ws / "build").iterdir()) == [SLUG]
    assert not any("внутренняя ошибка" in text for text in outputs)


def test_leftovers_of_a_killed_build_are_cleared_or_restored(ws: Path) -> None:
    assert _build("programmes", "--out", "build")[0] == 0
    good = tree_digests(ws / "build" / SLUG)
    # a kill between the two renames of the plain swap: the old build waits under a tmp name
    retired = ws / "build" / f"{TMP_PREFIX}x-old-1"
    os.replace(ws / "build" / SLUG, retired)
    staging = ws / "build" / f"{TMP_PREFIX}x-new-2"
    staging.mkdir()
    (staging / RECORD).write_bytes((retired / RECORD).read_bytes())
    (staging / "prikaz.docx").write_bytes(b"half")
    empty = ws / "build" / f"{TMP_PREFIX}x-new-3"
    empty.mkdir()
    foreign = ws / "build" / f"{TMP_PREFIX}x-new-4"
    foreign.mkdir()
    (foreign / "someone.txt").write_text("x", encoding="utf-8")
    code, output = _build("programmes", "--out", "build")
    assert code == 0, output
    assert "без изменений: 1" in output  # the restored build is the current one
    assert tree_digests(ws / "build" / SLUG) == good
    assert sorted(p.name for p in (ws / "build").iterdir()) == [foreign.name, SLUG]


def test_write_build_keeps_the_old_folder_when_writing_fails(tmp_path: Path, monkeypatch) -> None:
    write_build(tmp_path, "x", {"a.txt": b"old"}, None)
    monkeypatch.setattr("shnor_docs.build.output.sync_folder", _fail)
    with pytest.raises(OutputError) as info:
        write_build(tmp_path, "x", {"a.txt": b"new"}, None)
    assert info.value.code == "B009" and "на диске нет места" in info.value.message
    assert (tmp_path / "x" / "a.txt").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x"]


def _fail(*args: object) -> None:
    raise OSError(28, "No space left on device")


# --- kills ----------------------------------------------------------------------------------

POINTS = ["staging-made", "file-0", "file-2", "files-written", "synced", "exchanged"]
PLAIN_POINTS = ["retired", "replaced"]


def _killed_build(ws: Path, point: str, plain: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SHNOR_FAULT": point}
    if plain:
        env["SHNOR_FAULT_NO_EXCHANGE"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "shnor_docs", "build", "programmes", "--out", "build", "--force"],
        cwd=ws, env=env, capture_output=True, text=True, timeout=300,
    )


def _edit(ws: Path) -> None:
    spec = ws / "programmes" / SLUG / "programme.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("п. Дубровка", "п. Дубровка-2", 1), encoding="utf-8")


def _is_old_or_new(folder: Path, old: dict[str, str], new: dict[str, str]) -> bool:
    return folder.is_dir() and tree_digests(folder) in (old, new)


@pytest.mark.parametrize("point", POINTS + [f"plain:{p}" for p in PLAIN_POINTS])
def test_a_kill_at_any_stage_leaves_the_old_or_the_new_build(ws: Path, point: str) -> None:
    plain = point.startswith("plain:")
    point = point.removeprefix("plain:")
    assert _build("programmes", "--out", "build")[0] == 0
    old = tree_digests(ws / "build" / SLUG)
    _edit(ws)
    fresh = ws / "fresh"
    assert _build("programmes", "--out", str(fresh))[0] == 0
    new = tree_digests(fresh / SLUG)
    result = _killed_build(ws, point, plain)
    assert result.returncode == -signal.SIGKILL, result.stderr
    target = ws / "build" / SLUG
    if not (plain and point == "retired"):  # the one moment the plain swap has no folder
        assert _is_old_or_new(target, old, new)
    code, output = _build("programmes", "--out", "build")
    assert code == 0, output
    assert tree_digests(target) == new
    assert sorted(p.name for p in (ws / "build").iterdir()) == [SLUG]


def test_kills_at_random_moments_of_a_larger_build(ws: Path) -> None:
    """A sweep of SIGKILLs over the whole run of a bigger programme."""
    shutil.rmtree(ws / "programmes" / SLUG)
    shutil.copytree(PROGRAMMES / "meshchovsk", ws / "programmes" / "meshchovsk")
    target = ws / "build" / "meshchovsk"
    assert _build("programmes", "--out", "build")[0] == 0
    old = tree_digests(target)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "shnor_docs", "build", "programmes", "--out", "build",
               "--force"]
    start = time.monotonic()
    subprocess.run(command, cwd=ws, env=env, capture_output=True, timeout=300, check=True)
    whole = time.monotonic() - start
    new = tree_digests(target)
    assert {k for k in new if k != RECORD} == {k for k in old if k != RECORD}
    for step in range(12):
        run = subprocess.Popen(command, cwd=ws, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        time.sleep(whole * (0.3 + 0.06 * step))
        run.send_signal(signal.SIGKILL)
        run.wait()
        assert _is_old_or_new(target, old, new), f"после остановки № {step}"
    assert _build("programmes", "--out", "build")[0] == 0
    assert sorted(p.name for p in (ws / "build").iterdir()) == ["meshchovsk"]
