"""Per-feature doors to the services for screens: each opens its own short sessions and answers with plain values."""
