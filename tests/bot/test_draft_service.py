"""Handing over a draft: fingerprints, file names, links and the chat summary."""

import re
from datetime import date

from bot.draft.example import example_answers
from bot.draft.service import (
    answers_of, download_name, fingerprint, links_for, store_draft, summary_text,
)
from bot.draft.store import DraftStore
from bot.interview.answers import PLACEHOLDER
from tests.conftest import docx_texts


def test_the_fingerprint_follows_the_answers_only():
    answers = example_answers()
    assert fingerprint(answers) == fingerprint({**answers, "requested_slot": "x", "draft": {}})
    assert fingerprint(answers) != fingerprint({**answers, "clause_5_transfer_option": "Anders."})
    assert set(answers_of({"clause_1_programme": "x", "other": 1})) >= {"clause_1_programme"}
    assert "other" not in answers_of({"other": 1})


def test_download_names_hold_no_user_text():
    assert download_name(example_answers(), date(2026, 11, 23)) == (
        "concept-samenwerkingsovereenkomst-2026-11-23"
    )
    assert download_name({"same_authority": True}, date(2026, 1, 2)) == "concept-interne-regeling-2026-01-02"


def test_a_stored_draft_holds_the_answers(tmp_path):
    store = DraftStore(tmp_path)
    token = store_draft(example_answers(), "gesprek-1", store, date(2026, 11, 23))
    assert example_answers()["clause_9_joining"] in docx_texts(store.find(token, "docx").path.read_bytes())
    markdown = store.find(token, "md").path.read_text(encoding="utf-8")
    assert markdown.startswith("# Samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo")


def test_the_summary_names_what_is_open_and_the_links_travel_once_in_the_payload():
    links = links_for("T" * 32, "https://bot.school.nl/")
    assert links.docx == f"https://bot.school.nl/drafts/{'T' * 32}/docx"
    assert links.markdown.endswith("/md")
    answers = {**example_answers(), "clause_8_disputes": PLACEHOLDER,
               "vmbo_parties": ["Stichting *Noord* & Co"]}
    text = summary_text(answers)
    assert "](" not in text and "Markdown" not in text
    assert "samenwerkingsovereenkomst tussen Stichting \\*Noord\\* \\& Co" in text
    assert "9 van de 10 wettelijk verplichte onderwerpen zijn ingevuld; nog open: i." in text
    assert links.payload() == {"draft": {"token": "T" * 32, "docx": links.docx, "markdown": links.markdown}}


def test_a_complete_internal_regulation_summary():
    answers = {**example_answers(), "same_authority": True, "authority_name": ["AOC Groen"]}
    text = summary_text(answers)
    assert "interne regeling van AOC Groen" in text
    assert "\n\nAlle wettelijk verplichte onderwerpen (a tot en met j) zijn ingevuld.\n\n" in text


def test_the_summary_word_for_word():
    links = links_for("T" * 32, "http://BOX/")
    assert links.docx == f"http://BOX/drafts/{'T' * 32}/docx"
    answers = {**example_answers(), "vmbo_parties": ["VO Noord", "VO Zuid"], "mbo_parties": ["ROC"],
               "clause_5_transfer_option": PLACEHOLDER, "clause_8_disputes": None}
    assert summary_text(answers) == (
        "**Uw concept staat klaar.** Het is een samenwerkingsovereenkomst tussen VO Noord, VO Zuid en ROC.\n\n"
        "8 van de 10 wettelijk verplichte onderwerpen zijn ingevuld; nog open: f, i. Open plekken staan "
        "in het document als \\[nog in te vullen\\].\n\n"
        "Download het concept als Word-bestand met de knop hieronder en maak het met uw collega's af; "
        "met 'Bekijk de tekst' leest u het eerst in de browser. Wilt u nog iets wijzigen? "
        "Typ bijvoorbeeld 'wijzig artikel 5'; daarna maak ik een nieuwe versie.")


def test_the_fingerprint_does_not_depend_on_the_order_of_the_answers():
    answers = example_answers()
    reordered = dict(reversed(list(answers.items())))
    assert fingerprint(reordered) == fingerprint(answers)
    assert re.fullmatch(r"[0-9a-f]{32}", fingerprint(answers))


def test_a_stored_draft_is_named_for_download(tmp_path):
    store = DraftStore(tmp_path)
    token = store_draft(example_answers(), "gesprek-1", store, date(2026, 11, 23))
    assert store.find(token, "docx").download_name == "concept-samenwerkingsovereenkomst-2026-11-23.docx"


def test_an_addendum_summary_counts_only_its_own_topics():
    completion = {"mode": "addendum", "topics": ["f", "i"], "reference": "de overeenkomst van 2021"}
    complete = {**example_answers(), "agreement_completion": completion}
    assert "Alle onderwerpen van de aanvulling (f, i) zijn ingevuld." in summary_text(complete)
    one_open = {**complete, "clause_8_disputes": PLACEHOLDER, "clause_4a_locations": PLACEHOLDER}
    assert "1 van de 2 wettelijk verplichte onderwerpen zijn ingevuld; nog open: i." in summary_text(one_open)
