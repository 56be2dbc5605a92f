"""The basics that cost nothing, ticked off during a call; a reminder, never a gate."""

from __future__ import annotations

from sqlmodel import Session

from frontdesk.services import audit
from frontdesk.services.interactions import get_interaction
from frontdesk.services.validation import ValidationError

CHECKLIST = (
    ("greeted", "Greeted by name"),
    ("please", "Said please and thank you"),
    ("sorry", "Apologised where something went wrong"),
    ("summarised", "Summarised back before ending"),
)


def toggle_courtesy(session: Session, interaction_id: int, agent_id: int, item: str) -> list[str]:
    if item not in dict(CHECKLIST):
        raise ValidationError("courtesy", f"Unknown checklist item {item!r}.")
    interaction = get_interaction(session, interaction_id, for_update=True)  # two terminals ticking at once both count
    ticked = [done for done in interaction.courtesy if done != item]
    if item not in interaction.courtesy:
        ticked.append(item)
    interaction.courtesy = [key for key, _ in CHECKLIST if key in ticked]
    audit.record(session, agent_id, "courtesy", "interaction", interaction_id, ",".join(interaction.courtesy))
    session.commit()
    return list(interaction.courtesy)
