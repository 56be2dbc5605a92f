"""The call screens."""
