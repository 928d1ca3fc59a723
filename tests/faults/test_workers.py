"""Stops and crashes of real build processes: signals, killed workers, one failure among many.

Every case runs ``python -m shnor_docs build`` as a real process (in its own session, like a
command in a terminal), signals it, and asserts the exit status, the message and what is left
on disk: no unfinished folder, the previous builds complete, no worker process left behind.
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

from shnor_docs.build.output import TMP_PREFIX
from shnor_docs.cli import cli
from tests.conftest import PROGRAMMES, ROOT, tree_digests

SLUGS = ["belaya-kalitva", "dubrovka", "meshchovsk"]
WAIT = 120


@pytest.fixture
def region(tmp_path: Path) -> Path:
    """Three programmes, built once into tmp_path/build; the working directory is tmp_path."""
    for slug in SLUGS:
        shutil.copytree(PROGRAMMES / slug, tmp_path / "programmes" / slug)
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "programmes"), "--out",
                                      str(tmp_path / "build")])
    assert result.exit_code == 0, result.output
    return tmp_path


def _start(root: Path, *args: str, fault: str | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if fault:
        env["SHNOR_FAULT"] = fault
    return subprocess.Popen(
        [sys.executable, "-m", "shnor_docs", "build", "programmes", "--out", "build", "--force",
         *args],
        cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )


def _staging(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "build").iterdir() if p.name.startswith(TMP_PREFIX))


def _children(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (read from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for(condition, what: str, seconds: float = WAIT) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"не дождались: {what}"
        time.sleep(0.05)


def _paused_run(root: Path, *args: str) -> tuple[subprocess.Popen[str], set[int]]:
    """A build paused with its first unfinished folder written; its worker processes."""
    run = _start(root, *args, fault="pause:file-0")
    _wait_for(lambda: _staging(root), "незаконченной папки")
    return run, _children(run.pid)


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="нужен /proc")


@needs_proc
@pytest.mark.parametrize(("signum", "code", "jobs"), [
    (signal.SIGTERM, 143, "1"), (signal.SIGINT, 130, "1"),
    (signal.SIGTERM, 143, "2"), (signal.SIGINT, 130, "2"),
])
def test_a_stopped_build_exits_cleanly_and_stops_its_workers(
    region: Path, signum: int, code: int, jobs: str
) -> None:
    """SIGTERM to the main process, or Ctrl+C to the whole group as a terminal sends it."""
    before = {slug: tree_digests(region / "build" / slug) for slug in SLUGS}
    run, workers = _paused_run(region, "--jobs", jobs)
    if signum == signal.SIGINT:
        os.killpg(run.pid, signum)
    else:
        run.send_signal(signum)
    output = run.communicate(timeout=WAIT)[0]
    assert run.returncode == code, output
    assert "ошибка B011 сборка прервана" in output and "Traceback" not in output
    assert _staging(region) == []
    _wait_for(lambda: not any(_alive(p) for p in workers), "остановки процессов сборки", 10)
    assert {slug: tree_digests(region / "build" / slug) for slug in SLUGS} == before


@needs_proc
def test_sigkill_of_the_main_process_stops_the_workers(region: Path) -> None:
    """Workers of a killed main process used to keep writing, then linger as orphans."""
    before = {slug: tree_digests(region / "build" / slug) for slug in SLUGS}
    run, workers = _paused_run(region, "--jobs", "2")
    assert workers
    run.send_signal(signal.SIGKILL)
    run.communicate(timeout=WAIT)
    _wait_for(lambda: not any(_alive(p) for p in workers), "остановки процессов сборки", 15)
    assert _staging(region) == []
    assert {slug: tree_digests(region / "build" / slug) for slug in SLUGS} == before


def test_a_killed_worker_fails_its_programme_only_in_russian(region: Path) -> None:
    """«A process in the process pool was terminated abruptly» was all the user read."""
    run = _start(region, "--jobs", "2", fault="staging-made@dubrovka")
    output = run.communicate(timeout=WAIT)[0]
    assert run.returncode == 2, output
    assert "dubrovka: ошибка B010 процесс, собиравший программу, аварийно завершён" in output
    assert "terminated abruptly" not in output and "Traceback" not in output
    assert "Собрано: 2, без изменений: 0, не собрано: 1;" in output


def test_an_unexpected_error_stops_no_other_programme(
    region: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README promises that one failure never stops the rest; serially it did."""
    from shnor_docs.build import programme

    real = programme.render_files

    def failing(spec, *args, **kwargs):
        if spec.slug == "belaya-kalitva":
            raise RuntimeError("сбой")
        return real(spec, *args, **kwargs)

    monkeypatch.setattr(programme, "render_files", failing)
    monkeypatch.chdir(region)
    result = CliRunner().invoke(cli, ["build", "programmes", "--out", "build", "--force"])
    assert result.exit_code == 2, result.output
    assert "belaya-kalitva: внутренняя ошибка shnor_docs (RuntimeError: сбой)" in result.output
    assert "Собрано: 2, без изменений: 0, не собрано: 1;" in result.output
