"""The desk's sections and dialogs: one module per thing the user does."""
