"""The secret every test person signs in with, and the practice desk's PIN."""

from frontdesk.demo.practice import PRACTICE_PIN

KNOWN_SECRET = "2468"
"""Given to the people the fixtures and tests create; the practice desk's people use PRACTICE_PIN."""

__all__ = ["KNOWN_SECRET", "PRACTICE_PIN"]
