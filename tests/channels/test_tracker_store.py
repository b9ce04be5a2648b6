"""The bounded tracker store beside Rasa's own SQLTrackerStore, on the same conversations: the
same state after every turn (slots, active loop, latest message, the policy's recent states),
and the same events stored."""

import random
from pathlib import Path
from typing import List

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted, ActionExecutionRejected, ActiveLoop, BotUttered, ConversationPaused,
    ConversationResumed, Event, FollowupAction, LoopInterrupted, SessionStarted, SlotSet,
    UserUttered, UserUtteranceReverted,
)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

from actions.clarify_question import previous_question
from bot.privacy import forget_conversation
from bot.settings import PROJECT_ROOT, Settings
from channels.tracker_store import (
    BoundedSQLTrackerStore, Checkpoint, SQLCheckpoint, deserialise, latest_user_messages,
)

WINDOW = 3
# The fewest states a window gives the policy (RulePolicy looks no further than its longest rule).
RECENT_STATES = WINDOW + 1


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(PROJECT_ROOT / "domain.yml"))


def _stores(domain: Domain, tmp_path: Path):
    stock = SQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "stock.db"))
    bounded = BoundedSQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "bounded.db"),
                                     window_turns=WINDOW)
    return stock, bounded


def _turn(rng: random.Random, domain: Domain, number: int) -> List[Event]:
    """One user turn of events as Rasa logs them, with slots, loops and pauses at random."""
    intent = rng.choice(["faq", "start_interview", "go_back", "greet", "nlu_fallback"])
    text = f"/{intent}" if rng.random() < 0.3 else f"bericht {number}"
    events: List[Event] = [UserUttered(text, {"name": intent, "confidence": 0.9})]
    slots = [s for s in domain.slots if s.type_name in ("text", "any")]
    for _ in range(rng.randint(0, 3)):
        events.append(SlotSet(rng.choice(slots).name, rng.choice([None, f"waarde {number}"])))
    roll = rng.random()
    if roll < 0.15:
        events.append(ActiveLoop("interview_form"))
    elif roll < 0.25:
        events.append(ActiveLoop(None))
    elif roll < 0.3:
        events += [ActiveLoop("interview_form"), LoopInterrupted(True)]
    elif roll < 0.35:
        events += [ActiveLoop("interview_form"), ActionExecutionRejected("interview_form")]
    elif roll < 0.38:
        events.append(FollowupAction("action_listen"))
    elif roll < 0.41:
        events.append(ConversationPaused())
    elif roll < 0.44:
        events.append(ConversationResumed())
    events += [ActionExecuted("utter_greet"), BotUttered(f"antwoord {number}")]
    if rng.random() < 0.05:
        events.append(UserUtteranceReverted())
    return events + [ActionExecuted("action_listen")]


def _session_start() -> List[Event]:
    return [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]


def _assert_same_state(ours: DialogueStateTracker, theirs: DialogueStateTracker, domain: Domain,
                       inside_a_form: bool = False):
    assert ours.current_slot_values() == theirs.current_slot_values()
    assert ours.active_loop == theirs.active_loop
    assert ours.is_paused() == theirs.is_paused()
    assert ours.followup_action == theirs.followup_action
    assert ours.latest_message.text == theirs.latest_message.text
    assert ours.latest_action == theirs.latest_action
    if inside_a_form:
        _assert_same_states_from_the_next_message(ours, theirs, domain)
    else:
        # every state of the window but its first (where the window starts) is Rasa's
        states, stock_states = ours.past_states(domain), theirs.past_states(domain)
        assert len(states) >= min(len(stock_states), RECENT_STATES)
        assert states[1:] == stock_states[len(stock_states) - len(states) + 1:]
    # what an action may look back for: the question before the latest message
    as_sdk = type("T", (), {"events": [e.as_dict() for e in ours.events]})
    stock_sdk = type("T", (), {"events": [e.as_dict() for e in theirs.events]})
    assert previous_question(as_sdk) == previous_question(stock_sdk)


