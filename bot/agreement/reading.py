"""Reading an uploaded agreement: its type by content, the limits, and its text as lines.

The type is decided from the bytes, never from the file name. Word files are read with
python-docx, PDF with pypdf and OpenDocument text with odfpy; plain text is decoded. Nothing is
executed, nothing is written to disk, and a file that should not be read (too large, too long,
a zip bomb, macros, encrypted, damaged, a scan without text) raises ``Unreadable`` with a Dutch
message that names only numbers, never the file's content.
"""

import re
import zipfile
from dataclasses import dataclass
from io import BytesIO
from typing import Callable, Iterator, List, Optional

from bot.agreement import messages

DOCX, PDF, ODT, TEXT = "docx", "pdf", "odt", "text"
# A Word or OpenDocument file may unpack to at most this many times its size, and never to
# more than MAX_UNPACKED_BYTES in all: ordinary documents unpack to 2-20 times their size.
MAX_UNPACK_RATIO = 100
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_ZIP_ENTRIES = 2000
# Without page numbers (Word, OpenDocument, text), a page counts as this many characters.
CHARS_PER_PAGE = 4000
# A PDF whose pages hold fewer letters than this on average is read as a scan.
MIN_LETTERS_PER_PAGE = 40
MIN_LETTERS = 40

_ODT_MEDIA_TYPE = b"application/vnd.oasis.opendocument.text"
_MACRO_CONTENT_TYPES = re.compile(r"macroEnabled|vbaProject|vbaData", re.IGNORECASE)
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)


class Unreadable(Exception):
    """A file the checker does not read, with the reason (a code) and a Dutch message."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class Limits:
    """How large and how long an uploaded document may be."""

    max_bytes: int = 5 * 1024 * 1024
    max_pages: int = 60


@dataclass(frozen=True)
class Line:
    """One paragraph of the document as its reader found it."""

    text: str
    page: Optional[int] = None
    heading_level: int = 0
    number: str = ""


@dataclass(frozen=True)
class RawDocument:
    """The document's type and its lines, in reading order."""

    kind: str
    lines: List[Line]
    pages: Optional[int] = None


def megabytes(size: int) -> str:
    """A size for people: "5 MB", "0,5 MB"."""
    return f"{size / (1024 * 1024):.1f}".replace(".", ",").replace(",0", "") + " MB"


def sniff(data: bytes) -> str:
    """The document type from its content: DOCX, PDF, ODT or TEXT; raises ``Unreadable``."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(_OLE_SIGNATURE):
        raise Unreadable("old_word", messages.OLD_WORD)
    if data.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(BytesIO(data)).namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            raise Unreadable("damaged", messages.DAMAGED) from None
        if "word/document.xml" in names and "[Content_Types].xml" in names:
            return DOCX
        if "mimetype" in names and "content.xml" in names:
            return ODT
        raise Unreadable("unknown_type", messages.UNKNOWN_TYPE)
    if _decode_text(data) is not None:
        return TEXT
    raise Unreadable("unknown_type", messages.UNKNOWN_TYPE)


def _decode_text(data: bytes) -> Optional[str]:
    """The bytes as text (UTF-8, UTF-16 with its mark, or Windows-1252), or None if binary."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data:
        return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return None if _TEXT_CONTROL.search(text) else text
    return None


def _check_zip(data: bytes, kind: str) -> zipfile.ZipFile:
    """The archive, after checking it unpacks to a sane size and holds no macros."""
    archive = zipfile.ZipFile(BytesIO(data))
    entries = archive.infolist()
    unpacked = sum(entry.file_size for entry in entries)
    if (len(entries) > MAX_ZIP_ENTRIES or unpacked > MAX_UNPACKED_BYTES
            or unpacked > MAX_UNPACK_RATIO * max(len(data), 1)):
        raise Unreadable("zip_bomb", messages.ZIP_BOMB)
    names = [entry.filename for entry in entries]
    if kind == DOCX:
        types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
        if _MACRO_CONTENT_TYPES.search(types) or any(
                name.lower().endswith(("vbaproject.bin", "vbadata.xml")) for name in names):
            raise Unreadable("macros", messages.MACROS)
    elif any(name.startswith(("Basic/", "Scripts/")) for name in names):
        raise Unreadable("macros", messages.MACROS)
    elif archive.read("mimetype").strip() != _ODT_MEDIA_TYPE:
        raise Unreadable("unknown_type", messages.UNKNOWN_TYPE)
    return archive


def style_heading_level(style) -> int:
    """The heading level of a Word paragraph style: its own, or that of the style it is based
    on (a school's "Kop artikel" based on "Heading 2" is a heading too); the title counts as 1."""
    seen = 0
    while style is not None and seen < 10:
        heading = _HEADING_STYLE.match(style.name or "")
        if heading:
            return int(heading.group(1))
        if style.name == "Title":
            return 1
        style, seen = style.base_style, seen + 1
    return 0


def _style_properties(paragraph):
    """The paragraph properties of the paragraph's style (where "List Number" keeps its list)."""
    style = paragraph.style
    return style.element.pPr if style is not None else None


