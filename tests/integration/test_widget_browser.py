"""The chat widget on the demo intranet page, in a real headless Chromium (Debian's package),
driven by Playwright, against the real Rasa and action servers.

The browser is required: without it these tests fail with how to install it (`make browser`).
Screenshots are written to results/screenshots/.
"""

import json
import os
import re
from datetime import date
from io import BytesIO
from pathlib import Path
from urllib.parse import urlparse

import docx
import pytest
from playwright.sync_api import Page, expect, sync_playwright

from bot import messages
from bot.agreement import messages as agreement_messages
from bot.feedback import store as report_kinds
from bot.feedback.store import ReportStore
from bot.interview.catalogue import load_catalogue
from bot.knowledge import load_knowledge
from bot.settings import PROJECT_ROOT
from tests.integration.interviews import FULL_MBO_NAME, SIGNATORIES, TYPED, completion_answer

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
WIDGET_RULES = {
    "button-name", "label", "color-contrast", "aria-allowed-attr", "aria-required-attr",
    "aria-valid-attr-value", "nested-interactive", "scrollable-region-focusable", "html-has-lang",
}
AXE = PROJECT_ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = PROJECT_ROOT / "results" / "screenshots"
STEP = load_catalogue().get
MR_ANSWER = load_knowledge().get("medezeggenschap_goedkeuring").answer
AGREEMENTS = PROJECT_ROOT / "tests" / "heldout" / "agreements"
HOSTILE = "<img src=x onerror=alert(1)> & {{ 7*7 }}"
INTERVIEW = [
    "nee", "Doorlopende leerroute vmbo-mbo", "Stichting VO <b>Noord</b>", "ROC Zuid",
    "Profiel Techniek met het opleidingsdomein Techniek en procesindustrie.",
    "/use_example", "/use_example", "/use_example", "/use_example", "/use_example",
    "/use_example", "/use_example", "/use_example", "/use_example", "nee", "/skip_clause", "weet ik nog niet", "/use_example",
    "/use_example", "Deventer", "1 september 2026", "K. Jansen, bestuurder",
    "L. de Boer, voorzitter college van bestuur",
]


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM.exists(), f"no Chromium at {CHROMIUM}: install it with `make browser`"
    assert AXE.exists(), "axe-core is missing: install it with `make browser`"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser, assistant):
    context = browser.new_context(viewport={"width": 1280, "height": 860}, bypass_csp=True,
                                  accept_downloads=True, locale="nl-NL")
    page = context.new_page()
    page.dialogs, page.requested = [], []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.accept()))
    page.on("request", lambda request: page.requested.append(request.url))
    page.goto(demo_url(assistant))
    yield page
    context.close()


def demo_url(assistant, path="/widget/demo"):
    # The links the bot sends use localhost, so the demo page is opened on the same origin.
    return f"http://localhost:{assistant.rasa_port}{path}"


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def open_widget(page: Page) -> None:
    page.get_by_role("button", name="Stel uw vraag").click()
    expect(page.locator(".msg.bot").first).to_contain_text("Goedendag", timeout=30000)


def say(page: Page, text: str) -> None:
    before = page.locator(".msg.bot").count()
    page.get_by_label("Uw bericht").fill(text)
    page.get_by_label("Uw bericht").press("Enter")
    expect(page.locator(".msg.bot")).not_to_have_count(before, timeout=30000)
    expect(page.get_by_role("button", name="Verstuur")).to_be_enabled(timeout=30000)


def stored_conversation_id(page: Page) -> str:
    return page.evaluate("JSON.parse(localStorage.getItem(Object.keys(localStorage)[0])).id")


def test_closed_then_open_with_a_welcome_and_buttons(page, assistant):
    launcher = page.get_by_role("button", name="Stel uw vraag")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    shot(page, "widget-closed")
    open_widget(page)
    expect(page.get_by_role("dialog", name="Assistent samenwerkingsovereenkomst")).to_be_visible()
    expect(page.get_by_role("button", name="De overeenkomst opstellen")).to_be_visible()
    expect(page.get_by_label("Uw bericht")).to_be_focused()
    hosts = {urlparse(url).netloc for url in page.requested}
    assert hosts == {f"localhost:{assistant.rasa_port}"}, hosts


