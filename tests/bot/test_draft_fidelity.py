"""Every variant of the draft is faithful to the format: each of the format's sentences that
applies stands in it verbatim, everything else is marked as the assistant's own (in the model,
in Word and in Markdown), and an interne regeling speaks of no parties and no agreement.

The format's sentences are written out here, from bot/sources/bouwsteen.txt, independently of
bot/draft/format.yml, so a reworded sentence in the layout fails these tests.
"""

import itertools
import re

import pytest

from bot.draft.document import (
    ANSWER_TEXT, CLAUSE, FIXED, OPEN, PARTY, TITLE, build_draft, load_format,
)
from bot.draft.example import EXAMPLE_DATE, example_answers, internal_answers
from bot.draft.markdown import to_markdown
from bot.draft.word import to_docx
from bot.interview.answers import NOT_APPLICABLE, PLACEHOLDER
from bot.knowledge.base import GUIDANCE_SOURCE
from bot.knowledge.text import letters_only
from tests.conftest import read_docx

SOURCE = GUIDANCE_SOURCE.read_text(encoding="utf-8")
FORMAT_SOURCE = SOURCE[SOURCE.index("Format samenwerkingsovereenkomst"):]

# The format's sentences, verbatim (only the extraction's line breaks joined).
EVERY_VARIANT = [
    "Afspraken",
    "De betreffende doorlopende leerroute vmbo-mbo",
    "Betrokkenheid bedrijfsleven",
    "Inzet leiding en verantwoording",
    "Organisatorische en onderwijskundige inrichting",
    "Overstapoptie",
    "Financiën",
    "Aanvullende afspraken t.a.v. geldende medezeggenschap-regime (optioneel)",
    "Geschilbeslechting",
    "Het bedrijfsleven wordt betrokken bij de invulling van deze doorlopende leerroute.",
    "Het volgende onderwijsprogramma wordt in deze doorlopende leerroute vmbo-mbo aangeboden:",
    "Het bedrijfsleven is/wordt als volgt betrokken bij de invulling van dit onderwijsprogramma:",
    "De leiding over de doorlopende leerroute vmbo-mbo wordt vormgegeven door inzet van:",
    "De betreffende doorlopende leerroute wordt aangeboden op volgende locatie(s):",
    "Er zijn afspraken gemaakt over het gebruik van verschillende faciliteiten zoals:",
    "De inzet van personeel is als volgt georganiseerd:",
    "Voor de doorlopende leerroutes geldt de WMS voor leerlingen die ingeschreven staan op het vmbo "
    "en hun ouders (de eerste 2 jaar van de doorlopende leerroute) en leraren die in dienst zijn van "
    "de vmbo-school. De WEB en WOR gelden voor studenten die ingeschreven staan op het mbo en hun "
    "ouders (na de eerste 2 jaar van de route) en docenten die in dienst zijn van de mbo-school. "
    "Indien gewenst kunnen er voor een doorlopende leerroute aanvullende afspraken worden gemaakt op "
    "het toepasselijke medezeggenschapsregime, dit kunnen alleen aanvullingen zijn op het geldende "
    "regime.",
    "Meer informatie over de melding van de doorlopende leerroutes op duo.nl onder voortgezet "
    "onderwijs [https://duo.nl/zakelijk/voortgezet-onderwijs/leerlingenadministratie/"
    "doorlopende-en-geintegreerde-leerroute-vmbo-mbo.jsp] en middelbaar beroepsonderwijs "
    "[https://duo.nl/zakelijk/middelbaar-beroepsonderwijs/studentenadministratie/"
    "doorlopende-en-geintegreerde-leerroute-vmbo-mbo.jsp]. Daar vindt u ook informatie over de "
    "inschrijving van de leerlingen/studenten en de uitwisseling met BRON.",
]
AGREEMENT_ONLY = [
    "Samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo",
    "[Bevoegd gezag van de school]",
    "[Bevoegd gezag van de instelling voor beroepsonderwijs]",
    "verklaren te zijn overeengekomen:",
    "Doel en wijze van samenwerking",
    "Betrokkenheid andere partijen",
    "Beëindiging overeenkomst",
    "Ondergetekenden beschrijven voor de gehele doorlopende leerroute vmbo-mbo het "
    "onderwijsprogramma, de examinering per leerjaar en de beroepspraktijkvorming per leerjaar en "
    "voeren dit in gezamenlijkheid uit.",
    "Ondergetekenden melden gezamenlijk aan de minister van OCW dat zij een gezamenlijke "
    "doorlopende leerroute vmbo-mbo aanbieden.",
    "Het verstrekken van inlichtingen en afleggen van verantwoording door deze leiding aan "
    "ondergetekenden wordt als volgt georganiseerd:",
    "Deelnemers die deze doorlopende leerroute niet met succes afronden worden door "
    "ondergetekenden in staat gesteld om:",
    "In de financiële overeenkomst, die als bijlage bij deze overeenkomst kan worden toegevoegd, is "
    "door ondergetekenden vastgelegd welke afspraken zijn gemaakt over de kosten van de "
    "doorlopende leerlijn. Er zijn afspraken gemaakt over eventuele overdracht van de bekostiging "
    "tussen ondergetekende partijen, de omvang en bestemming van evt. over te dragen middelen.",
    "De wijze van geschilbeslechting tussen de deelnemende partijen over de uitvoering van de "
    "overeenkomst.",
    "De voorwaarden waaronder een andere school of een andere instelling voor beroepsonderwijs "
    "partij kan worden bij de overeenkomst.",
    "De voorwaarden waaronder de overeenkomst kan worden opgezegd of ontbonden, alsmede de wijze "
    "waarop de overeenkomst in andere gevallen kan worden gewijzigd, telkens met het oog op het "
    "zoveel mogelijk beperken van de gevolgen voor de leerlingen en studenten.",
]
# Purpose point 1, with "dan wel" resolved to the route chosen.
POINT_1 = {
    "doorlopende_leerroute": "Op grond van deze samenwerkingsovereenkomst wordt gezamenlijk een "
    "doorlopende leerroute vmbo-mbo verzorgd door ondergetekenden.",
    "geintegreerd_onderwijsprogramma": "Op grond van deze samenwerkingsovereenkomst wordt "
    "gezamenlijk een geïntegreerd onderwijsprogramma verzorgd door ondergetekenden.",
}
# Words of parties and agreements, which an interne regeling has none of ("samenwerkingsovereenkomst"
# may be named: the regeling says why there is none, and when one is needed).
PARTY_LANGUAGE = re.compile(
    r"\b(partij|partijen|ondergetekenden?|overeenkomst|overeengekomen|gezamenlijk\w*|opgezegd|"
    r"ontbonden|opzegging|ondertekend)\b", re.IGNORECASE)

