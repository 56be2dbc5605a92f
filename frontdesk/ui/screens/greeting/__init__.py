"""The greeting screens."""