def test_a_question_gets_its_answer_and_a_quick_reply_starts_the_interview(page):
    open_widget(page)
    say(page, "Moet de MR de samenwerkingsovereenkomst goedkeuren?")
    first_sentence = MR_ANSWER.split(".")[0]
    expect(page.locator(".log")).to_contain_text(first_sentence)
    expect(page.locator(".log em").last).to_have_text("Bron: FAQ samenwerkingsovereenkomst")
    page.get_by_role("button", name="De overeenkomst opstellen").first.click()
    expect(page.locator(".log")).to_contain_text(STEP("same_authority").question, timeout=30000)
    expect(page.locator(".msg.user").last).to_have_text(re.compile("U: De overeenkomst opstellen"))
    expect(page.locator("time").last).to_have_text(re.compile(r"^\d\d:\d\d$"))
    shot(page, "widget-open-conversation")


def test_user_and_bot_text_never_becomes_markup(page):
    open_widget(page)
    say(page, HOSTILE)
    expect(page.locator(".msg.user").last).to_contain_text(HOSTILE)
    assert page.locator(".log img").count() == 0 and page.dialogs == []
    say(page, "/start_interview")
    say(page, "nee")
    say(page, "Doorlopende leerroute vmbo-mbo")
    say(page, "Stichting <b>Noord</b> & Co")
    say(page, "/stop_interview")
    assert page.locator(".log b").count() == 0 and page.dialogs == []


def test_an_interview_to_the_draft_download(page, tmp_path):
    open_widget(page)
    page.get_by_role("button", name="De overeenkomst opstellen").first.click()
    expect(page.locator(".log")).to_contain_text(STEP("same_authority").question, timeout=30000)
    for answer in INTERVIEW:
        say(page, answer)
    expect(page.locator(".log")).to_contain_text("Uw antwoorden")
    expect(page.locator(".log")).to_contain_text("Stichting VO <b>Noord</b>")
    page.get_by_role("button", name="Bevestigen").last.click()
    download_button = page.get_by_role("link", name="Download concept (Word)")
    expect(download_button).to_be_visible(timeout=30000)
    with page.expect_download() as download_info:
        download_button.click()
    download = download_info.value
    assert re.match(r"concept-samenwerkingsovereenkomst-\d{4}-\d\d-\d\d\.docx", download.suggested_filename)
    texts = [p.text for p in docx.Document(download.path()).paragraphs]
    assert "Stichting VO <b>Noord</b>" in texts and "Naam: L. de Boer" in texts
    expect(page.get_by_role("status")).to_contain_text("gedownload")
    shot(page, "widget-draft-ready")


def test_the_interview_shows_progress_a_back_button_and_one_time_per_turn(page):
    open_widget(page)
    page.get_by_role("button", name="De overeenkomst opstellen").first.click()
    expect(page.locator(".log")).to_contain_text(STEP("same_authority").question, timeout=30000)
    bar = page.get_by_role("progressbar", name="Voortgang van het invullen")
    expect(bar).to_have_attribute("aria-valuenow", "1")
    say(page, "nee")
    expect(bar).to_have_attribute("aria-valuenow", "2")
    expect(bar).to_have_attribute("aria-valuetext", re.compile(r"^Vraag 2 van \d+$"))
    back = page.get_by_role("button", name="Vorige vraag").last
    back.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".log")).to_contain_text("Eerder antwoordde u: Nee", timeout=30000)
    expect(bar).to_have_attribute("aria-valuenow", "1")
    turns = page.locator(".msg.bot").evaluate_all(
        "items => [...new Set(items.map(i => i.getAttribute('data-time')))].length")
    assert page.locator(".msg.bot time").count() == turns < page.locator(".msg.bot").count()
    expect(page.locator(".msg.bot").last.locator("time")).to_have_count(1)
    assert "\u00ad" in page.locator("h2").text_content()  # "samenwerkings-overeenkomst" only


def test_after_a_reload_at_200_percent_zoom_the_current_question_is_in_view(browser, assistant):
    context = browser.new_context(viewport={"width": 640, "height": 430})
    page = context.new_page()
    page.goto(demo_url(assistant))
    open_widget(page)
    say(page, "Wat is een doorlopende leerroute?")
    page.get_by_role("button", name="De overeenkomst opstellen").last.click()
    expect(page.locator(".log")).to_contain_text(STEP("same_authority").question, timeout=30000)
    say(page, "nee")
    page.reload()
    question = page.locator(".msg.bot", has_text="Vraag 2 van").last
    expect(question).to_be_in_viewport()
    context.close()


