"""What each section of the app asks of the desk: classes that open their own short sessions and return frozen data."""
