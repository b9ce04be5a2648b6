"""One message during the interview: decide what it is, then store, confirm, help or answer.

``interview_turn`` is the one guard every message at an open question passes. It returns a
``Move``; the form validation action in ``actions/`` only carries it out.
"""

import re
from typing import Any, Dict, Mapping, Optional, Sequence, Tuple

from bot import messages
from bot.answering import (
    ANSWER, CLARIFY, NONE_OF_THESE_INTENT, NOT_IN_SOURCES, OUT_OF_SCOPE, PASSAGE, decide_parse,
)
from bot.interview import guard, moves
from bot.interview.answers import Checked, check_answer, clean_answer
from bot.interview.catalogue import (
    CHOICE, DATE, PARTIES, SIGNATORY_KEY, TEXT, YES_NO, Step, load_catalogue,
)
from bot.interview.correction import Correction, find_correction
from bot.interview.dates import (
    completed_date, date_span, find_dutch_date, format_dutch_date, names_a_time, parse_dutch_date,
)
from bot.interview.review import display_answer
from bot.text_markup import escape_markdown
from bot.interview.flow import (
    DONT_KNOW, SKIP, USE_EXAMPLE, asks_something, command_in, starts_with_question_word,
)
from bot.interview.help import example, explanation
from bot.interview.model import open_value, skipped_value
from bot.interview.moves import Move
from bot.interview.reading import (
    looks_like_sentence, mentions_amount, organisations, party_names, place_and_date,
    strip_chatter, strip_clause_chatter, without_yes_no, yes_no_sentence,
)
from bot.user_text import fold
from bot.knowledge import load_knowledge
from bot.knowledge.passages import load_passages
from bot.knowledge.quotes import passage_answer

QUESTION_KEY_ENTITY = "question_key"
OTHER_SIDE = {"vmbo_parties": "mbo_parties", "mbo_parties": "vmbo_parties"}
FUNDING_STEP = "clause_6_funding_transfer"
FUNDING_AMOUNT = "clause_6_funding_amount"
FIRST_STEP = "same_authority"
PLACE_STEP, DATE_STEP = "signing_place", "signing_date"
MAX_DATE_ONLY_WORDS = 5
MAX_WORD_CHARS = 40


def interview_turn(
    step: Step, text: str, parse: Mapping[str, Any], answers: Mapping[str, Any],
    did_you_mean_buttons: Any = None,
) -> Move:
    """What to do with ``text``, given at ``step``; ``parse`` is the language model's reading.

    ``did_you_mean_buttons(decision)`` makes the buttons of a "Bedoelt u ...?" reply.
    """
    pending = moves.pending_for(answers, step.key)
    if pending is not None:
        if guard.is_affirmation(text):
            return moves.confirm_pending(step, pending, answers)
        if guard.is_denial(text):
            return moves.refuse_pending(step, pending, answers)
    cleared = {moves.PENDING_SLOT: None} if pending is not None else {}
    move = _read(step, text, parse, answers, did_you_mean_buttons)
    return Move({**cleared, **move.updates}, move.utterances)


