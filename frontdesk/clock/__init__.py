"""Time at the desk: the clock tests can move, opening hours, due times as typed, and moments in words."""