def test_the_conversation_survives_a_reload_and_another_page(page, assistant):
    open_widget(page)
    say(page, "Wat is een doorlopende leerroute?")
    conversation = stored_conversation_id(page)
    messages = page.locator(".msg").count()
    page.reload()
    expect(page.locator(".msg")).to_have_count(messages)
    assert stored_conversation_id(page) == conversation
    page.goto(demo_url(assistant, "/widget/demo/nieuws"))
    expect(page.locator(".msg")).to_have_count(messages)
    say(page, "Dank u wel")
    assert stored_conversation_id(page) == conversation
    page.get_by_role("button", name="Nieuw gesprek").click()
    assert page.dialogs and "nieuw gesprek" in page.dialogs[-1]
    expect(page.locator(".msg")).to_have_count(1, timeout=30000)
    assert stored_conversation_id(page) != conversation


def test_an_unreachable_bot_shows_an_error_and_retry_works(page):
    open_widget(page)
    page.route("**/webhooks/rest/webhook", lambda route: route.abort())
    page.get_by_label("Uw bericht").fill("Wat is teambevoegdheid?")
    page.get_by_label("Uw bericht").press("Enter")
    expect(page.get_by_role("status")).to_contain_text("niet bereikbaar", timeout=30000)
    page.unroute("**/webhooks/rest/webhook")
    page.get_by_role("button", name="Opnieuw proberen").click()
    expect(page.locator(".msg.bot")).not_to_have_count(1, timeout=30000)
    expect(page.locator(".log")).to_contain_text(re.compile("teambevoegdheid", re.IGNORECASE))
    assert page.locator(".msg.user").count() == 1


def test_a_failed_download_says_so_with_a_retry(page, assistant):
    open_widget(page)
    page.evaluate("""(url) => {
        const key = Object.keys(localStorage)[0];
        const state = JSON.parse(localStorage.getItem(key));
        state.messages.push({from: 'bot', text: 'Uw concept', buttons: [], time: new Date().toISOString(),
                             draft: {token: 'A'.repeat(32)}});
        localStorage.setItem(key, JSON.stringify(state));
    }""", f"http://localhost:{assistant.rasa_port}")
    page.reload()
    page.get_by_role("link", name="Download concept (Word)").click()
    expect(page.get_by_role("status")).to_contain_text("niet gelukt")
    expect(page.get_by_role("button", name="Opnieuw proberen")).to_be_visible()


def test_draft_links_go_only_to_the_bot_s_own_downloads(page, assistant):
    """Whatever a reply's payload says, the widget links only to /drafts/<token>/ on the bot."""
    open_widget(page)
    hostile = [
        {"text": "Eerste", "custom": {"draft": {"token": "B" * 32, "docx": "javascript:alert(1)",
                                                 "markdown": "https://elders.example/x"}}},
        {"text": "Tweede", "custom": {"draft": {"token": "../../etc/passwd" + "x" * 16}}},
        {"text": "Derde", "custom": {"draft": {"token": "javascript:alert(1)//" + "y" * 11}}},
    ]
    page.route("**/webhooks/rest/webhook", lambda route: route.fulfill(
        status=200, content_type="application/json", body=json.dumps(hostile)))
    say(page, "Stuur het concept")
    expect(page.locator(".log")).to_contain_text("Derde")
    hrefs = page.locator(".draft a").evaluate_all("links => links.map(a => a.href)")
    own = f"http://localhost:{assistant.rasa_port}/drafts/{'B' * 32}/"
    assert hrefs == [own + "docx", own + "md"], hrefs
    assert page.dialogs == []


def upload_with_the_keyboard(page: Page, files) -> None:
    """Choose files through the upload button, reached and pressed with the keyboard only."""
    button = page.get_by_role("button", name="Overeenkomst uploaden")
    expect(button).to_be_enabled(timeout=30000)  # disabled while a message or upload is on its way
    with page.expect_file_chooser() as chooser:
        button.press("Enter")  # focuses the button, then presses Enter on it
    chooser.value.set_files(files)


