"""The draft's text: the official format, its variants, and every answer in its own clause."""

import re
from datetime import date

import pytest

from bot.draft.document import (
    ANSWER, ANSWER_TEXT, CLAUSE, NOT_USED, OPEN, PARTY, POINT, TITLE, Span, answer_lines,
    answer_span, build_draft, format_answer_keys, load_format, open_places,
)
from bot.draft.example import EXAMPLE_DATE, example_answers
from bot.draft.word import to_docx
from bot.interview.answers import NOT_APPLICABLE, PLACEHOLDER, check_answer
from bot.interview.catalogue import TEXT, load_catalogue
from bot.settings import PROJECT_ROOT
from tests.conftest import docx_texts

SOURCE = (PROJECT_ROOT / "bot" / "sources" / "bouwsteen.txt").read_text(encoding="utf-8")


def letters(text: str) -> str:
    return re.sub(r"[^a-zà-ÿ]", "", text.lower())


def clause_texts(draft):
    """{clause number: [every paragraph's text under that clause heading]}."""
    clauses, current = {}, None
    for block in draft.blocks:
        if block.kind == CLAUSE:
            current = block.label.rstrip(".")
            clauses[current] = []
        elif block.kind in ("heading",):
            current = None
        elif current is not None:
            clauses[current].append(block.text)
    return clauses


def test_every_place_in_the_format_has_a_catalogue_key_and_every_key_a_place():
    keys = format_answer_keys()
    assert len(keys) == len(set(keys)), "a key has two places in the format"
    assert set(keys) == set(load_catalogue().keys)


def test_the_format_wording_is_the_source_text():
    """Every clause text of the layout not marked as the assistant's own is the format's."""
    source = letters(SOURCE)

    def texts(value):
        if isinstance(value, dict) and "own" not in value:
            return [text for variant in value.values() for text in texts(variant)]
        return [] if value is None or isinstance(value, dict) else [value]

    layout = load_format()
    checked = 0
    for clause in layout["agreements"]["clauses"]:
        for title in texts(clause["title"]):
            assert letters(title) in source, title
        for part in clause["parts"]:
            for text in texts(part.get("text")) + texts(part.get("instruction")):
                assert letters(text) in source, text
                checked += 1
    assert checked >= 15


def test_every_answer_appears_in_its_own_clause():
    answers = example_answers()
    clauses = clause_texts(build_draft(answers, EXAMPLE_DATE))
    assert list(clauses) == [str(n) for n in range(1, 11)]
    for step in load_catalogue().clauses():
        if step.kind == TEXT:
            number = step.clause.rstrip("abc")
            assert answers[step.key] in clauses[number], step.key


def test_the_agreement_names_every_party_and_every_signatory():
    answers = example_answers()
    draft = build_draft(answers, EXAMPLE_DATE)
    text = draft.plain_text()
    party_blocks = [b.text for b in draft.blocks if b.kind == PARTY]
    for name in answers["vmbo_parties"] + answers["mbo_parties"]:
        assert name in party_blocks and f"Namens {name}" in party_blocks
    for person in answers["signatories"]:
        assert f"Naam: {person['name']}" in text and f"Functie: {person['position']}" in text
    assert "verklaren te zijn overeengekomen:" in text
    assert "Aldus overeengekomen en ondertekend te Utrecht op 1 februari 2027." in text
    assert draft.title == "Samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo"
    assert draft.footer == "Concept, gemaakt op 23 november 2026"
    assert "Alle wettelijk verplichte onderwerpen (a tot en met j) zijn ingevuld." in text


def test_one_competent_authority_gives_an_internal_regulation():
    answers = {**example_answers(), "same_authority": True, "vmbo_parties": None,
               "mbo_parties": None, "authority_name": ["Stichting AOC Groen"],
               "signatories": [{"name": "P. Smit", "position": "bestuurder"}]}
    draft = build_draft(answers, EXAMPLE_DATE)
    text = draft.plain_text()
    assert draft.title == "Interne regeling doorlopende leerroute vmbo-mbo"
    assert "Op grond van deze interne regeling wordt een doorlopende leerroute vmbo-mbo verzorgd" in text
    assert "Het bevoegd gezag beschrijft" in text and "Het bevoegd gezag meldt" in text
    assert "ndergetekend" not in text and "gezamenlijk een" not in text
    assert "Aldus vastgesteld te Utrecht op 1 februari 2027." in text
    assert "Namens Stichting AOC Groen" in text and "Naam: P. Smit" in text
    assert "Stichting Scholengroep De Brug" not in text
    assert "dient er een samenwerkingsovereenkomst gesloten te worden" in clause_texts(draft)["9"][0]
    kinds = [(block.kind, block.text, block.own) for block in draft.blocks[2:5]]
    assert kinds == [
        ("party", "Stichting AOC Groen", False),
        ("role", "[Bevoegd gezag van de school en van de instelling voor beroepsonderwijs]", True),
        ("text", "verzorgt binnen de doorlopende leerroute vmbo-mbo zowel het vmbo als het mbo en stelt "
                 "daarvoor deze interne regeling vast, waarin de onderwerpen zijn geregeld die anders in "
                 "een samenwerkingsovereenkomst opgenomen zouden worden:", True)]


