"""The content owners' report: its figures, its Markdown, its charts and its command line."""

import struct
from datetime import date
from pathlib import Path

import matplotlib.colors
import pytest

from bot.feedback import report, store as kinds
from bot.feedback.figures import count
from bot.feedback.store import ReportStore
from bot.settings import Settings

DAY = date(2025, 9, 15)
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def store(tmp_path):
    return ReportStore(tmp_path / "report.db")


def _fill(store):
    for _ in range(3):
        store.record(kinds.CONVERSATION, day=DAY)
    store.record(kinds.ANSWERED, answer="teambevoegdheid", day=DAY)
    store.record(kinds.ANSWERED, answer="passage:0", day=DAY)
    store.record(kinds.CLARIFIED, day=DAY)
    store.record(kinds.ANSWERED_AFTER_CHOICE, answer="teambevoegdheid", day=DAY)
    store.record(kinds.CLARIFIED, day=DAY)
    store.record(kinds.UNANSWERED_AFTER_CHOICE, question="Wat kost <b>het</b>?", day=DAY)
    store.record(kinds.CLARIFIED, day=DAY)
    store.record(kinds.UNANSWERED, question="Wat kost het?", day=DAY)
    store.record(kinds.HELPFUL, answer="teambevoegdheid", day=DAY)
    store.record(kinds.NOT_HELPFUL, answer="passage:0", question="Wie tekent?", remark="te *vaag*",
                 day=DAY)
    store.record(kinds.CONTACT_OFFERED, day=DAY)
    store.record(kinds.DRAFT, day=DAY)
    finished = store.start_interview(day=DAY)
    store.reach_step(finished, "signatory")
    store.finish_interview(finished, day=DAY)
    stopped = store.start_interview(day=DAY)
    store.reach_step(stopped, "clause_6_funding_transfer")
    store.start_interview(day=DAY)


def test_the_figures_count_each_outcome_once(store):
    _fill(store)
    store.record(kinds.CONVERSATION, day=date(2025, 9, 16))  # outside the period
    f = count(store, DAY, DAY)
    assert (f.conversations, f.questions, f.answered_at_once, f.answered_after_choice,
            f.unanswered, f.choice_left_open) == (3, 6, 2, 1, 2, 1)
    assert (f.interviews_started, f.interviews_finished, f.interviews_abandoned) == (3, 1, 2)
    assert f.abandoned_at == (("?", 1), ("clause_6_funding_transfer", 1))
    assert (f.drafts, f.helpful, f.not_helpful, f.contact_offered) == (1, 1, 1, 1)
    assert f.feedback_per_answer == (("passage:0", 0, 1), ("teambevoegdheid", 1, 0))
    assert f.unanswered_questions == ("Wat kost <b>het</b>?", "Wat kost het?")
    assert f.not_helpful_questions == ("Wie tekent?",) and f.remarks == ("te *vaag*",)


def test_the_report_is_readable_markdown_with_escaped_user_text(store, tmp_path):
    _fill(store)
    path = report.write_report(store, DAY, DAY, tmp_path / "out")
    text = path.read_text(encoding="utf-8")
    assert "Periode: 15-09-2025 tot en met 15-09-2025." in text
    assert "| Vragen | 6 |  |" in text
    assert "| Direct beantwoord | 2 | 33% |" in text
    assert '| Beantwoord na "Bedoelt u ...?" | 1 | 17% |' in text
    assert "| Niet beantwoord | 2 | 33% |" in text
    assert "| Interviews afgebroken of nog open | 2 | 67% |" in text
    assert "| Wat houdt de teambevoegdheid in? | 1 | 0 |" in text
    assert "| Wat kost het? | 2 |" in text  # both wordings in one group
    assert "<b>" not in text and "te \\*vaag\\*" in text
    assert "Artikel 6" in text  # the step's label, not its key
    assert "clause_6_funding_transfer" not in text
    for chart in (report.CHART_QUESTIONS, report.CHART_FEEDBACK, report.CHART_ABANDONED):
        assert f"]({chart})" in text
        assert (tmp_path / "out" / chart).read_bytes().startswith(PNG)