def test_an_uploaded_agreement_gets_its_topics_and_report_and_passes_axe(page):
    open_widget(page)
    page.get_by_role("button", name="Een bestaande overeenkomst controleren").click()
    expect(page.locator(".msg.bot").last).to_contain_text("Overeenkomst uploaden", timeout=30000)
    upload_with_the_keyboard(page, str(AGREEMENTS / "format_two_missing.docx"))
    expect(page.locator(".msg.user").last).to_contain_text("format_two_missing.docx")
    # The result, then the offer to complete the missing topics.
    expect(page.locator(".msg.bot").last).to_contain_text(agreement_messages.OFFER_COMPLETION, timeout=30000)
    answer = page.locator(".msg.bot").nth(-2)
    expect(answer).to_contain_text("8 van de 10 onderwerpen zijn geregeld", timeout=30000)
    expect(answer).to_contain_text("Aan te vullen of te controleren: f, i.")
    expect(answer.locator("li")).to_have_count(10)
    expect(answer.locator("li").nth(5)).to_have_text("f. inhoud van de overstapoptie: ontbreekt")
    expect(answer.locator("li").nth(8)).to_have_text("i. geschilbeslechting: ontbreekt")
    expect(page.get_by_role("status")).to_contain_text("gecontroleerd")
    download_button = page.get_by_role("link", name="Download overzicht (Word)")
    with page.expect_download() as download_info:
        download_button.click()
    download = download_info.value
    assert re.match(r"controle-samenwerkingsovereenkomst-\d{4}-\d\d-\d\d\.docx", download.suggested_filename)
    texts = [p.text for p in docx.Document(download.path()).paragraphs]
    assert "f. inhoud van de overstapoptie" in texts
    shot(page, "widget-agreement-checked")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
    serious = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
    # After a reload the result is shown again, still as text.
    page.reload()
    expect(page.locator(".msg.bot li").nth(8)).to_have_text("i. geschilbeslechting: ontbreekt")


def test_a_refused_upload_says_why_and_a_hostile_name_stays_text(page):
    open_widget(page)
    upload_with_the_keyboard(page, str(AGREEMENTS / "damaged.docx"))
    expect(page.locator(".msg.bot").last).to_have_text(
        re.compile(re.escape(agreement_messages.DAMAGED)), timeout=30000)
    upload_with_the_keyboard(page, {"name": HOSTILE + ".txt", "mimeType": "text/plain",
                                    "buffer": b"<b>kort</b>"})
    expect(page.locator(".msg.user").last).to_contain_text(HOSTILE)
    expect(page.locator(".msg.bot").last).to_contain_text(agreement_messages.NO_TEXT, timeout=30000)
    assert page.locator(".log img, .log b").count() == 0 and page.dialogs == []


def test_a_pasted_agreement_is_checked_in_the_chat(page):
    open_widget(page)
    say(page, (AGREEMENTS / "plain_pasted.txt").read_text(encoding="utf-8"))
    expect(page.locator(".log")).to_contain_text("Ik heb uw overeenkomst gecontroleerd.")
    expect(page.locator(".msg.bot li")).to_have_count(10)
    expect(page.locator(".msg.bot li").nth(8)).to_contain_text("i. geschilbeslechting: ")
    expect(page.get_by_role("link", name="Download overzicht (Word)")).to_be_visible()
    hrefs = page.locator(".draft a").evaluate_all("links => links.map(a => a.href)")
    assert len(hrefs) == 2 and all("/agreements/reports/" in href for href in hrefs), hrefs


def axe_serious_violations(page: Page) -> list:
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in results["violations"]
            if v["impact"] in ("serious", "critical")]


def test_feedback_buttons_are_named_by_their_question_and_keep_a_remark(page, assistant):
    open_widget(page)
    say(page, "Moet de medezeggenschapsraad instemmen, vraagt de widget?")
    feedback = page.get_by_role("group", name=messages.FEEDBACK_QUESTION).last
    expect(feedback.get_by_role("button", name="Ja")).to_be_visible()
    no = feedback.get_by_role("button", name="Nee")
    no.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".log")).to_contain_text(messages.FEEDBACK_SORRY, timeout=30000)
    expect(page.locator(".log")).to_contain_text(messages.CONTACT_DEFAULT)
    expect(page.get_by_role("button", name="Geen opmerking")).to_be_visible()
    assert axe_serious_violations(page) == []
    say(page, "Ik miste wie er namens de <b>OR</b> tekent")
    expect(page.locator(".log")).to_contain_text(messages.REMARK_THANKS)
    expect(page.locator(".log b")).to_have_count(0)
    report = ReportStore(assistant.state_dir / "report.db")
    remarks = [(e.kind, e.remark) for e in report.events(date.min, date.max)
               if e.question == "Moet de medezeggenschapsraad instemmen, vraagt de widget?"]
    assert remarks == [(report_kinds.NOT_HELPFUL, "Ik miste wie er namens de <b>OR</b> tekent")]
    shot(page, "widget-feedback")


def _act(page: Page, message: str) -> None:
    """Send a message; "behouden" with the button, as a user keeps the document's answer."""
    if message != "behouden":
        say(page, message)
        return
    before = page.locator(".msg.bot").count()
    page.get_by_role("button", name="Behouden").last.click()
    expect(page.locator(".msg.bot")).not_to_have_count(before, timeout=30000)
    expect(page.get_by_role("button", name="Verstuur")).to_be_enabled(timeout=30000)


