"""The check's report in Markdown and Word: every topic, the quotes as text, never markup."""

from datetime import date

from bot.agreement import messages
from io import BytesIO

import docx

from bot.agreement.check import check_document, check_pasted_text
from bot.agreement.report import to_docx, to_markdown
from tests.conftest import docx_texts

HOSTILE = """Samenwerkingsovereenkomst

Stichting De Brug <b>&</b> Co, hierna: de school, en Stichting ROC West_Brabant*, hierna: de instelling.

Artikel 8 Geschillen
Een geschil wordt *direct* voorgelegd aan een mediator: <script>alert(1)</script> {{ 7*7 }}.

Artikel 6 Financiën
De school draagt EUR 1.250 per leerling over aan de instelling; de middelen zijn bestemd voor docenten.
"""
MADE_ON = date(2026, 12, 1)


def hostile_word_file() -> bytes:
    document = docx.Document()
    for line in HOSTILE.splitlines():
        document.add_paragraph(line)
    output = BytesIO()
    document.save(output)
    return output.getvalue()


def test_the_markdown_report_has_every_topic_with_status_evidence_and_the_law():
    markdown = to_markdown(check_pasted_text(HOSTILE), MADE_ON)
    for letter in "abcdefghij":
        assert f"\n### {letter}. " in markdown
    assert markdown.count("**Oordeel:** geregeld") == 2  # g and i
    assert "*(artikel 8)*" in markdown
    assert "**Wat de wet vraagt:**" in markdown and "De wijze van geschilbeslechting" not in markdown
    assert "> Het profiel en het aanverwante opleidingsdomein" in markdown
    assert "2 van de 10 onderwerpen zijn geregeld. Aan te vullen of te controleren: a, b, c" in markdown
    assert "**Overdracht van bekostiging:** Ja, er wordt bekostiging overgedragen." in markdown


def test_document_text_never_becomes_markup_in_markdown():
    markdown = to_markdown(check_document(hostile_word_file()), MADE_ON)
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    assert "\\*direct\\*" in markdown
    assert "(vmbo):** Stichting De Brug\n" in markdown
    assert "(mbo):** Stichting ROC West\\_Brabant\\*\n" in markdown


def test_the_word_report_holds_the_same_text_as_plain_runs():
    data = to_docx(check_document(hostile_word_file()), MADE_ON)
    texts = docx_texts(data)
    joined = "\n".join(texts)
    assert messages.REPORT_TITLE in texts
    assert "Een geschil wordt *direct* voorgelegd aan een mediator: <script>alert(1)</script> {{ 7*7 }}. (artikel 8)" in texts
    assert "Oordeel: ontbreekt" in joined and "Oordeel: geregeld" in joined
    assert "Bevoegd gezag van de instelling (mbo): Stichting ROC West_Brabant*" in texts


def _small_result(facts=None):
    from bot.agreement.check import CheckResult
    from bot.agreement.checker import COVERED, NOT_APPLICABLE, PARTLY, Evidence, TopicFinding
    from bot.agreement.facts import INTEGRATED, MBO, OTHER, VMBO, Facts, Funding, Party

    findings = (
        TopicFinding("g", "bekostiging", "De wet over g", COVERED,
                     (Evidence("De school *draagt* over.\nPer jaar.", "artikel 3"),)),
        TopicFinding("h", "medezeggenschap", "De wet over h", NOT_APPLICABLE),
        TopicFinding("j", "looptijd", "De wet over j", PARTLY, (), (), ("Een noot.",)),
    )
    facts = facts or Facts(
        (Party("Stichting A", VMBO), Party("ROC B", MBO), Party("Gemeente C", OTHER)), "agreement", True,
        INTEGRATED, Funding(True, (Evidence("EUR 5", ""),), ()))
    return CheckResult("pdf", findings, facts)


def test_the_markdown_report_of_a_small_result_in_full():
    assert to_markdown(_small_result(), MADE_ON) == f"""# Controle van uw samenwerkingsovereenkomst

*2026-12-01*

{messages.REPORT_INTRO}

1 van de 10 onderwerpen zijn geregeld. Aan te vullen of te controleren: j.

## Wat ik in het document vond

**Bevoegd gezag van de school (vmbo):** Stichting A

**Bevoegd gezag van de instelling (mbo):** ROC B

**Andere genoemde partijen:** Gemeente C

**Soort document:** aanvulling op een samenwerkingsovereenkomst

**Soort route:** geïntegreerd onderwijsprogramma

**Overdracht van bekostiging:** Ja, er wordt bekostiging overgedragen.

**Omvang:**

> EUR 5

**Bestemming:** niet gevonden

## De onderwerpen a tot en met j

### g. bekostiging

**Oordeel:** geregeld

**Uit uw document:**

> De school \\*draagt\\* over.
> Per jaar.
>
> *(artikel 3)*

### h. medezeggenschap

**Oordeel:** niet van toepassing

**Uit uw document:** Ik vond geen passage over dit onderwerp.

### j. looptijd

**Oordeel:** deels geregeld

Een noot.

**Uit uw document:** Ik vond geen passage over dit onderwerp.

**Wat de wet vraagt:**

> De wet over j
"""


