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
