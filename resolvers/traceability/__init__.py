"""Traceability: the admin action log (``log.log_action`` to write, ``queries`` to read)."""
