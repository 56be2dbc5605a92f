"""The demo desk: a lived-in database for trying frontdesk and for training new staff."""
