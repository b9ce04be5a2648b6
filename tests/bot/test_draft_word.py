"""The Word file, read back with python-docx: structure, every answer in place, metadata."""

from dataclasses import replace
from datetime import datetime, timezone

import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Pt

from bot.draft.document import Block, Span, build_draft
from bot.draft.example import EXAMPLE_DATE, example_answers
from bot.draft.word import ANSWER_STYLE, to_docx
from bot.interview.answers import NOT_APPLICABLE, PLACEHOLDER
from bot.interview.catalogue import TEXT, load_catalogue
from tests.conftest import read_docx


def read_back(answers):
    return read_docx(to_docx(build_draft(answers, EXAMPLE_DATE)))


def paragraphs_by_clause(document):
    """{clause heading text: [paragraphs under it]} for the "Afspraken" clauses."""
    clauses, current = {}, None
    for paragraph in document.paragraphs:
        style = paragraph.style.name
        if style == "Heading 2":
            current = paragraph.text
            clauses[current] = []
        elif style.startswith("Heading") or style == "Title":
            current = None
        elif current is not None:
            clauses[current].append(paragraph)
    return clauses


def test_headings_and_numbered_clauses_are_word_structure():
    document = read_back(example_answers())
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert styles[0] == ("Title", "Samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo")
    assert [t for s, t in styles if s == "Heading 1"] == ["Doel en wijze van samenwerking", "Afspraken"]
    assert [t for s, t in styles if s == "Kop 1 (assistent)"] == [
        "Ondertekening", "Volledigheidscontrole (onderwerpen a tot en met j)"]
    assert document.styles["Kop 1 (assistent)"].base_style.name == "Heading 1"
    clause_headings = [t for s, t in styles if s == "Heading 2"]
    assert [h.split(".")[0] for h in clause_headings] == [str(n) for n in range(1, 11)]
    assert clause_headings[4] == "5. Overstapoptie"


def test_every_answer_is_in_its_clause_in_the_answer_style():
    answers = example_answers()
    clauses = paragraphs_by_clause(read_back(answers))
    for step in load_catalogue().clauses():
        if step.kind != TEXT:
            continue
        heading = next(h for h in clauses if h.startswith(f"{step.clause.rstrip('abc')}. "))
        matching = [p for p in clauses[heading] if p.text == answers[step.key]]
        assert matching and matching[0].style.name == ANSWER_STYLE, step.key


def test_fixed_texts_parties_and_signatures_are_present():
    answers = example_answers()
    text = "\n".join(p.text for p in read_back(answers).paragraphs)
    assert "verklaren te zijn overeengekomen:" in text
    assert "Het bedrijfsleven wordt betrokken bij de invulling van deze doorlopende leerroute." in text
    assert "In de financiële overeenkomst, die als bijlage bij deze overeenkomst kan worden" in text
    assert "Voor de doorlopende leerroutes geldt de WMS" in text
    for name in answers["vmbo_parties"] + answers["mbo_parties"]:
        assert f"Namens {name}" in text
    assert "Naam: M. El Idrissi" in text and "Functie: voorzitter college van bestuur" in text


def test_no_markdown_leaks_into_word():
    for paragraph in read_back(example_answers()).paragraphs:
        assert "**" not in paragraph.text and not paragraph.text.startswith(("#", "> ", "- "))
        assert "\\" not in paragraph.text


def test_header_footer_page_number_and_language():
    document = read_back(example_answers())
    section = document.sections[0]
    assert section.header.paragraphs[0].text == (
        "Concept - Samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo"
    )
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("Concept, gemaakt op 23 november 2026 - pagina")
    assert 'w:instr="PAGE"' in footer._p.xml
    assert document.core_properties.language == "nl-NL"
    assert document.core_properties.title == "Samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo"
    assert round(section.page_width.mm) == 210


def test_open_places_are_highlighted():
    answers = {**example_answers(), "clause_9_joining": PLACEHOLDER}
    runs = [r for p in read_back(answers).paragraphs for r in p.runs if r.text == PLACEHOLDER]
    assert len(runs) == 1
    assert runs[0].bold and runs[0].font.highlight_color == WD_COLOR_INDEX.YELLOW


def test_the_same_answers_give_the_same_text():
    first = [p.text for p in read_back(example_answers()).paragraphs]
    assert first == [p.text for p in read_back(example_answers()).paragraphs]


