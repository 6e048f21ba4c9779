"""Budgets: reads, loaders, voting rules and writes (orders, checkout; admins' budgets and projects)."""
