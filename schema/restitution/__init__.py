"""GraphQL for restitution: answering proposals, publishing answers, importing proposals, notifications."""