def _complete_in_the_widget(page: Page, choice: str) -> list:
    """Upload the vakmanschapsroute agreement, accept the offer, choose the document, answer
    every question, confirm and download the Word file; returns its paragraphs."""
    open_widget(page)
    upload_with_the_keyboard(page, str(AGREEMENTS / "vakmanschapsroute_old.docx"))
    offer = page.locator(".msg.bot").last
    expect(offer).to_contain_text(agreement_messages.OFFER_COMPLETION, timeout=30000)
    expect(page.locator(".msg.bot").nth(-2)).to_contain_text("h. aanvullende afspraken over medezeggenschap: ontbreekt")
    page.get_by_role("button", name="Ja, aanvullen").last.click()
    expect(page.locator(".msg.bot").last).to_contain_text("Hoe wilt u de ontbrekende onderwerpen", timeout=30000)
    page.get_by_role("button", name=choice).last.click()
    expect(page.locator(".log")).to_contain_text("Vraag 1 van", timeout=30000)
    expect(page.get_by_role("button", name="Verstuur")).to_be_enabled(timeout=30000)
    signatories, seen = list(SIGNATORIES), page.locator(".msg.bot").count() - 3
    for _turn in range(60):
        bots = page.locator(".msg.bot")
        turn = bots.all_inner_texts()[seen:]
        seen = bots.count()
        if any("Uw antwoorden" in text for text in turn):
            break
        buttons = page.locator(".msg.bot").last.locator("button").all_inner_texts()
        _act(page, completion_answer("\n".join(turn), buttons, signatories))
    else:
        raise AssertionError(turn)
    page.get_by_role("button", name="Bevestigen").last.click()
    download_button = page.get_by_role("link", name="Download concept (Word)")
    expect(download_button).to_be_visible(timeout=30000)
    with page.expect_download() as download_info:
        download_button.click()
    return [p.text for p in docx.Document(download_info.value.path()).paragraphs]


def test_the_missing_topics_completed_as_an_addendum_in_the_widget(page):
    paragraphs = _complete_in_the_widget(page, "Aanvulling")
    assert paragraphs[0] == "Aanvulling op de samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo"
    assert FULL_MBO_NAME in paragraphs
    assert "Stichting voor Christelijk Voortgezet Onderwijs Lingestreek" in paragraphs
    for answer in TYPED.values():
        assert any(answer in p for p in paragraphs), answer
    assert "Naam: H.J. van Wijk" in paragraphs
    assert not any("klankbordgroep" in p for p in paragraphs)  # covered topics stay out
    shot(page, "widget-agreement-addendum")


def test_the_missing_topics_completed_as_a_new_draft_in_the_widget(page):
    paragraphs = _complete_in_the_widget(page, "Nieuwe volledige versie")
    assert paragraphs[0] == "Samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo"
    assert any(p.startswith("Het bouwbedrijfsleven in de regio is vertegenwoordigd") for p in paragraphs)
    for answer in TYPED.values():
        assert any(answer in p for p in paragraphs), answer
    assert "Alle wettelijk verplichte onderwerpen (a tot en met j) zijn ingevuld." in paragraphs


def test_keyboard_only(page):
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Stel uw vraag")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Uw bericht")).to_be_focused()
    expect(page.locator(".msg.bot").first).to_be_visible(timeout=30000)
    page.keyboard.type("Wat is teambevoegdheid?")
    page.keyboard.press("Enter")
    expect(page.locator(".msg.bot")).not_to_have_count(1, timeout=30000)
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Stel uw vraag")).to_be_focused()
    expect(page.get_by_role("dialog")).to_be_hidden()


def test_no_serious_accessibility_violations(page):
    open_widget(page)
    say(page, "Wat is een doorlopende leerroute?")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
    serious = [(v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in results["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
    # The checks that matter for a chat widget ran on the page and passed (not skipped as
    # inapplicable): names of buttons and the input, contrast, ARIA, scrollable history.
    passed = {rule["id"] for rule in results["passes"]}
    assert WIDGET_RULES <= passed, WIDGET_RULES - passed


@pytest.mark.parametrize("width,height,name", [(375, 667, "widget-phone"), (640, 430, "widget-zoom-200")])
def test_small_screens_and_200_percent_zoom(browser, assistant, width, height, name):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(demo_url(assistant))
    open_widget(page)
    say(page, "Wat is teambevoegdheid?")
    box = page.locator(".panel").bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0
    assert box["x"] + box["width"] <= width + 1 and box["y"] + box["height"] <= height + 1
    expect(page.get_by_role("button", name="Verstuur")).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shot(page, name)
    context.close()
