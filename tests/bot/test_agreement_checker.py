"""Splitting agreements into articles and judging topics a-j, on short synthetic agreements."""

from datetime import date

import pytest

from bot.agreement.check import check_document, check_pasted_text
from bot.agreement import messages
from bot.agreement.checker import (
    COVERED, MAX_QUOTE_CHARS, MISSING, NOT_APPLICABLE, PARTLY, UNSURE, Evidence, is_status_line, quote,
    read_passages,
    topic_passages,
)
from bot.agreement.facts import CONTINUOUS, INTEGRATED, INTERNAL, MBO, VMBO
from bot.agreement.reading import PDF, Line, RawDocument, TEXT
from bot.agreement.structure import Passage, plain, split_passages
from bot.agreement.topics import boilerplate, load_topics, normalise, term_pattern, without_boilerplate
from bot.draft.document import build_draft
from bot.draft.example import EXAMPLE_DATE, example_answers
from bot.draft.markdown import to_markdown
from bot.draft.word import to_docx
from bot.interview.catalogue import LEGAL_TOPICS, load_catalogue
from bot.interview.model import PLACEHOLDER

PARTIES = """Samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo

Stichting Voortgezet Onderwijs De Brug, bevoegd gezag van de vmbo-school, hierna: de school,
en
Stichting ROC Westland, hierna: de instelling,

verklaren te zijn overeengekomen:
"""


def statuses(text: str) -> dict:
    return {f.topic: f.status for f in check_pasted_text(text).findings}


def finding(text: str, topic: str):
    return next(f for f in check_pasted_text(text).findings if f.topic == topic)


# Structure ------------------------------------------------------------------------------------

def _text(*lines: str) -> RawDocument:
    return RawDocument(TEXT, [Line(line) for line in lines])


def test_articles_parts_and_lids_give_each_passage_its_place():
    passages = split_passages(_text(
        "Artikel 3 Inzet leiding en verantwoording", "a. De stuurgroep bestaat uit twee leden.",
        "b. De stuurgroep rapporteert jaarlijks aan beide besturen.", "",
        "4.2 De docenten vormen een team en gebruiken de teambevoegdheid.", "",
        "Art. 5: Overstap", "2. Een leerling kan naar een andere opleiding overstappen.",
    ))
    placed = [(p.text, p.place) for p in passages if not p.is_heading]
    assert placed == [
        ("De stuurgroep bestaat uit twee leden.", "artikel 3a"),
        ("De stuurgroep rapporteert jaarlijks aan beide besturen.", "artikel 3b"),
        ("De docenten vormen een team en gebruiken de teambevoegdheid.", "artikel 4, lid 2"),
        ("Een leerling kan naar een andere opleiding overstappen.", "artikel 5, lid 2"),
    ]
    assert passages[0].heading == "Inzet leiding en verantwoording"


def test_the_formats_numbered_headings_and_plain_headings_are_articles_and_sections():
    passages = split_passages(_text(
        "1. De betreffende doorlopende leerroute vmbo-mbo",
        "Het profiel is Zorg en welzijn en de kwalificatie is Helpende (niveau 2).", "",
        "Geschilbeslechting", "Een geschil wordt voorgelegd aan een mediator.", "",
        "Bijlage 1 Financiën", "De school betaalt EUR 500 per leerling.",
    ))
    assert [p.place for p in passages if not p.is_heading] == [
        "artikel 1", "onder het kopje \u201cGeschilbeslechting\u201d",
        "onder het kopje \u201cBijlage 1 Financi\u00ebn\u201d"]
    assert passages[-1].annex


def test_an_article_with_its_text_on_the_same_line_keeps_the_text():
    passages = split_passages(_text(
        "Artikel 8 Geschillen tussen partijen worden eerst in de stuurgroep besproken en daarna "
        "aan een mediator voorgelegd."))
    assert passages[0].article == "8" and passages[0].text.startswith("Geschillen tussen")