def _read(
    step: Step, text: str, parse: Mapping[str, Any], answers: Mapping[str, Any],
    did_you_mean_buttons: Any,
) -> Move:
    intent = (parse.get("intent") or {}).get("name")
    confidence = float((parse.get("intent") or {}).get("confidence") or 0.0)
    if intent == NONE_OF_THESE_INTENT:
        # "Geen van deze" under the choices offered for a question in between.
        return _unanswered(step).say(messages.QUESTION_NOT_ANSWERED)
    # A short command the model is sure of ("weet ik nog niet?", "kan ik dit overslaan?") is a
    # command, question mark or not.
    command = command_in(intent, confidence, text)
    if command == SKIP and step.kind == DATE and names_a_time(text):
        # "volgende week" at the date question is a date not written as one, not "next question".
        command = None
    asked = None if command is not None else _question_in_between(step, text, parse, did_you_mean_buttons)
    if asked is not None:
        return asked
    if step.kind == TEXT and step.clause and guard.says_nothing_to_add(text):
        # "n.v.t." leaves an optional clause out; a required one says so, as "overslaan" does.
        if step.optional:
            return moves.store(step, skipped_value(), answers).say(messages.OPTIONAL_LEFT_OUT)
        return _command(SKIP, step, answers)
    reading = guard.read_message(text, step, asks_question=command is None and text.strip().endswith("?"))
    if reading.kind == guard.BACK:
        return moves.go_back(step, answers)
    if reading.kind in (guard.EXPLAIN, guard.EXAMPLE):
        help_message = explanation(step, answers) if reading.kind == guard.EXPLAIN else example(step, answers)
        return _unanswered(step).say(help_message["text"], help_message.get("buttons"))
    if reading.kind == guard.RESUME:
        return _unanswered(step)
    if reading.kind == guard.STOP:
        return _unanswered(step).say(messages.PAUSE_HINT, [messages.PAUSE_BUTTON])
    if reading.kind == guard.SMALL_TALK:
        thanks = re.search(r"dank|bedankt|thanks|top", guard.normalised(text))
        return _unanswered(step).say(
            messages.THANKS_IN_INTERVIEW if thanks else messages.GREETING_IN_INTERVIEW)
    if reading.kind == guard.QUESTION:
        return _unanswered(step).say(messages.QUESTION_NOT_ANSWERED)
    if reading.kind in (guard.AFFIRM, guard.DENY):
        return _unanswered(step).say(
            messages.YES_AT_OPEN_QUESTION if reading.kind == guard.AFFIRM else messages.NO_AT_OPEN_QUESTION)
    correction = find_correction(text, answers)
    if correction is not None and correction.key != step.key and correction.value:
        return _correct(step, correction, answers)
    if command is not None:
        return _command(command, step, answers)
    if not reading.certain:
        return moves.ask_to_confirm(
            step, _value_for(step, clean_answer(text)),
            messages.CONFIRM_COMMAND_WORD.format(answer=clean_answer(text)),
            buttons=[messages.YES_BUTTON, messages.BACK_BUTTON],
        )
    return _answer(step, text, answers)


def checked_correction(correction: Correction, answers: Mapping[str, Any]) -> Tuple[Step, Checked]:
    """The step a correction changes, and its new answer checked as if it were typed there."""
    target = load_catalogue().get(correction.key)
    value = completed_date(correction.value, answers.get(target.key)) if target.kind == DATE else correction.value
    return target, check_answer(target, value, _other_parties(target, answers))


def _correct(step: Step, correction: Correction, answers: Mapping[str, Any]) -> Move:
    """An earlier answer corrected in own words ("het ROC heet eigenlijk X"): the cue makes it
    clear, so it is stored and said back; 'terug' reopens it. The open question is asked again."""
    target, checked = checked_correction(correction, answers)
    if not checked.ok:
        return _unanswered(step).say(checked.message)
    move = moves.store(target, checked.value, answers)
    move.updates[step.key] = None
    shown = escape_markdown(display_answer(target, checked.value))
    return move.say(messages.CORRECTED.format(label=target.part_label, answer=shown))


def _unanswered(step: Step) -> Move:
    return Move({step.key: None})


def _question_in_between(
    step: Step, text: str, parse: Mapping[str, Any], did_you_mean_buttons: Any,
) -> Optional[Move]:
    """Answer a question asked instead of an answer; ``None`` when the message is no question.
    One the sources do not answer, put without a question mark, is stored as a text answer only
    once the user confirms it, and never as an answer of another kind."""
    knowledge = load_knowledge()
    picked = next((e.get("value") for e in parse.get("entities") or []
                   if e.get("entity") == QUESTION_KEY_ENTITY), None)
    if picked in knowledge:
        return Move().respond(knowledge.get(picked).response_name)
    if not asks_something(text) or guard.phrase_kind(text) is not None:
        return None
    decision = decide_parse(parse)
    if decision.kind == ANSWER and decision.key in knowledge:
        return Move().respond(knowledge.get(decision.key).response_name)
    if decision.kind == PASSAGE and decision.passage is not None:
        return Move().say(passage_answer(load_passages()[decision.passage]))
    # A short message that starts with a question word asks something, question mark or not
    # ("wat als we het niet eens worden", "hoeveel kost een dlr per leerling").
    marked = text.strip().endswith("?")
    if decision.kind == CLARIFY and (marked or starts_with_question_word(text)) and did_you_mean_buttons:
        return Move().say(messages.DID_YOU_MEAN, did_you_mean_buttons(decision))
    if decision.kind in (NOT_IN_SOURCES, OUT_OF_SCOPE) and not marked and starts_with_question_word(text):
        if step.kind == TEXT:
            shown = escape_markdown(clean_answer(text))
            return moves.ask_to_confirm(
                step, clean_answer(text), messages.CONFIRM_QUESTION_AS_ANSWER.format(answer=shown))
        return _unanswered(step).say(messages.QUESTION_NOT_ANSWERED)
    return None


