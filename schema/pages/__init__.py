"""GraphQL types of the pages component."""
