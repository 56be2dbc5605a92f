"""The one error type the commands raise for a problem the user can fix."""


class CliError(Exception):
    """A problem the user can fix; printed as one line, exit code 1."""