def _command(command: str, step: Step, answers: Mapping[str, Any]) -> Move:
    """Use the example, skip, or leave open; each only where the step allows it."""
    if command == USE_EXAMPLE:
        wording = step.example_for(answers)
        if wording:
            return moves.store(step, wording, answers)
        return _unanswered(step).say(messages.NO_EXAMPLE)
    if command == SKIP:
        if step.optional:
            return moves.store(step, skipped_value(), answers)
        return _unanswered(step).say(messages.CANNOT_SKIP if step.topic else messages.CANNOT_SKIP_DOCUMENT)
    if step.structural:
        return _unanswered(step).say(messages.STRUCTURAL_NEEDED)
    return moves.store(step, open_value(step), answers)


def _value_for(step: Step, text: str) -> Any:
    return [text] if step.kind == PARTIES else text


def _answer(step: Step, text: str, answers: Mapping[str, Any]) -> Move:
    if step.kind == YES_NO:
        return _yes_no(step, text, answers)
    if step.kind == PARTIES:
        return _parties(step, text, answers)
    if step.kind == DATE:
        return _date(step, text, answers)
    if step.kind == CHOICE:
        return _choice(step, text, answers)
    if step.key == SIGNATORY_KEY:
        chatty = strip_chatter(clean_answer(text))
        checked = check_answer(step, str(chatty.value))
        if checked.ok and not chatty.certain:
            shown = escape_markdown(display_answer(step, checked.value))
            return moves.ask_to_confirm(step, checked.value, messages.CONFIRM_READING.format(answer=shown))
    if step.kind == TEXT and step.key == PLACE_STEP:
        return _place(step, text, answers)
    if step.kind == TEXT and step.clause and _only_a_date(text):
        return moves.ask_to_confirm(
            step, clean_answer(text), messages.CONFIRM_DATE_AS_CLAUSE.format(answer=clean_answer(text)))
    if step.kind == TEXT and step.clause:
        chatty = strip_clause_chatter(clean_answer(text))
        if not chatty.certain:
            return moves.ask_to_confirm(
                step, chatty.value, messages.CONFIRM_READING.format(answer=escape_markdown(str(chatty.value))))
    if step.kind == TEXT and step.clause and _short_but_words(text):
        shown = escape_markdown(clean_answer(text))
        return moves.ask_to_confirm(step, clean_answer(text), messages.CONFIRM_SHORT.format(answer=shown))
    return _checked(step, text, answers)


def _short_but_words(text: str) -> bool:
    """One word with letters: maybe a slip ("Leeuwarden" as programme). (A known phrase, a yes or
    a no among them, never gets here: ``_read`` has dealt with it.)"""
    words = re.findall(r"\w+", clean_answer(text))
    return len(words) == 1 and 3 <= len(words[0]) <= MAX_WORD_CHARS and words[0].isalpha()


def _choice(step: Step, text: str, answers: Mapping[str, Any]) -> Move:
    checked = check_answer(step, text)
    if checked.ok:
        return moves.store(step, checked.value, answers)
    chatty = strip_chatter(clean_answer(text))
    meant = _choice_meant(step, str(chatty.value))
    if meant is None:
        return _unanswered(step).say(checked.message)
    if chatty.certain:
        return moves.store(step, meant.value, answers)
    return moves.ask_to_confirm(step, meant.value, messages.CONFIRM_READING.format(answer=meant.title))


def _choice_meant(step: Step, text: str) -> Any:
    """The one choice whose own words (not shared with the others) the text uses."""
    folded = set(re.findall(r"\w+", fold(text)))
    hits = []
    for choice in step.choices:
        others = {w for c in step.choices if c is not choice for w in re.findall(r"\w+", fold(c.title))}
        own = {w for w in re.findall(r"\w+", fold(choice.title)) if w not in others and len(w) >= 6}
        if own & folded:
            hits.append(choice)
    return hits[0] if len(hits) == 1 else None


def _checked(step: Step, text: str, answers: Mapping[str, Any], offers: Optional[Dict[str, Any]] = None) -> Move:
    checked = check_answer(step, text, _other_parties(step, answers))
    if not checked.ok:
        return _unanswered(step).say(checked.message)
    return moves.store(step, checked.value, answers, offers)


def _yes_no(step: Step, text: str, answers: Mapping[str, Any]) -> Move:
    offers = _offers_from(step, text)
    checked = check_answer(step, text)
    if checked.ok and FUNDING_AMOUNT not in offers:
        return moves.store(step, checked.value, answers, offers)
    meant = checked.value if checked.ok else yes_no_sentence(text)
    if meant is None:
        return _unanswered(step).say(checked.message)
    offers = offers if meant or step.key != FUNDING_STEP else {}
    prompt = messages.CONFIRM_YES_NO.format(answer="Ja" if meant else "Nee")
    also = {}
    if FUNDING_AMOUNT in offers:
        also = {FUNDING_AMOUNT: offers.pop(FUNDING_AMOUNT)}
        prompt = messages.CONFIRM_FUNDING.format(details=escape_markdown(also[FUNDING_AMOUNT]))
    return moves.ask_to_confirm(step, meant, prompt, offers=offers, also=also)


