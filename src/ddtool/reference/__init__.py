"""Reference data lookups: countries and sectors."""
