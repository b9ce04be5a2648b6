"""Splitting a document into passages, each with its place: article, part or lid, page.

Agreements number their articles in many ways: "Artikel 3 Inzet leiding", "Art. 3a", the
format's "3. Inzet leiding en verantwoording" with parts "a." and "b.", "3.2" for a lid, Word's
own list numbering, or headings without numbers. A PDF or pasted text also has its paragraphs
wrapped over several lines, which are joined again here.
"""

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence

from bot.agreement.reading import DOCX, ODT, TEXT, Line, RawDocument

_ARTICLE = re.compile(
    r"^(?:artikel|art\.?)\s*(\d{1,2}[a-z]?)\b\s*[.:\-\u2013\u2014]?\s*(.*)$", re.IGNORECASE
)
_NUMBERED = re.compile(r"^(\d{1,2})(?:[.)]|\.?\s)\s*(\S.*)$")
_LID = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$")
_LETTER = re.compile(r"^([a-z])[.)]\s+(\S.*)$")
_BULLET = re.compile(r"^[-*\u2022\u25aa\u2013]\s+(\S.*)$")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*$")
_ANNEX = re.compile(r"^bijlage\b", re.IGNORECASE)
_PAGE_LINE = re.compile(r"^(?:pagina|page|blz\.?)?\s*\d{1,3}(?:\s*(?:van|/|of)\s*\d{1,3})?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.:;!?]$")
# Markdown a pasted text may carry: quote markers, emphasis, escapes.
_QUOTE_MARK = re.compile(r"^(?:>\s*)+")
_EMPHASIS = re.compile(r"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*]))")
_ESCAPE = re.compile(r"\\([\\`*_\[\]<>&|~#+\-=.)!])")
MAX_HEADING_WORDS = 10
MAX_HEADING_CHARS = 90
# In wrapped text, a line shorter than this share of the usual line ends its paragraph.
SHORT_LINE_SHARE = 0.6


@dataclass(frozen=True)
class Passage:
    """A paragraph of the document with where it stands."""

    text: str
    index: int
    article: str = ""
    part: str = ""
    heading: str = ""
    page: Optional[int] = None
    is_heading: bool = False
    annex: bool = False

    @property
    def place(self) -> str:
        """Where the passage stands, as a reader would cite it: "artikel 3a (pagina 2)"."""
        if self.article:
            where = f"artikel {self.article}"
            if self.part.isalpha():
                where += self.part
            elif self.part:
                where += f", lid {self.part}"
        elif self.heading:
            where = f"onder het kopje \u201c{self.heading}\u201d"
        else:
            where = f"alinea {self.index + 1}"
        return f"{where} (pagina {self.page})" if self.page else where


@dataclass(frozen=True)
class _Paragraph:
    text: str
    page: Optional[int]
    heading_level: int
    number: str


def _is_heading_text(text: str) -> bool:
    """A short line without a sentence's end that starts with a capital: a heading's shape."""
    return (
        len(text) <= MAX_HEADING_CHARS and len(text.split()) <= MAX_HEADING_WORDS
        and not _SENTENCE_END.search(text) and text[:1].isupper()
    )


def _starts_block(text: str) -> bool:
    return bool(
        _ARTICLE.match(text) or _LID.match(text) or _LETTER.match(text) or _BULLET.match(text)
        or _MARKDOWN_HEADING.match(text) or _NUMBERED.match(text)
    )


def _repeated_lines(lines: Sequence[Line]) -> set:
    """Lines that stand on most pages: running headers and footers of a PDF."""
    pages = {line.page for line in lines}
    if len(pages) < 3:
        return set()
    seen: dict = {}
    for line in lines:
        seen.setdefault(line.text, set()).add(line.page)
    return {text for text, on in seen.items() if len(on) >= len(pages) / 2}


