"""The desk's tables: who works here, who the customers are, and what happened with them."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, BigInteger, Column, Index, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from frontdesk.clock.now import utcnow
from frontdesk.db.checks import an_amount, between, one_of
from frontdesk.db.types import DeskText, typed_text


class Role(StrEnum):
    AGENT = "agent"
    SUPERVISOR = "supervisor"


class Channel(StrEnum):
    PHONE = "phone"
    WALK_IN = "walk-in"
    EMAIL = "email"
    CHAT = "chat"


class Mood(StrEnum):
    CALM = "calm"
    WORRIED = "worried"
    UPSET = "upset"
    ANGRY = "angry"


class Outcome(StrEnum):
    RESOLVED = "resolved"
    """Resolved on first contact."""
    RESOLVED_LATER = "resolved-later"
    """Resolved, but not on first contact: the customer was handed on before it was."""
    FOLLOW_UP = "follow-up"
    ESCALATED = "escalated"
    LEFT = "left"
    """The customer left or hung up."""


class PromiseKind(StrEnum):
    PROMISE = "promise"
    CALLBACK = "callback"
    """A call to return: a missed call or a message taken for a colleague."""
    FOLLOW_UP = "follow-up"


class GoodwillKind(StrEnum):
    GESTURE = "gesture"
    """A refund, discount or small gift to keep the customer."""
    EXCEPTION = "exception"
    """A policy bent for this customer (a late return accepted, a fee waived)."""


class PromiseStatus(StrEnum):
    OPEN = "open"
    KEPT = "kept"


class Agent(SQLModel, table=True):
    """A person at the desk; every record they create carries their id."""

    __table_args__ = (one_of("agent", "role", Role),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = typed_text(120, unique=True, index=True)
    role: str = Field(default=Role.AGENT, max_length=20)
    """A Role value; stored as plain text so new roles need no database enum change."""
    active: bool = Field(default=True, index=True)
    created_at: datetime = Field(default_factory=utcnow)
    secret_hash: str | None = Field(default=None, max_length=255)
    """The Argon2 hash of their PIN or password; None until one is set (the secret itself is never stored)."""
    failed_tries: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    """Wrong secrets typed in a row; the fifth locks the person out for a while."""
    locked_until: datetime | None = None
    """Nobody can sign in as this person before then (too many wrong secrets)."""


_customer_version = Column("version", Integer, nullable=False, server_default="1")
"""Counts saves of the row; a save from a terminal that read an older count is refused (no silent overwrite)."""


class Customer(SQLModel, table=True):
    """A customer, with names stored exactly as they spell them, in any script."""

    __mapper_args__ = {"version_id_col": _customer_version}
    __table_args__ = (Index("ix_customer_name", "family_name", "given_name"),)
    """Who is already there, by name, without reading everyone who shares the family name (imports ask it per batch)."""

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(default=1, sa_column=_customer_version)
    honorific: str = typed_text(40, default="")
    given_name: str = typed_text(200, default="")
    family_name: str = typed_text(200, default="", index=True)
    preferred_address: str = typed_text(200, default="")
    """How they want to be addressed ("Dr. Rahimi", "Mary"), read aloud from the greeting card."""
    pronunciation: str = typed_text(200, default="")
    """A hint for saying the name right ("ra-HEE-mee")."""
    phones: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    """As typed; what the desk shows."""
    phones_e164: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False, server_default="[]"))
    """The same numbers in the same order, canonical (E.164, `;ext=N`), "" where a national number could not be read."""
    email: str = typed_text(254, default="")
    street: str = typed_text(300, default="")
    city: str = typed_text(120, default="")
    birth_date: date | None = None
    language: str = typed_text(20, default="")
    """The language the customer prefers to be served in (en, fa, el, ...)."""
    preferences: str = Field(default="", sa_column=Column(DeskText, nullable=False, default=""))
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    created_by_id: int | None = Field(default=None, foreign_key="agent.id", index=True)
    merged_into_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    """Set when this record was merged into another; such records are kept, not deleted."""
    erased_at: datetime | None = None
    """Set when the customer asked to be forgotten: the row stays, pseudonymised, so counts and figures keep their totals."""


class CustomerAlias(SQLModel, table=True):
    """A former spelling (after a correction or a merge) that must still find the customer."""

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    name: str = typed_text(400)
    created_at: datetime = Field(default_factory=utcnow)


class Interaction(SQLModel, table=True):
    """One contact with a customer: a call, a visit, an email or a chat, with one owner."""

    __table_args__ = (
        one_of("interaction", "channel", Channel),
        one_of("interaction", "outcome", ("", *Outcome)),
        between("interaction", "satisfaction", 1, 5),
        Index("ix_interaction_figures", "started_at", "owner_id", "ended_at", "outcome", "satisfaction", "summary_edited",
              "escalated_at", "customer_id", "category", postgresql_include=["id"]),
        Index("ix_interaction_repeat", "customer_id", "category", "started_at"),
    )
    """The supervisor's figures read a month from the first index alone (with the id, which SQLite keeps in every
    index anyway, for joining handoffs and mood readings); the second finds a repeat contact."""

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    """None while an unknown caller has not been linked to a record yet."""
    channel: str = Field(default=Channel.PHONE, max_length=20)
    reason: str = typed_text(500, default="")
    owner_id: int = Field(foreign_key="agent.id", index=True)
    created_by_id: int = Field(foreign_key="agent.id", index=True)
    started_at: datetime = Field(default_factory=utcnow, index=True)
    ended_at: datetime | None = Field(default=None, index=True)
    outcome: str = Field(default="", max_length=40)
    summary: str = Field(default="", sa_column=Column(DeskText, nullable=False, default=""))
    category: str = typed_text(80, default="", index=True)
    """A ReasonCategory name, copied so renaming a category never rewrites history."""
    summary_edited: bool | None = None
    """False when the drafted summary was saved as drafted: flagged, because canned text is not service."""
    escalated_at: datetime | None = Field(default=None, index=True)
    """When the customer asked for a manager; supervisors see these first."""
    escalation_reason: str = typed_text(500, default="")
    satisfaction: int | None = None
    """The customer's own 1-5 rating, when asked."""
    satisfaction_comment: str = Field(default="", sa_column=Column(DeskText, nullable=False, default=""))
    satisfaction_asked: bool | None = None
    """None until wrap-up; False when the agent recorded that it was not asked."""
    courtesy: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False, default=list))
    """The courtesy checklist items ticked during the interaction."""
    solutions_declined: bool = False
    """The customer heard the options and declined them all."""
    limitations_explained: bool = False
    """The agent confirmed the offered options' limits were explained."""