def test_page_fonts_styles_and_properties_are_set():
    document = read_back(example_answers())
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [getattr(section, side) for side in ("left_margin", "right_margin", "top_margin", "bottom_margin")]
    assert [round(margin.cm, 2) for margin in margins] == [2.5] * 4
    normal = document.styles["Normal"]
    assert (normal.font.name, normal.font.size, normal.paragraph_format.space_after) == ("Calibri", Pt(11), Pt(6))
    answer, note = document.styles[ANSWER_STYLE], document.styles["Toelichting"]
    assert answer.base_style.name == "Normal" and round(answer.paragraph_format.left_indent.cm, 2) == 0.75
    assert note.base_style.name == "Normal" and (note.font.italic, note.font.size) == (True, Pt(9))
    properties = document.core_properties
    assert (properties.author, properties.last_modified_by, properties.keywords, properties.revision) == (
        "", "", "concept", 1)
    midnight = datetime.combine(EXAMPLE_DATE, datetime.min.time(), tzinfo=timezone.utc)
    assert properties.created == midnight == properties.modified == properties.last_printed


def test_numbers_hang_in_the_margin_and_the_footer_counts_pages():
    document = read_back(example_answers())
    point = next(p for p in document.paragraphs if p.text.startswith("1.\t"))
    assert point.style.name == "Normal"
    indents = (point.paragraph_format.left_indent, point.paragraph_format.first_line_indent)
    assert [round(indent.cm, 2) for indent in indents] == [0.75, -0.75]
    footer = document.sections[0].footer.paragraphs[0]
    fields = footer._p.findall(qn("w:fldSimple"))
    assert footer.text.endswith(" - pagina ") and [f.get(qn("w:instr")) for f in fields] == ["PAGE"]
    assert [t.text for t in fields[0].iter(qn("w:t"))] == ["1"]


def test_parties_are_bold_roles_italic_and_skipped_clauses_marked():
    answers = {**example_answers(), "clause_7_codetermination": NOT_APPLICABLE}
    document = read_back(answers)
    party = next(p for p in document.paragraphs if p.text == answers["vmbo_parties"][0])
    assert all(run.bold for run in party.runs)
    role = next(p for p in document.paragraphs if p.text == "[Bevoegd gezag van de school]")
    assert all(run.italic for run in role.runs)
    skipped = next(p for p in document.paragraphs if p.text == NOT_APPLICABLE)
    assert [run.italic for run in skipped.runs] == [True] and not skipped.runs[0].bold
    notes = [p for p in document.paragraphs if p.style.name == "Toelichting"]
    assert notes and all(not run.bold for p in notes for run in p.runs)


def test_an_unknown_block_kind_is_refused_by_name_in_word():
    odd = replace(build_draft(example_answers(), EXAMPLE_DATE), blocks=(Block("tabel", (Span("x"),)),))
    with pytest.raises(ValueError, match="unknown block kind tabel"):
        to_docx(odd)


def test_lettered_clause_parts_hang_their_letter_in_the_margin():
    clause_3 = paragraphs_by_clause(read_back(example_answers()))["3. Inzet leiding en verantwoording"]
    lettered = [p for p in clause_3 if p.text[:3] in ("a.\t", "b.\t")]
    assert len(lettered) == 2 and all(round(p.paragraph_format.left_indent.cm, 2) == 0.75 for p in lettered)


def _rendered(*blocks):
    return read_docx(to_docx(replace(build_draft(example_answers(), EXAMPLE_DATE), blocks=blocks)))


def test_own_text_is_in_its_own_colour_and_own_clauses_keep_their_number():
    from bot.draft.document import CLAUSE, NOTE, ROLE, TEXT as TEXT_BLOCK
    from bot.draft.word import OWN_COLOUR, OWN_HEADING_STYLES, OWN_TEXT_STYLE

    document = _rendered(Block(CLAUSE, (Span("Aanvulling"),), label="11.", own=True),
                         Block(NOTE, (Span("Eigen toelichting"),), own=True),
                         Block(NOTE, (Span("Toelichting van het format"),)),
                         Block(ROLE, (Span("[Rol]"),)),
                         Block(TEXT_BLOCK, (Span("Eigen tekst"),), own=True))
    clause, own_note, note, role, text = document.paragraphs
    assert clause.text == "11. Aanvulling" and clause.style.name == OWN_HEADING_STYLES[2]
    assert [run.italic for run in own_note.runs] == [True] and own_note.style.name == OWN_TEXT_STYLE
    assert [run.italic for run in note.runs] == [None] and note.style.name == "Toelichting"
    assert [run.italic for run in role.runs] == [True]
    assert [run.italic for run in text.runs] == [None]
    for name in (OWN_TEXT_STYLE, OWN_HEADING_STYLES[1], OWN_HEADING_STYLES[2], "Titel (assistent)"):
        assert document.styles[name].font.color.rgb == OWN_COLOUR
