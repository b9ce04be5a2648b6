"""Wrapped lines of a PDF or pasted text joined into paragraphs; the parties and the kind of
document read from them."""

from io import BytesIO

import docx

from bot.agreement.check import check_document, check_pasted_text
from bot.agreement.facts import AGREEMENT, INTEGRATED, INTERNAL, MBO, OTHER, UNKNOWN, VMBO, _name, _side
from bot.agreement.checker import is_status_line
from bot.agreement.reading import CHARS_PER_PAGE, DOCX, TEXT, Limits, Line, RawDocument, read_text
from bot.agreement.structure import (
    MAX_HEADING_CHARS, MAX_HEADING_WORDS, SHORT_LINE_SHARE, _is_heading_text, _join_wrapped, _Paragraph,
    split_passages,
)

WRAPPED = "De route start in het vmbo-profiel Zorg en welzijn en loopt door naar het"  # 73 characters


def paragraphs(*texts: str, page: int = 1):
    return [(p.text, p.page) for p in _join_wrapped([Line(text, page) for text in texts])]


def test_a_paragraph_is_its_lines_joined_with_single_spaces_and_plain_fields():
    joined = _join_wrapped([Line(WRAPPED, 1), Line("mbo op beide locaties.", 1)])
    assert joined == [_Paragraph(WRAPPED + " mbo op beide locaties.", 1, 0, "")]


def test_no_lines_or_only_blank_ones_give_no_paragraph():
    assert _join_wrapped([]) == [] and _join_wrapped([Line("", 1), Line("   ", 1)]) == []


def test_a_short_line_ends_its_paragraph_and_a_long_one_without_an_end_does_not():
    assert paragraphs(WRAPPED, "Kort en zonder punt", WRAPPED, WRAPPED + ".") == [
        (WRAPPED + " Kort en zonder punt", 1), (WRAPPED + " " + WRAPPED + ".", 1)]


def test_a_line_of_exactly_the_short_share_does_not_end_its_paragraph():
    usual = "Leerlingen van de route krijgen les op de locaties van de school en het ROC"
    assert len(usual) == 75  # so that the share is a whole number of characters
    least = "x" * round(SHORT_LINE_SHARE * len(usual))
    assert len(least) == SHORT_LINE_SHARE * len(usual)
    assert paragraphs(usual, least, usual) == [(f"{usual} {least} {usual}", 1)]
    assert paragraphs(usual, least[1:], usual) == [(f"{usual} {least[1:]}", 1), (usual, 1)]


def test_a_long_line_ending_a_sentence_ends_its_paragraph():
    assert paragraphs(WRAPPED + ".", WRAPPED + ".") == [(WRAPPED + ".", 1), (WRAPPED + ".", 1)]


def test_a_continuation_that_starts_with_a_capital_stays_in_its_paragraph():
    assert paragraphs(WRAPPED, WRAPPED, "ROC Zuid en de school, op beide locaties van de route in de regio.") == [
        (f"{WRAPPED} {WRAPPED} ROC Zuid en de school, op beide locaties van de route in de regio.", 1)]


def test_a_heading_line_stands_alone_before_a_capital_but_a_numbered_sentence_start_does_not():
    assert paragraphs("Onderwijsprogramma", WRAPPED + ".")[0] == ("Onderwijsprogramma", 1)
    assert paragraphs("1 inleiding en doel van de samenwerking tussen",
                      "Route werken samen aan de overgang naar het mbo.") == [
        ("1 inleiding en doel van de samenwerking tussen Route werken samen aan de overgang naar het mbo.", 1)]


def test_articles_parts_list_items_and_markdown_headings_each_start_a_paragraph():
    for start in ("Artikel 2 Bedrijfsleven en de regio", "2.1 Het bedrijfsleven adviseert de route",
                  "b. Het bedrijfsleven adviseert de route", "- Het bedrijfsleven adviseert de route",
                  "## Bedrijfsleven", "3. Het bedrijfsleven adviseert de route"):
        assert paragraphs(WRAPPED, start)[0] == (WRAPPED, 1), start


def test_a_word_broken_at_its_hyphen_is_joined_even_before_a_capital_inside_it():
    assert paragraphs("Leerlingen gebruiken in de lessen van de route op beide locaties hun school-",
                      "iPads en de laptops van de instelling.") == [
        ("Leerlingen gebruiken in de lessen van de route op beide locaties hun school-iPads en de "
         "laptops van de instelling.", 1)]


