"""Proposals in GraphQL: the component type, the proposal type, its connection and the write API."""
