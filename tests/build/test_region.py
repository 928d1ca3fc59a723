"""Many programmes at once: parallel jobs, skipping unchanged ones, stable shards."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from shnor_docs.cli import cli
from shnor_docs.spec.folders import in_shard, parse_shard
from tests.conftest import PROGRAMMES

SLUGS = ["belaya-kalitva", "dubrovka", "meshchovsk", "sterlitamak"]


def _region(tmp_path: Path, broken: bool = False) -> Path:
    region = tmp_path / "programmes"
    for slug in SLUGS:
        shutil.copytree(PROGRAMMES / slug, region / slug)
    if broken:
        shutil.copytree(PROGRAMMES / "dubrovka", region / "aaa-broken")
        path = region / "aaa-broken" / "programme.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "\nunknown_key: 1\n", "utf-8")
    return region


def _build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", *args])
    return result.exit_code, result.output


def test_parallel_build_then_unchanged_then_forced(tmp_path: Path) -> None:
    region, out = _region(tmp_path), tmp_path / "out"
    code, output = _build(str(region), "--out", str(out), "--jobs", "2")
    assert code == 0, output
    assert "Собрано: 4, без изменений: 0, не собрано: 0;" in output
    assert sorted(p.name for p in out.iterdir()) == SLUGS
    code, output = _build(str(region), "--out", str(out), "--jobs", "2")
    assert "Собрано: 0, без изменений: 4" in output
    spec = region / "meshchovsk" / "programme.yaml"
    spec.write_text(spec.read_text(encoding="utf-8") + "\n# правка\n", encoding="utf-8")
    code, output = _build(str(region), "--out", str(out))
    assert "Собрано: 1, без изменений: 3" in output
    code, output = _build(str(region), "--out", str(out), "--force")
    assert "Собрано: 4, без изменений: 0" in output


def test_one_failing_programme_does_not_stop_the_others(tmp_path: Path) -> None:
    region, out = _region(tmp_path, broken=True), tmp_path / "out"
    code, output = _build(str(region), "--out", str(out), "--jobs", "2")
    assert code == 2
    assert "ошибка S011 неизвестный ключ «unknown_key»" in output
    assert "Собрано: 4, без изменений: 0, не собрано: 1;" in output
    assert "Traceback" not in output
    assert sorted(p.name for p in out.iterdir()) == SLUGS


def test_shards_are_stable_and_cover_everything(tmp_path: Path) -> None:
    folders = [tmp_path / f"rayon-{i:02d}" for i in range(60)]
    for n in (1, 2, 3, 5):
        slices = [{f for f in folders if in_shard(f, (k, n))} for k in range(1, n + 1)]
        assert set().union(*slices) == set(folders)
        assert sum(len(s) for s in slices) == len(folders)
    fewer = folders[:30]
    assert {f for f in fewer if in_shard(f, (2, 3))} == \
        {f for f in folders if in_shard(f, (2, 3))} & set(fewer)
    assert parse_shard("2/4") == (2, 4)


def test_shard_option_builds_only_its_slice(tmp_path: Path) -> None:
    region, out = _region(tmp_path), tmp_path / "out"
    built: set[str] = set()
    for k in (1, 2):
        code, output = _build(str(region), "--out", str(out), "--shard", f"{k}/2")
        assert code == 0, output
        now = {p.name for p in out.iterdir()}
        assert not (now - built) & built
        built = now
    assert sorted(built) == SLUGS
    code, output = _build(str(region), "--shard", "0/2")
    assert (code == 2 and "K/N" in output) or "1 ≤ K ≤ N" in output


def test_check_shards_split_the_findings(tmp_path: Path) -> None:
    region = _region(tmp_path)
    totals = []
    for shard in ("1/2", "2/2"):
        result = CliRunner().invoke(cli, ["check", str(region), "--as-of", "2023-03-01",
                                          "--format", "json", "--shard", shard])
        assert result.exit_code in (0, 1), result.output
        totals.append(result.output.count('"code"'))
    whole = CliRunner().invoke(cli, ["check", str(region), "--as-of", "2023-03-01",
                                     "--format", "json"])
    assert sum(totals) == whole.output.count('"code"') > 0
