"""GraphQL types, inputs and the root schema (Strawberry). Thin: data access lives in ``resolvers``."""