@pytest.mark.parametrize("seed", range(4))
async def test_the_same_state_after_every_turn_as_rasas_own_store(domain, tmp_path, seed):
    stock, bounded = _stores(domain, tmp_path)
    rng = random.Random(seed)
    sender = f"gesprek-{seed}"
    for number in range(60):
        events = _session_start() if number in (0, 35) else _turn(rng, domain, number)
        for store in (stock, bounded):
            tracker = await store.retrieve(sender) or DialogueStateTracker(sender, domain.slots)
            for event in events:
                tracker.update(event)
            await store.save(tracker)
        ours, theirs = await bounded.retrieve(sender), await stock.retrieve(sender)
        _assert_same_state(ours, theirs, domain)
        assert len(ours.events) <= len(theirs.events)
    # the window is bounded, and the whole history is stored all the same
    assert len((await bounded.retrieve(sender)).events) < len((await stock.retrieve(sender)).events) / 2
    ours, theirs = await bounded.retrieve_full_tracker(sender), await stock.retrieve_full_tracker(sender)
    strip = lambda t: [{k: v for k, v in e.as_dict().items() if k != "timestamp"} for e in t.events]
    assert strip(ours) == strip(theirs)


async def test_a_tracker_it_did_not_load_is_stored_as_rasa_stores_it(domain, tmp_path):
    _, bounded = _stores(domain, tmp_path)
    tracker = DialogueStateTracker.from_events("nieuw", _session_start(), domain.slots)
    await bounded.save(tracker)
    await bounded.save(tracker)  # saving again stores nothing twice
    assert len((await bounded.retrieve_full_tracker("nieuw")).events) == 3


async def test_a_window_of_zero_is_rasas_own_store(domain, tmp_path):
    store = BoundedSQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "z.db"), window_turns=0)
    tracker = DialogueStateTracker.from_events("z", _session_start(), domain.slots)
    await store.save(tracker)
    assert len((await store.retrieve("z")).events) == 2  # from the session start, as Rasa loads


def test_a_checkpoint_keeps_the_latest_user_message_of_each_intent():
    users = [{"text": t, "parse_data": {"intent": {"name": i}}}
             for t, i in (("a", "faq"), ("/faq", "faq"), ("b", "faq"), ("hoi", "greet"))]
    assert [u["text"] for u in latest_user_messages(users)] == ["/faq", "b", "hoi"]
    restored = Checkpoint.loads(Checkpoint(slots={"x": 1}, paused=True).dumps())
    assert restored.slots == {"x": 1} and restored.paused


async def test_forgetting_a_conversation_deletes_its_checkpoints_too(domain, tmp_path):
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path)})
    store = BoundedSQLTrackerStore(domain, dialect="sqlite", db=settings.tracker_db, window_turns=2)
    for sender in ("te-vergeten", "blijft"):
        await store.save(DialogueStateTracker.from_events(sender, _session_start(), domain.slots))
    assert forget_conversation("te-vergeten", settings)["events"] == 3
    with store.session_scope() as session:
        assert {c.sender_id for c in session.query(SQLCheckpoint)} == {"blijft"}


def test_events_are_read_back_as_rasa_reads_them(domain):
    rng = random.Random(7)
    events = _session_start() + [e for n in range(30) for e in _turn(rng, domain, n)]
    for event in events:
        stored = event.as_dict()
        assert deserialise(stored) == Event.from_parameters(stored)
        assert type(deserialise(stored)) is type(Event.from_parameters(stored))


def test_a_checkpoint_rebuilds_a_rejected_and_interrupted_loop():
    checkpoint = Checkpoint(
        slots={"requested_slot": "feedback_remark"},
        active_loop={"name": "feedback_remark_form", "is_interrupted": True, "rejected": True,
                     "trigger_message": None},
        followup_action="action_record_remark", paused=True)
    events = Checkpoint.loads(checkpoint.dumps()).prefix_events()
    assert [e["event"] for e in events] == [
        "slot", "active_loop", "loop_interrupted", "action_execution_rejected", "followup", "pause"]
    tracker = DialogueStateTracker.from_dict("x", events)
    assert tracker.active_loop.rejected and tracker.active_loop.is_interrupted
    assert tracker.followup_action == "action_record_remark" and tracker.is_paused()