def _offers_from(step: Step, text: str) -> Dict[str, Any]:
    """What a yes/no answer already says about later steps: party names, funding details."""
    offers: Dict[str, Any] = {}
    if step.key == FUNDING_STEP and mentions_amount(text):
        offers = {FUNDING_AMOUNT: without_yes_no(clean_answer(text))}
    named = organisations(text) if step.key == FIRST_STEP else {"vmbo": [], "mbo": []}
    if named["vmbo"] or named["mbo"]:
        if named["vmbo"]:
            offers["vmbo_parties"] = named["vmbo"]
        if named["mbo"]:
            offers["mbo_parties"] = named["mbo"]
        offers["authority_name"] = (named["vmbo"] + named["mbo"])[:1]
    return offers


def _parties(step: Step, text: str, answers: Mapping[str, Any]) -> Move:
    chatty = strip_chatter(clean_answer(text))
    names = party_names(str(chatty.value))
    checked = check_answer(step, "\n".join(names.value), _other_parties(step, answers))
    if not checked.ok:
        return _unanswered(step).say(checked.message)
    sentence = next((name for name in checked.value if looks_like_sentence(name)), None)
    if sentence is not None:
        named = organisations(sentence)
        found = named["vmbo"] + named["mbo"]
        value = found[:1] or checked.value
        return moves.ask_to_confirm(
            step, value, messages.CONFIRM_NAME.format(answer=escape_markdown(value[0] if found else sentence)))
    if not names.certain:
        joined = _joined(checked.value)
        return moves.ask_to_confirm(
            step, checked.value, messages.CONFIRM_PARTIES.format(count=len(checked.value), names=joined),
            alternative=[str(chatty.value)],
            buttons=[{"title": messages.PARTIES_YES.format(count=len(checked.value)), "payload": "ja"},
                     {"title": messages.PARTIES_NO, "payload": "nee"}],
        )
    if not chatty.certain:
        return moves.ask_to_confirm(
            step, checked.value, messages.CONFIRM_READING.format(answer=_joined(checked.value)))
    return moves.store(step, checked.value, answers)


def _joined(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"


def _date(step: Step, text: str, answers: Mapping[str, Any]) -> Move:
    if parse_dutch_date(clean_answer(text)) is not None:
        return _checked(step, text, answers)
    found = find_dutch_date(text)
    if found is None:
        return _checked(step, text, answers)
    shown = format_dutch_date(found)
    return moves.ask_to_confirm(step, shown, messages.CONFIRM_DATE.format(answer=shown))


def _place(step: Step, text: str, answers: Mapping[str, Any]) -> Move:
    if _only_a_date(text):
        shown = escape_markdown(clean_answer(text))
        return moves.ask_to_confirm(step, clean_answer(text), messages.CONFIRM_DATE_AS_PLACE.format(answer=shown))
    both = place_and_date(clean_answer(text))
    if both is None:
        chatty = strip_chatter(clean_answer(text))
        if not chatty.certain:
            return moves.ask_to_confirm(step, chatty.value, messages.CONFIRM_READING.format(answer=chatty.value))
        return _checked(step, text, answers)
    move = _checked(step, both["place"], answers, offers={DATE_STEP: both["date"]})
    if step.key in move.updates and move.updates[step.key] is not None:
        move.say(messages.FOUND_DATE_TOO.format(place=both["place"], date=both["date"]))
    return move


_DATE_FILLER = {"op", "per", "vanaf", "tot", "met", "ingang", "van", "de", "het", "rond", "ongeveer"}


def _only_a_date(text: str) -> bool:
    """Whether a text says nothing but a date ("Per 1 augustus 2025")."""
    span = date_span(text)
    if span is None or len(text.split()) > MAX_DATE_ONLY_WORDS:
        return False
    rest = re.findall(r"[^\W\d_]+", fold(text[:span[0]] + " " + text[span[1]:]))
    return all(word in _DATE_FILLER for word in rest)


def _other_parties(step: Step, answers: Mapping[str, Any]) -> Sequence[str]:
    other = OTHER_SIDE.get(step.key)
    return list(answers.get(other) or []) if other else []