def test_an_integrated_programme_is_named_as_such():
    answers = {**example_answers(), "route_type": "geintegreerd_onderwijsprogramma"}
    draft = build_draft(answers, EXAMPLE_DATE)
    points = [b.text for b in draft.blocks if b.kind == POINT]
    assert draft.title == "Samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo"
    assert "wordt gezamenlijk een geïntegreerd onderwijsprogramma verzorgd" in points[0]
    assert clause_texts(draft)["1"][0] == (
        "Het volgende onderwijsprogramma wordt in deze doorlopende leerroute vmbo-mbo aangeboden:")


def test_without_funding_transfer_clause_6_says_so_and_asks_nothing_more():
    answers = {**example_answers(), "clause_6_funding_transfer": False,
               "clause_6_funding_amount": None, "clause_6_funding_purpose": None}
    clause_6 = clause_texts(build_draft(answers, EXAMPLE_DATE))["6"]
    assert clause_6[1:] == ["Er wordt geen bekostiging overgedragen."]
    assert not any("Omvang" in text or "Bestemming" in text for text in clause_6)
    assert "bijlage" in clause_6[0]


def test_funding_transfer_details_follow_the_formats_text_and_add_no_note():
    clause_6 = clause_texts(build_draft(example_answers(), EXAMPLE_DATE))["6"]
    assert clause_6[1:] == [
        "Er wordt bekostiging overgedragen.",
        "Omvang van de over te dragen middelen:", example_answers()["clause_6_funding_amount"],
        "Bestemming van de over te dragen middelen:", example_answers()["clause_6_funding_purpose"],
    ]
    funding_open = {**example_answers(), "clause_6_funding_transfer": PLACEHOLDER}
    assert clause_texts(build_draft(funding_open, EXAMPLE_DATE))["6"][1:3] == [
        "Overdracht van bekostiging:", PLACEHOLDER]


def test_a_skipped_clause_7_is_marked_not_applicable():
    answers = {**example_answers(), "clause_7_codetermination": NOT_APPLICABLE}
    clause_7 = clause_texts(build_draft(answers, EXAMPLE_DATE))["7"]
    assert clause_7[-1] == NOT_APPLICABLE
    assert "h. aanvullende afspraken over medezeggenschap: niet van toepassing" in (
        build_draft(answers, EXAMPLE_DATE).plain_text()
    )


def test_open_places_are_marked_and_reported_in_the_completeness_check():
    answers = {**example_answers(), "clause_8_disputes": PLACEHOLDER, "signatories": []}
    draft = build_draft(answers, EXAMPLE_DATE)
    assert clause_texts(draft)["8"][-1] == PLACEHOLDER
    assert len(open_places(draft)) == 1 + 2 * 2  # clause 8, and name and position per party
    text = draft.plain_text()
    assert "i. geschilbeslechting: nog in te vullen" in text
    assert "Nog niet ingevuld: i." in text


def test_multi_paragraph_answers_keep_their_paragraphs():
    answers = {**example_answers(), "clause_2_business": "Eerste alinea.\n\nTweede alinea."}
    assert clause_texts(build_draft(answers, EXAMPLE_DATE))["2"][1:] == ["Eerste alinea.", "Tweede alinea."]


def test_rendering_is_deterministic():
    first = build_draft(example_answers(), EXAMPLE_DATE)
    assert first == build_draft(example_answers(), EXAMPLE_DATE)
    assert build_draft(example_answers(), date(2027, 1, 2)).footer == "Concept, gemaakt op 2 januari 2027"


@pytest.mark.parametrize("unsafe", ["\u0000", "\u0007", "\u001b", "\ud800", "\u202e", "\ufffe"])
def test_characters_no_document_can_hold_are_dropped(unsafe):
    answers = {**example_answers(), "clause_2_business": f"Vóór{unsafe} de leerbedrijven."}
    draft = build_draft(answers, EXAMPLE_DATE)
    assert "Vóór de leerbedrijven." in clause_texts(draft)["2"]


