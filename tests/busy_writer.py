"""A second terminal that keeps adding customers, one commit each, until its stop file appears (for the backup tests).

Run as `python tests/busy_writer.py URL STOP_FILE`; prints the running count after every commit.
"""

from __future__ import annotations

import sys
from pathlib import Path

from frontdesk.services.agents import create_agent
from frontdesk.services.customer_form import CustomerForm
from frontdesk.services.customers import create_customer
from frontdesk.services.desk import open_desk


def main(url: str, stop_file: Path) -> None:
    desk = open_desk(url)
    with desk.session() as session:
        agent = create_agent(session, "Busy Writer").id
    written = 0
    while not stop_file.exists():
        with desk.session() as session:
            create_customer(session, CustomerForm(given_name="Writer", family_name=f"Customer {written}"), agent)
        written += 1
        print(written, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
