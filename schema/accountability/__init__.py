"""GraphQL types of the accountability component: results, statuses, milestones, and its write API."""
