"""The figures board: what the Day section's figures and charts, `frontdesk report` and the CSV export read."""

from __future__ import annotations

from pathlib import Path

from frontdesk.clock.now import local_zone, utcnow
from frontdesk.services.desk import Desk
from frontdesk.services.desk_rules import load_rules
from frontdesk.services.figures.board import DeskFigures, desk_figures
from frontdesk.services.figures.charts import DeskCharts, desk_charts
from frontdesk.services.figures.export import as_csv
from frontdesk.services.figures.period import Period, range_period, typed_period
from frontdesk.services.validation import ValidationError


class FiguresBoard:
    """Each call opens its own reading session and checks that the signed-in person is a supervisor."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def period(self, typed: str) -> Period:
        """The range typed in the Day section's box ("this week", "1/11 - 15/11"); no database needed."""
        return typed_period(typed, utcnow(), local_zone())

    def period_between(self, from_text: str | None, to_text: str | None) -> Period:
        """The range of `report --from --to`."""
        return range_period(from_text, to_text, utcnow(), local_zone())

    def figures(self, period: Period) -> DeskFigures:
        with self.desk.reading() as session:
            return desk_figures(session, self._viewer(), period, utcnow(), load_rules(session))

    def charts(self, period: Period) -> DeskCharts:
        with self.desk.reading() as session:
            return desk_charts(session, self._viewer(), period, utcnow())

    @staticmethod
    def export_csv(figures: DeskFigures, path: str) -> Path:
        """Writes the figures shown to the file the supervisor named; an existing file is not overwritten."""
        target = Path(path.strip()).expanduser()
        if not path.strip():
            raise ValidationError("path", "Name the file to write, for example figures.csv.")
        if target.exists():
            raise ValidationError("path", f"{target} already exists; choose another name.")
        try:
            with target.open("x", encoding="utf-8", newline="") as file:
                file.write(as_csv(figures))
        except OSError as error:
            raise ValidationError("path", f"Cannot write {target}: {error.strerror or error}.") from None
        return target

    def _viewer(self) -> int | None:
        return self.desk.agent.id if self.desk.agent is not None else None
