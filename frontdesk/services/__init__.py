"""The desk's operations: what screens, the CLI and the tests call to read and change records."""
