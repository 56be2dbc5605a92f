"""Supervisors look after the people at the desk: adding colleagues, resetting secrets."""
