"""GraphQL surface of the participant's own data: download it, delete the account."""