def test_a_sqlite_store_keeps_its_connections_open_in_wal_mode(domain, tmp_path):
    store = BoundedSQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "pooled.db"))
    assert isinstance(store.engine.pool, sa.pool.QueuePool)
    assert store.sessionmaker.kw["bind"] is store.engine
    with store.session_scope() as session:
        first = session.connection().connection.dbapi_connection
        assert session.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(sa.text("PRAGMA synchronous")).scalar() == 2  # FULL: every commit syncs
    with store.session_scope() as session:
        assert session.connection().connection.dbapi_connection is first


def test_a_worker_that_finds_the_checkpoints_table_made_by_another_starts(
        domain, tmp_path, monkeypatch, caplog):
    import logging

    from channels import tracker_store

    caplog.set_level(logging.DEBUG, logger=tracker_store.__name__)

    BoundedSQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "shared.db"))

    def made_meanwhile(*args, **kwargs):
        raise sa.exc.OperationalError("CREATE TABLE tracker_checkpoints", {}, Exception("already exists"))

    monkeypatch.setattr(tracker_store.CheckpointBase.metadata, "create_all", made_meanwhile)
    store = BoundedSQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "shared.db"))
    assert store.engine.url.database.endswith("shared.db")
    assert "Could not create the checkpoints table: OperationalError" in caplog.messages


async def test_two_conversations_in_turn_keep_their_own_state_and_rows_as_rasa_stores_them(
        domain, tmp_path):
    stock, bounded = _stores(domain, tmp_path)
    rngs = {"eerste": random.Random(11), "tweede": random.Random(12)}
    for number in range(25):
        for sender, rng in rngs.items():
            events = _session_start() if number == 0 else _turn(rng, domain, number)
            for store in (stock, bounded):
                tracker = await store.retrieve(sender) or DialogueStateTracker(sender, domain.slots)
                for event in events:
                    tracker.update(event)
                await store.save(tracker)
            _assert_same_state(await bounded.retrieve(sender), await stock.retrieve(sender), domain)
    columns = "sender_id, type_name, timestamp, intent_name, action_name, data"

    def rows(store):
        with store.session_scope() as session:
            return session.execute(sa.text(f"SELECT {columns} FROM events ORDER BY id")).fetchall()

    assert rows(bounded) == rows(stock)
    assert {row[3] for row in rows(bounded)} >= {"faq", "greet"}
    assert {row[4] for row in rows(bounded)} >= {"action_listen", "utter_greet"}


async def test_a_window_of_zero_keeps_no_checkpoints_and_a_window_of_two_loads_less(domain, tmp_path):
    rng = random.Random(5)
    turns = [_session_start()] + [_turn(rng, domain, n) for n in range(12)]
    zero = BoundedSQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "zero.db"), window_turns=0)
    two = BoundedSQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "two.db"), window_turns=2)
    for store in (zero, two):
        for events in turns:
            tracker = await store.retrieve("g") or DialogueStateTracker("g", domain.slots)
            for event in events:
                tracker.update(event)
            await store.save(tracker)
    with zero.session_scope() as session:
        assert session.query(SQLCheckpoint).count() == 0
    with two.session_scope() as session:
        assert session.query(SQLCheckpoint).count() > 0
    assert len((await two.retrieve("g")).events) < len((await zero.retrieve("g")).events) / 2


class _CollectingBroker:
    """An event broker that keeps what it is sent (Rasa's EventBroker interface)."""

    def __init__(self) -> None:
        self.published: List[dict] = []

    def publish(self, event: dict, headers=None) -> None:
        self.published.append(event)

    def is_ready(self) -> bool:
        return True


