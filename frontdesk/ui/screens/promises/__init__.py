"""The promises screens."""
