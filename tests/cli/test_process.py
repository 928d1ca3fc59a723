"""A ``shnor`` process: no collection while it starts, no teardown at its end, and nothing lost
by either (exit codes, output, ``atexit``, other threads)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from tests.conftest import PROGRAMMES, ROOT


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          encoding="utf-8", timeout=120, check=False)


def _leaving(body: str) -> subprocess.CompletedProcess[str]:
    return _python(f"import atexit, sys, threading, time\nfrom shnor_docs.cli.process import leave"
                   f"\n{body}\n")


@pytest.mark.parametrize(("code", "status"), [(None, 0), (0, 0), (1, 1), (3, 3)])
def test_the_exit_code_is_the_commands(code: object, status: int) -> None:
    done = _leaving(f"print('сделано', end='')\nleave({code!r})\nprint('не печатается')")
    assert (done.returncode, done.stdout) == (status, "сделано")


def test_a_message_instead_of_a_code_exits_as_python_does() -> None:
    done = _leaving("leave('ошибка: нет папки')")
    assert (done.returncode, done.stderr.strip()) == (1, "ошибка: нет папки")


def test_what_was_registered_at_exit_runs_once_after_the_output() -> None:
    done = _leaving("atexit.register(lambda: print('при выходе'))\nprint('вывод')\nleave(2)")
    assert (done.returncode, done.stdout) == (2, "вывод\nпри выходе\n")


def test_another_thread_is_waited_for_as_at_a_normal_exit() -> None:
    done = _leaving(
        "def late():\n    time.sleep(0.3)\n    print('поток закончил', flush=True)\n"
        "threading.Thread(target=late).start()\nleave(0)"
    )
    assert (done.returncode, done.stdout) == (0, "поток закончил\n")


def test_a_process_pool_in_use_is_shut_down_as_at_a_normal_exit() -> None:
    done = _leaving("import concurrent.futures\nleave(1)")
    assert done.returncode == 1  # the normal exit, not os._exit: both give the same code
    done = _python("import concurrent.futures, gc\nfrom shnor_docs.cli.process import _alone\n"
                   "print(_alone())")
    assert done.stdout.strip() == "False"


def test_a_closed_pipe_ends_the_process_as_python_ends_it() -> None:
    """``shnor check | head``: what can't be flushed is reported by Python, with its code."""
    codes = []
    for end in ("from shnor_docs.cli.process import leave\nleave(0)", "sys.exit(0)"):
        read, write = os.pipe()
        os.close(read)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
        done = subprocess.run([sys.executable, "-c", f"import sys\nprint('строка')\n{end}"],
                              stdout=write, stderr=subprocess.PIPE, cwd=ROOT, env=env,
                              timeout=60, check=False)
        os.close(write)
        codes.append(done.returncode)
    assert codes[0] == codes[1] != 0


def test_start_up_is_not_collected_and_the_command_is() -> None:
    """Collections are off while modules load; then what start-up made is frozen and the
    collector is back on for the command itself."""
    done = _python(
        "import gc, sys\nfrom shnor_docs.cli import process\nfrom shnor_docs.cli.app import "
        "preload\nprocess.starting()\nbefore = gc.isenabled()\npreload(['check'])\n"
        "loaded = 'shnor_docs.checks.runner' in sys.modules\nprocess.started()\n"
        "print(before, loaded, gc.isenabled(), gc.get_freeze_count() > 10000)"
    )
    assert done.stdout.split() == ["False", "True", "True", "True"]


def test_started_leaves_a_collector_it_did_not_turn_off_alone() -> None:
    done = _python("import gc\nfrom shnor_docs.cli import process\nprocess.starting()\n"
                   "process.started()\nprocess.started()\ngc.disable()\nprocess.started()\n"
                   "print(gc.isenabled(), gc.get_freeze_count() > 0)")
    assert done.stdout.split() == ["False", "True"]


def test_a_check_loads_only_its_own_command() -> None:
    done = _python(
        "import atexit, sys\nfrom shnor_docs.cli import main\n"
        "atexit.register(lambda: print(sorted(m for m in sys.modules "
        "if m.startswith('shnor_docs.cli.'))))\n"
        f"sys.argv = ['shnor', 'check', '--as-of', '2023-03-01', {str(PROGRAMMES / 'dubrovka')!r}]"
        "\nmain()\n"
    )
    loaded = done.stdout.strip().splitlines()[-1]
    assert "shnor_docs.cli.check" in loaded
    for other in ("build", "life", "importing", "programmes"):
        assert f"shnor_docs.cli.{other}'" not in loaded


def test_an_unknown_command_is_answered_with_the_close_ones(tmp_path: Path) -> None:
    """Commands load lazily, yet click answers an unknown name as with all of them loaded
    (click from 8.2 suggests close names: «Возможно, имелось в виду 'build'?»)."""
    eager = ("import sys\nfrom shnor_docs.cli.app import COMMANDS, cli\n"
             "for name in COMMANDS:\n    cli.get_command(None, name)\n"
             "cli.main(sys.argv[1:], prog_name='shnor')\n")
    for typo, suggestion in (("buidl", "'build'"), ("chek", "'check', 'schema'")):
        done, expected = (
            subprocess.run([sys.executable, *how, typo], capture_output=True, text=True,
                           cwd=tmp_path, encoding="utf-8", timeout=60, check=False,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
            for how in (["-m", "shnor_docs"], ["-c", eager])
        )
        assert (done.returncode, done.stderr) == (2, expected.stderr)
        assert "Did you mean" not in done.stderr
        if hasattr(click.exceptions, "NoSuchCommand"):  # click ≥ 8.2
            assert "Возможно, имелось в виду" in done.stderr and suggestion in done.stderr


def test_a_profiler_still_writes_its_figures_after_the_command(tmp_path: Path) -> None:
    figures = tmp_path / "profile.out"
    done = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(figures), "-m",
                           "shnor_docs", "rules"], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, check=False)
    assert done.returncode == 0 and figures.stat().st_size > 0