VARIANTS = list(itertools.product(
    (False, True), ("doorlopende_leerroute", "geintegreerd_onderwijsprogramma"), (True, False),
    ("given", "skipped"), ("one", "several"),
))


def _id(variant):
    internal, route, funding, clause_7, parties = variant
    return "-".join([
        "internal" if internal else "agreement", route[:12], "funding" if funding else "no-funding",
        f"clause7-{clause_7}", f"{parties}-party",
    ])


def answers_for(internal, route, funding, clause_7, parties):
    answers = dict(internal_answers() if internal else example_answers())
    answers.update(route_type=route, clause_6_funding_transfer=funding)
    if not funding:
        answers.update(clause_6_funding_amount=None, clause_6_funding_purpose=None)
    if clause_7 == "skipped":
        answers["clause_7_codetermination"] = NOT_APPLICABLE
    if parties == "several" and not internal:
        answers.update(
            vmbo_parties=["Stichting VO Noord", "Stichting VO Zuid"],
            mbo_parties=["ROC West", "ROC Oost"],
            signatories=[{"name": f"P. {n}", "position": "bestuurder"} for n in "ABCD"],
        )
    return answers


def format_text(block):
    """A block's text without the user's answers (and without the open mark)."""
    return "".join(span.text for span in block.spans if span.kind == FIXED)


def resolved_sources():
    """The format's letters, once with each side of "dan wel" in purpose point 1."""
    text = letters_only(FORMAT_SOURCE)
    both = letters_only("een doorlopende leerroute vmbo-mbo, dan wel een geïntegreerd onderwijsprogramma")
    first = letters_only("een doorlopende leerroute vmbo-mbo")
    second = letters_only("een geïntegreerd onderwijsprogramma")
    return [text, text.replace(both, first), text.replace(both, second)]


SOURCES = resolved_sources()


@pytest.mark.parametrize("variant", VARIANTS, ids=_id)
def test_every_format_sentence_that_applies_stands_verbatim(variant):
    internal, route, *_ = variant
    draft = build_draft(answers_for(*variant), EXAMPLE_DATE)
    format_blocks = [block.text for block in draft.blocks if not block.own]
    expected = EVERY_VARIANT + ([] if internal else AGREEMENT_ONLY + [POINT_1[route]])
    for sentence in expected:
        assert sentence in format_blocks, sentence


@pytest.mark.parametrize("variant", VARIANTS, ids=_id)
def test_every_text_not_marked_own_is_the_formats(variant):
    draft = build_draft(answers_for(*variant), EXAMPLE_DATE)
    for block in draft.blocks:
        if block.own or block.kind == PARTY:
            continue
        wording = letters_only(format_text(block))
        assert any(wording in source for source in SOURCES), block


