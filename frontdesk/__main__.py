"""Lets `python -m frontdesk` behave exactly like the `frontdesk` command."""

from frontdesk.cli.main import main

raise SystemExit(main())
