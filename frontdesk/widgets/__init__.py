"""Widgets the screens are built from, each owning its look and its keys."""