def test_wrapped_pdf_lines_are_joined_and_running_headers_dropped():
    lines = []
    for page in (1, 2, 3):
        lines += [Line("Concept samenwerkingsovereenkomst", page),
                  Line("Artikel %d Onderwerp" % page, page),
                  Line(f"De partijen spreken in deel {page} af dat de leerlingen van de route het-", page),
                  Line(f"zelfde programma {page} volgen op beide locaties van de school.", page),
                  Line("Pagina %d van 3" % page, page)]
    passages = split_passages(RawDocument(PDF, lines, 3))
    texts = [p for p in passages if not p.is_heading]
    assert len(texts) == 3 and "Concept" not in " ".join(p.text for p in passages)
    assert texts[1].text.endswith("het-zelfde programma 2 volgen op beide locaties van de school.")
    assert texts[1].place == "artikel 2 (pagina 2)"


def test_word_list_numbering_makes_articles_and_parts():
    import docx
    from io import BytesIO

    document = docx.Document()
    document.add_paragraph("Geschillen", style="List Number")
    document.add_paragraph("Een geschil wordt voorgelegd aan een mediator binnen zes weken.")
    output = BytesIO()
    document.save(output)
    result = check_document(output.getvalue())
    i = next(f for f in result.findings if f.topic == "i")
    assert i.status == COVERED and i.evidence[0].place == "artikel 1"


def test_markdown_of_a_pasted_text_is_read_as_plain_text():
    assert plain("> **a.** De leiding") == "a. De leiding"
    assert plain(r"Stichting De Brug\*\*") == "Stichting De Brug**"
    assert plain("- een *nadruk* en 3 * 4") == "- een nadruk en 3 * 4"


def test_a_place_without_article_or_heading_is_a_paragraph_number():
    assert Passage("tekst", 4).place == "alinea 5"
    assert Passage("tekst", 0, article="6", page=3).place == "artikel 6 (pagina 3)"


# Topics --------------------------------------------------------------------------------------

def test_topics_a_to_j_come_from_the_catalogue_with_the_laws_text():
    topics = load_topics()
    assert tuple(t.letter for t in topics) == LEGAL_TOPICS
    explanations = " ".join(s.explanation for s in load_catalogue().steps)
    for topic in topics:
        assert topic.law and topic.law in explanations
        assert topic.elements and topic.clauses
    assert next(t for t in topics if t.letter == "j").clauses == ("9", "10")
    assert next(t for t in topics if t.letter == "f").law == "De inhoud van de overstapoptie"


def test_the_laws_text_is_the_catalogues_line_for_the_letter_without_its_trailing_link():
    from bot.agreement.topics import _law_text

    quoted = ("De wet:\nc. De vormgeving van de leiding; en\nd. De verantwoording,\ne. Het personeel;\n"
              "g. Bijlage X")
    assert _law_text("c", ["Iets anders", quoted]) == "De vormgeving van de leiding"
    assert _law_text("d", [quoted]) == "De verantwoording"
    assert _law_text("e", [quoted]) == "Het personeel"
    assert _law_text("g", [quoted]) == "Bijlage X"
    with pytest.raises(ValueError, match="topic f"):
        _law_text("f", [quoted, "f.Zonder spatie"])


def test_the_formats_fixed_texts_leave_out_answers_labels_and_variants():
    from bot.agreement.topics import _format_texts

    node = {"title": "Een vaste zin", "answer": "antwoord", "label": "label", "number": "1",
            "if_yes": "ja", "if_no": "nee", "variants": ["variant"], "terms": ["term"],
            "items": ["Tweede zin", {"text": "Derde zin", "label": "x"}], "count": 3}
    assert list(_format_texts(node)) == ["Een vaste zin", "Tweede zin", "Derde zin"]


def test_terms_match_word_starts_whole_words_and_inside_words():
    assert term_pattern("profiel").search(normalise("de profielen"))
    assert not term_pattern("profiel").search(normalise("vmboprofiel"))
    assert term_pattern("*raad").search(normalise("de studentenraad"))
    assert term_pattern("mr$").search(normalise("de MR stemt"))
    assert not term_pattern("mr$").search(normalise("mrs Jansen"))
    assert term_pattern("X-traject").search(normalise("het x-traject"))
    assert not term_pattern("X-traject").search(normalise("het traject"))
    assert normalise("Het bevoegd gezag betaalt € 5 (10%)") == " het bevoegdgezag betaalt euro 5 10 procent "


