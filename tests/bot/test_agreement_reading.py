"""Reading uploaded agreements: the type by content, the limits, and clear refusals."""

import zipfile
from io import BytesIO

import docx
import pytest

from bot.agreement import messages
from bot.agreement.reading import (
    DOCX, ODT, PDF, TEXT, Limits, Unreadable, read_document, read_text, sniff,
)

BODY = "Partijen spreken af dat leerlingen in de route les krijgen in het profiel Zorg en welzijn."


def word_file(*paragraphs: str, heading: str = "") -> bytes:
    document = docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Bedrag", "EUR 1.000 per leerling"
    output = BytesIO()
    document.save(output)
    return output.getvalue()


def odt_file(*paragraphs: str, macro: bool = False) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Artikel 1 Onderwijsprogramma"))
    for text in paragraphs:
        document.text.addElement(P(text=text))
    output = BytesIO()
    document.save(output)
    data = output.getvalue()
    if macro:
        archive = BytesIO(data)
        with zipfile.ZipFile(archive, "a") as bundle:
            bundle.writestr("Basic/Standard/Module1.xml", "<script/>")
        data = archive.getvalue()
    return data


def pdf_file(text_per_page, encrypt: bool = False) -> bytes:
    """A PDF with the given text on each page (Helvetica, no images)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    for text in text_per_page:
        page = writer.add_blank_page(595, 842)
        font = DictionaryObject({
            NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        })
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)}),
        })
        lines = "".join(f"({line}) Tj 0 -14 Td " for line in text.split("\n"))
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 11 Tf 50 800 Td {lines} ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    if encrypt:
        writer.encrypt("geheim")
    output = BytesIO()
    writer.write(output)
    return output.getvalue()


def test_the_type_is_read_from_the_content_not_the_name():
    assert sniff(word_file(BODY)) == DOCX
    assert sniff(odt_file(BODY)) == ODT
    assert sniff(pdf_file([BODY])) == PDF
    assert sniff(BODY.encode("utf-8")) == TEXT


def test_a_word_file_gives_its_paragraphs_headings_and_table_rows():
    document = read_document(word_file(BODY, heading="Artikel 1 Onderwijsprogramma"))
    texts = [line.text for line in document.lines]
    assert texts == ["Artikel 1 Onderwijsprogramma", BODY, "Bedrag; EUR 1.000 per leerling"]
    assert document.lines[0].heading_level == 1 and document.lines[1].heading_level == 0


def test_an_opendocument_file_gives_its_headings_and_paragraphs():
    document = read_document(odt_file(BODY))
    assert [(line.text, line.heading_level) for line in document.lines] == [
        ("Artikel 1 Onderwijsprogramma", 1), (BODY, 0)]


def test_a_pdf_gives_its_lines_with_their_page():
    document = read_document(pdf_file([BODY, "Artikel 2 Bedrijfsleven\n" + BODY]))
    assert document.kind == PDF and document.pages == 2
    assert [line.page for line in document.lines] == [1, 2, 2]
    assert document.lines[1].text == "Artikel 2 Bedrijfsleven"


@pytest.mark.parametrize("data", [
    BODY.encode("utf-8"), BODY.encode("cp1252"), BODY.encode("utf-16"),
    ("\ufeff" + BODY).encode("utf-8"), BODY.replace("welzijn", "welzijn \u00e9\u00e9n").encode("cp1252"),
])
def test_plain_text_is_read_in_the_usual_encodings(data):
    assert read_document(data).lines[0].text.startswith("Partijen spreken af")


def _refusal(data: bytes, limits: Limits = Limits()) -> Unreadable:
    with pytest.raises(Unreadable) as raised:
        read_document(data, limits)
    return raised.value


def test_a_file_over_the_size_limit_is_refused_with_the_limit():
    refused = _refusal(BODY.encode() * 10, Limits(max_bytes=500))
    assert refused.reason == "too_large" and "0 MB" in refused.message


def test_the_default_size_limit_is_five_megabytes():
    refused = _refusal(b"a" * (5 * 1024 * 1024 + 1))
    assert refused.reason == "too_large" and "5 MB" in refused.message
    assert refused.message == messages.TOO_LARGE.format(limit="5 MB")


def test_too_many_pages_are_refused_for_pdf_and_for_long_text():
    assert _refusal(pdf_file([BODY] * 3), Limits(max_pages=2)).reason == "too_many_pages"
    with pytest.raises(Unreadable) as raised:
        read_text(BODY * 200, Limits(max_pages=1))
    assert raised.value.reason == "too_many_pages"
    assert "1 pagina's" in raised.value.message
    assert _refusal(word_file(BODY * 100), Limits(max_pages=1)).reason == "too_many_pages"


def test_a_word_file_that_unpacks_to_far_more_than_its_size_is_refused():
    archive = BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("[Content_Types].xml", "<Types/>")
        bundle.writestr("word/document.xml", "<w:document>" + " " * 5_000_000 + "</w:document>")
    assert _refusal(archive.getvalue()).reason == "zip_bomb"


def test_word_and_opendocument_files_with_macros_are_refused():
    data = BytesIO(word_file(BODY))
    with zipfile.ZipFile(data, "a") as bundle:
        bundle.writestr("word/vbaProject.bin", b"\x00macro")
    assert _refusal(data.getvalue()).reason == "macros"
    assert _refusal(odt_file(BODY, macro=True)).reason == "macros"


def _with_content_types(data: bytes, *replacements) -> bytes:
    """A Word file with its [Content_Types].xml changed by (old, new) byte replacements."""
    source = zipfile.ZipFile(BytesIO(data))
    output = BytesIO()
    with zipfile.ZipFile(output, "w") as bundle:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                for old, new in replacements:
                    content = content.replace(old, new, 1)
            bundle.writestr(item, content)
    return output.getvalue()


def test_a_macro_enabled_content_type_is_refused():
    data = _with_content_types(word_file(BODY), (b"document.main+xml", b"document.macroEnabled.main+xml"))
    assert _refusal(data).reason == "macros"


def test_an_encrypted_pdf_is_refused():
    refused = _refusal(pdf_file([BODY], encrypt=True))
    assert refused.reason == "encrypted" and refused.message == messages.ENCRYPTED


def test_a_pdf_without_text_is_read_as_a_scan():
    assert _refusal(pdf_file([""])).reason == "scan"


@pytest.mark.parametrize("data, reason", [
    (b"%PDF-1.7\n\x00\x01 garbage without objects", "damaged"),
    (b"PK\x03\x04 not really a zip", "damaged"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old_word"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "unknown_type"),
    (b"", "empty"),
    (b"   \n\n  ...  ", "no_text"),
])
def test_damaged_old_binary_and_empty_files_each_get_their_reason(data, reason):
    refused = _refusal(data)
    assert refused.reason == reason and refused.message


def test_a_zip_that_is_neither_word_nor_opendocument_is_an_unknown_type():
    archive = BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("readme.txt", BODY)
    refused = _refusal(archive.getvalue())
    assert (refused.reason, refused.message) == ("unknown_type", messages.UNKNOWN_TYPE)


@pytest.mark.parametrize("name, content", [
    ("[Content_Types].xml", "<Types/>"), ("mimetype", "application/vnd.oasis.opendocument.text"),
])
def test_a_zip_with_only_part_of_what_makes_word_or_opendocument_is_an_unknown_type(name, content):
    archive = BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr(name, content)
    assert _refusal(archive.getvalue()).reason == "unknown_type"


def test_an_opendocument_spreadsheet_is_not_read_as_text():
    archive = BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        bundle.writestr("content.xml", "<office:document-content/>")
    assert _refusal(archive.getvalue()).reason == "unknown_type"


def test_a_damaged_word_file_is_refused_as_damaged():
    archive = BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("[Content_Types].xml", "<Types/>")
        bundle.writestr("word/document.xml", "<not xml")
    refused = _refusal(archive.getvalue())
    assert (refused.reason, refused.message) == ("damaged", messages.DAMAGED)


def test_no_refusal_message_quotes_the_file():
    for data in (b"%PDF-1.7 Geheime Stichting", b"PK\x03\x04Geheime Stichting"):
        assert "Geheime" not in _refusal(data).message


def test_a_style_based_on_a_heading_is_a_heading():
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    from bot.agreement.reading import style_heading_level

    document = docx.Document()
    custom = document.styles.add_style("Kop artikel", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["Heading 2"]
    plain = document.styles.add_style("Gewoon", WD_STYLE_TYPE.PARAGRAPH)
    plain.base_style = document.styles["Normal"]
    assert style_heading_level(custom) == 2
    assert style_heading_level(document.styles["Heading 3"]) == 3
    assert style_heading_level(document.styles["Title"]) == 1
    assert style_heading_level(plain) == 0 and style_heading_level(None) == 0


# The survivors of mutation testing led to the tests below: numbering, tables, nesting, limits.

def _numbered_word_file(items) -> bytes:
    """A Word file whose paragraphs are (text, list id, level) items in Word's own numbering."""
    document = docx.Document()
    for text, list_id, level in items:
        paragraph = document.add_paragraph(text)
        numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numbering.get_or_add_numId().val = list_id
        if level is not None:
            numbering.get_or_add_ilvl().val = level
    output = BytesIO()
    document.save(output)
    return output.getvalue()