async def test_new_events_are_streamed_to_the_event_broker_as_rasa_streams_them(domain, tmp_path):
    stock, bounded = _stores(domain, tmp_path)
    stock.event_broker, bounded.event_broker = _CollectingBroker(), _CollectingBroker()
    rng = random.Random(3)
    for number in range(6):
        events = _session_start() if number == 0 else _turn(rng, domain, number)
        for store in (stock, bounded):
            tracker = await store.retrieve("g") or DialogueStateTracker("g", domain.slots)
            for event in events:
                tracker.update(event)
            await store.save(tracker)
    strip = lambda published: [{k: v for k, v in e.items() if k != "timestamp"} for e in published]
    assert strip(bounded.event_broker.published) == strip(stock.event_broker.published)
    assert len(bounded.event_broker.published) > 10
    assert {e["sender_id"] for e in bounded.event_broker.published} == {"g"}


@pytest.mark.parametrize("seed", range(3))
async def test_checkpoints_sit_at_listens_and_count_them_per_session(domain, tmp_path, seed):
    _, bounded = _stores(domain, tmp_path)
    rng = random.Random(100 + seed)
    for number in range(30):
        events = _session_start() if number in (0, 17) else _turn(rng, domain, number)
        tracker = await bounded.retrieve("g") or DialogueStateTracker("g", domain.slots)
        for event in events:
            tracker.update(event)
        await bounded.save(tracker)
    with bounded.session_scope() as session:
        listens = [row.id for row in session.query(bounded.SQLEvent)
                   .filter(bounded.SQLEvent.action_name == "action_listen").order_by(bounded.SQLEvent.id)]
        checkpoints = [(c.event_id, c.listen_index) for c in
                       session.query(SQLCheckpoint).order_by(SQLCheckpoint.event_id)]
    # (a listen that a reverted message undoes gets none)
    assert {event_id for event_id, _ in checkpoints} <= set(listens)
    assert len(checkpoints) >= 0.8 * len(listens)
    # the listen count restarts with each session
    indexes = [index for _, index in checkpoints]
    assert indexes[:3] == [0, 1, 2] and indexes.count(0) == 2


# Scripted conversations: the turns that random ones seldom reach.

def _user(text, intent, timestamp=None):
    return UserUttered(text, {"name": intent, "confidence": 0.9}, timestamp=timestamp)


def _answer(text: str, *extra: Event) -> List[Event]:
    """A turn inside the interview: the form asks again (two actions before the listen)."""
    return [_user(text, "inform"), ActionExecuted("interview_form"), *extra,
            SlotSet("requested_slot", f"stap {text}"), ActionExecuted("action_extract_slots"),
            BotUttered("volgende vraag"), ActionExecuted("action_listen")]


async def _play(stores, sender: str, events: List[Event], domain: Domain):
    """Append ``events`` to each store's tracker and save it, as Rasa does after a message."""
    for store in stores:
        tracker = await store.retrieve(sender) or DialogueStateTracker(sender, domain.slots)
        for event in events:
            tracker.update(event)
        await store.save(tracker)


def _assert_checkpoints_count_listens(store, sender: str) -> None:
    """Every listen of the conversation has a checkpoint, and its number in its session."""
    with store.session_scope() as session:
        rows = session.query(store.SQLEvent).filter(store.SQLEvent.sender_id == sender) \
            .order_by(store.SQLEvent.id).all()
        found = {c.event_id: c.listen_index for c in session.query(SQLCheckpoint)
                 .filter(SQLCheckpoint.sender_id == sender)}
    expected, index = {}, 0
    for row in rows:
        if row.type_name == "session_started":
            index = 0
        elif row.action_name == "action_listen":
            expected[row.id] = index
            index += 1
    assert found == expected