def test_the_formats_own_sentences_are_not_an_arrangement():
    fixed = ("Het bedrijfsleven is/wordt als volgt betrokken bij de invulling van dit "
             "onderwijsprogramma:")
    assert without_boilerplate(normalise(fixed)).strip() == ""
    assert len(boilerplate()) > 50
    assert without_boilerplate(normalise(f"{fixed} via een werkveldcommissie.")).split() == [
        "via", "een", "werkveldcommissie"]
    assert without_boilerplate(normalise(PLACEHOLDER)).strip() == ""


# The checker on synthetic agreements -----------------------------------------------------------

def test_the_example_draft_covers_every_topic_in_word_and_in_markdown():
    draft = build_draft(example_answers(), EXAMPLE_DATE)
    for result in (check_document(to_docx(draft)), check_pasted_text(to_markdown(draft))):
        assert [f.status for f in result.findings] == [COVERED] * 10
        assert all(f.evidence for f in result.findings)


def test_open_places_in_a_draft_are_not_covered():
    answers = example_answers()
    answers.update(clause_8_disputes=PLACEHOLDER, clause_9_joining=PLACEHOLDER,
                   clause_6_funding_transfer=False, clause_7_codetermination=None)
    found = {f.topic: f for f in check_document(to_docx(build_draft(answers, date(2026, 1, 1)))).findings}
    assert found["i"].status == MISSING and found["i"].notes  # the heading, nothing under it
    assert found["j"].status == PARTLY
    assert found["j"].missing_elements == (
        "de voorwaarden waaronder een andere school of instelling partij kan worden",)
    assert found["g"].status == NOT_APPLICABLE
    assert found["h"].status == MISSING
    assert found["a"].status == COVERED


def test_an_agreement_with_only_some_topics():
    text = PARTIES + """
Artikel 1 Onderwijsprogramma
De route start in het vmbo-profiel Economie en ondernemen en loopt door naar de mbo-kwalificatie Verkoopmedewerker (niveau 2).

Artikel 2 Bedrijfsleven
Leerbedrijven uit de regio zitten in een adviescommissie die tweemaal per jaar bijeenkomt.

Artikel 5 Geschillen
Bij een geschil overleggen partijen eerst in de stuurgroep; daarna wordt het geschil voorgelegd aan een mediator.
"""
    found = statuses(text)
    assert found == {"a": COVERED, "b": COVERED, "c": MISSING, "d": MISSING, "e": MISSING,
                     "f": MISSING, "g": MISSING, "h": MISSING, "i": COVERED, "j": MISSING}


def test_leadership_without_appointment_is_partly_covered_and_says_what_is_missing():
    text = PARTIES + """
Artikel 3 Leiding
De stuurgroep bestaat uit de teamleiders van beide partijen en is belast met de dagelijkse leiding.
"""
    c = finding(text, "c")
    assert c.status == PARTLY and c.missing_elements == ("de wijze van benoeming",)
    assert c.evidence[0].place == "artikel 3"
    assert c.evidence[0].quote.startswith("De stuurgroep bestaat uit")


def test_an_arrangement_put_off_is_only_partly_covered():
    text = PARTIES + """
Artikel 8 Geschilbeslechting
Hoe een geschil wordt voorgelegd aan een mediator, wordt later vastgesteld.
"""
    i = finding(text, "i")
    assert i.status == PARTLY and any("uit" in note for note in i.notes)
    assert i.notes == (messages.NOTE_DEFERRED,) and [e.place for e in i.evidence] == ["artikel 8"]


def test_elements_spread_over_unrelated_articles_are_unsure_not_covered():
    text = PARTIES + """
Artikel 2 Samenwerking
De stuurgroep bestaat uit de beide directeuren.

Artikel 6 Werkwijze
De stuurgroep wordt benoemd door de besturen.

Artikel 7 Overig
De stuurgroep is belast met de planning van de leiding.
"""
    c = finding(text, "c")
    assert c.status == UNSURE and len(c.evidence) == 3
    assert c.notes == (messages.NOTE_SCATTERED,) and c.missing_elements == ()


