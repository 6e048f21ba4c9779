"""GraphQL for moderation: hiding, blocking, and the moderators' view of reports."""
