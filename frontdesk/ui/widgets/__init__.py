"""Widgets shared by the screens; each owns its look and its keys."""