def test_codetermination_said_to_be_not_needed_counts_as_dealt_with():
    text = PARTIES + """
Artikel 7 Medezeggenschap
Partijen hebben geen aanvullende afspraken over de medezeggenschap gemaakt.
"""
    assert finding(text, "h").status == COVERED
    h = finding(text, "h")
    assert (h.missing_elements, h.notes) == ((), (messages.NOTE_NO_EXTRA,))
    assert h.evidence == (Evidence(
        "Partijen hebben geen aanvullende afspraken over de medezeggenschap gemaakt.", "artikel 7"),)


def test_codetermination_mentioned_without_an_arrangement_is_unsure():
    text = PARTIES + """
Artikel 7 Medezeggenschap
Voor de leerlingen van de school geldt de WMS, voor de studenten van de instelling de WEB.
"""
    assert finding(text, "h").status == UNSURE
    h = finding(text, "h")
    topic = next(t for t in load_topics() if t.letter == "h")
    assert h.notes == (messages.NOTE_NOT_MADE_UNSURE,)
    assert h.missing_elements == tuple(e.name for e in topic.elements)
    assert [e.place for e in h.evidence] == ["artikel 7"]


def test_an_extra_codetermination_arrangement_is_covered():
    text = PARTIES + """
Artikel 7 Medezeggenschap
In aanvulling op de WMS kan een leerling van de route deelnemen aan de studentenraad van de instelling.
"""
    assert finding(text, "h").status == COVERED


def test_funding_transferred_with_amount_and_destination():
    text = PARTIES + """
Artikel 6 Financiën
De school draagt EUR 1.250 per leerling per schooljaar over aan de instelling.
Deze middelen zijn bestemd voor de inzet van docenten van de instelling.
"""
    result = check_pasted_text(text)
    g = next(f for f in result.findings if f.topic == "g")
    assert g.status == COVERED
    funding = result.facts.funding
    assert funding.transferred is True
    assert "1.250" in funding.amount[0].quote and funding.amount[0].place == "artikel 6"
    assert "bestemd" in funding.destination[0].quote


def test_no_funding_transferred_is_not_applicable():
    text = PARTIES + """
Artikel 6 Financiën
Er wordt geen bekostiging overgedragen tussen partijen.
"""
    result = check_pasted_text(text)
    assert next(f for f in result.findings if f.topic == "g").status == NOT_APPLICABLE
    assert result.facts.funding.transferred is False
    g = next(f for f in result.findings if f.topic == "g")
    assert g.notes == (messages.NOTE_NO_TRANSFER,)
    assert g.evidence == (Evidence("Er wordt geen bekostiging overgedragen tussen partijen.", "artikel 6"),)


def test_joining_termination_and_amendment_with_care_for_pupils_is_covered():
    text = PARTIES + """
Artikel 9 Toetreding
Een andere school kan toetreden als alle partijen schriftelijk instemmen.

Artikel 10 Beëindiging en wijziging
Elke partij kan de overeenkomst opzeggen met een termijn van een schooljaar; leerlingen die al in de route zitten, kunnen de route afronden. Wijzigingen gebeuren schriftelijk.
"""
    j = finding(text, "j")
    assert j.status == COVERED and {e.place for e in j.evidence} == {"artikel 9", "artikel 10"}


def test_a_completeness_line_of_a_draft_is_no_arrangement():
    assert is_status_line("h. aanvullende afspraken over medezeggenschap: ontbreekt")
    assert is_status_line("- c. vormgeving van de leiding: ingevuld")
    assert not is_status_line("h. Partijen spreken af: de studentenraad is open voor leerlingen.")
    # The same line in a Word list whose letters are the list's numbering.
    assert is_status_line("toetreding, opzegging en wijziging: nog in te vullen")
    assert not is_status_line("Overdracht bekostiging: niet van toepassing")


def test_a_long_passage_is_quoted_by_its_most_relevant_sentences():
    text = ("Dit is een inleidende zin zonder belang voor het onderwerp. " * 6
            + "Een geschil wordt voorgelegd aan een mediator. " + "Nog een zin. " * 10)
    quoted = quote(text, ["mediator", "geschil"])
    assert "mediator" in quoted and len(quoted) <= 320 and "\u2026" in quoted


