"""GraphQL mutations of accounts: register, confirm, sign in and out, profile, passwords."""
