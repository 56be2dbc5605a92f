"""Per-feature facades: each method opens its own short session and returns plain frozen data, for screens to call from workers."""