_note_version = Column("version", Integer, nullable=False, server_default="1")
"""Counts saves of the row; a save from a terminal that read an older count is refused (no silent overwrite)."""


class Note(SQLModel, table=True):
    """A timestamped line taken during an interaction."""

    __mapper_args__ = {"version_id_col": _note_version}

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(default=1, sa_column=_note_version)
    interaction_id: int = Field(foreign_key="interaction.id", index=True)
    agent_id: int = Field(foreign_key="agent.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, index=True)
    text: str = Field(sa_column=Column(DeskText, nullable=False))
    verbatim: bool = False
    """The customer's own words, kept exactly and shown quoted."""
    edited_at: datetime | None = None
    """Set when the line was changed afterwards; the earlier text is kept in NoteEdit."""


class NoteEdit(SQLModel, table=True):
    """The text a note had before an edit: notes are never overwritten silently."""

    id: int | None = Field(default=None, primary_key=True)
    note_id: int = Field(foreign_key="note.id", index=True)
    agent_id: int = Field(foreign_key="agent.id", index=True)
    at: datetime = Field(default_factory=utcnow)
    previous_text: str = Field(sa_column=Column(DeskText, nullable=False))
    previous_verbatim: bool = False


class NoteDraft(SQLModel, table=True):
    """The line being typed, saved as it is typed so a crash loses at most the last second."""

    __table_args__ = (UniqueConstraint("interaction_id", "agent_id"),)

    id: int | None = Field(default=None, primary_key=True)
    interaction_id: int = Field(foreign_key="interaction.id", index=True)
    agent_id: int = Field(foreign_key="agent.id", index=True)
    text: str = Field(default="", sa_column=Column(DeskText, nullable=False, default=""))
    verbatim: bool = False
    updated_at: datetime = Field(default_factory=utcnow)


class MoodChange(SQLModel, table=True):
    """The customer's mood as the agent read it, each change timestamped."""

    __table_args__ = (one_of("moodchange", "mood", Mood), Index("ix_moodchange_figures", "at", "interaction_id", "mood", "id"))
    """The figures read a month of readings, first and last per contact, from the index alone."""

    id: int | None = Field(default=None, primary_key=True)
    interaction_id: int = Field(foreign_key="interaction.id", index=True)
    agent_id: int = Field(foreign_key="agent.id", index=True)
    mood: str = Field(max_length=20)
    at: datetime = Field(default_factory=utcnow)


class Handoff(SQLModel, table=True):
    """Ownership passed to a colleague: counted, because every handoff is a runaround for the customer."""

    __table_args__ = (Index("ix_handoff_figures", "at", "interaction_id", "from_agent_id", "to_agent_id"),)
    """The figures read a month of handoffs, both sides of each, from the index alone."""

    id: int | None = Field(default=None, primary_key=True)
    interaction_id: int = Field(foreign_key="interaction.id", index=True)
    from_agent_id: int = Field(foreign_key="agent.id", index=True)
    to_agent_id: int = Field(foreign_key="agent.id", index=True)
    at: datetime = Field(default_factory=utcnow)
    reason: str = typed_text(500, default="")


class ReasonCategory(SQLModel, table=True):
    """Why customers get in touch; supervisors keep the list."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = typed_text(80, unique=True)
    active: bool = True


class DeskSetting(SQLModel, table=True):
    """Desk-wide rules (opening hours, callback times), shared by every terminal on the database."""

    key: str = Field(primary_key=True, max_length=60)
    value: str = typed_text(2000, default="")


_promise_version = Column("version", Integer, nullable=False, server_default="1")
"""Counts saves of the row; a save from a terminal that read an older count is refused (no silent overwrite)."""


class Promise(SQLModel, table=True):
    """Something the desk promised a customer, chased until it is kept."""

    __mapper_args__ = {"version_id_col": _promise_version}
    __table_args__ = (
        one_of("promise", "kind", PromiseKind),
        one_of("promise", "status", PromiseStatus),
        Index("ix_promise_callbacks", "kind", "created_at", "owner_id", "status", "closed_at"),
        Index("ix_promise_figures", "due_at", "kind", "owner_id", "status", "closed_at", "kept_late"),
    )
    """The kinds and statuses a promise may have; a month of callbacks by when they were asked, and of promises by due time, each read from an index alone
    (figures)."""

    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(default=1, sa_column=_promise_version)
    customer_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    """None for a callback to a number not yet linked to a customer."""
    interaction_id: int | None = Field(default=None, foreign_key="interaction.id", index=True)
    what: str = typed_text(1000)
    kind: str = Field(default=PromiseKind.PROMISE, max_length=20, index=True)
    contact: str = typed_text(120, default="")
    """Who to call back when there is no customer record: a name or number as given."""
    details: str = Field(default="", sa_column=Column(DeskText, nullable=False, default=""))
    """A message taken for a colleague, word for word."""
    due_at: datetime = Field(index=True)
    owner_id: int = Field(foreign_key="agent.id", index=True)
    created_by_id: int = Field(foreign_key="agent.id", index=True)
    status: str = Field(default=PromiseStatus.OPEN, max_length=20, index=True)
    created_at: datetime = Field(default_factory=utcnow)
    closed_at: datetime | None = None
    tell_by: str = typed_text(40, default="")
    """How the customer will hear it was kept: phone, email, text message, in person."""
    closing_note: str = Field(default="", sa_column=Column(DeskText, nullable=False, default=""))
    kept_late: bool = False
    apology: str = Field(default="", sa_column=Column(DeskText, nullable=False, default=""))
    """What was said to the customer when the promise slipped."""
    make_good: str = Field(default="", sa_column=Column(DeskText, nullable=False, default=""))
    """What the desk did to make up for the slip."""


class PromiseChange(SQLModel, table=True):
    """A renegotiated due time: the history shows every change and whether the customer heard in time."""

    id: int | None = Field(default=None, primary_key=True)
    promise_id: int = Field(foreign_key="promise.id", index=True)
    agent_id: int = Field(foreign_key="agent.id", index=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    old_due_at: datetime
    new_due_at: datetime
    customer_told: bool = False
    told_before_deadline: bool = False
    """True when the customer heard of the delay before the old deadline passed (row 8)."""
    note: str = typed_text(1000, default="")


class SolutionOption(SQLModel, table=True):
    """One way to solve a kind of problem, with what it gives and its limits said plainly."""

    __table_args__ = (an_amount("solutionoption", "goodwill_cost_cents"),)

    id: int | None = Field(default=None, primary_key=True)
    category: str = typed_text(80, index=True)
    """A ReasonCategory name: the options offered for calls filed under it."""
    title: str = typed_text(200)
    gives: str = Field(default="", sa_column=Column(DeskText, nullable=False, default=""))
    limitations: str = Field(default="", sa_column=Column(DeskText, nullable=False, default=""))
    goodwill_cost_cents: int = Field(default=0, sa_type=BigInteger, sa_column_kwargs={"server_default": "0"})
    """Drawn from the agent's goodwill budget when the customer chooses this option (frontdesk.services.money)."""
    active: bool = True


class SolutionOffer(SQLModel, table=True):
    """An option put to the customer during an interaction; the one they chose is marked."""

    id: int | None = Field(default=None, primary_key=True)
    interaction_id: int = Field(foreign_key="interaction.id", index=True)
    option_id: int | None = Field(default=None, foreign_key="solutionoption.id", index=True)
    """None for a one-off option the agent made up for this customer."""
    agent_id: int = Field(foreign_key="agent.id", index=True)
    title: str = typed_text(200)
    gives: str = Field(default="", sa_column=Column(DeskText, nullable=False, default=""))
    limitations: str = Field(default="", sa_column=Column(DeskText, nullable=False, default=""))
    chosen: bool = False
    offered_at: datetime = Field(default_factory=utcnow)


class GoodwillGrant(SQLModel, table=True):
    """A goodwill gesture or policy exception, drawn from the agent's monthly budget."""

    __table_args__ = (one_of("goodwillgrant", "kind", GoodwillKind), an_amount("goodwillgrant", "amount_cents"))

    id: int | None = Field(default=None, primary_key=True)
    agent_id: int = Field(foreign_key="agent.id", index=True)
    customer_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    interaction_id: int | None = Field(default=None, foreign_key="interaction.id", index=True)
    promise_id: int | None = Field(default=None, foreign_key="promise.id", index=True)
    """Set when the grant is the make-good for a slipped promise."""
    kind: str = Field(max_length=20)
    amount_cents: int = Field(sa_type=BigInteger)
    """Whole cents, so sums and budget checks are exact (frontdesk.services.money converts)."""
    reason: str = typed_text(1000)
    at: datetime = Field(default_factory=utcnow, index=True)
    approved_by_id: int | None = Field(default=None, foreign_key="agent.id")
    """The supervisor who approved a grant over the agent's remaining budget."""


class AccessPurpose(StrEnum):
    """Why someone opened a customer's record: the access log says it in these words."""

    GREETING = "greeting"
    CALL = "call"
    EXPORT = "export"


class CustomerAccess(SQLModel, table=True):
    """Who looked at which customer's record, when, from which terminal and why (privacy, row 13).

    Kept apart from the audit trail so a customer's access history is one indexed read, and so it can be
    handed to the customer in an export.
    """

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    agent_id: int | None = Field(default=None, foreign_key="agent.id", index=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    desk_name: str = typed_text(120, default="")
    """The terminal's name as colleagues see it ("Front 1")."""
    terminal_id: str = Field(default="", max_length=64)
    purpose: str = Field(max_length=20)
    """An AccessPurpose value."""


class AuditEvent(SQLModel, table=True):
    """Who viewed or changed which record, and when (privacy, row 13)."""

    id: int | None = Field(default=None, primary_key=True)
    agent_id: int | None = Field(default=None, foreign_key="agent.id", index=True)
    action: str = Field(max_length=40, index=True)
    entity: str = Field(max_length=40)
    entity_id: int | None = Field(default=None, index=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    detail: str = Field(default="", sa_column=Column(DeskText, nullable=False, default=""))


class DeskChange(SQLModel, table=True):
    """One committed change, for the other terminals to follow: the desk-wide change feed on SQLite.

    PostgreSQL terminals hear of the same rows through NOTIFY; SQLite terminals read them by id.
    """

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    terminal: str = Field(default="", max_length=64)
    """The terminal that made the change, so it need not react to its own work twice."""
    kind: str = Field(max_length=40)
    """What changed: customer, note, interaction, promise, rules, catalog, agent, presence..."""
    action: str = Field(default="changed", max_length=40)
    entity_id: int | None = None
    customer_id: int | None = None
    interaction_id: int | None = None


class Terminal(SQLModel, table=True):
    """A terminal with the desk open: who is at it, and which customer or call is on its screen.

    A heartbeat keeps `seen_at` fresh; a terminal not seen for 30 s has crashed or lost its network.
    """

    id: str = Field(primary_key=True, max_length=36)
    desk_name: str = typed_text(120)
    agent_id: int | None = Field(default=None, foreign_key="agent.id", index=True)
    customer_id: int | None = Field(default=None, index=True)
    interaction_id: int | None = Field(default=None, index=True)
    started_at: datetime = Field(default_factory=utcnow)
    seen_at: datetime = Field(default_factory=utcnow, index=True)


class Kudos(SQLModel, table=True):
    """Recognition a supervisor sent an agent for serving well (row 12), shown to them at their next sign-in."""

    id: int | None = Field(default=None, primary_key=True)
    from_agent_id: int = Field(foreign_key="agent.id", index=True)
    to_agent_id: int = Field(foreign_key="agent.id", index=True)
    note: str = Field(sa_column=Column(DeskText, nullable=False))
    source_kind: str = Field(default="", max_length=20)
    """What earned it, when sent from a suggestion: rating, praise, kept-early or calmed; empty for a free kudos."""
    source_id: int | None = None
    """The interaction, note or promise the suggestion came from."""
    at: datetime = Field(default_factory=utcnow, index=True)
    seen_at: datetime | None = None
    """When the agent was shown it; None until their next sign-in."""