def _assert_same_states_from_the_next_message(ours, theirs, domain) -> None:
    """What the rules read when the next message comes: the states from that message on.

    Inside a form Rasa folds the form's earlier turns into its first one in the policy's
    states; a window that starts inside the form folds them into its own first turn, so the
    states before the latest turn differ. The rules start at a user message, and a form's
    happy path is predicted before any rule, so the rules' predictions do not."""
    for tracker in (ours, theirs):
        tracker.update(_user("volgende", "inform"))
    states, stock_states = ours.past_states(domain), theirs.past_states(domain)
    assert states[-1] == stock_states[-1]
    assert states[-1]["user"]["text"] == "volgende"


async def _assert_same(stock, bounded, sender, domain, inside_a_form: bool = False):
    ours, theirs = await bounded.retrieve(sender), await stock.retrieve(sender)
    _assert_same_latest_user_message(ours, theirs, inside_a_form)
    _assert_same_state(ours, theirs, domain, inside_a_form)
    _assert_checkpoints_count_listens(bounded, sender)


def _assert_same_latest_user_message(ours, theirs, inside_a_form: bool = False) -> None:
    """What Rasa's session expiry reads: the latest user message and its time.

    Rasa takes the latest *applied* one, which inside a form is the form's first message (see
    above); a window that starts inside the form has its own first one. So inside a form the
    latest message of all is compared, and a session there expires counting from the window's
    first message in the form instead of the form's first (after 24 hours inside one form)."""
    verbosity = EventVerbosity.ALL if inside_a_form else EventVerbosity.APPLIED
    mine = ours.get_last_event_for(UserUttered, event_verbosity=verbosity)
    stocks = theirs.get_last_event_for(UserUttered, event_verbosity=verbosity)
    if stocks is None:
        assert mine is None
        return
    assert (mine.text or "", mine.intent_name, mine.timestamp) == (
        stocks.text or "", stocks.intent_name, stocks.timestamp)


async def test_a_window_inside_the_interview_keeps_the_loop_s_trigger_and_the_question_before_it(
        domain, tmp_path):
    stock, bounded = _stores(domain, tmp_path)
    turns = [
        _session_start(),
        [_user("Wie tekent de overeenkomst?", "faq"), ActionExecuted("utter_faq"),
         BotUttered("het bevoegd gezag"), ActionExecuted("action_listen")],
        [_user("ik wil een overeenkomst opstellen", "start_interview"),
         ActionExecuted("interview_form"), ActiveLoop("interview_form"),
         SlotSet("requested_slot", "stap 0"), BotUttered("eerste vraag"),
         ActionExecuted("action_listen")],
        _answer("een"), _answer("twee"), _answer("drie"),
        # a turn that ends in a follow-up action: its checkpoint is made by replaying the window
        _answer("vier", FollowupAction("interview_form")),
        _answer("vijf"), _answer("zes"), _answer("zeven"), _answer("acht"),
    ]
    for events in turns:
        await _play((stock, bounded), "g", events, domain)
        await _assert_same(stock, bounded, "g", domain, inside_a_form=True)
    ours = await bounded.retrieve("g")
    assert ours.active_loop.trigger_message["text"] == "ik wil een overeenkomst opstellen"
    assert len(ours.events) < len((await stock.retrieve("g")).events) / 2


async def test_events_appended_several_turns_at_once_get_a_checkpoint_at_each_listen(domain, tmp_path):
    stock, bounded = _stores(domain, tmp_path)
    appended = [
        _session_start(),
        # two turns in one save, the first a question
        [_user("Moet de mr instemmen?", "faq"), ActionExecuted("utter_faq"), BotUttered("ja"),
         ActionExecuted("action_listen"), _user("hallo", "greet"), ActionExecuted("utter_greet"),
         BotUttered("hallo"), ActionExecuted("action_listen")],
        [ActionExecuted("action_listen")],  # a lone listen
        # one listen, and after it a slot: the checkpoint sits at the listen
        [_user("en nu", "greet"), ActionExecuted("utter_greet"), ActionExecuted("action_listen"),
         SlotSet("requested_slot", "na de listen")],
        # a save that starts with a listen
        [ActionExecuted("action_listen"), _user("verder", "greet"), ActionExecuted("utter_greet"),
         BotUttered("ja"), ActionExecuted("action_listen")],
    ]
    for events in appended:
        await _play((stock, bounded), "api", events, domain)
        await _assert_same(stock, bounded, "api", domain)
    for number in range(6):
        await _play((stock, bounded), "api", _answer(str(number)), domain)
        await _assert_same(stock, bounded, "api", domain)


