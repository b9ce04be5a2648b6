"""The addendum: only the added topics, the format's wording verbatim where it applies, everything
else marked as the assistant's own, and every answer in it."""

from datetime import date

import pytest

from bot.draft.addendum import build_addendum
from bot.draft.document import CLAUSE, PARTY, TITLE, build_draft
from bot.draft.markdown import to_markdown
from bot.draft.service import download_name, store_draft, summary_text
from bot.draft.store import DraftStore
from bot.draft.word import to_docx
from bot.interview.catalogue import COMPLETION_SLOT
from bot.knowledge.text import letters_only
from tests.bot.test_draft_fidelity import PARTY_LANGUAGE, SOURCES, format_text
from tests.conftest import complete_answers, docx_texts, read_docx

DAY = date(2026, 12, 3)
ADDED = {
    "clause_5_transfer_option": "Een leerling die uitvalt, stapt over naar de Entree-opleiding.",
    "clause_7_codetermination": "Leerlingen in de route mogen deelnemen aan de studentenraad.",
    "clause_8_disputes": "Een geschil gaat eerst naar de stuurgroep, daarna naar een mediator.",
}


def addendum_answers(internal=False, reference="OVEREENKOMST VAKMANSCHAPSROUTE BOUW", **overrides):
    answers = complete_answers(**ADDED)
    answers[COMPLETION_SLOT] = {"mode": "addendum", "topics": ["f", "h", "i"], "reference": reference}
    if internal:
        answers.update(same_authority=True, authority_name=["Stichting AOC Groen"],
                       signatories=[{"name": "A. Jansen", "position": "bestuurder"}])
    answers.update(overrides)
    return answers


@pytest.mark.parametrize("internal", [False, True])
def test_every_text_not_marked_own_is_the_formats(internal):
    for block in build_addendum(addendum_answers(internal), DAY).blocks:
        if block.own or block.kind == PARTY:
            continue
        assert any(letters_only(format_text(block)) in source for source in SOURCES), block


def test_only_the_added_topics_clauses_with_the_formats_wording_and_every_answer():
    addendum = build_addendum(addendum_answers(), DAY)
    clauses = [(b.label, b.text) for b in addendum.blocks if b.kind == CLAUSE]
    assert clauses == [
        ("1.", "Overstapoptie"),
        ("2.", "Aanvullende afspraken t.a.v. geldende medezeggenschap-regime (optioneel)"),
        ("3.", "Geschilbeslechting"),
    ]
    texts = [block.text for block in addendum.blocks]
    assert "Deelnemers die deze doorlopende leerroute niet met succes afronden worden door " \
           "ondergetekenden in staat gesteld om:" in texts
    for answer in ADDED.values():
        assert answer in texts
    assert not any("Afspraken over de betreffende" in text for text in texts)  # clause 1 is not added


def test_the_title_parties_and_reference_to_the_existing_agreement_are_the_assistants_own():
    addendum = build_addendum(addendum_answers(), DAY)
    title = addendum.blocks[0]
    assert title.kind == TITLE and title.own
    assert addendum.title == "Aanvulling op de samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo"
    parties = [b.text for b in addendum.blocks if b.kind == PARTY and not b.own]
    assert parties == ["Stichting VO Noord", "ROC Noord"]
    reference = next(b for b in addendum.blocks if "bestaande samenwerkingsovereenkomst tussen" in b.text)
    assert reference.own and "OVEREENKOMST VAKMANSCHAPSROUTE BOUW" in reference.text
    assert "Aldus overeengekomen en ondertekend te Assen op 1 september 2025." in \
        [b.text for b in addendum.blocks]


def test_an_unknown_existing_agreement_is_an_open_place():
    addendum = build_addendum(addendum_answers(reference=""), DAY)
    reference = next(b for b in addendum.blocks if "bestaande samenwerkingsovereenkomst tussen" in b.text)
    assert "[nog in te vullen]" in reference.text


def test_an_addendum_to_an_interne_regeling_speaks_of_no_parties():
    addendum = build_addendum(addendum_answers(internal=True), DAY)
    assert addendum.title.startswith("Aanvulling op de interne regeling")
    for block in addendum.blocks:
        assert PARTY_LANGUAGE.search(format_text(block)) is None, block.text


def test_the_check_lists_only_the_added_topics_and_what_is_open():
    open_answers = addendum_answers(clause_8_disputes="[nog in te vullen]")
    lines = [b.text for b in build_addendum(open_answers, DAY).blocks if b.kind == "status"]
    assert [line.split(":")[0] for line in lines] == [
        "inhoud van de overstapoptie", "aanvullende afspraken over medezeggenschap", "geschilbeslechting"]
    assert "Nog niet ingevuld: i." in to_markdown(build_addendum(open_answers, DAY))


def test_word_marks_exactly_the_assistants_own_paragraphs():
    addendum = build_addendum(addendum_answers(), DAY)
    paragraphs = [p for p in read_docx(to_docx(addendum)).paragraphs if p.text.strip()]
    own = [p.text for p in paragraphs if p.style.name.endswith("(assistent)")]
    assert addendum.title in own and "Overstapoptie" not in own


def test_the_draft_service_makes_the_addendum_when_the_interview_completes_one(state_dir):
    answers = addendum_answers()
    store = DraftStore(state_dir / "drafts")
    token = store_draft(answers, "gesprek", store, DAY)
    texts = docx_texts(store.find(token, "docx").path.read_bytes())
    assert texts[0].startswith("Aanvulling op de samenwerkingsovereenkomst")
    assert download_name(answers, DAY) == "concept-aanvulling-samenwerkingsovereenkomst-2026-12-03"
    assert "aanvulling op de samenwerkingsovereenkomst tussen Stichting VO Noord en ROC Noord" in \
        summary_text(answers)
    assert "Alle onderwerpen van de aanvulling (f, h, i) zijn ingevuld." in summary_text(answers)
    # Without the addendum, the same answers make the whole agreement.
    whole = {key: value for key, value in answers.items() if key != COMPLETION_SLOT}
    assert build_draft(whole, DAY).title.startswith("Samenwerkingsovereenkomst")


def test_the_addendum_is_laid_out_in_full_from_the_format_file():
    addendum = build_addendum(addendum_answers(), DAY)
    texts = [(block.kind, block.own, block.text) for block in addendum.blocks]
    assert addendum.header == f"Concept - {addendum.title}"
    assert addendum.footer == "Concept, gemaakt op 3 december 2026"
    assert texts[1][:2] == ("note", True) and texts[1][2].startswith(
        "Tekst die niet uit het format van de bouwsteen komt, is tekst van de assistent")
    assert texts[1][2].endswith("voordat de aanvulling wordt ondertekend.")
    assert ("text", True, "vullen hun bestaande samenwerkingsovereenkomst aan met de afspraken "
            "hieronder.") in texts
    assert ("heading", False, "Afspraken") in texts
    assert texts.index(("heading", False, "Afspraken")) < texts.index(("clause", False, "Overstapoptie"))
    assert ("heading", True, "Controle van de aanvulling") in texts
    assert texts[-1] == ("text", True, "Alle onderwerpen van deze aanvulling zijn ingevuld.")
