"""A scripted day of 240 varied conversations through the actions, then the report: its figures
must be what the script did."""

import random
from collections import Counter
from datetime import date

from rasa_sdk.executor import CollectingDispatcher

from actions.clarify_question import ActionClarifyQuestion, question_payload
from actions.feedback import (
    ActionAfterAnswer, ActionOfferContact, ActionRecordFeedback, ActionRecordRemark, draft_made,
    interview_finished, interview_step_reached,
)
from bot.feedback import report
from bot.feedback.figures import count
from bot.feedback.store import ReportStore, today
from bot.interview.catalogue import load_catalogue
from bot.settings import Settings
from tests.conftest import make_tracker, parse_result, slots_of

FAQ_KEYS = ["teambevoegdheid", "medezeggenschap_goedkeuring", "meerdere_vmbos_een_roc"]
UNANSWERED = ["Hoeveel kost een samenwerkingsovereenkomst?", "Wat kost de samenwerkingsovereenkomst?",
              "Hoe laat gaat de bus naar school?", "Welke kleur heeft het logo?"]


class Conversation:
    """One scripted conversation: its slots, as the tracker would carry them."""

    def __init__(self, domain):
        self.slots, self.domain, self.user = {}, domain, []

    async def run(self, action, parse):
        self.user.append({"event": "user", "text": parse["text"], "parse_data": parse})
        tracker = make_tracker(parse, slots=dict(self.slots), events=list(self.user))
        events = await action.run(CollectingDispatcher(), tracker, self.domain)
        self.slots.update(slots_of(events))

    async def ask(self, key):
        parse = parse_result(key, [("faq", 0.9)], [(key, 0.9)])
        parse["text"] = f"Vraag over {key}?"
        parse["response_selector"]["faq"]["response"] = {"intent_response_key": f"faq/{key}"}
        await self.run(ActionAfterAnswer(), parse)

    async def feedback(self, helpful, remark=None):
        intent = "answer_helpful" if helpful else "answer_not_helpful"
        await self.run(ActionRecordFeedback(), parse_result(f"/{intent}", [(intent, 1.0)]))
        if remark is not None:
            self.slots["feedback_remark"] = remark
            await self.run(ActionRecordRemark(), parse_result(remark, [("faq", 0.5)]))


async def test_the_report_of_a_scripted_day_counts_what_happened(domain, tmp_path):
    rng = random.Random(19)
    steps = load_catalogue().keys
    done = Counter()
    unanswered_texts, not_helpful_texts = [], []
    for number in range(240):
        c = Conversation(domain)
        kind = rng.choice(["answer", "answer", "choice", "unanswered", "interview", "contact"])
        if kind == "answer":
            key = rng.choice(FAQ_KEYS)
            await c.ask(key)
            done["questions"] += 1
            done["at_once"] += 1
            vote = rng.choice(["ja", "nee", "nee-remark", None])
            if vote == "ja":
                await c.feedback(True)
                done["helpful"] += 1
            elif vote:
                await c.feedback(False, "Te kort" if vote == "nee-remark" else None)
                done["not_helpful"] += 1
                done["contact"] += 1
                not_helpful_texts.append(f"Vraag over {key}?")
        elif kind == "choice":
            parse = parse_result("mr en de overeenkomst", [("nlu_fallback", 0.4), ("faq", 0.38)],
                                 [("medezeggenschap_goedkeuring", 0.45), ("medezeggenschap_wetten", 0.40)])
            await c.run(ActionClarifyQuestion(), parse)
            done["questions"] += 1
            if number % 3:
                pick = parse_result(question_payload("teambevoegdheid"), [("nlu_fallback", 1.0)], [],
                                    entities=[{"entity": "question_key", "value": "teambevoegdheid"}])
                await c.run(ActionClarifyQuestion(), pick)
                done["after_choice"] += 1
            else:
                done["left_open"] += 1
        elif kind == "unanswered":
            times = rng.choice([1, 2])
            for _ in range(times):
                text = rng.choice(UNANSWERED)
                await c.run(ActionAfterAnswer(), parse_result(text, [("out_of_scope", 0.9)]))
                unanswered_texts.append(text)
            done["questions"] += times
            done["unanswered"] += times
            done["contact"] += times == 2
        elif kind == "interview":
            finish = rng.random() < 0.5
            last = len(steps) - 1 if finish else rng.randrange(len(steps))
            for key in steps[:last + 1]:
                c.slots.update(slots_of(interview_step_reached(make_tracker({}, slots=c.slots), key)))
            done["interviews"] += 1
            if finish:
                interview_finished(make_tracker({}, slots=c.slots))
                draft_made()
                done["finished"] += 1
            else:
                done[f"abandoned:{steps[last]}"] += 1
        else:
            await c.run(ActionOfferContact(), parse_result("medewerker", [("ask_contact", 0.9)]))
            done["contact"] += 1
        done["conversations"] += 1

    store = ReportStore(Settings.from_environment().report_db)
    day = today()
    f = count(store, day, day)
    assert done["conversations"] == 240 and f.conversations == 240
    assert (f.questions, f.answered_at_once, f.answered_after_choice, f.unanswered,
            f.choice_left_open) == (done["questions"], done["at_once"], done["after_choice"],
                                    done["unanswered"], done["left_open"])
    assert (f.helpful, f.not_helpful, f.contact_offered) == (
        done["helpful"], done["not_helpful"], done["contact"])
    assert (f.interviews_started, f.interviews_finished, f.drafts) == (
        done["interviews"], done["finished"], done["finished"])
    assert dict(f.abandoned_at) == {k.split(":", 1)[1]: n for k, n in done.items()
                                    if k.startswith("abandoned:")}
    assert sorted(f.unanswered_questions) == sorted(unanswered_texts)
    assert sorted(f.not_helpful_questions) == sorted(not_helpful_texts)
    assert min(done[k] for k in ("helpful", "not_helpful", "finished", "unanswered", "left_open")) > 5

    text = report.write_report(store, day, day, tmp_path).read_text(encoding="utf-8")
    assert f"| Gesprekken | 240 |  |" in text
    assert f"| Vragen | {done['questions']} |  |" in text
    assert f"| Interviews afgerond | {done['finished']} |" in text
    # The two questions about the cost are one group, with both wordings counted.
    cost = sum(1 for t in unanswered_texts if "kost" in t)
    assert f"| {cost} |" in text.split("## Vragen zonder antwoord")[1].split("##")[0]
    remarks = sum(1 for r in f.remarks if r == "Te kort")
    assert remarks > 0 and f"- Te kort ({remarks})" in text
