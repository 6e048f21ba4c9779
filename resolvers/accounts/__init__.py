"""Accounts: registration, sign-in with bearer tokens, password recovery, outgoing emails."""
