"""Administration: API tokens, space roles and members, and the admin mutations for spaces and components."""
