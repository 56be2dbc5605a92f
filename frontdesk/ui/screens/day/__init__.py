"""The day screens."""