def test_a_paragraph_keeps_the_page_it_starts_on():
    lines = [Line(WRAPPED, 1), Line("mbo op beide locaties van de route in de regio Zwolle.", 2)]
    assert [p.page for p in _join_wrapped(lines)] == [1]


def test_a_line_on_half_of_the_pages_is_a_running_header():
    lines = [Line("Concept", page) for page in (1, 2)]
    lines += [Line(f"{WRAPPED} {page}.", page) for page in (1, 2, 3, 4)]
    assert [p.text for p in _join_wrapped(lines)] == [f"{WRAPPED} {page}." for page in (1, 2, 3, 4)]


def test_a_name_runs_to_the_first_word_that_is_no_part_of_one():
    assert _name("Stichting 2College te Tilburg") == "Stichting 2College"
    assert _name("Stichting Onderwijs van de regio") == "Stichting Onderwijs"
    assert _name("Stichting ROC Zuid.") == "Stichting ROC Zuid"
    assert _name("Stichting Scholengroep X") == "Stichting Scholengroep X"
    assert _name("Stichting ROC Zuid gevestigd te Breda") == "Stichting ROC Zuid"


def test_the_side_of_a_party_comes_from_its_name_else_from_unambiguous_context():
    assert _side("Stichting Westland", "bevoegd gezag van de instelling voor beroepsonderwijs") == MBO
    assert _side("Stichting Westland", "bevoegd gezag van de vmbo-school") == VMBO
    assert _side("Stichting Westland", "namens partijen") == OTHER
    assert _side("Stichting Westland", "de school en het mbo") == OTHER


PREAMBLE = """Samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo

Stichting Alfa, hierna: de school, vertegenwoordigd door het bestuur van Stichting Alfa, Stichting Beta, hierna: de instelling, Stichting Gamma Noord, hierna: de instelling.

Artikel 1 Onderwijsprogramma
De route loopt van het profiel Zorg en welzijn naar de kwalificatie Helpende zorg en welzijn.
Stichting Kinderopvang Zonnebloem verzorgt de opvang na schooltijd.
"""


def test_the_parties_are_those_the_preamble_names_each_once_with_the_side_its_words_give():
    parties = check_pasted_text(PREAMBLE).facts.parties
    assert [(p.name, p.side) for p in parties] == [
        ("Stichting Alfa", VMBO), ("Stichting Beta", MBO), ("Stichting Gamma Noord", MBO)]