def test_word_list_numbering_counts_per_list_and_level_with_letters_below():
    items = [(f"Punt {n} " + BODY, 1, 0) for n in range(2)]
    items += [(f"Sub {n} " + BODY, 1, 1) for n in range(27)]
    items += [("Weer hoofdniveau " + BODY, 1, 0), ("Nieuw subniveau " + BODY, 1, 1),
              ("Andere lijst " + BODY, 2, None)]
    numbers = [line.number for line in read_document(_numbered_word_file(items)).lines]
    letters = [chr(ord("a") + n) for n in range(26)] + ["a"]
    assert numbers == ["1", "2"] + letters + ["3", "a", "1"]


def test_a_table_row_keeps_its_cells_once_and_skips_empty_ones():
    document = docx.Document()
    document.add_paragraph(BODY)
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 1).text, table.cell(0, 2).text = "Bedrag", "EUR 500"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "Looptijd"
    table.cell(1, 2).text = "vier jaar"
    output = BytesIO()
    document.save(output)
    texts = [line.text for line in read_document(output.getvalue()).lines]
    assert texts == [BODY, "Bedrag; EUR 500", "Looptijd; vier jaar"]


def test_opendocument_paragraphs_inside_lists_after_empty_ones_and_heading_levels():
    from odf.namespaces import TEXTNS
    from odf.opendocument import OpenDocumentText
    from odf.text import H, List, ListItem, P

    document = OpenDocumentText()
    title = H(outlinelevel=1, text="Samenwerkingsovereenkomst")
    del title.attributes[(TEXTNS, "outline-level")]  # a heading without a level is level 1
    document.text.addElement(title)
    document.text.addElement(H(outlinelevel=2, text="Artikel 2 Bedrijfsleven"))
    document.text.addElement(P(text=""))
    listing, item = List(), ListItem()
    item.addElement(P(text=BODY))
    listing.addElement(item)
    document.text.addElement(listing)
    output = BytesIO()
    document.save(output)
    lines = read_document(output.getvalue()).lines
    assert [(line.text, line.heading_level) for line in lines] == [
        ("Samenwerkingsovereenkomst", 1), ("Artikel 2 Bedrijfsleven", 2), (BODY, 0)]


