"""The dialogs screens."""
