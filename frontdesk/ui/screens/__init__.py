"""The app's screens, grouped by the section a person is working in."""
