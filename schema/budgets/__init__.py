"""Budgets in GraphQL: the component type, budgets, projects, the viewer's order and the write API."""
