"""Where frontdesk keeps its files on this machine."""

from pathlib import Path

from platformdirs import user_data_path


def default_database_path() -> Path:
    return user_data_path("frontdesk", appauthor=False) / "frontdesk.sqlite"