def test_only_answers_are_marked_as_user_text():
    draft = build_draft(example_answers(), EXAMPLE_DATE)
    assert draft.blocks[0].kind == TITLE and not open_places(draft)
    answer_spans = [s for b in draft.blocks if b.kind == ANSWER_TEXT for s in b.spans]
    assert answer_spans and all(span.kind == "answer" for span in answer_spans)
    assert all(s.kind != OPEN for b in draft.blocks for s in b.spans)


@pytest.mark.parametrize("unsafe", ["\u0000", "\u001b", "\ud800", "\u202e", "\ufffe", "\uffff"])
def test_one_line_answers_lose_what_no_document_can_hold(unsafe):
    party = f"Stichting{unsafe} Noord"
    checked = check_answer(load_catalogue().get("vmbo_parties"), party)
    assert checked.ok
    answers = {**example_answers(), "vmbo_parties": checked.value, "signing_place": f"Zwolle{unsafe}",
               "signatories": [{"name": f"J.{unsafe} de Vries", "position": "rector"}]}
    draft = build_draft(answers, EXAMPLE_DATE)
    texts = docx_texts(to_docx(draft))
    assert "Stichting Noord" in texts and "Namens Stichting Noord" in texts
    assert any(text.startswith("Aldus overeengekomen en ondertekend te Zwolle op") for text in texts)
    assert "Naam: J. de Vries" in texts
    assert unsafe not in draft.plain_text()


def test_answer_spans_mark_open_and_skipped_places():
    assert answer_span(None) == Span(PLACEHOLDER, OPEN)
    assert answer_span(PLACEHOLDER) == Span(PLACEHOLDER, OPEN)
    assert answer_span(NOT_APPLICABLE) == Span(NOT_APPLICABLE, NOT_USED)
    assert answer_span("  Zwolle \n Noord ") == Span("Zwolle Noord", ANSWER)
    assert answer_lines("\u0007\n \n") == [Span(PLACEHOLDER, OPEN)]
    assert answer_lines("Een.\r\nTwee.\rDrie.") == [Span("Een.", ANSWER), Span("Twee.", ANSWER),
                                                     Span("Drie.", ANSWER)]


def test_plain_text_starts_with_title_and_footer_and_keeps_every_block():
    draft = build_draft(example_answers(), EXAMPLE_DATE)
    lines = draft.plain_text().split("\n")
    assert lines[:2] == [draft.title, draft.footer] and len(lines) == len(draft.blocks) + 2
    assert lines[2] == draft.title


def test_the_gaps_are_listed_with_commas():
    answers = {**example_answers(), "clause_5_transfer_option": PLACEHOLDER, "clause_8_disputes": None}
    text = build_draft(answers, EXAMPLE_DATE).plain_text()
    assert "f, i" in text and "XX" not in text


def test_unknown_or_missing_choices_take_the_agreement_and_the_route():
    expected = build_draft(example_answers(), EXAMPLE_DATE).title
    for odd in ({"route_type": "iets anders"}, {"route_type": None, "same_authority": None}):
        assert build_draft({**example_answers(), **odd}, EXAMPLE_DATE).title == expected
    assert build_draft({}, EXAMPLE_DATE).title == expected


def test_an_unanswered_clause_is_an_open_place_and_no_label_reads_none():
    draft = build_draft({**example_answers(), "clause_8_disputes": None}, EXAMPLE_DATE)
    assert clause_texts(draft)["8"][1:] == [PLACEHOLDER]
    assert not any(line.startswith("None") for line in draft.plain_text().split("\n"))


def test_the_completeness_check_judges_the_answers_on_the_draft_s_own_catalogue():
    from bot.interview.catalogue import Catalogue

    class WithoutDisputes(Catalogue):
        """The catalogue, with clause 8 never asked."""

        def applicable(self, answers):
            return [step for step in super().applicable(answers) if step.key != "clause_8_disputes"]

    full = build_draft(example_answers(), EXAMPLE_DATE).plain_text()
    narrow = build_draft(example_answers(), EXAMPLE_DATE, catalogue=WithoutDisputes(load_catalogue().steps))
    assert "i. geschilbeslechting: nog in te vullen" not in full
    assert "Nog niet ingevuld: i." in narrow.plain_text()


def test_a_text_whose_variants_the_answers_do_not_choose_has_no_text():
    from bot.draft.document import Builder

    builder = Builder(example_answers(), load_catalogue(), load_format())
    unchosen = {"no_such_variant": "Een tekst."}
    assert builder.pick(unchosen) is None
    assert builder.fixed(unchosen) == ((), False)
    assert builder.fixed({"no_such_variant": "x"}, name=Span("y")) == ((), False)
