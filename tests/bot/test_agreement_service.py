"""The check for a conversation: a pasted agreement recognised, the reply, the stored report."""

from dataclasses import replace
from datetime import date

import pytest

from bot.agreement import messages
from bot.agreement.check import check_pasted_text
from bot.agreement.checker import COVERED
from bot.agreement.service import (
    PASTE_MIN_CHARS, chat_text, looks_like_agreement, report_links, store_report, summary_text,
    topic_lines,
)
from bot.draft.store import DraftStore
from bot.settings import PROJECT_ROOT

HELDOUT = PROJECT_ROOT / "tests" / "heldout" / "agreements"
FILLER = "Partijen werken samen aan een goede overgang van het vmbo naar het mbo. " * 30


def _heldout_texts():
    return sorted(p for p in HELDOUT.iterdir() if p.suffix in (".md", ".txt") and p.name != "README.md")


@pytest.mark.parametrize("path", _heldout_texts(), ids=lambda p: p.name)
def test_every_heldout_agreement_pasted_is_recognised(path):
    assert looks_like_agreement(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", [
    "Ik heb al een overeenkomst, klopt die nog?",
    # long, but a question without article headings
    "Wij hebben een vraag over de overeenkomst. " + FILLER,
    # headings, but far too short to be an agreement
    "Artikel 1 Doel\nArtikel 2 Leiding\nArtikel 3 Geschillen\n",
    # long, with two headings only
    "Artikel 1 Doel\n" + FILLER + "\nArtikel 2 Leiding\n" + FILLER,
])
def test_a_question_or_a_fragment_is_not_an_agreement(text):
    assert not looks_like_agreement(text)


def test_three_headings_in_a_long_text_make_an_agreement():
    text = "\n".join(f"Artikel {n} Afspraken\n{FILLER}" for n in (1, 2, 3))
    assert len(text) > PASTE_MIN_CHARS and looks_like_agreement(text)


AGREEMENT = """Samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo

Artikel 8 Geschillen
Een geschil wordt voorgelegd aan een mediator.

Medezeggenschap *[klik](http://kwaad.example)*
Er zijn geen aanvullende afspraken over medezeggenschap gemaakt.
"""


# Made for each test: mutation testing runs only the tests that call the code under test.
@pytest.fixture
def result():
    return check_pasted_text(AGREEMENT)


def test_the_summary_counts_and_names_what_is_to_complete(result):
    assert summary_text(result) == (
        "2 van de 10 onderwerpen zijn geregeld. Aan te vullen of te controleren: "
        "a, b, c, d, e, f, g, j."
    )


def test_one_line_per_topic_with_status_and_place(result):
    lines = topic_lines(result)
    assert len(lines) == 10 and lines[0].startswith("a. ")
    assert lines[8] == "i. geschilbeslechting: geregeld (artikel 8)"
    assert lines[0].endswith(": " + messages.STATUS_NAMES["missing"])


def test_document_text_in_the_chat_reply_stays_literal(result):
    heading_lines = [line for line in topic_lines(result) if "klik" in line]
    assert heading_lines, "the heading with markup should be cited as a place"
    text = chat_text(result)
    assert "\\[klik\\](http://kwaad.example)" in text and " [klik]" not in text
    assert text.startswith(messages.CHAT_CHECKED) and text.endswith(messages.CHAT_REPORT)
    assert "\n- i. geschilbeslechting: geregeld (artikel 8)\n" in text


def test_the_report_is_stored_for_the_conversation_and_linked(result, tmp_path):
    store = DraftStore(tmp_path)
    token = store_report(result, "gesprek-7", store, date(2026, 3, 2))
    markdown = store.find(token, "md")
    assert markdown.download_name == "controle-samenwerkingsovereenkomst-2026-03-02.md"
    assert "Een geschil wordt voorgelegd aan een mediator." in markdown.path.read_text("utf-8")
    assert store.find(token, "docx").path.read_bytes().startswith(b"PK")
    links = report_links(token, "https://assistent.school.nl/")
    assert links.payload() == {"agreement_report": {
        "token": token,
        "docx": f"https://assistent.school.nl/agreements/reports/{token}/docx",
        "markdown": f"https://assistent.school.nl/agreements/reports/{token}/md",
    }}
    assert store.delete_conversation("gesprek-7") == 1


def test_an_agreement_with_every_topic_covered_says_so(result):
    covered = replace(result, findings=tuple(replace(f, status=COVERED) for f in result.findings))
    assert summary_text(covered) == "10 van de 10 onderwerpen zijn geregeld. " + messages.REPORT_ALL_COVERED


def test_the_chat_reply_is_the_summary_the_topics_and_the_pointer_to_the_report(result):
    summary, items, pointer = chat_text(result).split("\n\n")
    assert summary == f"{messages.CHAT_CHECKED} {summary_text(result)}"
    assert items.split("\n")[8] == "- i. geschilbeslechting: geregeld (artikel 8)"
    assert pointer == messages.CHAT_REPORT


def test_a_text_of_exactly_the_least_length_with_three_headings_is_an_agreement():
    headings = "Artikel 1 Doel\nArtikel 2 Leiding\nArtikel 3 Geschillen\n"
    text = headings + "x" * (PASTE_MIN_CHARS - len(headings))
    assert len(text) == PASTE_MIN_CHARS and looks_like_agreement(text)
    assert not looks_like_agreement(text[:-1]) and not looks_like_agreement(None)


def test_report_links_keep_a_base_address_that_ends_in_a_letter():
    links = report_links("t0k3n", "https://intranet.school.nl/assistentX/")
    assert links.docx == "https://intranet.school.nl/assistentX/agreements/reports/t0k3n/docx"
    assert links.markdown == "https://intranet.school.nl/assistentX/agreements/reports/t0k3n/md"