# Facts ----------------------------------------------------------------------------------------

def test_parties_and_their_sides_are_found_in_the_preamble():
    facts = check_pasted_text(PARTIES + "\nArtikel 1 Programma\nHet profiel is Groen.").facts
    assert facts.names(VMBO) == ["Stichting Voortgezet Onderwijs De Brug"]
    assert facts.names(MBO) == ["Stichting ROC Westland"]
    assert facts.kind == "agreement" and facts.route == CONTINUOUS and not facts.is_addendum


def test_an_interne_regeling_and_an_integrated_programme_are_recognised():
    text = ("Interne regeling geïntegreerd onderwijsprogramma\n\n"
            "Stichting AOC Groenland, bevoegd gezag van het vmbo en het mbo,\n\n"
            "legt in deze interne regeling het volgende vast:\n\nArtikel 1\nHet profiel is Groen.")
    facts = check_pasted_text(text).facts
    assert facts.kind == INTERNAL and facts.route == INTEGRATED
    assert facts.names(MBO) == ["Stichting AOC Groenland"]


def test_the_result_as_json_carries_every_finding_and_fact_under_its_own_name():
    from bot.agreement.check import CheckResult
    from bot.agreement.checker import Evidence, TopicFinding
    from bot.agreement.facts import Facts, Funding, Party

    quote = Evidence("De school draagt 1.250 euro over.", "artikel 3")
    use = Evidence("Het bedrag gaat naar maatwerk.", "artikel 4")
    findings = (
        TopicFinding("a", "profiel", "De wet over a", MISSING, (), ("het vmbo-profiel",), ()),
        TopicFinding("g", "bekostiging", "De wet over g", COVERED, (quote,), (), ("let op",)),
        TopicFinding("h", "medezeggenschap", "De wet over h", NOT_APPLICABLE),
        TopicFinding("j", "looptijd", "De wet over j", PARTLY),
    )
    facts = Facts((Party("Stichting A", VMBO), Party("ROC B", MBO)), "agreement", True, INTEGRATED,
                  Funding(True, (quote,), (use,)))
    result = CheckResult("pdf", findings, facts)
    assert result.letters(MISSING, PARTLY) == ["a", "j"] and result.to_complete == ["a", "j"]
    assert result.as_json() == {
        "file_type": "pdf", "covered": ["g"], "missing": ["a"], "to_complete": ["a", "j"],
        "topics": [
            {"topic": "a", "name": "profiel", "status": MISSING, "status_text": "ontbreekt",
             "evidence": [], "missing_elements": ["het vmbo-profiel"], "notes": [], "law": "De wet over a"},
            {"topic": "g", "name": "bekostiging", "status": COVERED, "status_text": "geregeld",
             "evidence": [{"quote": "De school draagt 1.250 euro over.", "place": "artikel 3"}],
             "missing_elements": [], "notes": ["let op"], "law": "De wet over g"},
            {"topic": "h", "name": "medezeggenschap", "status": NOT_APPLICABLE,
             "status_text": "niet van toepassing", "evidence": [], "missing_elements": [], "notes": [],
             "law": "De wet over h"},
            {"topic": "j", "name": "looptijd", "status": PARTLY, "status_text": "deels geregeld",
             "evidence": [], "missing_elements": [], "notes": [], "law": "De wet over j"},
        ],
        "facts": {
            "parties": [{"name": "Stichting A", "side": VMBO}, {"name": "ROC B", "side": MBO}],
            "kind": "agreement", "is_addendum": True, "route": INTEGRATED,
            "funding": {
                "transferred": True,
                "amount": [{"quote": "De school draagt 1.250 euro over.", "place": "artikel 3"}],
                "destination": [{"quote": "Het bedrag gaat naar maatwerk.", "place": "artikel 4"}],
            },
        },
    }


def test_an_uploaded_document_and_pasted_text_are_checked_alike():
    text = PARTIES + "\nArtikel 8 Geschillen\nEen geschil wordt voorgelegd aan een mediator.\n"
    pasted = check_pasted_text(text)
    uploaded = check_document(text.encode("utf-8"))
    assert pasted.findings == uploaded.findings and pasted.facts == uploaded.facts
    assert pasted.file_kind == TEXT