def test_the_word_report_of_a_small_result_in_full():
    document = docx.Document(BytesIO(to_docx(_small_result(), MADE_ON)))
    paragraphs = [(p.style.name, [(r.text, r.bold, r.italic) for r in p.runs]) for p in document.paragraphs]

    def field(label, text):
        return ("Normal", [(f"{label}: ", True, None), (text, None, None)])

    none_found = "Ik vond geen passage over dit onderwerp."
    assert paragraphs == [
        ("Title", [("Controle van uw samenwerkingsovereenkomst", None, None)]),
        ("Normal", [("2026-12-01", None, None)]),
        ("Normal", [(messages.REPORT_INTRO, None, None)]),
        ("Normal", [("1 van de 10 onderwerpen zijn geregeld. Aan te vullen of te controleren: j.", None, None)]),
        ("Heading 1", [("Wat ik in het document vond", None, None)]),
        field("Bevoegd gezag van de school (vmbo)", "Stichting A"),
        field("Bevoegd gezag van de instelling (mbo)", "ROC B"),
        field("Andere genoemde partijen", "Gemeente C"),
        field("Soort document", "aanvulling op een samenwerkingsovereenkomst"),
        field("Soort route", "geïntegreerd onderwijsprogramma"),
        field("Overdracht van bekostiging", "Ja, er wordt bekostiging overgedragen."),
        field("Omvang", ""),
        ("Quote", [("EUR 5", None, None)]),
        field("Bestemming", "niet gevonden"),
        ("Heading 1", [("De onderwerpen a tot en met j", None, None)]),
        ("Heading 2", [("g. bekostiging", None, None)]),
        field("Oordeel", "geregeld"),
        field("Uit uw document", ""),
        ("Quote", [("De school *draagt* over.\nPer jaar.", None, None), (" (artikel 3)", None, True)]),
        ("Heading 2", [("h. medezeggenschap", None, None)]),
        field("Oordeel", "niet van toepassing"),
        field("Uit uw document", none_found),
        ("Heading 2", [("j. looptijd", None, None)]),
        field("Oordeel", "deels geregeld"),
        ("Normal", [("Een noot.", None, None)]),
        field("Uit uw document", none_found),
        field("Wat de wet vraagt", ""),
        ("Quote", [("De wet over j", None, None)]),
    ]
    properties = document.core_properties
    assert (properties.title, properties.language, properties.author, properties.last_modified_by) == (
        "Controle van uw samenwerkingsovereenkomst", "nl-NL", "", "")
    assert properties.created.date() == properties.modified.date() == MADE_ON
    assert (properties.created.hour, properties.created.minute) == (0, 0)
    [language] = document.styles["Normal"].element.rPr.findall(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}lang")
    assert language.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") == "nl-NL"


def test_facts_not_found_and_funding_not_transferred_or_unknown_are_said():
    from bot.agreement.facts import CONTINUOUS, INTERNAL, Facts, Funding
    from bot.agreement.report import FIELD, report_blocks

    def fields(funding):
        result = _small_result(Facts((), INTERNAL, False, CONTINUOUS, Funding(funding)))
        return [(b.label, b.text) for b in report_blocks(result) if b.kind == FIELD][:5]

    assert fields(False) == [
        (messages.LABEL_PARTIES_VMBO, "niet gevonden"), (messages.LABEL_PARTIES_MBO, "niet gevonden"),
        (messages.LABEL_KIND, "interne regeling"), (messages.LABEL_ROUTE, messages.ROUTE_NAMES[CONTINUOUS]),
        (messages.LABEL_FUNDING, messages.FUNDING_NO)]
    assert fields(None)[-1] == (messages.LABEL_FUNDING, messages.FUNDING_UNKNOWN)


def test_a_report_with_every_topic_covered_says_so():
    from bot.agreement.check import CheckResult
    from bot.agreement.report import report_blocks

    small = _small_result()
    covered = CheckResult("pdf", small.findings[:2], small.facts)
    assert report_blocks(covered)[2].text == messages.REPORT_SUMMARY.format(
        covered=1, rest=messages.REPORT_ALL_COVERED)


def test_an_empty_quote_is_an_empty_quote_line():
    from bot.agreement.check import CheckResult
    from bot.agreement.checker import COVERED, Evidence, TopicFinding

    small = _small_result()
    empty = TopicFinding("g", "bekostiging", "De wet over g", COVERED, (Evidence("", "artikel 3"),))
    markdown = to_markdown(CheckResult("pdf", (empty,), small.facts), MADE_ON)
    assert "**Uit uw document:**\n\n> \n>\n> *(artikel 3)*\n" in markdown


def test_the_blocks_of_a_report_are_typed_and_several_names_of_a_side_joined():
    from bot.agreement.facts import INTEGRATED, MBO, VMBO, Facts, Funding, Party
    from bot.agreement.report import FIELD, HEADING, QUOTE, SUBHEADING, TEXT, TITLE, report_blocks

    facts = Facts((Party("Stichting A", VMBO), Party("Stichting D", VMBO), Party("ROC B", MBO)),
                  "agreement", False, INTEGRATED, Funding(None))
    blocks = report_blocks(_small_result(facts))
    assert [b.kind for b in blocks[:5]] == [TITLE, TEXT, TEXT, HEADING, FIELD]
    assert blocks[4].text == "Stichting A; Stichting D"
    note = next(b for b in blocks if b.text == "Een noot.")
    assert note.kind == TEXT
    assert {b.kind for b in blocks} == {TITLE, TEXT, HEADING, SUBHEADING, FIELD, QUOTE}
