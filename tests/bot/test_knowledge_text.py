"""The text helpers that check every answer against its source, on small made-up texts."""

import pytest

from bot.knowledge.responses import main as write_responses
from bot.knowledge.text import join_lines, letters_only, quotes_source
from bot.settings import PROJECT_ROOT

SOURCE = "Kop van de pagina. De scholen maken samen afspraken over de route. 12 Voetnoot. Zij melden dat bij DUO."


def test_letters_only_keeps_folded_letters_and_digits():
    assert letters_only("Één, twee; 3 — vier!") == "eentwee3vier"


def test_join_lines_joins_the_non_empty_lines_with_one_space():
    assert join_lines("  De scholen\n\n maken \nafspraken  ") == "De scholen maken afspraken"


@pytest.mark.parametrize(
    "passage, quoted",
    [
        ("De scholen maken samen afspraken over de route.", True),
        ("Kop van de pagina.", True),
        ("de SCHOLEN maken samen-afspraken over de route", True),
        ("De scholen maken samen afspraken over de route. Zij melden dat bij DUO.", True),
        ("Zij melden dat bij DUO. De scholen maken samen afspraken.", False),
        ("De scholen maken geen afspraken over de route.", False),
        ("", True),
    ],
)
def test_a_passage_quotes_its_source_in_order(passage, quoted):
    assert quotes_source(passage, SOURCE) is quoted


def test_pieces_must_be_long_enough_and_close_enough():
    assert quotes_source("De scholen maken samen afspraken over de route. Zij melden dat bij DUO.", SOURCE, max_gap=20)
    assert not quotes_source("De scholen maken samen afspraken. Zij melden dat bij DUO.", SOURCE, max_gap=5)
    assert not quotes_source("scholen route", SOURCE, min_piece=8)
    assert quotes_source("scholen route", SOURCE, min_piece=5)
    assert quotes_source("De route.", SOURCE) and not quotes_source("De routes.", SOURCE)


def test_the_responses_command_writes_the_committed_file(tmp_path, capsys):
    target = tmp_path / "faq.yml"
    assert write_responses([str(target)]) == 0
    assert target.read_text(encoding="utf-8") == (PROJECT_ROOT / "data" / "responses" / "faq.yml").read_text(
        encoding="utf-8")
    assert write_responses([]) == 2 and write_responses(["a", "b"]) == 2
    assert "Usage: ``python -m bot.knowledge.responses" in capsys.readouterr().err