def test_the_limits_given_apply_to_an_upload_and_to_pasted_text():
    from bot.agreement.reading import Limits, Unreadable

    text = PARTIES + "\nArtikel 8 Geschillen\nEen geschil wordt voorgelegd aan een mediator.\n"
    with pytest.raises(Unreadable) as uploaded:
        check_document(text.encode("utf-8"), Limits(max_bytes=100))
    with pytest.raises(Unreadable) as pasted:
        check_pasted_text(text, Limits(max_pages=0))
    assert (uploaded.value.reason, pasted.value.reason) == ("too_large", "too_many_pages")


def test_an_addendum_is_recognised_as_one():
    text = ("Aanvulling op de samenwerkingsovereenkomst doorlopende leerroute\n\n"
            "Stichting Scholengroep Noord en Stichting ROC Zuid vullen hun overeenkomst aan.\n\n"
            "Artikel 1\nEen geschil wordt voorgelegd aan een mediator.")
    facts = check_pasted_text(text).facts
    assert facts.is_addendum and facts.kind == "agreement"
    assert facts.names(VMBO) == ["Stichting Scholengroep Noord"]


def test_the_result_as_json_names_covered_missing_and_to_complete():
    payload = check_pasted_text(PARTIES + """
Artikel 8 Geschillen
Een geschil wordt voorgelegd aan een mediator.
""").as_json()
    assert payload["covered"] == ["i"] and "a" in payload["missing"]
    assert payload["to_complete"] == [t for t in LEGAL_TOPICS if t != "i"]
    assert payload["topics"][8]["evidence"][0] == {
        "quote": "Een geschil wordt voorgelegd aan een mediator.", "place": "artikel 8"}
    assert payload["topics"][0]["status_text"] == "ontbreekt"
    assert payload["facts"]["parties"][1] == {"name": "Stichting ROC Westland", "side": "mbo"}


# Whole findings: status, evidence, what is missing and the notes, for each way a topic ends.

def test_a_missing_topic_lists_every_element_and_notes_a_heading_only_when_there_is_one():
    topics = {topic.letter: topic for topic in load_topics()}
    c = finding(PARTIES, "c")
    assert (c.status, c.evidence, c.notes) == (MISSING, (), ())
    assert c.missing_elements == tuple(element.name for element in topics["c"].elements)
    h = finding(PARTIES + "\nArtikel 7 Aanvullende afspraken t.a.v. geldende medezeggenschap-regime (optioneel)\n", "h")
    assert (h.status, h.notes) == (MISSING, (messages.NOTE_HEADING_ONLY,))
    # The format's own title (a sentence of the format) as the only heading still counts.
    a = finding(PARTIES + "\nArtikel 1 De betreffende doorlopende leerroute vmbo-mbo\n\nArtikel 8 Geschillen\n"
                "Een geschil gaat naar een mediator die partijen samen kiezen.\n", "a")
    assert (a.status, a.notes) == (MISSING, (messages.NOTE_HEADING_ONLY,))


def test_a_covered_topic_quotes_each_of_its_passages_once_in_order():
    c = finding(PARTIES + """
Artikel 3 Leiding
a. De stuurgroep bestaat uit de beide directeuren.
b. De stuurgroep wordt benoemd door de besturen en is belast met de dagelijkse leiding.
c. De stuurgroep vergadert zes keer per jaar op wisselende locaties.
""", "c")
    assert c.status == COVERED
    assert [e.place for e in c.evidence] == ["artikel 3a", "artikel 3b", "artikel 3c"]


def test_a_passage_of_exactly_the_least_number_of_own_words_counts():
    i = finding(PARTIES + "\nArtikel 8 Geschilbeslechting\nEen mediator beslecht geschillen.\n", "i")
    assert i.status != MISSING and i.evidence[0].quote == "Een mediator beslecht geschillen."