async def test_a_conversation_without_a_session_start_counts_its_listens_from_zero(domain, tmp_path):
    stock, bounded = _stores(domain, tmp_path)
    # first two turns saved at once, then one at a time
    await _play((stock, bounded), "zonder", _answer("a") + _answer("b"), domain)
    await _assert_same(stock, bounded, "zonder", domain)
    for number in range(6):
        await _play((stock, bounded), "zonder", _answer(str(number)), domain)
        await _assert_same(stock, bounded, "zonder", domain)


async def test_the_messages_before_a_window_are_rebuilt_as_actions_look_back_for_them(
        domain, tmp_path):
    stock = SQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "stock.db"))
    two = BoundedSQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "two.db"), window_turns=2)
    turns = [_session_start(),
             [_user("Wat is een sok?", "faq"), ActionExecuted("utter_faq"),
              ActionExecuted("action_listen")],
             # an intent triggered without text (Rasa's trigger_intent), then a button
             [_user(None, "faq"), ActionExecuted("utter_faq"), ActionExecuted("action_listen")],
             [_user("/greet", "greet"), ActionExecuted("utter_greet"), ActionExecuted("action_listen")],
             [_user("hallo", "greet"), ActionExecuted("utter_greet"), ActionExecuted("action_listen")],
             [_user("hoi", "greet"), ActionExecuted("utter_greet"), ActionExecuted("action_listen")],
             [_user("En voor een AOC?", "faq"), ActionExecuted("utter_faq"),
              ActionExecuted("action_listen")]]
    for events in turns:
        await _play((stock, two), "twee", events, domain)
        ours, theirs = await two.retrieve("twee"), await stock.retrieve("twee")
        _assert_same_latest_user_message(ours, theirs)
        as_sdk = type("T", (), {"events": [e.as_dict() for e in ours.events]})
        stock_sdk = type("T", (), {"events": [e.as_dict() for e in theirs.events]})
        assert previous_question(as_sdk) == previous_question(stock_sdk)
    assert previous_question(as_sdk) == "Wat is een sok?"
    assert len(ours.events) < len(theirs.events)


@pytest.mark.parametrize("turns", [1, -1])
def test_a_window_too_short_for_the_actions_is_refused(domain, tmp_path, turns):
    with pytest.raises(ValueError, match="CONVERSATION_WINDOW_TURNS must be 0"):
        BoundedSQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "x.db"), window_turns=turns)
    with pytest.raises(ValueError, match="at least 2, not"):
        Settings.from_environment({"CONVERSATION_WINDOW_TURNS": str(turns)})
    assert Settings.from_environment({"CONVERSATION_WINDOW_TURNS": "2"}).conversation_window_turns == 2


async def test_a_slot_set_back_to_nothing_stays_so_when_the_domain_gives_it_a_value(tmp_path):
    domain = Domain.from_dict({
        "intents": ["inform"],
        "slots": {"school": {"type": "text", "initial_value": "onbekend",
                             "mappings": [{"type": "custom"}]}},
    })
    stock, bounded = _stores(domain, tmp_path)
    turns = [_session_start(), [_user("a", "inform"), SlotSet("school", None),
                                ActionExecuted("action_listen"), _user("b", "inform"),
                                ActionExecuted("action_listen")]]
    turns += [[_user(str(n), "inform"), ActionExecuted("action_listen")] for n in range(5)]
    for events in turns:
        await _play((stock, bounded), "s", events, domain)
        ours, theirs = await bounded.retrieve("s"), await stock.retrieve("s")
        assert ours.get_slot("school") == theirs.get_slot("school")
    assert ours.get_slot("school") is None and len(ours.events) < len(theirs.events)
