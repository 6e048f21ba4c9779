"""Debates: reads, loaders, policies and writes (create, update, close with conclusions, endorsements)."""
