"""Moderation after the fact: reports counted per resource, automatic and manual hiding, blocking."""