@pytest.mark.parametrize("variant", [v for v in VARIANTS if v[0]], ids=_id)
def test_an_internal_regulation_speaks_of_no_parties_and_no_agreement(variant):
    draft = build_draft(answers_for(*variant), EXAMPLE_DATE)
    for block in draft.blocks:
        found = PARTY_LANGUAGE.search(format_text(block))
        assert found is None, (found, block.text)
    assert "gezamenlijk" not in draft.title.lower() and draft.title.startswith("Interne regeling")
    assert not PARTY_LANGUAGE.search(draft.header + draft.footer)


@pytest.mark.parametrize("variant", VARIANTS, ids=_id)
def test_word_and_markdown_mark_exactly_the_assistants_own_paragraphs(variant):
    draft = build_draft(answers_for(*variant), EXAMPLE_DATE)
    paragraphs = read_docx(to_docx(draft)).paragraphs
    assert len(paragraphs) == len(draft.blocks)
    for paragraph, block in zip(paragraphs, draft.blocks):
        assert paragraph.style.name.endswith("(assistent)") == block.own, (paragraph.style.name, block)
        if block.kind == ANSWER_TEXT:
            assert paragraph.style.name == "Antwoord"
    marker = f"*{load_format()['marks']['own_marker']}*"
    lines = to_markdown(draft).rstrip("\n").split("\n\n")
    assert lines[1].startswith(marker)  # the concept mark under the title
    for line, block in zip(lines[:1] + lines[2:], draft.blocks):
        body = re.sub(r"^(#+ |- |> )", "", line)
        assert body.startswith(marker) == block.own, (line, block)


def test_the_integrated_programme_keeps_the_formats_title_and_clause_1():
    answers = answers_for(False, "geintegreerd_onderwijsprogramma", True, "given", "one")
    draft = build_draft(answers, EXAMPLE_DATE)
    assert draft.title == "Samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo"
    assert "als geïntegreerd onderwijsprogramma" not in draft.plain_text()
    assert POINT_1["geintegreerd_onderwijsprogramma"] in draft.plain_text()


def test_open_places_show_the_formats_instruction_with_the_open_mark():
    answers = {**example_answers(), "clause_3a_leadership": PLACEHOLDER,
               "clause_5_transfer_option": None, "clause_8_disputes": PLACEHOLDER}
    blocks = build_draft(answers, EXAMPLE_DATE).blocks
    open_blocks = [b for b in blocks if any(s.kind == OPEN for s in b.spans) and b.kind == ANSWER_TEXT]
    texts = [b.text for b in open_blocks]
    assert texts == [
        "[samenstelling leiding, wijze van benoeming, taken en bevoegdheden] [nog in te vullen]",
        "[hier de inhoud van de overstapoptie(s) vermelden] [nog in te vullen]",
        "[nog in te vullen]",
    ]
    for block in open_blocks[:2]:
        assert letters_only(format_text(block)) in SOURCES[0]


def test_the_internal_regulation_has_no_instruction_meant_for_two_authorities():
    answers = {**internal_answers(), "clause_3b_accountability": PLACEHOLDER}
    texts = [b.text for b in build_draft(answers, EXAMPLE_DATE).blocks if b.kind == ANSWER_TEXT]
    assert "[nog in te vullen]" in texts
    assert not any("bevoegd gezag van de instelling" in text for text in texts)


@pytest.mark.parametrize("variant", VARIANTS, ids=_id)
def test_no_paragraph_has_double_spaces(variant):
    draft = build_draft(answers_for(*variant), EXAMPLE_DATE)
    assert not [b.text for b in draft.blocks if "  " in b.text or "\u00a0" in b.text]


def test_several_parties_each_carry_the_formats_label_and_one_joiner():
    draft = build_draft(answers_for(False, "doorlopende_leerroute", True, "given", "several"), EXAMPLE_DATE)
    head = [(b.kind, b.text) for b in draft.blocks[2:12]]
    assert head == [
        ("party", "Stichting VO Noord"), ("role", "[Bevoegd gezag van de school]"),
        ("party", "Stichting VO Zuid"), ("role", "[Bevoegd gezag van de school]"),
        ("party", "ROC West"), ("role", "[Bevoegd gezag van de instelling voor beroepsonderwijs]"),
        ("joiner", "en"),
        ("party", "ROC Oost"), ("role", "[Bevoegd gezag van de instelling voor beroepsonderwijs]"),
        ("text", "verklaren te zijn overeengekomen:"),
    ]


def test_the_title_of_each_document_is_a_title_block():
    for internal in (False, True):
        draft = build_draft(answers_for(internal, "doorlopende_leerroute", True, "given", "one"), EXAMPLE_DATE)
        assert draft.blocks[0].kind == TITLE and draft.blocks[0].own == internal
        assert [b for b in draft.blocks if b.kind == CLAUSE][9].own == internal
