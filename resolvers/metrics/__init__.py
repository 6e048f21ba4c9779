"""Metrics: public figures per organization and space, their daily history and participation breakdowns."""
