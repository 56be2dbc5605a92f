"""Customer lookup: one query box that finds the right customer despite typos, order, script and spacing."""

from frontdesk.lookup.highlight import highlight_spans
from frontdesk.lookup.index import CustomerIndex
from frontdesk.lookup.normalize import normalize
from frontdesk.lookup.records import Found, LookupRecord, Match

__all__ = ["CustomerIndex", "Found", "LookupRecord", "Match", "highlight_spans", "normalize"]
