"""The Markdown version: the golden example, and user text that stays text."""

from dataclasses import replace

import docx
import pytest
from markdown_it import MarkdownIt

from bot.draft.document import Block, Span, build_draft
from bot.draft.example import ANSWERS, EXAMPLE_DATE, EXAMPLES, example_answers, write_example
from bot.draft.markdown import to_markdown
from bot.draft.word import to_docx
from bot.interview.answers import NOT_APPLICABLE, PLACEHOLDER
from bot.settings import PROJECT_ROOT
from tests.conftest import docx_texts

GOLDEN = PROJECT_ROOT / "tests" / "golden" / "example-draft.md"
HOSTILE = [
    "Tom & Jerry <b>vet</b> \"aanhalingstekens\" en 'enkele'",
    "{{ 7*7 }} en {{ config.items() }}",
    "{% for x in range(3) %}herhaal{% endfor %}",
    "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "# Kop\n- lijst\n1. genummerd\n> citaat\n| tabel | cel |",
    "[klik hier](javascript:alert(1)) en ![plaatje](http://x/y.png) `code` **vet** _schuin_",
    "&lt;b&gt; en &amp; en &#60;script&#62;",
    "\\*geen escape\\* en ~~doorgehaald~~",
]
# CommonMark, as a browser widget renders it: raw HTML is not allowed through.
RENDERER = MarkdownIt("commonmark", {"html": False})


def test_the_example_draft_equals_the_golden_file():
    assert to_markdown(build_draft(example_answers(), EXAMPLE_DATE)) == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_example_equals_its_golden_file(name, tmp_path):
    golden = PROJECT_ROOT / "tests" / "golden" / EXAMPLES[name][1]
    assert to_markdown(build_draft(ANSWERS[name](), EXAMPLE_DATE)) == golden.read_text(encoding="utf-8")
    assert write_example(tmp_path)[f"{name}.md"].read_text(encoding="utf-8") == golden.read_text(encoding="utf-8")


def test_the_example_command_writes_both_files(tmp_path):
    paths = write_example(tmp_path)
    assert paths["md"].read_text(encoding="utf-8") == GOLDEN.read_text(encoding="utf-8")
    assert docx.Document(str(paths["docx"])).paragraphs[0].text.startswith("Samenwerkingsovereenkomst")


def _with(text):
    return {**example_answers(), "clause_2_business": text, "vmbo_parties": [text.split("\n")[0]],
            "signing_place": text.split("\n")[0]}


@pytest.mark.parametrize("hostile", HOSTILE)
def test_user_text_shows_literally_in_markdown(hostile):
    markdown = to_markdown(build_draft(_with(hostile), EXAMPLE_DATE))
    html = RENDERER.render(markdown)
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert 'href="javascript' not in html and "<code>" not in html
    rendered_text = RENDERER.parse(markdown)
    shown = "".join(
        child.content for token in rendered_text if token.children for child in token.children
        if child.type == "text"
    )
    for line in hostile.split("\n"):
        assert line in shown, line


@pytest.mark.parametrize("hostile", HOSTILE)
def test_user_text_shows_literally_in_word(hostile):
    texts = docx_texts(to_docx(build_draft(_with(hostile), EXAMPLE_DATE)))
    for line in hostile.split("\n"):
        assert line in texts, line
    first = hostile.split("\n")[0]
    assert f"Namens {first}" in texts
    assert f"Aldus overeengekomen en ondertekend te {first} op 1 februari 2027." in texts


def test_a_very_long_answer_is_kept_whole():
    long_answer = ("Een lange zin met <tekens> & {{ sjablonen }}. " * 90).strip()
    answers = {**example_answers(), "clause_8_disputes": long_answer}
    assert long_answer in docx_texts(to_docx(build_draft(answers, EXAMPLE_DATE)))
    assert len(long_answer) > 4000 - 400


def test_open_and_skipped_places_are_marked_in_markdown():
    answers = {**example_answers(), "clause_8_disputes": PLACEHOLDER, "clause_7_codetermination": NOT_APPLICABLE}
    markdown = to_markdown(build_draft(answers, EXAMPLE_DATE))
    assert "> **\\[nog in te vullen\\]**\n" in markdown
    assert "> *\\[niet van toepassing\\]*\n" in markdown


def test_an_unknown_block_kind_is_refused_by_name():
    draft = build_draft(example_answers(), EXAMPLE_DATE)
    odd = replace(draft, blocks=(Block("tabel", (Span("x"),)),))
    with pytest.raises(ValueError, match="unknown block kind tabel"):
        to_markdown(odd)


def test_the_example_command_makes_missing_folders(tmp_path):
    paths = write_example(tmp_path / "results" / "example")
    assert paths["md"].read_bytes() == GOLDEN.read_bytes()


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_each_example_holds_the_answers_of_a_finished_interview(name):
    from bot.interview.catalogue import CHOICE, PARTIES, SIGNATORIES_KEY, YES_NO, load_catalogue
    from bot.interview.flow import missing_keys

    answers, catalogue = ANSWERS[name](), load_catalogue()
    assert set(answers) == set(catalogue.keys) | {SIGNATORIES_KEY}
    assert missing_keys(answers) == [] and answers["signatory"] is None
    asked = {step.key for step in catalogue.applicable(answers)}
    for step in catalogue.steps:
        value = answers[step.key]
        if step.kind == YES_NO and step.key in asked:
            assert value in (True, False)
        elif step.kind == CHOICE and value is not None:
            assert value in [choice.value for choice in step.choices]
        elif step.kind == PARTIES and value is not None:
            assert value and all(isinstance(party, str) and party for party in value)
