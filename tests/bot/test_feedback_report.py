"""The content owners' report: its figures, its Markdown, its charts and its command line."""

from datetime import date

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
    with pytest.raises(ValueError):
        report.write_report(store, DAY, date(2025, 9, 1), tmp_path)


def test_labels_name_answers_and_steps():
    assert report.answer_label("teambevoegdheid") == "Wat houdt de teambevoegdheid in?"
    assert report.answer_label("passage:0").startswith("Passage: Bouwsteen")
    assert report.answer_label("passage:99999") == "Passage (niet meer in de bronnen)"
    assert report.answer_label("onbekend") == "onbekend"
    assert report.step_label("clause_1_programme").startswith("Artikel 1")
    assert report.step_label("?") == "?"


def test_many_groups_are_cut_off_with_a_note(store, tmp_path):
    words = ["appel", "bus", "cirkel", "dak", "ezel", "fiets", "gitaar", "hamer", "inkt", "jas",
             "kaars", "lamp", "muur", "neus", "oven", "pen", "raam", "sok", "tafel", "uil",
             "vaas", "wolk", "zeep", "bal", "deur", "kast", "stoel"]
    for word in words:
        store.record(kinds.UNANSWERED, question=f"{word}?", day=DAY)
    text = report.write_report(store, DAY, DAY, tmp_path).read_text(encoding="utf-8")
    assert f"En nog {len(words) - report.MAX_GROUPS} groepen" in text


def test_the_command_line_writes_the_report(tmp_path, capsys):
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path / "state")})
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