def test_an_empty_period_says_so_and_draws_only_the_questions(store, tmp_path):
    path = report.write_report(store, DAY, DAY, tmp_path / "out")
    text = path.read_text(encoding="utf-8")
    assert text.count("Geen in deze periode.") == 2
    assert "Geen feedback in deze periode." in text
    assert "| Direct beantwoord | 0 | - |" in text
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        report.REPORT_FILE, report.CHART_QUESTIONS]


def test_a_period_that_ends_before_it_starts_is_refused(store, tmp_path):
    with pytest.raises(ValueError, match="^the period ends before it starts$"):
        report.write_report(store, DAY, date(2025, 9, 1), tmp_path)


def test_labels_name_answers_and_steps():
    assert report.answer_label("teambevoegdheid") == "Wat houdt de teambevoegdheid in?"
    assert report.answer_label("passage:0").startswith("Passage: Bouwsteen")
    assert report.answer_label("passage:99999") == "Passage (niet meer in de bronnen)"
    assert report.answer_label("onbekend") == "onbekend"
    assert report.step_label("clause_1_programme").startswith("Artikel 1")
    assert report.step_label("?") == "Vóór de eerste vraag"
    assert report.step_label("geen_stap") == "geen_stap"
    assert report.answer_label("?") == "Onbekend antwoord"


WORDS = ["appel", "bus", "cirkel", "dak", "ezel", "fiets", "gitaar", "hamer", "inkt", "jas",
         "kaars", "lamp", "muur", "neus", "oven", "pen", "raam", "sok", "tafel", "uil",
         "vaas", "wolk", "zeep", "bal", "deur", "kast", "stoel"]


@pytest.mark.parametrize("groups", [report.MAX_GROUPS, len(WORDS)])
def test_many_groups_are_cut_off_with_a_note(store, tmp_path, groups):
    for word in WORDS[:groups]:
        store.record(kinds.UNANSWERED, question=f"{word}?", day=DAY)
    text = report.write_report(store, DAY, DAY, tmp_path).read_text(encoding="utf-8")
    shown = [word for word in WORDS if f"| {word}? | 1 |" in text]
    assert len(shown) == report.MAX_GROUPS
    note = f"En nog {groups - report.MAX_GROUPS} groepen die minder vaak voorkomen."
    assert (note in text) == (groups > report.MAX_GROUPS)


def test_the_command_line_writes_the_report(tmp_path, capsys):
    # (not the state folder the environment names: the settings given are used)
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path / "rapportdata")})
    ReportStore(settings.report_db).record(kinds.CONVERSATION, day=DAY)
    out = tmp_path / "rapport"
    assert report.main(["2025-09-01", "2025-09-30", str(out)], settings) == 0
    assert "| Gesprekken | 1 |" in (out / report.REPORT_FILE).read_text(encoding="utf-8")
    assert str(out) in capsys.readouterr().out


@pytest.mark.parametrize("argv", [[], ["2025-09-01"], ["gisteren", "vandaag"],
                                  ["2025-09-30", "2025-09-01"]])
def test_the_command_line_refuses_a_bad_period(argv, tmp_path, capsys):
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path)})
    assert report.main(argv, settings) == 2
    assert capsys.readouterr().err


GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "report.md"
GOLDEN_EMPTY = Path(__file__).resolve().parents[1] / "golden" / "report-empty.md"


