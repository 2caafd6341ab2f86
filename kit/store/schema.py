"""The store's schema: every table, in one place.

Bump ``SCHEMA_VERSION`` for any change; a change to an existing table also needs a step in
:mod:`kit.store.migrate` (new tables need none: ``create_all`` adds them).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

SCHEMA_VERSION = 6
metadata = MetaData()

meta = Table(
    "kit_meta", metadata,
    Column("key", String(40), primary_key=True),
    Column("value", String(200), nullable=False),
)

workshops = Table(
    "workshops", metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(8), nullable=False, unique=True),
    Column("title", String(200), nullable=False),
    Column("modules", String(40), nullable=False),  # e.g. "3,6"
    Column("key_hash", String(128), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("rev", Integer, nullable=False, default=0),
    Column("message", String(200), nullable=False, default=""),
    Column("timer_end", Float, nullable=True),
    Column("timer_label", String(100), nullable=False, default=""),
    Column("timer_left", Float, nullable=True),  # seconds left while the countdown is paused
    Column("closed_at", Float, nullable=True),
    Column("showcase_activity", String(64), nullable=True),  # the draft on the projector
    Column("showcase_author", Integer, nullable=True),
    Column("projector_names", Integer, nullable=False, default=0),  # names on the projector
    Column("instructor", String(40), nullable=False, default="", server_default=""),
)

participants = Table(
    "participants", metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", ForeignKey("workshops.id"), nullable=False),
    Column("name", String(40), nullable=False),
    Column("name_key", String(40), nullable=False),
    Column("staff_id", String(20), nullable=False, default=""),
    Column("hub_user", String(100), nullable=True),
    Column("group_no", Integer, nullable=True),
    Column("joined_at", Float, nullable=False),
    Column("last_seen", Float, nullable=False),
    Column("activity_id", String(64), nullable=True),
    Column("status", String(16), nullable=False, default="joined"),
    Column("lang", String(8), nullable=False, default="", server_default=""),
    UniqueConstraint("workshop_id", "name_key"),
    Index("ix_participants_workshop", "workshop_id"),
)

tokens = Table(
    "tokens", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("participant_id", ForeignKey("participants.id"), nullable=False),
    Column("created_at", Float, nullable=False),
)

activity_states = Table(
    "activity_states", metadata,
    Column("workshop_id", ForeignKey("workshops.id"), primary_key=True),
    Column("activity_id", String(64), primary_key=True),
    Column("state", String(16), nullable=False),
    Column("changed_at", Float, nullable=False),
    Column("focus", Integer, nullable=False, default=0),  # the question on the projector
)

submissions = Table(
    "submissions", metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", ForeignKey("workshops.id"), nullable=False),
    Column("activity_id", String(64), nullable=False),
    Column("item_id", String(64), nullable=False),
    Column("participant_id", ForeignKey("participants.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("payload", Text, nullable=False),
    Column("submit_key", String(64), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("group_no", Integer, nullable=True),  # set on a group's shared draft
    UniqueConstraint("participant_id", "activity_id", "item_id", "version"),
    UniqueConstraint("participant_id", "submit_key"),
    Index("ix_submissions_activity", "workshop_id", "activity_id"),
)

autosaves = Table(
    "autosaves", metadata,
    Column("participant_id", ForeignKey("participants.id"), primary_key=True),
    Column("activity_id", String(64), primary_key=True),
    Column("item_id", String(64), primary_key=True),
    Column("payload", Text, nullable=False),
    Column("updated_at", Float, nullable=False),
)

allocations = Table(
    "allocations", metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", ForeignKey("workshops.id"), nullable=False),
    Column("activity_id", String(64), nullable=False),
    Column("reviewer_id", ForeignKey("participants.id"), nullable=False),
    Column("author_id", ForeignKey("participants.id"), nullable=False),
    Column("created_at", Float, nullable=False),
    UniqueConstraint("activity_id", "reviewer_id", "author_id"),
    Index("ix_allocations_activity", "workshop_id", "activity_id"),
)

reviews = Table(
    "reviews", metadata,
    Column("id", Integer, primary_key=True),
    Column("allocation_id", ForeignKey("allocations.id"), nullable=False),
    Column("scores", Text, nullable=False),
    Column("comment", Text, nullable=False, default=""),
    Column("submit_key", String(64), nullable=False, unique=True),
    Column("created_at", Float, nullable=False),
    Column("flag", String(16), nullable=True),
    Index("ux_reviews_allocation", "allocation_id", unique=True),  # one review per allocation
)

calibrations = Table(
    "calibrations", metadata,
    Column("participant_id", ForeignKey("participants.id"), primary_key=True),
    Column("activity_id", String(64), primary_key=True),
    Column("exemplar_id", String(64), primary_key=True),
    Column("workshop_id", Integer, nullable=False, default=0),
    Column("scores", Text, nullable=False),
    Column("created_at", Float, nullable=False),
    Index("ix_calibrations_workshop", "workshop_id", "activity_id"),
)

overrides = Table(
    "overrides", metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", ForeignKey("workshops.id"), nullable=False),
    Column("activity_id", String(64), nullable=False),
    Column("author_id", ForeignKey("participants.id"), nullable=False),
    Column("criterion", String(64), nullable=False),
    Column("score", Integer, nullable=False),
    Column("note", String(200), nullable=False, default=""),
    Column("created_at", Float, nullable=False),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", Integer, nullable=True),
    Column("participant_id", Integer, nullable=True),
    Column("kind", String(16), nullable=False),
    Column("message", Text, nullable=False),  # one line of Chinese for the 问题 panel
    Column("created_at", Float, nullable=False),
    Column("role", String(16), nullable=False, default=""),  # trainee, console, projector, cell
    Column("detail", Text, nullable=False, default=""),  # the traceback: instructor only
    Index("ix_events_workshop", "workshop_id"),
)

page_tokens = Table(
    "page_tokens", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("workshop_id", ForeignKey("workshops.id"), nullable=False),
    # console: a session traded once for the instructor key; projector: the projector link
    Column("kind", String(16), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False),
    Column("revoked_at", Float, nullable=True),
    Index("ix_page_tokens_workshop", "workshop_id", "kind"),
)

certificates = Table(
    "certificates", metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(16), nullable=False, unique=True),
    Column("workshop_id", ForeignKey("workshops.id"), nullable=False),
    Column("participant_id", ForeignKey("participants.id"), nullable=False),
    Column("module", Integer, nullable=False),
    Column("module_title", String(300), nullable=False),
    Column("name", String(40), nullable=False),
    Column("staff_id", String(20), nullable=False, default=""),
    Column("issued_on", String(10), nullable=False),  # YYYY-MM-DD, the session's date
    Column("band", String(8), nullable=False),
    Column("nonce", String(32), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("revoked_at", Float, nullable=True),
    UniqueConstraint("workshop_id", "participant_id", "module"),
)

attempts = Table(
    "attempts", metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", ForeignKey("workshops.id"), nullable=False),
    Column("participant_id", ForeignKey("participants.id"), nullable=False),  # who played (drove)
    Column("activity_id", String(64), nullable=False),
    Column("scenario_id", String(64), nullable=False),
    Column("number", Integer, nullable=False),  # this player's 1st, 2nd … attempt
    Column("steps", Text, nullable=False),  # JSON: node, choice, mood before/after, what was typed
    Column("mood", Text, nullable=False),  # JSON: the mood trace
    Column("score", Integer, nullable=True),
    Column("ending", String(64), nullable=True),
    Column("forced", Integer, nullable=False, default=0),  # the mood forced the ending
    Column("profile", Text, nullable=False),  # JSON: the skill profile
    Column("finished", Integer, nullable=False, default=0),
    Column("started_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
    UniqueConstraint("participant_id", "activity_id", "number"),
    Index("ix_attempts_activity", "workshop_id", "activity_id"),
)

group_plays = Table(
    "group_plays", metadata,
    Column("id", Integer, primary_key=True),
    Column("workshop_id", ForeignKey("workshops.id"), nullable=False),
    Column("activity_id", String(64), nullable=False),
    Column("group_no", Integer, nullable=False),
    Column("number", Integer, nullable=False),  # the group's 1st, 2nd … attempt
    Column("attempt_id", ForeignKey("attempts.id"), nullable=False, unique=True),
    Column("driver_id", ForeignKey("participants.id"), nullable=False),
    Column("members", Text, nullable=False),  # JSON: participant ids in the group while it played
    UniqueConstraint("workshop_id", "activity_id", "group_no", "number"),
)

# Several Voilà servers on one store: who is up (a heartbeat every few seconds) and where each
# trainee is seated, so the entry point sends a returning trainee back to the same server.
servers = Table(
    "servers", metadata,
    Column("id", String(40), primary_key=True),
    Column("base_url", String(200), nullable=False),  # e.g. "/s1/": the proxy routes by path
    Column("started_at", Float, nullable=False),
    Column("heartbeat_at", Float, nullable=False),  # 0 once the server stopped cleanly
    Column("load", Integer, nullable=False, default=0),  # trainees seated on it
)

server_seats = Table(
    "server_seats", metadata,
    # "p<participant id>" once joined; a ticket's hash for a page not yet joined
    Column("seat", String(64), primary_key=True),
    Column("server_id", String(40), nullable=False),
    Column("participant_id", Integer, nullable=True),
    Column("assigned_at", Float, nullable=False),
    Index("ix_server_seats_server", "server_id"),
)
