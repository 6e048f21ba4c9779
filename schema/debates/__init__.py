"""Debates in GraphQL: the component type, the debate type, its connection and the write API."""
