"""Kudos an agent received: the list of their own."""