def test_plain_text_lines_end_at_any_line_break_and_keep_their_indent():
    text = f"{BODY}  \r\nTweede regel met woorden\rDerde regel\n   ingesprongen regel"
    assert [line.text for line in read_text(text).lines] == [
        BODY, "Tweede regel met woorden", "Derde regel", "   ingesprongen regel"]


def test_big_endian_utf16_text_is_read_and_text_with_control_characters_is_not():
    assert read_document(("\ufeff" + BODY).encode("utf-16-be")).lines[0].text == BODY
    assert _refusal((BODY + "\x07").encode("utf-8")).reason == "unknown_type"


def test_sizes_are_said_in_megabytes_rounded_to_one_decimal():
    from bot.agreement.reading import megabytes

    assert megabytes(996148) == "1 MB" and megabytes(524288) == "0,5 MB"


def test_a_file_of_exactly_the_size_limit_is_read():
    data = BODY.encode("utf-8")
    assert read_document(data, Limits(max_bytes=len(data))).lines[0].text == BODY
    refused = _refusal(data, Limits(max_bytes=len(data) - 1))
    assert str(refused) == "too_large"


def test_pasted_text_within_a_file_keeps_the_page_limit():
    assert _refusal((BODY * 200).encode("utf-8"), Limits(max_pages=1)).reason == "too_many_pages"


def test_a_pdf_of_exactly_the_page_limit_is_read_and_one_over_it_named_in_the_refusal():
    assert read_document(pdf_file([BODY] * 2), Limits(max_pages=2)).pages == 2
    refused = _refusal(pdf_file([BODY] * 3), Limits(max_pages=2))
    assert refused.message == messages.TOO_MANY_PAGES.format(pages=2)


