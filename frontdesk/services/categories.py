"""Reason categories: the list supervisors keep of why customers get in touch."""

from __future__ import annotations

from sqlmodel import Session, select

from frontdesk.db.models import ReasonCategory
from frontdesk.services import audit
from frontdesk.services.guards import require_supervisor
from frontdesk.services.validation import ValidationError, clean_line


def category_names(session: Session) -> list[str]:
    query = select(ReasonCategory.name).where(ReasonCategory.active == True)  # noqa: E712
    return list(session.exec(query.order_by(ReasonCategory.id)))


def all_categories(session: Session) -> list[ReasonCategory]:
    return list(session.exec(select(ReasonCategory).order_by(ReasonCategory.id)))


def add_category(session: Session, name: str, agent_id: int) -> ReasonCategory:
    require_supervisor(session, agent_id, "change_categories")
    name = clean_line(name, field="category", label="The category", max_length=80, required=True)
    existing = session.exec(select(ReasonCategory).where(ReasonCategory.name == name)).first()
    if existing is not None and existing.active:
        raise ValidationError("category", f"There is already a category called {name}.")
    category = existing or ReasonCategory(name=name)
    category.active = True
    return audit.created(session, category, agent_id, "category", name)


def set_category_active(session: Session, category_id: int, active: bool, agent_id: int) -> ReasonCategory:
    """Retired, not deleted: past interactions keep the category they were filed under."""
    require_supervisor(session, agent_id, "change_categories")
    category = session.get(ReasonCategory, category_id)
    category.active = active
    audit.record(session, agent_id, "update", "category", category_id, f"active={active}")
    session.commit()
    return category
