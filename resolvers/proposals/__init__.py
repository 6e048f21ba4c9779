"""Proposals: reads, loaders, policies and writes (create, edit, publish, withdraw, supports, endorsements)."""