def test_of_two_articles_with_as_many_elements_the_one_with_fewer_passages_is_shown():
    c = finding(PARTIES + """
Artikel 2 Samenwerking
De stuurgroep bestaat uit de beide directeuren.

Artikel 6 Werkwijze
a. De stuurgroep wordt benoemd door de besturen.
b. De stuurgroep vergadert zes keer per jaar op wisselende locaties.
""", "c")
    assert c.status == PARTLY and [e.place for e in c.evidence] == ["artikel 2"]


def test_a_long_passage_is_quoted_by_its_sentences_with_the_topics_words():
    filler = "Partijen werken al jaren prettig samen in de regio en kennen elkaar goed van eerdere projecten. "
    c = finding(PARTIES + "\nArtikel 3 Leiding\n" + filler * 3
                + "De besturen wijzen samen een kernteam aan dat bestaat uit twee teamleiders.\n", "c")
    assert "De besturen wijzen samen een kernteam aan" in c.evidence[0].quote


def test_a_topic_without_passages_rests_on_none():
    reads = read_passages(split_passages(_text("Artikel 1 Onderwijsprogramma", "Het profiel Zorg en welzijn.")))
    assert topic_passages(next(t for t in load_topics() if t.letter == "c"), reads) == []


def _sentence(length: int, words: str) -> str:
    """A sentence of exactly ``length`` characters: the words, filled up, and a full stop."""
    fill = length - len(words) - 2
    assert fill >= 1
    return f"{words} {'x' * fill}."


def test_a_text_of_exactly_the_longest_quote_is_quoted_whole():
    text = _sentence(160, "Een geschil gaat naar een mediator") + " " + _sentence(159, "Daarna beslist de rechter")
    assert len(text) == MAX_QUOTE_CHARS and quote(text, ["mediator"]) == text


def test_the_sentences_with_most_terms_are_quoted_in_document_order_up_to_the_longest_quote():
    first = _sentence(114, "Partijen werken samen")  # no term: chosen last, and it just fits
    second = _sentence(100, "Een geschil gaat naar een mediator")
    third = _sentence(100, "Een geschil gaat eerst naar een mediator, daarna naar de rechter")
    last = _sentence(100, "Tot slot nog iets")
    quoted = quote(" ".join([first, second, third, last]), ["mediator", "rechter"])
    assert quoted == f"{first} \u2026 {second} \u2026 {third}" and len(quoted) == MAX_QUOTE_CHARS


def test_a_sentence_too_long_for_the_quote_is_passed_over_for_a_shorter_one():
    best = _sentence(150, "Een geschil gaat eerst naar een mediator, daarna naar de rechter")
    long = _sentence(200, "Een geschil gaat naar een mediator")
    short = _sentence(40, "Partijen werken samen")
    assert quote(" ".join([best, long, short]), ["mediator", "rechter"]) == f"{best} \u2026 {short}"


def test_one_sentence_longer_than_the_quote_is_cut_at_a_space():
    text = ("Abcdefghi " * 40).strip() + "."  # a space at every tenth character
    assert quote(text) == text[:MAX_QUOTE_CHARS - 1] + " \u2026"


def test_evidence_quotes_the_sentences_with_the_topics_element_words_not_only_its_name():
    anchored = _sentence(150, "De stuurgroep vergadert op wisselende locaties in de regio")
    elements = _sentence(150, "Zij worden door de besturen benoemd en zijn belast met de planning")
    anchored_again = _sentence(150, "De stuurgroep houdt een verslag bij van haar vergaderingen")
    c = finding(PARTIES + "\nArtikel 3 Leiding\n" + " ".join([anchored, elements, anchored_again]) + "\n", "c")
    assert c.evidence[0].quote == f"{anchored} \u2026 {elements}"


def test_a_partly_covered_topic_names_every_missing_element_and_what_is_put_off():
    c = finding(PARTIES + """
Artikel 3 Leiding
De stuurgroep bestaat uit de beide directeuren; de rest wordt later vastgesteld.
""", "c")
    missing = ("de wijze van benoeming", "de taken en bevoegdheden van de leiding")
    assert (c.status, c.missing_elements) == (PARTLY, missing)
    assert c.notes == (messages.NOTE_MISSING_ELEMENTS.format(elements="; ".join(missing)), messages.NOTE_DEFERRED)
