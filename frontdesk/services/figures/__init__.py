"""The supervisor's figures over a period: one module per family of figures, each one set-based query or two."""
