"""The terminal app: sections, dialogs and widgets. Screens call services from workers, never SQL."""