def test_an_empty_pdf_page_gives_no_line_and_counts_towards_the_scan_threshold():
    document = read_document(pdf_file([BODY + "\n" + BODY, ""]))
    assert [(line.text, line.page) for line in document.lines] == [(BODY, 1), (BODY, 1)]
    assert _refusal(pdf_file(["Abcdefghij " * 5, ""])).reason == "scan"  # 50 letters on 2 pages
    assert read_document(pdf_file(["Abcdefghij " * 4])).lines  # exactly 40 letters on 1 page


def test_a_pdf_without_pages_is_damaged():
    from pypdf import PdfWriter

    output = BytesIO()
    PdfWriter().write(output)
    refused = _refusal(output.getvalue())
    assert (refused.reason, refused.message, str(refused)) == ("damaged", messages.DAMAGED, "damaged")


def test_a_pdf_with_a_wrong_cross_reference_offset_is_still_read():
    data = pdf_file([BODY])
    start = data.rindex(b"startxref")
    damaged = data[:start] + b"startxref\n9\n%%EOF\n"
    assert read_document(damaged).lines[0].text == BODY


def test_reading_a_pdf_quiets_only_pypdfs_own_log():
    import logging

    pypdf_log, root = logging.getLogger("pypdf"), logging.getLogger()
    before = (pypdf_log.level, root.level)
    try:
        pypdf_log.setLevel(logging.NOTSET)
        read_document(pdf_file([BODY]))
        assert pypdf_log.level == logging.ERROR and root.level == before[1]
    finally:
        pypdf_log.setLevel(before[0])


def test_refusals_of_archives_carry_their_own_message():
    archive = BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("[Content_Types].xml", "<Types/>")
        bundle.writestr("word/document.xml", "<w:document>" + " " * 5_000_000 + "</w:document>")
    assert _refusal(archive.getvalue()).message == messages.ZIP_BOMB
    assert _refusal(odt_file(BODY, macro=True)).message == messages.MACROS
    spreadsheet = BytesIO()
    with zipfile.ZipFile(spreadsheet, "w") as bundle:
        bundle.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        bundle.writestr("content.xml", "<office:document-content/>")
    assert _refusal(spreadsheet.getvalue()).message == messages.UNKNOWN_TYPE


def _with_entry(data: bytes, name: str, content: bytes = b"x") -> bytes:
    archive = BytesIO(data)
    with zipfile.ZipFile(archive, "a") as bundle:
        bundle.writestr(name, content)
    return archive.getvalue()


def test_macros_are_found_by_either_of_their_names():
    refused = _refusal(_with_entry(word_file(BODY), "word/vbaData.xml", b"<wne:vbaSuppData/>"))
    assert (refused.reason, refused.message) == ("macros", messages.MACROS)
    assert _refusal(_with_entry(odt_file(BODY), "Scripts/python/macro.py")).reason == "macros"


def test_a_word_file_whose_content_types_are_not_utf8_is_read():
    data = _with_content_types(word_file(BODY), (b"encoding='UTF-8'", b"encoding='ISO-8859-1'"),
                               (b"?>", b"?><!-- \xff -->"))
    assert read_document(data).lines[0].text == BODY


def test_archive_limits_hold_at_their_bounds(monkeypatch):
    from fractions import Fraction

    from bot.agreement import reading

    data = word_file(BODY)
    entries = zipfile.ZipFile(BytesIO(data)).infolist()
    unpacked = sum(entry.file_size for entry in entries)
    monkeypatch.setattr(reading, "MAX_ZIP_ENTRIES", len(entries))
    monkeypatch.setattr(reading, "MAX_UNPACKED_BYTES", unpacked)
    monkeypatch.setattr(reading, "MAX_UNPACK_RATIO", Fraction(unpacked, len(data)))
    assert reading._check_zip(data, DOCX)
    monkeypatch.setattr(reading, "MAX_ZIP_ENTRIES", len(entries) - 1)
    assert _refusal(data).reason == "zip_bomb"  # too many entries, though small


def _style_chain(length: int, last: str):
    from types import SimpleNamespace

    style = SimpleNamespace(name=last, base_style=None)
    for number in range(length - 1):
        style = SimpleNamespace(name=f"Eigen stijl {number}", base_style=style)
    return style


def test_a_heading_is_found_at_most_ten_styles_deep():
    from bot.agreement.reading import _style_properties, style_heading_level

    assert style_heading_level(_style_chain(10, "Heading 2")) == 2
    assert style_heading_level(_style_chain(11, "Heading 2")) == 0
    assert _style_properties(type("Paragraph", (), {"style": None})()) is None
