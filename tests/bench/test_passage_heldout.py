"""Judging replies to the held-out passage questions."""

import yaml

from bench.passage_heldout import (
    ALTERNATIVES, HONEST, OFFERED, OUT_OF_SCOPE_START, QUESTION_FILES, RIGHT, RIGHT_ELSEWHERE,
    WRONG, Outcome, load_questions, run_all, shares, summary, verdict,
)
from bot import messages
from bot.knowledge.passages import load_passages
from bot.knowledge.text import letters_only
from bot.settings import PROJECT_ROOT

QUOTE = "De samenwerkingsovereenkomst wordt gesloten door de bevoegde gezagsorganen."
ANSWERABLE = {"kind": "answerable", "quote": QUOTE}
UNANSWERABLE = {"kind": "unanswerable", "quote": None}


def test_an_answer_is_right_when_it_quotes_the_sentence_in_any_layout():
    assert verdict(ANSWERABLE, f"Hierover:\n> De samenwerkingsovereenkomst wordt\ngesloten door de "
                               f"bevoegde gezagsorganen.") == RIGHT
    assert verdict(ANSWERABLE, "Iets anders.") == WRONG
    assert verdict(ANSWERABLE, f"{messages.DID_YOU_MEAN}\nWie tekent?") == OFFERED


def test_another_sentence_that_answers_the_question_is_right_elsewhere():
    other = "Het bevoegd gezag van elke school tekent."
    item = dict(ANSWERABLE, also=[other])
    assert verdict(item, f"Hierover:\n> {other}") == RIGHT_ELSEWHERE
    assert verdict(item, f"Hierover:\n> {QUOTE}\n> {other}") == RIGHT
    assert verdict(ANSWERABLE, f"Hierover:\n> {other}") == WRONG
    assert verdict(item, f"{messages.NOT_IN_SOURCES}\n{messages.NEAREST_INTRO}\n> {other}") == HONEST


def test_a_decline_that_quotes_the_sentence_as_nearest_is_not_an_answer():
    reply = f"{messages.NOT_IN_SOURCES}\n{messages.NEAREST_INTRO}\n> {QUOTE}"
    assert verdict(ANSWERABLE, reply) == HONEST


def test_a_question_the_sources_do_not_answer_needs_an_honest_reply():
    assert verdict(UNANSWERABLE, f"{messages.NOT_IN_SOURCES} Stel uw vraag anders.") == HONEST
    assert verdict(UNANSWERABLE, f"{OUT_OF_SCOPE_START}. Ik beantwoord ...") == HONEST
    assert verdict(UNANSWERABLE, f"{messages.CONTACT_ASKED} Neem contact op.") == HONEST
    assert verdict(UNANSWERABLE, f"{messages.DID_YOU_MEAN}\nWie tekent?") == HONEST
    assert verdict(UNANSWERABLE, "**Wat is een samenwerkingsovereenkomst?** ...") == WRONG


def test_shares_per_kind_and_the_table():
    outcomes = [Outcome("a1", "answerable", RIGHT, ""), Outcome("a2", "answerable", WRONG, ""),
                Outcome("u1", "unanswerable", HONEST, "")]
    assert shares(outcomes)["answerable"] == {
        RIGHT: 0.5, RIGHT_ELSEWHERE: 0.0, OFFERED: 0.0, HONEST: 0.0, WRONG: 0.5}
    assert "| answerable | 2 | 50.0% | 0.0% | 0.0% | 0.0% | 50.0% |" in summary(outcomes)
    assert "| unanswerable | 1 | 0.0% | 0.0% | 0.0% | 100.0% | 0.0% |" in summary(outcomes)
    assert "followup" not in summary(outcomes)


def test_a_follow_up_without_a_quote_counts_as_a_question_the_sources_do_not_answer(tmp_path):
    path = tmp_path / "set.yml"
    path.write_text(
        '- {id: x1, kind: followup, question: "en dan?", previous: "Wie tekent?", quote: null}\n'
        '- {id: x2, kind: followup, question: "waarom?", previous: "Wie tekent?", quote: "Omdat."}\n',
        encoding="utf-8",
    )
    first, second = load_questions(path)
    assert (first["kind"], first["previous"]) == ("unanswerable", "Wie tekent?")
    assert second["kind"] == "followup"


def test_every_set_is_read_and_each_quote_is_in_the_sources():
    items = load_questions()
    sources = letters_only("\n".join(
        (PROJECT_ROOT / "bot" / "sources" / name).read_text(encoding="utf-8")
        for name in ("bouwsteen.txt", "faq.txt")))
    assert len(QUESTION_FILES) == 9 and len(items) >= 1320
    assert all(letters_only(item["quote"]) in sources for item in items if item.get("quote"))


def test_each_alternative_names_an_answerable_question_and_stands_in_the_sources():
    alternatives = yaml.safe_load(ALTERNATIVES.read_text(encoding="utf-8"))
    answerable = {f"{path.stem}:{item['id']}" for path in QUESTION_FILES
                  for item in yaml.safe_load(path.read_text(encoding="utf-8")) if item.get("quote")}
    # In a passage as the assistant quotes it (the source's text, its extraction repaired).
    passages = [letters_only(passage.text) for passage in load_passages()]
    assert len(alternatives) >= 150 and set(alternatives) <= answerable
    assert all(any(letters_only(other) in passage for passage in passages)
               for others in alternatives.values() for other in others)
    with_others = [item for item in load_questions() if item["also"]]
    assert len(with_others) == len(alternatives)


def test_each_run_asks_in_conversations_of_its_own():
    items = [{"id": "x1", "kind": "answerable", "question": "Wie tekent?", "quote": QUOTE},
             {"id": "x2", "kind": "followup", "question": "en dan?", "previous": "Wie tekent?",
              "quote": QUOTE}]
    sent = []

    def send(sender, text):
        sent.append((sender, text))
        return [{"text": QUOTE}]

    first = run_all(send, items)
    second = run_all(send, items)
    assert [o.verdict for o in first + second] == [RIGHT] * 4
    senders = [sender for sender, _text in sent]
    # The follow-up's earlier question goes to the follow-up's conversation; no run reuses one.
    assert senders[1] == senders[2] and len(set(senders)) == 4
    assert all("x1" in s for s in (senders[0], senders[3])) and senders[0] != senders[3]
