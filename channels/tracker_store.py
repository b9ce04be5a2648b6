"""A tracker store that keeps every event and loads only the recent part of a conversation.

Rasa's ``SQLTrackerStore`` reads back every event of the current session for each message and
replays it, and the policies then compute their states over all of it: a message costs more
the longer the conversation. ``BoundedSQLTrackerStore`` (Rasa's documented extension point for
tracker stores) stores every event exactly as Rasa's store does, in the same table, and beside
them a checkpoint at each ``action_listen``: the conversation's state at that point (see
``Checkpoint``). ``retrieve`` loads only the events since the checkpoint ``window_turns`` user
turns back, preceded by a few events that rebuild the state at that checkpoint. What the
policies, forms and actions look at lies inside that window; whatever reaches further back
(an undo or rewind in the window) makes it load the whole session, as Rasa does. No event
broker: Rasa's ``stream_events`` compares trackers by length, which a window does not keep.
``retrieve_full_tracker`` (the HTTP API, exports) still returns every event.

A window holds at least two turns (``bot.settings.MIN_WINDOW_TURNS``): the actions look back at
the message and the reply before the latest. Inside a form Rasa folds the form's earlier turns
into its first one, in the policy's states and in the "latest applied" user message; a window
that starts inside the form folds them into its own first turn in the form. The states from the
latest user message on are the same, and so is what RulePolicy predicts (a form's happy path
comes before any rule, and rules start at a user message); Rasa's session expiry inside a form
counts from that first message, so here from a later one.
"""

