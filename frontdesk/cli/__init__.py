"""The `frontdesk` command: its parser, and one module per subcommand."""
