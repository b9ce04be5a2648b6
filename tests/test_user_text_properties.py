"""Any text a user can send, through the answer check, the review, the draft and the logs.

Hypothesis writes the texts: any Unicode, and the characters that tend to break things (control
and direction codes, lone surrogates, non-characters, Markdown and HTML syntax, template tags,
line breaks of every kind). For each: nothing crashes, what is shown is the user's own text, and
none of it becomes markup.
"""

import asyncio
import logging
import unicodedata
from typing import List

from hypothesis import HealthCheck, event, given, settings, strategies as st
from markdown_it import MarkdownIt
from rasa_sdk.executor import CollectingDispatcher

from actions.interview_form import ValidateInterviewForm
from bot.draft.document import build_draft
from bot.draft.example import EXAMPLE_DATE
from bot.draft.markdown import to_markdown
from bot.draft.word import to_docx
from bot.interview.answers import Checked, check_answer
from bot.interview.catalogue import load_catalogue
from bot.interview.review import review_text
from tests.conftest import complete_answers, docx_texts, make_tracker

STEP = load_catalogue().get
TRICKY = [
    "\x00", "\x07", "\x0b", "\x1b", "\x1f", "\x7f", "\x85", "\u200b", "\u200f", "\u202e", "\u2066",
    "\u2028", "\ufeff", "\ufffe", "\uffff", "\ud800", "\udfff", "\r\n", "\r", "\n", "\t", " ",
    "\u00a0", "&", "&amp;", "<", ">", "<b>", "<script>", "*", "**", "_", "[", "](", ")", "`", "#",
    "-", "+", "=", "|", "~", "\\", "!", "{{", "}}", "{%", "%}", ";", ",", " - ", "1.", "2)", "e\u0301",
    "ij", "😀", "http://x.nl", "Stichting", "ROC", "voorzitter",
]
USER_TEXT = st.lists(
    st.one_of(st.characters(exclude_categories=()), st.sampled_from(TRICKY)), max_size=30,
).map("".join)
# Text with at least two words in it, so that the clause check accepts most of it.
CLAUSE_TEXT = st.tuples(USER_TEXT, USER_TEXT).map(lambda parts: f"{parts[0]} afspraak over {parts[1]}")
# CommonMark as a browser widget renders it: raw HTML is not let through.
RENDERER = MarkdownIt("commonmark", {"html": False})
PLAIN_INLINE = {"text", "softbreak"}
PROPERTIES = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture])


def unsafe(ch: str) -> bool:
    """Characters no document should hold: controls, surrogates, non-characters, direction codes."""
    return (unicodedata.category(ch) in ("Cc", "Cs") or ch in "\ufffe\uffff"
            or "\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069")


def shown_lines(text: str) -> List[str]:
    """What a reader should see of a text: its visible characters, one entry per written line."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    kept = "".join(ch for ch in text if ch == "\n" or not unsafe(ch))
    lines = [" ".join(line.split()) for line in kept.split("\n")]
    return [unicodedata.normalize("NFC", line) for line in lines if line]


def rendered_paragraphs(markdown: str) -> List[str]:
    """The text of every rendered paragraph, read past the format's own bold and italics."""
    paragraphs = []
    for token in RENDERER.parse(markdown):
        if token.type == "inline":
            paragraphs.append("".join("\n" if c.type == "softbreak" else c.content
                                      for c in token.children if c.type in PLAIN_INLINE))
    return paragraphs


def shown_after_label(markdown: str, label: str) -> str:
    """The plain text after a bold label ("- **label**: text"); fails when that text holds markup."""
    for token in RENDERER.parse(markdown):
        children = [c for c in token.children or [] if c.type != "text" or c.content]
        if [c.type for c in children[:3]] == ["strong_open", "text", "strong_close"] and children[1].content == label:
            rest = children[3:]
            assert all(child.type in PLAIN_INLINE for child in rest), [c.type for c in rest]
            return "".join("\n" if c.type == "softbreak" else c.content for c in rest).removeprefix(": ")
    raise AssertionError(f"no line labelled {label!r}")


def markup_in(markdown: str) -> List[str]:
    """Token types in the rendering that only markup (never plain text) produces."""
    html = {"html_inline", "html_block", "link_open", "image", "code_inline", "code_block", "fence"}
    found = []
    for token in RENDERER.parse(markdown):
        found += [token.type] if token.type in html else []
        found += [child.type for child in token.children or [] if child.type in html]
    return found