import functools
import json
import logging
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Sequence, Text, Tuple

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import (
    ActionExecuted, ActionExecutionRejected, ActiveLoop, ConversationPaused, Event,
    FollowupAction, LoopInterrupted, SessionStarted, SlotSet, UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.orm import declarative_base

from bot.privacy import CHECKPOINTS_TABLE
from bot.settings import check_window_turns

logger = logging.getLogger(__name__)
DEFAULT_WINDOW_TURNS = 5
# Events whose effect reaches back before themselves, and a session's start (which a window
# never spans unless the store ran without checkpoints for a while): such a window is not
# loaded alone; the whole session is, as Rasa loads it.
WHOLE_SESSION_EVENTS = frozenset({"rewind", "undo", "session_started"})
# What the store remembers on a tracker it loaded (attributes of the tracker object).
_STORED = "_bounded_stored_events"
_LISTENS_BEFORE = "_bounded_listens_before"
_PREFIX = "_bounded_prefix_events"
_TRIGGER = "_bounded_loop_trigger"

CheckpointBase = declarative_base()


class SQLCheckpoint(CheckpointBase):
    """The conversation's state at one ``action_listen`` event of the events table."""

    __tablename__ = CHECKPOINTS_TABLE
    id = sa.Column(sa.Integer, primary_key=True)
    sender_id = sa.Column(sa.String(255), nullable=False)
    event_id = sa.Column(sa.Integer, nullable=False)
    # Which action_listen of its session this is (0 for the first), to stay inside a session.
    listen_index = sa.Column(sa.Integer, nullable=False)
    data = sa.Column(sa.Text, nullable=False)
    __table_args__ = (sa.Index("tracker_checkpoints_sender_event", "sender_id", "event_id"),)


@dataclass
class Checkpoint:
    """What a window's first events cannot tell: the state when it starts.

    The slots that differ from their initial value, the active loop and its flags, a pending
    follow-up action, whether the conversation is paused, and the latest user message of each
    intent (typed and as a button payload), which actions may look back for.
    """

    slots: Dict[Text, Any] = field(default_factory=dict)
    active_loop: Optional[Dict[Text, Any]] = None
    followup_action: Optional[Text] = None
    paused: bool = False
    user_messages: List[Dict[Text, Any]] = field(default_factory=list)

    @classmethod
    def of(cls, tracker: DialogueStateTracker, users: Sequence[Dict[Text, Any]]) -> "Checkpoint":
        """The state of ``tracker`` now; ``users`` are the user messages seen so far."""
        slots = {name: slot.value for name, slot in tracker.slots.items()
                 if slot.value != slot.initial_value}
        loop = tracker.active_loop
        active_loop = None if loop is None or loop.name is None else {
            "name": loop.name, "is_interrupted": loop.is_interrupted, "rejected": loop.rejected,
            "trigger_message": loop.trigger_message,
        }
        return cls(slots, active_loop, tracker.followup_action, tracker.is_paused(),
                   latest_user_messages(users))

    def prefix_events(self) -> List[Dict[Text, Any]]:
        """Events that rebuild this state in a new tracker (never stored)."""
        events: List[Event] = [UserUttered.from_parameters(u) for u in self.user_messages]
        events += [SlotSet(name, value) for name, value in self.slots.items()]
        if self.active_loop:
            name = self.active_loop["name"]
            events.append(ActiveLoop(name))
            if self.active_loop["is_interrupted"]:
                events.append(LoopInterrupted(True))
            if self.active_loop["rejected"]:
                events.append(ActionExecutionRejected(name))
        if self.followup_action:
            events.append(FollowupAction(self.followup_action))
        if self.paused:
            events.append(ConversationPaused())
        return [event.as_dict() for event in events]

    def dumps(self) -> Text:
        return json.dumps(self.__dict__)

    @classmethod
    def loads(cls, text: Text) -> "Checkpoint":
        return cls(**json.loads(text))


def latest_user_messages(users: Iterable[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """Of the user messages given (oldest first), the latest of each intent, typed, as a
    payload and without text (an intent triggered by Rasa's API), in their order, reduced to
    their text and intent."""
    latest: Dict[Tuple[Any, bool, bool], Dict[Text, Any]] = {}
    for message in users:
        parse = message.get("parse_data") or {}
        intent = parse.get("intent") or {}
        text = message.get("text") or ""
        key = (intent.get("name"), text.startswith("/"), not text)
        latest.pop(key, None)
        # (Rasa fills in the rest of the parse data from the text, with no entities)
        latest[key] = {"event": "user", "text": text, "timestamp": message.get("timestamp"),
                       "parse_data": {"intent": intent}}
    return list(latest.values())


@functools.lru_cache(maxsize=None)
def _event_class(type_name: Text) -> Any:
    """Rasa's ``Event.resolve_by_type``, which walks every subclass of Event on each call."""
    return Event.resolve_by_type(type_name)


def deserialise(event: Dict[Text, Any]) -> Event:
    """An event from its stored form, as Rasa's ``Event.from_parameters`` makes it."""
    return _event_class(event["event"])._from_parameters(event)


def _user_dict(event: Event) -> Optional[Dict[Text, Any]]:
    return event.as_dict() if isinstance(event, UserUttered) else None


def build_tracker(sender_id: Text, slots: Iterable[Any], prefix: List[Dict[Text, Any]],
                  checkpoint: Checkpoint, events: List[Dict[Text, Any]]) -> DialogueStateTracker:
    """A tracker of the prefix that rebuilds ``checkpoint`` and then the window's events."""
    tracker = DialogueStateTracker.from_events(sender_id, [deserialise(e) for e in prefix], slots)
    trigger = (checkpoint.active_loop or {}).get("trigger_message")
    if tracker.active_loop is not None:
        tracker.active_loop.trigger_message = trigger
    for event in events:
        tracker.update(deserialise(event))
    setattr(tracker, _PREFIX, prefix)
    setattr(tracker, _TRIGGER, trigger)
    return tracker


def pooled_sqlite_engine(url: Any) -> sa.engine.Engine:
    """An engine for a SQLite file that keeps its connections open.

    SQLAlchemy opens the file anew for every session by default (``NullPool``), which throws
    away SQLite's page cache on every read and write. The connections here are pooled, in
    write-ahead logging mode (the workers read while one writes), and every commit is synced.
    """
    engine = sa.create_engine(url, poolclass=sa.pool.QueuePool, pool_size=2, max_overflow=8,
                              connect_args={"check_same_thread": False})

    @sa.event.listens_for(engine, "connect")
    def _configure(connection: Any, _record: Any) -> None:
        connection.execute("PRAGMA journal_mode=WAL")

    return engine


class BoundedSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store, loading only the last ``window_turns`` user turns (0: all)."""

    def __init__(self, *args: Any, window_turns: int = DEFAULT_WINDOW_TURNS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.window_turns = check_window_turns(int(window_turns))
        if self.engine.dialect.name == "sqlite":
            self.engine.dispose()
            self.engine = pooled_sqlite_engine(self.engine.url)
            self.sessionmaker.configure(bind=self.engine)
        try:
            CheckpointBase.metadata.create_all(self.engine)
        except (sa.exc.OperationalError, sa.exc.ProgrammingError) as error:
            # The workers start together: another one may create the table at the same
            # moment (Rasa's own store allows for the same with its events table).
            logger.debug(f"Could not create the checkpoints table: {type(error).__name__}")

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """The tracker of the latest session, from its window when it has one."""
        if self.window_turns > 0 and self.domain:
            with self.session_scope() as session:
                start = self._window_start(session, sender_id)
                rows = [] if start is None else (
                    session.query(self.SQLEvent.data)
                    .filter(self.SQLEvent.sender_id == sender_id, self.SQLEvent.id >= start.event_id)
                    .order_by(self.SQLEvent.id).all())
            events = [json.loads(row.data) for row in rows]
            if events and not any(e.get("event") in WHOLE_SESSION_EVENTS for e in events):
                checkpoint = Checkpoint.loads(start.data)
                prefix = checkpoint.prefix_events()
                tracker = build_tracker(sender_id, self.domain.slots, prefix, checkpoint, events)
                setattr(tracker, _STORED, len(tracker.events))
                setattr(tracker, _LISTENS_BEFORE, start.listen_index)
                return tracker
        tracker = await super().retrieve(sender_id)
        if tracker is not None:
            setattr(tracker, _STORED, len(tracker.events))
        return tracker

    def _window_start(self, session: Any, sender_id: Text) -> Optional[SQLCheckpoint]:
        """The checkpoint ``window_turns`` listens back, if the latest session has it."""
        latest = (session.query(SQLCheckpoint).filter(SQLCheckpoint.sender_id == sender_id)
                  .order_by(SQLCheckpoint.event_id.desc()).limit(self.window_turns).all())
        if len(latest) < self.window_turns:
            return None
        start = latest[-1]
        if start.listen_index != latest[0].listen_index - (self.window_turns - 1):
            return None
        return start

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the events the store does not have yet, and a checkpoint at each new listen."""
        if self.window_turns <= 0:
            await super().save(tracker)
            return
        await self.stream_events(tracker)
        with self.session_scope() as session:
            stored = getattr(tracker, _STORED, None)
            if stored is None:  # a tracker this store did not load: count as Rasa does
                stored = len(tracker.events) - len(list(self._additional_events(session, tracker)))
            rows = [self._row(tracker.sender_id, event) for event in list(tracker.events)[stored:]]
            session.add_all(rows)
            session.flush()
            session.add_all(self._checkpoints(tracker, stored, [row.id for row in rows]))
            session.commit()
        setattr(tracker, _STORED, len(tracker.events))

    def _row(self, sender_id: Text, event: Event) -> Any:
        """The events table's row of one event, as Rasa's store writes it."""
        data = event.as_dict()
        intent = data.get("parse_data", {}).get("intent", {}).get("name")
        return self.SQLEvent(sender_id=sender_id, type_name=event.type_name,
                             timestamp=data.get("timestamp"), intent_name=intent,
                             action_name=data.get("name"), data=json.dumps(data))

    def _checkpoints(self, tracker: DialogueStateTracker, stored: int,
                     event_ids: List[int]) -> List[SQLCheckpoint]:
        """A checkpoint for each new ``action_listen``."""
        events = list(tracker.events)
        new = events[stored:]
        listens = [e for e in new if isinstance(e, ActionExecuted) and e.action_name == ACTION_LISTEN_NAME]
        if len(listens) == 1 and new[-1] is listens[0] and not any(
                isinstance(e, (SessionStarted, FollowupAction)) for e in new):
            # The usual save, after a turn: the state now is the state before its closing listen
            # as far as the window can tell, since the window replays that listen first (it
            # only sets the latest action and clears the loop's interruption and a follow-up).
            users = []
            for event in events:
                users = [] if isinstance(event, SessionStarted) else users
                user = _user_dict(event)
                if user:
                    users.append(user)
            return [SQLCheckpoint(sender_id=tracker.sender_id, event_id=event_ids[-1],
                                  listen_index=self._listen_index(tracker, events),
                                  data=Checkpoint.of(tracker, users).dumps())]
        return self._replayed_checkpoints(tracker, stored, event_ids)

    @staticmethod
    def _listen_index(tracker: DialogueStateTracker, events: List[Event]) -> int:
        """The index in its session of the tracker's last event, a listen."""
        index = getattr(tracker, _LISTENS_BEFORE, 0)
        for event in events[:-1]:
            if isinstance(event, SessionStarted):
                index = 0
            elif isinstance(event, ActionExecuted) and event.action_name == ACTION_LISTEN_NAME:
                index += 1
        return index

    def _replayed_checkpoints(self, tracker: DialogueStateTracker, stored: int,
                              event_ids: List[int]) -> List[SQLCheckpoint]:
        """A checkpoint for each new ``action_listen``, replaying the tracker's events once."""
        prefix = getattr(tracker, _PREFIX, [])
        events = list(tracker.events)
        replay = build_tracker(tracker.sender_id, tracker.slots.values(), prefix,
                               Checkpoint(active_loop={"trigger_message": getattr(tracker, _TRIGGER, None)}),
                               [])
        users = [u for u in (_user_dict(e) for e in events[:len(prefix)]) if u]
        listen_index = getattr(tracker, _LISTENS_BEFORE, 0)
        checkpoints = []
        for position in range(len(prefix), len(events)):
            event = events[position]
            if isinstance(event, SessionStarted):  # Rasa loads a session's events only
                listen_index, users = 0, []
            if isinstance(event, ActionExecuted) and event.action_name == ACTION_LISTEN_NAME:
                if position >= stored:
                    checkpoints.append(SQLCheckpoint(
                        sender_id=tracker.sender_id, event_id=event_ids[position - stored],
                        listen_index=listen_index, data=Checkpoint.of(replay, users).dumps()))
                listen_index += 1
            replay.update(event)
            user = _user_dict(event)
            if user:
                users.append(user)
        return checkpoints
