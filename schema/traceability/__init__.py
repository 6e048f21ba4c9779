"""GraphQL surface of the admin action log."""
