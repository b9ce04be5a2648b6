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


def test_a_macro_enabled_content_type_is_refused():
    source = zipfile.ZipFile(BytesIO(word_file(BODY)))
    output = BytesIO()
    with zipfile.ZipFile(output, "w") as bundle:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"document.main+xml", b"document.macroEnabled.main+xml")
            bundle.writestr(item, content)
    assert _refusal(output.getvalue()).reason == "macros"


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
    assert _refusal(archive.getvalue()).reason == "damaged"


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
