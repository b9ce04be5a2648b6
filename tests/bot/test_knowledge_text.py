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
    assert join_lines("De\u00a0scholen \u00a0maken\tafspraken") == "De scholen maken afspraken"


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


def test_a_piece_of_exactly_the_minimum_length_may_be_followed_by_a_skip():
    source = "abcdefghijkl 123 mnopqrstuvwx"
    assert quotes_source("abcdefghijkl mnopqrstuvwx", source)
    assert not quotes_source("bcdefghijkl mnopqrstuvwx", "bcdefghijkl 123 mnopqrstuvwx")


def test_the_next_piece_may_start_exactly_the_maximum_gap_later():
    piece, rest = "abcdefghijklm", "nopqrstuvwxy"
    assert quotes_source(piece + rest, piece + "1" * 1200 + rest)
    assert not quotes_source(piece + rest, piece + "1" * 1201 + rest)
    assert quotes_source(piece + rest, piece + "1" * 30 + rest, max_gap=30)
    assert not quotes_source(piece + rest, piece + "1" * 31 + rest, max_gap=30)


def test_the_next_piece_is_sought_after_the_first_place_the_piece_before_occurs():
    first, second = "abcdefghijklm", "nopqrstuvwxyz"
    assert quotes_source(first + second, first + "123" + second + "456" + first)


def test_a_one_character_passage_must_occur_in_the_source():
    assert not quotes_source("x", "abc")
    assert quotes_source("b", "abc")
    assert quotes_source("abcdefghijklmnop", "abcdefghijklmnop")


def test_each_piece_is_sought_after_where_the_piece_before_it_ended_in_the_source():
    first, second, third = "abcdefghijklm", "nopqrstuvwxyz", "zyxwvutsrqpon"
    source = "1" * 100 + third + "1" * 387 + first + "2" * 20 + second
    assert not quotes_source(first + second + third, source)
    assert quotes_source(first + second, source)


def test_a_markdown_link_is_read_as_its_label():
    from bot.knowledge.text import link_labels

    text = "op duo.nl onder [voortgezet onderwijs](https://duo.nl/vo.jsp) en [mbo](https://x.nl)."
    assert link_labels(text) == "op duo.nl onder voortgezet onderwijs en mbo."
    assert link_labels("[] (geen link) en [a] (b)") == "[] (geen link) en [a] (b)"
