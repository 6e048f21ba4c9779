"""Endorsements of any endorsable resource (proposals now; posts, debates later)."""