def _fill_more(store):
    """Beside ``_fill``: several wordings of one question, votes and stops that rank."""
    _fill(store)
    for wording in ("Wat kost het nou?", "wat kost het", "Wat kost het eigenlijk?",
                    "Wat kost het precies?", "Wat kost het ons?", "Wat kost | het?"):
        store.record(kinds.UNANSWERED, question=wording, day=DAY)
    store.record(kinds.NOT_HELPFUL, answer="teambevoegdheid", question="Wie tekent?",
                 remark="te *vaag*", day=DAY)
    store.record(kinds.NOT_HELPFUL, answer="teambevoegdheid", remark="Geen bron", day=DAY)
    for answer in ("zeggenschap", "aoc", "aoc", "vraag-a", "zz-veel", "zz-veel", "zz-veel"):
        store.record(kinds.HELPFUL, answer=answer, day=DAY)
    for _ in range(2):
        stopped = store.start_interview(day=DAY)
        store.reach_step(stopped, "signatory")


def test_the_report_of_a_filled_period_equals_the_golden_file(store, tmp_path):
    _fill_more(store)
    text = report.write_report(store, DAY, DAY, tmp_path).read_text(encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_the_report_of_an_empty_period_equals_the_golden_file(store, tmp_path):
    text = report.write_report(store, DAY, DAY, tmp_path).read_text(encoding="utf-8")
    assert text == GOLDEN_EMPTY.read_text(encoding="utf-8")


def test_a_question_with_a_pipe_stays_in_its_table_cell(store, tmp_path):
    from markdown_it import MarkdownIt

    store.record(kinds.UNANSWERED, question="Wat kost | het?", day=DAY)
    html = MarkdownIt("gfm-like").render(
        report.write_report(store, DAY, DAY, tmp_path).read_text(encoding="utf-8"))
    assert "<td>Wat kost | het?</td>" in html


def test_the_charts_show_the_period_s_figures(store):
    _fill(store)
    plan = report.chart_plan(count(store, DAY, DAY), answer_name=str.upper, step_name=str.title)
    assert plan == [
        report.Chart(report.CHART_QUESTIONS,
                     ("Direct beantwoord", 'Na "Bedoelt u ...?"', "Niet beantwoord",
                      '"Bedoelt u ...?" zonder keuze'),
                     (("Vragen", (2, 1, 2, 1), report.COLOURS["neutral"]),), "Vragen (6)"),
        report.Chart(report.CHART_FEEDBACK, ("PASSAGE:0", "TEAMBEVOEGDHEID"),
                     (("Nuttig", (0, 1), report.COLOURS["good"]),
                      ("Niet nuttig", (1, 0), report.COLOURS["bad"])), "Feedback per antwoord"),
        report.Chart(report.CHART_ABANDONED, ("?", "Clause_6_Funding_Transfer"),
                     (("Gestopt", (1, 1), report.COLOURS["middle"]),),
                     "Afgebroken interviews: laatste vraag"),
    ]


def test_the_feedback_chart_shows_the_answers_with_most_feedback_only(store):
    for number in range(report.MAX_FEEDBACK_ROWS + 2):
        store.record(kinds.HELPFUL, answer=f"antwoord-{number:02d}", day=DAY)
    feedback = report.chart_plan(count(store, DAY, DAY), str, str)[1]
    assert len(feedback.labels) == report.MAX_FEEDBACK_ROWS
    assert all(len(values) == report.MAX_FEEDBACK_ROWS for _, values, _ in feedback.series)


def _bars(axes):
    return [(round(bar.get_y() + bar.get_height() / 2), bar.get_x(), bar.get_width(),
             matplotlib.colors.to_hex(bar.get_facecolor())) for bar in axes.patches]


def test_a_chart_stacks_its_series_with_the_first_label_on_top():
    chart = report.Chart("x.png", ("eerste", "t" * 60, "l" * 61),
                         (("Ja", (3, 0, 1), "#1b7f3b"), ("Nee", (2, 4, 0), "#b3261e")), "Titel")
    figure = report.bar_figure(chart)
    axes = figure.axes[0]
    assert _bars(axes) == [(2, 0, 3, "#1b7f3b"), (1, 0, 0, "#1b7f3b"), (0, 0, 1, "#1b7f3b"),
                           (2, 3, 2, "#b3261e"), (1, 0, 4, "#b3261e"), (0, 1, 0, "#b3261e")]
    labels = dict(zip(axes.get_yticks(), (t.get_text() for t in axes.get_yticklabels())))
    assert labels == {2: "eerste", 1: "t" * 60, 0: "l" * 57 + "..."}
    assert [(t.get_text(), t.get_position()) for t in axes.texts] == [
        (" 5", (5, 2)), (" 4", (4, 1)), (" 1", (1, 0))]
    assert {t.get_va() for t in axes.texts} == {"center"}
    assert axes.get_title() == "Titel"
    assert axes.get_xlim() == pytest.approx((0, 5 * 1.15))
    assert all(float(tick).is_integer() for tick in axes.get_xticks())
    assert [t.get_text() for t in axes.get_legend().get_texts()] == ["Ja", "Nee"]
    assert axes.get_legend()._loc == 4  # lower right
    assert tuple(figure.get_size_inches()) == pytest.approx((8, 3 * 0.5 + 1.5))


def test_a_chart_of_one_series_has_no_legend_and_room_when_all_is_zero():
    axes = report.bar_figure(report.Chart("x.png", ("a",), (("Vragen", (0,), "#00586b"),), "T")).axes[0]
    assert axes.get_legend() is None
    assert axes.get_xlim() == pytest.approx((0, 1.15))
    assert all(float(tick).is_integer() for tick in axes.get_xticks())  # counts, no 0.2


def test_the_charts_are_written_as_png_of_1200_pixels_wide(store, tmp_path):
    _fill(store)
    written = report.charts(report.chart_plan(count(store, DAY, DAY), str, str), tmp_path)
    assert [p.name for p in written] == [report.CHART_QUESTIONS, report.CHART_FEEDBACK,
                                         report.CHART_ABANDONED]
    header = written[0].read_bytes()[:24]
    assert header.startswith(PNG)
    width, height = struct.unpack(">II", header[16:24])
    assert (width, height) == (8 * 150, round((4 * 0.5 + 1.5) * 150))


def test_a_report_can_be_written_again_into_a_new_nested_folder(store, tmp_path):
    folder = tmp_path / "a" / "b"
    first = report.write_report(store, DAY, DAY, folder)
    assert report.write_report(store, DAY, DAY, str(folder)) == first
    assert first == folder / report.REPORT_FILE


def test_a_passage_label_beyond_the_last_passage_says_it_is_gone():
    assert report.answer_label("passage:1:2") == "Passage (niet meer in de bronnen)"
    from bot.knowledge.passages import load_passages

    last = len(load_passages()) - 1
    assert report.answer_label(f"passage:{last}").startswith("Passage: ")
    assert report.answer_label(f"passage:{last + 1}") == "Passage (niet meer in de bronnen)"
    assert report.answer_label("passage:x") == "Passage (niet meer in de bronnen)"


def test_the_command_line_writes_under_results_by_default(tmp_path, capsys, monkeypatch):
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path / "state")})
    monkeypatch.chdir(tmp_path)
    assert report.main(["2025-09-01", "2025-09-30"], settings) == 0
    expected = Path("results") / "report" / "2025-09-01_2025-09-30" / report.REPORT_FILE
    assert (tmp_path / expected).is_file()
    assert capsys.readouterr().out == f"Report written: {expected}\n"


def test_the_command_line_says_what_is_wrong_with_the_period(tmp_path, capsys):
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path)})
    report.main([], settings)
    assert capsys.readouterr().err.startswith("The content owners' report")
    report.main(["gisteren", "vandaag"], settings)
    assert capsys.readouterr().err == "Give the period as two dates: FROM=2025-09-01 TO=2025-09-30\n"
    report.main(["2025-09-30", "2025-09-01"], settings)
    assert capsys.readouterr().err == "The period ends before it starts.\n"
    assert report.main(["2025-09-01", "2025-09-01", str(tmp_path / "r")], settings) == 0
