"""shnor amend over a real git history: the amendment's points, the consolidated text, errors."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from shnor_docs.cli import cli
from shnor_docs.life.amend import amend
from shnor_docs.spec.revisions import HistoryError
from tests.checks.spec_helpers import edit
from tests.life.conftest import libreoffice_text
from tests.life.history import V1, git, v2, v3

V1_V2 = [
    "в пункте 1.2 приложения № 1 слова «январь 2023 г.» заменить словами «март 2023 г.»",
    "в пункте 2.3 приложения № 1 после слов «программ» дополнить словами «и планов»",
    "пункт 1.3 приложения № 1 исключить",
    "пункты 2.1, 2.2, 2.4 приложения № 1 считать соответственно пунктами 2.2, 2.1, 2.5",
    "приложение № 1 дополнить пунктом 2.4 следующего содержания: «2.4. Консультации для "
    "молодых педагогов; срок исполнения: сентябрь 2023 г.; ответственные исполнители: РМК»",
    "в строке 1 таблицы показателей приложения № 1 в графе «2023 г.» цифры «60» заменить "
    "цифрами «70»",
]


def plain(texts: list[str]) -> list[str]:
    return [t.replace("\u00a0", " ") for t in texts]


def test_the_points_of_an_amendment_between_two_revisions(repo: Path) -> None:
    done = amend(repo, "v1", "v2", formats=frozenset({"docx"}))
    assert plain([c.text for c in done.changes]) == V1_V2
    assert (done.amendment.number, str(done.amendment.date)) == ("48", "2023-03-15")
    assert done.summary() == (
        "Изменений: 6 (изменено: 3, исключено: 1, перенумеровано: 1, дополнено: 1)")


def test_a_renamed_party_still_named_in_a_title_is_amended_where_it_stands(repo: Path) -> None:
    done = amend(repo, "v2", "v3", formats=frozenset({"docx"}))
    texts = plain([c.text for c in done.changes])
    assert texts[0].startswith("пункт 2 изложить в следующей редакции: «2. "
                               "Информационно-методическому центру (далее – ИМЦ) обеспечить")
    assert texts[0].endswith("в срок до 30 июня 2023 г.»")
    assert "в пункте 2.1 приложения № 1 слова «РМК» заменить словами «ИМЦ»" in texts
    # «Семинары РМК для учителей» keeps its title: only its responsible party changes
    assert any(t.startswith("пункт 2.2 приложения № 1 изложить в следующей редакции: "
                            "«2.2. Семинары РМК для учителей;") for t in texts)
    assert not any(t.startswith("по тексту") for t in texts)


def test_a_renamed_party_is_amended_once_for_the_whole_appendix(tmp_path: Path) -> None:
    old = _folder(tmp_path / "old", edit([("Семинары РМК", "Семинары")], v2()))
    new = _folder(tmp_path / "new", edit([("Семинары РМК", "Семинары")], v3()))
    done = amend(None, None, None, old, new, frozenset({"docx"}))
    texts = plain([c.text for c in done.changes])
    assert texts[-1] == "по тексту приложения № 1 слова «РМК» заменить словами «ИМЦ»"
    assert not any("слова «РМК» заменить" in t for t in texts[:-1])


def _folder(path: Path, text: str) -> Path:
    path.mkdir(parents=True)
    (path / "programme.yaml").write_text(text, encoding="utf-8")
    return path


def test_the_order_and_the_consolidated_text_read_as_signed(repo: Path, tmp_path: Path) -> None:
    done = amend(repo, "v1", "v2")
    for name, data in done.files.items():
        (tmp_path / name).write_bytes(data)
    order = " ".join(libreoffice_text(tmp_path / "izmeneniya.docx", tmp_path / "txt").split())
    assert "ПРИКАЗ 15 марта 2023 г. № 48" in order
    assert ("О внесении изменений в приказ отдела образования Администрации Примерного района "
            "от 11.01.2023 № 5 ПРИКАЗЫВАЮ:") in order
    assert ("1. Внести в приказ отдела образования Администрации Примерного района от "
            "11.01.2023 № 5 «Об утверждении плана мероприятий» следующие изменения:") in order
    for number, text in enumerate(V1_V2, start=1):
        assert f"1.{number}. {text[0].upper()}{text[1:]}." in order
    assert "2. Контроль за исполнением настоящего приказа оставляю за собой." in order
    consolidated = libreoffice_text(tmp_path / "redaktsiya-prikaz.docx", tmp_path / "txt")
    lines = [line.strip() for line in consolidated.splitlines() if line.strip()]
    assert lines[lines.index("Об утверждении плана мероприятий") + 1] == (
        "(в редакции приказа от 15.03.2023 № 48)")
    note = "(в ред. приказа от 15.03.2023 № 48)"
    for item in ("Закрепление за школами муниципальных координаторов",
                 "Анализ рабочих программ и планов учителей", "Консультации для молодых педагогов",
                 "Доля педагогов, прошедших повышение квалификации"):
        assert lines[lines.index(item) + 1] == note
    assert lines.count(note) == done.notes == 4
    assert "Совещание с руководителями общеобразовательных организаций" not in consolidated
    assert {"redaktsiya-prilozhenie-1.docx", "redaktsiya.html", "izmeneniya.html"} <= set(
        done.files)


def test_the_mark_names_every_amending_act(repo: Path, tmp_path: Path) -> None:
    done = amend(repo, "v2", None, formats=frozenset({"docx"}))  # the folder as it is: v3
    path = tmp_path / "redaktsiya-prilozhenie-1.docx"
    path.write_bytes(done.files[path.name])
    text = " ".join(libreoffice_text(path, tmp_path / "txt").split())
    assert ("Приложение № 1 к приказу отдела образования Администрации Примерного района от "
            "11.01.2023 № 5 (в редакции приказов от 15.03.2023 № 48, от 01.06.2023 № 77)") in text


def _index_and_status(root: Path) -> tuple[str, str]:
    index = hashlib.sha256((root / ".git" / "index").read_bytes()).hexdigest()
    return index, git(root, "status", "--porcelain")


def test_amend_leaves_the_working_tree_and_the_index_alone(repo: Path, tmp_path: Path) -> None:
    root = repo.parent.parent
    (repo / "programme.yaml").write_text(v3() + "\n# правка\n", encoding="utf-8")
    before = _index_and_status(root)
    amend(repo, "v1", "v2", formats=frozenset({"docx"}))
    assert _index_and_status(root) == before
    git(root, "checkout", "-q", "--", str(repo / "programme.yaml"))


@pytest.mark.parametrize(("args", "code"), [
    (["--from", "v9"], "G002"),
    (["--from", "--upload-pack=x"], "G002"),
    (["--from", "v1", "--to", "v2", "--from-dir", "x"], None),
])
def test_revision_errors_are_coded(repo: Path, args: list[str], code: str | None) -> None:
    result = CliRunner().invoke(cli, ["amend", str(repo), *args])
    assert result.exit_code == 2
    if code:
        assert f"ошибка {code} " in result.output


def test_a_folder_that_is_no_programme_at_the_revision(repo: Path) -> None:
    with pytest.raises(HistoryError) as caught:
        amend(repo.parent / "nowhere", "v1", "v2")
    assert caught.value.code == "G003"


def test_a_folder_outside_git(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "prog", V1)
    with pytest.raises(HistoryError) as caught:
        amend(folder, "v1", None)
    assert caught.value.code == "G001"


def test_no_new_amending_act_and_no_change(tmp_path: Path) -> None:
    old = _folder(tmp_path / "old", V1)
    unrecorded = _folder(tmp_path / "new", v2().split("amendments:")[0] + v2().split(
        "оставляю за собой.\n", 1)[1])
    with pytest.raises(HistoryError) as caught:
        amend(None, None, None, old, unrecorded)
    assert caught.value.code == "G004"
    with pytest.raises(HistoryError) as caught:
        amend(None, None, None, old, old)
    assert caught.value.code == "G005"


def test_a_broken_revision_names_its_file_by_revision(repo: Path) -> None:
    root = repo.parent.parent
    (repo / "programme.yaml").write_text("authority: [\n", encoding="utf-8")
    git(root, "commit", "-qam", "Сломано")
    try:
        result = CliRunner().invoke(cli, ["amend", str(repo), "--from", "v1", "--to", "HEAD"])
        assert result.exit_code == 2
        assert "HEAD:programmes/primer/programme.yaml:" in result.output
        assert " ошибка S001 " in result.output
    finally:
        git(root, "reset", "-q", "--hard", "v3")


def test_the_command_writes_its_folder(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["amend", str(repo), "--from", "v1", "--to", "v2",
                                      "--out", str(out), "--format", "docx"])
    assert result.exit_code == 0, result.output
    assert "Изменений: 6" in result.output
    assert sorted(p.name for p in (out / "primer-izmeneniya").iterdir()) == [
        ".shnor-build.json", "izmeneniya.docx", "redaktsiya-prikaz.docx",
        "redaktsiya-prilozhenie-1.docx"]


@pytest.mark.parametrize("into", ["old", "new"])
def test_the_command_never_writes_into_either_revisions_folder(tmp_path: Path, into: str) -> None:
    """Both folders are programmes: the old one given with --from-dir is a source too."""
    old, new = _folder(tmp_path / "old", V1), _folder(tmp_path / "new", v2())
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    result = CliRunner().invoke(cli, ["amend", "--from-dir", str(old), "--to-dir", str(new),
                                      "--out", str(tmp_path / into), "--format", "html"])
    assert result.exit_code == 2 and "ошибка B004" in result.output, result.output
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
