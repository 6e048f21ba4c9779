"""GraphQL vocabulary of full-text search: the ``search`` root field and its results."""