def _docx_lines(data: bytes) -> List[Line]:
    import docx
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(BytesIO(data))
    counters: dict = {}

    def auto_number(paragraph: Paragraph) -> str:
        """Word's own list numbering (not in the text): 1, 2, ... at level 0, a, b, ... below."""
        numbering = None
        for properties in (paragraph._p.pPr, _style_properties(paragraph)):
            numbering = properties.numPr if properties is not None else None
            if numbering is not None and numbering.numId is not None:
                break
        else:
            return ""
        list_id = numbering.numId.val
        level = numbering.ilvl.val if numbering.ilvl is not None else 0
        levels = counters.setdefault(list_id, {})
        levels[level] = levels.get(level, 0) + 1
        for deeper in [key for key in levels if key > level]:
            del levels[deeper]
        count = levels[level]
        return str(count) if level == 0 else chr(ord("a") + (count - 1) % 26)

    def paragraph_line(paragraph: Paragraph) -> Optional[Line]:
        text = paragraph.text.strip()
        if not text:
            return None
        return Line(text, heading_level=style_heading_level(paragraph.style),
                    number=auto_number(paragraph))

    lines: List[Line] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            line = paragraph_line(Paragraph(child, document))
            if line is not None:
                lines.append(line)
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                cells = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if text and (not cells or cells[-1] != text):
                        cells.append(text)
                if cells:
                    lines.append(Line("; ".join(cells)))
    return lines


def _odt_lines(data: bytes) -> List[Line]:
    from odf import teletype
    from odf.namespaces import TEXTNS
    from odf.opendocument import load

    document = load(BytesIO(data))
    lines: List[Line] = []

    def walk(node) -> Iterator:
        for child in node.childNodes:
            if child.qname in ((TEXTNS, "h"), (TEXTNS, "p")):
                yield child
            elif child.nodeType == child.ELEMENT_NODE:
                yield from walk(child)

    for node in walk(document.text):
        text = " ".join(teletype.extractText(node).split())
        if not text:
            continue
        level = 0
        if node.qname == (TEXTNS, "h"):
            level = int(node.getAttrNS(TEXTNS, "outline-level") or 1)
        lines.append(Line(text, heading_level=level))
    return lines


def _pdf_lines(data: bytes, limits: Limits) -> RawDocument:
    import logging

    from pypdf import PdfReader

    # pypdf warns about every repaired object, quoting none of the text; keep the log quiet.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise Unreadable("encrypted", messages.ENCRYPTED)
        pages = len(reader.pages)
        if pages > limits.max_pages:
            raise Unreadable("too_many_pages", messages.TOO_MANY_PAGES.format(pages=limits.max_pages))
        texts = [page.extract_text() or "" for page in reader.pages]
    except Unreadable:
        raise
    except Exception:  # noqa: BLE001 - pypdf raises many kinds of errors on a damaged file
        raise Unreadable("damaged", messages.DAMAGED) from None
    letters = sum(ch.isalpha() for text in texts for ch in text)
    if pages == 0:
        raise Unreadable("damaged", messages.DAMAGED)
    if letters < max(MIN_LETTERS, MIN_LETTERS_PER_PAGE * pages):
        raise Unreadable("scan", messages.SCAN)
    lines = [
        Line(line.strip(), page=number)
        for number, text in enumerate(texts, start=1)
        for line in text.splitlines() if line.strip()
    ]
    return RawDocument(PDF, lines, pages)


def _text_lines(text: str) -> List[Line]:
    return [Line(line.rstrip()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def read_text(text: str, limits: Limits = Limits()) -> RawDocument:
    """Pasted text as a document (the same length limit as a file)."""
    _check_length(len(text), limits)
    document = RawDocument(TEXT, _text_lines(text))
    _check_has_text(document)
    return document


def _check_length(chars: int, limits: Limits) -> None:
    if chars > CHARS_PER_PAGE * limits.max_pages:
        raise Unreadable("too_many_pages", messages.TOO_MANY_PAGES.format(pages=limits.max_pages))


def _check_has_text(document: RawDocument) -> None:
    letters = sum(ch.isalpha() for line in document.lines for ch in line.text)
    if letters < MIN_LETTERS:
        raise Unreadable("no_text", messages.NO_TEXT)


def read_document(data: bytes, limits: Limits = Limits()) -> RawDocument:
    """The document's lines, or ``Unreadable`` with the reason and a Dutch message."""
    if not data:
        raise Unreadable("empty", messages.EMPTY)
    if len(data) > limits.max_bytes:
        raise Unreadable("too_large", messages.TOO_LARGE.format(limit=megabytes(limits.max_bytes)))
    kind = sniff(data)
    if kind == PDF:
        document = _pdf_lines(data, limits)
    elif kind == TEXT:
        return read_text(_decode_text(data) or "", limits)
    else:
        try:
            _check_zip(data, kind)
            reader: Callable[[bytes], List[Line]] = _docx_lines if kind == DOCX else _odt_lines
            lines = reader(data)
        except Unreadable:
            raise
        except Exception:  # noqa: BLE001 - a damaged archive or XML fails in many ways
            raise Unreadable("damaged", messages.DAMAGED) from None
        _check_length(sum(len(line.text) for line in lines), limits)
        document = RawDocument(kind, lines)
    _check_has_text(document)
    return document