def _word_file(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    output = BytesIO()
    document.save(output)
    return output.getvalue()


BODY = "De stuurgroep bestaat uit de beide directeuren en wordt benoemd door de besturen."


def test_the_kind_is_read_across_paragraph_breaks_in_the_title_and_in_the_text():
    title_broken = _word_file("Interne", "regeling doorlopende leerroute vmbo-mbo", BODY)
    assert check_document(title_broken).facts.kind == INTERNAL
    text_broken = _word_file("Afspraken over de route", "Inleiding", "Kader", "Opzet",
                             "Deze afspraken vormen samen de interne", "regeling van de stichting.", BODY)
    assert check_document(text_broken).facts.kind == INTERNAL


def _funding(articles: str):
    return check_pasted_text(PREAMBLE.split("Artikel 1")[0] + articles).facts.funding


def test_funding_said_to_be_transferred_without_an_amount_is_transferred():
    funding = _funding("Artikel 6 Financiën\nDe school betaalt de instelling voor de lessen die zij verzorgt.\n")
    assert funding.transferred is True and funding.amount == ()


def test_funding_not_spoken_of_is_not_known():
    assert _funding("Artikel 8 Geschillen\nEen geschil gaat naar een mediator die partijen kiezen.\n").transferred is None


def test_at_most_two_passages_are_kept_for_the_amount_and_for_the_destination():
    lines = "".join(f"{n}. De school draagt EUR {n}00 per leerling over, bestemd voor de inzet van docenten.\n"
                    for n in (1, 2, 3))
    funding = _funding("Artikel 6 Financiën\n" + lines)
    assert [e.place for e in funding.amount] == ["artikel 6, lid 1", "artikel 6, lid 2"]
    assert [e.place for e in funding.destination] == ["artikel 6, lid 1", "artikel 6, lid 2"]


def test_passages_before_the_first_article_belong_to_no_article_part_heading_or_annex():
    first = split_passages(RawDocument(TEXT, [Line("Stichting Alfa en Stichting Beta spreken het volgende af.")]))[0]
    assert (first.article, first.part, first.heading, first.annex) == ("", "", "", False)


def test_an_annex_starts_without_article_or_part_and_an_empty_markdown_heading_is_passed_over():
    passages = check_pasted_text(PREAMBLE.split("Artikel 1")[0] + """##

**Artikel 8 Geschilbeslechting**
a. Een geschil gaat naar een mediator die partijen samen kiezen.

Bijlage 1 Begroting
Het budget voor de route is vastgesteld door beide besturen samen.
""")
    found = {f.topic: f for f in passages.findings}
    assert found["i"].evidence[0].place == "artikel 8a"
    annex = split_passages(RawDocument(TEXT, [
        Line("Artikel 8 Geschillen"), Line("a. Een geschil gaat naar een mediator."), Line(""),
        Line("Bijlage 1 Begroting"), Line("Het budget voor de route is vastgesteld door beide besturen.")]))
    assert [(p.article, p.part, p.annex) for p in annex[-2:]] == [("", "", True), ("", "", True)]


def test_word_numbering_makes_an_article_of_a_heading_and_no_part_before_the_first_article():
    passages = split_passages(RawDocument(DOCX, [
        Line("Partijen spreken af dat zij samen een doorlopende leerroute verzorgen voor de regio.", number="1"),
        Line("Geschillen", number="2"),
        Line("Een geschil wordt voorgelegd aan een mediator binnen zes weken."),
        Line("Overige afspraken", heading_level=2),
        Line("Partijen evalueren de samenwerking elk jaar samen."),
    ]))
    assert [(p.article, p.part, p.is_heading) for p in passages] == [
        ("", "", False), ("2", "", True), ("2", "", False), ("", "", True), ("", "", False)]


def test_a_heading_has_at_most_ten_words_and_ninety_characters():
    assert _is_heading_text(" ".join(["Woord"] * MAX_HEADING_WORDS))
    assert not _is_heading_text(" ".join(["Woord"] * (MAX_HEADING_WORDS + 1)))
    longest = "Samenwerking" + "x" * (MAX_HEADING_CHARS - len("Samenwerking"))
    assert _is_heading_text(longest) and not _is_heading_text(longest + "x")


def test_a_lettered_status_line_counts_whatever_it_calls_the_topic():
    assert is_status_line("h. iets heel anders: ontbreekt")
    assert not is_status_line("iets heel anders: ontbreekt")


def test_a_text_of_exactly_the_page_limit_is_read():
    text = ("Partijen werken samen. " * 200)[:CHARS_PER_PAGE]
    assert len(text) == CHARS_PER_PAGE and read_text(text, Limits(max_pages=1)).lines


def test_the_title_decides_the_kind_and_route_before_the_text_does():
    agreement = _word_file("Samenwerkingsovereenkomst", "Inleiding", "Kader", BODY,
                           "Dit komt in plaats van de interne regeling van 2019.")
    assert check_document(agreement).facts.kind == AGREEMENT
    integrated = _word_file("Geïntegreerd", "onderwijsprogramma binnen de doorlopende leerroute", BODY)
    assert check_document(integrated).facts.route == INTEGRATED


def test_an_agreement_named_only_in_the_text_is_one_and_a_text_naming_none_is_unknown():
    named_later = _word_file("Afspraken over de route", "Inleiding", "Kader", "Opzet",
                             "Deze overeenkomst geldt voor vier jaar.", BODY)
    assert check_document(named_later).facts.kind == AGREEMENT
    assert check_document(_word_file("Afspraken over de route", BODY)).facts.kind == UNKNOWN


def test_an_article_keeps_its_letter_in_lower_case_and_a_text_on_its_line_has_no_heading():
    passages = split_passages(RawDocument(TEXT, [
        Line("Artikel 4A Locaties"), Line("De lessen worden gegeven op beide locaties van de route."), Line(""),
        Line("Artikel 8 Geschillen tussen partijen worden eerst in de stuurgroep besproken en daarna aan "
             "een mediator voorgelegd.")]))
    assert [(p.article, p.heading) for p in passages] == [("4a", "Locaties"), ("4a", "Locaties"), ("8", "")]
