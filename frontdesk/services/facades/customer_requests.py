"""What a supervisor does when a customer asks: who looked at my record, what do you hold about me, forget me.

Used by the greeting card and by `frontdesk customer ...`; every method opens its own short session.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frontdesk.db.scrub import scrub_freed_pages
from frontdesk.services.access_log import Access, access_log
from frontdesk.services.customer_export import export_customer
from frontdesk.services.customers import check_customer_id
from frontdesk.services.desk import Desk
from frontdesk.services.erasure import Erasure, erase_customer
from frontdesk.services.inactive_customers import InactiveCustomer, inactive_customers
from frontdesk.services.validation import ValidationError


@dataclass(frozen=True)
class Erased:
    erasure: Erasure
    scrubbed: bool
    """False when another terminal kept SQLite's file from being rebuilt or its log from being emptied (see scrub_freed_pages)."""


class CustomerRequests:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def access_log(self, customer_id: int) -> tuple[Access, ...]:
        with self.desk.session() as session:
            check_customer_id(customer_id)
            return access_log(session, self.desk.agent_id, customer_id)

    def export(self, customer_id: int) -> dict[str, Any]:
        with self.desk.session() as session:
            check_customer_id(customer_id)
            return export_customer(session, self.desk, customer_id)

    def export_to_file(self, customer_id: int, path: str) -> Path:
        """A new file readable by its owner only: it holds one customer's personal data. An existing file is never overwritten."""
        if not path.strip():
            raise ValidationError("path", "Name the file to write the export to.")
        target = Path(path.strip()).expanduser()
        if target.exists():
            raise ValidationError("path", f"{target} already exists; name a new file.")
        if not target.parent.is_dir():
            raise ValidationError("path", f"The folder {target.parent} does not exist.")
        document = json.dumps(self.export(customer_id), ensure_ascii=False, indent=2)
        try:
            handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError as error:
            raise ValidationError("path", f"Cannot write {target}: {error.strerror}.") from None
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(document + "\n")
        return target

    def erase(self, customer_id: int, reason: str) -> Erased:
        """The lookup index here forgets at once; other terminals' indexes hear it through the change feed."""
        with self.desk.session() as session:
            check_customer_id(customer_id)
            erasure = erase_customer(session, self.desk.agent_id, customer_id, reason)
            self.desk.directory.follow(session, customer_id)
        return Erased(erasure, scrub_freed_pages(self.desk.engine))

    def inactive(self) -> tuple[InactiveCustomer, ...]:
        with self.desk.session() as session:
            return inactive_customers(session, self.desk.agent_id)
