"""The draft as a Word document (.docx), laid out with Word's own styles.

Text goes in as text runs (python-docx escapes it for XML), never through a template engine, so
what a user typed appears literally. Headings, clause numbers and the answer style are real
Word structure that a school can restyle. Every paragraph of the assistant's own (not the
format's wording) has a style whose name ends in "(assistent)", in its own colour, so a school
can see it, select all of it through the style, and change or remove it.
"""

from datetime import datetime, time
from io import BytesIO

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from bot.draft.document import (
    ANSWER_TEXT, CLAUSE, FIELD, HEADING, JOINER, NOTE, NOT_USED, OPEN, PARTY, POINT, ROLE,
    STATUS, TEXT, TITLE, Block, Draft,
)

KINDS = (TITLE, HEADING, CLAUSE, POINT, STATUS, TEXT, ANSWER_TEXT, NOTE, PARTY, ROLE, JOINER, FIELD)

ANSWER_STYLE = "Antwoord"
NOTE_STYLE = "Toelichting"
# The assistant's own text, by the Word style it is based on.
OWN_TEXT_STYLE, OWN_TITLE_STYLE = "Tekst (assistent)", "Titel (assistent)"
OWN_HEADING_STYLES = {1: "Kop 1 (assistent)", 2: "Kop 2 (assistent)"}
OWN_COLOUR = RGBColor(0x00, 0x58, 0x6B)
LANGUAGE = "nl-NL"
HANGING = Cm(0.75)


def _prepare(document: Document) -> None:
    """Page size, fonts, the document's language and the styles the draft uses."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), LANGUAGE)
    normal.element.get_or_add_rPr().append(language)
    answer = document.styles.add_style(ANSWER_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    answer.base_style = normal
    answer.paragraph_format.left_indent = HANGING
    note = document.styles.add_style(NOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    note.font.italic, note.font.size = True, Pt(9)
    bases = {OWN_TEXT_STYLE: normal, OWN_TITLE_STYLE: document.styles["Title"]}
    bases.update({name: document.styles[f"Heading {level}"] for level, name in OWN_HEADING_STYLES.items()})
    for name, base in bases.items():
        own = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        own.base_style = base
        own.font.color.rgb = OWN_COLOUR


def _add_runs(paragraph: Paragraph, block: Block) -> None:
    for span in block.spans:
        run = paragraph.add_run(span.text)
        if span.kind == OPEN:
            run.bold = True
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        elif span.kind == NOT_USED:
            run.italic = True


def _labelled(document: Document, block: Block, style: str) -> Paragraph:
    """A paragraph with its number or letter hanging in the margin: "1.<tab>text"."""
    paragraph = document.add_paragraph(style=style)
    paragraph.paragraph_format.left_indent = HANGING
    paragraph.paragraph_format.first_line_indent = -HANGING
    paragraph.paragraph_format.tab_stops.add_tab_stop(HANGING)
    paragraph.add_run(f"{block.label}\t")
    return paragraph


def _own_style(block: Block) -> str:
    """The style of a paragraph of the assistant's own."""
    if block.kind == TITLE:
        return OWN_TITLE_STYLE
    if block.kind == HEADING:
        return OWN_HEADING_STYLES[1]
    if block.kind == CLAUSE:
        return OWN_HEADING_STYLES[2]
    return OWN_TEXT_STYLE


def _add_block(document: Document, block: Block) -> None:
    own = _own_style(block) if block.own else None
    if block.kind not in KINDS:
        raise ValueError(f"unknown block kind {block.kind}")
    if block.kind == TITLE:
        paragraph = document.add_paragraph(style=own) if own else document.add_heading(level=0)
    elif block.kind == HEADING:
        paragraph = document.add_paragraph(style=own) if own else document.add_heading(level=1)
    elif block.kind == CLAUSE:
        paragraph = document.add_paragraph(f"{block.label} ", style=own) if own else (
            document.add_heading(f"{block.label} ", level=2))
    elif block.kind in (POINT, STATUS) or (block.kind == TEXT and block.label):
        paragraph = _labelled(document, block, own or "Normal")
    elif block.kind == ANSWER_TEXT:
        paragraph = document.add_paragraph(style=ANSWER_STYLE)
    elif block.kind == NOTE:
        paragraph = document.add_paragraph(style=own or NOTE_STYLE)
    else:
        paragraph = document.add_paragraph(style=own)
    _add_runs(paragraph, block)
    if block.kind == PARTY:
        for run in paragraph.runs:
            run.bold = True
    elif block.kind == ROLE or (block.kind == NOTE and own):
        for run in paragraph.runs:
            run.italic = True


def _page_number(paragraph: Paragraph) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _header_and_footer(document: Document, draft: Draft) -> None:
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text, header.style = draft.header, document.styles[OWN_TEXT_STYLE]
    footer = section.footer.paragraphs[0]
    footer.text, footer.style = f"{draft.footer} - pagina ", document.styles[OWN_TEXT_STYLE]
    _page_number(footer)


def to_docx(draft: Draft) -> bytes:
    """The draft as the bytes of a .docx file."""
    document = Document()
    _prepare(document)
    properties = document.core_properties
    properties.title, properties.language = draft.title, LANGUAGE
    properties.author = properties.last_modified_by = ""
    properties.keywords = "concept"
    stamp = datetime.combine(draft.generated_on, time(0, 0))
    properties.created = properties.modified = properties.last_printed = stamp
    properties.revision = 1
    for block in draft.blocks:
        _add_block(document, block)
    _header_and_footer(document, draft)
    output = BytesIO()
    document.save(output)
    return output.getvalue()