def _checked(key: str, text: str) -> Checked:
    checked = check_answer(STEP(key), text)
    assert checked.ok != bool(checked.message)
    event(f"{key}: {'accepted' if checked.ok else 'refused'}")
    return checked


@PROPERTIES
@given(text=USER_TEXT)
def test_every_check_answers_with_a_value_or_a_message(text):
    for key in ("same_authority", "route_type", "vmbo_parties", "clause_2_business", "signing_place",
                "signing_date", "signatory"):
        checked = _checked(key, text)
        if checked.ok and key == "same_authority":
            assert isinstance(checked.value, bool)
        elif checked.ok and key == "route_type":
            assert checked.value in [choice.value for choice in STEP(key).choices]
        elif checked.ok and key == "vmbo_parties":
            assert all(name and unicodedata.is_normalized("NFC", name) for name in checked.value)
        elif checked.ok and key == "signatory":
            assert set(checked.value) == {"name", "position"}


@PROPERTIES
@given(text=CLAUSE_TEXT)
def test_an_accepted_clause_answer_shows_as_written_in_word_markdown_and_review(text):
    checked = _checked("clause_2_business", text)
    if not checked.ok:
        return
    answers = complete_answers(clause_2_business=checked.value)
    expected = shown_lines(text)
    draft = build_draft(answers, EXAMPLE_DATE)

    texts = docx_texts(to_docx(draft))
    for line in expected:
        assert line in texts

    markdown = to_markdown(draft)
    assert not markup_in(markdown)
    for line in expected:
        assert line in rendered_paragraphs(markdown)

    review = review_text(answers)
    assert not markup_in(review)
    assert shown_after_label(review, STEP("clause_2_business").label) == "\n".join(expected)


@PROPERTIES
@given(text=USER_TEXT)
def test_an_accepted_party_name_shows_as_written_wherever_it_stands(text):
    checked = _checked("vmbo_parties", text)
    if not checked.ok:
        return
    answers = complete_answers(vmbo_parties=checked.value)
    draft = build_draft(answers, EXAMPLE_DATE)
    shown = [line for name in checked.value for line in shown_lines(name)]

    texts = docx_texts(to_docx(draft))
    for name in shown:
        assert name in texts and f"Namens {name}" in texts

    markdown = to_markdown(draft)
    assert not markup_in(markdown)
    paragraphs = rendered_paragraphs(markdown)
    for name in shown:
        assert name in paragraphs and f"(assistent) Namens {name}" in paragraphs
    assert not markup_in(review_text(answers))


@PROPERTIES
@given(name=USER_TEXT, position=USER_TEXT)
def test_an_accepted_signatory_shows_as_written(name, position):
    checked = _checked("signatory", f"{name}, {position}")
    if not checked.ok:
        return
    answers = complete_answers(signatories=[checked.value, {"name": "B. Smit", "position": "rector"}])
    texts = docx_texts(to_docx(build_draft(answers, EXAMPLE_DATE)))
    assert "Naam: " + " ".join(shown_lines(checked.value["name"])) in texts
    assert "Functie: " + " ".join(shown_lines(checked.value["position"])) in texts
    assert not markup_in(to_markdown(build_draft(answers, EXAMPLE_DATE)))


@PROPERTIES
@given(text=USER_TEXT)
def test_what_a_user_types_in_the_interview_never_reaches_the_logs(text, caplog, domain):
    secret = f"{text} Geheimnaam7"
    caplog.clear()
    tracker = make_tracker(
        {"text": secret, "intent": {"name": "nlu_fallback", "confidence": 0.5}, "intent_ranking": []},
        slots={"requested_slot": "clause_2_business", "clause_2_business": secret},
        events=[{"event": "slot", "name": "clause_2_business", "value": secret}],
        active_loop={"name": "interview_form", "validate": True},
    )
    with caplog.at_level(logging.INFO):
        events = asyncio.run(ValidateInterviewForm().run(CollectingDispatcher(), tracker, domain))
    assert "Geheimnaam7" not in caplog.text
    kept = [e["value"] for e in events if e.get("name") == "clause_2_business"]
    assert kept and (kept[0] is None or "Geheimnaam7" in kept[0])
