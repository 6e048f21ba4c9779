"""Participa application package: settings, database bootstrap, ASGI app and CLI."""
