"""GraphQL types and root fields of assemblies."""
