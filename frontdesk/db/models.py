"""The desk's tables: who works here, who the customers are, and what happened with them."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, Text
from sqlmodel import Field, SQLModel

from frontdesk.clock import utcnow


class Role(StrEnum):
    AGENT = "agent"
    SUPERVISOR = "supervisor"


class Channel(StrEnum):
    PHONE = "phone"
    WALK_IN = "walk-in"
    EMAIL = "email"
    CHAT = "chat"


class PromiseStatus(StrEnum):
    OPEN = "open"
    KEPT = "kept"
    BROKEN = "broken"
    CANCELLED = "cancelled"


class Agent(SQLModel, table=True):
    """A person at the desk; every record they create carries their id."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, unique=True, index=True)
    role: str = Field(default=Role.AGENT, max_length=20)
    """A Role value; stored as plain text so new roles need no database enum change."""
    active: bool = Field(default=True, index=True)
    created_at: datetime = Field(default_factory=utcnow)


class Customer(SQLModel, table=True):
    """A customer, with names stored exactly as they spell them, in any script."""

    id: int | None = Field(default=None, primary_key=True)
    honorific: str = Field(default="", max_length=40)
    given_name: str = Field(default="", max_length=200)
    family_name: str = Field(default="", max_length=200, index=True)
    preferred_address: str = Field(default="", max_length=200)
    """How they want to be addressed ("Dr. Rahimi", "Mary"), read aloud from the greeting card."""
    pronunciation: str = Field(default="", max_length=200)
    """A hint for saying the name right ("ra-HEE-mee")."""
    phones: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    email: str = Field(default="", max_length=254)
    street: str = Field(default="", max_length=300)
    city: str = Field(default="", max_length=120)
    birth_date: date | None = None
    language: str = Field(default="", max_length=20)
    """The language the customer prefers to be served in (en, fa, el, ...)."""
    preferences: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    created_by_id: int | None = Field(default=None, foreign_key="agent.id", index=True)
    merged_into_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    """Set when this record was merged into another; such records are kept, not deleted."""


class CustomerAlias(SQLModel, table=True):
    """A former spelling (after a correction or a merge) that must still find the customer."""

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    name: str = Field(max_length=400)
    created_at: datetime = Field(default_factory=utcnow)


class Interaction(SQLModel, table=True):
    """One contact with a customer: a call, a visit, an email or a chat, with one owner."""

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    """None while an unknown caller has not been linked to a record yet."""
    channel: str = Field(default=Channel.PHONE, max_length=20)
    reason: str = Field(default="", max_length=500)
    owner_id: int = Field(foreign_key="agent.id", index=True)
    created_by_id: int = Field(foreign_key="agent.id", index=True)
    started_at: datetime = Field(default_factory=utcnow, index=True)
    ended_at: datetime | None = Field(default=None, index=True)
    outcome: str = Field(default="", max_length=40)
    summary: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class Note(SQLModel, table=True):
    """A timestamped line taken during an interaction."""

    id: int | None = Field(default=None, primary_key=True)
    interaction_id: int = Field(foreign_key="interaction.id", index=True)
    agent_id: int = Field(foreign_key="agent.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, index=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    verbatim: bool = False
    """The customer's own words, kept exactly and shown quoted."""


class Promise(SQLModel, table=True):
    """Something the desk promised a customer, chased until it is kept."""

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    interaction_id: int | None = Field(default=None, foreign_key="interaction.id", index=True)
    what: str = Field(max_length=1000)
    due_at: datetime = Field(index=True)
    owner_id: int = Field(foreign_key="agent.id", index=True)
    created_by_id: int = Field(foreign_key="agent.id", index=True)
    status: str = Field(default=PromiseStatus.OPEN, max_length=20, index=True)
    created_at: datetime = Field(default_factory=utcnow)
    closed_at: datetime | None = None


class AuditEvent(SQLModel, table=True):
    """Who viewed or changed which record, and when (privacy, row 13)."""

    id: int | None = Field(default=None, primary_key=True)
    agent_id: int | None = Field(default=None, foreign_key="agent.id", index=True)
    action: str = Field(max_length=40, index=True)
    entity: str = Field(max_length=40)
    entity_id: int | None = Field(default=None, index=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    detail: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