def _join_wrapped(lines: Sequence[Line]) -> List[_Paragraph]:
    """Paragraphs from wrapped lines: a paragraph ends at a blank line, a short line, a line
    ending a sentence, or before a line that starts an article, a part or a list item."""
    kept = [line for line in lines if not _PAGE_LINE.match(line.text.strip())]
    repeated = _repeated_lines(kept)
    lengths = sorted(len(line.text) for line in kept if line.text.strip())
    usual = lengths[int(len(lengths) * 0.9)] if lengths else 0
    paragraphs: List[_Paragraph] = []
    current: List[str] = []
    page: Optional[int] = None

    def close() -> None:
        if current:
            paragraphs.append(_Paragraph(" ".join(current), page, 0, ""))
            current.clear()

    for line in kept:
        text = line.text.strip()
        if not text or text in repeated:
            close()
            continue
        if current and (_starts_block(text) or (
                len(current) == 1 and _is_heading_text(_NUMBERED.sub(r"\2", current[0]))
                and text[:1].isupper())):
            close()
        if not current:
            page = line.page
        if current and current[-1].endswith("-") and text[:1].islower():
            current[-1] = current[-1] + text
        else:
            current.append(text)
        if (_SENTENCE_END.search(text) or len(text) < SHORT_LINE_SHARE * usual
                or _MARKDOWN_HEADING.match(text)):
            close()
    close()
    return paragraphs


def plain(text: str) -> str:
    """A line of pasted text without Markdown's quote markers, emphasis and escapes."""
    text = _QUOTE_MARK.sub("", text.strip())
    escaped: List[str] = []

    def keep(match: "re.Match[str]") -> str:
        escaped.append(match.group(1))
        return f"\ue000{len(escaped) - 1}\ue001"

    text = _EMPHASIS.sub("", _ESCAPE.sub(keep, text))
    return re.sub("\ue000(\\d+)\ue001", lambda m: escaped[int(m.group(1))], text)


def _paragraphs(document: RawDocument) -> List[_Paragraph]:
    if document.kind in (DOCX, ODT):
        return [_Paragraph(line.text.strip(), line.page, line.heading_level, line.number)
                for line in document.lines if line.text.strip()]
    if document.kind == TEXT:
        lines = [Line(plain(line.text), line.page) for line in document.lines]
        return _join_wrapped(lines)
    return _join_wrapped(document.lines)


def split_passages(document: RawDocument) -> List[Passage]:
    """The document's passages in order, each with its article, part, heading and page."""
    passages: List[Passage] = []
    article, part, heading, annex = "", "", "", False

    def add(text: str, is_heading: bool = False) -> None:
        passages.append(Passage(
            " ".join(text.split()), len(passages), article, part, heading, paragraph.page,
            is_heading, annex,
        ))

    for paragraph in _paragraphs(document):
        text = paragraph.text
        markdown = _MARKDOWN_HEADING.match(text)
        heading_level = paragraph.heading_level
        if markdown:
            text, heading_level = markdown.group(2), len(markdown.group(1))
        if not text:
            continue
        if _ANNEX.match(text) and (heading_level or _is_heading_text(text)):
            article, part, heading, annex = "", "", text, True
            add(text, is_heading=True)
            continue
        found = _ARTICLE.match(text)
        if found:
            article, part = found.group(1).lower(), ""
            rest = found.group(2).strip()
            if not rest or _is_heading_text(rest):
                heading = rest
                add(text, is_heading=True)
            else:
                heading = ""
                add(rest)
            continue
        numbered = _NUMBERED.match(text)
        number = paragraph.number
        if numbered and (heading_level or _is_heading_text(numbered.group(2))):
            article, part, heading = numbered.group(1), "", numbered.group(2)
            add(text, is_heading=True)
            continue
        if number and number.isdigit() and (heading_level or _is_heading_text(text)):
            article, part, heading = number, "", text
            add(text, is_heading=True)
            continue
        if heading_level or (document.kind not in (DOCX, ODT) and _is_heading_text(text)
                             and not _LETTER.match(text) and not _BULLET.match(text)):
            article, part, heading = "", "", text
            add(text, is_heading=True)
            continue
        lid = _LID.match(text)
        letter = _LETTER.match(text)
        if lid:
            article, part = lid.group(1), lid.group(2)
            text = lid.group(3)
        elif letter and article:
            part, text = letter.group(1), letter.group(2)
        elif numbered and article:
            part, text = numbered.group(1), numbered.group(2)
        elif number and article:
            part = number
        add(text)
    return passages
