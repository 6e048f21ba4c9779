"""GraphQL types of the blogs component: posts."""
