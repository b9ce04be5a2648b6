"""The check's result as a report to download and discuss: Markdown and Word.

Both are built from one list of blocks. What comes from the user's document (quotes, party
names) is always text: escaped in Markdown, plain runs in Word, never a template.
"""

from dataclasses import dataclass
from datetime import date
from io import BytesIO
from typing import List, Tuple

from bot.agreement import messages
from bot.agreement.check import CheckResult
from bot.agreement.checker import COVERED, NOT_APPLICABLE, TopicFinding
from bot.agreement.facts import MBO, OTHER, VMBO, Facts
from bot.agreement.checker import Evidence
from bot.text_markup import escape_markdown

TITLE, HEADING, SUBHEADING, FIELD, QUOTE, TEXT = "title", "heading", "subheading", "field", "quote", "text"
LANGUAGE = "nl-NL"


@dataclass(frozen=True)
class Block:
    """One paragraph of the report: ``label`` is ours, ``text`` may come from the document."""

    kind: str
    text: str
    label: str = ""
    place: str = ""


def _evidence_blocks(evidence: Tuple[Evidence, ...]) -> List[Block]:
    return [Block(QUOTE, item.quote, place=item.place) for item in evidence]


def _facts_blocks(facts: Facts) -> List[Block]:
    found = messages.NOT_FOUND
    blocks = [Block(HEADING, messages.REPORT_FACTS)]
    for side, label in ((VMBO, messages.LABEL_PARTIES_VMBO), (MBO, messages.LABEL_PARTIES_MBO),
                        (OTHER, messages.LABEL_PARTIES_OTHER)):
        names = facts.names(side)
        if names or side != OTHER:
            blocks.append(Block(FIELD, "; ".join(names) or found, label=label))
    kind = messages.KIND_NAMES[facts.kind]
    if facts.is_addendum:
        kind = messages.KIND_NAMES["addendum"]
    blocks.append(Block(FIELD, kind, label=messages.LABEL_KIND))
    blocks.append(Block(FIELD, messages.ROUTE_NAMES[facts.route], label=messages.LABEL_ROUTE))
    transferred = {True: messages.FUNDING_YES, False: messages.FUNDING_NO}.get(
        facts.funding.transferred, messages.FUNDING_UNKNOWN)
    blocks.append(Block(FIELD, transferred, label=messages.LABEL_FUNDING))
    if facts.funding.transferred:
        for label, evidence in ((messages.LABEL_AMOUNT, facts.funding.amount),
                                (messages.LABEL_DESTINATION, facts.funding.destination)):
            blocks.append(Block(FIELD, "" if evidence else found, label=label))
            blocks += _evidence_blocks(evidence)
    return blocks


def _topic_blocks(finding: TopicFinding) -> List[Block]:
    blocks = [
        Block(SUBHEADING, f"{finding.topic}. {finding.name}"),
        Block(FIELD, messages.STATUS_NAMES[finding.status], label=messages.LABEL_STATUS),
    ]
    blocks += [Block(TEXT, note) for note in finding.notes]
    blocks.append(Block(FIELD, "" if finding.evidence else messages.NO_EVIDENCE,
                        label=messages.LABEL_EVIDENCE))
    blocks += _evidence_blocks(finding.evidence)
    if finding.status not in (COVERED, NOT_APPLICABLE):
        blocks.append(Block(FIELD, "", label=messages.LABEL_LAW))
        blocks.append(Block(QUOTE, finding.law))
    return blocks


def report_blocks(result: CheckResult) -> List[Block]:
    """Every paragraph of the report, in order."""
    covered = len(result.letters(COVERED))
    rest = (messages.REPORT_TO_COMPLETE.format(topics=", ".join(result.to_complete))
            if result.to_complete else messages.REPORT_ALL_COVERED)
    blocks = [Block(TITLE, messages.REPORT_TITLE), Block(TEXT, messages.REPORT_INTRO),
              Block(TEXT, messages.REPORT_SUMMARY.format(covered=covered, rest=rest))]
    blocks += _facts_blocks(result.facts)
    blocks.append(Block(HEADING, messages.REPORT_TOPICS))
    for finding in result.findings:
        blocks += _topic_blocks(finding)
    return blocks


def to_markdown(result: CheckResult, made_on: date) -> str:
    """The report as Markdown; the document's text is escaped and shows literally."""
    lines = []
    for block in report_blocks(result):
        text = escape_markdown(block.text)
        if block.kind == TITLE:
            lines.append(f"# {text}\n\n*{made_on.isoformat()}*")
        elif block.kind == HEADING:
            lines.append(f"## {text}")
        elif block.kind == SUBHEADING:
            lines.append(f"### {text}")
        elif block.kind == FIELD:
            lines.append(f"**{block.label}:** {text}".rstrip())
        elif block.kind == QUOTE:
            quoted = "\n> ".join(text.splitlines() or [""])
            place = f"\n>\n> *({escape_markdown(block.place)})*" if block.place else ""
            lines.append(f"> {quoted}{place}")
        else:
            lines.append(text)
    return "\n\n".join(lines) + "\n"


def to_docx(result: CheckResult, made_on: date) -> bytes:
    """The report as a Word document; the document's text goes in as plain runs."""
    from datetime import datetime, time

    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = Document()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), LANGUAGE)
    document.styles["Normal"].element.get_or_add_rPr().append(language)
    properties = document.core_properties
    properties.title, properties.language = messages.REPORT_TITLE, LANGUAGE
    properties.author = properties.last_modified_by = ""
    properties.created = properties.modified = datetime.combine(made_on, time(0, 0))
    for block in report_blocks(result):
        if block.kind == TITLE:
            document.add_heading(block.text, level=0)
            document.add_paragraph(made_on.isoformat())
        elif block.kind == HEADING:
            document.add_heading(block.text, level=1)
        elif block.kind == SUBHEADING:
            document.add_heading(block.text, level=2)
        elif block.kind == FIELD:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{block.label}: ").bold = True
            paragraph.add_run(block.text)
        elif block.kind == QUOTE:
            paragraph = document.add_paragraph(block.text, style="Quote")
            if block.place:
                paragraph.add_run(f" ({block.place})").italic = True
        else:
            document.add_paragraph(block.text)
    output = BytesIO()
    document.save(output)
    return output.getvalue()
