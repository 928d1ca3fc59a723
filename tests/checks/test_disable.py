"""``# shnor: disable=…`` comments: where they silence, and R900 for the idle ones."""

from __future__ import annotations

from tests.checks.spec_helpers import BASE, edit, summary

OVERDUE = [("          status: done\n          done_on: 2023-01-20\n", "")]
TITLE_1 = "        - title: Информирование школ об участии в плане\n"
DEADLINE_1 = "          deadline: январь 2023 г.\n"


def test_overdue_without_comment(run_spec) -> None:
    assert [code for code, *_ in summary(run_spec(edit(OVERDUE)))] == ["R201"]


def test_comment_on_the_finding_line_silences_it(run_spec) -> None:
    text = edit([*OVERDUE, (DEADLINE_1, DEADLINE_1.rstrip() + "  # shnor: disable=R201\n")])
    assert summary(run_spec(text)) == []


def test_comment_on_the_item_first_line_silences_findings_inside(run_spec) -> None:
    text = edit([*OVERDUE, (TITLE_1, TITLE_1.rstrip() + "  # shnor: disable=overdue\n")])
    assert summary(run_spec(text)) == []


def test_comment_on_the_section_line_silences_its_activities(run_spec) -> None:
    section = "    - title: Организационные мероприятия\n"
    text = edit([*OVERDUE, (section, section.rstrip() + "  # shnor: disable=R201\n")])
    assert summary(run_spec(text)) == []


def test_comment_elsewhere_does_not_silence_and_is_reported(run_spec) -> None:
    title = "  title: План мероприятий по поддержке школ\n"
    text = edit([*OVERDUE, (title, title.rstrip() + "  # shnor: disable=R201\n")])
    codes = sorted(code for code, *_ in summary(run_spec(text)))
    assert codes == ["R201", "R900"]


def test_several_codes_and_a_reason(run_spec) -> None:
    text = edit([*OVERDUE, (DEADLINE_1, DEADLINE_1.rstrip()
                            + "  # shnor: disable=R201, R202 так в приказе\n")])
    found = summary(run_spec(text))
    assert [code for code, *_ in found] == ["R900"]  # R202 silenced nothing


def test_unknown_code_is_reported(run_spec) -> None:
    text = edit([(DEADLINE_1, DEADLINE_1.rstrip() + "  # shnor: disable=R999\n")])
    found = run_spec(text)
    assert [f.code for f in found] == ["R900"]
    assert "R999" in found[0].message


def test_comment_for_a_switched_off_rule_is_not_unused(run_spec) -> None:
    text = edit([(DEADLINE_1, DEADLINE_1.rstrip() + "  # shnor: disable=R202\n"),
                 ("roadmap:\n", "checks:\n  rules: {due-soon: off}\nroadmap:\n")])
    assert summary(run_spec(text)) == []


def test_r900_itself_can_be_disabled(run_spec) -> None:
    text = edit([(DEADLINE_1, DEADLINE_1.rstrip() + "  # shnor: disable=R202,R900\n")])
    assert summary(run_spec(text)) == []


def test_comment_in_an_included_file(tmp_path, run_spec) -> None:
    from tests.checks.spec_helpers import run_folder

    main, roadmap = edit(OVERDUE).split("roadmap:\n")
    roadmap = "roadmap:\n" + roadmap.replace(DEADLINE_1, DEADLINE_1.rstrip()
                                             + "  # shnor: disable=R201\n")
    folder = tmp_path / "included"
    folder.mkdir()
    (folder / "roadmap.yaml").write_text(roadmap, encoding="utf-8")
    assert summary(run_folder(folder, "include: [roadmap.yaml]\n" + main)) == []
    assert BASE  # the base itself stays untouched
