"""A pasted agreement becomes check_agreement; questions keep what the classifiers made of them."""

from rasa.shared.nlu.training_data.message import Message

from bot.settings import PROJECT_ROOT
from components.pasted_agreement import PastedAgreement

AGREEMENT = (PROJECT_ROOT / "tests" / "heldout" / "agreements" / "plain_pasted.txt").read_text("utf-8")


def _message(text, intent="faq", confidence=0.4):
    ranking = [{"name": intent, "confidence": confidence},
               {"name": "check_agreement", "confidence": 0.1}]
    return Message(data={"text": text, "intent": dict(ranking[0]), "intent_ranking": ranking})


def test_a_pasted_agreement_is_to_be_checked_whatever_it_was_classified_as():
    [message] = PastedAgreement().process([_message(AGREEMENT, "nlu_fallback")])
    assert message.get("intent") == {"name": "check_agreement", "confidence": 1.0}
    names = [entry["name"] for entry in message.get("intent_ranking")]
    assert names == ["check_agreement", "nlu_fallback"]


def test_a_question_keeps_its_intent_and_each_message_is_judged():
    question = _message("Moet de MR de samenwerkingsovereenkomst goedkeuren?", "faq", 0.9)
    pasted = _message(AGREEMENT, "greet")
    PastedAgreement().process([question, pasted])
    assert question.get("intent") == {"name": "faq", "confidence": 0.9}
    assert len(question.get("intent_ranking")) == 2
    assert pasted.get("intent")["name"] == "check_agreement"


def test_a_message_without_text_is_left_alone():
    message = Message(data={"intent": {"name": "greet", "confidence": 0.8}})
    PastedAgreement().process([message])
    assert message.get("intent")["name"] == "greet"
